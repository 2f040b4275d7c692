"""HTTP routes serving media audio: a signed link, or a session/token that may see the row.

The file's path is derived from the row's stored hash and a fixed extension, never from the request: the
request only names a row id (an integer) and one of a fixed set of formats.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route

from api.accounts.auth import ANONYMOUS, InvalidToken, Viewer, authenticate_request
from api.config import Config
from api.media.links import verify
from api.media.models import MediaItem, ReviewStatus
from api.media.storage import COLUMNS, media_store
from audio import OutputKind

__all__ = ["FORMATS", "file_response", "media_routes", "principal_of"]

#: URL format name → delivered file.
FORMATS = {kind.extension: kind for kind in OutputKind}
NOT_FOUND = "未找到该文件"


async def principal_of(request: Request) -> Viewer:
    """The caller of a file request; an invalid token reads as anonymous (the file is then not found)."""
    try:
        return await authenticate_request(request)
    except InvalidToken:
        return ANONYMOUS


def file_response(request: Request, path: Path, kind: OutputKind, name: str) -> Response:
    """The file, streamed with range support; ``?download=1`` makes it an attachment named ``name``."""
    if not path.is_file():
        return PlainTextResponse(NOT_FOUND, 404)
    download = request.query_params.get("download") in ("1", "true")
    return FileResponse(
        path,
        media_type=kind.media_type,
        filename=f"{name}.{kind.extension}" if download else None,
        content_disposition_type="attachment" if download else "inline",
        headers={"Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff"},
    )


async def _may_read(request: Request, item: MediaItem) -> bool:
    viewer = await principal_of(request)
    if viewer.is_operator:
        return True
    if viewer.is_telephony:  # prompt files for the telephony layer; never unreviewed ringbacks
        return item.review_status in (ReviewStatus.NOT_REQUIRED, ReviewStatus.APPROVED)
    return viewer.is_customer and viewer.account_id == item.account_id


async def media_file(request: Request) -> Response:
    config: Config = request.app.state.config
    item_id: int = request.path_params["item_id"]
    kind = FORMATS.get(request.path_params["fmt"])
    if kind is None:
        return PlainTextResponse(NOT_FOUND, 404)
    item = await MediaItem.get_or_none(id=item_id, deleted_at__isnull=True)
    if item is None:
        return PlainTextResponse(NOT_FOUND, 404)
    signed = verify(
        config,
        "media",
        item_id,
        kind.extension,
        request.query_params.get("expires"),
        request.query_params.get("signature"),
    )
    if not signed and not await _may_read(request, item):
        return PlainTextResponse(NOT_FOUND, 404)
    path = media_store(config).path_for(getattr(item, COLUMNS[kind]), kind.extension)
    return file_response(request, path, kind, item.name)


def media_routes() -> list[Route]:
    return [Route("/media/{item_id:int}/{fmt}", media_file, methods=["GET", "HEAD"])]
