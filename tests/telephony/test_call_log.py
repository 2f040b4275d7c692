"""Calls that began and ended while the agent did not listen, read back from the node's call log.

The lines are what Asterisk 22's ``cel_custom`` writes with the node's configuration (taken from a real
node: a hunt over Local channels, one phone busy, one congested, one silent, one answering);
``test_agent_gaps`` reads a real node's log after a call made while the agent was killed, and checks a
log-read report equals the one the agent made from manager events for every kind of call.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from telephony.call_log import CallLog, LogRecord, call_events
from telephony.calls import CallTracker, TrackedCall

T0 = 1796584928.0
NUMBER = "4006228300"
CALLER = "13926900001"
CALL = "node-1.1"  # the channel running the plan (a Local channel's ;2 half here)
LINKED = "node-1.0"


def line(
    kind: str, t: float, uid: str, channel: str, app: str = "", data: str = "", **more: Any
) -> dict[str, Any]:
    extra = (
        json.dumps({"hangupcause": more["cause"], "hangupsource": "", "dialstatus": ""})
        if "cause" in more
        else ""
    )
    return {"eventtype": kind, "eventtime": f"{T0 + t:.6f}", "num": more.get("num", CALLER), "channame": channel,
            "appname": app, "appdata": data, "uniqueid": uid, "linkedid": more.get("linkedid", LINKED),
            "eventextra": extra}  # fmt: skip


def phone(
    n: int, target: str, began: float, ended: float, cause: int = 0, **other: float
) -> list[dict[str, Any]]:
    """A Local channel the plan dialled: its two halves, ``cause`` on the ;2 half (the phone's side)."""
    name = f"Local/{target}@phones-0000000{n}"
    one, two = f"node-1.{10 * n}", f"node-1.{10 * n + 1}"
    lines = [line("CHAN_START", began, one, name + ";1"), line("CHAN_START", began, two, name + ";2")]
    if "answered" in other:
        lines += [line("ANSWER", other["answered"], two, name + ";2", "Answer"),
                  line("ANSWER", other["answered"], one, name + ";1", "AppDial")]  # fmt: skip
    lines += [line("HANGUP", ended, one, name + ";1", "AppDial", cause=0),
              line("HANGUP", ended + 0.001, two, name + ";2", cause=cause)]  # fmt: skip
    return lines


def dial(t: float, target: str, wait_s: int) -> dict[str, Any]:
    return line(
        "APP_START", t, CALL, "Local/40062283001@inbound-00000000;2", "Dial", f"{target},{wait_s},S(86400)"
    )


def user_event(t: float, data: str, uid: str = CALL) -> dict[str, Any]:
    return line("APP_START", t, uid, "Local/40062283001@inbound-00000000;2", "UserEvent", data)


def hunt() -> list[dict[str, Any]]:
    """Busy at once, congested at once, silent for its 3 s, answered after 2 s; the caller talks 20 s."""
    inbound = "Local/40062283001@inbound-00000000"
    return [
        line("CHAN_START", 0.0, LINKED, inbound + ";1", num=""),
        line("CHAN_START", 0.0, CALL, inbound + ";2", num=""),
        user_event(0.002, f"HotlineCall,Number: {NUMBER},Area: 0756,Category: mobile"),
        user_event(0.003, "HotlineRecording"),
        dial(0.004, "Local/07561111111@phones", 5),
        *phone(1, "07561111111", 0.005, 0.006, cause=17),
        dial(0.007, "Local/07564444444@phones", 5),
        *phone(2, "07564444444", 0.008, 0.009, cause=34),
        dial(0.010, "Local/07563333333@phones", 3),
        *phone(3, "07563333333", 0.011, 3.011),
        dial(3.012, "Local/07562222222@phones", 10),
        *phone(4, "07562222222", 3.013, 25.013, cause=16, answered=5.013),
        line("HANGUP", 25.014, CALL, inbound + ";2", cause=16),
        line("HANGUP", 25.015, LINKED, inbound + ";1", "AppDial2", cause=16),
    ]


def reports_of(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the tracker reports from the events the log gives (the agent feeds them the same way)."""
    reports: list[dict[str, Any]] = []
    calls: list[TrackedCall] = []

    def finished(report: dict[str, Any], call: TrackedCall) -> None:
        reports.append(report)
        calls.append(call)

    tracker = CallTracker("hotline", finished)
    found = call_events([LogRecord.of(item) for item in lines])
    assert found is not None
    tracker.feed_all(found[1])
    assert tracker.calls == {} and [c.call_id for c in calls] == [found[0]]
    return reports


def iso(t: float) -> str:
    return dt.datetime.fromtimestamp(T0 + t, dt.UTC).isoformat()


def test_a_hunt_read_from_the_log_reports_each_phone_as_dial_saw_it() -> None:
    (report,) = reports_of(hunt())
    assert report["callId"] == CALL and report["number"] == NUMBER and report["caller"] == CALLER
    assert (report["callerArea"], report["callerCategory"]) == ("0756", "mobile")
    assert [(a["phone"], a["outcome"], a["ringSeconds"]) for a in report["attempts"]] == [
        ("07561111111", "BUSY", 0),
        ("07564444444", "FAILED", 0),  # congestion: the manager's DialEnd says CONGESTION, not an outcome
        ("07563333333", "NO_ANSWER", 3),
        ("07562222222", "ANSWERED", 2),
    ]
    assert report["disposition"] == "ANSWERED" and report["answeredPhone"] == "07562222222"
    assert (report["startedAt"], report["answeredAt"], report["endedAt"]) == (
        iso(0.002),
        iso(5.013),
        iso(25.014),
    )


def test_a_caller_hanging_up_while_a_phone_rings_cancels_it_before_the_call_ends() -> None:
    lines = [*hunt()[:3], dial(0.01, "PJSIP/07562222222@carrier", 20)]
    lines += [
        line("CHAN_START", 0.02, "node-1.5", "PJSIP/carrier-00000005"),
        # Asterisk may log the call's hang-up before the phone's: Dial() had cancelled it first.
        line("HANGUP", 6.0, CALL, "Local/40062283001@inbound-00000000;2", cause=16),
        line("HANGUP", 6.001, "node-1.5", "PJSIP/carrier-00000005", "AppDial", cause=0),
    ]
    (report,) = reports_of(lines)
    assert [(a["phone"], a["outcome"], a["ringSeconds"]) for a in report["attempts"]] == [
        ("07562222222", "FAILED", 6)
    ]
    assert report["disposition"] == "FAILED" and report["endedAt"] == iso(6.0)


def test_a_phone_over_sip_is_busy_or_unreachable_by_its_own_cause() -> None:
    def tried(cause: int) -> str:
        lines = [*hunt()[:3], dial(0.01, "PJSIP/07562222222@carrier", 20)]
        lines += [
            line("CHAN_START", 0.02, "node-1.5", "PJSIP/carrier-00000005"),
            line("HANGUP", 0.5, "node-1.5", "PJSIP/carrier-00000005", "AppDial", cause=cause),
            user_event(0.6, "HotlinePrompt,Prompt: sys-busy"),
            line("HANGUP", 2.0, CALL, "Local/40062283001@inbound-00000000;2", cause=17),
        ]
        (report,) = reports_of(lines)
        return str(report["attempts"][0]["outcome"])

    assert [tried(17), tried(20), tried(18), tried(3)] == [
        "BUSY",
        "UNREACHABLE",
        "UNREACHABLE",
        "UNREACHABLE",
    ]


def test_a_voicemail_and_a_refusal_read_from_their_user_events() -> None:
    voicemail = [*hunt()[:3], user_event(0.01, f"HotlineVoicemail,Mailbox: {NUMBER}@hotline")]
    voicemail.append(line("HANGUP", 9.0, CALL, "x;2", cause=16))
    (report,) = reports_of(voicemail)
    assert report["disposition"] == "VOICEMAIL" and report["attempts"] == []
    refused = [*hunt()[:3], user_event(0.01, "HotlinePrompt,Prompt: sys-no-permission")]
    refused.append(line("HANGUP", 3.0, CALL, "x;2", cause=21))
    (report,) = reports_of(refused)
    assert report["disposition"] == "REFUSED_LIST"


def write(path: Path, groups: list[list[dict[str, Any]]], tail: str = "") -> None:
    text = "".join(json.dumps(item) + "\n" for group in groups for item in group)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text + tail)


def shifted(lines: list[dict[str, Any]], n: int, seconds: float) -> list[dict[str, Any]]:
    """The hunt as call ``n``: its own ids, ``seconds`` later."""
    return [
        {**item, "uniqueid": f"{item['uniqueid']}-{n}", "linkedid": f"{item['linkedid']}-{n}",
         "eventtime": f"{float(item['eventtime']) + seconds:.6f}"}
        for item in lines
    ]  # fmt: skip


def test_only_the_calls_over_in_the_gap_are_taken_and_the_log_is_read_from_where_it_was(
    tmp_path: Path,
) -> None:
    path, position = tmp_path / "hotline-calls.json", tmp_path / "call-log.position"
    log = CallLog(path, position, clock=lambda: now)
    now = 0.0
    write(path, [shifted(hunt(), 9, 20)])  # logged before the position kept: heard then, never read again
    log.mark()
    now = 10.0
    log.mark()  # 10 s later, the first mark is ripe: kept
    assert position.read_text().split() == [str(path.stat().st_ino), str(path.stat().st_size)]
    alive, listening = T0 + 30, T0 + 60
    write(
        path,
        [
            shifted(hunt(), 0, 0),  # over before the agent's last mark: it heard the hang-up
            shifted(hunt(), 1, 10),  # began before the gap (its call event unheard), ended in it
            shifted(hunt(), 2, 20),  # began and ended in the gap
            shifted(hunt(), 3, 25),  # likewise, but the agent heard it after all (below)
            shifted(hunt(), 4, 40)[:-2],  # began in the gap, still up: no hang-up logged
            shifted(hunt(), 5, 65),  # began after the agent listened again: its events are the manager's
        ],
        tail='{"eventtype":"CHAN_START","eventtime":"17965',  # Asterisk is writing this one
    )
    found = log.missed(at(alive), at(listening))
    assert [uid for uid, _ in found] == [f"{CALL}-1", f"{CALL}-2", f"{CALL}-3"]
    assert found[1][1][0][0] == dt.datetime.fromtimestamp(T0 + 20.002, dt.UTC)

    # A call the agent heard is one it tracks or reported lately: the agent skips it.
    tracker = CallTracker("hotline", lambda report, call: None)
    tracker.feed_all(found[2][1])
    assert tracker.heard(f"{CALL}-3") and not tracker.heard(f"{CALL}-2")

    path.rename(tmp_path / "hotline-calls.json.1")  # rotated: the new file is read from its start
    write(path, [shifted(hunt(), 6, 20)])
    assert [uid for uid, _ in log.missed(at(alive), at(listening))] == [f"{CALL}-6"]


def test_without_a_log_no_call_is_invented(tmp_path: Path) -> None:
    log = CallLog(tmp_path / "absent.json", tmp_path / "position")
    log.mark()
    assert log.missed(at(T0), at(T0 + 60)) == []


def at(t: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(t, dt.UTC)
