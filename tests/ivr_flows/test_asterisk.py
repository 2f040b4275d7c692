"""Asterisk rendering: lints clean with asterisklint, escapes everything, and agrees with the simulator."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ivr_flows import (
    AsteriskOptions,
    Dialplan,
    NumberPolicies,
    RenderError,
    asterisk_prompt_name,
    compile_plan,
    load_flow,
    render_asterisk,
)
from ivr_flows.builder import FlowBuilder, tts
from ivr_flows.schedules import evaluate
from ivr_flows.timespec import TimeSpecError, parse_timespec, weekday_ranges

EXAMPLES = Path(__file__).resolve().parents[2] / "ivr_flows" / "examples"
LINTER = Path(sys.executable).parent / "asterisklint"


def lint(text: str, tmp_path: Path) -> tuple[int, str]:
    """Run asterisklint's dialplan-check on ``text`` as an extensions.conf (it reports on stderr)."""
    path = tmp_path / "extensions.conf"
    path.write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [str(LINTER), "dialplan-check", str(path)], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    return proc.returncode, proc.stdout + proc.stderr


def example(name: str) -> Dialplan:
    flow = load_flow((EXAMPLES / name).read_text(encoding="utf-8"))
    policies = NumberPolicies(
        caller_list={"mode": "black", "entries": ["13800138000", "0755"]},
        areas={"allowed": ["广东", "北京", "unknown"], "refused": ["0756"]},
        max_lines=10,
    )
    return compile_plan("400-622-8300", policies, flow)


def test_linter_is_real(tmp_path: Path) -> None:
    bad = "[general]\n\n[globals]\n\n[x]\nexten => s,1,NoSuchApp(1)\n same => n,Goto(missing,s,1)\n"
    code, report = lint(bad, tmp_path)
    assert code == 1 and "E_APP_MISSING" in report and "E_DP_GOTO_NOCONTEXT" in report


@pytest.mark.parametrize("name", ["menu.flow.json", "work_hours.flow.json"])
def test_examples_lint_clean(name: str, tmp_path: Path) -> None:
    text = render_asterisk(example(name))
    code, report = lint(text, tmp_path)
    assert code == 0, report


def test_rendering_uses_the_production_idioms() -> None:
    menu = render_asterisk(example("menu.flow.json"))
    assert "Progress()" in menu and ",noanswer)" in menu
    assert "Background(hotline/" in menu and "WaitExten(5)" in menu
    assert re.search(r"^exten => i,1,Set\(RETRY_\d+=", menu, re.M) and re.search(
        r"^exten => t,1,", menu, re.M
    )
    assert "Dial(PJSIP/02088886666@carrier,20)" in menu and '${DIALSTATUS}" = "BUSY"' in menu
    assert "MixMonitor(${UNIQUEID}.wav,b)" in menu and "VoiceMail(4006228300@hotline,s)" in menu
    assert "Dial(${TARGETS:1},${RING_WAIT})" in menu and "Hangup(17)" in menu
    assert "GROUP_COUNT(4006228300@hotline)} > 10" in menu
    hours = render_asterisk(example("work_hours.flow.json"))
    assert "GotoIfTime(08:30-17:29,mon-fri,*,*,Asia/Shanghai?" in hours
    assert "GotoIfTime(08:30-11:59,sat,*,*,Asia/Shanghai?" in hours
    # The day table: National Day is a holiday, the Saturday worked after it a make-up workday.
    kinds = dict(re.findall(r'REGEX\("([^"]+)" \$\{TODAY\}\)\}\]\?Set\(DAYKIND=(\w+)\)', hours))
    tables = {kind: pattern for pattern, kind in kinds.items()}
    assert re.search(tables["holiday"], "20261001") and not re.search(tables["holiday"], "20261010")
    assert re.search(tables["workday"], "20261010") and not re.search(tables["workday"], "20261001")


def test_channel_template_is_configurable(tmp_path: Path) -> None:
    text = render_asterisk(example("menu.flow.json"), AsteriskOptions(channel="SIP/trunk-ct/{number}"))
    assert "Dial(SIP/trunk-ct/02088886666,20)" in text
    assert lint(text, tmp_path)[0] == 0


ALLOWANCE_CHECK = [
    " same => n,Set(ALLOWANCE=)",
    " same => n,ExecIf(${DB_EXISTS(hotline-allowance/4006228300)}?Set(ALLOWANCE=${FILTER(0123456789,${DB_RESULT})}))",
    ' same => n,GotoIf($["${ALLOWANCE}" != "" & 0${ALLOWANCE} = 0]?exhausted)',
    " same => n,Set(DIAL_LIMIT=)",
    ' same => n,ExecIf($["${ALLOWANCE}" != ""]?Set(DIAL_LIMIT=S(${ALLOWANCE})))',
]
EXHAUSTED = [
    " same => n(exhausted),UserEvent(HotlinePrompt,Prompt: sys-suspended)",
    " same => n,Progress()",
    " same => n,Playback(hotline/sys-suspended,noanswer)",
    " same => n,Hangup(21)",
]


CALL_EVENT = " same => n,UserEvent(HotlineCall,Number: 4006228300,Area: ${CALLER_AREA},Category: ${FILTER(a-z,${CATEGORY})})"
MENU_FLOW = (EXAMPLES / "menu.flow.json").read_text(encoding="utf-8")


def test_the_call_allowance_is_read_only_when_a_family_is_given(tmp_path: Path) -> None:
    plan = example("menu.flow.json")
    plain = render_asterisk(plan)
    assert "ALLOWANCE" not in plain and "DIAL_LIMIT" not in plain and "exhausted" not in plain
    assert render_asterisk(plan, AsteriskOptions(allowance_db_family="")) == plain
    limited = render_asterisk(plan, AsteriskOptions(allowance_db_family="hotline-allowance"))
    assert lint(limited, tmp_path)[0] == 0
    lines = limited.splitlines()
    # Read once on entry, after the caller normalisation and the call's event (a refused call still
    # reports the caller's area).
    assert lines.index("exten => s,1,Gosub(hotline-4006228300-caller,s,1)") == lines.index(CALL_EVENT) - 1
    entry = lines.index(CALL_EVENT) + 1
    assert lines[entry : entry + len(ALLOWANCE_CHECK)] == ALLOWANCE_CHECK
    assert limited.count("DB_EXISTS(") == 1
    # A balance that is exhausted: the platform's suspended announcement as early media, then "rejected";
    # the block closes extension s (every step before it ends in a Goto or Hangup).
    ending = lines.index("exten => h,1,StopMixMonitor()")
    assert lines[ending - len(EXHAUSTED) : ending] == EXHAUSTED
    # Every Dial() is limited by the option set on entry.
    dials = re.findall(r"Dial\((.*)\)$", limited, re.M)
    assert len(dials) == 4 and all(d.endswith(",${DIAL_LIMIT}") for d in dials)
    assert "Dial(${TARGETS:1},${RING_WAIT},${DIAL_LIMIT})" in limited
    # And nothing else differs from the text without a family.
    rest = lines[:entry] + lines[entry + len(ALLOWANCE_CHECK) : ending - len(EXHAUSTED)] + lines[ending:]
    assert [line.replace(",${DIAL_LIMIT})", ")") for line in rest] == plain.splitlines()
    with pytest.raises(RenderError):
        render_asterisk(plan, AsteriskOptions(allowance_db_family="a/b"))
    # A plan that rings nobody bridges no call: a suspended number keeps its own announcement, and so
    # does a reclaimed one (您拨打的号码是空号).
    for status in ("suspended", "reclaimed"):
        ending = compile_plan("400-622-8300", NumberPolicies(status=status), load_flow(MENU_FLOW))
        assert all(s.op != "dial" for s in ending.steps)
        limited = render_asterisk(ending, AsteriskOptions(allowance_db_family="hotline-allowance"))
        assert limited == render_asterisk(ending)


def test_a_ringback_dial_keeps_its_tone_and_gets_the_limit() -> None:
    flow = (
        FlowBuilder("f", "彩铃")
        .node("start", "start")
        .node(
            "d",
            "dial",
            destinations=[{"number": "020-8888-6666", "wait_s": 30}],
            ringback={"prompt": "media-7"},
        )
        .edge("start", "next", "d")
        .build()
    )
    plan = compile_plan("4006228300", None, flow)
    assert "Dial(PJSIP/02088886666@carrier,30,m(ringback-media-7))" in render_asterisk(plan)
    limited = render_asterisk(plan, AsteriskOptions(allowance_db_family="hotline-allowance"))
    assert "Dial(PJSIP/02088886666@carrier,30,m(ringback-media-7)${DIAL_LIMIT})" in limited


@pytest.mark.parametrize(
    "channel", ["PJSIP/carrier", "PJSIP/{number},r", "PJSIP/{number}@a;b", "X/${EVIL}/{number}"]
)
def test_unsafe_channel_templates_are_refused(channel: str) -> None:
    with pytest.raises(RenderError):
        render_asterisk(example("menu.flow.json"), AsteriskOptions(channel=channel))


NASTY = "a,b;c|d$[e]${f}\n[g]"


def test_nothing_from_customers_reaches_the_dialplan_unescaped(tmp_path: Path) -> None:
    flow = (
        FlowBuilder(NASTY, NASTY)
        .node("start", "start")
        .node(NASTY, "play", prompt={"prompt": NASTY})
        .node("m;1", "menu", prompt=tts(NASTY), invalid_prompt={"prompt": "x|y"})
        .node("d,1", "dial", destinations=[{"number": "138-1234-5678", "wait_s": 55, "name": NASTY}])
        .node("vm\n2", "voicemail", mailbox="1;2,3", greeting={"prompt": "$[1+1]"})
        .edge("start", "next", NASTY)
        .edge(NASTY, "next", "m;1")
        .edge("m;1", "digit:1", "d,1")
        .edge("m;1", "digit:#", "vm\n2")
        .edge("m;1", "digit:*", "vm\n2")
        .edge("d,1", "no_answer", "vm\n2")
        .build()
    )
    text = render_asterisk(compile_plan("4006228300", None, flow))
    code, report = lint(text, tmp_path)
    assert code == 0, report
    for bad in (NASTY, "a,b", "$[e]", "x|y", "1;2", "$[1+1]", "m;1", "d,1"):
        assert bad not in text
    assert asterisk_prompt_name(NASTY).startswith("x-") and asterisk_prompt_name("welcome_1") == "welcome_1"
    assert re.search(r"^exten => #,1,Goto\(", text, re.M) and re.search(r"^exten => \*,1,Goto\(", text, re.M)
    for line in text.splitlines():
        assert line == "" or line.startswith((";", "[", "exten => ", " same => ", "static=", "writeprotect="))


def test_rendering_is_deterministic_and_survives_a_json_round_trip() -> None:
    plan = example("menu.flow.json")
    again = Dialplan.from_json(plan.to_json())
    assert render_asterisk(plan) == render_asterisk(example("menu.flow.json")) == render_asterisk(again)


# time specs --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "spec",
    [
        "08:30-17:29,mon-fri,*,*,Asia/Shanghai",
        "*,*,*,*",
        "00:00-23:59,sat&sun,1-15,jan-mar",
        "12:00-12:00,tue,*,*",
    ],
)
def test_valid_time_specs_parse(spec: str) -> None:
    parse_timespec(spec)


@pytest.mark.parametrize(
    "spec",
    [
        "25:00-26:00,*,*,*",
        "8:30-17:30,*,*,*",
        "17:30-08:30,*,*,*",
        "08:30-17:30,mon-fro,*,*",
        "08:30-17:30,fri-mon,*,*",
        "08:30-17:30,*,0-31,*",
        "08:30-17:30,*,*,january",
        "08:30-17:30,*,*,*,Mars/Olympus",
        "08:30-17:30,mon-fri",
    ],
)
def test_invalid_time_specs_are_rejected(spec: str) -> None:
    with pytest.raises(TimeSpecError):
        parse_timespec(spec)


def test_weekday_ranges() -> None:
    assert weekday_ranges([1, 2, 3, 4, 5]) == ["mon-fri"]
    assert weekday_ranges([1, 3, 6, 7]) == ["mon", "wed", "sat-sun"]
    assert weekday_ranges(list(range(1, 8))) == ["*"]


def test_goto_if_time_agrees_with_the_simulator_minute_by_minute() -> None:
    flow = (
        FlowBuilder()
        .node("start", "start")
        .node(
            "ts",
            "time_switch",
            schedule={
                "windows": [
                    {"days": [1, 2, 3, 4, 5], "start": "08:30", "end": "17:30"},
                    {"days": [5, 6], "start": "22:00", "end": "02:15"},
                    {"days": [7], "start": "00:00", "end": "24:00"},
                ],
                "observe_holidays": False,
            },
        )
        .node("open", "hangup")
        .node("closed", "hangup", cause="busy")
        .edge("start", "next", "ts")
        .edge("ts", "match", "open")
        .edge("ts", "else", "closed")
        .build()
    )
    plan = compile_plan("4006228300", None, flow)
    text = render_asterisk(plan)
    specs = [parse_timespec(m) for m in re.findall(r"GotoIfTime\(([^?]+)\?", text)]
    step = next(s for s in plan.steps if s.op == "time_switch")
    segments = [(s["days"], s["start"], s["end"]) for s in step.args["segments"]]
    monday = dt.datetime(2026, 3, 2)
    for minute in range(0, 7 * 24 * 60, 1):
        when = monday + dt.timedelta(minutes=minute)
        simulated, _ = evaluate(
            segments=segments, exceptions={}, observe_holidays=False, makeup=[], day_table={}, when=when
        )
        assert any(spec.matches(when) for spec in specs) == simulated, when
