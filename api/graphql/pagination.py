"""Relay-style connections with keyset cursors: a page costs one query whatever its position."""

from __future__ import annotations

import base64
import binascii
import inspect
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar

import strawberry
from tortoise.exceptions import ValidationError
from tortoise.models import Model
from tortoise.queryset import QuerySet

from api.errors import UserError
from api.graphql.ids import MAX_ID, plain_int

__all__ = [
    "MAX_PAGE",
    "Connection",
    "Edge",
    "PageInfo",
    "build_connection",
    "check_page_size",
    "connection_of",
    "decode_cursor",
    "fetch_page",
    "id_position",
    "invalid_cursor",
    "page_by_id",
    "typed_nodes",
]

MAX_PAGE = 100
N = TypeVar("N")
M = TypeVar("M", bound=Model)


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Edge(Generic[N]):
    cursor: str
    node: N


@strawberry.type
class Connection(Generic[N]):
    edges: list[Edge[N]]
    page_info: PageInfo
    _count_query: strawberry.Private[QuerySet[Any] | None] = None

    @strawberry.field(description="Matching items in all pages (one extra query; ask only when shown).")
    async def total_count(self) -> int:
        return await self._count_query.count() if self._count_query is not None else len(self.edges)


def encode_cursor(value: object) -> str:
    return base64.urlsafe_b64encode(str(value).encode()).decode()


#: Longer than any cursor we hand out; a longer one is refused before decoding.
MAX_CURSOR_CHARS = 200


def invalid_cursor() -> UserError:
    return UserError("invalid_cursor", "分页游标无效", "after")


def check_page_size(first: int) -> None:
    if first < 0 or first > MAX_PAGE:
        raise UserError("invalid_page_size", f"每页数量应在0到{MAX_PAGE}之间", "first")


def decode_cursor(cursor: str) -> str:
    """The position in a cursor; a cursor we could not have issued is a user error.

    The decoded text must be printable: a NUL byte would reach the database, which refuses it.
    """
    if len(cursor) > MAX_CURSOR_CHARS:
        raise invalid_cursor()
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeError, ValueError) as exc:
        raise invalid_cursor() from exc
    if not text.isprintable():
        raise invalid_cursor()
    return text


def id_position(text: str) -> int:
    """A cursor's id: the ASCII digits we wrote, within the range of an id column (beyond it the
    database overflows)."""
    value = plain_int(text)
    if value is None or value > MAX_ID:
        raise ValueError(f"not an id: {text!r}")
    return value


def _position(query: QuerySet[M], key: str, key_type: Callable[[str], Any], cursor: str) -> Any:
    """The key value a cursor holds, checked by ``key_type`` and then by the key column's own validators
    (a value the column refuses, such as eleven characters for a ten-character column, would make the
    database query raise)."""
    try:
        position = key_type(decode_cursor(cursor))
        query.model._meta.fields_map[key].validate(position)
    except (ValueError, ValidationError) as exc:
        raise invalid_cursor() from exc
    return position


async def fetch_page(
    query: QuerySet[M],
    *,
    first: int,
    after: str | None,
    key: str,
    key_type: Callable[[str], Any],
    newest_first: bool = False,
) -> tuple[list[M], bool]:
    """One page of rows ordered by a unique ``key`` (descending when ``newest_first``: screens show the
    latest entries first), and whether there is a next page.

    ``key_type`` reads a cursor's text back into a key value and raises ValueError for any text this
    connection could not have issued: a forged cursor is the client's error (``invalid_cursor``).
    """
    check_page_size(first)
    page = query.order_by(f"-{key}" if newest_first else key)
    if after is not None:
        position = _position(query, key, key_type, after)
        page = page.filter(**{f"{key}__lt" if newest_first else f"{key}__gt": position})
    rows = await page.limit(first + 1)
    return list(rows[:first]), len(rows) > first


C = TypeVar("C", bound=Connection[Any])
R = TypeVar("R")


def build_connection(
    cls: type[C],
    rows: Sequence[R],
    has_next: bool,
    *,
    key: Callable[[R], object],
    node: Callable[[R], N],
    count_query: QuerySet[Any] | None,
) -> C:
    """A page as ``cls``, a concrete ``Connection[Node]`` subclass (so the schema has a named type)."""
    edges = [Edge(cursor=encode_cursor(key(row)), node=node(row)) for row in rows]
    return connection_of(cls, edges, has_next, count_query)


def connection_of(
    cls: type[C], edges: list[Edge[Any]], has_next: bool, count_query: QuerySet[Any] | None
) -> C:
    """The edges of a page as ``cls``, its end cursor the last edge's."""
    return cls(
        edges=edges,
        page_info=PageInfo(has_next_page=has_next, end_cursor=edges[-1].cursor if edges else None),
        _count_query=count_query,
    )


async def typed_nodes(
    nodes: Callable[[list[M]], Sequence[Any] | Awaitable[Sequence[Any]]], rows: list[M]
) -> Sequence[Any]:
    """The typed nodes of a page's rows, built in one batch (which may await its loaders)."""
    built = nodes(rows)
    return await built if inspect.isawaitable(built) else built


async def page_by_id(
    cls: type[C],
    query: QuerySet[M],
    *,
    first: int,
    after: str | None,
    nodes: Callable[[list[M]], Sequence[Any] | Awaitable[Sequence[Any]]],
    newest_first: bool = False,
) -> C:
    """A page of ``query`` in id order as ``cls``; ``nodes`` turns the rows into typed nodes (in a batch)."""
    rows, has_next = await fetch_page(
        query, first=first, after=after, key="id", key_type=id_position, newest_first=newest_first
    )
    typed = await typed_nodes(nodes, rows)
    return build_connection(cls, typed, has_next, key=lambda n: n.id, node=lambda n: n, count_query=query)
