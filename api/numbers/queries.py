"""Reading the inventory for GraphQL: one query per relation per page, never one per row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import strawberry
from tortoise.queryset import QuerySet

from api.accounts.models import Account
from api.accounts.types import AccountType
from api.clock import to_local
from api.errors import UserError
from api.graphql.context import Info
from api.graphql.pagination import build_connection, fetch_page
from api.graphql.selection import selected_names
from api.numbers.models import GradePrice, Number
from api.numbers.numbering import (
    CARRIER_NAMES_ZH,
    GRADE_NAMES_ZH,
    STATUS_NAMES_ZH,
    Grade,
    NumberStatus,
    format_number,
)
from api.numbers.types import NumberConnection, NumberSearch, NumberType
from api.reservations.models import Reservation
from api.reservations.types import ReservationType
from ivr_flows import parse_400_number

__all__ = [
    "account_numbers",
    "available_numbers",
    "grade_prices",
    "list_numbers",
    "number_nodes",
    "scoped_numbers",
]


async def grade_prices(info: Info) -> dict[Grade, int]:
    cached = info.context.cache.get("grade_prices")
    if cached is None:
        cached = {g: 0 for g in Grade} | dict(await GradePrice.all().values_list("grade", "price_fen"))
        info.context.cache["grade_prices"] = cached
    return cached


#: Columns a page of numbers always reads, and those read only when their field is asked for: parsing
#: timestamps nobody asked for is a good part of what a page of numbers costs.
_COLUMNS = ("id", "number", "carrier", "grade", "status", "account_id")
_COLUMNS_BY_FIELD = {"statusChangedAt": "status_changed_at", "availableFrom": "available_from"}
#: Stands in for a timestamp that was not read because the request did not select it (never shown).
_NOT_ASKED = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


async def number_nodes(
    info: Info, rows: Sequence[Number], wanted: frozenset[str] | None = None
) -> list[NumberType]:
    """Nodes for a page of numbers, loading accounts, holds and prices in one query each if asked for."""
    if wanted is None:
        wanted = selected_names(info)
    accounts: dict[int, Account] = {}
    holds: dict[int, Reservation] = {}
    prices: dict[Grade, int] = {}
    if "account" in wanted:
        ids = {r.account_id for r in rows if r.account_id is not None}
        accounts = await Account.in_bulk(ids) if ids else {}
    if "reservation" in wanted:
        held = [r.id for r in rows if r.status in (NumberStatus.RESERVED, NumberStatus.APPLIED)]
        if held:
            holds = {
                h.number_id: h for h in await Reservation.filter(number_id__in=held, ended_at__isnull=True)
            }
    if "priceFen" in wanted:
        prices = await grade_prices(info)
    nodes = []
    for row in rows:
        account = accounts.get(row.account_id) if row.account_id is not None else None
        hold = holds.get(row.id)
        nodes.append(
            NumberType(
                id=strawberry.ID(str(row.id)),
                number=row.number,
                display=format_number(row.number),
                carrier=row.carrier,
                carrier_name=CARRIER_NAMES_ZH[row.carrier],
                grade=row.grade,
                grade_name=GRADE_NAMES_ZH[row.grade],
                price_fen=prices.get(row.grade, 0),
                status=row.status,
                status_name=STATUS_NAMES_ZH[row.status],
                status_changed_at=to_local(row.status_changed_at)
                if "statusChangedAt" in wanted
                else _NOT_ASKED,
                available_from=to_local(row.available_from)
                if "availableFrom" in wanted and row.available_from
                else None,
                account=AccountType.of(account) if account is not None else None,
                reservation=ReservationType.of(hold, row.number) if hold is not None else None,
            )
        )
    return nodes


def _number_position(text: str) -> str:
    """A number page's cursor: a 400 number exactly as stored (R1), else ValueError."""
    if parse_400_number(text) != text:
        raise ValueError(f"not a stored 400 number: {text!r}")
    return text


async def _connection(
    info: Info, query: QuerySet[Number], *, first: int, after: str | None
) -> NumberConnection:
    wanted = selected_names(info)
    columns = [*_COLUMNS, *(column for name, column in _COLUMNS_BY_FIELD.items() if name in wanted)]
    rows, has_next = await fetch_page(
        query.only(*columns), first=first, after=after, key="number", key_type=_number_position
    )
    nodes = await number_nodes(info, rows, wanted)
    return build_connection(
        NumberConnection, nodes, has_next, key=lambda n: n.number, node=lambda n: n, count_query=query
    )


def _digits(value: str, field: str) -> str:
    digits = value.replace("-", "").replace(" ", "")
    if not digits.isascii() or not digits.isdigit() or len(digits) > 10:
        raise UserError("invalid_digits", "请输入数字", field)
    return digits


def _searched(query: QuerySet[Number], search: NumberSearch | None) -> QuerySet[Number]:
    if search is None:
        return query
    if search.prefix:
        query = query.filter(number__startswith=_digits(search.prefix, "prefix"))
    if search.contains:
        query = query.filter(number__contains=_digits(search.contains, "contains"))
    if search.carrier is not None:
        query = query.filter(carrier=search.carrier)
    if search.grade is not None:
        query = query.filter(grade=search.grade)
    return query


async def available_numbers(
    info: Info, search: NumberSearch | None, *, first: int, after: str | None
) -> NumberConnection:
    query = _searched(Number.filter(status=NumberStatus.AVAILABLE), search)
    return await _connection(info, query, first=first, after=after)


def scoped_numbers(info: Info) -> QuerySet[Number]:
    """Numbers this viewer may see: everything for operators, its own account's for customers."""
    return Number.filter(**info.context.tenant_filter())


async def account_numbers(
    info: Info, account_id: int, *, first: int, after: str | None, status: NumberStatus | None
) -> NumberConnection:
    query = scoped_numbers(info).filter(account_id=account_id)
    if status is not None:
        query = query.filter(status=status)
    return await _connection(info, query, first=first, after=after)


async def list_numbers(
    info: Info,
    *,
    first: int,
    after: str | None,
    status: NumberStatus | None,
    search: NumberSearch | None,
) -> NumberConnection:
    query = _searched(scoped_numbers(info), search)
    if status is not None:
        query = query.filter(status=status)
    return await _connection(info, query, first=first, after=after)
