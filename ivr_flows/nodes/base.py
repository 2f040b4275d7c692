"""What a node type is made of, so that each type is declared once, in its own module.

A :class:`NodeKind` holds everything the library and the editor need to know about one node type: the
pydantic model of its document form (properties with Chinese labels, help, units, limits and a widget
hint, see :func:`prop`), its exits, its analysis rules, how it compiles to plan steps, which plan ops it
needs from the simulator and the Asterisk renderer, and how the editor shows it (palette group, icon,
colour, default properties, the settings its card shows). The compiler, analysis, the exported editor
definitions (:mod:`ivr_flows.nodes.export`) and the completeness test read these; nothing else keeps a
per-type table.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Final, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.fields import FieldInfo

from ..diagnostics import Diagnostic
from ..dialplan import Step
from ..variables import VarInfo, VarUse

__all__ = [
    "FROZEN",
    "GROUP_NAMES",
    "ExitSpec",
    "Group",
    "KeyExits",
    "ListExits",
    "NoProps",
    "NodeBase",
    "NodeKind",
    "PlayedPrompt",
    "Position",
    "PromptRef",
    "StepContext",
    "Widget",
    "no_rules",
    "prop",
]

FROZEN: Final = ConfigDict(extra="forbid", frozen=True)
NodeId = Field(min_length=1, max_length=64)

#: Palette groups, in the palette's order.
Group = Literal["basic", "routing", "data", "end"]
GROUP_NAMES: Final[dict[str, str]] = {"basic": "基础", "routing": "路由", "data": "数据", "end": "结束"}

#: How the editor edits a property. Plain kinds (text, number, switch, choice) are built from the
#: property's type and limits; the others are hand-written widgets for what a schema cannot say well.
Widget = Literal[
    "text",
    "textarea",
    "number",
    "switch",
    "choice",
    "prompt",
    "keys",
    "phones",
    "areas",
    "lines",
    "schedule",
    "branches",
    "rules",
    "variable",
    "module",
]
PromptUse = Literal["prompt", "ringback", "greeting"]


def prop(
    default: Any = ...,
    *,
    label: str,
    help: str = "",
    unit: str = "",
    widget: Widget | None = None,
    aria: str = "",
    options: Mapping[str, str] | None = None,
    use: PromptUse | None = None,
    use_when: Mapping[str, PromptUse] | None = None,
    form: bool = True,
    default_factory: Callable[[], Any] | None = None,
    **limits: Any,
) -> Any:
    """A node property as a pydantic field carrying what the editor's form needs.

    Args:
        label: the form label designers read (Chinese); also names the field in load errors.
        help: a line under the field.
        unit: shown after a number ("秒").
        widget: the editor widget; None chooses one from the type (number, switch, choice, text).
        aria: the accessible name when it differs from the label.
        options: Chinese names of a ``Literal``'s values, in display order.
        use: for prompt widgets, which files the picker lists.
        use_when: for prompt widgets, another boolean property that switches the use when true
            (a play node's prompt becomes a ringback when it plays as early media).
        form: False keeps the property out of the form (set by other means).
        limits: pydantic constraints (``ge``, ``le``, ``max_length`` …), exported as the form's limits.
    """
    extra: dict[str, Any] = {"x-label": label}
    for key, value in (
        ("x-help", help),
        ("x-unit", unit),
        ("x-widget", widget),
        ("x-aria", aria),
        ("x-options", dict(options) if options else None),
        ("x-use", use),
        ("x-use-when", dict(use_when) if use_when else None),
    ):
        if value:
            extra[key] = value
    if not form:
        extra["x-form"] = False
    if default_factory is not None:
        return Field(default_factory=default_factory, title=label, json_schema_extra=extra, **limits)
    return Field(default, title=label, json_schema_extra=extra, **limits)


class Position(BaseModel):
    """Where the node sits on the editor's canvas; ignored by compiler and simulator."""

    model_config = FROZEN
    x: float = 0
    y: float = 0


class PromptRef(BaseModel):
    """Audio the caller hears: an uploaded/recorded prompt by id, or text-to-speech text.

    An empty text or an unchosen file (``""``) loads: a draft is work in progress and the designer sees
    the gap as a diagnostic on the node (``prompt_empty``), which blocks publishing and compiling.
    """

    model_config = FROZEN
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


class NodeBase(BaseModel):
    """What every node has besides its type and properties."""

    model_config = FROZEN
    id: str = NodeId
    label: str = Field(default="", max_length=80)
    note: str = Field(default="", max_length=500, description="the designer's note; callers never hear it")
    position: Position = Field(default_factory=Position)

    def prompts(self) -> tuple[PlayedPrompt, ...]:
        """What the node may play, in playing order: the one definition analysis (does each prompt exist,
        is each ringback approved), the compiler and the API's media usage share."""
        return ()

    def variables_used(self) -> tuple[VarUse, ...]:
        """The flow variables the node reads or fills (``op`` ``set``); analysis checks names and types."""
        return ()

    def variables_set(self, exit_name: str) -> tuple[str, ...]:
        """The variables the node has filled when the call leaves it by ``exit_name`` (use before set)."""
        return ()


class NoProps(BaseModel):
    model_config = FROZEN


class ExitSpec(NamedTuple):
    """A fixed exit: its name in documents, what designers call it, and where it leads when not drawn."""

    name: str
    label: str
    #: The system step an undrawn exit leads to: the call ends, or (a failed dial, R10) hears "busy".
    default: str = "sys:end"


class KeyExits(NamedTuple):
    """Exits a property creates: one per chosen key (a menu's ``digit:1`` …)."""

    #: The property listing the keys offered (editor state; the compiler reads the drawn edges).
    prop: str
    prefix: str
    #: Every possible key, in the order the canvas shows them.
    keys: tuple[str, ...]
    #: ``{key}`` is replaced by the key: "按{key}" → "按1".
    label: str


class ListExits(NamedTuple):
    """Exits a list property creates: one per entry, numbered from 1 (a split's ``branch:1``, a condition's
    ``rule:1`` …).

    Unlike :class:`KeyExits`, whose exits are a fixed set of keys the designer ticks, the exits follow the
    list: a node with three entries has ``<prefix>1`` … ``<prefix>3``. An exit of an entry the node does not
    hold (one since removed) is not the node's exit (:meth:`NodeKind.has_exit`): analysis reports its edge
    as ``edge_unknown_exit``, and the editor moves connections up when an entry is removed.
    The editor reads them as ``listExits: {prop, prefix, most, label, labelField}`` in ``node-types.json``.
    """

    #: The list property, one exit per entry.
    prop: str
    prefix: str
    #: The most entries the list may hold (the editor offers no more).
    most: int
    #: The exit's label when the entry has none: ``{n}`` is replaced by the entry's number, "分支{n}" → "分支1".
    label: str
    #: The entry's field holding its own label (empty: entries have none).
    label_field: str = ""


class StepContext:
    """What a node's compile function needs: its drawn exits, prompt ids, and the system steps.

    The compiler makes one per node; ``prompt`` records which step plays which prompt, so a plan lists
    exactly the prompts its reachable steps can play.
    """

    def __init__(
        self,
        step_id: str,
        exits: Mapping[str, str],
        number: str,
        prompt: Callable[[PromptRef | None], str | None],
        system: Callable[[str | None], str | None],
        defaults: Mapping[str, str],
        variables: Mapping[str, VarInfo] | None = None,
    ) -> None:
        self.step_id = step_id
        self.exits = exits
        self.number = number
        self.prompt = prompt
        self.system = system
        self._defaults = defaults
        #: Every variable the flow may use (built-ins and declared), by name.
        self.variables: Mapping[str, VarInfo] = variables or {}

    def outcomes(self, names: Collection[str]) -> dict[str, str]:
        """The step's ``next`` table: drawn exits where there are some, each exit's system default elsewhere."""
        return {o: self.exits.get(o, self._defaults.get(o, "sys:end")) for o in names}


#: A node type's own analysis rules: the node and the names of its drawn exits → diagnostics.
CheckFn = Callable[[Any, Collection[str]], list[Diagnostic]]
#: How a node compiles: the node and its context → the plan step standing for it.
CompileFn = Callable[[Any, StepContext], Step]


def no_rules(node: Any, exits: Collection[str]) -> list[Diagnostic]:
    """For types whose only rules are the shared ones (prompts filled in, reachable, …)."""
    return []


@dataclass(frozen=True)
class NodeKind:
    """One node type, declared once (see the module docstring)."""

    type: str
    model: builtins.type[NodeBase]
    #: The palette's name and tooltip (Chinese).
    name: str
    hint: str
    group: Group
    #: An Ant Design icon name (``SoundOutlined``) and the card's accent colour.
    icon: str
    color: str
    exits: tuple[ExitSpec, ...]
    check: CheckFn
    compile: CompileFn
    #: Plan ops the compile function emits: the simulator and the Asterisk renderer must both run them.
    ops: tuple[str, ...]
    key_exits: KeyExits | None = None
    #: One exit per entry of a list property (a split's branches, a condition's rules); see :class:`ListExits`.
    list_exits: ListExits | None = None
    #: Exits named by something outside the document: the node may have any exit ``<prefix><name>`` (a
    #: module node's ``exit:<name>``, one per return point of the module it calls; see
    #: :mod:`ivr_flows.modules`, which checks the names against the module).
    open_exits: str = ""
    #: Properties of a node fresh from the palette.
    defaults: Mapping[str, Any] = field(default_factory=dict)
    #: Properties the node's card shows on the canvas, in order.
    card: tuple[str, ...] = ()
    #: Waits for the caller's keys: counts as a menu level (R19) and lets a loop be left by input.
    takes_input: bool = False
    #: False for the start node: every flow has exactly one, made with the flow.
    in_palette: bool = True

    @cached_property
    def exit_names(self) -> tuple[str, ...]:
        return tuple(e.name for e in self.exits)

    @cached_property
    def props_fields(self) -> dict[str, FieldInfo]:
        """The properties' pydantic fields, in declaration order."""
        props = self.model.model_fields["props"].annotation
        assert isinstance(props, type) and issubclass(props, BaseModel)
        return dict(props.model_fields)

    @cached_property
    def prompt_roles(self) -> dict[str, str]:
        """Properties holding a prompt, by name, with what the form calls each ("转接彩铃")."""
        return {
            name: str(extra.get("x-aria") or extra["x-label"])
            for name, info in self.props_fields.items()
            if isinstance(extra := info.json_schema_extra, dict) and extra.get("x-widget") == "prompt"
        }

    def all_exits(self) -> frozenset[str]:
        """Every exit any node of this type may have; list-derived exits depend on the node (see
        :meth:`has_exit`)."""
        return self._all_exits

    @cached_property
    def _all_exits(self) -> frozenset[str]:
        keys = self.key_exits
        derived = (keys.prefix + k for k in keys.keys) if keys else ()
        return frozenset(self.exit_names) | frozenset(derived)

    def has_exit(self, node: NodeBase, exit_name: str) -> bool:
        """Whether ``node`` has the exit: one of the type's, or one per item of its list property."""
        if exit_name in self._all_exits:
            return True
        if (
            self.open_exits
            and exit_name.startswith(self.open_exits)
            and len(exit_name) > len(self.open_exits)
        ):
            return True
        listed = self.list_exits
        if listed is None or not exit_name.startswith(listed.prefix):
            return False
        position = exit_name[len(listed.prefix) :]
        items = getattr(getattr(node, "props", None), listed.prop, None) or ()
        return position.isascii() and position.isdigit() and 1 <= int(position) <= len(items)
