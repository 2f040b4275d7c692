"""Flow variables: what a flow may branch on, declared in the flow or built in.

A flow declares its own variables (``Flow.variables``: a name, a type and a Chinese label) for nodes to
fill — a collect node writes the digits a caller entered into one. Every flow also has the built-in,
read-only variables of :data:`BUILTINS`: who calls, from where, which 400 number, and when. Nodes that use
variables say so (:meth:`ivr_flows.nodes.base.NodeBase.variables_used`, ``variables_set``), so analysis
checks names, types and use before set here once, for every node type.

Built-ins at run time (the simulator and the Asterisk renderer give the same values):

========================  ========  ====================================================================
name                       type      value
========================  ========  ====================================================================
``caller``                 digits    the caller's national number (``13812345678``, ``02088886666``)
``caller_province``        text      the caller's province in Chinese (``广东``); empty when unknown
``caller_city``            text      the caller's city in Chinese (``广州``); empty when unknown
``caller_area``            digits    the caller's area code (``020``), or ``unknown``
``caller_category``        text      mobile, office, residential, pbx, did, campus, voip, payphone, unknown
``dialled``                digits    the 400 number called (``4006228300``)
``hour``                   number    the hour in Asia/Shanghai, 0–23
``weekday``                number    the ISO weekday in Asia/Shanghai, 1 (Monday) – 7 (Sunday)
========================  ========  ====================================================================

Province and city are compiled to the area codes they cover (as an area switch is), so a plan branches
on ``caller_area`` and no runtime needs area names.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from typing import Final, Literal, NamedTuple, Protocol

from pydantic import BaseModel, ConfigDict, Field

from .diagnostics import Diagnostic

__all__ = [
    "BUILTINS",
    "NAME_PATTERN",
    "TYPE_NAMES",
    "VarInfo",
    "VarType",
    "VarUse",
    "Variable",
    "check_variables",
    "variable_table",
]

VarType = Literal["digits", "text", "number"]
TYPE_NAMES: Final[dict[str, str]] = {"digits": "数字串", "text": "文字", "number": "数值"}
NAME_PATTERN: Final = r"^[a-z][a-z0-9_]{0,31}$"


class Variable(BaseModel):
    """A variable the flow declares: its name in nodes, its type and what designers call it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(pattern=NAME_PATTERN, description="lower-case letters, digits and _, a letter first")
    type: VarType = "digits"
    label: str = Field(default="", max_length=40, description="the designers' name for it (Chinese)")


class VarInfo(NamedTuple):
    """A variable a node may use, declared or built in."""

    name: str
    type: VarType
    label: str
    builtin: bool = False


#: The variables every flow has (see the module docstring for their values).
BUILTINS: Final[dict[str, VarInfo]] = {
    v.name: v
    for v in (
        VarInfo("caller", "digits", "来电号码", True),
        VarInfo("caller_province", "text", "来电省份", True),
        VarInfo("caller_city", "text", "来电城市", True),
        VarInfo("caller_area", "digits", "来电区号", True),
        VarInfo("caller_category", "text", "来电类型", True),
        VarInfo("dialled", "digits", "所拨400号码", True),
        VarInfo("hour", "number", "当前小时", True),
        VarInfo("weekday", "number", "星期几", True),
    )
}


class VarUse(NamedTuple):
    """A node's use of a variable: how (an op such as ``range``, or ``set``) and where (Chinese)."""

    name: str
    op: str
    where: str


#: Which variable types each way of using a variable accepts (``set``: a collect node fills it).
_OP_TYPES: Final[dict[str, frozenset[str]]] = {
    "equals": frozenset({"digits", "text", "number"}),
    "in_list": frozenset({"digits", "text", "number"}),
    "empty": frozenset({"digits", "text", "number"}),
    "prefix": frozenset({"digits", "text"}),
    "range": frozenset({"digits", "number"}),
    "set": frozenset({"digits", "number"}),
    # an HTTP request sends any variable and fills any declared one from its answer
    "send": frozenset({"digits", "text", "number"}),
    "fill": frozenset({"digits", "text", "number"}),
}
#: Ops that give a variable its value (the others read it).
_SETS: Final = frozenset({"set", "fill"})
#: Built-ins compiled to area codes: only whole names (equals, in list) or "unknown" (empty) apply.
_AREA_NAMES: Final = frozenset({"caller_province", "caller_city"})
_OP_NAMES: Final = {
    "equals": "等于",
    "in_list": "属于列表",
    "prefix": "开头是",
    "range": "数值范围",
    "empty": "为空",
    "set": "保存输入",
    "send": "发送",
    "fill": "保存返回值",
}


class _Node(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def type(self) -> str: ...

    def variables_used(self) -> tuple[VarUse, ...]: ...

    def variables_set(self, exit_name: str) -> tuple[str, ...]: ...


class _Edge(Protocol):
    @property
    def source(self) -> str: ...

    @property
    def target(self) -> str: ...

    @property
    def exit(self) -> str: ...


class Flow(Protocol):
    """What the checks read of a flow (:class:`ivr_flows.model.Flow`), named here without importing the
    model, which imports the node types, which import this module."""

    @property
    def variables(self) -> Sequence[Variable]: ...

    @property
    def nodes(self) -> Sequence[_Node]: ...

    @property
    def edges(self) -> Sequence[_Edge]: ...

    def node_map(self) -> Mapping[str, _Node]: ...


def variable_table(declared: Iterable[Variable]) -> dict[str, VarInfo]:
    """Built-ins, then the flow's own variables (a declared name never hides a built-in)."""
    table = dict(BUILTINS)
    for v in declared:
        table.setdefault(v.name, VarInfo(v.name, v.type, v.label or v.name))
    return table


def _d(code: str, severity: Literal["error", "warning"], message: str, node: str | None = None) -> Diagnostic:
    return Diagnostic(code, severity, message, node)


def _declarations(declared: Sequence[Variable]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: set[str] = set()
    for v in declared:
        if v.name in BUILTINS:
            message = f"变量名“{v.name}”是系统变量({BUILTINS[v.name].label}),请换一个名字"
            out.append(_d("variable_builtin", "error", message))
        elif v.name in seen:
            out.append(_d("variable_duplicate", "error", f"变量“{v.name}”声明了两次"))
        seen.add(v.name)
    return out


def _uses(flow: Flow, table: Mapping[str, VarInfo]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for node in flow.nodes:
        for use in node.variables_used():
            info = table.get(use.name)
            if info is None:
                message = f"{use.where}使用的变量“{use.name}”没有声明"
                out.append(_d("variable_unknown", "error", message, node.id))
                continue
            if use.op in _SETS and info.builtin:
                message = f"{use.where}不能写入系统变量“{info.label}”,请声明一个自己的变量"
                out.append(_d("variable_builtin", "error", message, node.id))
            elif use.op not in _OP_TYPES or info.type not in _OP_TYPES[use.op]:
                op = _OP_NAMES.get(use.op, use.op)
                message = f"{use.where}的“{op}”不适用于{TYPE_NAMES[info.type]}类型的变量“{info.label}”"
                out.append(_d("variable_type", "error", message, node.id))
            elif use.name in _AREA_NAMES and use.op not in ("equals", "in_list", "empty"):
                op = _OP_NAMES.get(use.op, use.op)
                message = f"{use.where}的{info.label}只能按“等于”“属于列表”或“为空”判断,不能按“{op}”"
                out.append(_d("variable_type", "error", message, node.id))
    return out


def _unset(flow: Flow, table: Mapping[str, VarInfo]) -> list[Diagnostic]:
    """Declared variables read where some path from the start has not set them yet (a must-analysis).

    A node's entry holds the variables set on *every* path reaching it: the start has none, every other
    node starts from all and loses what some incoming edge lacks. An edge carries its source's entry plus
    what the source sets on that exit (a collect node sets its variable on ``done`` only).
    """
    declared = frozenset(n for n, info in table.items() if not info.builtin)
    readers = [
        n for n in flow.nodes if any(u.op not in _SETS and u.name in declared for u in n.variables_used())
    ]
    if not readers:
        return []
    nodes = flow.node_map()
    start = next((n.id for n in flow.nodes if n.type == "start"), None)
    if start is None:
        return []
    # per edge, its target and what its source sets on that exit (asked once per edge)
    outgoing: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for e in flow.edges:
        source = nodes.get(e.source)
        if source is not None and e.target in nodes and e.target != start:
            outgoing.setdefault(e.source, []).append((e.target, frozenset(source.variables_set(e.exit))))
    entry: dict[str, frozenset[str]] = {start: frozenset()}
    work = deque([start])
    while work:
        nid = work.popleft()
        here = entry[nid]
        for target, sets in outgoing.get(nid, ()):
            carried = here | sets if sets else here
            before = entry.get(target)
            if before is None:
                entry[target] = carried
                work.append(target)
            elif not before <= carried:
                entry[target] = before & carried
                work.append(target)
    out: list[Diagnostic] = []
    for node in readers:
        if node.id not in entry:
            continue  # unreachable: reported as such
        missing = sorted(
            {u.name for u in node.variables_used() if u.op not in _SETS and u.name in declared}
            - entry[node.id]
        )
        for name in missing:
            message = f"变量“{table[name].label}”在某些路径上还没有被输入就被使用了,此时它为空"
            out.append(_d("variable_unset", "warning", message, node.id))
    return out


def check_variables(flow: Flow) -> list[Diagnostic]:
    """Declarations (duplicates, built-in names), uses (unknown names, wrong types), use before set."""
    if not flow.variables and not any(n.variables_used() for n in flow.nodes):
        return []
    table = variable_table(flow.variables)
    return _declarations(flow.variables) + _uses(flow, table) + _unset(flow, table)
