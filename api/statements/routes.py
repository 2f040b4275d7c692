"""``GET /statements/{id}/csv`` and ``/statements/{id}/pdf``: a statement for its account or an operator.

Another account's statement reads as not found (404), like one that does not exist.
"""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from api.accounts.auth import InvalidToken, authenticate_request
from api.accounts.models import Account
from api.config import Config
from api.errors import UserError
from api.graphql.ids import parse_id
from api.statements.documents import statement_csv, statement_pdf
from api.statements.models import Statement

__all__ = ["statement_file"]

NOT_FOUND = "未找到该账单"


async def statement_file(request: Request) -> Response:
    raw, fmt = request.path_params["row_id"], request.path_params["fmt"]
    if fmt not in ("csv", "pdf") or not raw.isascii() or not raw.isdigit():
        return PlainTextResponse(NOT_FOUND, 404)
    try:
        row_id = parse_id(raw, "id")
        viewer = await authenticate_request(request)
    except (UserError, InvalidToken):
        return PlainTextResponse(NOT_FOUND, 404)
    if viewer.is_telephony or not (viewer.is_operator or viewer.is_customer):
        return PlainTextResponse(NOT_FOUND, 404)
    query = Statement.filter(id=row_id)
    if not viewer.is_operator:
        query = query.filter(account_id=viewer.account_id)
    statement = await query.first()
    if statement is None:
        return PlainTextResponse(NOT_FOUND, 404)
    account = await Account.get(id=statement.account_id)
    name = f"statement-{statement.month:%Y-%m}.{fmt}"
    headers = {
        "Content-Disposition": f'attachment; filename="{name}"',
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
    }
    if fmt == "csv":
        return Response(
            statement_csv(statement, account.name), media_type="text/csv; charset=utf-8", headers=headers
        )
    config: Config = request.app.state.config
    body = await asyncio.to_thread(statement_pdf, statement, account.name, config.statement_font)
    return Response(body, media_type="application/pdf", headers=headers)
