"""The agent follows the service's plans into a real Asterisk: first sync, long-poll, a customer's change.

The service runs as its own process on loopback with a migrated database; Asterisk is the cached build
with the manager interface on loopback. Nothing is faked: the plans come over HTTP with a telephony token,
the include file is replaced on disk and the dialplan reloaded through AMI. After the first sync a plan
is fetched alone, by ETag: an unchanged one costs a 304, a withdrawn one (a reclaimed number) a 404.
"""

from __future__ import annotations

import shutil
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
            assert (sync.fetched, sync.unchanged) == (2, 0)  # both plans came in the first sync's page
            text = include.read_text(encoding="utf-8")
            assert text.count("Dial(PJSIP/07562222222@carrier,50)") == 2
            assert_plan_loaded(asterisk, rendered_priorities(text))

            # Nothing changed: no write, no reload; the long-poll comes back empty.
            assert await sync.catch_up() is False
            assert await sync.follow_once(wait_s=1) is False
            assert reloads == 1
            # Fetching a plan the node holds sends its ETag: the service answers 304, no body.
            assert await sync.fetch(NUMBERS[0]) == 304
            assert (sync.fetched, sync.unchanged) == (2, 1)

            await service.route(NUMBERS[1], "0756-3333333", 40)
            assert await sync.follow_once(wait_s=20) is True
            assert reloads == 2
            # Only the changed number's plan was fetched, alone (the unchanged one was not asked for).
            assert (sync.fetched, sync.unchanged) == (3, 1)
            text = include.read_text(encoding="utf-8")
            assert "Dial(PJSIP/07563333333@carrier,40)" in text
            assert text.count("Dial(PJSIP/07562222222@carrier,50)") == 1
            assert_plan_loaded(asterisk, rendered_priorities(text))
            assert await sync.fetch(NUMBERS[1]) == 304

            # A reclaimed number's plan is withdrawn: the feed lists it, the plan route answers 404, and
            # Asterisk no longer holds the number's contexts.
            await service.reclaim(NUMBERS[1])
            assert await sync.follow_once(wait_s=20) is True
            assert sorted(sync.plans) == [NUMBERS[0]] and reloads == 3
            text = include.read_text(encoding="utf-8")
            assert f"hotline-{NUMBERS[1]}" not in text and f"[hotline-{NUMBERS[0]}]" in text
            assert f"hotline-{NUMBERS[1]}" not in asterisk.rx("dialplan show")
            assert_plan_loaded(asterisk, rendered_priorities(text))
            assert await sync.fetch(NUMBERS[1]) == 404
            # Nothing else moved: the next long-poll is idle and nothing is fetched again.
            assert await sync.follow_once(wait_s=1) is False
            assert sync.fetched == 3
        assert asterisk.log_problems() == []


async def test_a_service_whose_database_was_restored_is_synced_afresh(tmp_path: Path) -> None:
    service = ServiceUnderTest(tmp_path / "service")
    service.root.mkdir()
    await service.prepare()
    database = service.root / "hotline.sqlite3"
    backup = tmp_path / "backup.sqlite3"
    shutil.copyfile(database, backup)  # both numbers ring 0756-2222222
    include = tmp_path / "hotline-plans.conf"
    reloads = 0

    async def reload() -> None:
        nonlocal reloads
        reloads += 1

    port = free_loopback_port()
    with service.serving(port) as base_url:
        sync = PlanSync(ServiceClient(base_url, service.token), include, reload)
        await sync.catch_up()
        await service.route(NUMBERS[0], "0756-3333333", 40)
        await service.route(NUMBERS[1], "0756-4444444", 40)
        assert await sync.follow_once(wait_s=20) is True
        if "07564444444" not in include.read_text():
            assert await sync.follow_once(wait_s=20) is True
        ahead = sync.version
    # The database is restored from the backup, and one change is made: the service's latest version is
    # now below the one the node holds.
    shutil.copyfile(backup, database)
    await service.route(NUMBERS[1], "0756-5555555", 30)
    with service.serving(port):
        assert await sync.follow_once(wait_s=5) is True
        assert sync.version < ahead
        text = include.read_text()
        assert "Dial(PJSIP/07562222222@carrier,50)" in text and "Dial(PJSIP/07565555555@carrier,30)" in text
        assert "07563333333" not in text and "07564444444" not in text
        # Synced afresh: both plans came in a page again, none alone.
        assert (sync.fetched, sync.unchanged) == (2 + 2 + 2, 0)
