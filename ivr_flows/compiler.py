"""Compile a number's policies and published flow into a :class:`Dialplan`.

The compiler does the thinking so runtimes stay simple: area names become area-code sets, schedules
become midnight-free segments plus a day table of holidays and make-up workdays, bound numbers become
their national form with their kind (mobile / landline, which decides R10's busy behaviour), text to
speech becomes a prompt id, and every missing exit is sent to a system step with the provider FAQ's wording.
Output is deterministic: steps are laid out breadth-first from the entry in the flow's own order.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from .analysis import AnalysisContext, analyse
from .calendar import DayOverride, WorkCalendar
from .diagnostics import Diagnostic, FlowError, errors_in
from .dialplan import Dialplan, PlanPrompt, Step
from .hotlines import parse_400_number
from .model import Flow, ModuleExitNode, ModuleNode, Node, PromptRef
from .modules import EXIT_PREFIX, Modules, resolve_modules, return_points
from .nodes import KINDS, kind_of
from .nodes.base import StepContext
from .nodes.hangup import HANGUP_CAUSES
from .nodes.shared import area_codes as _codes
from .policies import NumberPolicies, normalise_list_entry
from .schedules import day_kinds
from .variables import VarInfo, variable_table

__all__ = [
    "DEFAULT_YEARS",
    "HANGUP_CAUSES",
    "SYSTEM_PROMPTS",
    "compile_plan",
    "flow_digest",
    "tts_prompt_id",
]

#: What the platform itself says. The first three are the provider FAQ's own words (R15, R14, R10).
SYSTEM_PROMPTS: dict[str, str] = {
    "sys-no-permission": "您无权拨打该号码",
    "sys-area-busy": "对不起,您要的电话忙!",
    "sys-busy": "您要的电话忙",
    "sys-category-refused": "对不起,您使用的电话暂不能拨打该号码",
    "sys-suspended": "您拨打的号码已停机",
    "sys-unallocated": "您拨打的号码是空号",
    "sys-menu-invalid": "输入有误,请重新输入",
    "sys-menu-timeout": "您没有输入,请重新输入",
}

#: Years whose holidays are compiled into plans by default (the bundled calendar's data from 2024 on).
DEFAULT_YEARS: tuple[int, ...] = tuple(y for y in range(2024, 2040) if WorkCalendar.covers(y))

_SYSTEM_STEPS: dict[str, tuple[str | None, str]] = {
    "sys:end": (None, "normal"),
    "sys:busy": ("sys-busy", "busy"),
    "sys:no_permission": ("sys-no-permission", "rejected"),
    "sys:area_busy": ("sys-area-busy", "busy"),
    "sys:category": ("sys-category-refused", "rejected"),
    "sys:suspended": ("sys-suspended", "rejected"),
    "sys:unallocated": ("sys-unallocated", "unallocated"),
}

# Where an exit nobody drew leads, by exit name: each node type's exits say (a failed dial tells the caller
# the line is busy, R10); the rest end the call.
_DEFAULT_TARGET = {e.name: e.default for kind in KINDS for e in kind.exits if e.default != "sys:end"}


def tts_prompt_id(text: str) -> str:
    """The stable prompt id of a text-to-speech prompt (the audio pipeline renders it under this id)."""
    return "tts-" + hashlib.sha1(text.encode()).hexdigest()[:16]


class _Builder:
    """Turns prompt references into plan prompt ids, noting which step plays which prompt.

    A plan lists exactly the prompts its reachable steps can play: the step being built is ``step``, and
    every prompt placed in its args is recorded under it in ``plays``.
    """

    def __init__(self) -> None:
        self.prompts: dict[str, PlanPrompt] = {}
        self.plays: dict[str, list[str]] = {}
        self.step = ""

    def building(self, sid: str) -> None:
        self.step = sid
        self.plays[sid] = []

    def prompt(self, ref: PromptRef | None) -> str | None:
        if ref is None:
            return None
        if ref.tts is not None:
            pid = tts_prompt_id(ref.tts)
            self.prompts[pid] = PlanPrompt("tts", ref.tts)
        else:
            assert ref.prompt is not None  # PromptRef holds exactly one of the two
            pid = ref.prompt
            self.prompts.setdefault(pid, PlanPrompt("audio", None))
        self.plays[self.step].append(pid)
        return pid

    def system(self, pid: str | None) -> str | None:
        if pid is not None:
            self.prompts[pid] = PlanPrompt("system", SYSTEM_PROMPTS[pid])
            self.plays[self.step].append(pid)
        return pid


def _node_step(
    node: Node, exits: dict[str, str], b: _Builder, number: str, variables: dict[str, VarInfo]
) -> Step:
    sid = "node:" + node.id
    b.building(sid)
    kind = kind_of(node.type)
    assert kind is not None  # a loaded flow holds registered types only
    ctx = StepContext(sid, exits, number, b.prompt, b.system, _DEFAULT_TARGET, variables)
    return kind.compile(node, ctx)


def _inline(
    flow: Flow,
    prefix: str,
    returns: dict[str, str],
    modules: Modules,
    b: _Builder,
    number: str,
    by_id: dict[str, Step],
) -> str:
    """Compile a called module's nodes into ``by_id`` under ``prefix`` (``<calling node id>/``).

    ``returns`` maps each return point's name to where the caller goes on. Returns the step the call
    enters the module by: where the module's start leads.
    """
    exits: dict[str, dict[str, str]] = {}
    for edge in flow.edges:
        exits.setdefault(edge.source, {})[edge.exit] = "node:" + prefix + edge.target
    variables = variable_table(flow.variables)
    resolved = resolve_modules(flow, modules)
    entry = "sys:end"
    for node in flow.nodes:
        drawn = exits.get(node.id, {})
        if node.type == "start":
            entry = drawn.get("next", "sys:end")
            continue
        sid = "node:" + prefix + node.id
        if isinstance(node, ModuleExitNode):
            b.building(sid)
            by_id[sid] = Step(
                sid, "start", {}, {"next": returns.get(node.props.name.strip(), "sys:end")}, prefix + node.id
            )
        elif isinstance(node, ModuleNode):
            by_id[sid] = _call(node, prefix, drawn, resolved[node.id].module, modules, b, number, by_id)
        else:
            inlined = node.model_copy(update={"id": prefix + node.id})
            by_id[sid] = _node_step(inlined, drawn, b, number, variables)
    return entry


def _call(
    node: ModuleNode,
    prefix: str,
    drawn: dict[str, str],
    module: Flow | None,
    modules: Modules,
    b: _Builder,
    number: str,
    by_id: dict[str, Step],
) -> Step:
    """A module node: a pass-through step into the module's inlined nodes, which return to ``drawn``."""
    if module is None:  # analysis refuses it first (module_missing / module_cycle)
        raise FlowError([Diagnostic("module_missing", "error", "子流程无法调用", prefix + node.id)])
    sid = "node:" + prefix + node.id
    returns = {name: drawn.get(EXIT_PREFIX + name, "sys:end") for name in return_points(module)}
    entry = _inline(module, prefix + node.id + "/", returns, modules, b, number, by_id)
    b.building(sid)
    return Step(sid, "start", {}, {"next": entry}, prefix + node.id)


def _policy_steps(policies: NumberPolicies, start: str) -> tuple[str, list[Step]]:
    if policies.status == "suspended":
        return "sys:suspended", []
    if policies.status == "reclaimed":
        return "sys:unallocated", []
    steps: list[Step] = []
    categories = {"allowed": sorted(set(policies.allowed_categories))}
    chain: list[tuple[str, str, dict[str, Any], str, str]] = [
        ("policy:category", "check_category", categories, "allowed", "sys:category"),
    ]
    if policies.caller_list.mode != "off":
        prefixes = sorted({e for e in map(normalise_list_entry, policies.caller_list.entries) if e})
        args_list = {"mode": policies.caller_list.mode, "prefixes": prefixes}
        chain.append(("policy:list", "check_list", args_list, "pass", "sys:no_permission"))
    if policies.areas.allowed or policies.areas.refused:
        allowed = list(_codes(tuple(policies.areas.allowed))) if policies.areas.allowed else None
        args = {"allowed": allowed, "refused": list(_codes(tuple(policies.areas.refused)))}
        chain.append(("policy:area", "check_area", args, "pass", "sys:area_busy"))
    if policies.max_lines is not None:
        chain.append(("policy:lines", "check_lines", {"max_lines": policies.max_lines}, "ok", "sys:busy"))
    for i, (sid, op, args, ok, refused) in enumerate(chain):
        following = chain[i + 1][0] if i + 1 < len(chain) else start
        bad = "refused" if op != "check_lines" else "full"
        steps.append(Step(sid, op, args, {ok: following, bad: refused}))
    return steps[0].id, steps


@lru_cache(maxsize=64)
def _day_table(
    overrides: tuple[tuple[Any, bool, str], ...], years: tuple[int, ...]
) -> tuple[tuple[str, str], ...]:
    """The day table, cached: classifying three years of days costs more than compiling a large flow."""
    cal = WorkCalendar.from_overrides([DayOverride(day, workday, name) for day, workday, name in overrides])
    return tuple(day_kinds(cal, years).items())


def flow_digest(flow: Flow) -> str:
    """SHA-256 of what the flow *does*: canvas positions, designers' notes, test cases and a menu's ticked
    keys (only its connected keys reach callers) do not change a plan. A flow declaring no variables
    digests as it did before flows had them."""
    exclude: dict[str, Any] = {
        "tests": True,
        "nodes": {"__all__": {"position": True, "note": True, "props": {"keys"}}},
    }
    if not flow.variables:
        exclude["variables"] = True
    if flow.kind == "flow":
        exclude["kind"] = True
    dumped = flow.model_dump_json(exclude=exclude)
    return hashlib.sha256(dumped.encode()).hexdigest()


def compile_plan(
    number: str,
    policies: NumberPolicies | None,
    flow: Flow,
    *,
    context: AnalysisContext | None = None,
    calendar: WorkCalendar | None = None,
    years: Iterable[int] | None = None,
    analysis: list[Diagnostic] | None = None,
    modules: Modules | None = None,
) -> Dialplan:
    """Compile a 400 number's policies and flow into a dialplan.

    Args:
        number: the 400 number (``4006228300`` or ``400-622-8300``).
        policies: number-level policies; None means the defaults (active, R9 categories only).
        flow: the published flow.
        context: which prompts exist and which ringbacks are approved; None skips those checks.
        calendar: holiday table; defaults to the policies' operator overrides over the bundled calendar.
        years: years to put in the day table (defaults to :data:`DEFAULT_YEARS` plus override years).
        analysis: what ``analyse(flow, policies, context)`` returned, when the caller already ran it (the
            API analyses a publication once and reports its warnings too); None analyses here.
        modules: the module versions the flow may call, by (module id, version) (:mod:`ivr_flows.modules`);
            their nodes are compiled inline, ids prefixed with the calling node's (``<node>/<module node>``).

    Raises:
        FlowError: when analysis finds errors (its ``diagnostics`` list them); ValueError for a bad number.
    """
    number = parse_400_number(number)
    policies = policies or NumberPolicies()
    found: list[Diagnostic] = errors_in(
        analysis if analysis is not None else analyse(flow, policies, context, modules or {})
    )
    if found:
        raise FlowError(found)
    b = _Builder()
    start = next(n for n in flow.nodes if n.type == "start")
    exits: dict[str, dict[str, str]] = {}
    for edge in flow.edges:
        exits.setdefault(edge.source, {})[edge.exit] = "node:" + edge.target
    entry, steps = _policy_steps(policies, "node:" + start.id)
    by_id: dict[str, Step] = {s.id: s for s in steps}
    variables = variable_table(flow.variables)
    resolved = resolve_modules(flow, modules or {}) if any(n.type == "module" for n in flow.nodes) else {}
    for node in flow.nodes:
        drawn = exits.get(node.id, {})
        if isinstance(node, ModuleNode):
            step = _call(node, "", drawn, resolved[node.id].module, modules or {}, b, number, by_id)
            by_id.setdefault(step.id, step)
            continue
        by_id.setdefault("node:" + node.id, _node_step(node, drawn, b, number, variables))
    for sid, (prompt, cause) in _SYSTEM_STEPS.items():
        b.building(sid)
        args = {"prompt": b.system(prompt), "cause": cause, "q850": HANGUP_CAUSES[cause]}
        by_id[sid] = Step(sid, "hangup", args, {})
    ordered: list[Step] = []
    seen = {entry}
    queue = deque([entry])
    while queue:
        step = by_id[queue.popleft()]
        ordered.append(step)
        for target in step.next.values():
            if target not in seen:
                seen.add(target)
                queue.append(target)
    used_prompts = {pid for step in ordered for pid in b.plays.get(step.id, ())}
    for pid in used_prompts:
        if pid in SYSTEM_PROMPTS:  # the platform's words win over an uploaded prompt of the same id
            b.prompts[pid] = PlanPrompt("system", SYSTEM_PROMPTS[pid])
    observe = any(s.op == "time_switch" and s.args["observe_holidays"] for s in ordered)
    table: dict[str, str] = {}
    if observe:
        cal = calendar or policies.work_calendar()
        wanted = set(DEFAULT_YEARS if years is None else years) | {d.day.year for d in policies.calendar}
        overrides = tuple(sorted((o.day, o.workday, o.name) for o in cal.overrides.values()))
        table = dict(_day_table(overrides, tuple(sorted(wanted))))
    return Dialplan(
        number=number,
        entry=entry,
        steps=tuple(ordered),
        prompts={pid: b.prompts[pid] for pid in sorted(used_prompts)},
        day_table=table,
        flow_id=flow.id,
        flow_name=flow.name,
        flow_digest=flow_digest(flow),
    )
