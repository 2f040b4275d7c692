"""Modules (子流程): a flow calls a published module version, which compiles inline into its plan."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ivr_flows import (
    CallSpec,
    Flow,
    FlowError,
    analyse,
    compile_plan,
    flow_digest,
    load_flow,
    modules_used,
    render_asterisk,
    return_points,
    run_flow_tests,
    simulate,
)
from tests.ivr_flows import module_examples

EXAMPLES = Path(__file__).resolve().parents[2] / "ivr_flows" / "examples"
MODULES = module_examples.MODULES
HOTLINE = module_examples.FOLDER / "hotline.flow.json"


def _doc(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _module(
    mid: str, name: str, calls: tuple[str, int] | None = None, exits: tuple[str, ...] = ("完成",)
) -> Flow:
    """A module playing a line, optionally calling another module, then returning by each of ``exits``."""
    nodes: list[dict[str, Any]] = [
        {"id": "start", "type": "start"},
        {"id": "say", "type": "play", "props": {"prompt": {"tts": f"{name}的提示"}}},
    ]
    edges = [{"id": "e0", "source": "start", "exit": "next", "target": "say"}]
    last = "say"
    if calls is not None:
        nodes.append({"id": "inner", "type": "module", "props": {"module": calls[0], "version": calls[1]}})
        edges.append({"id": "e1", "source": "say", "exit": "next", "target": "inner"})
        last = "inner"
    for i, exit_name in enumerate(exits):
        nodes.append({"id": f"ret{i}", "type": "module_exit", "props": {"name": exit_name}})
    if exits:
        leave = "exit:完成" if calls is not None else "next"
        edges.append({"id": "e2", "source": last, "exit": leave, "target": "ret0"})
    return load_flow({"kind": "module", "id": mid, "name": name, "nodes": nodes, "edges": edges})


def _caller(mid: str, version: int = 1, wired: tuple[str, ...] = ("完成",)) -> Flow:
    nodes: list[dict[str, Any]] = [
        {"id": "start", "type": "start"},
        {"id": "call", "type": "module", "props": {"module": mid, "version": version}},
        {"id": "bye", "type": "hangup", "props": {"announcement": {"tts": "再见"}}},
    ]
    edges = [{"id": "e0", "source": "start", "exit": "next", "target": "call"}]
    edges += [
        {"id": f"x{i}", "source": "call", "exit": f"exit:{name}", "target": "bye"}
        for i, name in enumerate(wired)
    ]
    return load_flow({"id": "main", "name": "主流程", "nodes": nodes, "edges": edges})


def test_the_module_is_inlined_with_prefixed_ids_and_its_return_points_lead_to_the_callers_exits() -> None:
    flow = load_flow(HOTLINE.read_text(encoding="utf-8"))
    plan = compile_plan("4006228300", None, flow, modules=MODULES)
    steps = {s.id: s for s in plan.steps}
    assert steps["node:after"].op == "start" and steps["node:after"].next == {"next": "node:after/menu"}
    assert steps["node:after/menu"].node == "after/menu"
    assert steps["node:after/menu"].next["digit:1"] == "node:after/leave_message"
    assert steps["node:after/leave_message"].next == {"next": "node:message"}  # exit:留言
    assert steps["node:after/to_duty"].next == {"next": "node:duty"}  # exit:转值班
    assert "node:after/start" not in steps  # the module's start is where the calling step leads
    # the module's prompt is the plan's like any other
    assert "现在是下班时间,留言请按1,转值班手机请按2" in {p.text for p in plan.prompts.values()}
    duty = simulate(plan, CallSpec(digits="2", phones={"13812345678": {"state": "answer"}}))
    assert duty.path == ("start", "welcome", "after", "after/menu", "after/to_duty", "duty")
    assert all(r.passed for r in run_flow_tests(flow, modules=MODULES))


def test_an_undrawn_return_point_ends_the_call() -> None:
    flow = _caller("m", wired=())
    plan = compile_plan("4006228300", None, flow, modules={("m", 1): _module("m", "公共")})
    assert {s.id: s for s in plan.steps}["node:call/ret0"].next == {"next": "sys:end"}


def test_the_module_renders_for_asterisk_with_no_op_of_its_own() -> None:
    flow = load_flow(HOTLINE.read_text(encoding="utf-8"))
    text = render_asterisk(compile_plan("4006228300", None, flow, modules=MODULES))
    assert "; node:after_menu" in text  # the step comments name the inlined nodes (made comment-safe)
    assert "; node:after_to_duty" in text


def test_modules_nest_and_a_version_pins_every_module_it_calls() -> None:
    inner, outer = _module("inner", "内层"), _module("outer", "外层", calls=("inner", 2))
    modules = {("inner", 2): inner, ("outer", 1): outer, ("inner", 1): _module("inner", "旧内层")}
    flow = _caller("outer")
    plan = compile_plan("4006228300", None, flow, modules=modules)
    trace = simulate(plan, CallSpec())
    assert trace.path == (
        "start",
        "call",
        "call/say",
        "call/inner",
        "call/inner/say",
        "call/inner/ret0",
        "call/ret0",
        "bye",
    )
    assert set(modules_used(flow, modules)) == {("outer", 1), ("inner", 2)}


def test_a_missing_version_is_refused_on_the_calling_node() -> None:
    flow = _caller("m", version=3)
    found = analyse(flow, modules={("m", 1): _module("m", "公共菜单")})
    missing = [d for d in found if d.code == "module_missing"]
    assert missing and missing[0].node_id == "call" and missing[0].severity == "error"
    assert "公共菜单" in missing[0].message and "第3版" in missing[0].message
    with pytest.raises(FlowError) as caught:
        compile_plan("4006228300", None, flow)  # no modules at all: none can be called
    assert [d.code for d in caught.value.diagnostics] == ["module_missing"]


def test_cycles_between_modules_are_refused_naming_the_chain() -> None:
    a, b = _module("a", "甲", calls=("b", 1)), _module("b", "乙", calls=("a", 1))
    modules = {("a", 1): a, ("b", 1): b}
    found = [d for d in analyse(_caller("a"), modules=modules) if d.code == "module_cycle"]
    assert len(found) == 1 and found[0].node_id == "call"
    assert "甲 → 乙 → 甲" in found[0].message
    with pytest.raises(FlowError):
        compile_plan("4006228300", None, _caller("a"), modules=modules)
    # a module's draft calling itself
    selfish = _module("a", "甲", calls=("a", 1))
    direct = [d for d in analyse(selfish, modules=modules) if d.code == "module_cycle"]
    assert direct and "甲 → 甲" in direct[0].message and direct[0].node_id == "inner"


def test_an_edge_from_a_return_point_the_version_lacks_is_refused() -> None:
    flow = _caller("m", wired=("完成", "转人工"))
    found = analyse(flow, modules={("m", 1): _module("m", "公共")})
    unknown = [d for d in found if d.code == "module_exit_unknown"]
    assert len(unknown) == 1 and unknown[0].edge_id == "x1" and "转人工" in unknown[0].message
    assert return_points(_module("m", "公共", exits=("完成", "转人工", "完成"))) == ("完成", "转人工")


def test_analysis_inside_a_module_reports_on_its_nodes_and_blocks_callers() -> None:
    broken = load_flow(
        {
            "kind": "module",
            "id": "m",
            "name": "坏子流程",
            "nodes": [
                {"id": "start", "type": "start"},
                {"id": "ring", "type": "dial", "props": {"destinations": []}},
                {"id": "r1", "type": "module_exit", "props": {"name": "完成"}},
                {"id": "r2", "type": "module_exit", "props": {"name": "完成"}},
                {"id": "r3", "type": "module_exit"},
            ],
            "edges": [
                {"id": "e0", "source": "start", "exit": "next", "target": "ring"},
                {"id": "e1", "source": "ring", "exit": "answered", "target": "r1"},
            ],
        }
    )
    own = {(d.code, d.node_id) for d in analyse(broken) if d.severity == "error"}
    assert {
        ("dial_no_destinations", "ring"),
        ("module_exit_duplicate", "r2"),
        ("module_exit_unnamed", "r3"),
    } <= own
    found = [d for d in analyse(_caller("m"), modules={("m", 1): broken}) if d.code == "module_invalid"]
    assert len(found) == 1 and found[0].node_id == "call"
    assert "坏子流程" in found[0].message and "第1版" in found[0].message


def test_return_points_belong_in_modules_and_a_module_node_needs_its_module() -> None:
    doc = {
        "nodes": [
            {"id": "start", "type": "start"},
            {"id": "back", "type": "module_exit", "props": {"name": "完成"}},
            {"id": "call", "type": "module"},
        ],
        "edges": [{"id": "e0", "source": "start", "exit": "next", "target": "call"}],
    }
    codes = {(d.code, d.node_id) for d in analyse(load_flow(doc))}
    assert {("module_exit_in_flow", "back"), ("module_unset", "call")} <= codes


def test_flows_without_modules_keep_their_digest_and_a_modules_kind_counts() -> None:
    menu = _doc(EXAMPLES / "menu.flow.json")
    flow = load_flow(menu)
    assert flow.kind == "flow"
    assert flow_digest(load_flow({**menu, "kind": "flow"})) == flow_digest(flow)
    assert flow_digest(load_flow({**menu, "kind": "module"})) != flow_digest(flow)
    assert (
        compile_plan("4006228300", None, flow).etag == compile_plan("4006228300", None, flow, modules={}).etag
    )
