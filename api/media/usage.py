"""Media as flows see it: which prompt ids an account may play, and which published flows play an item.

A flow references a media item by its prompt id (``media-<id>``); which prompts a flow plays is the flow
library's definition (:func:`ivr_flows.prompts_played`). Pending and rejected ringback tones are not
playable anywhere (R16); approved ones may also serve as ringback.
"""

from __future__ import annotations

from typing import cast

import ivr_flows
from api.flows.models import Flow, FlowVersion
from api.media.library import prompt_id
from api.media.models import MediaItem, MediaKind, ReviewStatus

__all__ = ["flows_using", "playable_prompts"]


async def playable_prompts(account_id: int) -> tuple[frozenset[str], frozenset[str]]:
    """The account's playable prompt ids, and among them the approved ringback tones."""
    rows = await MediaItem.filter(account_id=account_id, deleted_at__isnull=True).values_list(
        "id", "kind", "review_status"
    )
    prompts = frozenset(
        prompt_id(i) for i, _, status in rows if status in (ReviewStatus.NOT_REQUIRED, ReviewStatus.APPROVED)
    )
    ringbacks = frozenset(
        prompt_id(i)
        for i, kind, status in rows
        if kind == MediaKind.RINGBACK and status == ReviewStatus.APPROVED
    )
    return prompts, ringbacks


async def flows_using(item: MediaItem) -> list[str]:
    """Names of the account's flows whose published versions in use play ``item``.

    "In use" is the latest published version of each flow (what the flow means now) and every version a
    number currently runs (what callers hear now); older, superseded versions do not hold a prompt.
    """
    versions = await FlowVersion.filter(account_id=item.account_id).values_list("id", "flow_id", "version")
    latest: dict[int, tuple[int, int]] = {}
    for version_id, flow_id, number in versions:
        if flow_id not in latest or number > latest[flow_id][1]:
            latest[flow_id] = (version_id, number)
    wanted = {version_id for version_id, _ in latest.values()}
    # The versions numbers run, through the versions' reverse relation to the numbers' settings.
    running = await FlowVersion.filter(account_id=item.account_id, numbers__id__isnull=False).values_list(
        "id", flat=True
    )
    wanted |= set(cast("list[int]", running))
    if not wanted:
        return []
    target = prompt_id(item.id)
    using: set[int] = set()
    for flow_id, document in await FlowVersion.filter(id__in=wanted).values_list("flow_id", "document"):
        # published versions passed load_flow when they were published, so they load again
        if flow_id not in using and target in ivr_flows.prompts_played(ivr_flows.load_flow(document)):
            using.add(flow_id)
    if not using:
        return []
    return cast("list[str]", await Flow.filter(id__in=using).order_by("id").values_list("name", flat=True))
