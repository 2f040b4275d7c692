"""What changed between two flow documents, field by field: the list a designer reads beside the canvas.

Node and edge ids say *where* something changed; a designer about to publish (or wondering what version 3
did) also needs *what*: the wait time of a bound phone, a menu's prompt, which node an exit now leads to.
Each change names its element, the field (a node's ``label``, ``note``, ``type`` or ``props.<key>``; an
edge's ``source``, ``exit`` or ``target``) and the values before and after, as stored. Wording is the
client's: the same list serves any language. Positions are ignored, as in :func:`diff_documents`.

Documents are compared as the flow library reads them (:func:`normalised`): the editor saves ``tests:
[]`` or a dial's default strategy where an imported file left them out, and a designer must not be told
of changes that change nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import ivr_flows

__all__ = ["Change", "FlowDiff", "NodeName", "flow_diff", "list_changes", "node_names", "normalised"]

_NODE_FIELDS = ("type", "label", "note")
_EDGE_FIELDS = ("source", "exit", "target")


@dataclass(frozen=True)
class Change:
    kind: str  # added, removed, changed
    element: str  # node, edge, tests
    id: str
    field: str | None
    before: Any
    after: Any


@dataclass(frozen=True)
class NodeName:
    id: str
    type: str
    label: str


def normalised(document: dict[str, Any]) -> dict[str, Any]:
    """The document with every default written out and nothing unset, as the flow library reads it."""
    try:
        loaded = ivr_flows.load_flow(document)
    except ivr_flows.FlowError:
        return document  # stored documents always load; anything else is compared as it is
    dumped: dict[str, Any] = loaded.model_dump(mode="json", exclude_none=True)
    return dumped


def _items(document: dict[str, Any], key: str) -> dict[str, dict[str, Any]]:
    """Elements by id in document order, positions left out; the first of a duplicated id wins."""
    out: dict[str, dict[str, Any]] = {}
    items = document.get(key)
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            out.setdefault(item["id"], {k: v for k, v in item.items() if k != "position"})
    return out


def _props(node: dict[str, Any]) -> dict[str, Any]:
    props = node.get("props")
    return props if isinstance(props, dict) else {}


def _node_changes(node_id: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    changes = [
        Change("changed", "node", node_id, name, old.get(name), new.get(name))
        for name in _NODE_FIELDS
        if old.get(name) != new.get(name)
    ]
    old_props, new_props = _props(old), _props(new)
    if old.get("type") != new.get("type"):
        # Another kind of node: its settings are another set, shown whole.
        if old_props != new_props:
            changes.append(Change("changed", "node", node_id, "props", old_props, new_props))
        return changes
    keys = [*new_props, *(k for k in old_props if k not in new_props)]
    changes += [
        Change("changed", "node", node_id, f"props.{key}", old_props.get(key), new_props.get(key))
        for key in keys
        if old_props.get(key) != new_props.get(key)
    ]
    return changes


def _compare(element: str, old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> list[Change]:
    changes: list[Change] = []
    for item_id, item in new.items():
        before = old.get(item_id)
        if before is None:
            changes.append(Change("added", element, item_id, None, None, item))
        elif before != item:
            if element == "node":
                changes += _node_changes(item_id, before, item)
            else:
                changes += [
                    Change("changed", element, item_id, name, before.get(name), item.get(name))
                    for name in _EDGE_FIELDS
                    if before.get(name) != item.get(name)
                ]
    changes += [Change("removed", element, i, None, item, None) for i, item in old.items() if i not in new]
    return changes


def list_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change from ``old`` to ``new``: nodes, then edges (in the newer document's order, removed ones
    after), then the stored test cases as one entry."""
    changes = _compare("node", _items(old, "nodes"), _items(new, "nodes"))
    changes += _compare("edge", _items(old, "edges"), _items(new, "edges"))
    if old.get("tests") != new.get("tests"):
        changes.append(Change("changed", "tests", "", None, old.get("tests"), new.get("tests")))
    return changes


def node_names(old: dict[str, Any], new: dict[str, Any]) -> list[NodeName]:
    """Type and label of every node of either document (the newer one's first), to name a change's nodes."""
    nodes = {**_items(old, "nodes"), **_items(new, "nodes")}
    return [
        NodeName(id=i, type=str(n.get("type", "")), label=str(n.get("label") or "")) for i, n in nodes.items()
    ]


@dataclass
class FlowDiff:
    """Nodes and edges (by id) added, removed or changed between two documents; positions are ignored."""

    nodes_added: list[str] = field(default_factory=list)
    nodes_removed: list[str] = field(default_factory=list)
    nodes_changed: list[str] = field(default_factory=list)
    edges_added: list[str] = field(default_factory=list)
    edges_removed: list[str] = field(default_factory=list)
    edges_changed: list[str] = field(default_factory=list)
    tests_changed: bool = False


def flow_diff(changes: list[Change]) -> FlowDiff:
    """The ids the canvas marks, read off the field-level changes (one comparison serves both)."""

    def ids(kind: str, element: str) -> list[str]:
        return sorted({c.id for c in changes if c.kind == kind and c.element == element})

    return FlowDiff(
        nodes_added=ids("added", "node"),
        nodes_removed=ids("removed", "node"),
        nodes_changed=ids("changed", "node"),
        edges_added=ids("added", "edge"),
        edges_removed=ids("removed", "edge"),
        edges_changed=ids("changed", "edge"),
        tests_changed=any(c.element == "tests" for c in changes),
    )
