"""The flow document: typed nodes, edges from named exits, optional test cases.

A flow is what the web editor saves: JSON with a ``format_version``, nodes (id, type, ``props``, canvas
``position``) and edges from a node's named exit to another node. The models only check *shape* (types,
ranges, required fields); whether the graph makes sense (a start node, no dangling edges, R10 wait times
…) is the job of :mod:`ivr_flows.analysis`, which reports every problem at once instead of failing on
the first, so the editor can mark them all.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .calls import CallSpec
from .diagnostics import Diagnostic, FlowError
from .load_errors import load_diagnostics
from .nodes import KINDS, kind_of
from .nodes.area_switch import AreaSwitchNode
from .nodes.base import NodeBase, PlayedPrompt, Position, PromptRef
from .nodes.caller_list import CallerListNode
from .nodes.collect import CollectNode
from .nodes.condition import ConditionNode
from .nodes.dial import DIAL_FAILURE_EXITS, Destination, DialNode
from .nodes.hangup import HangupNode
from .nodes.http import HttpNode
from .nodes.menu import DIGIT_PREFIX, MENU_KEYS, MenuNode
from .nodes.module import ModuleNode
from .nodes.module_exit import ModuleExitNode
from .nodes.play import PlayNode
from .nodes.record import RecordNode
from .nodes.split import SplitNode
from .nodes.start import StartNode
from .nodes.time_switch import TimeSwitchNode
from .nodes.voicemail import VoicemailNode
from .policies import NumberPolicies
from .variables import Variable

__all__ = [
    "DIAL_FAILURE_EXITS",
    "EXITS",
    "FORMAT_VERSION",
    "MENU_DIGIT_EXITS",
    "MENU_KEYS",
    "AreaSwitchNode",
    "CallerListNode",
    "CollectNode",
    "ConditionNode",
    "Destination",
    "DialNode",
    "Edge",
    "Expectation",
    "Flow",
    "FlowTest",
    "HangupNode",
    "HttpNode",
    "MenuNode",
    "ModuleExitNode",
    "ModuleNode",
    "Node",
    "PlayNode",
    "PlayedPrompt",
    "Position",
    "PromptRef",
    "RecordNode",
    "SplitNode",
    "StartNode",
    "TimeSwitchNode",
    "Variable",
    "VoicemailNode",
    "exit_is_valid",
    "exits_of",
    "load_flow",
    "node_has_exit",
    "prompts_played",
]

FORMAT_VERSION: Final = 1
_FROZEN = ConfigDict(extra="forbid", frozen=True)

#: Every node type a document may hold; each is declared in its own module of :mod:`ivr_flows.nodes`.
Node = Annotated[
    StartNode
    | PlayNode
    | MenuNode
    | TimeSwitchNode
    | AreaSwitchNode
    | CallerListNode
    | SplitNode
    | DialNode
    | VoicemailNode
    | RecordNode
    | HangupNode
    | CollectNode
    | ConditionNode
    | HttpNode
    | ModuleNode
    | ModuleExitNode,
    Field(discriminator="type"),
]

#: Fixed exits per node type, in the order the compiler lays out their targets; menus additionally have
#: :data:`MENU_DIGIT_EXITS`. Read off the node definitions (:data:`ivr_flows.nodes.KINDS`).
EXITS: dict[str, tuple[str, ...]] = {kind.type: kind.exit_names for kind in KINDS}
#: A menu's key exits, ``digit:0`` … ``digit:#``.
MENU_DIGIT_EXITS: tuple[str, ...] = tuple(f"{DIGIT_PREFIX}{key}" for key in MENU_KEYS)


def exits_of(node_type: str) -> frozenset[str]:
    """Every exit a node of ``node_type`` may have (empty for an unknown type)."""
    kind = kind_of(node_type)
    return kind.all_exits() if kind else frozenset()


def exit_is_valid(node_type: str, exit_name: str) -> bool:
    """Whether a node of ``node_type`` has an exit called ``exit_name`` (list-derived exits such as a
    condition's ``rule:<n>`` depend on the node: see :func:`node_has_exit`)."""
    return exit_name in exits_of(node_type)


def node_has_exit(node: NodeBase, node_type: str, exit_name: str) -> bool:
    """Whether ``node`` has an exit called ``exit_name``, counting its list-derived exits."""
    kind = kind_of(node_type)
    return kind is not None and kind.has_exit(node, exit_name)


class Edge(BaseModel):
    """From ``source``'s exit ``exit`` to ``target``."""

    model_config = _FROZEN
    id: str = Field(min_length=1, max_length=64)
    source: str = Field(min_length=1, max_length=64)
    exit: str = Field(min_length=1, max_length=32)
    target: str = Field(min_length=1, max_length=64)


class Expectation(BaseModel):
    """What a flow test expects of a simulated call; every given field is checked."""

    model_config = _FROZEN
    path: list[str] | None = Field(default=None, description="node ids visited, in order, from the start")
    hears: list[str] | None = Field(default=None, description="prompt ids or texts heard, in order")
    rings: list[str] | None = Field(default=None, description="bound numbers rung, in order")
    answered_by: str | None = None
    outcome: Literal["answered", "voicemail", "hangup", "rejected", "loop"] | None = None


class FlowTest(BaseModel):
    """A pinned behaviour: a simulated call and the expected path (see :mod:`ivr_flows.flowtests`)."""

    model_config = _FROZEN
    name: str = Field(min_length=1, max_length=80)
    call: CallSpec
    policies: NumberPolicies | None = None
    expect: Expectation


class Flow(BaseModel):
    """A flow document as the editor saves it."""

    model_config = _FROZEN
    format_version: Literal[1] = FORMAT_VERSION
    id: str = Field(default="", max_length=64)
    name: str = Field(default="", max_length=80)
    nodes: list[Node] = Field(default_factory=list, max_length=5000)
    edges: list[Edge] = Field(default_factory=list, max_length=20000)
    tests: list[FlowTest] = Field(default_factory=list, max_length=200)
    #: The flow's own variables (:mod:`ivr_flows.variables`; built-ins need no declaration).
    variables: list[Variable] = Field(default_factory=list, max_length=100)
    #: ``module``: a reusable sub-flow that flows call (:mod:`ivr_flows.modules`); only a module may hold
    #: return points (``module_exit``), and the editor offers them only there.
    kind: Literal["flow", "module"] = "flow"

    def node_map(self) -> dict[str, Node]:
        """Nodes by id (the first one wins when ids repeat; analysis reports the duplicate)."""
        nodes: dict[str, Node] = {}
        for node in self.nodes:
            nodes.setdefault(node.id, node)
        return nodes


def prompts_played(flow: Flow) -> frozenset[str]:
    """Ids of the uploaded or recorded prompts the flow's nodes may play (text to speech needs none).

    Whether a media item is in use, and so may not be deleted, is decided by this set.
    """
    return frozenset(p.ref.prompt for node in flow.nodes for p in node.prompts() if p.ref.prompt)


def load_flow(data: Mapping[str, Any] | str | bytes) -> Flow:
    """Parse a flow document (a dict, or JSON text).

    Raises:
        FlowError: with one ``invalid_document`` diagnostic per schema violation, in Chinese and on the
            node concerned (:mod:`ivr_flows.load_errors`).
    """
    try:
        if isinstance(data, str | bytes):
            return Flow.model_validate_json(data)
        return Flow.model_validate(data)
    except ValidationError as exc:
        raw: object = data
        if isinstance(data, str | bytes):
            try:
                raw = json.loads(data)
            except ValueError:
                raw = None
        raise FlowError(load_diagnostics(exc.errors(), raw)) from None
    except json.JSONDecodeError as exc:  # pragma: no cover - pydantic wraps these as ValidationError
        raise FlowError([Diagnostic("invalid_document", "error", f"不是有效的JSON:{exc}")]) from None
