"""The flow model's own definitions: which exits each node has and which prompts it plays."""

from __future__ import annotations

import pytest

from ivr_flows import DIAL_FAILURE_EXITS, EXITS, MENU_DIGIT_EXITS, exits_of, load_flow, prompts_played
from ivr_flows.builder import FlowBuilder, tts
from ivr_flows.model import exit_is_valid


def test_menus_have_a_digit_exit_per_key_besides_timeout_and_invalid() -> None:
    assert exits_of("menu") == {"timeout", "invalid", *(f"digit:{k}" for k in "0123456789*#")}
    assert set(MENU_DIGIT_EXITS) < exits_of("menu")
    assert exit_is_valid("menu", "digit:#") and not exit_is_valid("menu", "digit:a")
    assert not exit_is_valid("play", "digit:1")


@pytest.mark.parametrize("node_type", sorted(EXITS))
def test_exits_of_a_node_type_are_its_fixed_exits_plus_menu_keys(node_type: str) -> None:
    # exits of list entries (a split's branches, a condition's rules) depend on the node: node_has_exit
    extra = set(MENU_DIGIT_EXITS) if node_type == "menu" else set()
    assert exits_of(node_type) == set(EXITS[node_type]) | extra
    assert exits_of("teleport") == frozenset()


def test_a_dial_fails_over_on_busy_no_answer_and_failure() -> None:
    assert DIAL_FAILURE_EXITS == ("busy", "no_answer", "failed")


def test_prompts_a_flow_plays_in_every_node_that_plays_one() -> None:
    b = FlowBuilder().node("start", "start")
    b.node("hello", "play", prompt={"prompt": "media-1"})
    b.node("menu", "menu", prompt={"prompt": "media-2"}, invalid_prompt={"prompt": "media-3"},
           timeout_prompt=tts("请按键"))  # fmt: skip
    b.node("dial", "dial", destinations=[{"number": "13812345678"}], ringback={"prompt": "media-4"})
    b.node("vm", "voicemail", greeting={"prompt": "media-5"})
    b.node("bye", "hangup", announcement={"prompt": "media-6"})
    b.node("rec", "record").node("spare", "play", prompt={"prompt": "media-7"})  # unreachable still counts
    flow = b.build()
    assert prompts_played(flow) == {f"media-{i}" for i in range(1, 8)}
    menu = flow.node_map()["menu"]
    assert [(p.ref.prompt, p.ref.tts, p.ringback) for p in menu.prompts()] == [
        ("media-2", None, False),
        ("media-3", None, False),
        (None, "请按键", False),
    ]
    assert [p.ringback for p in flow.node_map()["dial"].prompts()] == [True]
    assert flow.node_map()["rec"].prompts() == ()


def test_early_media_plays_as_ringback() -> None:
    flow = load_flow(
        {"nodes": [{"id": "p", "type": "play", "props": {"prompt": {"prompt": "rb"}, "early_media": True}}]}
    )
    assert [p.ringback for p in flow.nodes[0].prompts()] == [True]
