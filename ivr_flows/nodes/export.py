"""The node definitions as the web editor reads them: palette, cards, exits and property forms.

``python -m api export-schema`` writes :func:`node_types_document` to ``node-types.json`` beside the
GraphQL schema, and the web app's codegen turns it into typed code; both have staleness checks, so the
editor can never disagree with the library about a node's exits, labels or limits.
"""

from __future__ import annotations

import json
import types
import typing
from typing import Any, Literal, get_args, get_origin

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..variables import BUILTINS, TYPE_NAMES
from . import KINDS
from .base import GROUP_NAMES, NodeKind, PromptRef, PromptUse, Widget

__all__ = ["FieldError", "node_types_document", "node_types_json", "property_fields"]

FORMAT = 1


class FieldError(ValueError):
    """A property whose editor form cannot be derived (no label, no widget, an unnamed option)."""


def _is_optional(annotation: Any) -> tuple[bool, Any]:
    """(whether None is allowed, the annotation without None)."""
    if get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return len(args) < len(get_args(annotation)), args[0] if len(args) == 1 else annotation
    return False, annotation


def _widget(annotation: Any) -> str | None:
    if annotation is bool:
        return "switch"
    if annotation is int:
        return "number"
    if annotation is str:
        return "text"
    if get_origin(annotation) is Literal:
        return "choice"
    if annotation is PromptRef:
        return "prompt"
    return None


def _field(name: str, info: FieldInfo, where: str) -> dict[str, Any]:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    label = extra.get("x-label")
    if not isinstance(label, str) or not label:
        raise FieldError(f"{where}.{name}: no label (declare it with ivr_flows.nodes.base.prop)")
    optional, bare = _is_optional(info.annotation)
    widget = extra.get("x-widget") or _widget(bare)
    if widget is None:
        raise FieldError(f"{where}.{name}: no widget for {bare!r}")
    out: dict[str, Any] = {"name": name, "label": label, "widget": widget, "optional": optional}
    for key, target in (("x-help", "help"), ("x-unit", "unit"), ("x-aria", "aria"), ("x-use", "use")):
        if key in extra:
            out[target] = extra[key]
    if "x-use-when" in extra:
        out["useWhen"] = extra["x-use-when"]
    if widget == "choice":
        values = [str(v) for v in get_args(bare)]
        names = extra.get("x-options") or {}
        if not isinstance(names, dict) or set(names) != set(values):
            raise FieldError(f"{where}.{name}: every choice needs a Chinese name")
        out["options"] = [{"value": v, "label": names[v]} for v in names]
    elif isinstance(options := extra.get("x-options"), dict):
        # a hand-written widget's own choices (a condition rule's comparisons)
        out["options"] = [{"value": v, "label": n} for v, n in options.items()]
    for meta in info.metadata:
        if isinstance(meta, annotated_types.Ge):
            out["min"] = meta.ge
        elif isinstance(meta, annotated_types.Le):
            out["max"] = meta.le
        elif isinstance(meta, annotated_types.MaxLen):
            out["maxLength"] = meta.max_length
    if not info.is_required() and info.default_factory is None:
        default = info.default
        out["default"] = default.model_dump() if isinstance(default, BaseModel) else default
    if extra.get("x-form") is False:
        out["form"] = False
    if (items := _item_fields(bare, f"{where}.{name}")) is not None:
        out["items"] = items
    return out


def _item_fields(annotation: Any, where: str) -> list[dict[str, Any]] | None:
    """The fields of a list's entries, when each entry is a model declared with :func:`prop` (a split's
    branches: label and weight, with their limits), so a list widget can build the entry's form."""
    if get_origin(annotation) is not list:
        return None
    (item,) = get_args(annotation)
    if not (isinstance(item, type) and issubclass(item, BaseModel)):
        return None
    fields = item.model_fields
    if not fields or not all(
        isinstance(info.json_schema_extra, dict) and "x-label" in info.json_schema_extra
        for info in fields.values()
    ):
        return None
    return [_field(n, info, where) for n, info in fields.items()]


def property_fields(kind: NodeKind) -> list[dict[str, Any]]:
    """The form fields of a node type's properties, in declaration order.

    Raises:
        FieldError: when a property lacks what the editor needs to show it.
    """
    return [_field(name, info, f"{kind.type}.props") for name, info in kind.props_fields.items()]


def _kind(kind: NodeKind) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": kind.type,
        "name": kind.name,
        "hint": kind.hint,
        "group": kind.group,
        "icon": kind.icon,
        "color": kind.color,
        "inPalette": kind.in_palette,
        "exits": [{"name": e.name, "label": e.label} for e in kind.exits],
        "keyExits": None,
        "listExits": None,
        "defaults": dict(kind.defaults),
        "card": list(kind.card),
        "fields": property_fields(kind),
    }
    if kind.key_exits is not None:
        k = kind.key_exits
        out["keyExits"] = {"prop": k.prop, "prefix": k.prefix, "keys": list(k.keys), "label": k.label}
    if kind.list_exits is not None:
        e = kind.list_exits
        out["listExits"] = {
            "prop": e.prop,
            "prefix": e.prefix,
            "most": e.most,
            "label": e.label,
            "labelField": e.label_field,
        }
    return out


def node_types_document() -> dict[str, Any]:
    """Every node type for the editor; deterministic (a file under review)."""
    return {
        "format": FORMAT,
        "groups": [{"id": g, "name": n} for g, n in GROUP_NAMES.items()],
        "widgets": list(get_args(Widget)),
        "promptUses": list(get_args(PromptUse)),
        "kinds": [_kind(k) for k in KINDS],
        "variables": {
            "types": [{"id": t, "name": n} for t, n in TYPE_NAMES.items()],
            "builtins": [{"name": v.name, "type": v.type, "label": v.label} for v in BUILTINS.values()],
        },
    }


def node_types_json() -> str:
    return json.dumps(node_types_document(), ensure_ascii=False, indent=2) + "\n"
