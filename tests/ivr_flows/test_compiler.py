"""The compiled dialplan: deterministic, versioned, complete, and what the API can store and serve."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ivr_flows import (
    PLAN_FORMAT,
    PLAN_VERSION,
    SYSTEM_PROMPTS,
    CallSpec,
    Dialplan,
    FlowError,
    NumberPolicies,
    compile_plan,
    flow_json_schema,
    load_flow,
    simulate,
)
from ivr_flows.builder import FlowBuilder, tts
from ivr_flows.compiler import tts_prompt_id
from ivr_flows.nodes import KINDS

EXAMPLES = Path(__file__).resolve().parents[2] / "ivr_flows" / "examples"


def menu_data() -> dict[str, object]:
    return json.loads((EXAMPLES / "menu.flow.json").read_text(encoding="utf-8"))


def test_compiling_twice_gives_identical_bytes_and_etag() -> None:
    a = compile_plan("400-622-8300", None, load_flow(menu_data()))
    b = compile_plan("4006228300", None, load_flow(menu_data()))
    assert a.to_json() == b.to_json() and a.etag == b.etag
    assert a.etag.startswith('"') and len(a.etag) == 66


def test_moving_nodes_or_writing_notes_on_the_canvas_does_not_change_the_plan() -> None:
    data = menu_data()
    moved = json.loads(json.dumps(data))
    for node in moved["nodes"]:  # type: ignore[union-attr]
        node["position"] = {"x": 1, "y": 2}
        node["note"] = "客服部王经理要求:节假日改为值班手机"
    moved["tests"] = []
    assert (
        compile_plan("4006228300", None, load_flow(data)).to_json()
        == compile_plan("4006228300", None, load_flow(moved)).to_json()
    )
    too_long = json.loads(json.dumps(data))
    too_long["nodes"][0]["note"] = "备" * 501  # type: ignore[index]
    with pytest.raises(FlowError, match="备注不能超过500个字"):
        load_flow(too_long)


def test_plan_is_versioned_and_round_trips() -> None:
    plan = compile_plan("4006228300", NumberPolicies(max_lines=10), load_flow(menu_data()))
    doc = json.loads(plan.to_json())
    assert doc["format"] == PLAN_FORMAT and doc["version"] == PLAN_VERSION == 1
    assert doc["entry"] == "policy:category" and doc["number"] == "4006228300"
    assert Dialplan.from_json(plan.to_json()).to_json() == plan.to_json()
    ids = {s["id"] for s in doc["steps"]}
    for step in doc["steps"]:
        assert set(step) == {"id", "op", "node", "args", "next"}
        assert set(step["next"].values()) <= ids  # every outcome leads somewhere that exists
    with pytest.raises(ValueError, match="version"):
        Dialplan.from_dict({**doc, "version": 99})
    with pytest.raises(ValueError):
        Dialplan.from_dict({**doc, "format": "other"})


def test_missing_exits_go_to_system_steps_with_the_seeds_words() -> None:
    flow = (
        FlowBuilder()
        .node("start", "start")
        .node("d", "dial", destinations=[{"number": "13812345678", "wait_s": 55}])
        .edge("start", "next", "d")
        .build()
    )
    plan = compile_plan("4006228300", None, flow)
    dial = next(s for s in plan.steps if s.op == "dial")
    assert dial.next == {
        "answered": "sys:end",
        "busy": "sys:busy",
        "no_answer": "sys:busy",
        "failed": "sys:busy",
        "area_refused": "sys:area_busy",
    }
    assert plan.prompts["sys-busy"].text == SYSTEM_PROMPTS["sys-busy"] == "您要的电话忙"


def test_tts_prompts_get_stable_ids_and_keep_their_text() -> None:
    flow = (
        FlowBuilder().node("start", "start").node("p", "play", prompt=tts("您好")).edge("start", "next", "p")
    )
    plan = compile_plan("4006228300", None, flow.build())
    (pid,) = [p for p, v in plan.prompts.items() if v.kind == "tts"]
    assert pid.startswith("tts-") and plan.prompts[pid].text == "您好"


def test_unreachable_nodes_are_not_compiled_and_suspension_short_circuits() -> None:
    flow = load_flow(menu_data())
    suspended = compile_plan("4006228300", NumberPolicies(status="suspended"), flow)
    assert [s.id for s in suspended.steps] == ["sys:suspended"]
    assert simulate(suspended, CallSpec()).heard_texts() == ["您拨打的号码已停机"]


def test_errors_block_compilation_and_bad_numbers_are_refused() -> None:
    broken = FlowBuilder().node("p", "play", prompt=tts("x")).build()
    with pytest.raises(FlowError) as caught:
        compile_plan("4006228300", None, broken)
    assert [d.code for d in caught.value.diagnostics] == ["no_start"]
    with pytest.raises(ValueError):
        compile_plan("02088886666", None, load_flow(menu_data()))


def test_load_flow_reports_shape_errors_as_diagnostics() -> None:
    with pytest.raises(FlowError) as caught:
        load_flow({"nodes": [{"id": "x", "type": "teleport"}]})
    assert caught.value.diagnostics[0].code == "invalid_document"
    with pytest.raises(FlowError):
        load_flow("{not json")
    with pytest.raises(FlowError):
        load_flow({"nodes": [{"id": "p", "type": "play", "props": {"prompt": {"prompt": "a", "tts": "b"}}}]})


def test_json_schema_lists_every_node_type_for_the_editor() -> None:
    schema = flow_json_schema()
    assert schema == flow_json_schema()
    mapping = schema["properties"]["nodes"]["items"]["discriminator"]["mapping"]
    assert set(mapping) >= {
        "start", "play", "menu", "time_switch", "area_switch", "caller_list", "dial", "voicemail", "record", "hangup",
    }  # fmt: skip
    assert set(mapping) == {kind.type for kind in KINDS}
    assert schema["properties"]["format_version"]["const"] == 1


def test_a_plan_lists_the_prompts_its_nodes_say_they_play_plus_the_platforms_own() -> None:
    b = FlowBuilder().node("start", "start").node("hello", "play", prompt={"prompt": "media-1"})
    b.node("menu", "menu", prompt=tts("请按键"), invalid_prompt={"prompt": "media-3"})
    b.node("dial", "dial", destinations=[{"number": "13812345678", "wait_s": 55}], ringback={"prompt": "rb"})
    b.node("vm", "voicemail", greeting={"prompt": "media-5"}).node("bye", "hangup", announcement=tts("再见"))
    b.edge("start", "next", "hello").edge("hello", "next", "menu").edge("menu", "digit:1", "dial")
    b.edge("menu", "timeout", "vm").edge("menu", "invalid", "bye").edge("dial", "no_answer", "vm")
    b.edge("dial", "busy", "vm").edge("dial", "failed", "vm").edge("vm", "done", "bye")
    flow = b.build()
    plan = compile_plan("4006228300", None, flow)
    declared = {p.ref.prompt or tts_prompt_id(p.ref.tts or "") for node in flow.nodes for p in node.prompts()}
    own = {pid for pid, prompt in plan.prompts.items() if prompt.kind == "system"}
    assert set(plan.prompts) - own == declared
    # R9's refusal, the menu's default timeout prompt, R14's words when no bound phone takes the caller
    assert own == {"sys-category-refused", "sys-menu-timeout", "sys-area-busy"}
