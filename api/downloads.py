"""File downloads: media audio, recordings, document scans, statements and call exports, behind one gate.

Every route answers in the same order, and reads no row before the caller is known:

1. the URL: an id within the id range and a known format, else 404 (nothing is looked up);
2. the caller: a valid signed link for exactly this row and format (media and recordings, see
   :mod:`api.media.links`), else the session or bearer token of the request;
3. the row, read with the caller's scope in the query itself (operators: any; customers: their
   account's; the telephony layer: reviewed prompts only), so another tenant's row reads as not found;
4. the file, whose path comes from the row (a content hash or a stored relative path), never from the
   request, or the document made from the row (a statement, the filtered call records).

Audio in object storage (``STORAGE_URL=s3://…``): once steps 1-3 have passed, a request without an
``Authorization`` header (a browser opening a signed link or using its session) is redirected (302) to
a pre-signed URL of the store for exactly that object, valid ``config.storage_link_seconds``; the store
then serves the bytes, ranges included, and the service is not in the way. A request with a bearer
token (the telephony agent, API clients) gets the file streamed through the service instead: an HTTP
client following a redirect may carry its ``Authorization`` header along to the store, which would both
leak the token and make the store refuse a request signed twice. The redirect itself is never cached,
since the pre-signed URL expires well before the service's own signed link.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from api.accounts.auth import ANONYMOUS, InvalidToken, Viewer, authenticate_request
from api.accounts.models import Account
from api.applications.documents import document_key
from api.applications.form_template import FormValues, application_form_pdf
from api.applications.models import Document
from api.calls.models import Disposition
from api.calls.queries import CallFilter, csv_lines
from api.clock import to_local, utcnow
from api.config import Config
from api.errors import UserError
from api.graphql.ids import parse_id
from api.media import storage as media_storage
from api.media.links import verify
from api.media.models import MediaItem, ReviewStatus
from api.numbers.models import Number
from api.numbers.numbering import format_number
from api.recordings import storage as recording_storage
from api.recordings.models import Recording
from api.spreadsheets import csv_document
from api.statements.documents import statement_csv, statement_pdf
from api.statements.models import Statement
from api.storage import AudioFiles, check_key, content_disposition, object_store
from audio import OutputKind

__all__ = ["MEDIA_FORMATS", "RECORDING_FORMATS", "download_routes"]

NOT_FOUND = "未找到该文件"
#: URL format name → delivered file.
MEDIA_FORMATS: Mapping[str, OutputKind] = {kind.extension: kind for kind in media_storage.COLUMNS}
RECORDING_FORMATS: Mapping[str, OutputKind] = {kind.extension: kind for kind in recording_storage.COLUMNS}
#: What the telephony layer may fetch: prompts, never a ringback still waiting for review.
_PLAYABLE = (ReviewStatus.NOT_REQUIRED, ReviewStatus.APPROVED)


def _not_found() -> Response:
    return PlainTextResponse(NOT_FOUND, 404)


def _row_id(raw: str) -> int | None:
    """The id in the URL, or None when it is not one (a 20-digit number is simply not found)."""
    try:
        return parse_id(raw, "id")
    except UserError:
        return None


@dataclass(frozen=True)
class _Access:
    """Who may read what: a signed link opens its one row whoever holds it; else the viewer's scope."""

    signed: bool
    viewer: Viewer


async def _caller(request: Request) -> Viewer:
    """The caller of a file request; an invalid token reads as anonymous (the file is then not found)."""
    try:
        return await authenticate_request(request)
    except InvalidToken:
        return ANONYMOUS


async def _signed_or_caller(request: Request, scope: str, row_id: int, fmt: str) -> _Access:
    config: Config = request.app.state.config
    params = request.query_params
    if verify(config, scope, row_id, fmt, params.get("expires"), params.get("signature")):
        return _Access(signed=True, viewer=ANONYMOUS)
    return _Access(signed=False, viewer=await _caller(request))


async def _audio(request: Request, files: AudioFiles, sha: str, kind: OutputKind, name: str) -> Response:
    """An audio file with range support; ``?download=1`` makes it an attachment named ``name``.

    From a local directory the service sends the file itself; from object storage see the module
    docstring (a redirect to a pre-signed URL, or the bytes streamed to a bearer-token caller).
    """
    download = request.query_params.get("download") in ("1", "true")
    filename = f"{name}.{kind.extension}" if download else None
    headers = {"Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff"}
    key = files.key(sha, kind.extension)
    path = files.store.local_path(key)
    if path is not None:
        if not path.is_file():
            return _not_found()
        return FileResponse(
            path,
            media_type=kind.media_type,
            filename=filename,
            content_disposition_type="attachment" if download else "inline",
            headers=headers,
        )
    config: Config = request.app.state.config
    if "authorization" not in request.headers:
        url = files.store.signed_url(
            key,
            seconds=config.storage_link_seconds,
            content_type=kind.media_type,
            filename=filename,
            inline=not download,
        )
        if url is not None:
            return RedirectResponse(url, 302, headers={"Cache-Control": "no-store"})
    try:
        chunks = await files.store.open(key)
    except FileNotFoundError:
        return _not_found()
    headers["Content-Disposition"] = content_disposition(filename, inline=not download)
    return StreamingResponse(chunks, media_type=kind.media_type, headers=headers)


def _media_scope(viewer: Viewer) -> dict[str, Any] | None:
    if viewer.is_operator:
        return {}
    if viewer.is_telephony:
        return {"review_status__in": list(_PLAYABLE)}
    if viewer.is_customer:
        return {"account_id": viewer.account_id}
    return None


async def _person(request: Request) -> Viewer | Response:
    """A signed-in operator or customer, else the 401 that asks to sign in (no signed links here)."""
    try:
        viewer = await authenticate_request(request)
    except InvalidToken:
        return PlainTextResponse("访问令牌无效", 401)
    if not viewer.is_authenticated or viewer.is_telephony:
        return PlainTextResponse("请先登录", 401)
    return viewer


def _attachment(body: bytes, media_type: str, filename: str) -> Response:
    """A document made for this caller: downloaded, never cached on the way."""
    return Response(
        body,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "private, no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


def _owner_scope(viewer: Viewer, account_field: str) -> dict[str, Any] | None:
    """Operators see every row, customers their account's, nobody else any (telephony included)."""
    if viewer.is_operator:
        return {}
    if viewer.is_customer:
        return {account_field: viewer.account_id}
    return None


async def media_file(request: Request) -> Response:
    row_id, kind = _row_id(request.path_params["row_id"]), MEDIA_FORMATS.get(request.path_params["fmt"])
    if row_id is None or kind is None:
        return _not_found()
    access = await _signed_or_caller(request, "media", row_id, kind.extension)
    scope = {} if access.signed else _media_scope(access.viewer)
    if scope is None:
        return _not_found()
    item = await MediaItem.filter(id=row_id, deleted_at__isnull=True, **scope).first()
    if item is None:
        return _not_found()
    config: Config = request.app.state.config
    files = media_storage.media_store(config)
    return await _audio(request, files, getattr(item, media_storage.COLUMNS[kind]), kind, item.name)


async def recording_file(request: Request) -> Response:
    row_id, kind = _row_id(request.path_params["row_id"]), RECORDING_FORMATS.get(request.path_params["fmt"])
    if row_id is None or kind is None:
        return _not_found()
    access = await _signed_or_caller(request, "recordings", row_id, kind.extension)
    scope = {} if access.signed else _owner_scope(access.viewer, "account_id")
    if scope is None:
        return _not_found()
    row = await Recording.filter(id=row_id, **scope).first()
    if row is None:
        return _not_found()
    if row.deleted_at is not None:
        return PlainTextResponse("该录音已超过保存期限或已被删除", 410)
    if not getattr(row, recording_storage.COLUMNS[kind]):  # pending or failed: nothing to send yet
        return PlainTextResponse("录音处理中,请稍后再试" if row.failure == "" else "录音处理失败", 409)
    config: Config = request.app.state.config
    files = recording_storage.recording_store(config)
    when = f"{to_local(row.started_at):%Y%m%d%H%M%S}"
    name = f"{row.kind.value}-{row.number_text}-{when}-{row.caller or 'unknown'}"
    return await _audio(request, files, getattr(row, recording_storage.COLUMNS[kind]), kind, name)


async def document_file(request: Request) -> Response:
    """A document scan: signed-in people only (no signed links: a scan never leaves the session).

    ``?inline=1`` lets the review screen show the scan in the page (an image, or a PDF in a frame);
    otherwise it is downloaded. Either way the type is the one sniffed from the bytes at upload (PDF,
    PNG or JPEG) and ``nosniff`` keeps the browser from guessing another. From object storage the
    service streams the scan itself (no pre-signed URL, which anybody holding it could open).
    """
    row_id = _row_id(request.path_params["row_id"])
    viewer = await _person(request)
    if isinstance(viewer, Response):
        return viewer
    scope = _owner_scope(viewer, "application__account_id")
    if row_id is None or scope is None:
        return _not_found()
    doc = await Document.filter(id=row_id, **scope).first()
    if doc is None:
        return _not_found()
    try:
        key = check_key(document_key(doc.path))  # a stored path that would escape its folder: no file
    except ValueError:
        return _not_found()
    config: Config = request.app.state.config
    store = object_store(config)
    inline = request.query_params.get("inline") in ("1", "true")
    headers = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}
    path = store.local_path(key)
    if path is not None:
        if not path.is_file():
            return _not_found()
        return FileResponse(
            path,
            media_type=doc.content_type,
            filename=doc.filename,
            content_disposition_type="inline" if inline else "attachment",
            headers=headers,
        )
    try:
        chunks = await store.open(key)
    except FileNotFoundError:
        return _not_found()
    headers["Content-Disposition"] = content_disposition(doc.filename, inline)
    return StreamingResponse(chunks, media_type=doc.content_type, headers=headers)


async def statement_file(request: Request) -> Response:
    """A monthly statement as CSV or PDF, for its account or an operator."""
    row_id, fmt = _row_id(request.path_params["row_id"]), request.path_params["fmt"]
    if row_id is None or fmt not in ("csv", "pdf"):
        return _not_found()
    scope = _owner_scope(await _caller(request), "account_id")
    statement = await Statement.filter(id=row_id, **scope).first() if scope is not None else None
    if statement is None:
        return _not_found()
    account = await Account.get(id=statement.account_id)
    name = f"statement-{statement.month:%Y-%m}.{fmt}"
    if fmt == "csv":
        return _attachment(statement_csv(statement, account.name), "text/csv; charset=utf-8", name)
    config: Config = request.app.state.config
    body = await asyncio.to_thread(statement_pdf, statement, account.name, config.statement_font)
    return _attachment(body, "application/pdf", name)


def _time(raw: str | None, name: str) -> dt.datetime | None:
    if raw is None or raw == "":
        return None
    try:
        return dt.datetime.fromisoformat(raw)
    except ValueError:
        raise UserError("invalid_time", "时间格式应为ISO 8601,例如2026-12-01T00:00:00+08:00", name) from None


async def calls_csv(request: Request) -> Response:
    """``GET /calls.csv``: the caller's call records with the filters of ``callRecords``.

    Customers get their account's calls, operators everyone's; a number of another account reads as not
    found (404), like a number that does not exist. Filters: ``numberId``, ``since`` and ``until`` (ISO
    8601 with a time zone), ``caller`` (leading digits) and ``disposition`` (e.g. ``no_answer``).
    """
    viewer = await _person(request)
    if isinstance(viewer, Response):
        return viewer
    params = request.query_params
    scope = None if viewer.is_operator else viewer.account_id
    try:
        number_id = None
        if params.get("numberId"):
            number_id = parse_id(params["numberId"], "numberId")
            owned = Number.filter(id=number_id)
            if scope is not None:
                owned = owned.filter(account_id=scope)
            if not await owned.exists():
                return PlainTextResponse("未找到该号码", 404)
        disposition = params.get("disposition")
        if disposition and disposition not in {d.value for d in Disposition}:
            raise UserError("invalid_disposition", "未知的通话结果", "disposition")
        calls = CallFilter(
            account_id=scope,
            number_id=number_id,
            since=_time(params.get("since"), "since"),
            until=_time(params.get("until"), "until"),
            caller=params.get("caller") or None,
            disposition=Disposition(disposition) if disposition else None,
        ).check()
    except UserError as error:
        return PlainTextResponse(error.message, 400)
    return _attachment(csv_document(await csv_lines(calls)), "text/csv; charset=utf-8", "calls.csv")


async def application_form(request: Request) -> Response:
    """``GET /templates/application-form.pdf``: the 400 standard application form (受理单) to print and seal.

    For signed-in customers and operators. ``numberId`` (the customer's own number) and the application's
    fields as typed so far (``companyName``, ``creditCode``, ``legalRepName``, ``contactName``,
    ``contactPhone``, repeated ``bound``) are printed on it; anything missing is left blank.
    """
    viewer = await _person(request)
    if isinstance(viewer, Response):
        return viewer
    params = request.query_params
    number = ""
    if params.get("numberId"):
        row_id = _row_id(params["numberId"])
        owned = Number.filter(id=row_id) if row_id is not None else None
        if owned is not None and not viewer.is_operator:
            owned = owned.filter(account_id=viewer.account_id)
        found = await owned.first() if owned is not None else None
        if found is None:
            return PlainTextResponse("未找到该号码", 404)
        number = format_number(found.number)
    company = params.get("companyName", "")
    if not company and viewer.account_id is not None:
        account = await Account.filter(id=viewer.account_id).first()
        company = account.name if account else ""
    values = FormValues(
        number=number,
        company_name=company,
        credit_code=params.get("creditCode", ""),
        legal_rep_name=params.get("legalRepName", ""),
        contact_name=params.get("contactName", ""),
        contact_phone=params.get("contactPhone", ""),
        bound_numbers=params.getlist("bound"),
    )
    config: Config = request.app.state.config
    today = to_local(utcnow()).date()
    body = await asyncio.to_thread(application_form_pdf, values, config.statement_font, today)
    return _attachment(body, "application/pdf", "400-application-form.pdf")


def _route(path: str, endpoint: Callable[[Request], Awaitable[Response]]) -> Route:
    return Route(path, endpoint, methods=["GET", "HEAD"])


def download_routes() -> list[Route]:
    return [
        _route("/media/{row_id}/{fmt}", media_file),
        _route("/recordings/{row_id}/{fmt}", recording_file),
        _route("/documents/{row_id}", document_file),
        _route("/statements/{row_id}/{fmt}", statement_file),
        _route("/calls.csv", calls_csv),
        _route("/templates/application-form.pdf", application_form),
    ]
