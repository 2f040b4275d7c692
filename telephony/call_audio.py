"""Where a finished call's audio lies in Asterisk's spool: its recording and its voicemail message.

The rendered dialplan records with ``MixMonitor(${UNIQUEID}.wav)``, so a recording is
``<spool>/monitor/<call id>.wav``. ``VoiceMail(box@context)`` writes ``msgNNNN.wav`` and a ``msgNNNN.txt``
of metadata into ``<spool>/voicemail/<context>/<box>/INBOX/``; the metadata names the channel that left
the message (``callerchan``) and when (``origtime``), which ties a message to its call. Both kinds are
handed to the outbox (:meth:`telephony.outbox.Outbox.capture`), which takes them out of the spool once
Asterisk has finished writing them: the platform keeps them, and the node's disk does not fill.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .calls import TrackedCall

__all__ = ["FoundAudio", "audio_of"]

_SAFE = re.compile(r"[A-Za-z0-9_.@-]{1,80}")


@dataclass(frozen=True)
class FoundAudio:
    """One audio file of a call: ``kind`` as the service names it (``CALL`` or ``VOICEMAIL``), the file,
    and the files to remove with it (a voicemail message's metadata)."""

    kind: str
    path: Path
    companions: tuple[Path, ...] = ()


def _metadata(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        key, sep, value = line.partition("=")
        if sep:
            values[key.strip()] = value.strip()
    return values


def _voicemail(spool: Path, call: TrackedCall) -> FoundAudio | None:
    box, _, context = call.mailbox.partition("@")
    if not (_SAFE.fullmatch(box) and _SAFE.fullmatch(context or "default")) or not call.channel:
        return None
    inbox = spool / "voicemail" / (context or "default") / box / "INBOX"
    earliest = call.started - dt.timedelta(seconds=5)
    for text in sorted(inbox.glob("msg*.txt")):
        meta = _metadata(text)
        try:
            left = dt.datetime.fromtimestamp(int(meta.get("origtime", "0")), dt.UTC)
        except ValueError:
            continue
        if meta.get("callerchan") == call.channel and left >= earliest:
            return FoundAudio("VOICEMAIL", text.with_suffix(".wav"), (text,))
    return None


def audio_of(spool: Path, call: TrackedCall) -> list[FoundAudio]:
    """The audio ``call`` left in ``spool`` (none, a recording, a voicemail message, or both)."""
    found = []
    if call.recorded and _SAFE.fullmatch(call.call_id):
        recording = spool / "monitor" / f"{call.call_id}.wav"
        if recording.exists():
            found.append(FoundAudio("CALL", recording))
    if call.voicemail and (message := _voicemail(spool, call)) is not None:
        found.append(message)
    return found
