"""Calls the agent did not hear all of: kept on disk across a restart, completed from Asterisk's channels.

These check the decisions on their own, with manager events and channel lists as Asterisk words them;
``test_agent_gaps`` runs them against a real Asterisk while the agent is killed and started again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from telephony.calls import CallTracker, TrackedCall
from telephony.journal import CallJournal
from telephony.reconcile import channels_of, ending, missed_events, wanted_variables

T0 = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)
NUMBER = "4006228300"


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def tracker(reports: list[dict[str, Any]], journal: CallJournal | None = None) -> CallTracker:
    def finished(report: dict[str, Any], call: TrackedCall) -> None:
        reports.append(report)

    return CallTracker("hotline", finished, journal=journal)


def call_events(uid: str, caller: str = "13926900000") -> list[tuple[float, dict[str, str]]]:
    """A call as the filtered manager stream shows it: the plan's call event (area resolved), a phone
    rung that answers after 4 s."""
    return [
        (0.0, {"Event": "UserEvent", "UserEvent": "HotlineCall", "Uniqueid": uid, "Number": NUMBER,
               "Area": "0756", "Category": "mobile", "CallerIDNum": caller, "Channel": "PJSIP/carrier-00000001",
               "Context": f"hotline-{NUMBER}", "Priority": "2"}),
        (0.2, {"Event": "DialBegin", "Uniqueid": uid, "DestUniqueid": f"{uid}9",
               "DialString": "07562222222@carrier"}),
        (4.2, {"Event": "DialEnd", "Uniqueid": uid, "DestUniqueid": f"{uid}9", "DialStatus": "ANSWER"}),
    ]  # fmt: skip


def channel(
    uid: str, linkedid: str, context: str, application: str, data: str = "", **fields: str
) -> dict[str, str]:
    return {"Event": "CoreShowChannel", "Uniqueid": uid, "Linkedid": linkedid, "Context": context,
            "Channel": fields.get("name", f"PJSIP/carrier-{uid}"), "CallerIDNum": fields.get("caller", ""),
            "ChannelState": fields.get("state", "6"), "Application": application, "ApplicationData": data,
            "Duration": fields.get("duration", "00:00:10")}  # fmt: skip


def test_a_restarted_agent_takes_up_the_calls_in_progress_from_the_journal(tmp_path: Path) -> None:
    journal = CallJournal(tmp_path / "calls")
    first: list[dict[str, Any]] = []
    before = tracker(first, journal)
    for seconds, event in call_events("node1-1.1"):
        before.feed(event, at(seconds))
    for seconds, event in call_events("node1-1.2")[:2]:  # still ringing when the agent is killed
        before.feed(event, at(seconds))
    assert first == [] and len(list(journal.calls())) == 2
    # The kill cut a line short: it is skipped, the rest of that call is kept.
    (cut,) = [p for p in journal.directory.glob("*.jsonl") if "node1-1.2" in p.read_text()]
    with cut.open("a") as handle:
        handle.write('{"at": "2026-12-01T02:00:05+00:00", "event": {"Event": "Dial')

    reports: list[dict[str, Any]] = []
    after = tracker(reports, CallJournal(tmp_path / "calls"))
    assert after.replay() == 2
    after.feed({"Event": "Hangup", "Uniqueid": "node1-1.1"}, at(64.2))
    after.feed({"Event": "DialEnd", "Uniqueid": "node1-1.2", "DestUniqueid": "node1-1.29",
                "DialStatus": "NOANSWER"}, at(20.2))  # fmt: skip
    after.feed({"Event": "Hangup", "Uniqueid": "node1-1.2"}, at(21))

    # What an agent that never stopped would have reported, to the second.
    never_stopped: list[dict[str, Any]] = []
    whole = tracker(never_stopped)
    for uid, tail in (
        ("node1-1.1", [(64.2, {"Event": "Hangup", "Uniqueid": "node1-1.1"})]),
        ("node1-1.2", [(20.2, {"Event": "DialEnd", "Uniqueid": "node1-1.2", "DestUniqueid": "node1-1.29",
                               "DialStatus": "NOANSWER"}), (21.0, {"Event": "Hangup", "Uniqueid": "node1-1.2"})]),
    ):  # fmt: skip
        events = call_events(uid)[: 3 if uid.endswith("1") else 2] + tail
        for seconds, event in events:
            whole.feed(event, at(seconds))
    assert reports == never_stopped
    assert reports[0]["answeredAt"] == at(4.2).isoformat() and reports[0]["endedAt"] == at(64.2).isoformat()
    assert reports[0]["callerArea"] == "0756" and reports[0]["attempts"][0]["ringSeconds"] == 4
    assert reports[1]["disposition"] == "NO_ANSWER" and reports[1]["attempts"][0]["ringSeconds"] == 20
    # Reported calls leave the journal.
    assert list(journal.directory.glob("*.jsonl")) == []


def test_a_report_is_made_again_from_a_journal_holding_its_hangup(tmp_path: Path) -> None:
    """Killed between writing the hang-up and removing the journal: the same report is made again (the
    outbox and the service keep one per call id)."""
    journal = CallJournal(tmp_path / "calls")
    events = [*call_events("node1-2.1"), (30.0, {"Event": "Hangup", "Uniqueid": "node1-2.1"})]
    for seconds, event in events:
        journal.append("node1-2.1", at(seconds), event)
    reports: list[dict[str, Any]] = []
    assert tracker(reports, journal).replay() == 0
    (report,) = reports
    assert report["endedAt"] == at(30).isoformat() and report["disposition"] == "ANSWERED"
    assert list(journal.directory.glob("*.jsonl")) == []


def test_listening_again_completes_what_happened_in_the_gap(tmp_path: Path) -> None:
    reports: list[dict[str, Any]] = []
    calls = tracker(reports, CallJournal(tmp_path / "calls"))
    for seconds, event in call_events("n-10.1"):  # answered before the gap, still talking
        calls.feed(event, at(seconds))
    for seconds, event in call_events("n-20.1")[:2]:  # ringing when the gap began, answered in it
        calls.feed(event, at(seconds))
    for seconds, event in call_events("n-30.1")[:2]:  # ringing when the gap began, all over in it
        calls.feed(event, at(seconds))
    alive_at, now = at(10), at(25)
    channels = channels_of(
        [
            channel("n-10.1", "n-10.1", f"hotline-{NUMBER}", "Dial", "PJSIP/07562222222@carrier,50"),
            channel("n-10.19", "n-10.1", "from-carrier", "AppDial", "(Outgoing Line)"),
            channel("n-20.1", "n-20.1", f"hotline-{NUMBER}", "Dial", "PJSIP/07562222222@carrier,50"),
            channel("n-20.19", "n-20.1", "from-carrier", "AppDial", "(Outgoing Line)"),
            # Began in the gap, 8 s ago, in a ring-all group: one phone answered, the other rang.
            channel("n-40.1", "n-40.1", f"hotline-{NUMBER}-caller", "Dial",
                    "PJSIP/07561111111@carrier&PJSIP/13800138000@carrier,30", caller="13926900001",
                    duration="00:00:08", name="PJSIP/carrier-00000040"),
            channel("n-40.3", "n-40.1", "from-carrier", "AppDial", "(Outgoing Line)", state="5"),
            channel("n-40.2", "n-40.1", "from-carrier", "AppDial", "(Outgoing Line)"),
            # Began in the gap, leaving a message now.
            channel("n-60.1", "n-60.1", f"hotline-{NUMBER}", "VoiceMail", "4006228300@hotline,s"),
            channel("other", "other", "from-carrier", "Wait", "60"),  # not a plan's call
        ]
    )  # fmt: skip
    missed, gone = missed_events(calls, channels, now, alive_at)
    assert gone == ["n-30.1"]
    for moment, event in missed:
        calls.feed(event, moment)
    assert sorted(calls.calls) == ["n-10.1", "n-20.1", "n-30.1", "n-40.1", "n-60.1"]
    assert calls.calls["n-60.1"].voicemail and calls.calls["n-60.1"].mailbox == "4006228300@hotline"

    # Answered before the gap: nothing missed.
    kept = calls.calls["n-10.1"]
    assert kept.answered == at(4.2) and [a.outcome for a in kept.attempts.values()] == ["ANSWERED"]
    # Answered in the gap: counted from when the agent saw it, never before.
    late = calls.calls["n-20.1"]
    assert late.answered == now and late.answered_phone == "07562222222"
    # Begun in the gap: from when Asterisk created it, its phones in the order dialled, the one up answered.
    begun = calls.calls["n-40.1"]
    assert (begun.number, begun.caller, begun.started) == (NUMBER, "13926900001", at(17))
    assert [(a.phone, a.outcome) for a in begun.attempts.values()] == [
        ("07561111111", "ANSWERED"),
        ("13800138000", "FAILED"),
    ]
    assert begun.answered == now and begun.answered_phone == "07561111111"
    # What its plan resolved before is read from the channel: the area, category and recording.
    assert ("n-40.1", "PJSIP/carrier-00000040", "CALLER_AREA") in wanted_variables(calls, channels)
    assert not any(
        uid == "n-10.1" and v != "MIXMONITOR_FILENAME" for uid, _, v in wanted_variables(calls, channels)
    )

    # Gone in the gap: ended when the agent last knew it alive; its phone rang until then.
    for moment, event in ending(calls, "n-30.1", alive_at):
        calls.feed(event, moment)
    (report,) = reports
    assert report["callId"] == "n-30.1" and report["endedAt"] == alive_at.isoformat()
    assert report["answeredAt"] is None
    assert report["attempts"] == [{"phone": "07562222222", "outcome": "FAILED", "ringSeconds": 10}]


def test_a_call_gone_before_the_agent_ever_marked_itself_alive_ends_at_its_last_event(tmp_path: Path) -> None:
    reports: list[dict[str, Any]] = []
    calls = tracker(reports)
    for seconds, event in call_events("n-50.1"):
        calls.feed(event, at(seconds))
    missed, gone = missed_events(calls, {}, at(100), None)
    assert (missed, gone) == ([], ["n-50.1"])
    for moment, event in ending(calls, "n-50.1", None):
        calls.feed(event, moment)
    assert reports[0]["endedAt"] == at(4.2).isoformat()
