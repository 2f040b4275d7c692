"""Publishing: freeze a draft as an immutable numbered version, after analysis found no errors.

Publishing checks the prompts the flow references against the account's media (``prompts.py``): only
existing prompts and approved ringback tones (R16) may be played. Version numbers are allocated as
``max + 1`` under a unique (flow, version) constraint; a concurrent publisher that loses the race retries.
"""

from __future__ import annotations

import json

from tortoise.exceptions import IntegrityError

import ivr_flows
from api.clock import utcnow
from api.errors import UserError, UserErrors
from api.flows.documents import FlowDiff, diff_documents, parse_stored
from api.flows.models import Flow, FlowVersion
from api.flows.prompts import analysis_context

__all__ = ["diagnostics_of", "diff_versions", "publish_flow"]


async def diagnostics_of(flow: ivr_flows.Flow, account_id: int) -> list[ivr_flows.Diagnostic]:
    """What analysis says, with the account's prompts checked, errors first."""
    return ivr_flows.analyse(flow, None, await analysis_context(account_id))


def refusal(diagnostics: list[ivr_flows.Diagnostic]) -> UserErrors:
    errors = [d for d in diagnostics if d.severity == "error"]
    return UserErrors(
        [UserError(d.code, d.message, f"node:{d.node_id}" if d.node_id else "document") for d in errors]
    )


async def publish_flow(flow: Flow, message: str, publisher: str) -> FlowVersion:
    """Freeze the current draft; refused when analysis finds an error (every error is returned)."""
    message = message.strip()
    if len(message) > 200:
        raise UserError("too_long", "发布说明不能超过200个字", "message")
    loaded = parse_stored(flow.draft)
    found = await diagnostics_of(loaded, flow.account_id)
    if any(d.severity == "error" for d in found):
        raise refusal(found)
    for _ in range(5):
        last = await FlowVersion.filter(flow_id=flow.id).order_by("-version").first()
        number = last.version + 1 if last else 1
        try:
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
