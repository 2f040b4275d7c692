"""The cached Asterisk runs and loads, priority for priority, the dialplan the project's renderer writes.

The renderer is linted elsewhere (asterisklint); this asks the real engine: every context, extension,
priority, label and application call (with its arguments) of the rendered menu example is what
``dialplan show`` reports after loading, every application and function the plan calls exists in this
build, and loading (and reloading, as the telephony layer will) logs no warning or error.
"""

from __future__ import annotations

import re
from pathlib import Path

from ivr_flows import AsteriskOptions, NumberPolicies, compile_plan, load_flow, render_asterisk
from tests.telephony.asterisk_instance import REPO, AsteriskInstance, asterisk_prefix
from tests.telephony.dialplan_checks import MODULES, VOICEMAIL_CONF, assert_plan_loaded, rendered_priorities

_FUNCTION = re.compile(r"(?:\$\{|Set\()([A-Z][A-Z_]*)\(")


def rendered_menu() -> str:
    """The menu example as the telephony layer will include it: contexts only, no [general]."""
    flow = load_flow((REPO / "ivr_flows" / "examples" / "menu.flow.json").read_text(encoding="utf-8"))
    plan = compile_plan("400-622-8300", NumberPolicies(max_lines=10), flow)
    return render_asterisk(plan, AsteriskOptions(standalone=False))


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
