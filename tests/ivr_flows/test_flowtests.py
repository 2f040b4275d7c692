"""Flow test cases: designers pin behaviour; a failure names the first step that left the expected path."""

from __future__ import annotations

from ivr_flows import CallSpec, compile_plan, run_flow_tests, simulate
from ivr_flows.builder import FlowBuilder, tts
from ivr_flows.flowtests import check_expectation
from ivr_flows.model import Expectation


def flow_with_tests() -> FlowBuilder:
    return (
        FlowBuilder()
        .node("start", "start")
        .node("m", "menu", prompt=tts("查号请拨1"), max_retries=0)
        .node("d", "dial", destinations=[{"number": "13812345678", "wait_s": 55}])
        .node("bye", "hangup", announcement=tts("再见"))
        .edge("start", "next", "m")
        .edge("m", "digit:1", "d")
        .edge("m", "timeout", "bye")
        .edge("m", "invalid", "bye")
    )


def test_passing_and_failing_cases() -> None:
    b = flow_with_tests()
    b.test("按1转接", {"digits": "1", "phones": {"13812345678": {"state": "answer"}}},
           {"path": ["start", "m", "d"], "answered_by": "138 1234 5678", "rings": ["13812345678"]})  # fmt: skip
    b.test("不按键期望转接(错误的期望)", {"digits": ""}, {"path": ["start", "m", "d"]})
    b.test("期望的提示音", {"digits": "-"}, {"hears": ["查号请拨1", "再见"], "outcome": "hangup"})
    results = run_flow_tests(b.build())
    assert [r.passed for r in results] == [True, False, True]
    assert results[1].message.startswith("第3步:期望进入节点“d”,实际进入“bye”")
    assert "超时未按键" in results[1].message


def test_each_expectation_field_is_checked() -> None:
    plan = compile_plan("4006228300", None, flow_with_tests().build())
    trace = simulate(plan, CallSpec(digits="1"))
    assert (
        check_expectation(Expectation(path=["start", "m"]), trace) == "第3步:期望通话结束,实际继续进入节点“d”"
    )
    assert "实际为无人接听" in (check_expectation(Expectation(answered_by="13812345678"), trace) or "")
    assert "振铃号码第1项" in (check_expectation(Expectation(rings=["13900000000"]), trace) or "")
    assert "期望通话结果为answered" in (check_expectation(Expectation(outcome="answered"), trace) or "")
    assert check_expectation(Expectation(path=["start", "m", "d"], outcome="hangup"), trace) is None
    short = check_expectation(Expectation(path=["start", "m", "d", "bye"]), trace)
    assert short is not None and short.startswith("第4步:期望进入节点“bye”,但通话在节点“d”之后结束")
