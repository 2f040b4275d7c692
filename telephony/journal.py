"""Calls in progress, kept on disk so that an agent restart or a dropped event connection loses none.

Asterisk's manager never replays events: a call that was up while the agent restarted would end with no
one listening and go unreported, so unbilled. So every event the tracker takes for a call is appended to
that call's journal (one line of JSON per event, with the time the agent received it), and the journal
is removed once the call's report is in the outbox. A new agent replays the journals it finds and so
knows every call that was in progress, with its times, as if it had never stopped.

What happened while nobody listened is then asked of Asterisk (:mod:`telephony.reconcile`); to bound
it, the agent touches ``alive`` several times a second while it follows events: its time says until
when the journals were complete.

Appends are not synced to disk: an agent that is killed leaves them in the page cache; a machine that
fails takes its Asterisk, and the calls, with it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterator
from pathlib import Path

__all__ = ["JOURNALLED", "CallJournal", "Entry"]

log = logging.getLogger("telephony.journal")

#: The event fields the tracker reads; the rest of an event is not kept.
JOURNALLED = (
    "Event",
    "UserEvent",
    "Uniqueid",
    "CallerIDNum",
    "Channel",
    "Number",
    "Area",
    "Category",
    "Mailbox",
    "Prompt",
    "DialString",
    "DestUniqueid",
    "DialStatus",
)

Entry = tuple[dt.datetime, dict[str, str]]


class CallJournal:
    """One file per call in progress under ``directory``, named by a digest of its call id."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self._alive = directory / "alive"

    def _path(self, call_id: str) -> Path:
        return self.directory / f"{hashlib.sha256(call_id.encode()).hexdigest()[:32]}.jsonl"

    def append(self, call_id: str, at: dt.datetime, event: dict[str, str]) -> None:
        kept = {key: event[key] for key in JOURNALLED if key in event}
        line = json.dumps({"at": at.isoformat(), "event": kept}, ensure_ascii=False)
        with self._path(call_id).open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")

    def forget(self, call_id: str) -> None:
        self._path(call_id).unlink(missing_ok=True)

    def calls(self) -> Iterator[list[Entry]]:
        """Each journalled call's events, oldest call first. A line cut short by a kill is the last one
        written: it is skipped, and so is a file holding nothing readable."""
        paths = sorted(self.directory.glob("*.jsonl"), key=lambda p: p.stat().st_mtime)
        for path in paths:
            entries: list[Entry] = []
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    item = json.loads(line)
                    entries.append((dt.datetime.fromisoformat(item["at"]), dict(item["event"])))
                except (ValueError, KeyError, TypeError):
                    log.warning("skipped an unreadable line of %s", path.name)
            if entries:
                yield entries
            else:
                path.unlink(missing_ok=True)

    def mark_alive(self) -> None:
        """The journals are complete until now."""
        self._alive.touch()

    def alive_at(self) -> dt.datetime | None:
        """Until when the journals were complete (the last :meth:`mark_alive`), if ever."""
        try:
            return dt.datetime.fromtimestamp(self._alive.stat().st_mtime, dt.UTC)
        except FileNotFoundError:
            return None
