"""Every registered node type is complete: editor definition, rules, compiler, simulator, Asterisk, examples, docs.

Adding a node type means declaring it once in :mod:`ivr_flows.nodes`; these checks name what a new type
still lacks (``docs/node-types.md`` is the checklist they enforce).
"""

from __future__ import annotations

import json
import re
import typing
from pathlib import Path
from typing import Any

import pytest

from ivr_flows import compile_plan, load_flow, simulate
from ivr_flows.asterisk_steps import StepLines
from ivr_flows.compiler import flow_digest
from ivr_flows.model import EXITS, Node, exits_of
from ivr_flows.nodes import GROUP_NAMES, KINDS, NodeKind, kind_of
from ivr_flows.nodes.export import node_types_document, node_types_json, property_fields
from ivr_flows.simulator import _Run
from tests.ivr_flows import module_examples

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "ivr_flows" / "examples").glob("*.flow.json"))
DOCS = (REPO / "docs" / "dialplan.md").read_text(encoding="utf-8")
CJK = re.compile(r"[\u4e00-\u9fff]")
IDS = [k.type for k in KINDS]


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_each_type_names_itself_to_designers_in_chinese(kind: NodeKind) -> None:
    assert CJK.search(kind.name) and CJK.search(kind.hint)
    assert kind.group in GROUP_NAMES
    assert kind.icon.endswith("Outlined")
    assert re.fullmatch(r"#[0-9a-f]{6}", kind.color)
    for exit_spec in kind.exits:
        assert CJK.search(exit_spec.label), exit_spec
    if kind.key_exits is not None:
        assert "{key}" in kind.key_exits.label and kind.key_exits.keys


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_each_property_has_a_label_a_widget_and_named_choices(kind: NodeKind) -> None:
    fields = property_fields(kind)  # raises FieldError for a property the editor could not show
    for f in fields:
        assert CJK.search(f["label"]), f
        for option in f.get("options", ()):
            assert CJK.search(option["label"]), option
    names = {f["name"] for f in fields}
    assert set(kind.card) <= names, "the card shows properties the type has"
    if kind.key_exits is not None:
        assert kind.key_exits.prop in names


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_a_node_fresh_from_the_palette_loads(kind: NodeKind) -> None:
    node = {"id": "n", "type": kind.type, "props": dict(kind.defaults)}
    start = [] if kind.type == "start" else [{"id": "start", "type": "start"}]
    flow = load_flow({"format_version": 1, "nodes": [*start, node], "edges": []})
    assert flow.node_map()["n"].type == kind.type


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_each_type_has_rules_a_compiler_and_runtimes_for_its_ops(kind: NodeKind) -> None:
    assert callable(kind.check) and callable(kind.compile)
    assert kind.ops
    for op in kind.ops:
        assert callable(getattr(_Run, f"op_{op}", None)), f"the simulator cannot run {op!r}"
        assert callable(getattr(StepLines, f"op_{op}", None)), f"Asterisk rendering lacks {op!r}"


def test_the_document_union_holds_exactly_the_registered_types() -> None:
    union = typing.get_args(typing.get_args(Node)[0])
    assert {m for m in union} == {k.model for k in KINDS}
    assert list(EXITS) == IDS
    assert exits_of("menu") >= {"digit:1", "digit:#", "timeout", "invalid"}
    assert kind_of("fax") is None and exits_of("fax") == frozenset()


def _visited_types(path: Path) -> set[str]:
    flow = load_flow(path.read_text(encoding="utf-8"))
    modules = module_examples.MODULES
    plan = compile_plan("4006228300", None, flow, modules=modules)
    by_id = module_examples.node_types(flow, modules)  # a module's nodes are inlined as <caller>/<node>
    seen: set[str] = set()
    for case in flow.tests:
        seen |= {by_id[n] for n in simulate(plan, case.call).path if n in by_id}
    return seen


def test_every_type_is_called_in_an_example_flow_that_the_call_lab_runs_through_asterisk() -> None:
    # tests/telephony/test_flow_cases_agree.py calls every test case of these examples through a real
    # Asterisk with the call lab and compares it with the simulator (the module examples too).
    covered = set().union(*(_visited_types(p) for p in (*EXAMPLES, *module_examples.FLOWS)))
    assert set(IDS) <= covered, f"no example flow case goes through {sorted(set(IDS) - covered)}"


def test_every_type_is_documented_with_its_exits_and_ops() -> None:
    section = DOCS[DOCS.index("## Node types") :]
    for kind in KINDS:
        row = re.search(rf"^\| `{kind.type}` \|(.*)$", section, re.M)
        assert row, f"docs/dialplan.md has no row for {kind.type}"
        for name in (*kind.exit_names, *kind.ops):
            assert f"`{name}`" in row.group(1), (kind.type, name)


def test_the_exported_definitions_are_what_the_registry_says() -> None:
    doc = node_types_document()
    assert [k["type"] for k in doc["kinds"]] == IDS
    assert json.loads(node_types_json()) == doc
    assert (REPO / "node-types.json").read_text(encoding="utf-8") == node_types_json()
    menu = next(k for k in doc["kinds"] if k["type"] == "menu")
    timeout: dict[str, Any] = next(f for f in menu["fields"] if f["name"] == "timeout_s")
    assert (timeout["min"], timeout["max"], timeout["unit"]) == (1, 60, "秒")


def test_a_menus_ticked_keys_survive_a_reload_and_change_no_plan() -> None:
    doc = json.loads((REPO / "ivr_flows" / "examples" / "menu.flow.json").read_text(encoding="utf-8"))
    menu = next(n for n in doc["nodes"] if n["type"] == "menu")
    before = load_flow(doc)
    menu["props"]["keys"] = ["1", "2", "9"]
    after = load_flow(json.dumps(doc))
    reloaded = load_flow(after.model_dump_json())
    assert reloaded.node_map()[menu["id"]].props.keys == ["1", "2", "9"]  # type: ignore[union-attr]
    assert flow_digest(after) == flow_digest(before)
    assert compile_plan("4006228300", None, after).etag == compile_plan("4006228300", None, before).etag
