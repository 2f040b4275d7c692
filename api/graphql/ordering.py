"""Connections in a chosen order (newest first, longest, costliest …) with keyset cursors that are signed.

A list sorted by a column that is not unique (two calls of the same length) pages by the pair (column, id):
the next page is ``column < v OR (column = v AND id < i)`` in ``ORDER BY column DESC, id DESC``, which an
index on the filtered prefix plus the column serves without an offset. A cursor names the order it was
issued for and is signed with the service's secret key: one altered by hand, or carried over from another
order, is refused as ``invalid_cursor`` instead of silently skipping or repeating rows.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from api.errors import UserError
from api.graphql.pagination import (
    Connection,
    Edge,
    check_page_size,
    connection_of,
    decode_cursor,
    id_position,
    invalid_cursor,
    typed_nodes,
)

__all__ = ["Order", "Ordering", "SortKey", "ordered_page"]

M = TypeVar("M", bound=Model)
C = TypeVar("C", bound=Connection[Any])
_SEPARATOR = "|"
_SIGNATURE_BYTES = 12


@dataclass(frozen=True)
class SortKey:
    """A column a list may be sorted by, and the type its cursor value is read back as."""

    column: str
    kind: Literal["int", "datetime", "date"]

    def parse(self, text: str) -> object:
        if self.kind == "int":
            value = int(text)
            if abs(value) > 2**62:
                raise ValueError("out of range")
            return value
        if self.kind == "date":
            return dt.date.fromisoformat(text)
        moment = dt.datetime.fromisoformat(text)
        if moment.tzinfo is None:
            raise ValueError("a cursor's time has its zone")
        return moment


@dataclass(frozen=True)
class Order:
    """One order of a list: its public name (``-startedAt``), the column and the direction."""

    name: str
    key: SortKey
    descending: bool


@dataclass(frozen=True)
class Ordering:
    """The orders a list offers: ``keys`` by public name; ``-name`` is the same key descending."""

    keys: Mapping[str, SortKey]
    time: str  # the key "newest first" means

    def choose(self, order: str | None, newest_first: bool = False) -> Order:
        """The order asked for; without one, time order (newest first when asked), as before orders."""
        default = f"-{self.time}" if newest_first else self.time
        name = default if order is None else order.strip()
        key = self.keys.get(name.removeprefix("-"))
        if key is None:
            allowed = "、".join(f"{k}、-{k}" for k in self.keys)
            raise UserError("invalid_order", f"不支持的排序方式,可选:{allowed}", "order")
        return Order(name, key, name.startswith("-"))


def _signature(secret: str, payload: str) -> str:
    digest = hmac.new(secret.encode(), f"cursor:{payload}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:_SIGNATURE_BYTES]).decode()


def _encode(order: Order, row: Model, secret: str) -> str:
    value = getattr(row, order.key.column)
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    payload = _SEPARATOR.join((order.name, text, str(row.pk)))
    signed = f"{payload}{_SEPARATOR}{_signature(secret, payload)}"
    return base64.urlsafe_b64encode(signed.encode()).decode()


def _position(cursor: str, order: Order, secret: str) -> tuple[object, int]:
    """The (value, id) a cursor points after; a cursor not signed by us for this order is a user error."""
    text = decode_cursor(cursor)
    payload, _, signature = text.rpartition(_SEPARATOR)
    if not hmac.compare_digest(signature.encode(), _signature(secret, payload).encode()):
        raise invalid_cursor()
    parts = payload.split(_SEPARATOR)
    if len(parts) != 3 or parts[0] != order.name:
        raise invalid_cursor()
    try:
        return order.key.parse(parts[1]), id_position(parts[2])
    except ValueError as exc:
        raise invalid_cursor() from exc


async def ordered_page(
    cls: type[C],
    query: QuerySet[M],
    *,
    first: int,
    after: str | None,
    order: Order,
    secret: str,
    nodes: Callable[[list[M]], Sequence[Any] | Awaitable[Sequence[Any]]],
) -> C:
    """One page of ``query`` in ``order`` (ties by id, the same way), as ``cls``."""
    check_page_size(first)
    column = order.key.column
    sign = "-" if order.descending else ""
    page = query.order_by(f"{sign}{column}", f"{sign}id")
    if after is not None:
        value, row_id = _position(after, order, secret)
        beyond = "lt" if order.descending else "gt"
        past: dict[str, Any] = {f"{column}__{beyond}": value}
        tied: dict[str, Any] = {column: value, f"id__{beyond}": row_id}
        page = page.filter(Q(**past) | Q(**tied))
    rows = list(await page.limit(first + 1))
    has_next = len(rows) > first
    rows = rows[:first]
    typed = await typed_nodes(nodes, rows)
    edges = [Edge(cursor=_encode(order, row, secret), node=n) for row, n in zip(rows, typed, strict=True)]
    return connection_of(cls, edges, has_next, query)
