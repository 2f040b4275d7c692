"""Finished calls waiting to be reported: one file per call on disk, sent until the service accepts them.

A call report must survive the agent's restart and the service's outage, and must never be counted
twice. So a finished call is first written to the outbox (atomically, one JSON file named by a digest of
its call id, so the same call written twice is one file), and only deleted once ``reportCalls`` answered
for it, either as recorded or as a duplicate of what the service already holds (the service is
idempotent by call id). Files are sent oldest first in batches of at most 500. A report the service
refuses as malformed (``calls[i].…``) would be refused forever: it is moved aside to ``rejected/`` with
the service's answer, for an operator to look at, and the rest of the batch is sent again.

Recordings and voicemail messages travel the same way. At the hangup a *capture* names the file in
Asterisk's spool (``captures/``); once the file has not changed for a moment (MixMonitor may still be
closing it after the hangup) its bytes move into ``audio/`` with what ``reportCallAudio`` needs, and the
spool's copy is removed. Each is uploaded until the service answers with the recording, which it does
again for a retry of the same call and kind, so an upload is never stored twice.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .files import write_bytes_atomically
from .service import ServiceClient, ServiceError

__all__ = ["MAX_BATCH", "REPORT_AUDIO", "REPORT_CALLS", "FlushResult", "Outbox"]

log = logging.getLogger("telephony.outbox")

MAX_BATCH = 500
REPORT_CALLS = """
mutation Report($calls: [CallReportInput!]!) {
  reportCalls(calls: $calls) {
    __typename
    ... on CallReportBatch { recorded duplicates results { duplicate record { callId } } }
    ... on UserErrors { errors { code message field } }
  }
}
"""
REPORT_AUDIO = """
mutation Audio($input: CallAudioInput!) {
  reportCallAudio(input: $input) {
    __typename
    ... on Recording { id }
    ... on UserErrors { errors { code message field } }
  }
}
"""
_AT_CALL = re.compile(r"^calls\[(\d+)\]")
#: A spool file unchanged this long is complete; one that never appears is given up after the other.
SETTLE_S = 1.0
GIVE_UP_S = 300.0


@dataclass
class FlushResult:
    recorded: int = 0
    duplicates: int = 0
    rejected: int = 0


class Outbox:
    """The directory of unsent reports (``pending/``) and of refused ones (``rejected/``)."""

    def __init__(self, root: Path) -> None:
        self.pending_dir = root / "pending"
        self.rejected_dir = root / "rejected"
        self.captures_dir = root / "captures"
        self.audio_dir = root / "audio"
        for directory in (self.pending_dir, self.rejected_dir, self.captures_dir, self.audio_dir):
            directory.mkdir(parents=True, exist_ok=True)

    @staticmethod
    def _key(call_id: str) -> str:
        return hashlib.sha256(call_id.encode()).hexdigest()[:32]

    def add(self, report: dict[str, Any]) -> bool:
        """Keep a finished call's report (``CallReportInput`` fields); False if that call is already kept."""
        key = self._key(str(report["callId"]))
        if any(self.pending_dir.glob(f"*-{key}.json")):
            return False
        data = json.dumps(report, ensure_ascii=False, sort_keys=True).encode()
        write_bytes_atomically(self.pending_dir / f"{time.time_ns():020d}-{key}.json", data)
        return True

    def pending(self) -> list[Path]:
        """Unsent reports, oldest first."""
        return sorted(self.pending_dir.glob("*.json"))

    async def flush(self, service: ServiceClient) -> FlushResult:
        """Send every pending report; returns the counts. Stops at the first unreachable service.

        Raises:
            ServiceError: the service could not be reached or refused the batch as a whole; every
                report not yet answered stays pending.
        """
        result = FlushResult()
        while batch := self.pending()[:MAX_BATCH]:
            reports = [json.loads(path.read_bytes()) for path in batch]
            data = await service.graphql(REPORT_CALLS, {"calls": reports})
            answer = data["reportCalls"]
            if answer["__typename"] == "CallReportBatch":
                result.recorded += int(answer["recorded"])
                result.duplicates += int(answer["duplicates"])
                for path in batch:
                    path.unlink(missing_ok=True)
                continue
            refused = {
                int(match[1]): error
                for error in answer["errors"]
                if (match := _AT_CALL.match(str(error.get("field") or "")))
            }
            if not refused:
                raise ServiceError(f"the service refused the call reports: {answer['errors']}")
            for index, error in refused.items():
                path = batch[index]
                log.error("call report %s refused: %s", reports[index].get("callId"), error)
                write_bytes_atomically(
                    self.rejected_dir / f"{path.stem}.error.json",
                    json.dumps(error, ensure_ascii=False).encode(),
                )
                path.replace(self.rejected_dir / path.name)
                result.rejected += 1
        return result

    def capture(self, audio: dict[str, Any], source: Path, companions: tuple[Path, ...] = ()) -> None:
        """Note a call's audio file in Asterisk's spool (``audio``: ``CallAudioInput`` without the file)."""
        key = f"{self._key(str(audio['callId']))}-{audio['kind'].lower()}"
        record = {"audio": audio, "source": str(source), "companions": [str(p) for p in companions]}
        data = json.dumps(record, ensure_ascii=False, sort_keys=True).encode()
        write_bytes_atomically(self.captures_dir / f"{key}.json", data)

    def captures(self) -> list[Path]:
        return sorted(self.captures_dir.glob("*.json"))

    def collect(self, now: float | None = None) -> int:
        """Move every finished spool file into the outbox; returns how many moved."""
        now = time.time() if now is None else now
        moved = 0
        for path in self.captures():
            record = json.loads(path.read_bytes())
            source = Path(record["source"])
            try:
                changed = source.stat().st_mtime
            except FileNotFoundError:
                if now - path.stat().st_mtime > GIVE_UP_S:
                    log.error("audio of call %s never appeared at %s", record["audio"]["callId"], source)
                    path.unlink()
                continue
            if now - changed < SETTLE_S:
                continue
            write_bytes_atomically(self.audio_dir / f"{path.stem}.wav", source.read_bytes())
            write_bytes_atomically(self.audio_dir / path.name, json.dumps(record["audio"]).encode())
            for done in (source, *map(Path, record["companions"])):
                done.unlink(missing_ok=True)
            path.unlink()
            moved += 1
        return moved

    def audio(self) -> list[Path]:
        """Audio waiting to be uploaded (its ``.json``; the ``.wav`` beside it), oldest capture first."""
        return sorted(self.audio_dir.glob("*.json"), key=lambda p: p.stat().st_mtime)

    async def flush_audio(self, service: ServiceClient, limit: int | None = None) -> int:
        """Upload the collected files (at most ``limit``, oldest first); returns how many the service holds now.

        Raises:
            ServiceError: the service could not be reached; what was not uploaded stays.
        """
        uploaded = 0
        for meta_path in self.audio()[:limit]:
            audio_path = meta_path.with_suffix(".wav")
            audio = json.loads(meta_path.read_bytes())
            variables = {"input": {**audio, "file": None}}
            data = await service.graphql_upload(
                REPORT_AUDIO, variables, "variables.input.file", audio_path.name, audio_path.read_bytes()
            )
            answer = data["reportCallAudio"]
            if answer["__typename"] != "Recording":
                log.error("audio of call %s refused: %s", audio["callId"], answer.get("errors"))
                write_bytes_atomically(
                    self.rejected_dir / f"{meta_path.stem}.error.json",
                    json.dumps(answer.get("errors"), ensure_ascii=False).encode(),
                )
                audio_path.replace(self.rejected_dir / audio_path.name)
                meta_path.replace(self.rejected_dir / meta_path.name)
                continue
            audio_path.unlink()
            meta_path.unlink()
            uploaded += 1
        return uploaded
