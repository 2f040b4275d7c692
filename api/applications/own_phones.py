"""The customer's own phones: where its numbers forward to and whom it named as contact.

Lists of callers mask private numbers, but a customer reading its own call records must still recognise
its own office line or duty mobile (a colleague testing the hotline, the phone that answered). These are
the phones the customer gave us itself: the dial destinations of the flows in service on its numbers,
the contact and bound numbers of its applications, and the phone billing notices go to.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import ivr_flows
from api.applications.models import Application
from api.billing.models import AccountBilling
from api.flows.models import FlowVersion
from api.routing.models import NumberRouting

__all__ = ["own_phones"]


def _dialled(document: str) -> Iterable[str]:
    try:
        nodes: list[dict[str, Any]] = json.loads(document).get("nodes", [])
    except (ValueError, AttributeError):
        return
    for node in nodes:
        if node.get("type") == "dial":
            for destination in (node.get("props") or {}).get("destinations", []):
                if isinstance(destination, dict) and isinstance(destination.get("number"), str):
                    yield destination["number"]


async def own_phones(account_id: int) -> list[str]:
    """The account's own phones in national form (as callers are recorded), sorted."""
    raw: list[str] = []
    version_ids = await NumberRouting.filter(
        number__account_id=account_id, flow_version_id__isnull=False
    ).values_list("flow_version_id", flat=True)
    if version_ids:
        documents = await FlowVersion.filter(id__in=set(version_ids), account_id=account_id).values_list(
            "document", flat=True
        )
        for document in documents:
            raw.extend(_dialled(str(document)))
    for contact, bound in await Application.filter(account_id=account_id).values_list(
        "contact_phone", "bound_numbers"
    ):
        raw.append(contact)
        raw.extend(b for b in bound or [] if isinstance(b, str))
    notify = await AccountBilling.filter(account_id=account_id).values_list("notify_phone", flat=True)
    raw.extend(str(p) for p in notify if p)
    phones = {ivr_flows.parse_phone(p).number for p in raw}
    return sorted(p for p in phones if p)
