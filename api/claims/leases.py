"""Claiming a job run in the database: one process at a time, whatever the number of API processes.

A claim is a conditional ``UPDATE job_leases SET holder = me, lease_until = now + lease WHERE name = job
AND lease_until <= now``: the database lets exactly one process match, on SQLite and PostgreSQL alike.
A process that dies mid-run loses its claim when the lease passes. The jobs themselves stay idempotent
(conditional updates, unique keys), so a run after a lost lease repeats nothing either.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import uuid

from tortoise.exceptions import IntegrityError

from api.claims.models import JobLease
from api.clock import utcnow

__all__ = ["HOLDER", "claim", "release"]

#: This process, as a lease holder.
HOLDER = f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


async def claim(name: str, lease: dt.timedelta, now: dt.datetime | None = None, holder: str = HOLDER) -> bool:
    """Take the job ``name`` for ``lease``; False when another process holds it."""
    now = now or utcnow()
    if not await JobLease.filter(name=name).exists():
        with contextlib.suppress(IntegrityError):  # created by another process just now
            await JobLease.create(name=name, holder="", lease_until=_EPOCH)
    taken = await JobLease.filter(name=name, lease_until__lte=now).update(
        holder=holder, lease_until=now + lease
    )
    return taken == 1


async def release(name: str, now: dt.datetime | None = None, holder: str = HOLDER) -> None:
    """Give the job back at once (a finished run), so the next interval's run need not wait."""
    now = now or utcnow()
    await JobLease.filter(name=name, holder=holder).update(lease_until=_EPOCH, last_finished_at=now)
