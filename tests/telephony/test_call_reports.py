"""Finished calls reach the service through the agent's disk outbox: once, whatever happens in between.

The service runs as its own process; reports are kept on disk while it is down, sent in one batch when it
is back, and deleted only once answered. The same call kept again after it was reported is answered as a
duplicate and charged nothing more; a malformed report is set aside without holding back the others.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from api.calls.models import CallRecord
from telephony.outbox import Outbox
from telephony.service import ServiceClient, ServiceError
from tests.telephony.asterisk_instance import free_loopback_port
from tests.telephony.service_support import NUMBERS, ServiceUnderTest


def report(call_id: str, number: str = NUMBERS[0], **changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "callId": call_id,
        "number": number,
        "caller": "13926900000",
        "callerArea": "0756",
        "startedAt": "2026-12-01T10:00:00+08:00",
        "answeredAt": "2026-12-01T10:00:12+08:00",
        "endedAt": "2026-12-01T10:02:00+08:00",
        "disposition": "ANSWERED",
        "attempts": [{"phone": "07562222222", "outcome": "ANSWERED", "ringSeconds": 12}],
        "answeredPhone": "07562222222",
    }
    return {**fields, **changes}


async def test_reports_survive_an_outage_and_are_recorded_once(tmp_path: Path) -> None:
    service = ServiceUnderTest(tmp_path / "service")
    service.root.mkdir()
    await service.prepare()
    outbox = Outbox(tmp_path / "agent" / "outbox")
    assert outbox.add(report("node1-1700000000.1")) is True
    assert outbox.add(report("node1-1700000000.1")) is False  # the same call is kept once
    assert outbox.add(report("node1-1700000000.2", disposition="BUSY", answeredAt=None, answeredPhone="",
                             attempts=[{"phone": "07562222222", "outcome": "BUSY"}]))  # fmt: skip
    assert outbox.add(report("node1-1700000000.3", number="4009999999"))  # not a number in service

    # The service is down: nothing is lost.
    down = ServiceClient(f"http://127.0.0.1:{free_loopback_port()}", service.token)
    with pytest.raises(ServiceError):
        await outbox.flush(down)
    assert len(outbox.pending()) == 3

    # A reopened outbox (the agent restarted) still holds them.
    outbox = Outbox(tmp_path / "agent" / "outbox")
    with service.serving() as base_url:
        client = ServiceClient(base_url, service.token)
        with pytest.raises(ServiceError):
            await outbox.flush(ServiceClient(base_url, "not-a-token"))
        assert len(outbox.pending()) == 3

        result = await outbox.flush(client)
        assert (result.recorded, result.duplicates, result.rejected) == (2, 0, 1)
        assert outbox.pending() == []
        rejected = sorted(p.name for p in outbox.rejected_dir.iterdir())
        assert len(rejected) == 2 and rejected[0].endswith(".error.json")
        error = json.loads((outbox.rejected_dir / rejected[0]).read_text())
        assert error["code"] == "number_not_in_service"
        assert json.loads((outbox.rejected_dir / rejected[1]).read_text())["number"] == "4009999999"

        # A retry after the answer was lost (the agent died before deleting the file): a duplicate.
        assert outbox.add(report("node1-1700000000.1"))
        result = await outbox.flush(client)
        assert (result.recorded, result.duplicates, result.rejected) == (0, 1, 0)
        assert outbox.pending() == []

    async with service.database():
        rows = await CallRecord.all().order_by("call_id")
        assert [(r.call_id, r.disposition.value) for r in rows] == [
            ("node1-1700000000.1", "answered"),
            ("node1-1700000000.2", "busy"),
        ]
