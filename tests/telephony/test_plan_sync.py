"""The agent follows the service's plans into a real Asterisk: first sync, long-poll, a customer's change.

The service runs as its own process on loopback with a migrated database; Asterisk is the cached build
with the manager interface on loopback. Nothing is faked: the plans come over HTTP with a telephony token,
the include file is replaced on disk and the dialplan reloaded through AMI.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from telephony import AmiClient
from telephony.plan_sync import PlanSync
from telephony.service import ServiceClient, ServiceError
from tests.telephony.asterisk_instance import (
    AsteriskInstance,
    asterisk_prefix,
    free_loopback_port,
    manager_conf,
)
from tests.telephony.dialplan_checks import MODULES, VOICEMAIL_CONF, assert_plan_loaded, rendered_priorities
from tests.telephony.service_support import NUMBERS, ServiceUnderTest

USER, SECRET = "hotline-agent", "agent-secret-400"


async def test_the_agent_keeps_asterisk_on_the_services_plans(tmp_path: Path) -> None:
    service = ServiceUnderTest(tmp_path / "service")
    service.root.mkdir()
    await service.prepare()

    root = tmp_path / "asterisk"
    (root / "etc").mkdir(parents=True)
    include = root / "etc" / "hotline-plans.conf"
    include.write_text("; no plans yet\n")
    port = free_loopback_port()
    configs = {
        "extensions.conf": f'[general]\nstatic = yes\nwriteprotect = yes\n\n[globals]\n\n#include "{include}"\n',
        "voicemail.conf": VOICEMAIL_CONF,
        "manager.conf": manager_conf(port, USER, SECRET),
    }
    with (
        service.serving() as base_url,
        AsteriskInstance(asterisk_prefix(), root, MODULES, configs) as asterisk,
    ):
        with pytest.raises(ServiceError) as refused:
            await ServiceClient(base_url, "not-a-token").plans_since(0)
        assert refused.value.status == 401

        async with await AmiClient.connect("127.0.0.1", port, USER, SECRET) as ami:
            reloads = 0

            async def reload() -> None:
                nonlocal reloads
                reloads += 1
                await ami.reload_dialplan()

            sync = PlanSync(ServiceClient(base_url, service.token), include, reload)
            assert await sync.catch_up() is True
            assert sorted(sync.plans) == list(NUMBERS) and sync.version > 0
            text = include.read_text(encoding="utf-8")
            assert text.count("Dial(PJSIP/07562222222@carrier,50)") == 2
            assert_plan_loaded(asterisk, rendered_priorities(text))

            # Nothing changed: no write, no reload; the long-poll comes back empty.
            assert await sync.catch_up() is False
            assert await sync.follow_once(wait_s=1) is False
            assert reloads == 1

            await service.route(NUMBERS[1], "0756-3333333", 40)
            assert await sync.follow_once(wait_s=20) is True
            assert reloads == 2
            text = include.read_text(encoding="utf-8")
            assert "Dial(PJSIP/07563333333@carrier,40)" in text
            assert text.count("Dial(PJSIP/07562222222@carrier,50)") == 1
            assert_plan_loaded(asterisk, rendered_priorities(text))
        assert asterisk.log_problems() == []
