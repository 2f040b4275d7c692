"""R1: what a 400 number is, who carries it, and how good its digits are."""

from __future__ import annotations

import pytest

from api.numbers.numbering import (
    Carrier,
    Grade,
    InvalidNumber,
    carrier_of,
    format_number,
    grade_of,
    parse_number,
)


@pytest.mark.parametrize(
    ("raw", "digits"),
    [("4006001234", "4006001234"), ("400-600-1234", "4006001234"), (" 400 600 1234 ", "4006001234")],
)
def test_parse_accepts_the_ways_people_write_numbers(raw: str, digits: str) -> None:
    assert parse_number(raw) == digits


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
    with pytest.raises(InvalidNumber) as caught:
        parse_number(raw)
    assert caught.value.message == message


@pytest.mark.parametrize(
    ("number", "carrier"),
    [
        ("4000123456", Carrier.UNICOM),
        ("4006123456", Carrier.UNICOM),
        ("4001123456", Carrier.MOBILE),
        ("4007123456", Carrier.MOBILE),
        ("4008123456", Carrier.TELECOM),
        ("4009123456", Carrier.TELECOM),
    ],
)
def test_carrier_follows_the_prefix(number: str, carrier: Carrier) -> None:
    assert carrier_of(number) == carrier


def test_display_format() -> None:
    assert format_number("4006228300") == "400-622-8300"


@pytest.mark.parametrize(
    ("number", "grade"),
    [
        ("4006128888", Grade.AAAA),
        ("4006120000", Grade.AAAA),
        ("4006121234", Grade.ABCD),
        ("4006129876", Grade.ABCD),
        ("4006126688", Grade.AABB),
        ("4006121212", Grade.ABAB),
        ("4006124666", Grade.AAA),
        ("4008881357", Grade.EIGHTS),
        ("4006128883", Grade.EIGHTS),
        ("4006121357", Grade.ORDINARY),
        ("4006121213", Grade.ORDINARY),
    ],
)
def test_grade_from_digit_pattern(number: str, grade: Grade) -> None:
    assert grade_of(number) == grade
