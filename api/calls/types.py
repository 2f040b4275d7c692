"""GraphQL types of call reports, call records, allowances and statistics."""

from __future__ import annotations

import datetime as dt

import strawberry

from api.calls import models
from api.calls.allowance import Allowance
from api.calls.models import Disposition
from api.calls.queries import Statistics, Tally
from api.calls.reports import AttemptOutcome, CallReport, PhoneAttempt
from api.clock import to_local
from api.graphql.pagination import Connection


@strawberry.input(description="One bound phone the call was forwarded to, and what happened there.")
class PhoneAttemptInput:
    phone: str
    outcome: AttemptOutcome
    ring_seconds: int = 0


@strawberry.input(description="A finished call as the telephony layer saw it.")
class CallReportInput:
    call_id: str = strawberry.field(description="Unique per call; a retry sends the same id and content.")
    number: str = strawberry.field(description="The 400 number called.")
    caller: str
    caller_area: str = strawberry.field(default="", description="Area code the plan resolved, e.g. 020.")
    caller_category: str = strawberry.field(default="", description="Caller category the plan resolved.")
    started_at: dt.datetime
    answered_at: dt.datetime | None = None
    ended_at: dt.datetime
    disposition: Disposition
    attempts: list[PhoneAttemptInput] = strawberry.field(default_factory=list)
    answered_phone: str = ""
    media_ref: str = strawberry.field(default="", description="The recording or voicemail it produced.")

    def to_report(self) -> CallReport:
        return CallReport(
            call_id=self.call_id,
            number=self.number,
            caller=self.caller,
            caller_area=self.caller_area,
            caller_category=self.caller_category,
            started_at=self.started_at,
            answered_at=self.answered_at,
            ended_at=self.ended_at,
            disposition=Disposition(self.disposition),
            attempts=tuple(
                PhoneAttempt(a.phone, AttemptOutcome(a.outcome), a.ring_seconds) for a in self.attempts
            ),
            answered_phone=self.answered_phone,
            media_ref=self.media_ref,
        )


@strawberry.type(name="PhoneAttempt")
class PhoneAttemptType:
    phone: str
    outcome: AttemptOutcome
    ring_seconds: int


@strawberry.type(name="CallRecord", description="A reported call and what it cost.")
class CallRecordType:
    id: strawberry.ID
    call_id: str
    number_id: strawberry.ID
    number: str
    caller: str
    caller_area: str
    caller_province: str
    caller_category: str
    started_at: dt.datetime
    answered_at: dt.datetime | None
    ended_at: dt.datetime
    disposition: Disposition
    attempts: list[PhoneAttemptType]
    answered_phone: str
    media_ref: str
    talk_seconds: int
    billed_seconds: int
    charge_fen: int

    @classmethod
    def of(cls, row: models.CallRecord) -> CallRecordType:
        return cls(
            id=strawberry.ID(str(row.id)),
            call_id=row.call_id,
            number_id=strawberry.ID(str(row.number_id)),
            number=row.number_text,
            caller=row.caller,
            caller_area=row.caller_area,
            caller_province=row.caller_province,
            caller_category=row.caller_category,
            started_at=to_local(row.started_at),
            answered_at=to_local(row.answered_at) if row.answered_at else None,
            ended_at=to_local(row.ended_at),
            disposition=row.disposition,
            attempts=[
                PhoneAttemptType(
                    phone=a["phone"], outcome=AttemptOutcome(a["outcome"]), ring_seconds=a["ring_seconds"]
                )
                for a in row.attempts
            ],
            answered_phone=row.answered_phone,
            media_ref=row.media_ref,
            talk_seconds=row.talk_seconds,
            billed_seconds=row.billed_seconds,
            charge_fen=row.charge_fen,
        )


@strawberry.type
class CallRecordConnection(Connection[CallRecordType]):
    pass


@strawberry.type(description="One report's outcome: the record, and whether the report was a retry.")
class CallReportOutcome:
    record: CallRecordType
    duplicate: bool


@strawberry.type(description="A batch of call reports, recorded in one transaction.")
class CallReportBatch:
    results: list[CallReportOutcome]
    recorded: int
    duplicates: int


@strawberry.type(name="CallAllowance", description="How long the next call to a number may last.")
class CallAllowanceType:
    number: str
    seconds: int = strawberry.field(description="Talk time the balance covers; 0: do not bridge the call.")
    balance_fen: int
    price_per_minute_fen: int | None
    increment_seconds: int | None

    @classmethod
    def of(cls, allowance: Allowance) -> CallAllowanceType:
        rate = allowance.rate
        return cls(
            number=allowance.number,
            seconds=allowance.seconds,
            balance_fen=allowance.balance_fen,
            price_per_minute_fen=rate.price_per_minute_fen if rate else None,
            increment_seconds=rate.increment_seconds if rate else None,
        )


@strawberry.type
class CallTally:
    calls: int
    answered: int
    missed: int = strawberry.field(description="Busy, unanswered or sent to voicemail (漏话).")
    answered_rate: float = strawberry.field(description="answered / calls, 0 when there were none.")
    minutes: float = strawberry.field(description="Talk time in minutes.")
    billed_seconds: int
    charge_fen: int

    @classmethod
    def of(cls, tally: Tally) -> CallTally:
        return cls(
            calls=tally.calls,
            answered=tally.answered,
            missed=tally.missed,
            answered_rate=round(tally.answered / tally.calls, 4) if tally.calls else 0.0,
            minutes=round(tally.talk_seconds / 60, 2),
            billed_seconds=tally.billed_seconds,
            charge_fen=tally.charge_fen,
        )


@strawberry.type
class CallPeriodStatistics:
    number_id: strawberry.ID
    number: str
    period_start: dt.datetime = strawberry.field(description="Start of the day or hour, Asia/Shanghai.")
    totals: CallTally


@strawberry.type
class CallProvinceStatistics:
    province: str
    totals: CallTally


@strawberry.type
class CallStatistics:
    periods: list[CallPeriodStatistics]
    provinces: list[CallProvinceStatistics] = strawberry.field(description="By caller province, most first.")

    @classmethod
    def of(cls, found: Statistics) -> CallStatistics:
        return cls(
            periods=[
                CallPeriodStatistics(
                    number_id=strawberry.ID(str(number_id)),
                    number=found.numbers[number_id],
                    period_start=start,
                    totals=CallTally.of(tally),
                )
                for (number_id, start), tally in found.periods.items()
            ],
            provinces=[
                CallProvinceStatistics(province=p, totals=CallTally.of(t)) for p, t in found.provinces.items()
            ],
        )
