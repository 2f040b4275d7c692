"""Rendered dialplans against what a running Asterisk loaded: the modules they need, and the comparison.

A rendered ``extensions.conf`` text and ``dialplan show <context>`` are both reduced to tuples of
(extension, priority, label, application call), so a test can require that Asterisk loaded exactly what
the renderer wrote, argument for argument.
"""

from __future__ import annotations

import re
from collections import defaultdict

from tests.telephony.asterisk_instance import AsteriskInstance

#: Every module the rendered dialplan needs (the applications and functions beyond the core's own).
MODULES = [
    "pbx_config",
    "app_dial",
    "app_exec",
    "app_mixmonitor",
    "app_playback",
    "app_read",  # a collect node reads the caller's digits
    "app_stack",
    "app_userevent",  # the plan tells the telephony layer what a call does
    "app_voicemail",
    "func_callerid",
    "func_db",
    "func_groupcount",
    "func_rand",  # percentage splits draw per call
    "func_logic",
    "func_strings",
    "format_wav",  # voicemail messages and call recordings are written as wav
    "res_speech",  # res_agi needs it loaded
    "res_agi",  # an http step asks the telephony agent (FastAGI)
]
# Mailboxes are the telephony layer's to provision; a minimal one keeps app_voicemail quiet here.
VOICEMAIL_CONF = (
    "[general]\nformat = wav\n\n[hotline]\n4006228300 => 0000,热线留言\n4006228301 => 0000,热线留言\n"
)

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

#: (extension, priority, label, "App(data)")
Priority = tuple[str, int, str | None, str]


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
