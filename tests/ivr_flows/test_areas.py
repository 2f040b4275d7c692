"""Caller areas for R14: landlines by area code, mobiles by segment (including 166/173/19x)."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from ivr_flows.areas import UNKNOWN, CallerArea, area_for_code, resolve_caller
from ivr_flows.dialplan import Step
from ivr_flows.simulator import Event


@pytest.mark.parametrize(
    ("raw", "province", "city", "code"),
    [
        ("010-6552 9988", "北京", "北京", "010"),
        ("021 6321 5588", "上海", "上海", "021"),
        ("+86 20 8888 6666", "广东", "广州", "020"),
        ("0755-8888 6666", "广东", "深圳", "0755"),
        ("0756-2222222", "广东", "珠海", "0756"),
        ("0571-8888 6666", "浙江", "杭州", "0571"),
        ("0771-5555 666", "广西", "南宁", "0771"),
        ("0991-1234567", "新疆", "乌鲁木齐", "0991"),
        ("17951 028 8888 6666", "四川", "成都", "028"),
    ],
)
def test_landlines_resolve_by_area_code(raw: str, province: str, city: str, code: str) -> None:
    area = resolve_caller(raw)
    assert (area.kind, area.province, area.city, area.area_code) == ("landline", province, city, code)


@pytest.mark.parametrize(
    ("raw", "province", "city", "code"),
    [
        ("13812345678", "江苏", "连云港", "0518"),
        ("+86 166 1234 5678", "重庆", "重庆", "023"),
        ("19912345678", "河北", "唐山", "0315"),
        ("17312345678", "江苏", "连云港", "0518"),
    ],
)
def test_mobiles_resolve_by_segment_including_new_segments(
    raw: str, province: str, city: str, code: str
) -> None:
    area = resolve_caller(raw)
    assert (area.kind, area.province, area.city, area.area_code) == ("mobile", province, city, code)
    assert area.carrier


@pytest.mark.parametrize("raw", ["", "anonymous", "+85291234567", "4006228300", "88886666", "0123 4567890"])
def test_unplaceable_callers_resolve_to_unknown(raw: str) -> None:
    area = resolve_caller(raw)
    assert area.area_code == UNKNOWN and area.province == UNKNOWN and not area.known


def test_area_for_code_rejects_unallocated_codes() -> None:
    assert area_for_code("0123") is None
    assert area_for_code("abc") is None
    assert area_for_code("0898") == ("海南", "海口")


def test_hand_written_initialisers_keep_the_dataclass_contract() -> None:
    """Event, CallerArea and Step write their slots directly for speed; they must stay the same dataclasses."""
    cases = (
        (Event, (1.5, "hear", "node:a")),
        (CallerArea, ("13812345678", "mobile")),
        (Step, ("s", "start", {})),
    )
    for cls, args in cases:
        names = [f.name for f in dataclasses.fields(cls)]
        assert list(inspect.signature(cls).parameters) == names
        defaults = [
            f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
            for f in dataclasses.fields(cls)
        ][len(args) :]
        made = cls(*args)  # type: ignore[arg-type]
        assert [getattr(made, n) for n in names] == [*args, *defaults]
        assert made == cls(*args)  # type: ignore[arg-type]
        if cls is not Step:  # a step holds dicts: never hashable, before or after
            assert hash(made) == hash(cls(*args))  # type: ignore[arg-type]
        assert dataclasses.replace(made, **{names[0]: args[0]}) == made
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(made, names[-1], "x")
    assert Step("a", "start", {}).next is not Step("a", "start", {}).next  # each step its own table
