"""Finished calls, told apart from Asterisk's manager events and written as reports to the outbox.

The dialplan is the service's plan rendered (``docs/dialplan.md``), and it tells what the call does
with user events, so the agent needs no dialplan events (dozens per call, each built and filtered by
Asterisk's manager on the node's CPU): ``HotlineCall`` (the channel is a call to ``Number``; ``Area``
and ``Category`` are what the caller normalisation resolved), ``HotlineRecording`` (``MixMonitor``
records the call, into a file named by the call id), ``HotlineVoicemail`` (``Mailbox`` takes a
message), ``HotlinePrompt`` (an announcement before hanging up: a refusal's names it,
``sys-no-permission`` the black list, ``sys-area-busy`` area, ...), ``HotlineRingOut`` (a busy mobile's
wait has rung out). Each ``DialBegin``/``DialEnd`` is a bound phone tried and its outcome. The channel's
``Hangup`` ends the call and its report goes to the disk outbox (:mod:`telephony.outbox`), the call id
being the node-unique ``Uniqueid`` (``<system name>-<epoch>.<sequence>`` when the node sets
``systemname``, which a cluster must). The recording and the mailbox's message, with the channel's name
app_voicemail stores beside it, are what the call left on disk (:mod:`telephony.call_audio`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .journal import CallJournal

__all__ = [
    "EVENT_CLASSES",
    "EVENT_FILTERS",
    "Attempt",
    "CallTracker",
    "Missed",
    "TrackedCall",
    "dial_end",
    "manager_event",
    "user_event",
]

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


#: The manager filters (regular expressions over an event's text) passing what :class:`CallTracker`
#: reads: the plan's user events, the dial and hang-up events; the other call events (new channels,
#: states, bridges, caller ids: several per call) are dropped in Asterisk.
EVENT_FILTERS = ("Event: (UserEvent|DialBegin|DialEnd|Hangup)[[:space:]]",)


#: How many reported call ids :attr:`CallTracker.recent` keeps (minutes of calls at a node's peak).
RECENT = 20_000

#: The manager event classes the agent receives (``read`` of its manager user must include them).
EVENT_CLASSES = "call,user"


#: An event the agent did not receive as it happened, with when it did: learnt from Asterisk's channel
#: list (:mod:`telephony.reconcile`) or its call log (:mod:`telephony.call_log`), or kept in the journal.
Missed = tuple[dt.datetime, dict[str, str]]


def manager_event(kind: str, uid: str, **fields: str) -> dict[str, str]:
    """A manager event of call ``uid`` as the tracker reads it."""
    return {"Event": kind, "Uniqueid": uid, **fields}


def user_event(uid: str, name: str, **fields: str) -> dict[str, str]:
    """One of the plan's user events (``HotlineCall``, ...) of call ``uid``."""
    return manager_event("UserEvent", uid, UserEvent=name, **fields)


def dial_end(uid: str, dest: str, status: str = "") -> dict[str, str]:
    """A phone's dial ended: a ``DIALSTATUS``, or (empty) gone while the agent did not listen."""
    return manager_event("DialEnd", uid, DestUniqueid=dest, DialStatus=status)


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

    def rang_until(self, at: dt.datetime) -> None:
        self.ring_s = max(0, round((at - self.began).total_seconds()))


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
        #: The ids of the calls reported last (a call read from the node's call log is skipped if here).
        self.recent: deque[str] = deque(maxlen=RECENT)

    def number_of(self, context: str) -> str | None:
        """The 400 number whose plan ``context`` belongs to, if it is one of a plan's."""
        match = self._main.fullmatch(context)
        return match[1] if match else None

    def heard(self, uid: str) -> bool:
        """The call is in progress or was among the last reported."""
        return uid in self.calls or uid in self.recent

    def replay(self) -> int:
        """Take up the calls the journal holds (an earlier agent's); returns how many are in progress."""
        if self._journal is None:
            return 0
        for entries in self._journal.calls():
            self.feed_all(entries, journal=False)
        return len(self.calls)

    def feed_all(self, events: Iterable[Missed], *, journal: bool = True) -> None:
        """Take events with the times they happened, in order."""
        for at, event in events:
            self.feed(event, at, journal=journal)

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
            self.recent.append(uid)
            self._finished(call.report(at), call)
            if self._journal is not None:
                self._journal.forget(uid)

    def _take(self, event: dict[str, str], uid: str, at: dt.datetime) -> TrackedCall | None:
        """Apply the event to its call; the call, or None when the event is no call's."""
        kind = event.get("Event", "")
        call = self.calls.get(uid)
        if kind == "UserEvent":
            return self._user_event(event, uid, call, at)
        if call is None:
            return None
        if kind == "DialBegin":
            call.ringing_out = None
            phone = event.get("DialString", "").split("@")[0].rsplit("/", 1)[-1]
            call.attempts[event.get("DestUniqueid", phone)] = Attempt(phone, at)
        elif kind == "DialEnd":
            attempt = call.attempts.get(event.get("DestUniqueid", ""))
            if attempt is None:
                return call
            attempt.outcome = OUTCOMES.get(event.get("DialStatus", ""), "FAILED")
            attempt.rang_until(at)
            attempt.ended = True
            if attempt.outcome == "ANSWERED":
                call.answered, call.answered_phone = at, attempt.phone
            # The phone's own outcome stays (it was busy); its ring time runs on while the plan rings out.
            call.ringing_out = attempt if attempt.outcome in ("BUSY", "UNREACHABLE") else None
        return call

    def _user_event(
        self, event: dict[str, str], uid: str, call: TrackedCall | None, at: dt.datetime
    ) -> TrackedCall | None:
        name = event.get("UserEvent", "")
        if name == "HotlineCall":
            number = event.get("Number", "")
            if call is None:
                if not (len(number) == 10 and number.isdigit()):
                    return None
                call = self.calls[uid] = TrackedCall(
                    uid, number, event.get("CallerIDNum", ""), at, channel=event.get("Channel", "")
                )
            call.area = event.get("Area") or call.area
            call.category = event.get("Category") or call.category
        elif call is None:
            return None
        elif name == "HotlineRecording":
            call.recorded = True
        elif name == "HotlineVoicemail":
            call.voicemail = True
            call.mailbox = event.get("Mailbox", "")
        elif name == "HotlinePrompt":
            call.refusal = REFUSALS.get(event.get("Prompt", ""), call.refusal)
        elif name == "HotlineRingOut" and (attempt := call.ringing_out) is not None:
            attempt.rang_until(at)  # the caller heard ringing until now
            call.ringing_out = None
        return call
