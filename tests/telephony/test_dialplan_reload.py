"""The agent's dialplan path against a real Asterisk: include file replaced whole, reload through AMI.

The include file is written only when its text changes, atomically; after a reload through the manager
interface Asterisk holds exactly the rendered contexts of every plan, and nothing it logs is a warning.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ivr_flows import Dialplan, NumberPolicies, compile_plan, load_flow
from telephony import AmiClient, AmiError, render_plans, replace_file
from tests.telephony.asterisk_instance import (
    REPO,
    AsteriskInstance,
    asterisk_prefix,
    free_loopback_port,
    manager_conf,
)
from tests.telephony.dialplan_checks import MODULES, VOICEMAIL_CONF, assert_plan_loaded, rendered_priorities

USER, SECRET = "hotline-agent", "agent-secret-400"


def example(name: str, number: str) -> Dialplan:
    flow = load_flow((REPO / "ivr_flows" / "examples" / name).read_text(encoding="utf-8"))
    return compile_plan(number, NumberPolicies(max_lines=10), flow)


def test_replace_file_writes_only_changes_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "plans.conf"
    assert replace_file(path, "[a]\n") is True
    assert replace_file(path, "[a]\n") is False
    assert replace_file(path, "[b]\n") is True
    assert path.read_text() == "[b]\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plans.conf"]


def test_rendered_plans_are_ordered_contexts_without_general() -> None:
    menu = example("menu.flow.json", "400-622-8300")
    hours = example("work_hours.flow.json", "400-622-8301")
    text = render_plans([hours, menu])
    assert text == render_plans([menu, hours])
    assert "[general]" not in text and "[globals]" not in text
    assert text.index("[hotline-4006228300]") < text.index("[hotline-4006228301]")


async def test_a_changed_plan_file_is_reloaded_through_the_manager(tmp_path: Path) -> None:
    menu = example("menu.flow.json", "400-622-8300")
    hours = example("work_hours.flow.json", "400-622-8301")
    (tmp_path / "etc").mkdir()
    include = tmp_path / "etc" / "hotline-plans.conf"
    assert replace_file(include, render_plans([menu]))
    port = free_loopback_port()
    configs = {
        "extensions.conf": f'[general]\nstatic = yes\nwriteprotect = yes\n\n[globals]\n\n#include "{include}"\n',
        "voicemail.conf": VOICEMAIL_CONF,
        "manager.conf": manager_conf(port, USER, SECRET),
    }
    asterisk = AsteriskInstance(asterisk_prefix(), tmp_path, MODULES, configs)
    with asterisk:
        assert_plan_loaded(asterisk, rendered_priorities(render_plans([menu])))
        assert "There is no existence of 'hotline-4006228301'" in asterisk.rx(
            "dialplan show hotline-4006228301"
        )

        with pytest.raises(AmiError, match="Authentication failed"):
            await AmiClient.connect("127.0.0.1", port, USER, "wrong-secret")

        async with await AmiClient.connect("127.0.0.1", port, USER, SECRET) as ami:
            assert replace_file(include, render_plans([menu])) is False
            text = render_plans([menu, hours])
            assert replace_file(include, text) is True
            await ami.reload_dialplan()
        expected = rendered_priorities(text)
        assert {"hotline-4006228300", "hotline-4006228301", "hotline-4006228301-calendar"} <= set(expected)
        assert_plan_loaded(asterisk, expected)
        assert asterisk.log_problems() == []
    assert asterisk.exit_code == 0
