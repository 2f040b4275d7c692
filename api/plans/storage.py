"""Compiled plans as stored rows: the current plan of a number, and the plan changes the telephony syncs on.

A new plan gets a new ``version`` (the id of a ``plan_changes`` row, increasing across the service); an
identical recompilation (same ETag, same number status) keeps the old version, so the telephony layer
re-fetches nothing. Only the pipeline (``pipeline.py``) writes here; reads (:func:`stored_plan`,
:func:`is_stale`) never compile: a plan compiled for a status its number no longer has is reported stale
and left to the pipeline's job (``refresh_stale_plans``).
"""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

import ivr_flows
from api.clock import utcnow
from api.numbers.models import Number
from api.plans.policies import SERVED
from api.routing.models import CompiledPlan, NumberRouting, PlanChange

__all__ = ["drop_plan", "is_stale", "store_plan", "stored_plan"]


def is_stale(row: CompiledPlan, number: Number) -> bool:
    """Whether ``row`` was compiled for another status than ``number`` has now (a job will recompile it)."""
    return row.compiled_status != number.status.value


async def stored_plan(number: Number) -> CompiledPlan | None:
    """The number's plan as last compiled, None if it has none or its number is not served; reads only."""
    if number.status not in SERVED:
        return None
    return await CompiledPlan.filter(number_id=number.id).first()


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
        "compiled_status": status,
        "updated_at": now,
    }
    if existing is None:
        row = await CompiledPlan.create(number_id=number.id, using_db=conn, **fields)
    else:
        await CompiledPlan.filter(id=existing.id).using_db(conn).update(**fields)
        row = await CompiledPlan.get(id=existing.id, using_db=conn)
    return row, True


async def drop_plan(number_id: int, conn: BaseDBAsyncClient) -> bool:
    """Delete the number's settings and plan; True (and a recorded change) if it had a plan."""
    await NumberRouting.filter(number_id=number_id).using_db(conn).delete()
    if await CompiledPlan.filter(number_id=number_id).using_db(conn).delete():
        await PlanChange.create(number_id=number_id, at=utcnow(), using_db=conn)
        return True
    return False
