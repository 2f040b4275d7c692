"""Flow test cases: a designer pins a flow's behaviour with simulated calls before publishing it.

Each :class:`~ivr_flows.model.FlowTest` in a flow document is a call plus an expectation. The runner
compiles the flow (with the test's own policies if it has any), simulates the call and compares; on a
mismatch it names the first step where the trace left the expected path and why the call went elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import AnalysisContext
from .compiler import compile_plan
from .dialplan import Dialplan
from .model import Expectation, Flow, FlowTest
from .modules import Modules
from .phones import parse_phone
from .policies import NumberPolicies
from .simulator import Trace, simulate

__all__ = ["FlowTestResult", "check_expectation", "run_flow_tests"]


@dataclass(frozen=True)
class FlowTestResult:
    """The outcome of one test case; ``message`` (Chinese) explains a failure."""

    name: str
    passed: bool
    message: str
    trace: Trace


def _why(trace: Trace, node: str | None) -> str:
    reasons = [e.reason for e in trace.events if e.node == node and e.reason]
    return f"(原因:{reasons[-1]})" if reasons else ""


def _path_mismatch(expected: list[str], trace: Trace) -> str | None:
    actual = list(trace.path)
    for i, want in enumerate(expected):
        if i >= len(actual):
            last = actual[-1] if actual else "(无)"
            return f"第{i + 1}步:期望进入节点“{want}”,但通话在节点“{last}”之后结束({trace.outcome}/{trace.hangup_cause})"
        if actual[i] != want:
            previous = actual[i - 1] if i else None
            return f"第{i + 1}步:期望进入节点“{want}”,实际进入“{actual[i]}”{_why(trace, previous)}"
    if len(actual) > len(expected):
        return f"第{len(expected) + 1}步:期望通话结束,实际继续进入节点“{actual[len(expected)]}”"
    return None


def _sequence_mismatch(what: str, expected: list[str], actual: list[str]) -> str | None:
    for i, want in enumerate(expected):
        if i >= len(actual):
            return f"{what}第{i + 1}项:期望“{want}”,实际没有了"
        if actual[i] != want:
            return f"{what}第{i + 1}项:期望“{want}”,实际为“{actual[i]}”"
    if len(actual) > len(expected):
        return f"{what}第{len(expected) + 1}项:不应再有,实际为“{actual[len(expected)]}”"
    return None


def check_expectation(expect: Expectation, trace: Trace) -> str | None:
    """The first way ``trace`` differs from ``expect``, or None when it matches."""
    if expect.path is not None and (problem := _path_mismatch(expect.path, trace)):
        return problem
    if expect.hears is not None:
        heard = [
            e.prompt if e.prompt in expect.hears or not e.text else e.text
            for e in trace.events
            if e.kind == "hear" and e.prompt
        ]
        if problem := _sequence_mismatch("听到的提示音", expect.hears, heard):
            return problem
    if expect.rings is not None:
        wanted = [parse_phone(n).number or n for n in expect.rings]
        if problem := _sequence_mismatch("振铃号码", wanted, trace.rung()):
            return problem
    if expect.answered_by is not None:
        wanted_by = parse_phone(expect.answered_by).number or expect.answered_by
        if trace.answered_by != wanted_by:
            return f"期望由{wanted_by}接听,实际为{trace.answered_by or '无人接听'}"
    if expect.outcome is not None and trace.outcome != expect.outcome:
        return f"期望通话结果为{expect.outcome},实际为{trace.outcome}"
    return None


def run_flow_test(test: FlowTest, plan: Dialplan) -> FlowTestResult:
    trace = simulate(plan, test.call)
    problem = check_expectation(test.expect, trace)
    return FlowTestResult(test.name, problem is None, problem or "通过", trace)


def run_flow_tests(
    flow: Flow,
    *,
    number: str = "4000000000",
    policies: NumberPolicies | None = None,
    context: AnalysisContext | None = None,
    modules: Modules | None = None,
) -> list[FlowTestResult]:
    """Run every test case the flow carries (``modules``: the module versions it calls, see ``compile_plan``).

    Raises:
        FlowError: if the flow (with the given or a test's policies) does not compile.
    """
    default_plan = compile_plan(number, policies, flow, context=context, modules=modules)
    results = []
    for test in flow.tests:
        plan = (
            default_plan
            if test.policies is None
            else compile_plan(number, test.policies, flow, context=context, modules=modules)
        )
        results.append(run_flow_test(test, plan))
    return results
