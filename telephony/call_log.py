"""Calls that began and ended while the agent did not listen, read from Asterisk's channel event log.

The manager shows only what is up when the agent listens again (:mod:`telephony.reconcile`): a call that
began and ended in the gap left nothing there. Asterisk's channel event logging (CEL) writes every
call's events to a file whoever listens; the node logs them as JSON lines (``cel_custom``,
``docs/telephony.md``): each channel's start, the applications the plan runs (``Dial`` with its
arguments, ``UserEvent`` with the plan's user events and their fields), answers, and hang-ups with their
cause. When the agent listens again it reads the lines written since it last listened and turns each
call that hung up in the gap, and that it does not know, into the manager events the tracker would have
received, at the times Asterisk logged them: the report is the one the agent would have made.

A phone tried is the first channel the call creates after a ``Dial`` (a Local channel's ``;1`` half).
Its answer is the attempt's ``DialEnd ANSWER``; a hang-up unanswered gets the status ``Dial()`` makes of
the same cause (either half's, for a Local channel): busy (17), congestion (34, 42), no answer when the
wait ran out and cancelled when the caller hung up first (normal clearing, no answer), unavailable
otherwise.

How far the agent had read while it listened is kept in the state directory, a few seconds behind
(the gap's first call may have begun just before), so a restart reads only the gap's lines.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .calls import Missed, dial_end, manager_event, user_event
from .files import write_bytes_atomically

__all__ = ["CALL_LOG_MODULES", "CALL_LOG_NAME", "CallLog", "LogRecord", "call_events", "call_log_configs"]

log = logging.getLogger("telephony.call_log")


#: The log's file name in Asterisk's ``cel-custom`` log directory.
CALL_LOG_NAME = "hotline-calls.json"
#: The Asterisk modules writing the log.
CALL_LOG_MODULES = ("res_cdrel_custom", "cel_custom")
#: The events and applications logged: a channel's start, answer and hang-up, and the two applications
#: that tell what a call does (the plan's user events, the phones it dials).
CEL_EVENTS = "CHAN_START,ANSWER,HANGUP,APP_START"
CEL_APPS = "dial,userevent"
#: The fields of a line, read by :meth:`LogRecord.of` (cel_custom's lower-cased names).
CEL_FIELDS = "EventType,EventTime,Num,ChanName,AppName,AppData,UniqueID,LinkedID,EventExtra"

#: How far behind what was read while listening the kept position stays.
LAG_S = 5.0
MARK_EVERY_S = 1.0
#: Hang-up causes and the ``DIALSTATUS`` ``Dial()`` makes of them (app_dial's ``handle_cause``).
BUSY_CAUSES = frozenset({17})
CONGESTION_CAUSES = frozenset({34, 42})
CLEARING_CAUSES = frozenset({0, 16, 19})
#: A wait shorter than this before its end is the caller hanging up, not the wait running out.
WAIT_SLACK_S = 0.5


def call_log_configs(name: str = CALL_LOG_NAME) -> dict[str, str]:
    """``cel.conf`` and ``cel_custom.conf`` of a node logging its calls to ``<log dir>/cel-custom/<name>``.

    A file name, not a path: Asterisk cuts a configuration section's name at 80 characters. The
    directory must exist (Debian's package makes it; Asterisk does not).
    """
    return {
        "cel.conf": f"[general]\nenable = yes\nevents = {CEL_EVENTS}\napps = {CEL_APPS}\n",
        "cel_custom.conf": f"[{name}]\nformat = json\nfields = {CEL_FIELDS}\n",
    }


@dataclass(frozen=True)
class LogRecord:
    """One line of the call log (the fields the node's ``cel_custom.conf`` writes)."""

    kind: str
    at: dt.datetime
    caller: str
    channel: str
    app: str
    data: str
    uid: str
    linkedid: str
    cause: int

    @classmethod
    def of(cls, line: dict[str, Any]) -> LogRecord:
        extra = line.get("eventextra") or ""
        try:
            cause = int(json.loads(extra).get("hangupcause", 0)) if extra else 0
        except (ValueError, AttributeError, TypeError):
            cause = 0
        return cls(
            kind=str(line.get("eventtype", "")),
            at=dt.datetime.fromtimestamp(float(line.get("eventtime", 0)), dt.UTC),
            caller=str(line.get("num", "")),
            channel=str(line.get("channame", "")),
            app=str(line.get("appname", "")),
            data=str(line.get("appdata", "")),
            uid=str(line.get("uniqueid", "")),
            linkedid=str(line.get("linkedid", "")),
            cause=cause,
        )


@dataclass
class _Tried:
    """A phone the call dialled."""

    target: str
    began: dt.datetime
    wait_s: float | None
    half: str
    answered: dt.datetime | None = None
    hung_up: dt.datetime | None = None


@dataclass
class _Call:
    uid: str
    events: list[Missed] = field(default_factory=list)
    tried: dict[str, _Tried] = field(default_factory=dict)
    #: Dial targets not yet matched to a channel, and the wait the ``Dial()`` gave them.
    pending: list[str] = field(default_factory=list)
    wait_s: float | None = None
    hung_up: dt.datetime | None = None


def _user_event(record: LogRecord) -> dict[str, str]:
    """``UserEvent(Name,Key: value,...)`` as the manager would have sent it."""
    name, *pairs = record.data.split(",")
    fields = {key.strip(): value.strip() for key, _, value in (pair.partition(":") for pair in pairs)}
    return {**user_event(record.uid, name, Channel=record.channel, CallerIDNum=record.caller), **fields}


def _wait_of(arguments: str) -> float | None:
    parts = arguments.split(",")
    try:
        return float(parts[1]) if len(parts) > 1 and parts[1] else None
    except ValueError:
        return None


def _status(causes: list[int], rang_s: float, wait_s: float | None) -> str:
    """What ``Dial()`` made of a phone that hung up unanswered after ringing ``rang_s`` of its wait."""
    if any(c in BUSY_CAUSES for c in causes):
        return "BUSY"
    if any(c in CONGESTION_CAUSES for c in causes):
        return "CONGESTION"
    if all(c in CLEARING_CAUSES for c in causes):
        ran_out = wait_s is not None and rang_s >= wait_s - WAIT_SLACK_S
        return "NOANSWER" if ran_out else "CANCEL"
    return "CHANUNAVAIL"


def call_events(records: list[LogRecord]) -> tuple[str, list[Missed]] | None:
    """The manager events of one call (the records of one ``linkedid``, in order), with their times, and
    its call id; None when the records hold no whole hotline call (no ``HotlineCall`` or no hang-up)."""
    call: _Call | None = None
    causes: dict[str, list[int]] = {}
    for record in records:
        if call is None:
            if (
                record.kind == "APP_START"
                and record.app == "UserEvent"
                and record.data.startswith("HotlineCall,")
            ):
                call = _Call(record.uid)
            else:
                continue
        half = record.channel.rsplit(";", 1)[0]
        if record.uid == call.uid:
            if record.kind == "APP_START" and record.app == "UserEvent":
                call.events.append((record.at, _user_event(record)))
            elif record.kind == "APP_START" and record.app == "Dial":
                call.pending = record.data.split(",")[0].split("&")
                call.wait_s = _wait_of(record.data)
            elif record.kind == "HANGUP":
                call.hung_up = record.at
        elif record.kind == "CHAN_START" and call.pending and not record.channel.endswith(";2"):
            target = call.pending.pop(0)
            call.tried[record.uid] = _Tried(target, record.at, call.wait_s, half)
            begin = manager_event("DialBegin", call.uid, DestUniqueid=record.uid, DialString=target)
            call.events.append((record.at, begin))
        elif record.kind == "HANGUP":
            causes.setdefault(half, []).append(record.cause)
            if (tried := call.tried.get(record.uid)) is not None:
                tried.hung_up = record.at
        elif record.kind == "ANSWER" and (tried := call.tried.get(record.uid)) is not None:
            tried.answered = tried.answered or record.at
    if call is None or call.hung_up is None:
        return None
    for dest, tried in call.tried.items():
        if tried.answered is not None:
            at, status = tried.answered, "ANSWER"
        elif tried.hung_up is not None:
            rang_s = (tried.hung_up - tried.began).total_seconds()
            at, status = tried.hung_up, _status(causes.get(tried.half, [0]), rang_s, tried.wait_s)
        else:
            continue
        # Dial() ends its phones before the call's own hang-up: so does the report.
        call.events.append((min(at, call.hung_up), dial_end(call.uid, dest, status)))
    call.events.append((call.hung_up, manager_event("Hangup", call.uid)))
    call.events.sort(key=lambda item: item[0])
    return call.uid, call.events


class CallLog:
    """The node's call log at ``path``; the position read while listening is kept in ``position_file``."""

    def __init__(self, path: Path, position_file: Path, clock: Callable[[], float] = time.monotonic) -> None:
        self.path = path
        self.position_file = position_file
        self._clock = clock
        self._marks: deque[tuple[float, tuple[int, int]]] = deque()
        self._kept: tuple[int, int] | None = None

    def mark(self) -> None:
        """While listening: what the log holds now, the agent heard. Kept ``LAG_S`` later (a mark a
        second at most: the agent marks several times a second)."""
        now = self._clock()
        if self._marks and now - self._marks[-1][0] < MARK_EVERY_S:
            return
        try:
            stat = self.path.stat()
            where = (stat.st_ino, stat.st_size)
        except FileNotFoundError:
            where = (0, 0)
        self._marks.append((now, where))
        ripe: tuple[int, int] | None = None
        while self._marks and now - self._marks[0][0] >= LAG_S:
            ripe = self._marks.popleft()[1]
        if ripe is not None and ripe != self._kept:
            write_bytes_atomically(self.position_file, "{} {}\n".format(*ripe).encode(), sync=False)
            self._kept = ripe

    def _position(self, inode: int, size: int) -> int:
        """Where to read from: the kept position in the same file, else its start (rotated meanwhile)."""
        try:
            kept_inode, kept = (int(part) for part in self.position_file.read_text().split())
        except (FileNotFoundError, ValueError):
            return 0
        return kept if kept_inode == inode and kept <= size else 0

    def missed(self, alive_at: dt.datetime, listening_at: dt.datetime) -> list[tuple[str, list[Missed]]]:
        """The calls that had begun before ``listening_at`` and hung up after ``alive_at`` (the agent's
        last mark before the gap), each as its call id and events; those the agent heard after all
        (:meth:`CallTracker.heard`) are for it to skip."""
        try:
            with self.path.open("rb") as handle:
                stat = os.fstat(handle.fileno())
                handle.seek(self._position(stat.st_ino, stat.st_size))
                data = handle.read()
        except FileNotFoundError:
            log.warning("no call log at %s: calls begun and ended in the gap cannot be reported", self.path)
            return []
        groups: dict[str, list[LogRecord]] = {}
        complete = data[: data.rfind(b"\n") + 1]  # the last line may be half written
        for line in complete.decode("utf-8", errors="replace").splitlines():
            try:
                record = LogRecord.of(json.loads(line))
            except (ValueError, TypeError, AttributeError):
                continue  # a line cut short when the log was rotated or the node crashed
            groups.setdefault(record.linkedid, []).append(record)
        found: list[tuple[str, list[Missed]]] = []
        for records in groups.values():
            call = call_events(records)
            if call is None:
                continue
            _, events = call  # from its HotlineCall to its Hangup
            if events[0][0] < listening_at and events[-1][0] > alive_at:
                found.append(call)
        return found
