"""What a query asked for below the current field, so a parent resolver can batch what its children need."""

from __future__ import annotations

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    SelectionSetNode,
)

from api.graphql.context import Info

__all__ = ["selected_names"]


def _walk(
    selection_set: SelectionSetNode | None,
    fragments: dict[str, FragmentDefinitionNode],
    names: set[str],
    spread: set[str],
) -> None:
    if selection_set is None:
        return
    for node in selection_set.selections:
        if isinstance(node, FieldNode):
            names.add(node.name.value)
            _walk(node.selection_set, fragments, names, spread)
        elif isinstance(node, InlineFragmentNode):
            _walk(node.selection_set, fragments, names, spread)
        elif isinstance(node, FragmentSpreadNode) and node.name.value not in spread:
            spread.add(node.name.value)
            fragment = fragments.get(node.name.value)
            _walk(fragment.selection_set if fragment else None, fragments, names, spread)


def selected_names(info: Info) -> frozenset[str]:
    """Every field name selected anywhere under the current field.

    Walks graphql-core's syntax tree directly: ``info.selected_fields`` converts the whole subtree into
    Strawberry objects (arguments, directives) on every call, which costs more than the page's rows.
    """
    raw = info._raw_info
    names: set[str] = set()
    for field in raw.field_nodes:
        _walk(field.selection_set, raw.fragments, names, set())
    return frozenset(names)
