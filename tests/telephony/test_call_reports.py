"""Finished calls reach the service through the agent's disk outbox: once, whatever happens in between.

The service runs as its own process; reports are kept on disk while it is down, sent in one batch when it
is back, and deleted only once answered. The same call kept again after it was reported is answered as a
duplicate and charged nothing more; a malformed report is set aside without holding back the others.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import pytest

from api.calls.models import CallRecord
from api.recordings.models import Recording, RecordingState
from telephony.call_audio import audio_of
from telephony.calls import TrackedCall
from telephony.outbox import Outbox
from telephony.service import ServiceClient, ServiceError
from tests.telephony.asterisk_instance import free_loopback_port
from tests.telephony.service_support import NUMBERS, ServiceUnderTest, tone_wav


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


async def test_recordings_and_voicemail_leave_the_spool_and_reach_the_service_once(tmp_path: Path) -> None:
    service = ServiceUnderTest(tmp_path / "service")
    service.root.mkdir()
    await service.prepare()
    spool = tmp_path / "spool"
    # As Asterisk leaves them: MixMonitor's file named by the call id, VoiceMail's message and metadata.
    (spool / "monitor").mkdir(parents=True)
    (spool / "monitor" / "node1-1700000100.7.wav").write_bytes(tone_wav(seconds=4))
    inbox = spool / "voicemail" / "hotline" / NUMBERS[0] / "INBOX"
    inbox.mkdir(parents=True)
    channel = "PJSIP/carrier-00000003"
    started = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)
    for i, (chan, at) in enumerate([("PJSIP/carrier-00000001", started), (channel, started)]):
        (inbox / f"msg000{i}.wav").write_bytes(tone_wav(seconds=3 + i))
        (inbox / f"msg000{i}.txt").write_text(
            f";\n; Message Information file\n;\n[message]\ncallerchan={chan}\norigtime={int(at.timestamp()) + 20}\n"
        )
    message = TrackedCall("node1-1700000200.9", NUMBERS[0], "13926900000", started, channel=channel)
    message.voicemail, message.mailbox = True, f"{NUMBERS[0]}@hotline"
    recorded = TrackedCall("node1-1700000100.7", NUMBERS[0], "13926900000", started, recorded=True)
    found = audio_of(spool, message) + audio_of(spool, recorded)
    assert [(f.kind, f.path.name) for f in found] == [
        ("VOICEMAIL", "msg0001.wav"),
        ("CALL", "node1-1700000100.7.wav"),
    ]

    outbox = Outbox(tmp_path / "agent" / "outbox")
    for call, f in zip((message, recorded), found, strict=True):
        audio = {"kind": f.kind, "callId": call.call_id, "number": NUMBERS[0], "caller": call.caller,
                 "startedAt": started.isoformat(), "endedAt": (started + dt.timedelta(minutes=1)).isoformat()}  # fmt: skip
        outbox.capture(audio, f.path, f.companions)
    # Asterisk may still be writing: nothing moves until the files have been still for a moment.
    assert outbox.collect(now=time.time() - 60) == 0
    assert outbox.collect(now=time.time() + 5) == 2
    assert outbox.captures() == [] and len(outbox.audio()) == 2
    assert sorted(p.name for p in inbox.iterdir()) == ["msg0000.txt", "msg0000.wav"]  # another call's stays
    assert list((spool / "monitor").iterdir()) == []

    down = ServiceClient(f"http://127.0.0.1:{free_loopback_port()}", service.token)
    with pytest.raises(ServiceError):
        await outbox.flush_audio(down)
    assert len(outbox.audio()) == 2
    with service.serving() as base_url:
        client = ServiceClient(base_url, service.token)
        assert await outbox.flush_audio(client) == 2
        assert outbox.audio() == []
        # The same upload again (the agent died before deleting its copy) is the same recording.
        outbox.capture({**audio, "kind": "CALL"}, tmp_path / "again.wav")
        (tmp_path / "again.wav").write_bytes(tone_wav(seconds=4))
        assert outbox.collect(now=time.time() + 5) == 1
        assert await outbox.flush_audio(client) == 1
        # Intake answers at once; the service's own worker transcodes and measures what was uploaded.
        async with service.database():
            for _ in range(150):
                if not await Recording.filter(state=RecordingState.PENDING).exists():
                    break
                await asyncio.sleep(0.2)
    async with service.database():
        rows = await Recording.all().order_by("call_id")
        assert [(r.call_id, r.kind.value, round(r.duration_seconds)) for r in rows] == [
            ("node1-1700000100.7", "call", 4),
            ("node1-1700000200.9", "voicemail", 4),
        ]
