"""What a query asked for below the current field, so a parent resolver can batch what its children need."""

from __future__ import annotations

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from api.graphql.context import Info

__all__ = ["selected_names"]


def _walk(selections: list[Selection], names: set[str]) -> None:
    for selection in selections:
        if isinstance(selection, SelectedField):
            names.add(selection.name)
        if isinstance(selection, SelectedField | FragmentSpread | InlineFragment):
            _walk(selection.selections, names)


def selected_names(info: Info) -> frozenset[str]:
    """Every field name selected anywhere under the current field."""
    names: set[str] = set()
    for field in info.selected_fields:
        _walk(field.selections, names)
    return frozenset(names)
