"""Which published versions are in service, and on which numbers: what the flow list, the editor and a
number's page show, so a designer knows what callers reach before publishing or deleting anything.

Read through the versions' reverse relation to the numbers' routing settings (``FlowVersion.numbers``),
so this package needs nothing of routing's code. A reclaimed number's settings are deleted with it, so
only numbers the flow's own account holds can appear.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tortoise.functions import Max

from api.flows.models import FlowVersion

__all__ = ["Live", "latest_versions", "live_numbers"]


@dataclass(frozen=True)
class Live:
    """One number running one version."""

    flow_id: int
    version_id: int
    version: int
    number_id: int
    number: str


async def live_numbers(*, flow_ids: Iterable[int] = (), version_ids: Iterable[int] = ()) -> list[Live]:
    """Numbers running a version of these flows or one of these versions, by number, in one query."""
    flows, versions = list(flow_ids), list(version_ids)
    if not flows and not versions:
        return []
    query = FlowVersion.filter(numbers__id__isnull=False)
    query = query.filter(flow_id__in=flows) if flows else query.filter(id__in=versions)
    rows: list[dict[str, Any]] = await query.values(
        "id", "flow_id", "version", "numbers__number_id", "numbers__number__number"
    )
    found = [
        Live(
            flow_id=row["flow_id"],
            version_id=row["id"],
            version=row["version"],
            number_id=row["numbers__number_id"],
            number=row["numbers__number__number"],
        )
        for row in rows
    ]
    return sorted(found, key=lambda live: (live.number, live.version_id))


async def latest_versions(flow_ids: Iterable[int]) -> dict[int, int]:
    """The newest published version number of each flow that has one, in one query."""
    ids = list(flow_ids)
    if not ids:
        return {}
    rows = (
        await FlowVersion.filter(flow_id__in=ids)
        .annotate(latest=Max("version"))
        .group_by("flow_id")
        .values("flow_id", "latest")
    )
    return {row["flow_id"]: row["latest"] for row in rows}
