"""Modules (子流程): an account's reusable sub-flows, and which of their versions a flow version calls.

A module is a flow row of kind ``module`` with the same drafts, versions and publishing as any flow; its
documents say ``"kind": "module"``. A flow's module node names a module by its flow id and a published
version number. The library compiles modules inline from a mapping ``(module id, version) → document``
(:mod:`ivr_flows.modules`); this module builds that mapping:

- when a draft is checked or published, from the account's *own* published module versions (another
  account's module, or a version never published, is simply not there: analysis says ``module_missing``);
- when a version already published is recompiled, from the module versions recorded with it at publishing
  (:class:`~api.flows.models.FlowVersionModule`), so its plans never change under it. A module version
  that a flow version calls cannot be deleted.
"""

from __future__ import annotations

from collections.abc import Iterable

from tortoise.backends.base.client import BaseDBAsyncClient

import ivr_flows
from api.errors import UserError
from api.flows.flow_json import parse_stored
from api.flows.models import Flow, FlowVersion, FlowVersionModule
from api.graphql.ids import MAX_ID, plain_int

__all__ = ["MODULE", "calls", "check_kind", "check_not_in_use", "pin", "pinned", "resolve"]

MODULE = "module"

Key = tuple[str, int]


def calls(flow: ivr_flows.Flow) -> set[Key]:
    """The module versions the document's module nodes name (chosen ones)."""
    return set(ivr_flows.module_calls(flow).values())


def _as_module(row: FlowVersion, key: Key, name: str) -> ivr_flows.Flow:
    """A module version's document, named by its module's id and name (the library's messages name it)."""
    return parse_stored(row.document).model_copy(update={"id": key[0], "name": name})


async def resolve(account_id: int, flow: ivr_flows.Flow) -> tuple[ivr_flows.Modules, dict[Key, int]]:
    """The account's published module versions the flow calls, directly or through modules, and their
    version rows' ids. A flow without module nodes costs no query."""
    found: dict[Key, ivr_flows.Flow] = {}
    rows: dict[Key, int] = {}
    pending = calls(flow)
    seen: set[Key] = set()
    while pending:
        key = pending.pop()
        if key in seen:
            continue
        seen.add(key)
        module_id = plain_int(key[0])
        if module_id is None or module_id > MAX_ID:
            continue
        row = (
            await FlowVersion.filter(
                flow_id=module_id, version=key[1], account_id=account_id, flow__kind=MODULE
            )
            .select_related("flow")
            .first()
        )
        if row is None:
            continue
        found[key] = _as_module(row, key, row.flow.name)
        rows[key] = row.id
        pending |= calls(found[key]) - seen
    return found, rows


async def pinned(version: FlowVersion, flow: ivr_flows.Flow) -> ivr_flows.Modules:
    """The module versions recorded with ``version`` at publishing (none looked up for a flow without
    module nodes)."""
    if not calls(flow):
        return {}
    links = await FlowVersionModule.filter(flow_version_id=version.id).select_related("module_version__flow")
    out: dict[Key, ivr_flows.Flow] = {}
    for link in links:
        row = link.module_version
        key = (str(row.flow_id), row.version)
        out[key] = _as_module(row, key, row.flow.name)
    return out


async def pin(
    version: FlowVersion,
    flow: ivr_flows.Flow,
    modules: ivr_flows.Modules,
    rows: dict[Key, int],
    conn: BaseDBAsyncClient | None = None,
) -> None:
    """Record the module versions the new flow version calls."""
    used: Iterable[Key] = ivr_flows.modules_used(flow, modules)
    links = [
        FlowVersionModule(flow_version_id=version.id, module_version_id=rows[key]) for key in sorted(used)
    ]
    if links:
        await FlowVersionModule.bulk_create(links, using_db=conn)


def check_kind(row_kind: str, document: ivr_flows.Flow, field: str = "document") -> None:
    """A flow's document stays a flow and a module's a module: the editor offers different nodes."""
    if document.kind != row_kind:
        message = (
            "子流程的文件必须是子流程" if row_kind == MODULE else "流程文件不能是子流程,请新建子流程后导入"
        )
        raise UserError("wrong_kind", message, field)


async def check_not_in_use(flow: Flow) -> None:
    """A module none of whose versions a published flow version calls may be deleted."""
    if flow.kind != MODULE:
        return
    if await FlowVersionModule.filter(module_version__flow_id=flow.id).exists():
        raise UserError("module_in_use", "有流程的已发布版本调用了该子流程,不能删除", "id")
