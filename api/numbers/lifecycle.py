"""State changes of a number, each one atomic and audited.

A change is a conditional ``UPDATE … WHERE status IN (…)``: when two requests race for the same number
the database lets exactly one of them match, on SQLite and PostgreSQL alike, without a read-then-write
window. The audit row is written in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from api.accounts.models import User
from api.clock import utcnow
from api.numbers.models import Number, NumberEvent
from api.numbers.numbering import TRANSITIONS, NumberStatus

__all__ = ["SYSTEM", "Actor", "change_status", "record_creation"]


class Actor:
    """Who caused a change: a user, or a named background job."""

    def __init__(self, user: User | None = None, label: str | None = None) -> None:
        self.user = user
        self.label = label or (user.login if user is not None else "system")

    def __repr__(self) -> str:
        return f"Actor({self.label!r})"


SYSTEM = Actor(label="system")


async def change_status(
    number_id: int,
    *,
    from_status: NumberStatus | tuple[NumberStatus, ...],
    to_status: NumberStatus,
    actor: Actor,
    reason: str,
    using: BaseDBAsyncClient,
    expect_account_id: int | None = None,
    now: dt.datetime | None = None,
    **changes: Any,
) -> bool:
    """Move a number from one of ``from_status`` to ``to_status``; False when it was not in such a state.

    ``expect_account_id`` also requires the number to belong to that account (a customer's own number).
    """
    sources = from_status if isinstance(from_status, tuple) else (from_status,)
    for source in sources:
        if to_status not in TRANSITIONS[source]:
            raise ValueError(f"{source} → {to_status} is not a number life-cycle transition")
    now = now or utcnow()
    query = Number.filter(id=number_id, status__in=list(sources)).using_db(using)
    if expect_account_id is not None:
        query = query.filter(account_id=expect_account_id)
    before = await query.first().values_list("status", flat=True)
    if before is None:
        return False
    updated = await query.filter(status=before).update(status=to_status, status_changed_at=now, **changes)
    if updated != 1:
        return False
    await NumberEvent.create(
        number_id=number_id,
        from_status=before,
        to_status=to_status,
        actor=actor.user,
        actor_label=actor.label,
        reason=reason,
        at=now,
        using_db=using,
    )
    return True


def record_creation(number: Number, actor: Actor, reason: str, now: dt.datetime) -> NumberEvent:
    """The first audit row of an imported number (not saved: imports write them in bulk)."""
    return NumberEvent(
        number_id=number.id,
        from_status=None,
        to_status=number.status,
        actor_id=actor.user.id if actor.user else None,
        actor_label=actor.label,
        reason=reason,
        at=now,
    )
