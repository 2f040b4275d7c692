"""The leaf fast path answers exactly what graphql-core's normal execution answers, errors included."""

from __future__ import annotations

import enum
from typing import Any

import pytest
import strawberry

from api.graphql import execution
from api.graphql.execution import LeafFastPathExecutionContext


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Item:
    id: strawberry.ID
    name: str
    count: int
    colour: Colour
    note: str | None
    required: str

    @strawberry.field
    def shout(self) -> str:
        return self.name.upper()

    @strawberry.field
    def times(self, n: int) -> int:
        return self.count * n


def _items() -> list[Item]:
    return [
        Item(id=strawberry.ID("1"), name="a", count=1, colour=Colour.RED, note=None, required="x"),
        Item(id=strawberry.ID("2"), name="b", count=2, colour=Colour.BLUE, note="n", required="y"),
        # A null in a non-null field and a value the enum cannot serialise: both must become errors.
        Item(id=strawberry.ID("3"), name="c", count=3, colour="green", note=None, required=None),  # type: ignore[arg-type]
    ]


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item | None]:
        return list(_items())


QUERY = """{
  items { id name count colour note required shout times(n: 2) alias: name ... on Item { count } }
  skipped: items { name @skip(if: true) count @include(if: false) id }
}"""


def _run(context_class: Any) -> dict[str, Any]:
    schema = strawberry.Schema(query=Query, execution_context_class=context_class)
    result = schema.execute_sync(QUERY)
    return {
        "data": result.data,
        "errors": sorted((e.message, tuple(e.path or ())) for e in result.errors or []),
    }


def test_the_fast_path_answers_like_graphql_core(monkeypatch: pytest.MonkeyPatch) -> None:
    taken: list[str] = []
    plan = execution._plan

    def counted(field: Any) -> Any:
        found = plan(field)
        if found is not None:
            taken.append(found[1])
        return found

    monkeypatch.setattr(execution, "_plan", counted)
    fast = _run(LeafFastPathExecutionContext)
    assert fast == _run(None)
    assert fast["errors"], "the third item's bad values must be reported"
    assert {"id", "name", "colour", "note", "required"} <= set(taken)
    # resolvers, arguments and a field selected twice (merged) take the normal path
    assert not {"shout", "times", "count"} & set(taken)
