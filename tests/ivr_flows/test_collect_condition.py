"""Collect digits and condition nodes: what they compile to, how a simulated caller goes through them,
and the Asterisk lines that do the same in a real call (tests/telephony/test_flow_cases_agree.py calls
the example flow's cases through Asterisk)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ivr_flows import CallSpec, Dialplan, compile_plan, load_flow, render_asterisk, simulate
from ivr_flows.asterisk import RenderError
from ivr_flows.nodes.export import node_types_document
from ivr_flows.simulator import Trace

ORDER = {"name": "order_no", "type": "digits", "label": "订单号"}
ASK = {
    "id": "ask",
    "type": "collect",
    "props": {
        "prompt": {"tts": "请输入订单号"},  # 6 characters: 1.5 s
        "variable": "order_no",
        "min_digits": 4,
        "max_digits": 6,
        "timeout_s": 5,
        "max_retries": 1,
    },
}
ENDS = [
    {"id": name, "type": "hangup"}
    for name in ("ok", "nothing", "short", "other", *(f"r{i}" for i in range(1, 7)))
]


def plan(
    rules: list[dict[str, Any]] | None = None, variables: list[dict[str, Any]] | None = None
) -> Dialplan:
    """start → ask (collect order_no) → [condition with ``rules``] → one hang-up node per exit."""
    nodes: list[dict[str, Any]] = [{"id": "start", "type": "start"}, ASK, *ENDS]
    edges = [("start", "next", "ask"), ("ask", "timeout", "nothing"), ("ask", "invalid", "short")]
    if rules is None:
        edges.append(("ask", "done", "ok"))
    else:
        nodes.append({"id": "route", "type": "condition", "props": {"rules": rules}})
        edges += [("ask", "done", "route"), ("route", "else", "other")]
        edges += [("route", f"rule:{i}", f"r{i}") for i in range(1, len(rules) + 1)]
    doc = {
        "format_version": 1,
        "variables": [ORDER] + (variables or []),
        "nodes": nodes,
        "edges": [{"id": f"e{i}", "source": s, "exit": x, "target": t} for i, (s, x, t) in enumerate(edges)],
    }
    return compile_plan("4006228300", None, load_flow(doc))


def run(p: Dialplan, digits: str | list[dict[str, Any]], **call: Any) -> Trace:
    return simulate(p, CallSpec(digits=digits, **call))


def end(trace: Trace) -> str:
    return trace.path[-1]


def collected(trace: Trace) -> list[str]:
    return [e.outcome or "" for e in trace.events if e.kind == "set" and e.variable == "order_no"]


def test_a_collect_step_carries_what_both_runtimes_need() -> None:
    step = next(s for s in plan().steps if s.op == "collect")
    assert step.args == {
        "prompt": step.args["prompt"],
        "variable": "order_no",
        "label": "订单号",
        "min_digits": 4,
        "max_digits": 6,
        "timeout_s": 5,
        "max_retries": 1,
        "invalid_prompt": "sys-menu-invalid",
        "timeout_prompt": "sys-menu-timeout",
    }
    assert set(step.next) == {"done", "timeout", "invalid"}


def test_hash_ends_the_entry_and_the_timeline_shows_the_value() -> None:
    trace = run(plan(), "12345#")
    assert end(trace) == "ok" and collected(trace) == ["12345"]
    assert trace.duration_s == 6.0  # one key a second from the prompt's start, # the sixth
    assert any(e.kind == "set" and e.reason == "订单号=12345" for e in trace.events)


def test_the_entry_ends_by_itself_at_the_maximum_digits() -> None:
    trace = run(plan(), "1234567#")
    assert collected(trace) == ["123456"] and end(trace) == "ok"


def test_no_key_after_some_digits_ends_the_entry_after_the_timeout() -> None:
    trace = run(plan(), [{"key": "1"}, {"key": "2"}, {"key": "3"}, {"key": "4"}, {"key": None}])
    assert collected(trace) == ["1234"] and end(trace) == "ok"
    assert trace.duration_s == 4.0 + 5  # the last key, then the timeout


def test_a_key_later_than_the_timeout_is_not_taken() -> None:
    trace = run(plan(), [{"key": "1", "after_s": 1}, {"key": "2", "after_s": 5.5}, {"key": None}])
    assert collected(trace)[0] == "1"


def test_nothing_entered_is_retried_then_leaves_by_timeout() -> None:
    trace = run(plan(), "--")
    assert end(trace) == "nothing"
    assert "sys-menu-timeout" in trace.heard()
    assert collected(trace) == ["", ""]


def test_too_few_digits_is_retried_then_leaves_by_invalid() -> None:
    trace = run(plan(), "12#123#")
    assert end(trace) == "short" and collected(trace) == ["12", "123"]
    assert trace.heard().count("sys-menu-invalid") == 1


def test_a_retry_can_succeed() -> None:
    assert end(run(plan(), "12#5678#")) == "ok"


def test_star_counts_as_a_key_but_is_not_kept() -> None:
    trace = run(plan(), "12*34#")
    assert collected(trace) == ["1234"]


@pytest.mark.parametrize(
    ("rule", "digits", "holds"),
    [
        ({"variable": "order_no", "op": "equals", "value": "1234"}, "1234#", True),
        ({"variable": "order_no", "op": "equals", "value": "1234"}, "12345#", False),
        ({"variable": "order_no", "op": "in_list", "value": ["5555", "1234"]}, "1234#", True),
        ({"variable": "order_no", "op": "in_list", "value": ["5555"]}, "1234#", False),
        ({"variable": "order_no", "op": "prefix", "value": "12"}, "1299#", True),
        ({"variable": "order_no", "op": "prefix", "value": "13"}, "1299#", False),
        ({"variable": "order_no", "op": "range", "value": {"min": 1000, "max": 1999}}, "1999#", True),
        ({"variable": "order_no", "op": "range", "value": {"min": 1000, "max": 1999}}, "2000#", False),
        ({"variable": "order_no", "op": "range", "value": {"max": 1999}}, "0999#", True),
        ({"variable": "order_no", "op": "empty"}, "1234#", False),
    ],
)
def test_each_op_decides_on_the_collected_value(rule: dict[str, Any], digits: str, holds: bool) -> None:
    trace = run(plan([rule]), digits)
    assert end(trace) == ("r1" if holds else "other")


def test_rules_are_tried_in_order_and_the_first_that_holds_decides() -> None:
    rules: list[dict[str, Any]] = [
        {"variable": "order_no", "op": "prefix", "value": "9"},
        {"variable": "order_no", "op": "prefix", "value": "1"},
        {"variable": "order_no", "op": "prefix", "value": "12"},
    ]
    trace = run(plan(rules), "1234#")
    assert end(trace) == "r2"
    branch = next(e for e in trace.events if e.kind == "branch" and e.step == "node:route")
    assert branch.outcome == "rule:2" and branch.reason == "订单号=1234,符合条件2"


def test_the_caller_built_ins() -> None:
    rules: list[dict[str, Any]] = [
        {"variable": "caller_province", "op": "equals", "value": "广东"},
        {"variable": "caller_category", "op": "equals", "value": "office"},
        {"variable": "caller_area", "op": "in_list", "value": ["010", "021"]},
    ]
    p = plan(rules)
    guangdong = run(p, "1234#", caller="13926900000")  # a Zhuhai mobile: placed by its segment
    assert end(guangdong) == "r1"
    assert any(e.reason == "来电省份=广东,符合条件1" for e in guangdong.events)
    assert end(run(p, "1234#", caller="02887654321", category="office")) == "r2"  # Chengdu office phone
    assert end(run(p, "1234#", caller="01087654321", category="residential")) == "r3"
    assert end(run(p, "1234#", caller="15012345678")) == "other"


def test_province_and_city_compile_to_area_codes() -> None:
    p = plan(
        [
            {"variable": "caller_city", "op": "in_list", "value": ["广州", "深圳"]},
            {"variable": "caller_province", "op": "empty"},
        ]
    )
    rules = next(s for s in p.steps if s.op == "condition").args["rules"]
    assert rules[0] == {
        "variable": "caller_area",
        "label": "来电城市",
        "op": "in_list",
        "value": ["020", "0755"],
        "shows": "caller_city",
    }
    assert rules[1]["op"] == "equals" and rules[1]["value"] == "unknown"  # fmt: skip


def test_time_and_the_dialled_number() -> None:
    rules: list[dict[str, Any]] = [
        {"variable": "weekday", "op": "range", "value": {"min": 6, "max": 7}},
        {"variable": "hour", "op": "equals", "value": "09"},
        {"variable": "dialled", "op": "prefix", "value": "400622"},
    ]
    p = plan(rules)
    step = next(s for s in p.steps if s.op == "condition")
    assert step.args["rules"][1]["op"] == "range"  # a number equals 09 means 9
    assert end(run(p, "1234#", at=dt.datetime(2026, 3, 7, 9, 30))) == "r1"  # a Saturday
    assert end(run(p, "1234#", at=dt.datetime(2026, 3, 2, 9, 30))) == "r2"
    assert end(run(p, "1234#", at=dt.datetime(2026, 3, 2, 14, 0))) == "r3"


def test_asterisk_reads_into_a_channel_variable_with_retries() -> None:
    text = render_asterisk(
        plan([{"variable": "order_no", "op": "range", "value": {"min": 1000, "max": 1999}}])
    )
    assert ",Read(FV_order_no,hotline/" in text and ",6,,1,5)" in text
    assert "Set(FV_order_no=${FILTER(0123456789,${FV_order_no})})" in text
    assert "GotoIf($[${LEN(${FV_order_no})} >= 4]?" in text
    assert "GotoIf($[${FV_order_no} >= 1000 & ${FV_order_no} <= 1999]?" in text


def test_asterisk_renders_each_op_and_time_built_ins() -> None:
    rules: list[dict[str, Any]] = [
        {"variable": "order_no", "op": "equals", "value": "1234"},
        {"variable": "order_no", "op": "in_list", "value": ["5555", "6666"]},
        {"variable": "caller", "op": "prefix", "value": "138"},
        {"variable": "order_no", "op": "empty"},
        {"variable": "hour", "op": "range", "value": {"min": 9}},
        {"variable": "caller_category", "op": "equals", "value": "office"},
    ]
    text = render_asterisk(plan(rules))
    for wanted in (
        '$["${FV_order_no}" = "1234"]',
        '$["${FV_order_no}" = "6666"]',
        '$["${CALLER:0:3}" = "138"]',
        '$["${FV_order_no}" = ""]',
        "Set(HOUR_NOW=$[${STRFTIME(${EPOCH},Asia/Shanghai,%H)} + 0])",
        "$[${HOUR_NOW} >= 9]",
        '$["${CATEGORY}" = "office"]',
    ):
        assert wanted in text, wanted


def test_asterisk_refuses_a_value_that_could_escape_the_expression() -> None:
    p = plan([{"variable": "order_no", "op": "prefix", "value": "1"}])
    data = p.to_dict()
    step = next(s for s in data["steps"] if s["op"] == "condition")
    step["args"]["rules"][0]["value"] = '1"]?s0)'
    with pytest.raises(RenderError):
        render_asterisk(Dialplan.from_dict(data))


def test_the_editor_learns_a_conditions_exits_from_its_rules() -> None:
    doc = node_types_document()
    kinds = {k["type"]: k for k in doc["kinds"]}
    assert kinds["condition"]["listExits"] == {
        "prop": "rules",
        "prefix": "rule:",
        "most": 20,
        "label": "条件{n}",
        "labelField": "label",
    }
    assert kinds["condition"]["exits"] == [{"name": "else", "label": "否则"}]
    assert kinds["menu"]["keyExits"]["prefix"] == "digit:" and kinds["menu"]["listExits"] is None
    assert "rules" in doc["widgets"]
    assert [f["widget"] for f in kinds["condition"]["fields"]] == ["rules"]
    assert kinds["collect"]["group"] == "data" and kinds["collect"]["inPalette"]
