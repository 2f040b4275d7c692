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
from typing import Annotated, Any, Final, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .calls import CallSpec
from .diagnostics import Diagnostic, FlowError
from .load_errors import load_diagnostics
from .policies import NumberPolicies
from .schedules import Schedule

__all__ = [
    "DIAL_FAILURE_EXITS",
    "EXITS",
    "FORMAT_VERSION",
    "MENU_DIGIT_EXITS",
    "AreaSwitchNode",
    "CallerListNode",
    "Destination",
    "DialNode",
    "Edge",
    "Expectation",
    "Flow",
    "FlowTest",
    "HangupNode",
    "MenuNode",
    "Node",
    "PlayNode",
    "PlayedPrompt",
    "Position",
    "PromptRef",
    "RecordNode",
    "StartNode",
    "TimeSwitchNode",
    "VoicemailNode",
    "exit_is_valid",
    "exits_of",
    "load_flow",
    "prompts_played",
]

FORMAT_VERSION: Final = 1
MENU_KEYS = "0123456789*#"

_FROZEN = ConfigDict(extra="forbid", frozen=True)
NodeId = Annotated[str, Field(min_length=1, max_length=64)]


class Position(BaseModel):
    """Where the node sits on the editor's canvas; ignored by compiler and simulator."""

    model_config = _FROZEN
    x: float = 0
    y: float = 0


class PromptRef(BaseModel):
    """Audio the caller hears: an uploaded/recorded prompt by id, or text-to-speech text.

    An empty text or an unchosen file (``""``) loads: a draft is work in progress and the designer sees
    the gap as a diagnostic on the node (``prompt_empty``), which blocks publishing and compiling.
    """

    model_config = _FROZEN
    prompt: str | None = Field(default=None, max_length=128, description="prompt id")
    tts: str | None = Field(default=None, max_length=500, description="text-to-speech text")

    @model_validator(mode="after")
    def _exactly_one(self) -> PromptRef:
        if (self.prompt is None) == (self.tts is None):
            raise ValueError("give exactly one of 'prompt' (a prompt id) or 'tts' (text)")
        return self


class PlayedPrompt(NamedTuple):
    """A prompt a node may play; ``ringback`` when it plays while phones ring (reviewed first, R16)."""

    ref: PromptRef
    ringback: bool = False


class _NodeBase(BaseModel):
    model_config = _FROZEN
    id: NodeId
    label: str = Field(default="", max_length=80)
    note: str = Field(default="", max_length=500, description="the designer's note; callers never hear it")
    position: Position = Field(default_factory=Position)

    def prompts(self) -> tuple[PlayedPrompt, ...]:
        """What the node may play, in playing order: the one definition analysis (does each prompt exist,
        is each ringback approved), the compiler and the API's media usage share."""
        return ()


class _NoProps(BaseModel):
    model_config = _FROZEN


class StartNode(_NodeBase):
    """Where the flow begins, after the number-level policies. Exit: ``next``."""

    type: Literal["start"]
    props: _NoProps = Field(default_factory=_NoProps)


class PlayProps(BaseModel):
    model_config = _FROZEN
    prompt: PromptRef
    early_media: bool = Field(default=False, description="play before answer, as ringback (no charge yet)")


class PlayNode(_NodeBase):
    """An announcement, or early-media ringback when ``early_media``. Exit: ``next``."""

    type: Literal["play"]
    props: PlayProps

    def prompts(self) -> tuple[PlayedPrompt, ...]:
        return (PlayedPrompt(self.props.prompt, ringback=self.props.early_media),)


class MenuProps(BaseModel):
    model_config = _FROZEN
    prompt: PromptRef
    timeout_s: int = Field(default=5, ge=1, le=60)
    max_retries: int = Field(default=2, ge=0, le=9, description="re-prompts after a wrong or missing key")
    invalid_prompt: PromptRef | None = None
    timeout_prompt: PromptRef | None = None


class MenuNode(_NodeBase):
    """IVR navigation (R19). Exits: ``digit:<key>`` for 0–9, * and #, ``timeout``, ``invalid``."""

    type: Literal["menu"]
    props: MenuProps

    def prompts(self) -> tuple[PlayedPrompt, ...]:
        p = self.props
        return tuple(PlayedPrompt(r) for r in (p.prompt, p.invalid_prompt, p.timeout_prompt) if r is not None)


class TimeSwitchProps(BaseModel):
    model_config = _FROZEN
    schedule: Schedule


class TimeSwitchNode(_NodeBase):
    """Time-based routing (R13). Exits: ``match`` (inside the schedule), ``else``."""

    type: Literal["time_switch"]
    props: TimeSwitchProps


class AreaSwitchProps(BaseModel):
    model_config = _FROZEN
    areas: list[str] = Field(
        max_length=500,
        description="area codes ('020'), provinces ('广东'), cities ('广州') or 'unknown'",
    )


class AreaSwitchNode(_NodeBase):
    """Routing by caller area (R14). Exits: ``match`` (caller in one of the areas), ``else``."""

    type: Literal["area_switch"]
    props: AreaSwitchProps


class CallerListProps(BaseModel):
    model_config = _FROZEN
    entries: list[str] = Field(
        max_length=10000, description="whole numbers or leading digits (never suffixes)"
    )


class CallerListNode(_NodeBase):
    """Routing by caller number or prefix (R15 in a flow). Exits: ``match``, ``else``."""

    type: Literal["caller_list"]
    props: CallerListProps


class Destination(BaseModel):
    """A bound (forward-to) phone and how long it may ring (等待时间, R10)."""

    model_config = _FROZEN
    number: str = Field(max_length=32, description="empty while the designer has not typed it yet")
    wait_s: int = Field(default=30, ge=1, le=300)
    name: str = Field(default="", max_length=40)
    allowed_areas: list[str] = Field(default_factory=list, max_length=500)
    refused_areas: list[str] = Field(default_factory=list, max_length=500)


class DialProps(BaseModel):
    model_config = _FROZEN
    destinations: list[Destination] = Field(default_factory=list, max_length=50)
    strategy: Literal["sequential", "ring_all"] = "sequential"
    ringback: PromptRef | None = Field(default=None, description="彩铃 played while the phones ring (R16)")
    record: bool = Field(default=False, description="record the bridged call (R18)")


class DialNode(_NodeBase):
    """Forward to bound phones (R10–R12). Exits: ``answered``, ``busy``, ``no_answer``, ``failed``."""

    type: Literal["dial"]
    props: DialProps = Field(default_factory=DialProps)

    def prompts(self) -> tuple[PlayedPrompt, ...]:
        return () if self.props.ringback is None else (PlayedPrompt(self.props.ringback, ringback=True),)


class VoicemailProps(BaseModel):
    model_config = _FROZEN
    greeting: PromptRef | None = None
    max_length_s: int = Field(default=120, ge=5, le=600)
    mailbox: str | None = Field(default=None, max_length=40, description="defaults to the 400 number")


class VoicemailNode(_NodeBase):
    """Leave a message (R17). Exit: ``done``."""

    type: Literal["voicemail"]
    props: VoicemailProps = Field(default_factory=VoicemailProps)

    def prompts(self) -> tuple[PlayedPrompt, ...]:
        return () if self.props.greeting is None else (PlayedPrompt(self.props.greeting),)


class RecordProps(BaseModel):
    model_config = _FROZEN
    action: Literal["start", "stop"] = "start"


class RecordNode(_NodeBase):
    """Start or stop recording the call (R18). Exit: ``next``."""

    type: Literal["record"]
    props: RecordProps = Field(default_factory=RecordProps)


class HangupProps(BaseModel):
    model_config = _FROZEN
    announcement: PromptRef | None = None
    cause: Literal["normal", "busy", "rejected", "unallocated", "congestion"] = "normal"


class HangupNode(_NodeBase):
    """End the call, optionally after an announcement. No exits."""

    type: Literal["hangup"]
    props: HangupProps = Field(default_factory=HangupProps)

    def prompts(self) -> tuple[PlayedPrompt, ...]:
        return () if self.props.announcement is None else (PlayedPrompt(self.props.announcement),)


Node = Annotated[
    StartNode
    | PlayNode
    | MenuNode
    | TimeSwitchNode
    | AreaSwitchNode
    | CallerListNode
    | DialNode
    | VoicemailNode
    | RecordNode
    | HangupNode,
    Field(discriminator="type"),
]

#: Fixed exits per node type, in the order the compiler lays out their targets; menus additionally have
#: :data:`MENU_DIGIT_EXITS`. The one definition of node exits: analysis and the compiler read it.
EXITS: dict[str, tuple[str, ...]] = {
    "start": ("next",),
    "play": ("next",),
    "menu": ("timeout", "invalid"),
    "time_switch": ("match", "else"),
    "area_switch": ("match", "else"),
    "caller_list": ("match", "else"),
    "dial": ("answered", "busy", "no_answer", "failed"),
    "voicemail": ("done",),
    "record": ("next",),
    "hangup": (),
}
#: A menu's key exits, ``digit:0`` … ``digit:#``.
MENU_DIGIT_EXITS: tuple[str, ...] = tuple(f"digit:{key}" for key in MENU_KEYS)
#: The dial exits taken when nobody answers (R10: a failed dial tells the caller the line is busy).
DIAL_FAILURE_EXITS: tuple[str, ...] = tuple(e for e in EXITS["dial"] if e != "answered")

_ALL_EXITS: dict[str, frozenset[str]] = {
    node_type: frozenset(names) | (frozenset(MENU_DIGIT_EXITS) if node_type == "menu" else frozenset())
    for node_type, names in EXITS.items()
}


def exits_of(node_type: str) -> frozenset[str]:
    """Every exit a node of ``node_type`` may have (empty for an unknown type)."""
    return _ALL_EXITS.get(node_type, frozenset())


def exit_is_valid(node_type: str, exit_name: str) -> bool:
    """Whether a node of ``node_type`` has an exit called ``exit_name``."""
    return exit_name in exits_of(node_type)


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
