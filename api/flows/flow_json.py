"""Flow documents as JSON: load, check the shape, serialise canonically, diff two versions."""

from __future__ import annotations

import json
from typing import Any

import ivr_flows
from api.errors import UserError, UserErrors

__all__ = [
    "canonical",
    "check_document",
    "parse_stored",
    "read_document",
    "titled",
]

MAX_DOCUMENT_BYTES = 2_000_000
#: A flow document is a few levels deep (document → nodes → node → data → branches …); far deeper is
#: not a flow, and recursive code (JSON encoders, validation) must never meet it.
MAX_DOCUMENT_DEPTH = 32


def _deeper_than(value: object, limit: int) -> bool:
    """Whether JSON ``value`` nests more than ``limit`` levels, found without recursion."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


def canonical(document: dict[str, Any]) -> str:
    """Stable text of a document (sorted keys), so equal documents store equal text."""
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _decoded(document: object, field_name: str) -> dict[str, Any]:
    """The document as a dict within the size and depth limits; JSON text is parsed first."""
    if isinstance(document, str | bytes):
        if len(document) > MAX_DOCUMENT_BYTES:
            raise UserError("document_too_large", "流程文件不能超过2MB", field_name)
        try:
            document = json.loads(document)
        except ValueError as exc:
            raise UserError("invalid_document", f"不是有效的JSON:{exc}", field_name) from exc
        except RecursionError as exc:
            raise UserError("invalid_document", "流程文件嵌套层级过深", field_name) from exc
    if not isinstance(document, dict):
        raise UserError("invalid_document", "流程文件应是一个JSON对象", field_name)
    if _deeper_than(document, MAX_DOCUMENT_DEPTH):
        raise UserError("invalid_document", "流程文件嵌套层级过深", field_name)
    if len(canonical(document).encode()) > MAX_DOCUMENT_BYTES:
        raise UserError("document_too_large", "流程文件不能超过2MB", field_name)
    return document


def titled(diagnostic: ivr_flows.Diagnostic, document: dict[str, Any]) -> str:
    """The message prefixed with the node's name, for readers who do not see the canvas (an import)."""
    if diagnostic.node_id is None:
        return diagnostic.message
    nodes = document.get("nodes")
    for node in nodes if isinstance(nodes, list) else ():
        if isinstance(node, dict) and node.get("id") == diagnostic.node_id:
            return f"{ivr_flows.node_title(node)}:{diagnostic.message}"
    return diagnostic.message


def check_document(document: object, field_name: str = "document") -> tuple[dict[str, Any], ivr_flows.Flow]:
    """The document as a dict and as a loaded flow; its shape errors become user errors, one each.

    Graph problems (dangling edges, missing start …) and unfinished values (an empty prompt text, a
    phone without its number) are not refused here: a draft is edited freely and analysis reports them;
    only a document the library cannot even read is refused, in Chinese, naming node and field.
    """
    document = _decoded(document, field_name)
    try:
        flow = ivr_flows.load_flow(document)
    except ivr_flows.FlowError as error:
        raise UserErrors(
            [UserError(d.code, titled(d, document), field_name) for d in error.diagnostics[:20]]
        ) from error
    return document, flow


def read_document(document: object) -> tuple[ivr_flows.Flow | None, list[ivr_flows.Diagnostic]]:
    """A document the editor has not saved yet, for analysis: the flow, or why it cannot be read.

    Never raises: what would refuse a save comes back as diagnostics on the nodes concerned.
    """
    try:
        data = _decoded(document, "document")
    except UserError as error:
        return None, [ivr_flows.Diagnostic(error.code, "error", error.message)]
    try:
        return ivr_flows.load_flow(data), []
    except ivr_flows.FlowError as error:
        return None, error.diagnostics


def parse_stored(text: str) -> ivr_flows.Flow:
    return ivr_flows.load_flow(text)


def empty_document(name: str) -> dict[str, Any]:
    """A new flow: one start node, nothing else."""
    return {
        "format_version": 1,
        "name": name,
        "nodes": [{"id": "start", "type": "start", "position": {"x": 0, "y": 0}}],
        "edges": [],
    }
