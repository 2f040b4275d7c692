"""The simulator and a real Asterisk running the rendered plan agree, call for call.

Each test places calls through :class:`tests.telephony.call_lab.CallLab` (the plan as the renderer writes
it, scripted bound phones, prompts as long as the simulator says) and simulates the same calls; the
outlines (caller as placed, prompts heard, phones rung, voicemail, hangup cause, and the moments they
happened) must be the same.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from ivr_flows import CallSpec, Dialplan, compile_plan, simulate
from ivr_flows.builder import FlowBuilder, tts
from tests.telephony.call_lab import CallLab, Outline, simulated, times_agree

NUMBER = "4006228300"
ZHUHAI_LANDLINE, GUANGZHOU_LANDLINE = "07562222222", "02088886666"
MOBILE = "13926900000"  # a Zhuhai segment (0756)

#: One caller, written every way a carrier may present it.
ZHUHAI_MOBILE_FORMS = [
    "13926900000",
    "013926900000",  # the trunk 0 of out-of-town mobiles
    "+8613926900000",
    "008613926900000",
    "8613926900000",
    "+86 139 2690 0000",
    "+86013926900000",
    "0086013926900000",
    "17951013926900000",  # IP prefix, then the 0 + mobile
    "17951 13926900000",
]
OTHER_FORMS = [
    "07563333333",
    "+867563333333",
    "0086 756 3333333",
    "86 756 3333333",
    "+86 20 8888 6666",
    "02088886666",
    "17951 020 8888 6666",
    "+85291234567",
    "0085291234567",
    "4006000001",
    "+864006000001",
    "12345",
    "anonymous",
    "",
]


def area_routing_plan() -> Dialplan:
    """Zhuhai callers ring the Zhuhai office, everyone else the Guangzhou one; a busy office: 您要的电话忙."""
    flow = (
        FlowBuilder("areas")
        .node("start", "start")
        .node("where", "area_switch", areas=["0756"])
        .node("zhuhai", "dial", destinations=[{"number": ZHUHAI_LANDLINE, "wait_s": 20}])
        .node("others", "dial", destinations=[{"number": GUANGZHOU_LANDLINE, "wait_s": 20}])
        .edge("start", "next", "where")
        .edge("where", "match", "zhuhai")
        .edge("where", "else", "others")
        .build()
    )
    return compile_plan(NUMBER, None, flow)


def assert_agree(asterisk: Outline, simulator: Outline, what: str) -> None:
    assert asterisk.shape() == simulator.shape(), what
    assert times_agree(asterisk, simulator) == [], what


async def test_every_form_of_a_caller_number_routes_as_in_the_simulator(tmp_path: Path) -> None:
    plan = area_routing_plan()
    callers = ZHUHAI_MOBILE_FORMS + OTHER_FORMS
    busy = {"state": "busy"}
    spec = {
        caller: CallSpec(caller=caller, phones={ZHUHAI_LANDLINE: busy, GUANGZHOU_LANDLINE: busy})
        for caller in callers
    }
    async with CallLab(tmp_path, [plan]).running() as lab:
        outlines = await asyncio.gather(*(lab.call(NUMBER, spec[c]) for c in callers))
        for caller, outline in zip(callers, outlines, strict=True):
            assert_agree(outline, simulated(plan, simulate(plan, spec[caller])), caller)
        assert lab.asterisk is not None and lab.asterisk.log_problems() == []
    zhuhai = [c for c, o in zip(callers, outlines, strict=True) if o.rung == [ZHUHAI_LANDLINE]]
    assert zhuhai == [*ZHUHAI_MOBILE_FORMS, *OTHER_FORMS[:4]]  # the test's own premise
    assert {o.caller for o in outlines[: len(ZHUHAI_MOBILE_FORMS)]} == {MOBILE}


def voicemail_plan(number: str, strategy: str) -> Dialplan:
    """A landline, then a mobile (or both at once); nobody answers: voicemail (R17)."""
    destinations = [{"number": ZHUHAI_LANDLINE, "wait_s": 6}, {"number": MOBILE, "wait_s": 8}]
    flow = (
        FlowBuilder("vm")
        .node("start", "start")
        .node("dial", "dial", destinations=destinations, strategy=strategy)
        .node("vm", "voicemail", greeting=tts("请留言"))
        .node("bye", "hangup")
        .edge("start", "next", "dial")
        .edge("dial", "no_answer", "vm")
        .edge("dial", "busy", "vm")
        .edge("vm", "done", "bye")
        .build()
    )
    return compile_plan(number, None, flow)


async def test_a_busy_or_switched_off_mobile_rings_out_its_wait_then_voicemail(tmp_path: Path) -> None:
    plans = {
        "sequential": voicemail_plan("4006228301", "sequential"),
        "ring_all": voicemail_plan("4006228302", "ring_all"),
    }
    calls = [
        (
            strategy,
            state,
            CallSpec(phones={ZHUHAI_LANDLINE: {"state": "busy"}, MOBILE: {"state": state}}, message_s=2),
        )
        for strategy in plans
        for state in ("busy", "switched_off")
    ]
    # Other phones, each failing or answering in its own way (plan, call, Dial() statuses Asterisk gives).
    others = [
        # a mobile that cannot be reached at all (CONGESTION) fails at once: nothing answers, 您要的电话忙
        ("sequential", {ZHUHAI_LANDLINE: "busy", MOBILE: "unreachable"}, ["BUSY", "CONGESTION"]),
        # a switched-off landline (CHANUNAVAIL) fails at once too; the mobile answers after 2 s
        ("sequential", {ZHUHAI_LANDLINE: "switched_off", MOBILE: "answer"}, ["CHANUNAVAIL", "ANSWER"]),
        # a busy mobile of a group "rings" until the landline answers after 2 s
        ("ring_all", {ZHUHAI_LANDLINE: "answer", MOBILE: "busy"}, ["ANSWER", "CANCEL"]),
        # a group none of whose phones can ring ends with one status (BUSY before CONGESTION before
        # CHANUNAVAIL): busy with a mobile among them, the group rings out its 8 s, then voicemail...
        ("ring_all", {ZHUHAI_LANDLINE: "busy", MOBILE: "unreachable"}, ["BUSY", "CONGESTION"]),
        # ...unreachable, it fails at once though the mobile was only switched off
        ("ring_all", {ZHUHAI_LANDLINE: "unreachable", MOBILE: "switched_off"}, ["CONGESTION", "CHANUNAVAIL"]),
    ]
    specs = [
        CallSpec(
            phones={n: {"state": st, "answer_after_s": 2, "talk_s": 1} for n, st in phones.items()},
            message_s=2,
        )
        for _, phones, _ in others
    ]
    async with CallLab(tmp_path, list(plans.values())).running() as lab:
        outlines = await asyncio.gather(
            *(lab.call(plans[strategy].number, spec) for strategy, _, spec in calls),
            *(
                lab.call(plans[strategy].number, spec)
                for (strategy, _, _), spec in zip(others, specs, strict=True)
            ),
        )
        assert lab.asterisk is not None and lab.asterisk.log_problems() == []
    for (strategy, state, spec), outline in zip(calls, outlines, strict=False):
        plan = plans[strategy]
        trace = simulate(plan, spec)
        expected = simulated(plan, trace)
        # R10: the busy landline gives up at once, the mobile "rings" for its whole 8 s, then voicemail.
        assert trace.outcome == "voicemail" and expected.voicemail_t == pytest.approx(8 + 1.0)
        assert [(r.number, r.duration_s) for r in expected.rings] == [(ZHUHAI_LANDLINE, 0), (MOBILE, 8)]
        assert [r.status for r in outline.rings] == ["BUSY", "NOANSWER"], (strategy, state)
        assert_agree(outline, expected, f"{strategy} {state}")
    for (strategy, phones, statuses), spec, outline in zip(
        others, specs, outlines[len(calls) :], strict=True
    ):
        plan = plans[strategy]
        expected = simulated(plan, simulate(plan, spec))
        assert [r.status for r in outline.rings] == statuses, phones
        assert_agree(outline, expected, str(phones))
    unreachable, switched_off, group, group_busy, group_unreachable = (
        simulated(plans[p], simulate(plans[p], s)) for (p, _, _), s in zip(others, specs, strict=True)
    )
    assert unreachable.heard == ["sys-busy"] and unreachable.rings[-1].duration_s == 0
    assert [(r.number, r.t, r.duration_s) for r in switched_off.rings] == [
        (ZHUHAI_LANDLINE, 0, 0),
        (MOBILE, 0, 2),
    ]
    assert [(r.number, r.duration_s) for r in group.rings] == [(ZHUHAI_LANDLINE, 2), (MOBILE, 2)]
    assert group_busy.voicemail_t == pytest.approx(8 + 1.0)
    assert [r.duration_s for r in group_busy.rings] == [0, 0]
    assert group_unreachable.voicemail_t is None
    assert [r.duration_s for r in group_unreachable.rings] == [0, 0]
