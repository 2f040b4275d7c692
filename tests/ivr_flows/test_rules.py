"""Every business rule a call depends on (R4, R9–R19), checked through the simulator in the provider FAQ's words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from ivr_flows import (
    AnalysisContext,
    CallerArea,
    CallSpec,
    Flow,
    FlowError,
    NumberPolicies,
    Trace,
    analyse,
    compile_plan,
    load_flow,
    simulate,
)
from ivr_flows.builder import FlowBuilder, tts

NUMBER = "4006228300"
EXAMPLES = Path(__file__).resolve().parents[2] / "ivr_flows" / "examples"
LANDLINE, LANDLINE2, MOBILE, MOBILE2 = "02088886666", "075586661234", "13912345678", "15612345678"


def dial_flow(destinations: list[dict[str, Any]], exits: dict[str, str] | None = None, **props: Any) -> Flow:
    b = FlowBuilder("t").node("start", "start").node("dial", "dial", destinations=destinations, **props)
    b.node("vm", "voicemail", greeting=tts("请留言")).node("bye", "hangup").node("next", "dial",
        destinations=[{"number": MOBILE2, "wait_s": 55}])  # fmt: skip
    b.edge("start", "next", "dial").edge("vm", "done", "bye").edge("next", "no_answer", "vm")
    for exit_name, target in (exits or {}).items():
        b.edge("dial", exit_name, target)
    return b.build()


def run(flow: Flow, policies: NumberPolicies | None = None, **call: Any) -> Trace:
    return simulate(compile_plan(NUMBER, policies, flow), CallSpec(**call))


def ring_times(trace: Trace) -> list[tuple[str, float, float]]:
    return [(e.number or "", e.t, e.duration_s) for e in trace.events if e.kind == "ring"]


def work_hours() -> Flow:
    return load_flow((EXAMPLES / "work_hours.flow.json").read_text(encoding="utf-8"))


# R15 -------------------------------------------------------------------------------------------------
def test_r15_blacklisted_caller_hears_no_permission() -> None:
    policies = NumberPolicies(caller_list={"mode": "black", "entries": ["13800138000"]})
    trace = run(dial_flow([{"number": LANDLINE, "wait_s": 50}]), policies, caller="+86 138 0013 8000")
    assert trace.heard_texts() == ["您无权拨打该号码"]
    assert trace.outcome == "rejected" and trace.rung() == []


def test_r15_prefix_entries_block_an_area_code_and_a_mobile_segment() -> None:
    policies = NumberPolicies(caller_list={"mode": "black", "entries": ["0755", "139"]})
    flow = dial_flow([{"number": LANDLINE, "wait_s": 50}])
    assert run(flow, policies, caller="0755-8666 1234").heard_texts() == ["您无权拨打该号码"]
    assert run(flow, policies, caller="13912345678").heard_texts() == ["您无权拨打该号码"]
    assert run(flow, policies, caller="020-8755-1390").rung() == [LANDLINE]  # contains, but not a prefix


def test_r15_whitelist_admits_only_listed_callers() -> None:
    policies = NumberPolicies(caller_list={"mode": "white", "entries": ["020"]})
    flow = dial_flow([{"number": MOBILE, "wait_s": 50}])
    assert run(flow, policies, caller="020-3333 4444").rung() == [MOBILE]
    assert run(flow, policies, caller="13812345678").heard_texts() == ["您无权拨打该号码"]


def test_r15_suffix_entries_are_refused_never_matched() -> None:
    policies = NumberPolicies(caller_list={"mode": "black", "entries": ["*6666", "6666"]})
    flow = dial_flow([{"number": MOBILE, "wait_s": 50}])
    codes = {d.code for d in analyse(flow, policies)}
    assert "list_entry_invalid" in codes
    with pytest.raises(FlowError):
        compile_plan(NUMBER, policies, flow)


@pytest.mark.parametrize("written", ["013800138000", "0138-0013-8000", " 0 138 0013 8000 "])
def test_r15_a_mobile_written_with_a_leading_zero_still_matches_the_mobile(written: str) -> None:
    policies = NumberPolicies(caller_list={"mode": "black", "entries": [written]})
    flow = dial_flow([{"number": LANDLINE, "wait_s": 50}])
    assert run(flow, policies, caller="13800138000").heard_texts() == ["您无权拨打该号码"]
    assert run(flow, policies, caller="13800138001").rung() == [LANDLINE]
    notices = [d for d in analyse(flow, policies) if d.code == "list_entry_mobile_zero"]
    assert [d.severity for d in notices] == ["warning"]
    assert "13800138000" in notices[0].message and "不用加0" in notices[0].message


def test_r15_a_mobile_segment_written_with_a_leading_zero_is_the_segment() -> None:
    policies = NumberPolicies(caller_list={"mode": "black", "entries": ["0139"]})
    flow = dial_flow([{"number": LANDLINE, "wait_s": 50}])
    assert run(flow, policies, caller="13912345678").heard_texts() == ["您无权拨打该号码"]


def test_r15_a_flow_caller_list_normalises_a_zero_mobile_and_says_so() -> None:
    b = FlowBuilder().node("start", "start").node("l", "caller_list", entries=["013800138000"])
    b.node("vip", "play", prompt=tts("贵宾")).node("bye", "hangup")
    b.edge("start", "next", "l").edge("l", "match", "vip").edge("l", "else", "bye").edge("vip", "next", "bye")
    flow = b.build()
    assert "node:vip" in run(flow, caller="13800138000").steps
    notice = next(d for d in analyse(flow) if d.code == "list_entry_mobile_zero")
    assert notice.node_id == "l" and notice.severity == "warning"


# R14 -------------------------------------------------------------------------------------------------
def test_r14_refused_area_hears_phone_busy() -> None:
    policies = NumberPolicies(areas={"refused": ["020"]})
    trace = run(dial_flow([{"number": MOBILE, "wait_s": 50}]), policies, caller="020-3333 4444")
    assert trace.heard_texts() == ["对不起,您要的电话忙!"]
    assert trace.rung() == []


def test_r14_allowed_areas_by_province_at_area_code_precision() -> None:
    policies = NumberPolicies(areas={"allowed": ["广东"]})
    flow = dial_flow([{"number": MOBILE, "wait_s": 50}])
    assert run(flow, policies, caller="0756-2222222").rung() == [MOBILE]
    assert run(flow, policies, caller="010-6552 9988").heard_texts() == ["对不起,您要的电话忙!"]
    assert run(flow, policies, caller="anonymous").heard_texts() == ["对不起,您要的电话忙!"]


def test_r14_bound_number_areas_skip_that_phone_and_refuse_when_none_accepts() -> None:
    flow = dial_flow(
        [
            {"number": LANDLINE, "wait_s": 20, "allowed_areas": ["广东"]},
            {"number": MOBILE, "wait_s": 20, "refused_areas": ["北京"]},
        ]
    )
    assert run(flow, caller="0755-8666 1234").rung() == [LANDLINE, MOBILE]
    assert run(flow, caller="021-6321 5588").rung() == [MOBILE]
    beijing = run(flow, caller="010-6552 9988")
    assert beijing.rung() == [] and beijing.heard_texts() == ["对不起,您要的电话忙!"]


def test_r14_unknown_callers_can_be_routed() -> None:
    flow = (
        FlowBuilder()
        .node("start", "start")
        .node("where", "area_switch", areas=["unknown"])
        .node("a", "hangup", announcement=tts("未知地区"))
        .node("b", "hangup", announcement=tts("已知地区"))
        .edge("start", "next", "where")
        .edge("where", "match", "a")
        .edge("where", "else", "b")
        .build()
    )
    assert run(flow, caller="").heard_texts() == ["未知地区"]
    assert run(flow, caller="+852 9123 4567").heard_texts() == ["未知地区"]
    assert run(flow, caller="13812345678").heard_texts() == ["已知地区"]


# R10 -------------------------------------------------------------------------------------------------
def test_r10_busy_landline_moves_to_the_next_number_at_once() -> None:
    flow = dial_flow([{"number": LANDLINE, "wait_s": 20}, {"number": MOBILE, "wait_s": 20}])
    phones = {LANDLINE: {"state": "busy"}, MOBILE: {"state": "answer", "answer_after_s": 5}}
    trace = run(flow, phones=phones)
    assert ring_times(trace) == [(LANDLINE, 0.0, 0.0), (MOBILE, 0.0, 5.0)]
    assert trace.answered_by == MOBILE


@pytest.mark.parametrize("state", ["switched_off", "busy"])
def test_r10_switched_off_or_busy_mobile_takes_the_full_wait(state: str) -> None:
    flow = dial_flow([{"number": MOBILE, "wait_s": 20}, {"number": LANDLINE, "wait_s": 20}])
    phones = {MOBILE: {"state": state}, LANDLINE: {"state": "answer", "answer_after_s": 3}}
    trace = run(flow, phones=phones)
    assert ring_times(trace) == [(MOBILE, 0.0, 20.0), (LANDLINE, 20.0, 3.0)]
    assert trace.answered_by == LANDLINE


@pytest.mark.parametrize("state", ["switched_off", "unreachable"])
def test_r10_a_dead_landline_fails_at_once(state: str) -> None:
    # In Asterisk these are CHANUNAVAIL and CONGESTION: only a mobile rings out its wait after them.
    flow = dial_flow([{"number": LANDLINE, "wait_s": 20}, {"number": MOBILE, "wait_s": 20}])
    phones = {LANDLINE: {"state": state}, MOBILE: {"state": "answer", "answer_after_s": 5}}
    trace = run(flow, phones=phones)
    assert ring_times(trace) == [(LANDLINE, 0.0, 0.0), (MOBILE, 0.0, 5.0)]
    assert trace.answered_by == MOBILE


def test_r10_unanswered_number_forwards_after_its_wait_time() -> None:
    flow = dial_flow([{"number": LANDLINE, "wait_s": 15}, {"number": LANDLINE2, "wait_s": 25}])
    trace = run(flow, phones={LANDLINE2: {"state": "answer", "answer_after_s": 30}})
    assert ring_times(trace) == [(LANDLINE, 0.0, 15.0), (LANDLINE2, 15.0, 25.0)]


def test_r10_too_short_wait_without_next_number_ends_with_phone_busy() -> None:
    flow = dial_flow([{"number": MOBILE, "wait_s": 15}])
    codes = {d.code for d in analyse(flow)}
    assert {"wait_short_single", "wait_short_no_next", "dial_no_failure_exit"} <= codes
    trace = run(flow, phones={MOBILE: {"state": "answer", "answer_after_s": 18}})
    assert trace.heard_texts() == ["您要的电话忙"]
    assert trace.hangup_cause == "busy" and trace.answered_by is None
    assert ring_times(trace) == [(MOBILE, 0.0, 15.0)]


@pytest.mark.parametrize(
    ("wait_s", "advice"), [(49, "wait_short_single"), (61, "wait_long_single"), (300, "wait_long_single")]
)
def test_r10_a_single_number_is_advised_50_to_60_seconds_on_both_sides(wait_s: int, advice: str) -> None:
    flow = dial_flow([{"number": MOBILE, "wait_s": wait_s}], {"no_answer": "vm"})
    found = [d for d in analyse(flow) if d.code in ("wait_short_single", "wait_long_single")]
    assert [(d.code, d.severity, d.node_id) for d in found] == [(advice, "warning", "dial")]
    assert "50-60秒" in found[0].message and f"当前{wait_s}秒" in found[0].message


@pytest.mark.parametrize("wait_s", [50, 55, 60])
def test_r10_a_single_number_within_the_advice_gets_none(wait_s: int) -> None:
    flow = dial_flow([{"number": MOBILE, "wait_s": wait_s}], {"no_answer": "vm"})
    assert not {"wait_short_single", "wait_long_single"} & {d.code for d in analyse(flow)}


def test_r10_advice_on_wait_times_is_a_warning_not_an_error() -> None:
    flow = dial_flow(
        [{"number": MOBILE, "wait_s": 10}, {"number": LANDLINE, "wait_s": 30}], {"no_answer": "vm"}
    )
    found = [d for d in analyse(flow) if d.code == "wait_short_multi"]
    assert found and all(d.severity == "warning" and d.node_id == "dial" for d in found)
    compile_plan(NUMBER, None, flow)  # still compiles


def test_r10_ring_all_rings_every_bound_phone_at_once() -> None:
    flow = dial_flow(
        [{"number": MOBILE, "wait_s": 30}, {"number": LANDLINE, "wait_s": 30}], strategy="ring_all"
    )
    trace = run(flow, phones={LANDLINE: {"state": "answer", "answer_after_s": 4}})
    assert [(n, t) for n, t, _ in ring_times(trace)] == [(MOBILE, 0.0), (LANDLINE, 0.0)]
    assert trace.answered_by == LANDLINE


# R11 / R17 / R18 --------------------------------------------------------------------------------------
def test_r11_forward_on_busy_and_r17_voicemail_on_no_answer() -> None:
    flow = dial_flow([{"number": LANDLINE, "wait_s": 50}], {"busy": "next", "no_answer": "vm"})
    busy = run(flow, phones={LANDLINE: {"state": "busy"}, MOBILE2: {"state": "answer"}})
    assert busy.rung() == [LANDLINE, MOBILE2] and busy.answered_by == MOBILE2
    unanswered = run(flow, message_s=30)
    assert unanswered.rung() == [LANDLINE] and unanswered.voicemail and unanswered.outcome == "voicemail"
    left = next(e for e in unanswered.events if e.kind == "voicemail")
    assert left.t >= 50 and left.duration_s == 30


def test_r17_voicemail_during_no_answer_periods() -> None:
    trace = run(work_hours(), at=dt.datetime(2026, 3, 8, 22, 0), phones={})
    assert trace.path[-2:] == ("voicemail", "bye") and trace.voicemail


def test_r18_bridged_call_is_recorded_only_when_answered() -> None:
    flow = dial_flow([{"number": MOBILE, "wait_s": 55}], {"no_answer": "vm"}, record=True)
    assert run(flow, phones={MOBILE: {"state": "answer"}}).recorded
    assert not run(flow).recorded


# R9 / R12 / status ------------------------------------------------------------------------------------
@pytest.mark.parametrize("category", ["campus", "voip", "payphone"])
def test_r9_campus_network_and_payphones_may_not_call(category: str) -> None:
    trace = run(dial_flow([{"number": MOBILE, "wait_s": 55}]), category=category)
    assert trace.outcome == "rejected" and trace.rung() == []


@pytest.mark.parametrize("category", ["office", "residential", "pbx", "did", "mobile"])
def test_r9_office_residential_pbx_did_and_mobiles_may_call(category: str) -> None:
    assert run(dial_flow([{"number": MOBILE, "wait_s": 55}]), category=category).rung() == [MOBILE]


def test_r12_line_limit_turns_away_the_eleventh_call() -> None:
    policies = NumberPolicies(max_lines=10)
    flow = dial_flow([{"number": MOBILE, "wait_s": 55}])
    assert run(flow, policies, active_calls=9).rung() == [MOBILE]
    full = run(flow, policies, active_calls=10)
    assert full.rung() == [] and full.heard_texts() == ["您要的电话忙"]


def test_suspended_number_announces_suspension() -> None:
    trace = run(dial_flow([{"number": MOBILE, "wait_s": 55}]), NumberPolicies(status="suspended"))
    assert trace.heard_texts() == ["您拨打的号码已停机"] and trace.rung() == []


# R13 -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("when", "rung"),
    [
        (dt.datetime(2026, 3, 7, 10, 0), "07562222222"),  # Saturday 10:00 → office landline
        (dt.datetime(2026, 3, 7, 13, 0), "15612345678"),  # Saturday 13:00 → mobile
        (dt.datetime(2026, 3, 6, 17, 29), "07562222222"),  # Friday, last minute of work
        (dt.datetime(2026, 3, 6, 17, 30), "15612345678"),  # Friday 17:30 is already after work
        (dt.datetime(2026, 3, 8, 10, 0), "15612345678"),  # Sunday
        (dt.datetime(2026, 10, 1, 10, 0), "15612345678"),  # National Day, a Thursday
        (dt.datetime(2026, 2, 28, 15, 0), "07562222222"),  # Saturday make-up workday (调休)
    ],
)
def test_r13_work_hours_ring_landline_then_mobile(when: dt.datetime, rung: str) -> None:
    assert run(work_hours(), at=when).rung()[:1] == [rung]


def test_r13_aware_times_are_converted_to_shanghai() -> None:
    utc = dt.datetime(2026, 3, 7, 2, 0, tzinfo=dt.UTC)  # Saturday 10:00 in Shanghai
    assert run(work_hours(), at=utc).rung()[:1] == ["07562222222"]


# R16 / R4 / R19 --------------------------------------------------------------------------------------
def test_r16_ringback_plays_only_after_review() -> None:
    flow = dial_flow([{"number": MOBILE, "wait_s": 55}], {"no_answer": "vm"}, ringback={"prompt": "rb-1"})
    pending = AnalysisContext(prompts=frozenset({"rb-1"}), approved_ringbacks=frozenset())
    assert "ringback_not_approved" in {d.code for d in analyse(flow, None, pending)}
    with pytest.raises(FlowError):
        compile_plan(NUMBER, None, flow, context=pending)
    approved = AnalysisContext(prompts=frozenset({"rb-1"}), approved_ringbacks=frozenset({"rb-1"}))
    trace = simulate(compile_plan(NUMBER, None, flow, context=approved), CallSpec())
    assert trace.heard() == ["rb-1", "tts-" + trace.heard()[1][4:]]


@pytest.mark.parametrize("bound", ["+852 9123 4567", "+886 912 345 678", "+1 415 555 0100"])
def test_r4_bound_numbers_must_be_mainland(bound: str) -> None:
    flow = dial_flow([{"number": bound, "wait_s": 55}])
    found = [d for d in analyse(flow) if d.code == "destination_not_mainland"]
    assert found and found[0].severity == "error" and "港澳台" in found[0].message
    with pytest.raises(FlowError):
        compile_plan(NUMBER, None, flow)


@pytest.mark.parametrize(
    ("digits", "node"), [("1", "query"), ("2", "duty"), ("3", "complaint"), ("4", "fax")]
)
def test_r19_menu_routes_each_key(digits: str, node: str) -> None:
    flow = load_flow((EXAMPLES / "menu.flow.json").read_text(encoding="utf-8"))
    trace = run(flow, digits=digits)
    assert trace.path[:4] == ("start", "welcome", "menu", node)
    assert "查号请拨1,值班请拨2,投诉请拨3,传真请拨4" in trace.heard_texts()[1]


def test_a_trace_places_the_caller_as_a_typed_area() -> None:
    trace = run(dial_flow([{"number": LANDLINE, "wait_s": 50}]), caller="+86 20 8888 6666")
    assert trace.caller_area == CallerArea("02088886666", "landline", "广东", "广州", "020")
    assert trace.to_dict()["caller_area"]["area_code"] == "020"
    anonymous = run(dial_flow([{"number": LANDLINE, "wait_s": 50}]), caller="anonymous").caller_area
    assert (anonymous.kind, anonymous.area_code, anonymous.known) == ("unknown", "unknown", False)
