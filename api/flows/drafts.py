"""Editing flows: create, import, save a draft against its base revision, rename, copy, delete.

A draft is saved with the revision it was loaded at; the save is one conditional ``UPDATE … WHERE
revision = base``, so of two editors who loaded the same revision exactly one wins and the other gets a
``conflict`` error instead of silently overwriting the first one's work (SQLite and PostgreSQL alike).
"""

from __future__ import annotations

from typing import Any, cast

from tortoise.expressions import F

from api.clock import utcnow
from api.errors import UserError
from api.flows import modules
from api.flows.flow_json import canonical, check_document, empty_document
from api.flows.models import Flow, FlowVersion

__all__ = [
    "MAX_FLOWS_PER_ACCOUNT",
    "check_editable",
    "check_name",
    "copy_flow",
    "create_flow",
    "create_generated_flow",
    "create_module",
    "delete_flow",
    "rename_flow",
    "save_draft",
]

MAX_FLOWS_PER_ACCOUNT = 200


def check_name(name: str, field: str = "name") -> str:
    name = name.strip()
    if not name:
        raise UserError("required", "请填写流程名称", field)
    if len(name) > 80:
        raise UserError("too_long", "流程名称不能超过80个字", field)
    return name


def check_editable(flow: Flow) -> None:
    """The flow a number's simple routing form generated is that form's own: changed only by saving it.

    Renaming, deleting, editing or publishing it by hand would leave the form and what the number runs
    disagreeing, so it is refused with a pointer to where the settings live.
    """
    if flow.internal:
        raise UserError(
            "internal_flow",
            "该流程由号码的简单设置自动生成,不能单独修改;请在“我的号码”中修改该号码的简单设置",
            "id",
        )


async def _check_quota(account_id: int) -> None:
    """The limit counts the customer's own flows; the ones simple routing generates (one per number) not."""
    if (
        await Flow.filter(account_id=account_id, simple_number_id__isnull=True).count()
        >= MAX_FLOWS_PER_ACCOUNT
    ):
        raise UserError("too_many_flows", f"每个账户最多{MAX_FLOWS_PER_ACCOUNT}个流程", "name")


async def create_flow(account_id: int, name: str, document: object | None = None) -> Flow:
    """A new flow: an empty one, or an imported JSON document (its shape is checked); an imported
    module's document (``"kind": "module"``) makes a module."""
    name = check_name(name)
    data: dict[str, Any] = empty_document(name)
    kind = "flow"
    if document is not None:
        data, loaded = check_document(document)
        kind = loaded.kind
    await _check_quota(account_id)
    now = utcnow()
    return await Flow.create(
        account_id=account_id, name=name, kind=kind, draft=canonical(data), created_at=now, updated_at=now
    )


async def create_module(account_id: int, name: str) -> Flow:
    """A new, empty module (子流程): a start node, and one return point to connect."""
    data = empty_document(name)
    data["kind"] = modules.MODULE
    data["nodes"].append(
        {"id": "return", "type": "module_exit", "position": {"x": 300, "y": 0}, "props": {"name": "完成"}}
    )
    return await create_flow(account_id, name, data)


async def create_generated_flow(account_id: int, name: str, document: dict[str, Any], number_id: int) -> Flow:
    """A flow the service generated (the simple routing form): stored as built, not parsed again, and
    internal — kept out of the customer's flow lists and pickers, never renamed or deleted by hand.

    The generator has just built and loaded the document itself; publishing it parses nothing twice.
    """
    name = check_name(name)
    now = utcnow()
    return await Flow.create(
        account_id=account_id,
        name=name,
        draft=canonical(document),
        simple_number_id=number_id,
        created_at=now,
        updated_at=now,
    )


async def save_draft(flow: Flow, document: object, base_revision: int) -> Flow:
    check_editable(flow)
    data, loaded = check_document(document)
    modules.check_kind(flow.kind, loaded)
    updated = await Flow.filter(id=flow.id, revision=base_revision).update(
        draft=canonical(data), revision=F("revision") + 1, updated_at=utcnow()
    )
    if updated != 1:
        raise UserError(
            "conflict",
            "流程已被他人修改并保存,请重新加载最新版本后再编辑(本次保存未生效)",
            "baseRevision",
        )
    await flow.refresh_from_db()
    return flow


async def rename_flow(flow: Flow, name: str) -> Flow:
    check_editable(flow)
    flow.name = check_name(name)
    flow.updated_at = utcnow()
    await flow.save(update_fields=["name", "updated_at"])
    return flow


async def copy_flow(flow: Flow, name: str) -> Flow:
    """A new flow whose draft is this flow's draft; versions are not copied."""
    name = check_name(name)
    await _check_quota(flow.account_id)
    now = utcnow()
    return await Flow.create(
        account_id=flow.account_id,
        name=name,
        kind=flow.kind,
        draft=flow.draft,
        created_at=now,
        updated_at=now,
    )


async def numbers_using(flow_id: int) -> list[int]:
    """Numbers running a version of the flow (through the versions' reverse relation to number settings)."""
    rows = await FlowVersion.filter(flow_id=flow_id, numbers__id__isnull=False).values_list(
        "numbers__number_id", flat=True
    )
    return sorted(set(cast("list[int]", rows)))


async def delete_flow(flow: Flow) -> None:
    """Delete a flow and its versions; refused while a number runs any of its versions."""
    check_editable(flow)
    if await numbers_using(flow.id):
        raise UserError("flow_in_use", "有号码正在使用该流程的版本,请先为这些号码换用其他流程", "id")
    await modules.check_not_in_use(flow)
    await flow.delete()
