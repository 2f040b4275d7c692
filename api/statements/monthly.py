"""Issuing monthly statements (R6): totals of a calendar month in Asia/Shanghai, from the ledger.

A statement is computed from the ledger (the truth), so its closing balance is the sum of every entry
before the month's end, to the fen, and its lines add up to the difference from the opening balance.
Per-number call charges come from the call records charged in the month (each record and its ledger
entry share their ``created_at``). Statements are issued once by :func:`issue_statements` after the
month ends (the (account, month) constraint makes a second issue a no-op) and never change: a
correction is an adjustment, which shows on the next month's statement.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from tortoise.exceptions import IntegrityError
from tortoise.functions import Count, Sum

from api.billing.models import FEE_KINDS, EntryKind, LedgerEntry
from api.calls.models import CallRecord
from api.clock import SHANGHAI, to_local, utcnow
from api.statements.models import Statement

__all__ = [
    "FEE_NAMES_ZH",
    "MonthTotals",
    "issue_statements",
    "month_bounds",
    "month_totals",
    "previous_month",
]

FEE_NAMES_ZH = {
    EntryKind.RINGBACK_FEE: "彩铃审核费",
    EntryKind.LINE_FEE: "总机加购线路费",
    EntryKind.SMS_FEE: "漏话提醒短信费",
}


def month_bounds(month: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The month's first instant and the next month's, Asia/Shanghai, as UTC datetimes."""
    start = dt.datetime(month.year, month.month, 1, tzinfo=SHANGHAI)
    following = dt.datetime(month.year + month.month // 12, month.month % 12 + 1, 1, tzinfo=SHANGHAI)
    return start.astimezone(dt.UTC), following.astimezone(dt.UTC)


def previous_month(now: dt.datetime) -> dt.date:
    """The last calendar month that has ended at ``now`` (Asia/Shanghai)."""
    local = to_local(now).date().replace(day=1)
    return (local - dt.timedelta(days=1)).replace(day=1)


@dataclass(frozen=True)
class MonthTotals:
    opening_fen: int
    recharges_fen: int
    call_charges_fen: int
    fees_fen: int
    adjustments_fen: int
    calls: int
    billed_seconds: int
    per_number: list[dict[str, Any]]
    fees: list[dict[str, Any]]

    @property
    def closing_fen(self) -> int:
        return (
            self.opening_fen
            + self.recharges_fen
            + self.call_charges_fen
            + self.fees_fen
            + self.adjustments_fen
        )


async def month_totals(account_id: int, month: dt.date) -> MonthTotals:
    """What the statement of ``month`` says, computed now (three aggregate queries)."""
    start, end = month_bounds(month)
    opening = await (
        LedgerEntry.filter(account_id=account_id, created_at__lt=start)
        .annotate(total=Sum("amount_fen"))
        .first()
        .values_list("total", flat=True)
    )
    by_kind = (
        await LedgerEntry.filter(account_id=account_id, created_at__gte=start, created_at__lt=end)
        .annotate(total=Sum("amount_fen"), entries=Count("id"))
        .group_by("kind")
        .values("kind", "total", "entries")
    )
    sums = {EntryKind(r["kind"]): (int(r["total"] or 0), int(r["entries"])) for r in by_kind}
    numbers = (
        await CallRecord.filter(
            account_id=account_id, created_at__gte=start, created_at__lt=end, charge_fen__gt=0
        )
        .annotate(calls=Count("id"), seconds=Sum("billed_seconds"), fen=Sum("charge_fen"))
        .group_by("number_text")
        .order_by("number_text")
        .values("number_text", "calls", "seconds", "fen")
    )
    per_number = [
        {"number": r["number_text"], "calls": int(r["calls"]), "billed_seconds": int(r["seconds"] or 0),
         "charge_fen": int(r["fen"] or 0)}
        for r in numbers
    ]  # fmt: skip
    fees = [
        {"kind": kind.value, "name": FEE_NAMES_ZH[kind], "count": sums[kind][1], "amount_fen": -sums[kind][0]}
        for kind in FEE_KINDS
        if kind in sums
    ]
    return MonthTotals(
        opening_fen=int(cast("int | None", opening) or 0),
        recharges_fen=sums.get(EntryKind.RECHARGE, (0, 0))[0],
        call_charges_fen=sums.get(EntryKind.CALL_CHARGE, (0, 0))[0],
        fees_fen=sum(sums.get(k, (0, 0))[0] for k in FEE_KINDS),
        adjustments_fen=sums.get(EntryKind.ADJUSTMENT, (0, 0))[0],
        calls=sum(n["calls"] for n in per_number),
        billed_seconds=sum(n["billed_seconds"] for n in per_number),
        per_number=per_number,
        fees=fees,
    )


async def issue(account_id: int, month: dt.date, now: dt.datetime | None = None) -> Statement | None:
    """Issue the statement of a month that has ended; None when it was issued before."""
    now = now or utcnow()
    if month_bounds(month)[1] > now:
        raise ValueError(f"{month:%Y-%m} has not ended yet")
    if await Statement.filter(account_id=account_id, month=month).exists():
        return None
    totals = await month_totals(account_id, month)
    try:
        return await Statement.create(
            account_id=account_id,
            month=month,
            opening_fen=totals.opening_fen,
            recharges_fen=totals.recharges_fen,
            call_charges_fen=totals.call_charges_fen,
            fees_fen=totals.fees_fen,
            adjustments_fen=totals.adjustments_fen,
            closing_fen=totals.closing_fen,
            calls=totals.calls,
            billed_seconds=totals.billed_seconds,
            per_number=totals.per_number,
            fees=totals.fees,
            issued_at=now,
        )
    except IntegrityError:  # another process issued it meanwhile
        return None


async def issue_statements(now: dt.datetime | None = None) -> int:
    """The statements of the month that ended last, for every account with ledger entries by then."""
    now = now or utcnow()
    month = previous_month(now)
    _, end = month_bounds(month)
    accounts = cast(
        "list[int]",
        await LedgerEntry.filter(created_at__lt=end).distinct().values_list("account_id", flat=True),
    )
    done = set(cast("list[int]", await Statement.filter(month=month).values_list("account_id", flat=True)))
    issued = 0
    for account_id in sorted(set(accounts) - done):
        if await issue(account_id, month, now) is not None:
            issued += 1
    return issued
