"""Finished calls, told apart from Asterisk's manager events and written as reports to the outbox.

The dialplan is the service's plan rendered (``docs/dialplan.md``), so its events say what happened: a
channel entering ``<prefix>-<400 number>`` is a call to that number; ``CALLER_AREA`` and ``CATEGORY`` are
what the caller normalisation resolved; each ``DialBegin``/``DialEnd`` is a bound phone tried and its
outcome; ``VoiceMail`` means a message was left; a platform announcement played before hanging up
names the refusal (``sys-no-permission``: the black list, ``sys-area-busy``: area, ...). The channel's
``Hangup`` ends the call and its report goes to the disk outbox (:mod:`telephony.outbox`), the call id
being the node-unique ``Uniqueid`` (``<system name>-<epoch>.<sequence>`` when the node sets
``systemname``, which a cluster must). The tracker also notes what the call left on disk: a
``MixMonitor`` (a recording named by the call id) and the mailbox ``VoiceMail`` wrote to, with the
channel's name, which app_voicemail stores beside the message (:mod:`telephony.call_audio` finds them).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .journal import CallJournal

__all__ = ["Attempt", "CallTracker", "TrackedCall", "event_filters"]

#: Announcements before a hangup → the disposition they mean.
REFUSALS = {
    "sys-no-permission": "REFUSED_LIST",
    "sys-area-busy": "REFUSED_AREA",
    "sys-category-refused": "REFUSED_CATEGORY",
    "sys-suspended": "SUSPENDED",
    "sys-busy": "BUSY",
    "sys-unallocated": "FAILED",
}
#: Dial() statuses → attempt outcomes.
OUTCOMES = {
    "ANSWER": "ANSWERED",
    "BUSY": "BUSY",
    "NOANSWER": "NO_ANSWER",
    "CHANUNAVAIL": "UNREACHABLE",
}


def event_filters(context_prefix: str) -> list[str]:
    """The manager filters (regular expressions over an event's text) passing what :class:`CallTracker`
    reads, and nothing else.

    Every priority a call runs is a ``Newexten`` and every ``Set()`` a ``VarSet``: dozens per call. At
    20 calls a second the agent would parse thousands of events a second on the node's own CPU, for the
    few it needs: a plan's first priority (the call begins), the applications that mean something
    (``VoiceMail``, ``MixMonitor``, ``Playback`` of a refusal), the variables the plan resolved, and the
    dial and hang-up events.
    """
    gap = "[[:space:]]+"
    return [
        f"Event: Newexten{gap}.*Context: {re.escape(context_prefix)}-[0-9]{{10}}{gap}Exten: s{gap}Priority: 1{gap}",
        f"Event: Newexten{gap}.*Application: (VoiceMail|MixMonitor|Playback){gap}",
        f"Event: VarSet{gap}.*Variable: (CALLER_AREA|CATEGORY|DIALSTATUS){gap}",
        f"Event: (DialBegin|DialEnd|Hangup){gap}",
    ]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Attempt:
    phone: str
    began: dt.datetime
    outcome: str = "FAILED"
    ring_s: int = 0
    #: Its ``DialEnd`` came: the outcome is the phone's.
    ended: bool = False


@dataclass
class TrackedCall:
    call_id: str
    number: str
    caller: str
    started: dt.datetime
    area: str = ""
    category: str = ""
    answered: dt.datetime | None = None
    answered_phone: str = ""
    voicemail: bool = False
    refusal: str = ""
    channel: str = ""
    #: ``box@context`` of the mailbox VoiceMail wrote to.
    mailbox: str = ""
    recorded: bool = False
    attempts: dict[str, Attempt] = field(default_factory=dict)
    #: A busy or switched-off mobile whose wait the plan lets ring out (``docs/dialplan.md``, ``dial``).
    ringing_out: Attempt | None = None
    #: When the last event of the call came.
    last_at: dt.datetime | None = None

    def disposition(self) -> str:
        outcomes = {a.outcome for a in self.attempts.values()}
        if self.answered is not None:
            return "ANSWERED"
        if self.voicemail:
            return "VOICEMAIL"
        if self.refusal:
            return self.refusal
        if "BUSY" in outcomes:
            return "BUSY"
        if "NO_ANSWER" in outcomes:
            return "NO_ANSWER"
        return "FAILED"

    def report(self, ended: dt.datetime) -> dict[str, Any]:
        """The ``CallReportInput`` of the finished call."""
        return {
            "callId": self.call_id,
            "number": self.number,
            "caller": self.caller,
            "callerArea": self.area,
            "callerCategory": self.category,
            "startedAt": self.started.isoformat(),
            "answeredAt": self.answered.isoformat() if self.answered else None,
            "endedAt": ended.isoformat(),
            "disposition": self.disposition(),
            "attempts": [
                {"phone": a.phone, "outcome": a.outcome, "ringSeconds": a.ring_s}
                for a in self.attempts.values()
            ],
            "answeredPhone": self.answered_phone,
        }


class CallTracker:
    """Feed it every manager event; ``finished`` receives each call's report when its channel hangs up.

    With a ``journal``, each call's events are kept on disk until its report is out, and :meth:`replay`
    takes up the calls a previous agent left in progress.
    """

    def __init__(
        self,
        context_prefix: str,
        finished: Callable[[dict[str, Any], TrackedCall], None],
        clock: Callable[[], dt.datetime] = _now,
        journal: CallJournal | None = None,
    ) -> None:
        self._main = re.compile(rf"{re.escape(context_prefix)}-(\d{{10}})(?:-.*)?")
        self._finished = finished
        self._clock = clock
        self._journal = journal
        self.calls: dict[str, TrackedCall] = {}

    def number_of(self, context: str) -> str | None:
        """The 400 number whose plan ``context`` belongs to, if it is one of a plan's."""
        match = self._main.fullmatch(context)
        return match[1] if match else None

    def replay(self) -> int:
        """Take up the calls the journal holds (an earlier agent's); returns how many are in progress."""
        if self._journal is None:
            return 0
        for entries in self._journal.calls():
            for at, event in entries:
                self.feed(event, at, journal=False)
        return len(self.calls)

    def feed(self, event: dict[str, str], at: dt.datetime | None = None, *, journal: bool = True) -> None:
        """Take one event, received at ``at`` (now when None); ``journal=False`` when it came from there."""
        at = at or self._clock()
        uid = event.get("Uniqueid", "")
        call = self._take(event, uid, at)
        if call is None:
            return
        call.last_at = at
        if self._journal is not None and journal:
            self._journal.append(uid, at, event)
        if event.get("Event") == "Hangup":
            del self.calls[uid]
            self._finished(call.report(at), call)
            if self._journal is not None:
                self._journal.forget(uid)

    def _take(self, event: dict[str, str], uid: str, at: dt.datetime) -> TrackedCall | None:
        """Apply the event to its call; the call, or None when the event is no call's."""
        kind = event.get("Event", "")
        call = self.calls.get(uid)
        if kind == "Newexten":
            if call is None:
                number = self.number_of(event.get("Context", ""))
                if number is None:
                    return None
                call = self.calls[uid] = TrackedCall(
                    uid, number, event.get("CallerIDNum", ""), at, channel=event.get("Channel", "")
                )
            application = event.get("Application", "").lower()
            if application == "voicemail":
                call.voicemail = True
                call.mailbox = event.get("AppData", "").split(",")[0]
            elif application == "mixmonitor":
                call.recorded = True
            elif application == "playback":
                sound = event.get("AppData", "").split(",")[0].rsplit("/", 1)[-1]
                if sound in REFUSALS:
                    call.refusal = REFUSALS[sound]
        elif call is None:
            return None
        elif kind == "VarSet":
            if event.get("Variable") == "CALLER_AREA":
                call.area = event.get("Value", "")
            elif event.get("Variable") == "CATEGORY":
                call.category = event.get("Value", "")
            elif (
                event.get("Variable") == "DIALSTATUS"
                and event.get("Value") == "NOANSWER"
                and (attempt := call.ringing_out) is not None
            ):
                # The ring-out block ends by setting NOANSWER: the caller heard ringing until now.
                attempt.ring_s = max(0, round((at - attempt.began).total_seconds()))
                call.ringing_out = None
        elif kind == "DialBegin":
            call.ringing_out = None
            phone = event.get("DialString", "").split("@")[0].rsplit("/", 1)[-1]
            call.attempts[event.get("DestUniqueid", phone)] = Attempt(phone, at)
        elif kind == "DialEnd":
            attempt = call.attempts.get(event.get("DestUniqueid", ""))
            if attempt is None:
                return call
            attempt.outcome = OUTCOMES.get(event.get("DialStatus", ""), "FAILED")
            attempt.ring_s = max(0, round((at - attempt.began).total_seconds()))
            attempt.ended = True
            if attempt.outcome == "ANSWERED":
                call.answered, call.answered_phone = at, attempt.phone
            # The phone's own outcome stays (it was busy); its ring time runs on while the plan rings out.
            call.ringing_out = attempt if attempt.outcome in ("BUSY", "UNREACHABLE") else None
        return call
