"""Customers' views of their calls: filtered lists, CSV rows and statistics per number and day or hour."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import strawberry
from tortoise.queryset import QuerySet

from api.calls.models import DISPOSITION_NAMES_ZH, MISSED, CallRecord, Disposition
from api.clock import to_local
from api.errors import UserError
from api.money import yuan
from api.numbers.numbering import format_number
from api.periods import utc_period
from api.spreadsheets import csv_line

__all__ = ["Bucket", "CallFilter", "csv_lines", "statistics"]

MAX_STATISTICS_DAYS = 366


@strawberry.enum(name="CallStatisticsBucket")
class Bucket(StrEnum):
    DAY = "day"
    HOUR = "hour"


@dataclass(frozen=True)
class CallFilter:
    """Which calls: the viewer's scope (``account_id``, None for operators) and the user's filters."""

    account_id: int | None
    number_id: int | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    caller: str | None = None
    disposition: Disposition | None = None

    def check(self) -> CallFilter:
        since, until = utc_period(self.since, self.until)
        if self.caller is not None and (len(self.caller) > 32 or not self.caller.isascii()):
            raise UserError("invalid_caller", "主叫号码筛选最多32位数字", "caller")
        return dataclasses.replace(self, since=since, until=until)

    def query(self) -> QuerySet[CallRecord]:
        query = CallRecord.all()
        if self.account_id is not None:
            query = query.filter(account_id=self.account_id)
        if self.number_id is not None:
            query = query.filter(number_id=self.number_id)
        if self.since is not None:
            query = query.filter(started_at__gte=self.since)
        if self.until is not None:
            query = query.filter(started_at__lt=self.until)
        if self.caller:
            query = query.filter(caller__startswith=self.caller.strip())
        if self.disposition is not None:
            query = query.filter(disposition=self.disposition)
        return query


CSV_HEADER = "通话编号,400号码,主叫号码,主叫省份,主叫区号,开始时间,接通时间,结束时间,结果,接听号码,通话秒数,计费秒数,费用(元)"


def _local(moment: dt.datetime | None) -> str:
    return to_local(moment).strftime("%Y-%m-%d %H:%M:%S") if moment else ""


async def csv_lines(calls: CallFilter, batch: int = 1000) -> list[str]:
    """The filtered calls as CSV lines, oldest first (``spreadsheets.csv_document`` makes the file)."""
    lines = [CSV_HEADER]
    last = 0
    while True:
        rows = await calls.query().filter(id__gt=last).order_by("id").limit(batch)
        for r in rows:
            fields = [
                r.call_id, format_number(r.number_text), r.caller, r.caller_province, r.caller_area,
                _local(r.started_at), _local(r.answered_at), _local(r.ended_at),
                DISPOSITION_NAMES_ZH[r.disposition], r.answered_phone, str(r.talk_seconds),
                str(r.billed_seconds), yuan(r.charge_fen),
            ]  # fmt: skip
            lines.append(csv_line(fields))
        if len(rows) < batch:
            return lines
        last = rows[-1].id


@dataclass
class Tally:
    calls: int = 0
    answered: int = 0
    missed: int = 0
    talk_seconds: int = 0
    billed_seconds: int = 0
    charge_fen: int = 0

    def add(self, disposition: str, talk: int, billed: int, fen: int) -> None:
        self.calls += 1
        if disposition == Disposition.ANSWERED.value:
            self.answered += 1
        elif disposition in {d.value for d in MISSED}:
            self.missed += 1
        self.talk_seconds += talk
        self.billed_seconds += billed
        self.charge_fen += fen


@dataclass
class Statistics:
    periods: dict[tuple[int, dt.datetime], Tally] = field(default_factory=dict)
    provinces: dict[str, Tally] = field(default_factory=dict)
    numbers: dict[int, str] = field(default_factory=dict)


def _bucket_start(moment: dt.datetime, bucket: Bucket) -> dt.datetime:
    local = to_local(moment)
    if bucket == Bucket.DAY:
        return local.replace(hour=0, minute=0, second=0, microsecond=0)
    return local.replace(minute=0, second=0, microsecond=0)


async def statistics(calls: CallFilter, bucket: Bucket) -> Statistics:
    """Calls, answered, missed and minutes per number and local day or hour, and per caller province."""
    if calls.since is None or calls.until is None:
        raise UserError("required", "请给出统计的开始和结束时间", "since")
    if calls.until - calls.since > dt.timedelta(days=MAX_STATISTICS_DAYS):
        raise UserError("invalid_period", f"统计时段不能超过{MAX_STATISTICS_DAYS}天", "until")
    rows: Iterable[Any] = await calls.query().values_list(
        "number_id", "number_text", "started_at", "disposition", "talk_seconds", "billed_seconds",
        "charge_fen", "caller_province",
    )  # fmt: skip
    found = Statistics()
    periods: dict[tuple[int, dt.datetime], Tally] = defaultdict(Tally)
    provinces: dict[str, Tally] = defaultdict(Tally)
    for number_id, text, started, disposition, talk, billed, fen, province in rows:
        found.numbers[number_id] = text
        values = (str(disposition), int(talk), int(billed), int(fen))
        periods[(number_id, _bucket_start(started, bucket))].add(*values)
        provinces[province or "未知"].add(*values)
    found.periods = dict(sorted(periods.items()))
    found.provinces = dict(sorted(provinces.items(), key=lambda kv: (-kv[1].calls, kv[0])))
    return found
