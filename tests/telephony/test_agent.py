"""``python -m telephony asterisk`` as a real process between a real service and a real Asterisk.

The agent is started the way a node runs it (environment and flags, its own process); it installs the
ringback tone a plan uses (its audio in the sounds directory, a music-on-hold class); the test changes a
number's routing through the service's database as a customer would, and reads what Asterisk holds. The
service is stopped and started again on the same port while the agent runs: the agent keeps going and
brings a change made meanwhile into Asterisk. A second agent on the same node is refused; SIGTERM ends
the agent cleanly.
"""

from __future__ import annotations

import re
import signal
from pathlib import Path
from urllib.parse import urlsplit

from api.calls.models import CallRecord
from api.recordings.models import Recording, RecordingState
from telephony.service import ServiceClient
from tests.telephony.asterisk_instance import (
    AsteriskInstance,
    asterisk_prefix,
    free_loopback_port,
)
from tests.telephony.service_support import (
    AGENT_FILES,
    LOCAL_NODE_MODULES,
    NUMBERS,
    ServiceUnderTest,
    arrived,
    node_configs,
    start_agent,
    wait_until,
)

# A caller (a mobile in Zhuhai) reaching the 400 number over a Local channel, and the bound phone, which
# answers and hangs up after a second of talk.
PHONES = """
[inbound]
exten => _400XXXXXXX,1,Set(CALLERID(num)=13926900000)
 same => n,Goto(hotline-${EXTEN},s,1)

[phones]
exten => 07562222222,1,Answer()
 same => n,Wait(1)
 same => n,Hangup()
; Rings and never answers: the caller is sent to voicemail.
exten => 07565555555,1,Ringing()
 same => n,Wait(60)
"""
#: What a test caller says: a few seconds of the announcements the agent installed.
SPEECH = "hotline/sys-busy&hotline/sys-area-busy&hotline/sys-category-refused"
HEALTH_AFTER_ERRORS = re.compile(r"health: version=[1-9]\d* plans=2 reloads=[1-9]\d* errors=[1-9]")


async def call_records(service: ServiceUnderTest, log: Path) -> list[CallRecord]:
    return await arrived(service, CallRecord.all, "a call record", log)


async def recording_of(service: ServiceUnderTest, kind: str, log: Path) -> Recording:
    """The first recording of ``kind`` once the service's worker has transcoded and measured it."""
    return await arrived(
        service,
        lambda: Recording.filter(kind=kind, state=RecordingState.READY).first(),
        f"a processed {kind} recording",
        log,
    )


async def record_of(service: ServiceUnderTest, call_id: str, log: Path) -> CallRecord:
    return await arrived(service, lambda: CallRecord.filter(call_id=call_id).first(), f"call {call_id}", log)


def holds(asterisk: AsteriskInstance, number: str, dial: str) -> bool:
    return dial in asterisk.rx(f"dialplan show hotline-{number}")


async def test_the_agent_process_follows_the_service_through_a_restart(tmp_path: Path) -> None:
    service = ServiceUnderTest(tmp_path / "service")
    service.root.mkdir()
    await service.prepare()

    root = tmp_path / "asterisk"
    (root / "etc").mkdir(parents=True)
    ringback = await service.add_ringback(NUMBERS[0])
    ami_port = free_loopback_port()
    configs = node_configs(root, ami_port, PHONES)
    include = root / "etc" / AGENT_FILES[0]
    log = tmp_path / "agent.log"
    sounds = root / "data" / "sounds"
    with AsteriskInstance(asterisk_prefix(), root, LOCAL_NODE_MODULES, configs) as asterisk:
        with service.serving() as base_url:
            agent = start_agent(base_url, service.token, root, ami_port, log)
            try:
                wait_until(
                    lambda: all(holds(asterisk, n, "Dial(Local/07562222222@phones,50") for n in NUMBERS),
                    "the first full sync",
                    log,
                )
                # The ringback tone's audio is on disk, as the service serves it, before the plan
                # dialling with m(ringback-…) was loaded; Asterisk holds it as a music-on-hold class.
                assert (
                    f"Dial(Local/07562222222@phones,50,m(ringback-{ringback})${{DIAL_LIMIT}})"
                    in include.read_text()
                )
                client = ServiceClient(base_url, service.token)
                item = int(ringback.removeprefix("media-"))
                for fmt in ("alaw", "ulaw"):
                    audio = await client.media(item, fmt)
                    assert len(audio) == 8000 * 3
                    assert (sounds / "hotline" / f"{ringback}.{fmt}").read_bytes() == audio
                    assert (sounds / "hotline-moh" / ringback / f"{ringback}.{fmt}").read_bytes() == audio
                # Every sound the dialplan plays is installed: spoken announcements and text-to-speech
                # prompts, synthesised by the service, and app_voicemail's own beep.
                played = set(re.findall(r"(?:Playback|Background)\((hotline/[^,)]+)", include.read_text()))
                assert any(name.startswith("hotline/sys-") for name in played), played
                for name in played:
                    for fmt in ("alaw", "ulaw"):
                        assert (sounds / f"{name}.{fmt}").stat().st_size > 8000 * 0.5, (name, fmt)
                for fmt in ("alaw", "ulaw"):
                    assert (sounds / f"beep.{fmt}").read_bytes() == await client.sound("beep", fmt)
                    assert (sounds / f"vm-goodbye.{fmt}").stat().st_size > 4000
                # The number that leaves voicemail has its mailbox.
                assert "VoiceMail(4006228300@hotline,s)" in include.read_text()
                assert "4006228300" in asterisk.rx("voicemail show users for hotline")
                # After the first sync: the caller-area table, as the simulator places a mobile caller.
                wait_until(
                    lambda: "caller-area table loaded" in log.read_text(),
                    "the area table",
                    log,
                    timeout_s=300,
                )
                assert asterisk.rx("database get cnarea 1392690").strip() == "Value: 0756"  # 珠海
                # A call is answered by the bound phone; the agent reports it and the service records it.
                asterisk.rx(f"channel originate Local/{NUMBERS[0]}@inbound application Wait 20")
                records = await call_records(service, log)
                (record,) = records
                assert (record.number_text, record.caller, record.caller_area) == (
                    NUMBERS[0],
                    "13926900000",
                    "0756",
                )
                assert record.disposition.value == "answered" and record.answered_phone == "07562222222"
                assert record.answered_at is not None and record.ended_at >= record.answered_at
                assert [(a["phone"], a["outcome"]) for a in record.attempts] == [("07562222222", "answered")]
                classes = asterisk.rx("moh show classes")
                assert f"Class: ringback-{ringback}" in classes
                assert str(sounds / "hotline-moh" / ringback) in classes
                # A second agent on the same node is refused at once.
                second = start_agent(base_url, service.token, root, ami_port, tmp_path / "second.log")
                assert second.wait(timeout=60) == 1
                assert "one agent per Asterisk node" in (tmp_path / "second.log").read_text()

                # A call nobody answers leaves a voicemail message: the agent takes it out of the spool
                # and uploads it, and the call's record names it.
                await service.route_with(NUMBERS[1], "0756-5555555", 2, voicemail=True)
                wait_until(
                    lambda: holds(asterisk, NUMBERS[1], "Dial(Local/07565555555@phones,2"), "voicemail", log
                )
                # The caller speaks (plays announcements into the call) until it hangs up.
                asterisk.rx(f"channel originate Local/{NUMBERS[1]}@inbound application Playback {SPEECH}")
                message = await recording_of(service, "voicemail", log)
                # The message holds what the caller said after the greeting: at most all of it.
                spoken = sum((sounds / f"{name}.alaw").stat().st_size for name in SPEECH.split("&")) / 8000
                assert 1 <= message.duration_seconds <= spoken + 1, (message.duration_seconds, spoken)
                left = await record_of(service, message.call_id, log)
                assert (
                    left.disposition.value == "voicemail" and left.media_ref == f"voicemail:{message.call_id}"
                )
                assert (
                    list((root / "spool" / "voicemail" / "hotline" / NUMBERS[1] / "INBOX").glob("msg*")) == []
                )
                # A recorded call: the conversation's file reaches the service the same way.
                await service.route_with(NUMBERS[1], "0756-2222222", 20, recording=True)
                wait_until(
                    lambda: holds(asterisk, NUMBERS[1], "MixMonitor(${UNIQUEID}.wav,b)"), "recording", log
                )
                asterisk.rx(f"channel originate Local/{NUMBERS[1]}@inbound application Playback {SPEECH}")
                talk = await recording_of(service, "call", log)
                answered = await record_of(service, talk.call_id, log)
                assert (
                    answered.disposition.value == "answered" and answered.media_ref == f"call:{talk.call_id}"
                )
                assert list((root / "spool" / "monitor").iterdir()) == []

                await service.route(NUMBERS[1], "0756-3333333", 40)
                wait_until(
                    lambda: holds(asterisk, NUMBERS[1], "Dial(Local/07563333333@phones,40,${DIAL_LIMIT})"),
                    "the routing change through the long-poll",
                    log,
                )
            except BaseException:
                agent.kill()
                agent.wait()
                raise

        # The service is down: the agent logs its failures, backs off and keeps running.
        try:
            wait_until(lambda: "sync failed" in log.read_text(), "a logged failure", log)
            assert agent.poll() is None
            await service.route(NUMBERS[0], "0756-4444444", 30)
            port = urlsplit(base_url).port
            with service.serving(port):
                wait_until(
                    lambda: holds(asterisk, NUMBERS[0], "Dial(Local/07564444444@phones,30,${DIAL_LIMIT})"),
                    "the change made while the service was down",
                    log,
                )
                assert holds(asterisk, NUMBERS[1], "Dial(Local/07563333333@phones,40,${DIAL_LIMIT})")
                # No plan rings back with the tone or leaves voicemail any more: class and mailbox are gone.
                assert f"ringback-{ringback}" not in asterisk.rx("moh show classes")
                assert "4006228300" not in asterisk.rx("voicemail show users for hotline")
                # The health line counts the failures it went through.
                wait_until(lambda: HEALTH_AFTER_ERRORS.search(log.read_text()) is not None, "health", log)
                agent.send_signal(signal.SIGTERM)
                assert agent.wait(timeout=60) == 0
        finally:
            if agent.poll() is None:
                agent.kill()
                agent.wait()
        text = log.read_text()
        assert "health: version=" in text
        assert "agent stopped" in text
        assert "Traceback" not in text
        # The include file is whole and no temporary file is left beside it.
        assert sorted(p.name for p in include.parent.iterdir() if p.name.startswith(".")) == []
        assert asterisk.log_problems() == []
