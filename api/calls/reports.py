"""Call reports from the telephony layer: checked, recorded, rated and charged exactly once.

A report is keyed by its call id. The same report again (a retry) is a no-op that answers with the
record; a different report under an id already recorded is refused. A batch is one transaction: every
account it charges is locked first (in id order, so two batches never wait on each other in a circle),
then the call ids are checked again under the locks, so ten copies of one call sent at once charge it
once. The ledger's (account, key) constraint would refuse a second charge anyway.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, cast

import strawberry
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

import ivr_flows
from api.billing.ledger import add_to_balance
from api.billing.models import EntryKind, LedgerEntry
from api.billing.rates import Rate, rates_of
from api.calls.missed import text_missed_calls
from api.calls.models import CallRecord, Disposition
from api.clock import utcnow
from api.config import Config
from api.errors import UserError, UserErrors
from api.numbers.models import Number
from api.numbers.numbering import format_number
from api.thresholds import standing

__all__ = ["MAX_BATCH", "AttemptOutcome", "CallReport", "PhoneAttempt", "Recorded", "record_calls"]

MAX_BATCH = 500
MAX_ATTEMPTS = 20
MAX_CALL = dt.timedelta(hours=24)
_RETRIES = 5


@strawberry.enum(name="AttemptOutcome")
class AttemptOutcome(StrEnum):
    ANSWERED = "answered"
    BUSY = "busy"
    NO_ANSWER = "no_answer"
    UNREACHABLE = "unreachable"
    FAILED = "failed"


@dataclass(frozen=True)
class PhoneAttempt:
    phone: str
    outcome: AttemptOutcome
    ring_seconds: int = 0


@dataclass(frozen=True)
class CallReport:
    call_id: str
    number: str
    caller: str
    started_at: dt.datetime
    ended_at: dt.datetime
    disposition: Disposition
    answered_at: dt.datetime | None = None
    caller_area: str = ""
    caller_category: str = ""
    attempts: Sequence[PhoneAttempt] = field(default_factory=tuple)
    answered_phone: str = ""
    media_ref: str = ""

    def canonical(self) -> dict[str, Any]:
        return {
            "call_id": self.call_id,
            "number": self.number,
            "caller": self.caller,
            "caller_area": self.caller_area,
            "caller_category": self.caller_category,
            "started_at": _utc(self.started_at).isoformat(),
            "answered_at": _utc(self.answered_at).isoformat() if self.answered_at else None,
            "ended_at": _utc(self.ended_at).isoformat(),
            "disposition": self.disposition.value,
            "attempts": [
                {"phone": a.phone, "outcome": a.outcome.value, "ring_seconds": a.ring_seconds}
                for a in self.attempts
            ],
            "answered_phone": self.answered_phone,
            "media_ref": self.media_ref,
        }

    def sha256(self) -> str:
        text = json.dumps(self.canonical(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class Recorded:
    """One call's outcome: its record, and whether this report was a retry of one recorded before."""

    record: CallRecord
    duplicate: bool


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)


def _printable(value: str, limit: int) -> bool:
    return len(value) <= limit and all(ord(c) >= 32 and c != "\x7f" for c in value)


def _check(report: CallReport, at: str) -> list[UserError]:
    errors: list[UserError] = []

    def bad(code: str, message: str, name: str) -> None:
        errors.append(UserError(code, message, f"{at}.{name}"))

    if not report.call_id or not _printable(report.call_id, 64):
        bad("invalid_call_id", "通话编号应为1到64个可见字符", "callId")
    try:
        ivr_flows.parse_400_number(report.number)
    except ivr_flows.Invalid400Number:
        bad("invalid_number", "不是有效的400号码", "number")
    if not report.caller or not _printable(report.caller, 32):
        bad("invalid_caller", "主叫号码应为1到32个字符", "caller")
    for name, value, limit in (
        ("callerArea", report.caller_area, 16),
        ("callerCategory", report.caller_category, 16),
        ("answeredPhone", report.answered_phone, 20),
        ("mediaRef", report.media_ref, 100),
    ):
        if not _printable(value, limit):
            bad("too_long", f"内容过长(不超过{limit}个字符)", name)
    start, end, answer = report.started_at, report.ended_at, report.answered_at
    if any(t.tzinfo is None for t in (start, end, *([answer] if answer else []))):
        bad("invalid_time", "时间须带时区", "startedAt")
    elif not start.year >= 2000 or end < start or end - start > MAX_CALL:
        bad("invalid_time", "结束时间应在开始之后,且通话不超过24小时", "endedAt")
    elif answer is not None and not start <= answer <= end:
        bad("invalid_time", "接通时间应在开始与结束之间", "answeredAt")
    if (answer is not None) != (report.disposition == Disposition.ANSWERED):
        bad("invalid_disposition", "只有已接听的通话有接通时间,已接听的通话必须有接通时间", "disposition")
    if len(report.attempts) > MAX_ATTEMPTS:
        bad("too_many_attempts", f"每通电话最多报告{MAX_ATTEMPTS}次转接", "attempts")
    for attempt in report.attempts:
        if not attempt.phone or not _printable(attempt.phone, 20) or not 0 <= attempt.ring_seconds <= 3600:
            bad("invalid_attempt", "转接记录的号码或振铃时长无效", "attempts")
            break
    return errors


def _talk_seconds(report: CallReport) -> int:
    if report.answered_at is None:
        return 0
    return int((report.ended_at - report.answered_at).total_seconds())


def _province(report: CallReport) -> str:
    area = ivr_flows.resolve_caller(report.caller)
    return "" if area.province == "unknown" else area.province[:16]


async def record_calls(reports: Sequence[CallReport], config: Config) -> list[Recorded]:
    """Record, rate and charge each call once; the outcome of each report, in order.

    Refused as a whole (nothing recorded) when a report is malformed, names a number that is not in
    service, or reuses a recorded call id for a different call.
    """
    if len(reports) > MAX_BATCH:
        raise UserError("batch_too_large", f"每批最多{MAX_BATCH}通电话", "calls")
    errors = [e for i, r in enumerate(reports) for e in _check(r, f"calls[{i}]")]
    if errors:
        raise UserErrors(errors)
    hashes = [r.sha256() for r in reports]
    firsts: dict[str, int] = {}
    for i, report in enumerate(reports):
        j = firsts.setdefault(report.call_id, i)
        if hashes[j] != hashes[i]:
            raise UserError("call_id_reused", "同一通话编号报告了不同的通话", f"calls[{i}].callId")
    numbers = {
        n.number: n
        for n in await Number.filter(number__in={r.number for r in reports}, account_id__isnull=False)
    }
    for i, report in enumerate(reports):
        if report.number not in numbers:
            raise UserError("number_not_in_service", "该400号码未开通", f"calls[{i}].number")
    for _ in range(_RETRIES):
        try:
            recorded = await _record(reports, hashes, numbers, firsts, config)
            break
        except IntegrityError:  # a concurrent batch recorded one of these calls first: look again
            continue
    else:
        raise UserError("busy", "系统繁忙,请重试", "calls")
    fresh = [r.record for r in recorded if not r.duplicate]
    texted = await text_missed_calls(fresh)
    for account_id in sorted({r.account_id for r in fresh if r.charge_fen} | texted):
        await standing.apply(account_id)
    return recorded


async def _record(
    reports: Sequence[CallReport],
    hashes: list[str],
    numbers: dict[str, Number],
    firsts: dict[str, int],
    config: Config,
) -> list[Recorded]:
    rates = await rates_of({n.account_id for n in numbers.values() if n.account_id is not None}, config)
    now = utcnow()
    async with in_transaction() as conn:
        existing = {c.call_id: c for c in await CallRecord.filter(call_id__in=list(firsts)).using_db(conn)}
        for call_id, record in existing.items():
            if record.report_sha256 != hashes[firsts[call_id]]:
                at = f"calls[{firsts[call_id]}].callId"
                raise UserError("call_id_reused", "同一通话编号已报告过另一通通话", at)
        fresh = [i for i in firsts.values() if reports[i].call_id not in existing]
        rows: list[CallRecord] = []
        entries: list[LedgerEntry] = []
        owed: dict[int, int] = defaultdict(int)
        for i in fresh:
            row, entry = _rated(reports[i], hashes[i], numbers[reports[i].number], rates, now)
            rows.append(row)
            if entry is not None:
                entries.append(entry)
                owed[row.account_id] += entry.amount_fen
        # Locks in account order first; under them, a call id recorded meanwhile shows up again.
        for account_id in sorted(owed):
            await add_to_balance(conn, account_id, owed[account_id])
        if owed:
            again = await CallRecord.filter(call_id__in=[r.call_id for r in rows]).using_db(conn).exists()
            if again:
                raise IntegrityError("a call of this batch was recorded meanwhile")
        if rows:
            await CallRecord.bulk_create(rows, using_db=conn)
        if entries:
            await LedgerEntry.bulk_create(entries, using_db=conn)
    # The new rows as written, with the ids the database gave them (no second read of whole rows).
    stored = dict(existing)
    if rows:
        ids = dict(
            cast(
                "list[tuple[str, int]]",
                await CallRecord.filter(call_id__in=[r.call_id for r in rows]).values_list("call_id", "id"),
            )
        )
        for row in rows:
            row.id = ids[row.call_id]
            row._saved_in_db = True
            stored[row.call_id] = row
    return [
        Recorded(stored[r.call_id], duplicate=r.call_id in existing or firsts[r.call_id] != i)
        for i, r in enumerate(reports)
    ]


def _rated(
    report: CallReport, sha: str, number: Number, rates: dict[int, Rate], now: dt.datetime
) -> tuple[CallRecord, LedgerEntry | None]:
    assert number.account_id is not None
    talk = _talk_seconds(report)
    billed, fen = 0, 0
    if report.disposition == Disposition.ANSWERED:
        billed, fen = rates[number.account_id].charge(talk)
    row = CallRecord(
        call_id=report.call_id,
        account_id=number.account_id,
        number_id=number.id,
        number_text=number.number,
        caller=report.caller,
        caller_area=report.caller_area,
        caller_province=_province(report),
        caller_category=report.caller_category,
        started_at=_utc(report.started_at),
        answered_at=_utc(report.answered_at) if report.answered_at else None,
        ended_at=_utc(report.ended_at),
        disposition=report.disposition,
        attempts=report.canonical()["attempts"],
        answered_phone=report.answered_phone,
        media_ref=report.media_ref,
        talk_seconds=talk,
        billed_seconds=billed,
        charge_fen=fen,
        report_sha256=sha,
        created_at=now,
    )
    if fen <= 0:
        return row, None
    entry = LedgerEntry(
        account_id=number.account_id,
        amount_fen=-fen,
        kind=EntryKind.CALL_CHARGE,
        description=f"通话费 {format_number(number.number)} 主叫{report.caller[:20]} {billed // 60}分{billed % 60}秒",
        reference=f"call:{report.call_id}",
        idempotency_key=f"call:{report.call_id}",
        created_at=now,
    )
    return row, entry
