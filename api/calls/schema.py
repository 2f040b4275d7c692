"""Call reports and allowances for the telephony layer; call records and statistics for customers."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from api.billing.types import BillingSettingsType
from api.calls import missed, queries, reports
from api.calls.allowance import MAX_ALLOWANCES, allowance_for, allowances_for
from api.calls.models import Disposition
from api.calls.queries import Bucket, CallFilter
from api.calls.types import (
    CallAllowanceType,
    CallRecordConnection,
    CallRecordType,
    CallReportBatch,
    CallReportInput,
    CallReportOutcome,
    CallStatistics,
)
from api.graphql.context import Info
from api.graphql.errors import ReturnsUserErrors, UserErrors
from api.graphql.ordering import Ordering, SortKey, ordered_page
from api.graphql.permissions import IsSignedIn, IsTelephony
from api.visible import visible_number

MissedCallResult = Annotated[BillingSettingsType | UserErrors, strawberry.union("MissedCallSmsResult")]
ReportCallResult = Annotated[CallReportOutcome | UserErrors, strawberry.union("ReportCallResult")]
ReportCallsResult = Annotated[CallReportBatch | UserErrors, strawberry.union("ReportCallsResult")]


async def _filter(
    info: Info,
    number_id: strawberry.ID | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    caller: str | None = None,
    disposition: Disposition | None = None,
) -> CallFilter:
    scope = info.context.tenant_filter().get("account_id")
    number = await visible_number(info, number_id) if number_id is not None else None
    return CallFilter(
        account_id=scope,
        number_id=number.id if number else None,
        since=since,
        until=until,
        caller=caller,
        disposition=Disposition(disposition) if disposition else None,
    ).check()


#: How call records may be sorted: by when, how long and how much.
CALL_ORDERS = Ordering(
    {
        "startedAt": SortKey("started_at", "datetime"),
        "talkSeconds": SortKey("talk_seconds", "int"),
        "chargeFen": SortKey("charge_fen", "int"),
    },
    time="startedAt",
)


@strawberry.type
class Query:
    @strawberry.field(
        description="Telephony: seconds the next call to a number may last (0: suspended or unpaid).",
        permission_classes=[IsTelephony],
    )
    async def call_allowance(self, info: Info, number: str) -> CallAllowanceType:
        return CallAllowanceType.of(await allowance_for(number, info.context.config))

    @strawberry.field(
        description=f"Telephony: callAllowance of up to {MAX_ALLOWANCES} numbers at once, in the order asked.",
        permission_classes=[IsTelephony],
    )
    async def call_allowances(self, info: Info, numbers: list[str]) -> list[CallAllowanceType]:
        return [CallAllowanceType.of(a) for a in await allowances_for(numbers, info.context.config)]

    @strawberry.field(
        description="Call records (customers: their account's), filtered; by start time, oldest first "
        "unless newestFirst, or in the order asked.",
        permission_classes=[IsSignedIn],
    )
    async def call_records(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        number_id: strawberry.ID | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        caller: str | None = None,
        disposition: Disposition | None = None,
        newest_first: bool = False,
        order: Annotated[
            str | None,
            strawberry.argument(
                description="startedAt, talkSeconds or chargeFen, ascending; with a leading - descending (-chargeFen: costliest first). Wins over newestFirst."
            ),
        ] = None,
    ) -> CallRecordConnection:
        chosen = CALL_ORDERS.choose(order, newest_first)
        calls = await _filter(info, number_id, since, until, caller, disposition)
        return await ordered_page(
            CallRecordConnection,
            calls.query(),
            first=first,
            after=after,
            order=chosen,
            secret=info.context.config.secret_key,
            nodes=lambda rows: [CallRecordType.of(r) for r in rows],
        )

    @strawberry.field(
        description="Calls, answered rate, minutes and missed calls per number and day or hour, and by "
        "caller province (customers: their account's).",
        permission_classes=[IsSignedIn],
    )
    async def call_statistics(
        self,
        info: Info,
        since: dt.datetime,
        until: dt.datetime,
        bucket: Bucket = Bucket.DAY,
        number_id: strawberry.ID | None = None,
    ) -> CallStatistics:
        calls = await _filter(info, number_id, since, until)
        return CallStatistics.of(await queries.statistics(calls, Bucket(bucket)))


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Telephony: report a finished call; it is rated and charged once (a retry is a no-op).",
        permission_classes=[IsTelephony],
        extensions=[ReturnsUserErrors()],
    )
    async def report_call(self, info: Info, call: CallReportInput) -> ReportCallResult:
        (done,) = await reports.record_calls([call.to_report()], info.context.config)
        return CallReportOutcome(record=CallRecordType.of(done.record), duplicate=done.duplicate)

    @strawberry.mutation(
        description="Text the account's contact phone about each unanswered call of a number (0.1 yuan "
        "per message), or stop.",
        permission_classes=[IsSignedIn],
        extensions=[ReturnsUserErrors()],
    )
    async def set_missed_call_sms(
        self, info: Info, number_id: strawberry.ID, enabled: bool
    ) -> MissedCallResult:
        billing = await missed.set_missed_call_sms(await visible_number(info, number_id), enabled)
        await billing.fetch_related("rate_plan")
        return await BillingSettingsType.of(billing, info.context.config)

    @strawberry.mutation(
        description=f"Telephony: report up to {reports.MAX_BATCH} finished calls in one transaction.",
        permission_classes=[IsTelephony],
        extensions=[ReturnsUserErrors()],
    )
    async def report_calls(self, info: Info, calls: list[CallReportInput]) -> ReportCallsResult:
        done = await reports.record_calls([c.to_report() for c in calls], info.context.config)
        results = [CallReportOutcome(record=CallRecordType.of(d.record), duplicate=d.duplicate) for d in done]
        duplicates = sum(d.duplicate for d in done)
        return CallReportBatch(results=results, recorded=len(done) - duplicates, duplicates=duplicates)
