"""Published versions of a flow: numbered, frozen rows, and what changed between two of them.

Version numbers are allocated as ``max + 1`` under a unique (flow, version) constraint; a concurrent
publisher that loses the race retries. Deciding *whether* a draft may be published (analysis with the
account's prompts) and putting the version in service belong to the publishing pipeline
(``api/plans/pipeline.py``), which calls :func:`create_version` inside its transaction.
"""

from __future__ import annotations

import json

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

import ivr_flows
from api.clock import utcnow
from api.errors import UserError, UserErrors
from api.flows.flow_json import FlowDiff, diff_documents
from api.flows.models import Flow, FlowVersion

__all__ = ["check_message", "create_version", "diff_versions", "refusal"]

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


def diff_versions(old: FlowVersion | Flow, new: FlowVersion | Flow) -> FlowDiff:
    def doc(row: FlowVersion | Flow) -> dict[str, object]:
        return json.loads(row.document if isinstance(row, FlowVersion) else row.draft)

    return diff_documents(doc(old), doc(new))
