"""Calls in progress while the agent is killed and started again are reported, and charged no more than
they certainly lasted.

A real Asterisk takes calls over Local channels while the agent process is killed (SIGKILL: no chance to
save anything) and started again a few seconds later: a call answered before the kill and ending after
the restart; one answered before the kill and over before the restart; one that began during the gap
and is still up at the restart; one that began and ended in the gap (read from the node's call log).
The call log gives the report the agent would have made from manager events, for every kind of call.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from api.calls.models import CallRecord
from api.numbers.models import Number
from api.routing import simple
from api.routing.models import ListMode
from api.routing.settings import set_caller_list
from tests.telephony.asterisk_instance import AsteriskInstance, asterisk_prefix, free_loopback_port
from tests.telephony.service_support import (
    LOCAL_NODE_MODULES,
    NUMBERS,
    ServiceUnderTest,
    agent_running,
    arrived,
    logged_reports,
    node_configs,
    start_agent,
    wait_until,
)

# Callers 1392690000<n> (mobiles in Zhuhai) reach a 400 number as Local/<number><n>@inbound; the bound
# phone rings 2 s, answers and talks until the caller hangs up.
PHONES = """
[inbound]
exten => _400XXXXXXXX,1,Set(CALLERID(num)=1392690000${EXTEN:10:1})
 same => n,Goto(hotline-${EXTEN:0:10},s,1)

[phones]
exten => 07562222222,1,Ringing()
 same => n,Wait(2)
 same => n,Answer()
 same => n,Wait(120)
exten => 07561111111,1,Busy(5)
exten => 07564444444,1,Congestion(5)
exten => 07563333333,1,Ringing()
 same => n,Wait(120)
"""
RING_S = 2


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def call(asterisk: AsteriskInstance, number: str, caller: int, talk_s: int) -> dt.datetime:
    """A caller who hangs up ``talk_s`` after the phone answered; returns when it called."""
    placed = now()
    asterisk.rx(f"channel originate Local/{number}{caller}@inbound application Wait {talk_s}")
    return placed


def seconds(later: dt.datetime | None, earlier: dt.datetime | None) -> float:
    assert later is not None and earlier is not None
    return (later - earlier).total_seconds()


async def test_calls_across_an_agent_restart_are_reported_within_what_they_lasted(tmp_path: Path) -> None:
    service = ServiceUnderTest(tmp_path / "service")
    service.root.mkdir()
    await service.prepare()
    root = tmp_path / "asterisk"
    ami_port = free_loopback_port()
    journal = root / "agent-state" / "calls"
    logs = [tmp_path / "agent-1.log", tmp_path / "agent-2.log"]
    with (
        AsteriskInstance(
            asterisk_prefix(), root, LOCAL_NODE_MODULES, node_configs(root, ami_port, PHONES)
        ) as asterisk,
        service.serving() as base_url,
    ):
        agent = start_agent(base_url, service.token, root, ami_port, logs[0])
        try:
            wait_until(lambda: "following call events" in logs[0].read_text(), "the first agent", logs[0])
            wait_until(
                lambda: all(f"hotline-{n}" in asterisk.rx("dialplan show") for n in NUMBERS), "plans", logs[0]
            )
            wait_until(lambda: "caller-area table loaded" in logs[0].read_text(), "areas", logs[0], 300)
            across = call(asterisk, NUMBERS[0], 1, talk_s=12)  # answered before the kill, ends after
            # Answered before the kill, over before the restart:
            over = call(asterisk, NUMBERS[1], 2, talk_s=3)
            wait_until(
                lambda: sum("ANSWER" in p.read_text() for p in journal.glob("*.jsonl")) == 2,
                "both calls answered",
                logs[0],
            )
            time.sleep(1)
            agent.kill()
            agent.wait()
        except BaseException:
            agent.kill()
            agent.wait()
            raise
        killed = now()
        begun = call(asterisk, NUMBERS[0], 3, talk_s=10)  # begins in the gap, answered in it
        whole = call(asterisk, NUMBERS[1], 4, talk_s=1)  # begins and ends in the gap
        time.sleep(RING_S + 3)
        restarted = now()
        agent = start_agent(base_url, service.token, root, ami_port, logs[1])
        try:
            wait_until(lambda: "following call events" in logs[1].read_text(), "the second agent", logs[1])

            async def all_four() -> list[CallRecord] | None:
                records = await CallRecord.all().order_by("caller")
                return records if len(records) == 4 else None

            first, second, third, fourth = await arrived(
                service, all_four, "four call records", logs[1], timeout_s=90
            )
        finally:
            agent.kill()
            agent.wait()
        problems = asterisk.log_problems()
    text = logs[1].read_text()
    assert "2 calls in progress taken up from the journal" in text
    assert "1 calls begun meanwhile taken up, 1 ended meanwhile" in text
    assert "1 calls begun and ended meanwhile taken from the call log" in text

    for record in (first, second, third, fourth):
        assert record.disposition.value == "answered" and record.answered_phone == "07562222222"
        assert (record.caller_area, record.caller_category) == ("0756", "unknown")
        assert [(a["phone"], a["outcome"]) for a in record.attempts] == [("07562222222", "answered")]

    # Answered before the kill, ended after the restart: as if the agent had never stopped.
    assert (first.caller, first.number_text) == ("13926900001", NUMBERS[0])
    assert abs(seconds(first.started_at, across)) < 1
    assert abs(seconds(first.answered_at, first.started_at) - RING_S) < 1
    assert abs(seconds(first.ended_at, first.answered_at) - 12) < 1.5
    assert first.attempts[0]["ring_seconds"] == RING_S

    # Over during the gap: ended when the agent was last alive (its last beat before the kill), so never
    # charged beyond what it certainly lasted.
    assert second.caller == "13926900002"
    assert killed - dt.timedelta(seconds=0.5) <= second.ended_at <= killed
    assert 0.5 < seconds(second.ended_at, second.answered_at) <= 3
    assert abs(seconds(second.started_at, over)) < 1

    # Begun in the gap: from when Asterisk created it; answered in the gap, so talking from the restart.
    assert third.caller == "13926900003"
    assert abs(seconds(third.started_at, begun)) < 1.5
    assert restarted <= third.answered_at and third.ended_at >= third.answered_at
    assert abs(seconds(third.ended_at, begun) - (RING_S + 10)) < 1.5
    assert 0 < third.talk_seconds <= 10

    # Begun and over in the gap: as Asterisk logged it, to the event.
    assert (fourth.caller, fourth.number_text) == ("13926900004", NUMBERS[1])
    assert abs(seconds(fourth.started_at, whole)) < 1
    assert abs(seconds(fourth.answered_at, fourth.started_at) - RING_S) < 0.5
    assert abs(seconds(fourth.ended_at, fourth.answered_at) - 1) < 0.5
    assert fourth.attempts[0]["ring_seconds"] == RING_S

    assert sorted(p.name for p in journal.iterdir()) == ["alive"]
    assert problems == []


async def test_the_call_log_gives_the_report_the_manager_events_gave(tmp_path: Path) -> None:
    """A hunt over a busy, a congested, a silent and an answering phone, recorded; a silent phone then
    voicemail; a black-listed caller: reported by a listening agent, then read again from the call log."""
    service = ServiceUnderTest(tmp_path / "service")
    service.root.mkdir()
    await service.prepare()
    async with service.database():
        hunt = [simple.Bound(phone, wait) for phone, wait in
                (("0756-1111111", 5), ("0756-4444444", 5), ("0756-3333333", 3), ("0756-2222222", 10))]  # fmt: skip
        first, second = [await Number.get(number=n) for n in NUMBERS]
        await simple.save_simple_routing(first, simple.SimpleRouting(hunt, recording=True), "tests")
        voicemail = simple.SimpleRouting([simple.Bound("0756-3333333", 3)], voicemail=True)
        await simple.save_simple_routing(second, voicemail, "tests")
        await set_caller_list(second, ListMode.BLACK, "13926900003")
    root = tmp_path / "asterisk"
    ami_port = free_loopback_port()
    log = tmp_path / "agent.log"
    with (
        AsteriskInstance(
            asterisk_prefix(), root, LOCAL_NODE_MODULES, node_configs(root, ami_port, PHONES)
        ) as asterisk,
        service.serving() as base_url,
        agent_running(base_url, service.token, root, ami_port, log),
    ):
        wait_until(lambda: "VoiceMail(" in asterisk.rx(f"dialplan show hotline-{NUMBERS[1]}"), "plans", log)
        wait_until(lambda: "caller-area table loaded" in log.read_text(), "areas", log, 300)
        call(asterisk, NUMBERS[0], 1, talk_s=3)
        call(asterisk, NUMBERS[1], 2, talk_s=8)  # the greeting, the beep, a few seconds of message
        call(asterisk, NUMBERS[1], 3, talk_s=1)

        async def all_three() -> list[CallRecord] | None:
            records = await CallRecord.all().order_by("caller")
            return records if len(records) == 3 and all(r.media_ref for r in records[:2]) else None

        records = await arrived(service, all_three, "three call records", log, timeout_s=90)
        problems = asterisk.log_problems()

    read = logged_reports(root)
    assert sorted(read) == sorted(r.call_id for r in records)
    assert [r.disposition.value for r in records] == ["answered", "voicemail", "refused_list"]
    for record in records:
        report, tracked = read[record.call_id]
        assert (report["caller"], report["number"]) == (record.caller, record.number_text)
        assert (report["callerArea"], report["callerCategory"]) == (
            record.caller_area,
            record.caller_category,
        )
        assert report["disposition"].lower() == record.disposition.value
        assert [(a["phone"], a["outcome"].lower(), a["ringSeconds"]) for a in report["attempts"]] == [
            (a["phone"], a["outcome"], a["ring_seconds"]) for a in record.attempts
        ]
        assert report["answeredPhone"] == record.answered_phone
        for key, value in (("startedAt", record.started_at), ("answeredAt", record.answered_at),
                           ("endedAt", record.ended_at)):  # fmt: skip
            logged = report[key] and dt.datetime.fromisoformat(report[key])
            assert (logged is None) == (value is None) and (
                value is None or abs(seconds(logged, value)) < 0.3
            )
        assert (tracked.recorded, tracked.voicemail) == (
            record.media_ref.startswith("call:"),
            record.media_ref.startswith("voicemail:"),
        )
    assert [(a["phone"], a["outcome"]) for a in records[0].attempts] == [
        ("07561111111", "busy"), ("07564444444", "failed"), ("07563333333", "no_answer"), ("07562222222", "answered")
    ]  # fmt: skip
    assert problems == []
