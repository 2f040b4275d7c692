"""R15: black/white list entries are whole numbers or leading digits some caller can have.

An entry no caller can match blocks (or admits) nobody, silently; it is refused with the reason instead.
Landline entries need an area code the area table knows (the one area restrictions use, R14), and no
entry has more digits than the numbers it would match.
"""

from __future__ import annotations

import pytest

from ivr_flows import (
    CallSpec,
    Flow,
    FlowBuilder,
    ListEntry,
    ListEntryError,
    NumberPolicies,
    analyse,
    check_list_entry,
    compile_plan,
    read_list_entry,
    simulate,
    tts,
)
from ivr_flows.areas import area_table

NUMBER = "4006228300"


@pytest.mark.parametrize(
    ("written", "matches"),
    [
        ("13800138000", "13800138000"),  # a whole mobile
        ("+86 138 0013 8000", "13800138000"),
        ("138", "138"),  # a mobile segment
        ("1380013", "1380013"),
        ("010", "010"),  # area codes
        ("0755", "0755"),
        ("02", "02"),  # the start of several (020 … 029)
        ("075", "075"),
        ("01012345678", "01012345678"),  # whole landlines
        ("0755-8666 1234", "075586661234"),
        ("0756-2222222", "07562222222"),
        ("+86 20 8888 6666", "02088886666"),
        ("0755866", "0755866"),  # a landline's leading digits
        ("10086", "10086"),  # service numbers that call out
        ("12345", "12345"),
    ],
)
def test_entries_some_caller_can_have_are_kept(written: str, matches: str) -> None:
    assert check_list_entry(written) == ListEntry(matches)


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("01380013800", "没有以013开头的区号;手机号请直接填写,不加0"),  # a mobile with a 0 and a digit short
        ("0138001380", "没有以013开头的区号;手机号请直接填写,不加0"),
        ("01912345678", "没有以019开头的区号;手机号请直接填写,不加0"),
        ("01112345678", "没有以011开头的区号"),
        ("0300", "没有以030开头的区号"),
        ("030012345678", "没有以030开头的区号"),
        ("010123456789", "号码过长,区号010的固定电话连区号最多11位"),
        ("020-1234-56789", "号码过长,区号020的固定电话连区号最多11位"),
        ("138001380001", "号码过长,手机号为11位"),
        ("1008612345", "10开头的不是手机号,特服号码最多8位"),
        ("12345678901", "12开头的不是手机号,特服号码最多8位"),
    ],
)
def test_entries_no_caller_can_have_are_refused_with_the_reason(written: str, reason: str) -> None:
    with pytest.raises(ListEntryError) as refused:
        check_list_entry(written)
    assert refused.value.message == reason
    assert refused.value.well_formed
    assert read_list_entry(written) is None


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("*1234", "不是完整号码或号码开头(区号或号段),不支持号码结尾"),
        ("6666", "不是完整号码或号码开头(区号或号段),不支持号码结尾"),
        ("0", "不是完整号码或号码开头(区号或号段),不支持号码结尾"),
        ("0755123456789", "号码过长,国内号码连区号最多12位"),
        ("+852 9123 4567", "仅支持中国大陆号码,境外及港澳台号码不能拨打400号码"),
    ],
)
def test_entries_that_are_no_number_at_all_are_refused_as_before(written: str, reason: str) -> None:
    with pytest.raises(ListEntryError) as refused:
        check_list_entry(written)
    assert (refused.value.message, refused.value.well_formed) == (reason, False)


def test_every_area_code_of_the_area_table_is_an_entry_and_so_are_its_numbers() -> None:
    for _, _, code in area_table():
        assert check_list_entry(code) == ListEntry(code)
        whole = code + "12345678"[: 11 - len(code) + (len(code) == 4)]
        assert check_list_entry(whole) == ListEntry(whole), whole


def _caller_list_flow(entries: list[str]) -> Flow:
    b = FlowBuilder().node("start", "start").node("l", "caller_list", entries=entries)
    b.node("vip", "play", prompt=tts("贵宾")).node("bye", "hangup")
    b.edge("start", "next", "l").edge("l", "match", "vip").edge("l", "else", "bye").edge("vip", "next", "bye")
    return b.build()


def test_the_flow_editors_caller_list_node_names_an_entry_no_caller_can_match() -> None:
    flow = _caller_list_flow(["01380013800", "0755", "*1234"])
    found = {d.code: d for d in analyse(flow)}
    unmatchable = found["list_entry_unmatchable"]
    assert unmatchable.node_id == "l" and unmatchable.severity == "warning"
    assert (
        unmatchable.message
        == "名单号码“01380013800”不会匹配任何来电:没有以013开头的区号;手机号请直接填写,不加0"
    )
    assert found["list_entry_invalid"].severity == "error"  # a suffix stays an error


def test_a_saved_list_with_such_an_entry_still_compiles_and_matches_as_before() -> None:
    """Lists saved before the rule keep working: the entry never matched anyone, and still does not."""
    policies = NumberPolicies(caller_list={"mode": "black", "entries": ["01380013800", "0755"]})
    flow = _caller_list_flow(["0755"])
    plan = compile_plan(NUMBER, policies, flow)
    assert "01380013800" not in plan.to_json().decode()
    for caller, refused in (("0138001380", False), ("075586661234", True), ("13800138000", False)):
        trace = simulate(plan, CallSpec(caller=caller, at="2026-03-04T10:00:00+08:00"))
        assert (trace.heard_texts() == ["您无权拨打该号码"]) is refused, caller
