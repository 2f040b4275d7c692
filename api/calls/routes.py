"""``GET /calls.csv``: the caller's call records as CSV, with the filters of ``callRecords``.

Customers get their account's calls, operators everyone's; a number of another account reads as not
found (404), like a number that does not exist. Filters: ``numberId``, ``since`` and ``until`` (ISO 8601
with a time zone), ``caller`` (leading digits) and ``disposition`` (e.g. ``no_answer``).
"""

from __future__ import annotations

import datetime as dt

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from api.accounts.auth import InvalidToken, authenticate_request
from api.calls.models import Disposition
from api.calls.queries import CallFilter, csv_lines
from api.errors import UserError
from api.graphql.ids import parse_id
from api.numbers.models import Number

__all__ = ["calls_csv"]


def _time(raw: str | None, name: str) -> dt.datetime | None:
    if raw is None or raw == "":
        return None
    try:
        return dt.datetime.fromisoformat(raw)
    except ValueError:
        raise UserError("invalid_time", "时间格式应为ISO 8601,例如2026-12-01T00:00:00+08:00", name) from None


async def calls_csv(request: Request) -> Response:
    try:
        viewer = await authenticate_request(request)
    except InvalidToken:
        return PlainTextResponse("访问令牌无效", 401)
    if not (viewer.is_operator or viewer.is_customer) or viewer.is_telephony:
        return PlainTextResponse("请先登录", 401)
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
    body = "\r\n".join(await csv_lines(calls)) + "\r\n"
    return Response(
        body.encode(),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="calls.csv"',
            "Cache-Control": "private, no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )
