"""Static analysis: each diagnostic the editor marks, with its stable code, severity and node/edge."""

from __future__ import annotations

from typing import Any

import pytest

from ivr_flows import AnalysisContext, Flow, NumberPolicies, analyse, load_flow
from ivr_flows.builder import FlowBuilder, tts

DIAL = {"destinations": [{"number": "13812345678", "wait_s": 55}]}


def codes(
    flow: Flow, policies: NumberPolicies | None = None, ctx: AnalysisContext | None = None
) -> dict[str, Any]:
    return {d.code: d for d in analyse(flow, policies, ctx)}


def menu_flow(depth: int) -> Flow:
    b = FlowBuilder().node("start", "start")
    previous, exit_name = "start", "next"
    for level in range(depth):
        b.node(f"m{level}", "menu", prompt=tts(f"第{level}层")).edge(previous, exit_name, f"m{level}")
        b.edge(f"m{level}", "timeout", "bye").edge(f"m{level}", "invalid", "bye")
        previous, exit_name = f"m{level}", "digit:1"
    return b.node("bye", "hangup").edge(previous, exit_name, "bye").build()


def test_clean_flow_has_no_diagnostics() -> None:
    flow = FlowBuilder().node("start", "start").node("d", "dial", **DIAL).node("bye", "hangup")
    flow = flow.edge("start", "next", "d").edge("d", "no_answer", "bye").build()
    assert analyse(flow) == []


def test_graph_errors() -> None:
    flow = load_flow(
        {
            "nodes": [
                {"id": "a", "type": "play", "props": {"prompt": {"tts": "x"}}},
                {"id": "a", "type": "hangup"},
                {"id": "lonely", "type": "hangup"},
            ],
            "edges": [
                {"id": "e1", "source": "a", "exit": "next", "target": "ghost"},
                {"id": "e2", "source": "ghost", "exit": "next", "target": "a"},
                {"id": "e3", "source": "a", "exit": "digit:1", "target": "lonely"},
                {"id": "e3", "source": "a", "exit": "next", "target": "lonely"},
            ],
        }
    )
    found = codes(flow)
    for code in (
        "no_start",
        "node_duplicate_id",
        "edge_dangling",
        "edge_unknown_source",
        "edge_unknown_exit",
    ):
        assert found[code].severity == "error"
    assert found["edge_duplicate"].edge_id == "e3" and "edge_duplicate_id" in found
    assert found["edge_dangling"].edge_id == "e1" and found["edge_dangling"].node_id == "a"


def test_unreachable_and_multiple_starts() -> None:
    flow = FlowBuilder().node("start", "start").node("s2", "start").node("bye", "hangup").node("x", "hangup")
    found = codes(flow.edge("start", "next", "bye").build())
    assert found["multiple_starts"].node_id == "s2"
    assert found["unreachable_node"].severity == "warning"


def test_menu_checks() -> None:
    b = FlowBuilder().node("start", "start").node("m", "menu", prompt=tts("请按键")).node("a", "hangup")
    b.edge("start", "next", "m").edge("m", "digit:1", "a").edge("m", "digit:1", "a")
    found = codes(b.build())
    assert found["menu_digit_duplicate"].node_id == "m" and found["menu_digit_duplicate"].severity == "error"
    assert found["menu_missing_timeout"].severity == "warning" and "menu_missing_invalid" in found
    empty = FlowBuilder().node("start", "start").node("m", "menu", prompt=tts("?")).edge("start", "next", "m")
    assert "menu_no_options" in codes(empty.build())


def test_menus_deeper_than_five_levels_are_errors() -> None:
    assert "menu_too_deep" not in codes(menu_flow(5))
    assert codes(menu_flow(6))["menu_too_deep"].node_id == "m5"


def test_menu_depth_ignores_unreachable_menus_and_loops_back_to_a_parent() -> None:
    deep = menu_flow(6).model_dump()
    # an unreachable chain of seven menus leading into the live ones must not add depth (nor be counted)
    for level in range(7):
        deep["nodes"].append({"id": f"o{level}", "type": "menu", "props": {"prompt": {"tts": "x"}}})
        target = f"o{level + 1}" if level < 6 else "m0"
        deep["edges"].append({"id": f"o{level}", "source": f"o{level}", "exit": "digit:1", "target": target})
    found = [d for d in analyse(load_flow(deep)) if d.code == "menu_too_deep"]
    assert [d.node_id for d in found] == ["m5"]
    shallow = menu_flow(5).model_dump()
    shallow["edges"].append({"id": "back", "source": "m4", "exit": "digit:0", "target": "m0"})
    shallow["nodes"].append({"id": "orphan", "type": "menu", "props": {"prompt": {"tts": "x"}}})
    found = codes(load_flow(shallow))
    assert "menu_too_deep" not in found and found["unreachable_node"].node_id == "orphan"


def test_loops_without_input_or_without_exit() -> None:
    endless = (
        FlowBuilder()
        .node("start", "start")
        .node("p", "play", prompt=tts("a"))
        .node("q", "play", prompt=tts("b"))
    )
    endless = endless.edge("start", "next", "p").edge("p", "next", "q").edge("q", "next", "p").build()
    assert codes(endless)["endless_loop"].severity == "error"
    trapped = (
        FlowBuilder()
        .node("start", "start")
        .node("m", "menu", prompt=tts("a"))
        .node("p", "play", prompt=tts("b"))
    )
    trapped.edge("start", "next", "m").edge("m", "digit:1", "p").edge("m", "timeout", "m").edge(
        "m", "invalid", "p"
    )
    assert "loop_no_exit" in codes(trapped.edge("p", "next", "m").build())
    retry = FlowBuilder().node("start", "start").node("m", "menu", prompt=tts("a")).node("bye", "hangup")
    retry.edge("start", "next", "m").edge("m", "digit:1", "bye").edge("m", "timeout", "m").edge(
        "m", "invalid", "bye"
    )
    assert not {"loop_no_exit", "endless_loop"} & set(codes(retry.build()))


def test_dial_checks() -> None:
    flow = FlowBuilder().node("start", "start").node("d", "dial").edge("start", "next", "d").build()
    assert codes(flow)["dial_no_destinations"].severity == "error"
    dup = {
        "destinations": [
            {"number": "13812345678", "wait_s": 20},
            {"number": "+86 138 1234 5678", "wait_s": 20},
        ]
    }
    flow = FlowBuilder().node("start", "start").node("d", "dial", **dup).edge("start", "next", "d").build()
    assert "destination_duplicate" in codes(flow) and "dial_no_failure_exit" in codes(flow)
    bad = {"destinations": [{"number": "12345", "wait_s": 55}]}
    flow = FlowBuilder().node("start", "start").node("d", "dial", **bad).edge("start", "next", "d").build()
    assert codes(flow)["destination_invalid"].severity == "error"


def test_schedule_checks() -> None:
    schedule = {
        "windows": [
            {"name": "白天", "days": [1, 2, 3], "start": "08:00", "end": "18:00"},
            {"name": "中午", "days": [3], "start": "12:00", "end": "13:00"},
            {"days": [4], "start": "09:00", "end": "09:00"},
        ],
        "exceptions": [
            {"date": "2026-05-20", "open": []},
            {"date": "2026-05-20", "open": [{"start": "10:00", "end": "09:00"}]},
        ],
    }
    flow = (
        FlowBuilder()
        .node("start", "start")
        .node("t", "time_switch", schedule=schedule)
        .edge("start", "next", "t")
    )
    found = codes(flow.build())
    assert found["schedule_overlap"].severity == "warning" and "白天" in found["schedule_overlap"].message
    assert found["schedule_window_empty"].severity == "error"
    assert found["schedule_exception_conflict"].severity == "error"
    assert found["schedule_exception_range"].severity == "error"
    empty = (
        FlowBuilder().node("start", "start").node("t", "time_switch", schedule={}).edge("start", "next", "t")
    )
    assert "schedule_empty" in codes(empty.build())


def test_areas_lists_and_prompts() -> None:
    b = FlowBuilder().node("start", "start").node("a", "area_switch", areas=["广东", "火星"])
    b.node("l", "caller_list", entries=["0755", "*1234"]).node("p", "play", prompt={"prompt": "nope"})
    b.edge("start", "next", "a").edge("a", "match", "l").edge("l", "match", "p")
    found = codes(b.build(), ctx=AnalysisContext(prompts=frozenset({"welcome"})))
    assert "火星" in found["area_unknown"].message
    assert "*1234" in found["list_entry_invalid"].message
    assert found["prompt_missing"].node_id == "p"


def test_policy_checks() -> None:
    flow = FlowBuilder().node("start", "start").node("bye", "hangup").edge("start", "next", "bye").build()
    policies = NumberPolicies(caller_list={"mode": "white"}, areas={"allowed": ["广东"], "refused": ["020"]})
    found = codes(flow, policies)
    assert {"whitelist_empty", "area_conflict"} <= set(found)


@pytest.mark.parametrize("severity_order", [True])
def test_errors_come_first(severity_order: bool) -> None:
    flow = (
        FlowBuilder().node("start", "start").node("d", "dial").node("x", "hangup").edge("start", "next", "d")
    )
    found = analyse(flow.build())
    ranks = [{"error": 0, "warning": 1, "info": 2}[d.severity] for d in found]
    assert ranks == sorted(ranks) and severity_order
