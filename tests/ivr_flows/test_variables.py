"""Flow variables: declared in the flow or built in, checked by analysis before a call can trip on them.

A designer reads each problem in Chinese on the node concerned; a flow from before variables existed
loads, digests and compiles exactly as it did.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ivr_flows import FlowError, analyse, compile_plan, load_flow
from ivr_flows.compiler import flow_digest
from ivr_flows.variables import BUILTINS

EXAMPLES = Path(__file__).resolve().parents[2] / "ivr_flows" / "examples"
COLLECT = {"prompt": {"tts": "请输入订单号"}, "variable": "order_no", "min_digits": 4, "max_digits": 8}


def flow(
    variables: list[dict[str, Any]],
    nodes: list[dict[str, Any]],
    edges: list[tuple[str, str, str]],
) -> dict[str, Any]:
    return {
        "format_version": 1,
        "variables": variables,
        "nodes": [{"id": "start", "type": "start"}, *nodes],
        "edges": [{"id": f"e{i}", "source": s, "exit": x, "target": t} for i, (s, x, t) in enumerate(edges)],
    }


ORDER = {"name": "order_no", "type": "digits", "label": "订单号"}


def condition(*rules: dict[str, Any]) -> dict[str, Any]:
    return {"id": "route", "type": "condition", "props": {"rules": list(rules)}}


def codes(doc: dict[str, Any]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for d in analyse(load_flow(doc)):
        found.setdefault(d.code, []).append(d.message)
    return found


def test_a_flow_without_variables_digests_as_before_and_an_empty_list_changes_nothing() -> None:
    for path in EXAMPLES.glob("*.flow.json"):
        raw = json.loads(path.read_text(encoding="utf-8"))
        if "variables" in raw:
            continue
        before = load_flow(raw)
        assert before.variables == []
        with_empty = load_flow({**raw, "variables": []})
        assert flow_digest(with_empty) == flow_digest(before)
        assert (
            compile_plan("4006228300", None, with_empty).etag == compile_plan("4006228300", None, before).etag
        )


def test_declaring_a_variable_changes_the_digest() -> None:
    raw = json.loads((EXAMPLES / "menu.flow.json").read_text(encoding="utf-8"))
    assert flow_digest(load_flow({**raw, "variables": [ORDER]})) != flow_digest(load_flow(raw))


@pytest.mark.parametrize("name", ["Order", "1abc", "a" * 33, "订单", "order-no"])
def test_a_variable_name_must_be_lower_case_letters_digits_and_underscores(name: str) -> None:
    with pytest.raises(FlowError):
        load_flow(flow([{"name": name, "type": "digits"}], [], []))


def test_every_built_in_has_a_chinese_label_and_a_type() -> None:
    assert set(BUILTINS) == {
        "caller", "caller_province", "caller_city", "caller_area", "caller_category", "dialled", "hour", "weekday",
    }  # fmt: skip
    for info in BUILTINS.values():
        assert info.builtin and info.type in ("digits", "text", "number") and not info.label.isascii()


def test_declarations_twice_or_named_like_a_built_in_are_errors() -> None:
    found = codes(flow([ORDER, ORDER, {"name": "caller", "type": "text", "label": "来电"}], [], []))
    assert found["variable_duplicate"] == ["变量“order_no”声明了两次"]
    assert "系统变量" in found["variable_builtin"][0]


def test_a_collect_into_an_undeclared_variable_or_a_built_in_is_an_error() -> None:
    unknown = codes(
        flow([], [{"id": "ask", "type": "collect", "props": COLLECT}], [("start", "next", "ask")])
    )
    assert unknown["variable_unknown"] == ["输入号码使用的变量“order_no”没有声明"]
    into_builtin = {**COLLECT, "variable": "caller"}
    found = codes(
        flow([], [{"id": "ask", "type": "collect", "props": into_builtin}], [("start", "next", "ask")])
    )
    assert "不能写入系统变量“来电号码”" in found["variable_builtin"][0]


def test_a_collect_without_a_variable_or_a_done_exit_is_told() -> None:
    found = codes(flow([], [{"id": "ask", "type": "collect", "props": {**COLLECT, "variable": ""}}], []))
    assert "collect_no_variable" in found and "collect_missing_done" in found


@pytest.mark.parametrize(
    ("variables", "rule", "message"),
    [
        ([{"name": "note", "type": "text", "label": "备注"}], {"variable": "note", "op": "range", "value": {"min": 1}},
         "条件1的“数值范围”不适用于文字类型的变量“备注”"),
        ([], {"variable": "hour", "op": "prefix", "value": "1"}, "条件1的“开头是”不适用于数值类型的变量“当前小时”"),
        ([], {"variable": "caller_province", "op": "prefix", "value": "广"}, "只能按“等于”“属于列表”或“为空”判断"),
    ],
)  # fmt: skip
def test_an_op_that_does_not_fit_the_type_is_an_error(
    variables: list[dict[str, Any]], rule: dict[str, Any], message: str
) -> None:
    found = codes(flow(variables, [condition(rule)], [("start", "next", "route")]))
    assert any(message in m for m in found["variable_type"]), found


def test_collecting_into_a_text_variable_is_a_type_error() -> None:
    doc = flow(
        [{"name": "order_no", "type": "text", "label": "订单号"}],
        [{"id": "ask", "type": "collect", "props": COLLECT}],
        [("start", "next", "ask")],
    )
    assert "variable_type" in codes(doc)


def test_a_condition_on_an_unknown_variable_is_an_error() -> None:
    found = codes(flow([], [condition({"variable": "vip", "op": "empty"})], [("start", "next", "route")]))
    assert found["variable_unknown"] == ["条件1使用的变量“vip”没有声明"]


def test_reading_a_variable_some_path_has_not_collected_is_a_warning() -> None:
    ask = {"id": "ask", "type": "collect", "props": COLLECT}
    rule = {"variable": "order_no", "op": "prefix", "value": "8"}
    # the timeout exit skips the entry: the condition may read an empty order number
    unset = flow(
        [ORDER],
        [ask, condition(rule)],
        [("start", "next", "ask"), ("ask", "done", "route"), ("ask", "timeout", "route")],
    )
    found = codes(unset)
    assert found["variable_unset"] == ["变量“订单号”在某些路径上还没有被输入就被使用了,此时它为空"]
    # only after a finished entry: no warning
    ok = flow([ORDER], [ask, condition(rule)], [("start", "next", "ask"), ("ask", "done", "route")])
    assert "variable_unset" not in codes(ok)
    # never collected at all
    never = flow([ORDER], [condition(rule)], [("start", "next", "route")])
    assert "variable_unset" in codes(never)
    # built-ins are always set
    builtin = flow(
        [], [condition({"variable": "caller", "op": "prefix", "value": "138"})], [("start", "next", "route")]
    )
    assert "variable_unset" not in codes(builtin)  # fmt: skip


def test_a_warning_about_an_unset_variable_does_not_block_compiling() -> None:
    rule = {"variable": "order_no", "op": "empty"}
    plan = compile_plan(
        "4006228300", None, load_flow(flow([ORDER], [condition(rule)], [("start", "next", "route")]))
    )
    assert any(s.op == "condition" for s in plan.steps)


@pytest.mark.parametrize(
    ("rules", "code"),
    [
        ([], "condition_no_rules"),
        ([{"variable": "", "op": "empty"}], "condition_rule_incomplete"),
        ([{"variable": "caller", "op": "equals"}], "condition_rule_incomplete"),
        ([{"variable": "caller_province", "op": "equals", "value": ""}], "condition_rule_incomplete"),
        ([{"variable": "caller", "op": "in_list", "value": []}], "condition_rule_incomplete"),
        ([{"variable": "hour", "op": "range", "value": {}}], "condition_rule_incomplete"),
        ([{"variable": "hour", "op": "range", "value": {"min": 9, "max": 8}}], "condition_rule_incomplete"),
        ([{"variable": "caller", "op": "equals", "value": 'x"]?s0'}], "condition_value_invalid"),
        ([{"variable": "caller_city", "op": "equals", "value": "火星"}], "area_unknown"),
        ([{"variable": "caller", "op": "empty"}], "condition_rule_unconnected"),
    ],
)
def test_unfinished_or_unsafe_rules_are_told(rules: list[dict[str, Any]], code: str) -> None:
    found = codes(flow([], [condition(*rules)], [("start", "next", "route")]))
    assert code in found, found
    assert all(not m.isascii() for m in found[code])


def test_a_condition_has_one_exit_per_rule_and_else() -> None:
    rules = [{"variable": "caller", "op": "empty"}, {"variable": "caller", "op": "prefix", "value": "1"}]
    hangup = {"id": "end", "type": "hangup"}
    doc = flow(
        [],
        [condition(*rules), hangup],
        [("start", "next", "route"), ("route", "rule:2", "end"), ("route", "else", "end")],
    )
    assert "edge_unknown_exit" not in codes(doc)
    doc["edges"].append({"id": "e9", "source": "route", "exit": "rule:3", "target": "end"})
    assert codes(doc)["edge_unknown_exit"] == ["节点没有“条件3”这个出口,从它连出的线不起作用,可以删掉"]  # fmt: skip


def test_a_bad_declaration_or_collect_setting_is_told_in_chinese() -> None:
    with pytest.raises(FlowError) as caught:
        load_flow(flow([{"name": "Order", "type": "digits"}, {"name": "a", "type": "float"}], [], []))
    assert [d.message for d in caught.value.diagnostics] == [
        "第1个变量的名称只能用小写字母、数字和下划线,以字母开头,最多32个字符",
        "第2个变量的类型不是可选的值",
    ]
    with pytest.raises(FlowError) as too_long:
        load_flow(
            flow([ORDER], [{"id": "ask", "type": "collect", "props": {**COLLECT, "max_digits": 40}}], [])
        )
    assert [d.message for d in too_long.value.diagnostics] == ["最多输入位数不能大于32"]
    crossed = {**COLLECT, "min_digits": 6, "max_digits": 4}
    found = codes(
        flow([ORDER], [{"id": "ask", "type": "collect", "props": crossed}], [("start", "next", "ask")])
    )
    assert found["collect_digits_order"] == ["最少输入6位,多于最多输入的4位,来电者无法输入完成"]
