"""What an intruder's call with another tenant's id may return: nothing, or a refusal that reveals nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.api.support import Client

Check = Callable[[dict[str, Any]], None]
#: operation → (GraphQL document, variables from the victim's ids, what the intruder must get back)
Case = tuple[str, Callable[[dict[str, str]], dict[str, Any]], Check]


@dataclass
class World:
    """A victim tenant with objects of every kind, an intruder tenant, and the ids of the victim's objects."""

    victim: Client
    intruder: Client
    ids: dict[str, str]


def null(field: str) -> Check:
    def check(body: dict[str, Any]) -> None:
        assert "errors" not in body, body
        assert body["data"][field] is None, body

    return check


def empty(field: str) -> Check:
    """An empty list, or a connection with no items."""

    def check(body: dict[str, Any]) -> None:
        assert "errors" not in body, body
        value = body["data"][field]
        assert value == [] or (isinstance(value, dict) and value.get("totalCount") == 0), body

    return check


def not_found(field: str, code: str = "not_found") -> Check:
    def check(body: dict[str, Any]) -> None:
        assert "errors" not in body, body
        assert body["data"][field]["errors"][0]["code"] == code, body

    return check


def operators_only(body: dict[str, Any]) -> None:
    assert body["errors"][0]["message"] == "仅限运营人员使用", body


def refused(field: str, code: str = "not_found") -> Check:
    """A top-level error with this code (fields returning a plain type cannot return ``UserErrors``)."""

    def check(body: dict[str, Any]) -> None:
        assert body["data"] is None or body["data"].get(field) is None, body
        assert body["errors"][0]["extensions"]["code"] == code, body

    return check
