"""The caller-area table and the mailboxes, as a real Asterisk holds them after the agent provisioned them.

The table is loaded into AstDB once per data version: a second load on the same node sends nothing; a
mobile caller's segment then resolves to the same area code as in the simulator. Every voicemail step's
mailbox exists in ``voicemail.conf`` with the plan's maximum message length.
"""

from __future__ import annotations

from pathlib import Path

from ivr_flows import AsteriskOptions
from ivr_flows.areas import mobile_segment
from telephony import AmiClient
from telephony.areas import VERSION_FAMILY, data_version, load_areas
from telephony.voicemail import render_voicemail
from tests.telephony.asterisk_instance import (
    AsteriskInstance,
    asterisk_prefix,
    free_loopback_port,
    manager_conf,
)
from tests.telephony.dialplan_checks import MODULES
from tests.telephony.test_dialplan_reload import example

USER, SECRET = "hotline-agent", "agent-secret-400"


async def test_the_area_table_is_loaded_once_per_data_version(tmp_path: Path) -> None:
    port = free_loopback_port()
    configs = {
        "extensions.conf": "[general]\nstatic = yes\nwriteprotect = yes\n",
        "manager.conf": manager_conf(port, USER, SECRET),
    }
    modules = [m for m in MODULES if m != "app_voicemail"]
    with AsteriskInstance(asterisk_prefix(), tmp_path, modules, configs) as asterisk:
        async with await AmiClient.connect("127.0.0.1", port, USER, SECRET, timeout_s=60) as ami:
            assert await load_areas(ami, "cnarea") is True
            assert await load_areas(ami, "cnarea") is False
            assert await ami.db_get(VERSION_FAMILY, "cnarea-version") == data_version()
            for caller in ("13926900000", "18612345678", "19912345678", "16601234567"):
                expected = mobile_segment(caller)
                assert expected is not None
                assert asterisk.rx(f"database get cnarea {caller[:7]}").strip() == f"Value: {expected[2]}"
            assert await ami.db_get("cnarea", "1000000") is None
        assert asterisk.log_problems() == []


async def test_every_plan_mailbox_exists_with_its_maximum_length(tmp_path: Path) -> None:
    voicemail = example("menu.flow.json", "400-622-8300")
    boxes = [s.args for s in voicemail.steps if s.op == "voicemail"]
    assert boxes, "the menu example leaves voicemail"
    text = render_voicemail([voicemail], AsteriskOptions(), "token")
    assert text == render_voicemail([voicemail], AsteriskOptions(), "token")
    (tmp_path / "etc").mkdir()
    include = tmp_path / "etc" / "hotline-voicemail.conf"
    include.write_text(text)
    port = free_loopback_port()
    reader = "[reader]\nsecret = reader-400\npermit = 127.0.0.1/255.255.255.255\nread = all\nwrite = all\n"
    configs = {
        "extensions.conf": "[general]\nstatic = yes\nwriteprotect = yes\n",
        "voicemail.conf": f'[general]\nformat = wav\n\n#include "{include}"\n',
        "manager.conf": manager_conf(port, USER, SECRET) + "\n" + reader,
    }
    with AsteriskInstance(asterisk_prefix(), tmp_path, MODULES, configs) as asterisk:
        async with await AmiClient.connect("127.0.0.1", port, "reader", "reader-400") as ami:
            users = {
                (event["VMContext"], event["VoiceMailbox"]): int(event["MaxMessageLength"])
                for event in await ami.event_list("VoicemailUsersList")
                if event["Event"] == "VoicemailUserEntry"
            }
        # Two voicemail steps (180 s and 120 s) share the number's mailbox: it takes the longer.
        assert sorted(int(a["max_length_s"]) for a in boxes) == [120, 180]
        assert users == {("hotline", "4006228300"): 180}
        assert asterisk.log_problems() == []
