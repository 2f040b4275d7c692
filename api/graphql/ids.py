"""Parsing ids and counts sent by clients: a malformed one is a user error, never a crash."""

from __future__ import annotations

import strawberry

from api.errors import UserError

__all__ = ["MAX_ID", "parse_id", "plain_int"]

#: Every id, expiry and count we hand out fits in 19 digits (a signed 64-bit integer).
_MAX_DIGITS = 19
#: The largest row id: id columns are ``IntField``s, 32-bit on PostgreSQL, where a larger value in a
#: query is a driver error rather than "no such row".
MAX_ID = 2**31 - 1


def plain_int(text: str) -> int | None:
    """The number ``text`` spells in ASCII digits only, else None.

    ``int()`` and ``str.isdigit()`` are wider than what a client could have been given: ``int()`` takes
    signs, spaces, underscores and other scripts' digits (``١٢``), ``isdigit()`` admits ``²`` and ``①``,
    which ``int()`` then refuses, and more than 4,300 digits make ``int()`` raise.
    """
    if not text or len(text) > _MAX_DIGITS or not text.isascii() or not text.isdigit():
        return None
    return int(text)


def parse_id(value: strawberry.ID | str | int, field: str) -> int:
    number = value if isinstance(value, int) else plain_int(value) if isinstance(value, str) else None
    if number is None or number <= 0 or number > MAX_ID:
        raise UserError("invalid_id", "ID格式无效", field)
    return number
