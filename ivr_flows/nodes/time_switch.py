"""The time switch node: routing by working hours and Chinese holidays (R13)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from typing import Any, Literal

from pydantic import BaseModel

from ..diagnostics import Diagnostic
from ..dialplan import Step
from ..schedules import Schedule, compile_windows, makeup_ranges, overlapping_windows, to_minutes
from .base import FROZEN, ExitSpec, NodeBase, NodeKind, StepContext, prop
from .shared import diagnostic


class TimeSwitchProps(BaseModel):
    model_config = FROZEN
    schedule: Schedule = prop(label="工作时段", help="时段内走「匹配」", widget="schedule")


class TimeSwitchNode(NodeBase):
    """Time-based routing (R13). Exits: ``match`` (inside the schedule), ``else``."""

    type: Literal["time_switch"]
    props: TimeSwitchProps


def _check(node: TimeSwitchNode, exits: Collection[str]) -> list[Diagnostic]:
    schedule, node_id = node.props.schedule, node.id
    out: list[Diagnostic] = []
    if not schedule.windows and not schedule.exceptions:
        out.append(diagnostic("schedule_empty", "warning", "时间条件没有任何时段,永远走“否则”出口", node_id))
    for w in schedule.windows:
        if not w.days:
            message = f"时段{w.start}-{w.end}还没有选择星期几"
            out.append(diagnostic("schedule_window_no_days", "error", message, node_id))
        if w.start == w.end and w.start != "00:00":
            message = f"时段{w.start}-{w.end}的开始和结束相同"
            out.append(diagnostic("schedule_window_empty", "error", message, node_id))
    segments = compile_windows(schedule.windows)
    for a, b in overlapping_windows(segments) if len(segments) > 1 else ():
        wa, wb = schedule.windows[a], schedule.windows[b]
        message = f"时段“{wa.name or wa.start + '-' + wa.end}”与“{wb.name or wb.start + '-' + wb.end}”重叠"
        out.append(diagnostic("schedule_overlap", "warning", message, node_id))
    dates = Counter(e.date for e in schedule.exceptions) if schedule.exceptions else {}
    for day, count in dates.items():
        if count > 1:
            message = f"特殊日期{day}设置了{count}次,互相矛盾"
            out.append(diagnostic("schedule_exception_conflict", "error", message, node_id))
    for e in schedule.exceptions:
        for r in e.open:
            if to_minutes(r.end) <= to_minutes(r.start):
                message = f"特殊日期{e.date}的时段{r.start}-{r.end}结束时间必须晚于开始时间"
                out.append(diagnostic("schedule_exception_range", "error", message, node_id))
    return out


def _compile(node: TimeSwitchNode, ctx: StepContext) -> Step:
    sched = node.props.schedule
    segments = compile_windows(sched.windows)
    args: dict[str, Any] = {
        "segments": [{"days": list(s.days), "start": s.start, "end": s.end} for s in segments],
        "makeup": [list(r) for r in makeup_ranges(segments, sched.makeup_weekday)],
        "exceptions": {
            e.date.isoformat(): [[to_minutes(r.start), to_minutes(r.end)] for r in e.open]
            for e in sched.exceptions
        },
        "observe_holidays": sched.observe_holidays,
    }
    return Step(ctx.step_id, "time_switch", args, ctx.outcomes(KIND.exit_names), node.id)


KIND = NodeKind(
    type="time_switch",
    model=TimeSwitchNode,
    name="时间判断",
    hint="工作时间与节假日",
    group="routing",
    icon="ClockCircleOutlined",
    color="#d48806",
    exits=(ExitSpec("match", "匹配"), ExitSpec("else", "否则")),
    check=_check,
    compile=_compile,
    ops=("time_switch",),
    defaults={
        "schedule": {
            "windows": [{"name": "工作时间", "days": [1, 2, 3, 4, 5], "start": "09:00", "end": "18:00"}],
            "exceptions": [],
            "observe_holidays": True,
        }
    },
    card=("schedule",),
)
