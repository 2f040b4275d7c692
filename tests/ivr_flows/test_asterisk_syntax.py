"""extensions.conf syntax helpers: priorities as text, and the checks that keep customer input out."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ivr_flows import RenderError, asterisk_prompt_name
from ivr_flows.asterisk_syntax import (
    PATTERN_CHARS,
    Context,
    Extension,
    comment,
    digits,
    hhmm,
    labelled,
    line,
    regex_chunks,
    time_goto,
    weekdays,
)
from ivr_flows.timespec import TimeSpecError


def test_priorities_and_extensions_format_like_extensions_conf() -> None:
    ext = Extension(
        "s",
        [
            line("Answer", note="step 1"),
            line("Playback", "hotline/welcome", label="prompt"),
            labelled("s3", line("Hangup", "16")),
        ],
    )
    assert ext.text() == (
        "exten => s,1,Answer() ; step 1\n same => n(prompt),Playback(hotline/welcome)\n same => n(s3),Hangup(16)"
    )
    assert Extension("t").text() == "" and Context("x").extensions == []
    assert line("NoOp", label="", note="") == ",NoOp()" and labelled(None, ",Goto(s1)") == ",Goto(s1)"


def test_values_are_checked_or_reduced_before_they_are_written() -> None:
    assert digits("02088886666") == "02088886666"
    for bad in ("020-8888", "１２３", "", "1;2"):
        with pytest.raises(RenderError):
            digits(bad)
    assert comment("node:a,b;c$[d]\n广州") == "node:a_b_c__d__广州"
    assert len(comment("x" * 100)) == 60
    assert asterisk_prompt_name("welcome_1") == "welcome_1"
    assert asterisk_prompt_name("a;b").startswith("x-") and len(asterisk_prompt_name("a;b")) == 22
    assert regex_chunks(["020", "unknown"], anchor_end=True) == ["^(020|unknown)$"]
    with pytest.raises(RenderError):
        regex_chunks(["0755", "*1"], anchor_end=False)


def test_value_patterns_are_prefix_trees_a_call_compiles_quickly() -> None:
    # A run of numbers shares its digits: a hundred 4-digit codes are one short pattern.
    assert regex_chunks([f"0{n}" for n in range(300, 400)], anchor_end=False) == ["^03[0-9][0-9]"]
    assert regex_chunks([f"1380000{n:04d}" for n in range(200)], anchor_end=False) == [
        "^13800000[01][0-9][0-9]"
    ]
    # A shorter value matches whatever longer one starts with it; anchored, each must match whole.
    assert regex_chunks(["139", "1391234", "0755"], anchor_end=False) == ["^(0755|139)"]
    assert regex_chunks(["139", "1391234", "0755"], anchor_end=True) == ["^(0755|139(1234)?)$"]
    # Long lists are cut into patterns Asterisk can hold in one application argument.
    numbers = [f"1{n * 7919 % 10**10:010d}" for n in range(5000)]
    patterns = regex_chunks(numbers, anchor_end=True)
    assert len(patterns) > 1 and all(len(p) <= PATTERN_CHARS for p in patterns)


@given(
    st.lists(st.text("0123", min_size=1, max_size=6), min_size=1, max_size=80),
    st.lists(st.text("01234", max_size=8), max_size=30),
    st.booleans(),
)
def test_value_patterns_match_exactly_the_values(
    values: list[str], subjects: list[str], anchor_end: bool
) -> None:
    """Python's re reads these POSIX patterns (groups, classes, ``?``) as glibc does."""
    patterns = [re.compile(p) for p in regex_chunks(values, anchor_end)]
    for subject in [*subjects, *values, *(v + "1" for v in values), *(v[:-1] for v in values)]:
        wanted = subject in values if anchor_end else any(subject.startswith(v) for v in values)
        assert any(p.search(subject) for p in patterns) == wanted, (values, subject)


def test_time_conditions_are_validated_before_they_are_written() -> None:
    assert hhmm(0) == "00:00" and hhmm(1439) == "23:59" and hhmm(510) == "08:30"
    assert weekdays((1, 2, 3, 4, 5, 7)) == ("mon-fri", "sun")
    target = time_goto("08:30-17:29", "mon-fri", "Asia/Shanghai", "s6")
    assert target == ",GotoIfTime(08:30-17:29,mon-fri,*,*,Asia/Shanghai?s6)"
    with pytest.raises(TimeSpecError):
        time_goto("17:30-08:30", "*", "Asia/Shanghai", "s6")
    with pytest.raises(TimeSpecError):
        time_goto("08:30-17:29", "*", "Mars/Olympus", "s6")
