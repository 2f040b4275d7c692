"""Published versions of a flow: numbered, frozen rows, and what changed between two of them.

Version numbers are allocated as ``max + 1`` under a unique (flow, version) constraint; a concurrent
publisher that loses the race retries. Deciding *whether* a draft may be published (analysis with the
account's prompts) and putting the version in service belong to the publishing pipeline
(``api/plans/pipeline.py``), which calls :func:`create_version` inside its transaction.
"""

from __future__ import annotations

import json
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

import ivr_flows
from api.clock import utcnow
from api.errors import UserError, UserErrors
from api.flows.models import Flow, FlowVersion

__all__ = ["check_message", "create_version", "document_of", "refusal", "same_flow"]

MAX_MESSAGE = 200


def refusal(diagnostics: list[ivr_flows.Diagnostic]) -> UserErrors:
    """The analysis errors as user errors, one each, on the node they concern (or the document)."""
    errors = [d for d in diagnostics if d.severity == "error"]
    return UserErrors(
        [UserError(d.code, d.message, f"node:{d.node_id}" if d.node_id else "document") for d in errors]
    )


def check_message(message: str) -> str:
    """The publication note, trimmed; refused when longer than the column holds."""
    message = message.strip()
    if len(message) > MAX_MESSAGE:
        raise UserError("too_long", f"发布说明不能超过{MAX_MESSAGE}个字", "message")
    return message


async def create_version(flow: Flow, loaded: ivr_flows.Flow, message: str, publisher: str) -> FlowVersion:
    """Freeze ``flow``'s draft (already loaded and analysed by the caller) as its next version.

    Each attempt runs in its own savepoint, so a lost race inside the caller's transaction is retried
    instead of aborting it (PostgreSQL refuses every statement after a failed one otherwise).
    """
    for _ in range(5):
        last = await FlowVersion.filter(flow_id=flow.id).order_by("-version").first()
        number = last.version + 1 if last else 1
        try:
            async with in_transaction():
                return await FlowVersion.create(
                    flow_id=flow.id,
                    account_id=flow.account_id,
                    version=number,
                    document=flow.draft,
                    digest=ivr_flows.flow_digest(loaded),
                    message=message,
                    published_by=publisher,
                    created_at=utcnow(),
                )
        except IntegrityError:
            continue
    raise UserError("busy", "同时发布的请求过多,请稍后重试", "id")


def document_of(row: FlowVersion | Flow) -> dict[str, Any]:
    """The stored document of a version, or of a flow's draft."""
    loaded: dict[str, Any] = json.loads(row.document if isinstance(row, FlowVersion) else row.draft)
    return loaded


def same_flow(old: FlowVersion, new: FlowVersion | Flow, field: str) -> None:
    """Two versions compared must be of one flow: another flow's ids mean nothing on this canvas."""
    flow_id = new.flow_id if isinstance(new, FlowVersion) else new.id
    if old.flow_id != flow_id:
        raise UserError("different_flows", "只能对比同一流程的版本", field)
