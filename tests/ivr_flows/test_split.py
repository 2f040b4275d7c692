"""The percentage split (按比例分流): its rules, its plan step, the simulator's branches and draws, Asterisk."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ivr_flows import CallSpec, FlowError, analyse, compile_plan, load_flow, render_asterisk, simulate
from ivr_flows.builder import FlowBuilder, tts
from ivr_flows.cli import main
from ivr_flows.model import Flow, node_has_exit
from ivr_flows.nodes.export import node_types_document
from ivr_flows.nodes.split import branch_of_draw
from ivr_flows.simulator import split_distribution

EXAMPLE = Path(__file__).resolve().parents[2] / "ivr_flows" / "examples" / "split.flow.json"
LINTER = Path(sys.executable).parent / "asterisklint"
DIAL_A = {"destinations": [{"number": "01062345678", "wait_s": 55}]}
DIAL_B = {"destinations": [{"number": "02083334444", "wait_s": 55}]}
DIAL_C = {"destinations": [{"number": "075512345678", "wait_s": 55}]}


def split_flow(weights: list[int], connected: int | None = None, extra_edges: tuple[str, ...] = ()) -> Flow:
    """start → split → one dial per branch (the first ``connected`` branches drawn)."""
    dials = [("a", DIAL_A), ("b", DIAL_B), ("c", DIAL_C)]
    b = FlowBuilder().node("start", "start")
    b.node("s", "split", branches=[{"label": "", "weight": w} for w in weights]).edge("start", "next", "s")
    for n in range(1, (len(weights) if connected is None else connected) + 1):
        node_id, props = dials[(n - 1) % 3]
        if not any(x["id"] == node_id for x in b.data["nodes"]):
            b.node(node_id, "dial", **props).edge(node_id, "no_answer", "bye")
        b.edge("s", f"branch:{n}", node_id)
    for exit_name in extra_edges:
        b.edge("s", exit_name, "bye")
    return b.node("bye", "hangup").build()


def codes(flow: Flow) -> dict[str, Any]:
    return {d.code: d for d in analyse(flow)}


def test_weights_must_add_up_to_100_and_the_message_says_the_sum() -> None:
    found = codes(split_flow([70, 20]))
    assert found["split_weights"].severity == "error" and found["split_weights"].node_id == "s"
    assert "100%" in found["split_weights"].message and "90%" in found["split_weights"].message
    with pytest.raises(FlowError) as raised:
        compile_plan("4006228300", None, split_flow([70, 20]))
    assert [d.code for d in raised.value.diagnostics] == ["split_weights"]
    assert "split_weights" not in codes(split_flow([70, 30]))


def test_a_split_needs_two_branches_and_loads_at_most_ten() -> None:
    assert codes(split_flow([100]))["split_branches_few"].severity == "error"
    with pytest.raises(FlowError) as raised:
        split_flow([10] * 11)
    assert raised.value.diagnostics[0].node_id == "s" and "分流分支" in raised.value.diagnostics[0].message
    with pytest.raises(FlowError) as raised:
        split_flow([0, 100])
    assert "比例" in raised.value.diagnostics[0].message
    assert analyse(split_flow([10] * 10, connected=10)) == []


def test_an_unconnected_branch_is_a_warning_and_a_removed_branchs_edge_an_error() -> None:
    found = codes(split_flow([50, 30, 20], connected=2))
    assert (
        found["split_branch_unconnected"].severity == "warning"
        and "分支3" in found["split_branch_unconnected"].message
    )
    plan = compile_plan("4006228300", None, split_flow([50, 30, 20], connected=2))
    step = plan.step_map()["node:s"]
    assert step.op == "split" and step.args == {"weights": [50, 30, 20]}
    assert step.next == {"branch:1": "node:a", "branch:2": "node:b", "branch:3": "sys:end"}
    # an edge from a branch the split no longer has goes nowhere: the editor moves edges up instead
    removed = codes(split_flow([50, 30, 20], connected=2, extra_edges=("branch:5",)))
    assert removed["edge_unknown_exit"].severity == "error"


def test_branch_exits_follow_the_branches() -> None:
    flow = split_flow([50, 50])
    node = flow.node_map()["s"]
    assert node_has_exit(node, "split", "branch:1") and node_has_exit(node, "split", "branch:2")
    for bad in ("branch:0", "branch:3", "branch:11", "branch:x", "digit:1", "next"):
        assert not node_has_exit(node, "split", bad)
        assert "edge_unknown_exit" in codes(split_flow([50, 50], extra_edges=(bad,))), bad


def test_the_editor_definition_derives_exits_from_the_branch_list_and_keeps_the_menus() -> None:
    kinds = {k["type"]: k for k in node_types_document()["kinds"]}
    split = kinds["split"]
    assert split["group"] == "routing" and split["name"] == "按比例分流" and split["exits"] == []
    assert split["listExits"] == {
        "prop": "branches",
        "prefix": "branch:",
        "most": 10,
        "label": "分支{n}",
        "labelField": "label",
    }
    (field,) = split["fields"]
    assert field["widget"] == "branches" and field["maxLength"] == 10
    weight = next(f for f in field["items"] if f["name"] == "weight")
    assert (weight["min"], weight["max"], weight["unit"]) == (1, 100, "%")
    assert kinds["menu"]["keyExits"]["prefix"] == "digit:" and kinds["menu"]["listExits"] is None
    assert "items" not in json.dumps(kinds["dial"])


def test_a_call_names_its_branches_in_order_and_other_splits_are_drawn_reproducibly() -> None:
    b = FlowBuilder().node("start", "start")
    b.node("s1", "split", branches=[{"weight": 50}, {"weight": 50}]).edge("start", "next", "s1")
    b.node("s2", "split", branches=[{"weight": 20}, {"weight": 80}])
    b.node("p", "play", prompt=tts("第二层")).edge("s1", "branch:1", "s2").edge("s1", "branch:2", "p")
    b.edge("p", "next", "s2")
    b.node("a", "dial", **DIAL_A).node("c", "dial", **DIAL_B)
    b.edge("s2", "branch:1", "a").edge("s2", "branch:2", "c")
    plan = compile_plan("4006228300", None, b.build())
    assert simulate(plan, CallSpec(split=[2, 1])).path == ("start", "s1", "p", "s2", "a")
    assert simulate(plan, CallSpec(split=[1, 2])).path == ("start", "s1", "s2", "c")
    named = simulate(plan, CallSpec(split=[2, 1])).events
    assert [e.reason for e in named if e.kind == "branch"][:2] == [
        "模拟来电指定进入分支2",
        "模拟来电指定进入分支1",
    ]
    # the second split is not named: drawn from the seed, the same every time, and the trace says so
    once = simulate(plan, CallSpec(split=[1], split_seed=7))
    assert once.path == simulate(plan, CallSpec(split=[1], split_seed=7)).path
    drawn = next(e for e in once.events if e.kind == "branch" and e.node == "s2")
    match = re.fullmatch(r"未指定分支,按种子7随机抽取(\d+),落在分支(\d)\((\d+)–(\d+)\)", drawn.reason)
    assert match, drawn.reason
    draw, branch = int(match[1]), int(match[2])
    assert drawn.outcome == f"branch:{branch}" and branch == branch_of_draw([20, 80], draw)
    assert int(match[3]) <= draw <= int(match[4])
    # a branch the split does not have is drawn instead
    odd = simulate(plan, CallSpec(split=[9]))
    assert next(e.reason for e in odd.events if e.kind == "branch").startswith(
        "指定的分支9不存在,按种子0随机抽取"
    )
    with pytest.raises(ValueError):
        CallSpec(split=[11])


def test_draws_follow_the_running_totals() -> None:
    assert [branch_of_draw([70, 30], d) for d in (1, 70, 71, 100)] == [1, 1, 2, 2]
    assert [branch_of_draw([50, 30, 20], d) for d in (50, 51, 80, 81, 100)] == [1, 2, 2, 3, 3]


def test_over_ten_thousand_calls_each_branch_gets_its_weight_within_two_points() -> None:
    plan = compile_plan("4006228300", None, split_flow([50, 30, 20]))
    shares = split_distribution(plan, calls=10_000, seed=2026)
    assert [(s.branch, s.weight) for s in shares] == [(1, 50), (2, 30), (3, 20)]
    assert sum(s.calls for s in shares) == 10_000
    for share in shares:
        assert abs(share.share * 100 - share.weight) <= 2, share
    assert split_distribution(plan, calls=200, seed=1) == split_distribution(plan, calls=200, seed=1)


def test_asterisk_draws_1_to_100_against_running_totals_unless_a_test_names_the_branch() -> None:
    plan = compile_plan("4006228300", None, split_flow([50, 30, 20]))
    labels = {s.id: f"s{i}" for i, s in enumerate(plan.steps)}
    a, b, c = labels["node:a"], labels["node:b"], labels["node:c"]
    text = render_asterisk(plan)
    lines = text.splitlines()
    first = next(i for i, x in enumerate(lines) if x.endswith("; node:s"))
    block = [re.sub(r"^ same => n(\(\w+\))?,", "", x).split(" ; ")[0] for x in lines[first : first + 9]]
    assert block == [
        "Set(SPLIT_PICK=${SHIFT(SPLIT_BRANCHES,-)})",
        f'GotoIf($["${{SPLIT_PICK}}" = "1"]?{a})',
        f'GotoIf($["${{SPLIT_PICK}}" = "2"]?{b})',
        f'GotoIf($["${{SPLIT_PICK}}" = "3"]?{c})',
        "Set(SPLIT_DRAW=${RAND(1,100)})",
        f"GotoIf($[${{SPLIT_DRAW}} <= 50]?{a})",
        f"GotoIf($[${{SPLIT_DRAW}} <= 80]?{b})",
        f"Goto({c})",
        block[8],
    ]
    assert not block[8].startswith(("GotoIf", "Goto(")), "nothing else decides the branch"


def test_the_command_line_takes_branches_and_reports_the_distribution(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["simulate", str(EXAMPLE), "--split", "2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == [
        "start",
        "welcome",
        "share",
        "branch_office",
        "branch_message",
    ]
    assert main(["simulate", str(EXAMPLE), "--distribution", "3000", "--split-seed", "5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == ["share 分支1", "share 分支2"]
    assert "设定70%" in lines[0] and "设定30%" in lines[1]
    assert main(["simulate", str(EXAMPLE), "--distribution", "3000", "--json"]) == 0
    shares = json.loads(capsys.readouterr().out)
    assert [(s["node"], s["branch"], s["weight"]) for s in shares] == [("share", 1, 70), ("share", 2, 30)]
    assert sum(s["calls"] for s in shares) == 3000 and abs(shares[0]["share"] - 0.7) < 0.04


@pytest.mark.skipif(not LINTER.exists(), reason="asterisklint not installed")
def test_the_example_renders_a_dialplan_that_lints_clean(tmp_path: Path) -> None:
    plan = compile_plan("400-622-8300", None, load_flow(EXAMPLE.read_text(encoding="utf-8")))
    path = tmp_path / "extensions.conf"
    path.write_text(render_asterisk(plan), encoding="utf-8")
    proc = subprocess.run(
        [str(LINTER), "dialplan-check", str(path)], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
