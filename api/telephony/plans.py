"""Reading compiled plans for the telephony layer: by number, and every plan changed since a version.

Reads only: nothing here compiles. A plan compiled for another status than its number has now is
returned as stored and reported by :func:`is_stale`; the pipeline's job recompiles it.

The change feed (:func:`feed_since`, behind the long-poll) also lists plans that were withdrawn (a
reclaimed number's plan is dropped): a node must stop serving those, and a withdrawn plan has no row
left that :func:`changes_since` could list.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.expressions import Subquery
from tortoise.functions import Max

import ivr_flows
from api.numbers.models import Number
from api.plans import storage
from api.plans.policies import SERVED
from api.routing.models import CompiledPlan, PlanChange

__all__ = [
    "MAX_CHANGES",
    "Feed",
    "FeedEntry",
    "PlanChanges",
    "changes_since",
    "feed_since",
    "is_stale",
    "latest_version",
    "plan_for",
]

MAX_CHANGES = 500


async def plan_for(raw_number: str) -> CompiledPlan | None:
    """The stored plan of a 400 number (``4006228300`` or ``400-622-8300``), None if it has none or its
    number is not served; loaded with its number, so :func:`is_stale` costs no query."""
    try:
        digits = ivr_flows.parse_400_number(raw_number)
    except ivr_flows.Invalid400Number:
        return None
    # One query on the hot path: the plan with its number (whose status the plan must reflect).
    row = await CompiledPlan.filter(number__number=digits).select_related("number").first()
    if row is None or row.number.status not in SERVED:
        return None
    return row


def is_stale(row: CompiledPlan) -> bool:
    """Whether a plan from :func:`plan_for` was compiled for another status than its number has now."""
    return storage.is_stale(row, row.number)


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
    latest = await latest_version()
    rows = await CompiledPlan.filter(version__gt=version).order_by("version").limit(limit + 1)
    numbers = dict(await Number.filter(id__in=[r.number_id for r in rows]).values_list("id", "number"))
    return PlanChanges(rows[:limit], numbers, latest, len(rows) > limit)


@dataclass(frozen=True)
class FeedEntry:
    """A number whose plan changed: its version and ETag now, or ``etag`` None when it was withdrawn."""

    number: str
    version: int
    etag: str | None


@dataclass
class Feed:
    entries: list[FeedEntry]
    latest_version: int
    has_more: bool


async def feed_since(version: int, limit: int = MAX_CHANGES) -> Feed:
    """Every number whose plan changed or was withdrawn after ``version``, oldest first, no bodies.

    A withdrawn plan is a number whose latest change has no plan row any more; it is listed once, at
    that change, unless the number has a plan again (then the plan is listed).
    """
    found = await changes_since(version, limit)
    current = [FeedEntry(found.numbers[r.number_id], r.version, r.etag) for r in found.plans]
    dropped = (
        await PlanChange.filter(id__gt=version)
        .exclude(number_id__in=Subquery(CompiledPlan.all().values("number_id")))
        .annotate(last=Max("id"))
        .group_by("number_id")
        .order_by("last")
        .limit(limit + 1)
        .values_list("number_id", "last")
    )
    if dropped:
        ids = [number_id for number_id, _ in dropped]
        numbers = dict(await Number.filter(id__in=ids).values_list("id", "number"))
        withdrawn = [FeedEntry(numbers[n], last, None) for n, last in dropped if n in numbers]
        entries = sorted(current + withdrawn, key=lambda e: e.version)
    else:
        entries = current
    has_more = found.has_more or len(entries) > limit
    return Feed(entries[:limit], found.latest_version, has_more)
