"""Parsing ids sent by clients: a malformed id is a user error, never a crash."""

from __future__ import annotations

import strawberry

from api.errors import UserError

__all__ = ["parse_id"]


def parse_id(value: strawberry.ID | str, field: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise UserError("invalid_id", "ID格式无效", field) from exc
    if number <= 0 or number > 2**62:
        raise UserError("invalid_id", "ID格式无效", field)
    return number
