"""The dial node: forward the call to the bound phones (R10–R12)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from functools import lru_cache
from typing import Any, Final, Literal

from pydantic import BaseModel, Field

from ..diagnostics import Diagnostic
from ..dialplan import Step
from ..phones import PhoneNumberError, mainland_number, parse_phone
from .base import FROZEN, ExitSpec, NodeBase, NodeKind, PlayedPrompt, PromptRef, StepContext, prop
from .shared import area_codes, check_areas, diagnostic

#: R10's advice for a single bound number: let it ring 50–60 seconds.
SINGLE_WAIT_ADVICE_S: Final = (50, 60)
#: R10's advice when several numbers are bound: at least 15 seconds each.
MULTI_WAIT_MIN_S: Final = 15


class Destination(BaseModel):
    """A bound (forward-to) phone and how long it may ring (等待时间, R10)."""

    model_config = FROZEN
    number: str = Field(max_length=32, description="empty while the designer has not typed it yet")
    wait_s: int = Field(default=30, ge=1, le=300)
    name: str = Field(default="", max_length=40)
    allowed_areas: list[str] = Field(default_factory=list, max_length=500)
    refused_areas: list[str] = Field(default_factory=list, max_length=500)


class DialProps(BaseModel):
    model_config = FROZEN
    destinations: list[Destination] = prop(
        label="绑定电话",
        help="拖动左侧把手或用上下箭头调整呼叫顺序。等待时间建议:绑定多个号码时每个 15 秒或以上,只绑定一个时 50–60 秒。",
        widget="phones",
        default_factory=list,
        max_length=50,
    )
    strategy: Literal["sequential", "ring_all"] = prop(
        "sequential", label="呼叫方式", options={"sequential": "依次呼叫", "ring_all": "同时振铃"}
    )
    ringback: PromptRef | None = prop(
        None, label="等待时给来电者放的彩铃", aria="转接彩铃", widget="prompt", use="ringback"
    )
    record: bool = prop(False, label="通话录音", help="录下接通后的通话,录音保留一个月")  # R18


class DialNode(NodeBase):
    """Forward to bound phones (R10–R12). Exits: ``answered``, ``busy``, ``no_answer``, ``failed``."""

    type: Literal["dial"]
    props: DialProps = Field(default_factory=DialProps)

    def prompts(self) -> tuple[PlayedPrompt, ...]:
        return () if self.props.ringback is None else (PlayedPrompt(self.props.ringback, ringback=True),)


@lru_cache(maxsize=8192)
def _destination(raw: str) -> tuple[str | None, tuple[str, str]]:
    """(national number, ("", "")) or (None, (diagnostic code, message)); cached, flows repeat numbers."""
    try:
        return mainland_number(raw), ("", "")
    except PhoneNumberError as exc:
        code = "destination_not_mainland" if exc.code == "not_mainland" else "destination_invalid"
        return None, (code, exc.message)


def _check(node: DialNode, exits: Collection[str]) -> list[Diagnostic]:
    p = node.props
    nid = node.id
    out: list[Diagnostic] = []
    if not p.destinations:
        return [diagnostic("dial_no_destinations", "error", "转接节点没有绑定号码", nid)]
    if not any(name in exits for name in DIAL_FAILURE_EXITS):
        message = "转接节点没有遇忙/无应答/失败出口,未接通时来电者将听到“您要的电话忙”并挂机"
        out.append(diagnostic("dial_no_failure_exit", "warning", message, nid))
    numbers: list[str] = []
    for i, d in enumerate(p.destinations, start=1):
        if not d.number.strip():
            out.append(diagnostic("destination_empty", "error", f"电话{i}还没有填写号码", nid))
            continue
        number, problem = _destination(d.number)
        if number is not None:
            numbers.append(number)
        else:
            out.append(diagnostic(problem[0], "error", f"绑定号码“{d.number}”:{problem[1]}", nid))
        if d.allowed_areas or d.refused_areas:
            out.extend(check_areas(d.allowed_areas + d.refused_areas, nid, f"绑定号码{d.number}的接听区域中"))
    if len(set(numbers)) != len(numbers):
        for number, count in Counter(numbers).items():
            if count > 1:
                out.append(diagnostic("destination_duplicate", "warning", f"绑定号码{number}重复", nid))
    waits = [d.wait_s for d in p.destinations]
    if p.strategy == "sequential" and len(waits) > 1:
        for d in p.destinations:
            if d.wait_s < MULTI_WAIT_MIN_S:
                message = f"绑定多个号码时等待时间建议{MULTI_WAIT_MIN_S}秒或以上({d.number}为{d.wait_s}秒)"
                out.append(diagnostic("wait_short_multi", "warning", message, nid))
    low, high = SINGLE_WAIT_ADVICE_S
    if len(waits) == 1 and not low <= waits[0] <= high:
        code = "wait_short_single" if waits[0] < low else "wait_long_single"
        message = f"只绑定一个号码时等待时间建议设置在{low}-{high}秒(当前{waits[0]}秒)"
        out.append(diagnostic(code, "warning", message, nid))
    if waits[-1] < low and "no_answer" not in exits:
        message = f"等待时间过短({waits[-1]}秒)且没有下一个呼转号码:无人接听时来电者听到“您要的电话忙”并挂机"
        out.append(diagnostic("wait_short_no_next", "warning", message, nid))
    return out


def _compile(node: DialNode, ctx: StepContext) -> Step:
    dial = node.props
    destinations = []
    for d in dial.destinations:
        parsed = parse_phone(d.number)
        destinations.append(
            {
                "number": parsed.number,
                "kind": parsed.kind,
                "wait_s": d.wait_s,
                "name": d.name,
                "allowed_areas": list(area_codes(tuple(d.allowed_areas))) if d.allowed_areas else None,
                "refused_areas": list(area_codes(tuple(d.refused_areas))) if d.refused_areas else [],
            }
        )
    args: dict[str, Any] = {
        "strategy": dial.strategy,
        "destinations": destinations,
        "ringback": ctx.prompt(dial.ringback),
        "record": dial.record,
    }
    outcomes = ctx.outcomes(KIND.exit_names)
    # not an exit a designer draws: no bound phone accepts the caller's area (R14's wording)
    outcomes["area_refused"] = "sys:area_busy"
    return Step(ctx.step_id, "dial", args, outcomes, node.id)


KIND = NodeKind(
    type="dial",
    model=DialNode,
    name="转接电话",
    hint="依次或同时呼叫绑定电话",
    group="basic",
    icon="PhoneOutlined",
    color="#08979c",
    # R10: when nobody answers, the caller hears that the line is busy.
    exits=(
        ExitSpec("answered", "接通"),
        ExitSpec("busy", "忙", "sys:busy"),
        ExitSpec("no_answer", "无应答", "sys:busy"),
        ExitSpec("failed", "失败", "sys:busy"),
    ),
    check=_check,
    compile=_compile,
    ops=("dial",),
    defaults={"destinations": [], "strategy": "sequential", "record": False},
    card=("destinations",),
)

#: The dial exits taken when nobody answers (R10: a failed dial tells the caller the line is busy).
DIAL_FAILURE_EXITS: Final = tuple(e.name for e in KIND.exits if e.name != "answered")
