"""Reading compiled plans for the telephony layer: by number, and every plan changed since a version."""

from __future__ import annotations

from dataclasses import dataclass

import ivr_flows
from api.numbers.models import Number
from api.plans.pipeline import current_plan, refresh_stale_plans
from api.plans.policies import SERVED
from api.routing.models import CompiledPlan, PlanChange

__all__ = ["MAX_CHANGES", "PlanChanges", "changes_since", "latest_version", "plan_for"]

MAX_CHANGES = 500


async def plan_for(raw_number: str) -> CompiledPlan | None:
    """The current plan of a 400 number (``4006228300`` or ``400-622-8300``), None if it has none."""
    try:
        digits = ivr_flows.parse_400_number(raw_number)
    except ivr_flows.Invalid400Number:
        return None
    # One query on the hot path: the plan with its number (whose status the plan must reflect).
    row = await CompiledPlan.filter(number__number=digits).select_related("number").first()
    if row is None:
        return None
    if row.compiled_status != row.number.status.value:
        return await current_plan(row.number)
    return row if row.number.status in SERVED else None


async def latest_version() -> int:
    last = await PlanChange.all().order_by("-id").first()
    return last.id if last else 0


@dataclass
class PlanChanges:
    plans: list[CompiledPlan]
    numbers: dict[int, str]
    latest_version: int
    has_more: bool


async def changes_since(version: int, limit: int = MAX_CHANGES) -> PlanChanges:
    """Plans whose version is above ``version``, oldest change first; page on with the last one's version."""
    await refresh_stale_plans()
    latest = await latest_version()
    rows = await CompiledPlan.filter(version__gt=version).order_by("version").limit(limit + 1)
    numbers = dict(await Number.filter(id__in=[r.number_id for r in rows]).values_list("id", "number"))
    return PlanChanges(rows[:limit], numbers, latest, len(rows) > limit)
