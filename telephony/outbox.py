"""Finished calls waiting to be reported: one file per call on disk, sent until the service accepts them.

A call report must survive the agent's restart and the service's outage, and must never be counted
twice. So a finished call is first written to the outbox (atomically, one JSON file named by a digest of
its call id, so the same call written twice is one file), and only deleted once ``reportCalls`` answered
for it, either as recorded or as a duplicate of what the service already holds (the service is
idempotent by call id). Files are sent oldest first in batches of at most 500. A report the service
refuses as malformed (``calls[i].…``) would be refused forever: it is moved aside to ``rejected/`` with
the service's answer, for an operator to look at, and the rest of the batch is sent again.
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

__all__ = ["MAX_BATCH", "REPORT_CALLS", "FlushResult", "Outbox"]

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
_AT_CALL = re.compile(r"^calls\[(\d+)\]")


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
        self.pending_dir.mkdir(parents=True, exist_ok=True)
        self.rejected_dir.mkdir(parents=True, exist_ok=True)

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
