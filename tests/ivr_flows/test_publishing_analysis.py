"""R15 when publishing: a caller-list node's entry no caller can match blocks a new version.

Analysed as publishing (``AnalysisContext(publishing=True)``) the entry is an error, so the editor
refuses to publish it; analysed as before (recompiling a version already published) it stays a warning
and the version keeps compiling, the entry left out of its plan.
"""

from __future__ import annotations

import pytest

from ivr_flows import (
    AnalysisContext,
    CallSpec,
    Flow,
    FlowBuilder,
    FlowError,
    NumberPolicies,
    analyse,
    compile_plan,
    simulate,
    tts,
)

NUMBER = "4006228300"
PUBLISHING = AnalysisContext(publishing=True)
WEEKDAY_10 = "2026-03-04T10:00:00+08:00"


def _vip_flow(entries: list[str]) -> Flow:
    b = FlowBuilder().node("start", "start").node("vip-list", "caller_list", entries=entries)
    b.node("vip", "play", prompt=tts("贵宾您好")).node("bye", "hangup")
    b.edge("start", "next", "vip-list").edge("vip-list", "match", "vip").edge("vip-list", "else", "bye")
    b.edge("vip", "next", "bye")
    return b.build()


def test_publishing_makes_an_unmatchable_entry_an_error_naming_the_node_and_the_entry() -> None:
    flow = _vip_flow(["01912345678", "0755"])
    found = analyse(flow, None, PUBLISHING)
    [diagnostic] = [d for d in found if d.code == "list_entry_unmatchable"]
    assert diagnostic.severity == "error" and diagnostic.node_id == "vip-list"
    assert (
        diagnostic.message
        == "名单号码“01912345678”不会匹配任何来电:没有以019开头的区号;手机号请直接填写,不加0"
    )
    assert found[0] == diagnostic  # errors first, as for every other error
    with pytest.raises(FlowError) as refused:
        compile_plan(NUMBER, None, flow, context=PUBLISHING)
    assert [d.code for d in refused.value.diagnostics if d.severity == "error"] == ["list_entry_unmatchable"]


def test_by_default_the_same_entry_is_a_warning_and_the_flow_compiles_as_it_always_did() -> None:
    flow = _vip_flow(["01112345678", "0755"])
    [diagnostic] = [d for d in analyse(flow) if d.code == "list_entry_unmatchable"]
    assert diagnostic.severity == "warning" and diagnostic.node_id == "vip-list"
    assert diagnostic.message == "名单号码“01112345678”不会匹配任何来电:没有以011开头的区号"
    assert not [d for d in analyse(flow, None, AnalysisContext()) if d.severity == "error"]
    plan = compile_plan(NUMBER, None, flow)
    # the entry left out changes nothing: a Shenzhen caller is still on the list, nobody else is
    for caller, vip in (("075586661234", True), ("01012345678", False), ("01112345678", False)):
        trace = simulate(plan, CallSpec(caller=caller, at=WEEKDAY_10))
        assert (trace.heard_texts() == ["贵宾您好"]) is vip, caller


def test_a_valid_list_publishes_and_the_numbers_own_list_is_not_blocked_by_publishing() -> None:
    """Only the flow's node is checked strictly: the number's own list is refused when it is saved, and
    one saved before that rule must not keep the number's owner from publishing a new flow."""
    assert not [
        d for d in analyse(_vip_flow(["0755", "13800138000"]), None, PUBLISHING) if d.severity == "error"
    ]
    policies = NumberPolicies(caller_list={"mode": "black", "entries": ["01380013800"]})
    found = analyse(_vip_flow(["0755"]), policies, PUBLISHING)
    [diagnostic] = [d for d in found if d.code == "list_entry_unmatchable"]
    assert diagnostic.severity == "warning" and diagnostic.node_id is None
    compile_plan(NUMBER, policies, _vip_flow(["0755"]), context=PUBLISHING)
