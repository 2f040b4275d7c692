"""Every test case of the example flows, called through a real Asterisk and simulated: the same call.

The cases pin what a designer expects of a flow (``ivr_flows/examples/*.flow.json``); here each one is
also a call through the rendered plan. Phones rung in order, prompts heard, voicemail, the hangup cause
must be what the simulator says, and the time from each of these moments to the next too (within 1 s;
absolute times drift by a tenth of a second per prompt or key, see ``call_lab.steps_agree``).

Asterisk reads the real clock, a case names its own time. So a plan with a time switch is *moved in
time* for Asterisk: a zone a whole number of hours from UTC (``Etc/GMT-k``) gives the case's hour now,
and the plan's weekdays, dated exceptions and day table are moved by the days between. Asterisk then
decides at the case's date and hour, with the minutes of the present, and the simulator is asked about
exactly that moment.
"""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from ivr_flows import CallSpec, Dialplan, compile_plan, load_flow, simulate
from tests.ivr_flows import module_examples
from tests.telephony.asterisk_instance import REPO
from tests.telephony.call_lab import CallLab, simulated, steps_agree

#: The example flows; those calling a module compile with the example modules, inlined.
EXAMPLES = sorted((REPO / "ivr_flows" / "examples").glob("*.flow.json")) + module_examples.FLOWS
#: Talk and message times of the cases, shortened so the calls take seconds (nothing routes on them).
TALK_S, MESSAGE_S = 1.0, 2.0


def moved_plan(plan: Dialplan, at: dt.datetime, now: dt.datetime) -> tuple[Dialplan, dt.datetime]:
    """``plan`` moved so that Asterisk, at ``now`` (UTC), decides as at ``at``'s date and hour.

    Returns the moved plan and the moment it stands for (``at`` with the minutes of ``now``).
    """
    if not any(s.op == "time_switch" for s in plan.steps):
        return plan, at
    hours = (at.hour - now.hour) % 24
    hours = hours - 24 if hours > 11 else hours  # Etc zones run from UTC-12 to UTC+14
    local = now + dt.timedelta(hours=hours)
    days = (local.date() - at.date()).days
    moment = dt.datetime.combine(at.date(), local.time().replace(tzinfo=None))

    def moved_date(day: str) -> str:
        return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()

    data = copy.deepcopy(plan.to_dict())  # to_dict shares the steps' args with the plan
    data["timezone"] = "Etc/GMT" if hours == 0 else f"Etc/GMT{-hours:+d}"  # Etc/GMT-8 is UTC+8
    data["day_table"] = {moved_date(day): kind for day, kind in data["day_table"].items()}
    for step in data["steps"]:
        if step["op"] == "time_switch":
            args = step["args"]
            for segment in args["segments"]:
                segment["days"] = sorted((d - 1 + days) % 7 + 1 for d in segment["days"])
            args["exceptions"] = {moved_date(day): r for day, r in args["exceptions"].items()}
    return Dialplan.from_dict(data), moment


def lab_spec(call: CallSpec, at: dt.datetime) -> CallSpec:
    """The case's call, at ``at``, with short talks and messages."""
    phones: dict[str, Any] = {
        number: behaviour.model_copy(update={"talk_s": min(behaviour.talk_s, TALK_S)})
        for number, behaviour in call.phones.items()
    }
    return call.model_copy(update={"at": at, "phones": phones, "message_s": min(call.message_s, MESSAGE_S)})


def test_moving_a_plan_keeps_its_decisions() -> None:
    flow = load_flow((REPO / "ivr_flows" / "examples" / "work_hours.flow.json").read_text(encoding="utf-8"))
    plan = compile_plan("4006228300", None, flow)
    now = dt.datetime(2026, 12, 2, 3, 7, tzinfo=dt.UTC)  # a Wednesday, 11:07 in Shanghai
    for at, zone, weekday in (
        (dt.datetime(2026, 3, 7, 10, 0), "Etc/GMT-7", 3),  # Saturday 10:xx = Wednesday in UTC+7
        (dt.datetime(2026, 10, 2, 22, 0), "Etc/GMT+5", 2),  # 22:xx in UTC-5 is still Tuesday
    ):
        moved, moment = moved_plan(plan, at, now)
        assert moved.timezone == zone and moment == at.replace(minute=7)
        local = now.astimezone(ZoneInfo(zone))
        assert local.hour == at.hour and local.isoweekday() == weekday
        # the moved plan at Asterisk's local time decides as the plan at the case's moment
        decided = simulate(moved, CallSpec(at=local.replace(tzinfo=None)))
        assert decided.path == simulate(plan, CallSpec(at=moment)).path
    assert plan.to_dict() == compile_plan("4006228300", None, flow).to_dict()  # the plan itself is kept
    holiday = moved_plan(plan, dt.datetime(2026, 10, 2, 10, 0), now)[0]
    assert holiday.day_table[now.astimezone(ZoneInfo("Etc/GMT-7")).date().isoformat()] == "holiday"


def example_cases() -> list[tuple[str, Dialplan, CallSpec]]:
    """(name, plan, call) for every case of every example flow; each plan gets a 400 number of its own."""
    cases: list[tuple[str, Dialplan, CallSpec]] = []
    for path in EXAMPLES:
        flow = load_flow(path.read_text(encoding="utf-8"))
        for test in flow.tests:
            assert test.call.active_calls == 0, "calls in progress are not staged here"
            number = f"40062283{len(cases):02d}"
            plan = compile_plan(number, test.policies, flow, modules=module_examples.MODULES)
            cases.append((f"{path.name}: {test.name}", plan, test.call))
    return cases


async def test_every_example_case_goes_through_asterisk_as_simulated(tmp_path: Path) -> None:
    now = dt.datetime.now(dt.UTC)
    if now.second > 50:  # stay clear of a minute boundary between moving the plans and calling
        await asyncio.sleep(61 - now.second)
        now = dt.datetime.now(dt.UTC)
    staged = []
    for name, plan, call in example_cases():
        moved, moment = moved_plan(plan, call.at, now)
        spec = lab_spec(call, moment)
        staged.append((name, plan, moved, spec))
    assert len(staged) >= 9
    async with CallLab(tmp_path, [moved for _, _, moved, _ in staged]).running() as lab:
        outlines = await asyncio.gather(*(lab.call(moved.number, spec) for _, _, moved, spec in staged))
    problems = {}
    for (name, plan, _, spec), outline in zip(staged, outlines, strict=True):
        expected = simulated(plan, simulate(plan, spec))
        if outline.shape() != expected.shape():
            problems[name] = f"asterisk {outline.shape()}\n  simulator {expected.shape()}"
        elif late := steps_agree(outline, expected):
            problems[name] = "; ".join(late)
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


@pytest.fixture(autouse=True)
def _examples_exist() -> None:
    assert EXAMPLES, "no example flows found"
