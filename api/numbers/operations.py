"""Operators' changes to numbers: suspension, resumption, reclamation with a cool-down, release."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from tortoise.transactions import in_transaction

from api.clock import utcnow
from api.errors import UserError
from api.numbers.lifecycle import Actor, change_status
from api.numbers.models import Number
from api.numbers.numbering import STATUS_NAMES_ZH, NumberStatus
from api.plans import pipeline

__all__ = ["MANUAL_TRANSITIONS", "make_available_after_cooldown", "operator_change_status"]

S = NumberStatus
#: What an operator may do by hand; reservations and applications have their own mutations.
MANUAL_TRANSITIONS: dict[NumberStatus, tuple[NumberStatus, ...]] = {
    S.SUSPENDED: (S.ACTIVE,),
    S.ACTIVE: (S.SUSPENDED,),
    S.RECLAIMED: (S.ACTIVE, S.SUSPENDED),
    S.AVAILABLE: (S.RECLAIMED,),
}
COOLDOWN_ACTOR = Actor(label="system:reclaim-cooldown")


async def operator_change_status(
    number: Number, to_status: NumberStatus, *, actor: Actor, reason: str, cool_down_days: int | None
) -> Number:
    reason = reason.strip()
    if not reason:
        raise UserError("required", "请填写操作原因(将记入审计日志)", "reason")
    sources = MANUAL_TRANSITIONS.get(to_status, ())
    if number.status not in sources:
        raise UserError(
            "invalid_transition",
            f"号码当前为「{STATUS_NAMES_ZH[number.status]}」,不能直接改为「{STATUS_NAMES_ZH[to_status]}」",
            "status",
        )
    now = utcnow()
    changes: dict[str, Any] = {}
    if to_status == S.RECLAIMED:
        if cool_down_days is None or not 0 <= cool_down_days <= 3650:
            raise UserError("invalid_cool_down", "请设置0到3650天的冷却期", "coolDownDays")
        changes = {"account_id": None, "available_from": now + dt.timedelta(days=cool_down_days)}
    if to_status == S.AVAILABLE:
        if number.available_from is not None and number.available_from > now:
            raise UserError("cooling_down", "该号码仍在回收冷却期内", "status")
        changes = {"available_from": None}
    # A reclaimed number's settings and plan go in the same transaction as its status (nothing follows it
    # to the next owner); a suspended or resumed number's plan is recompiled there (it tells callers the
    # number is suspended), so no read ever finds it stale. The pipeline wakes the telephony layer's
    # long-polls once this commits.
    async with pipeline.transaction() as conn:
        moved = await change_status(
            number.id,
            from_status=number.status,
            to_status=to_status,
            actor=actor,
            reason=reason,
            using=conn,
            now=now,
            **changes,
        )
        if moved and to_status == S.RECLAIMED:
            await pipeline.drop(number.id)
        elif moved and to_status in pipeline.IN_SERVICE:
            await pipeline.recompile(await Number.filter(id=number.id).using_db(conn))
    if not moved:
        raise UserError("changed_meanwhile", "号码状态已被其他操作修改,请刷新后重试", "status")
    await number.refresh_from_db()
    return number


async def make_available_after_cooldown(now: dt.datetime | None = None) -> int:
    """Reclaimed numbers whose cool-down has passed go back to the inventory."""
    now = now or utcnow()
    due = cast(
        "list[int]",
        await Number.filter(status=S.RECLAIMED, available_from__lte=now).values_list("id", flat=True),
    )
    moved = 0
    for number_id in due:
        async with in_transaction() as conn:
            if await change_status(
                number_id,
                from_status=S.RECLAIMED,
                to_status=S.AVAILABLE,
                actor=COOLDOWN_ACTOR,
                reason="回收冷却期已满,重新上架",
                using=conn,
                now=now,
                available_from=None,
            ):
                moved += 1
    return moved
