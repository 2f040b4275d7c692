"""HTTP route serving recordings: only a signed link, the owner's session/token or an operator.

The telephony layer uploads recordings but may not read them back. The path comes from the row's stored
hash and a fixed extension, never from the request.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from api.clock import to_local
from api.config import Config
from api.media.links import verify
from api.media.routes import NOT_FOUND, file_response, principal_of
from api.recordings.models import Recording
from api.recordings.storage import COLUMNS, recording_store
from audio import OutputKind

__all__ = ["recording_routes"]

_FORMATS = {kind.extension: kind for kind in COLUMNS}


async def recording_file(request: Request) -> Response:
    config: Config = request.app.state.config
    row_id: int = request.path_params["row_id"]
    kind: OutputKind | None = _FORMATS.get(request.path_params["fmt"])
    if kind is None:
        return PlainTextResponse(NOT_FOUND, 404)
    row = await Recording.get_or_none(id=row_id)
    if row is None:
        return PlainTextResponse(NOT_FOUND, 404)
    signed = verify(
        config,
        "recordings",
        row_id,
        kind.extension,
        request.query_params.get("expires"),
        request.query_params.get("signature"),
    )
    if not signed:
        viewer = await principal_of(request)
        owner = viewer.is_customer and viewer.account_id == row.account_id
        if not (owner or viewer.is_operator):
            return PlainTextResponse(NOT_FOUND, 404)
    if row.deleted_at is not None:
        return PlainTextResponse("该录音已超过保存期限或已被删除", 410)
    path = recording_store(config).path_for(getattr(row, COLUMNS[kind]), kind.extension)
    name = f"{row.kind.value}-{row.number_text}-{to_local(row.started_at):%Y%m%d%H%M%S}-{row.caller or 'unknown'}"
    return file_response(request, path, kind, name)


def recording_routes() -> list[Route]:
    return [Route("/recordings/{row_id:int}/{fmt}", recording_file, methods=["GET", "HEAD"])]
