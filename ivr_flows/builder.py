"""Build flows in code (tests, benchmarks, generated flows) without writing JSON by hand.

Example:
    >>> flow = (FlowBuilder("demo")
    ...         .node("start", "start")
    ...         .node("dial", "dial", destinations=[{"number": "13812345678", "wait_s": 55}])
    ...         .edge("start", "next", "dial")
    ...         .build())
    >>> [n.type for n in flow.nodes]
    ['start', 'dial']
"""

from __future__ import annotations

from typing import Any

from .model import Flow, load_flow

__all__ = ["FlowBuilder", "tts"]


def tts(text: str) -> dict[str, str]:
    """A text-to-speech prompt reference."""
    return {"tts": text}


class FlowBuilder:
    """Accumulates nodes and edges as plain dicts, then validates them once in :meth:`build`."""

    def __init__(self, flow_id: str = "flow", name: str = "") -> None:
        self.data: dict[str, Any] = {
            "format_version": 1,
            "id": flow_id,
            "name": name,
            "nodes": [],
            "edges": [],
        }

    def node(self, node_id: str, node_type: str, **props: Any) -> FlowBuilder:
        index = len(self.data["nodes"])
        node: dict[str, Any] = {"id": node_id, "type": node_type, "position": {"x": 160 * index, "y": 0}}
        if props:
            node["props"] = props
        self.data["nodes"].append(node)
        return self

    def edge(self, source: str, exit_name: str, target: str) -> FlowBuilder:
        edge_id = f"e{len(self.data['edges']) + 1}"
        self.data["edges"].append({"id": edge_id, "source": source, "exit": exit_name, "target": target})
        return self

    def test(self, name: str, call: dict[str, Any], expect: dict[str, Any]) -> FlowBuilder:
        self.data.setdefault("tests", []).append({"name": name, "call": call, "expect": expect})
        return self

    def build(self) -> Flow:
        return load_flow(self.data)
