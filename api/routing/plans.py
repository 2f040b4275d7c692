"""A number's compiled plan: built from its policies and published flow version, stored, versioned.

Every change of routing settings or of the version a number runs recompiles the plan in the same
transaction as the change, so a setting that would not compile is refused and nothing is saved. A new
plan gets a new ``version`` (the id of a ``plan_changes`` row, increasing across the service); an
identical recompilation (same ETag) keeps the old version, so the telephony layer re-fetches nothing.
The number's status (R8 suspension, reclamation) is part of the plan; a status changed elsewhere is picked
up when the plan is next read (``current_plan``) or listed (``refresh_stale_plans``).
"""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

import ivr_flows
from api.clock import utcnow
from api.errors import UserError
from api.flows.documents import parse_stored
from api.flows.models import FlowVersion
from api.flows.prompts import analysis_context
from api.flows.versions import refusal
from api.numbers.models import HolidayOverride, Number
from api.numbers.numbering import NumberStatus
from api.routing.changes import notify_plan_changed
from api.routing.models import CompiledPlan, LinePackage, ListMode, NumberRouting, PlanChange
from ivr_flows import ALLOWED_CATEGORIES, AreaPolicy, CalendarDay, CallerListPolicy

__all__ = [
    "SERVED",
    "SWITCHBOARD_LINES",
    "compile_for",
    "current_plan",
    "current_routing",
    "forget_routing",
    "max_lines",
    "policies_of",
    "recompile_all_plans",
    "refresh_stale_plans",
    "routing_of",
    "store_plan",
]

#: R12: a 总机 package has 10 simultaneous lines plus the extra lines bought (30 yuan/year each).
SWITCHBOARD_LINES = 10
#: Statuses whose number has a plan (suspended and reclaimed numbers tell callers so).
SERVED = {NumberStatus.ACTIVE, NumberStatus.SUSPENDED, NumberStatus.RECLAIMED}


def max_lines(routing: NumberRouting) -> int | None:
    if routing.package == LinePackage.TRUNK:
        return None
    return SWITCHBOARD_LINES + routing.extra_lines


async def routing_of(number: Number, using: BaseDBAsyncClient | None = None) -> NumberRouting:
    """The number's settings row, created with the defaults (R9 categories, no lists, 总机) if missing."""
    try:
        routing, _ = await NumberRouting.get_or_create(
            number_id=number.id,
            defaults={"allowed_categories": list(ALLOWED_CATEGORIES), "updated_at": utcnow()},
            using_db=using,
        )
    except IntegrityError:  # a concurrent first change created it
        routing = await NumberRouting.get(number_id=number.id).using_db(using)
    return routing


async def current_routing(number: Number) -> NumberRouting:
    """The number's settings for reading: the saved row, or the defaults without writing anything."""
    routing = await NumberRouting.filter(number_id=number.id).first()
    if routing is None:
        routing = NumberRouting(
            number_id=number.id,
            allowed_categories=list(ALLOWED_CATEGORIES),
            list_mode=ListMode.OFF,
            list_entries=[],
            allowed_areas=[],
            refused_areas=[],
            package=LinePackage.SWITCHBOARD,
            extra_lines=0,
            updated_at=utcnow(),
        )
    return routing


async def policies_of(number: Number, routing: NumberRouting) -> ivr_flows.NumberPolicies:
    calendar = [
        CalendarDay(day=h.day, workday=h.workday, name=h.name[:40]) for h in await HolidayOverride.all()
    ]
    status = number.status.value if number.status in SERVED else "active"
    return ivr_flows.NumberPolicies(
        status=status,  # type: ignore[arg-type]
        allowed_categories=routing.allowed_categories,
        caller_list=CallerListPolicy(
            mode=routing.list_mode.value if isinstance(routing.list_mode, ListMode) else routing.list_mode,
            entries=routing.list_entries,
        ),
        areas=AreaPolicy(allowed=routing.allowed_areas, refused=routing.refused_areas),
        max_lines=max_lines(routing),
        calendar=calendar,
    )


async def compile_for(number: Number, routing: NumberRouting, version: FlowVersion) -> ivr_flows.Dialplan:
    """The plan of ``number`` with these settings; analysis errors become user errors."""
    policies = await policies_of(number, routing)
    try:
        return ivr_flows.compile_plan(
            number.number,
            policies,
            parse_stored(version.document),
            context=await analysis_context(version.account_id),
        )
    except ivr_flows.FlowError as error:
        raise refusal(error.diagnostics) from error


async def store_plan(
    number: Number, plan: ivr_flows.Dialplan, conn: BaseDBAsyncClient
) -> tuple[CompiledPlan, bool]:
    """Save ``plan`` as the number's current plan; returns (row, changed)."""
    existing = await CompiledPlan.filter(number_id=number.id).using_db(conn).first()
    status = number.status.value
    if existing is not None and existing.etag == plan.etag and existing.compiled_status == status:
        return existing, False
    now = utcnow()
    change = await PlanChange.create(number_id=number.id, at=now, using_db=conn)
    fields = {
        "version": change.id,
        "etag": plan.etag,
        "plan_json": plan.to_json().decode(),
        "asterisk": ivr_flows.render_asterisk(plan),
        "compiled_status": status,
        "updated_at": now,
    }
    if existing is None:
        row = await CompiledPlan.create(number_id=number.id, using_db=conn, **fields)
    else:
        await CompiledPlan.filter(id=existing.id).using_db(conn).update(**fields)
        row = await CompiledPlan.get(id=existing.id).using_db(conn)
    return row, True


async def recompile(number: Number, routing: NumberRouting, conn: BaseDBAsyncClient) -> CompiledPlan | None:
    """Compile and store the plan for the settings as saved in ``conn``; None without a flow version."""
    if routing.flow_version_id is None:
        return None
    version = await FlowVersion.get(id=routing.flow_version_id).using_db(conn)
    plan = await compile_for(number, routing, version)
    row, _ = await store_plan(number, plan, conn)
    return row


async def save_routing(number: Number, routing: NumberRouting, fields: list[str]) -> NumberRouting:
    """Save changed settings and the plan they compile to, together or not at all."""
    if number.status not in (NumberStatus.ACTIVE, NumberStatus.SUSPENDED):
        raise UserError("number_not_in_service", "该号码尚未开通或已回收,不能设置路由", "numberId")
    routing.updated_at = utcnow()
    async with in_transaction() as conn:
        await routing.save(update_fields=[*fields, "updated_at"], using_db=conn)
        await recompile(number, routing, conn)
    notify_plan_changed()
    return routing


async def current_plan(number: Number) -> CompiledPlan | None:
    """The number's plan, recompiled first if the number's status changed since it was compiled."""
    row = await CompiledPlan.filter(number_id=number.id).first()
    if row is None or number.status not in SERVED:
        return None
    if row.compiled_status != number.status.value:
        routing = await NumberRouting.get(number_id=number.id)
        async with in_transaction() as conn:
            await recompile(number, routing, conn)
        notify_plan_changed()
        row = await CompiledPlan.get(number_id=number.id)
    return row


async def forget_routing(number_id: int, conn: BaseDBAsyncClient) -> None:
    """A reclaimed number leaves its account: its routing, flow version and plan must not follow it to
    the next owner. The plan change is recorded so the telephony layer learns the plan is gone."""
    await NumberRouting.filter(number_id=number_id).using_db(conn).delete()
    if await CompiledPlan.filter(number_id=number_id).using_db(conn).delete():
        await PlanChange.create(number_id=number_id, at=utcnow(), using_db=conn)


async def recompile_all_plans() -> int:
    """Recompile every stored plan: the operator's holiday table, which every plan carries, has changed."""
    changed = 0
    for number in await Number.filter(id__in=await CompiledPlan.all().values_list("number_id", flat=True)):
        routing = await NumberRouting.get(number_id=number.id)
        async with in_transaction() as conn:
            before = await CompiledPlan.get(number_id=number.id).using_db(conn)
            row = await recompile(number, routing, conn)
            changed += row is not None and row.etag != before.etag
    if changed:
        notify_plan_changed()
    return changed


async def refresh_stale_plans() -> None:
    """Recompile the plans whose number changed status (suspended, resumed, reclaimed) since compiling."""
    rows = await CompiledPlan.all().values_list("number_id", "compiled_status", "number__status")
    stale = [number_id for number_id, compiled, status in rows if compiled != status]
    for number in await Number.filter(id__in=stale):
        await current_plan(number)
