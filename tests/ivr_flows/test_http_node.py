"""The HTTP request node (查询客户系统): what designers are told, what the simulator does with a canned answer,
and what Asterisk is given."""

from __future__ import annotations

from typing import Any

from ivr_flows import CallSpec, analyse, compile_plan, load_flow, render_asterisk, simulate
from ivr_flows.nodes.http import clean_value, fill_url, json_at


def flow(props: dict[str, Any], variables: list[dict[str, str]] | None = None, edges: bool = True) -> Any:
    base = {
        "url": "https://crm.example.com/api/customer?hotline={dialled}",
        "results": ["customer.level=level"],
    }
    doc = {
        "format_version": 1,
        "variables": variables
        if variables is not None
        else [{"name": "level", "type": "digits", "label": "等级"}],
        "nodes": [
            {"id": "start", "type": "start"},
            {"id": "crm", "type": "http", "props": {**base, **props}},
            {
                "id": "vip",
                "type": "condition",
                "props": {"rules": [{"variable": "level", "op": "equals", "value": "7"}]},
            },
        ],
        "edges": [
            {"id": "e1", "source": "start", "exit": "next", "target": "crm"},
            *([{"id": "e2", "source": "crm", "exit": "success", "target": "vip"}] if edges else []),
            {"id": "e3", "source": "crm", "exit": "failure", "target": "vip"},
        ],
    }
    return load_flow(doc)


def codes(props: dict[str, Any], **kw: Any) -> dict[str, str]:
    return {d.code: d.message for d in analyse(flow(props, **kw)) if d.node_id == "crm"}


def test_a_complete_node_has_no_findings() -> None:
    assert codes({"params": ["phone=caller"]}) == {}


def test_designers_are_told_what_is_wrong_in_chinese() -> None:
    assert "接口地址" in codes({"url": ""})["http_no_url"]
    assert "https" in codes({"url": "ftp://x.example.com/"})["http_bad_url"]
    assert "域名" in codes({"url": "https://{caller}.example.com/"})["http_bad_url"]
    assert "允许名单" in codes({"url": "http://crm.example.com/"})["http_not_https"]
    assert "格式不对" in codes({"params": ["phone"]})["http_bad_mapping"]
    assert "密钥" in codes({"secret": "my key!"})["http_bad_secret"]
    assert "成功" in codes({}, edges=False)["http_missing_success"]


def test_unknown_variables_and_built_ins_as_targets_are_errors() -> None:
    found = {d.code for d in analyse(flow({"params": ["phone=nobody"]})) if d.node_id == "crm"}
    assert "variable_unknown" in found
    found = {d.code for d in analyse(flow({"results": ["x=caller"]})) if d.node_id == "crm"}
    assert "variable_builtin" in found


def test_a_variable_filled_only_on_success_is_unset_after_failure() -> None:
    # the condition is reached by success (level set) and by failure (not set): a warning
    found = [d for d in analyse(flow({})) if d.code == "variable_unset"]
    assert found and found[0].node_id == "vip"


def test_the_simulator_fills_variables_from_the_canned_body_and_shows_the_request() -> None:
    plan = compile_plan("4006228300", None, flow({"params": ["phone=caller"]}))
    trace = simulate(plan, CallSpec(http={"crm": {"outcome": "success", "body": {"customer": {"level": 7}}}}))
    assert trace.path[:3] == ("start", "crm", "vip")
    sets = [(e.variable, e.outcome) for e in trace.events if e.kind == "set"]
    assert sets == [("level", "7")]
    branch = next(e for e in trace.events if e.kind == "branch" and e.node == "crm")
    assert branch.outcome == "success"
    assert "https://crm.example.com/api/customer?hotline=4006228300" in branch.reason
    assert "phone=13812345678" in branch.reason
    rule = next(e for e in trace.events if e.kind == "branch" and e.node == "vip")
    assert rule.outcome == "rule:1"


def test_failure_timeout_and_a_missing_answer() -> None:
    plan = compile_plan("4006228300", None, flow({"timeout_s": 2}))
    timed = simulate(plan, CallSpec(http={"crm": {"outcome": "timeout"}}))
    crm = next(e for e in timed.events if e.node == "crm")
    assert crm.outcome == "timeout" and crm.t == 2.0
    failed = simulate(plan, CallSpec(http={"crm": {"outcome": "failure"}}))
    assert next(e for e in failed.events if e.node == "crm").outcome == "failure"
    unnamed = simulate(plan, CallSpec())
    event = next(e for e in unnamed.events if e.node == "crm")
    assert event.outcome == "failure" and "没有给出" in event.reason


def test_asterisk_asks_the_agent_and_never_sees_a_secret_value() -> None:
    plan = compile_plan("4006228300", None, flow({"secret": "crm_token"}))
    text = render_asterisk(plan)
    assert "AGI(agi://127.0.0.1:4573/http,4006228300," in text
    assert "Set(HTTP_OUTCOME=failure)" in text
    assert '$["${HTTP_OUTCOME}" = "success"]' in text
    step = next(s for s in plan.steps if s.op == "http")
    assert step.args["secret"] == "crm_token"  # a name: the plan holds no secret value


def test_values_cannot_break_out_of_the_url_or_a_dialplan_expression() -> None:
    url = fill_url("https://crm.example.com/c/{a}?q={b}", {"a": "../admin", "b": "1&x=2"})
    assert url == "https://crm.example.com/c/..%2Fadmin?q=1%26x%3D2"
    assert clean_value('7"]?evil') == "7evil"
    assert json_at({"a": [{"b": True}]}, "a.0.b") == "1"
    assert json_at({"a": {"b": {"c": 1}}}, "a.b") == ""  # not a scalar
    assert json_at({"a": 1}, "a.x") == ""


def test_a_call_sends_at_most_five_requests() -> None:
    nodes: list[dict[str, Any]] = [{"id": "start", "type": "start"}]
    edges = []
    for i in range(1, 7):
        nodes.append({"id": f"q{i}", "type": "http", "props": {"url": f"https://crm.example.com/{i}"}})
        before = "start" if i == 1 else f"q{i - 1}"
        edges.append(
            {"id": f"e{i}", "source": before, "exit": "next" if i == 1 else "success", "target": f"q{i}"}
        )
    plan = compile_plan("4006228300", None, load_flow({"format_version": 1, "nodes": nodes, "edges": edges}))
    ok = {f"q{i}": {"outcome": "success", "body": {}} for i in range(1, 7)}
    trace = simulate(plan, CallSpec(http=ok))
    outcomes = [e.outcome for e in trace.events if e.kind == "branch" and (e.node or "").startswith("q")]
    assert outcomes == ["success"] * 5 + ["failure"]
    last = [e for e in trace.events if e.node == "q6"][-1]
    assert "5次" in last.reason
    assert "GotoIf($[${HTTP_COUNT} > 5]?" in render_asterisk(plan)
