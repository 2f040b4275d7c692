"""extensions.conf syntax helpers: priorities as text, and the checks that keep customer input out."""

from __future__ import annotations

import pytest

from ivr_flows import RenderError, asterisk_prompt_name
from ivr_flows.asterisk_syntax import (
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
    assert len(regex_chunks([f"0{n}" for n in range(300, 400)], anchor_end=False)) == 3
    with pytest.raises(RenderError):
        regex_chunks(["0755", "*1"], anchor_end=False)


def test_time_conditions_are_validated_before_they_are_written() -> None:
    assert hhmm(0) == "00:00" and hhmm(1439) == "23:59" and hhmm(510) == "08:30"
    assert weekdays((1, 2, 3, 4, 5, 7)) == ("mon-fri", "sun")
    target = time_goto("08:30-17:29", "mon-fri", "Asia/Shanghai", "s6")
    assert target == ",GotoIfTime(08:30-17:29,mon-fri,*,*,Asia/Shanghai?s6)"
    with pytest.raises(TimeSpecError):
        time_goto("17:30-08:30", "*", "Asia/Shanghai", "s6")
    with pytest.raises(TimeSpecError):
        time_goto("08:30-17:29", "*", "Mars/Olympus", "s6")
