"""R1: what a 400 number is, one rule for the compiler and the API."""

from __future__ import annotations

import pytest

from ivr_flows import CARRIER_PREFIXES, Invalid400Number, compile_plan, load_flow, parse_400_number
from ivr_flows.builder import FlowBuilder

FLOW = FlowBuilder().node("start", "start").node("bye", "hangup").edge("start", "next", "bye").build()


@pytest.mark.parametrize(
    ("raw", "digits"),
    [
        ("4006001234", "4006001234"),
        ("400-600-1234", "4006001234"),
        (" 400 600 1234 ", "4006001234"),
        ("(400) 600.1234", "4006001234"),
        ("400–600–1234", "4006001234"),
    ],
)
def test_parse_accepts_the_ways_people_write_numbers(raw: str, digits: str) -> None:
    assert parse_400_number(raw) == digits


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("400600123", "400号码应为10位数字"),
        ("40060012345", "400号码应为10位数字"),
        ("4002001234", "号码须以4000、4001、4006、4007、4008或4009开头"),
        ("8006001234", "号码须以4000、4001、4006、4007、4008或4009开头"),
        ("400600123a", "号码只能包含数字和分隔符"),
        ("４００６００１２３４", "号码只能包含数字和分隔符"),
    ],
)
def test_parse_refuses_with_a_specific_reason(raw: str, message: str) -> None:
    with pytest.raises(Invalid400Number) as caught:
        parse_400_number(raw)
    assert caught.value.message == message and caught.value.raw == raw
    assert isinstance(caught.value, ValueError)
    assert message in repr(caught.value)


def test_every_carrier_head_is_a_400_number() -> None:
    assert sorted(CARRIER_PREFIXES) == ["4000", "4001", "4006", "4007", "4008", "4009"]
    assert set(CARRIER_PREFIXES.values()) == {"unicom", "mobile", "telecom"}


@pytest.mark.parametrize("raw", ["(400) 622.8300", "400–622–8300"])
def test_the_compiler_takes_every_spelling_the_api_takes(raw: str) -> None:
    assert compile_plan(raw, None, FLOW).number == "4006228300"


@pytest.mark.parametrize("raw", ["8008108888", "4002228300"])
def test_the_compiler_refuses_what_is_not_a_400_number(raw: str) -> None:
    with pytest.raises(Invalid400Number):
        compile_plan(raw, None, load_flow(FLOW.model_dump()))
