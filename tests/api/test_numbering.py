"""R1: who carries a 400 number and how good its digits are (what one is: tests/ivr_flows/test_hotlines.py)."""

from __future__ import annotations

import pytest

from api.numbers.numbering import Carrier, Grade, carrier_of, format_number, grade_of


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
