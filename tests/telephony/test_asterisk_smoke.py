"""The cached Asterisk runs and loads, priority for priority, the dialplan the project's renderer writes.

The renderer is linted elsewhere (asterisklint); this asks the real engine: every context, extension,
priority, label and application call (with its arguments) of the rendered menu example is what
``dialplan show`` reports after loading, every application and function the plan calls exists in this build, and loading (and reloading,
as the telephony layer will) logs no warning or error.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from ivr_flows import AsteriskOptions, NumberPolicies, compile_plan, load_flow, render_asterisk
from tests.telephony.asterisk_instance import REPO, AsteriskInstance, asterisk_prefix

#: Every module the rendered dialplan needs (the applications and functions beyond the core's own).
MODULES = [
    "pbx_config",
    "app_dial",
    "app_exec",
    "app_mixmonitor",
    "app_playback",
    "app_stack",
    "app_voicemail",
    "func_callerid",
    "func_db",
    "func_groupcount",
    "func_logic",
    "func_strings",
    "format_wav",  # voicemail messages and call recordings are written as wav
]
# Mailboxes are the telephony layer's to provision; a minimal one keeps app_voicemail quiet here.
VOICEMAIL_CONF = "[general]\nformat = wav\n\n[hotline]\n4006228300 => 0000,热线留言\n"

_SECTION = re.compile(r"^\[(?P<context>[^\]]+)\]")
# A priority's application call runs to the end of the line or to an unescaped "; comment".
_CALL = r"(?P<call>(?P<app>\w+)\(.*?\))(?:\s+(?<!\\);.*)?$"
_EXTEN = re.compile(r"^exten => (?P<ext>[^,]+),1(?:\((?P<label>\w+)\))?," + _CALL)
_SAME = re.compile(r"^ same => n(?:\((?P<label>\w+)\))?," + _CALL)
_SHOWN_CONTEXT = re.compile(r"^\[ Context '(?P<context>[^']+)' created by '(?P<registrar>[^']+)' \]")
_SHOWN_PRIORITY = re.compile(
    r"^\s*(?:'(?P<ext>[^']+)' =>)?\s*(?:\[(?P<label>[^\]]+)\])?\s*(?P<priority>\d+)\. "
    r"(?P<call>(?P<app>\w+)\(.*\))\s+\[[^\]]+:\d+\]$"
)
_FUNCTION = re.compile(r"(?:\$\{|Set\()([A-Z][A-Z_]*)\(")

#: (extension, priority, label, "App(data)")
Priority = tuple[str, int, str | None, str]


def rendered_menu() -> str:
    """The menu example as the telephony layer will include it: contexts only, no [general]."""
    flow = load_flow((REPO / "ivr_flows" / "examples" / "menu.flow.json").read_text(encoding="utf-8"))
    plan = compile_plan("400-622-8300", NumberPolicies(max_lines=10), flow)
    return render_asterisk(plan, AsteriskOptions(standalone=False))


def rendered_priorities(text: str) -> dict[str, list[Priority]]:
    """Context → (extension, priority, label, application call) as written in an extensions.conf text."""
    contexts: dict[str, list[Priority]] = defaultdict(list)
    context = ext = ""
    priority = 0
    for line in text.splitlines():
        if m := _SECTION.match(line):
            context = m["context"]
        elif m := _EXTEN.match(line):
            ext, priority = m["ext"], 1
            contexts[context].append((ext, priority, m["label"], m["call"]))
        elif m := _SAME.match(line):
            priority += 1
            contexts[context].append((ext, priority, m["label"], m["call"]))
    return dict(contexts)


def shown_priorities(output: str, context: str) -> list[Priority]:
    """The same tuples from ``dialplan show <context>``, checking the context came from extensions.conf."""
    shown: list[Priority] = []
    ext = ""
    registrars = []
    for line in output.splitlines():
        if m := _SHOWN_CONTEXT.match(line):
            registrars.append((m["context"], m["registrar"]))
        elif m := _SHOWN_PRIORITY.match(line):
            ext = m["ext"] or ext
            shown.append((ext, int(m["priority"]), m["label"], m["call"]))
    assert registrars == [(context, "pbx_config")], output
    return shown


def assert_plan_loaded(asterisk: AsteriskInstance, expected: dict[str, list[Priority]]) -> None:
    for context, priorities in expected.items():
        shown = shown_priorities(asterisk.rx(f"dialplan show {context}"), context)
        assert sorted(shown) == sorted(priorities), context


def test_cached_asterisk_loads_the_rendered_plan(tmp_path: Path) -> None:
    text = rendered_menu()
    expected = rendered_priorities(text)
    assert {"hotline-4006228300", "hotline-4006228300-m6", "hotline-4006228300-caller"} <= set(expected)
    (tmp_path / "etc").mkdir()
    include = tmp_path / "etc" / "hotline-plans.conf"
    include.write_text(text, encoding="utf-8")
    extensions = f'[general]\nstatic = yes\nwriteprotect = yes\n\n[globals]\n\n#include "{include}"\n'

    asterisk = AsteriskInstance(
        asterisk_prefix(),
        tmp_path,
        MODULES,
        {"extensions.conf": extensions, "voicemail.conf": VOICEMAIL_CONF},
    )
    with asterisk:
        assert "Asterisk 22." in asterisk.rx("core show version")
        assert_plan_loaded(asterisk, expected)

        applications = {call.split("(")[0] for priorities in expected.values() for *_, call in priorities}
        assert {"Dial", "VoiceMail", "MixMonitor", "Gosub", "ExecIf", "WaitExten"} <= applications
        for app in sorted(applications):
            # Application names are case-insensitive (the core registers "BackGround").
            shown = asterisk.rx(f"core show application {app}").lower()
            assert f"info about application '{app.lower()}'" in shown, app
        functions = set(_FUNCTION.findall(text))
        assert {"REGEX", "DB", "GROUP_COUNT", "CALLERID"} <= functions
        for function in sorted(functions):
            assert f"Info about Function '{function}'" in asterisk.rx(f"core show function {function}"), (
                function
            )

        # The telephony layer rewrites the include file and reloads: the plan must come back whole.
        asterisk.rx("dialplan reload")
        assert_plan_loaded(asterisk, expected)
        assert asterisk.log_problems() == []

    assert asterisk.exit_code == 0
    assert asterisk.log_problems() == []
