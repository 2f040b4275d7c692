"""The floor for bench/api.py: the same reads as the GraphQL queries, hand-written as Starlette JSON endpoints.

Same bearer-token look-up (``authenticate_token``), same Tortoise queries (one per relation per page), same
JSON shape as the GraphQL response (``{"data": …}``, enum names, Beijing-time ISO datetimes, cursors), so
the GraphQL/floor ratio is what the GraphQL layer costs. Nothing else: no parsing, validation, middleware.

Served like the service: ``python bench/api_floor.py --port 8401`` (uvicorn, access log off).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this file's directory comes first on sys.path, where bench/api.py shadows ``api``.
sys.path[:] = [str(ROOT), *(p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench")]

from starlette.applications import Starlette  # noqa: E402
from starlette.requests import Request  # noqa: E402
from starlette.responses import JSONResponse, Response  # noqa: E402
from starlette.routing import Route  # noqa: E402
from tortoise.contrib.starlette import RegisterTortoise  # noqa: E402

from api.accounts.auth import InvalidToken, Viewer, authenticate_token  # noqa: E402
from api.accounts.models import Account  # noqa: E402
from api.clock import to_local  # noqa: E402
from api.config import load_config  # noqa: E402
from api.db import tortoise_config  # noqa: E402
from api.graphql.pagination import encode_cursor  # noqa: E402
from api.numbers.models import GradePrice, Number  # noqa: E402
from api.numbers.numbering import (  # noqa: E402
    CARRIER_NAMES_ZH,
    GRADE_NAMES_ZH,
    STATUS_NAMES_ZH,
    NumberStatus,
    format_number,
)
from api.reservations.models import Reservation  # noqa: E402

__all__ = ["create_app"]

HELD = (NumberStatus.RESERVED, NumberStatus.APPLIED)


async def _viewer(request: Request) -> Viewer | None:
    authorization = request.headers.get("authorization", "")
    if not authorization.lower().startswith("bearer "):
        return None
    try:
        viewer = await authenticate_token(authorization[7:].strip())
    except InvalidToken:
        return None
    return viewer if viewer.is_authenticated and not viewer.is_telephony else None


def _refused() -> Response:
    return JSONResponse({"errors": [{"message": "请先登录"}]}, 401)


async def _page(query: Any, first: int) -> tuple[list[Number], bool]:
    rows = await query.order_by("number").limit(first + 1)
    return rows[:first], len(rows) > first


async def _holds(rows: list[Number]) -> dict[int, Reservation]:
    held = [r.id for r in rows if r.status in HELD]
    if not held:
        return {}
    return {h.number_id: h for h in await Reservation.filter(number_id__in=held, ended_at__isnull=True)}


def _page_info(rows: list[Number], has_next: bool) -> dict[str, Any]:
    return {"hasNextPage": has_next, "endCursor": encode_cursor(rows[-1].number) if rows else None}


async def available(request: Request) -> Response:
    if await _viewer(request) is None:
        return _refused()
    first = int(request.query_params.get("first", "50"))
    query = Number.filter(status=NumberStatus.AVAILABLE)
    if prefix := request.query_params.get("prefix"):
        query = query.filter(number__startswith=prefix)
    rows, has_next = await _page(query, first)
    prices = dict(await GradePrice.all().values_list("grade", "price_fen"))
    edges = [
        {
            "cursor": encode_cursor(r.number),
            "node": {
                "id": str(r.id),
                "number": r.number,
                "display": format_number(r.number),
                "carrier": r.carrier.name,
                "carrierName": CARRIER_NAMES_ZH[r.carrier],
                "grade": r.grade.name,
                "gradeName": GRADE_NAMES_ZH[r.grade],
                "priceFen": prices.get(r.grade, 0),
            },
        }
        for r in rows
    ]
    return JSONResponse(
        {"data": {"availableNumbers": {"edges": edges, "pageInfo": _page_info(rows, has_next)}}}
    )


async def dashboard(request: Request) -> Response:
    viewer = await _viewer(request)
    if viewer is None or viewer.account_id is None:
        return _refused()
    first = int(request.query_params.get("first", "50"))
    account = await Account.get_or_none(id=viewer.account_id)
    if account is None:
        return JSONResponse({"data": {"me": {"account": None}}})
    rows, has_next = await _page(Number.filter(account_id=account.id), first)
    holds = await _holds(rows)
    edges = []
    for r in rows:
        hold = holds.get(r.id)
        edges.append(
            {
                "node": {
                    "number": r.number,
                    "display": format_number(r.number),
                    "status": r.status.name,
                    "statusName": STATUS_NAMES_ZH[r.status],
                    "grade": r.grade.name,
                    "gradeName": GRADE_NAMES_ZH[r.grade],
                    "statusChangedAt": to_local(r.status_changed_at).isoformat(),
                    "reservation": {"expiresAt": to_local(hold.expires_at).isoformat()} if hold else None,
                }
            }
        )
    numbers = {"edges": edges, "pageInfo": _page_info(rows, has_next)}
    body = {"name": account.name, "balanceFen": account.balance_fen, "numbers": numbers}
    return JSONResponse({"data": {"me": {"account": body}}})


async def operator_page(request: Request) -> Response:
    viewer = await _viewer(request)
    if viewer is None or not viewer.is_operator:
        return _refused()
    first = int(request.query_params.get("first", "50"))
    rows, _ = await _page(Number.all(), first)
    ids = {r.account_id for r in rows if r.account_id is not None}
    accounts = await Account.in_bulk(ids) if ids else {}
    holds = await _holds(rows)
    edges = []
    for r in rows:
        account = accounts.get(r.account_id) if r.account_id is not None else None
        hold = holds.get(r.id)
        edges.append(
            {
                "node": {
                    "number": r.number,
                    "account": {"name": account.name} if account else None,
                    "reservation": {"expiresAt": to_local(hold.expires_at).isoformat()} if hold else None,
                }
            }
        )
    return JSONResponse({"data": {"numbers": {"edges": edges}}})


async def health(_: Request) -> Response:
    return JSONResponse({"status": "ok"})


def create_app(*, manage_orm: bool = True) -> Starlette:
    config = load_config()
    routes = [
        Route("/floor/available", available),
        Route("/floor/dashboard", dashboard),
        Route("/floor/operator", operator_page),
        Route("/healthz", health),
    ]
    if not manage_orm:
        return Starlette(routes=routes)

    import contextlib

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        async with RegisterTortoise(app, config=tortoise_config(config.database_url)):
            yield

    return Starlette(routes=routes, lifespan=lifespan)


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8401)
    parser.add_argument("--log-level", default="warning")
    args = parser.parse_args()
    uvicorn.run(create_app(), host=args.host, port=args.port, log_level=args.log_level, access_log=False)


if __name__ == "__main__":
    main()
