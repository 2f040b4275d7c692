"""Rows a viewer may see, found by the id a client sent.

Every look-up by a client's id goes through here, so tenancy is decided in one place: a customer is
confined to its own account's rows, and another tenant's id reads exactly like an id that does not exist
(``not_found``), revealing nothing. Operators see every account's rows.
"""

from __future__ import annotations

from typing import Any, TypeVar

import strawberry
from tortoise.models import Model

from api.applications.models import Application
from api.errors import UserError
from api.flows.models import Flow, FlowVersion
from api.graphql.context import Info
from api.graphql.ids import parse_id
from api.media.models import MediaItem
from api.numbers.models import Number
from api.recordings.models import Recording
from api.reservations.models import Reservation

__all__ = [
    "find_visible",
    "visible_application",
    "visible_flow",
    "visible_media",
    "visible_number",
    "visible_recording",
    "visible_reservation",
    "visible_version",
]

M = TypeVar("M", bound=Model)


async def find_visible(info: Info, model: type[M], id: strawberry.ID, field: str, **filters: Any) -> M | None:
    """The row if it exists and the viewer may see it; for queries that answer null when not found."""
    return await model.filter(id=parse_id(id, field), **filters, **info.context.tenant_filter()).first()


async def _visible(
    info: Info, model: type[M], id: strawberry.ID, field: str, missing: str, **filters: Any
) -> M:
    row = await find_visible(info, model, id, field, **filters)
    if row is None:
        raise UserError("not_found", missing, field)
    return row


async def visible_flow(info: Info, id: strawberry.ID, field: str = "id") -> Flow:
    return await _visible(info, Flow, id, field, "未找到该流程")


async def visible_version(info: Info, id: strawberry.ID, field: str = "versionId") -> FlowVersion:
    return await _visible(info, FlowVersion, id, field, "未找到该流程版本")


async def visible_number(info: Info, id: strawberry.ID, field: str = "numberId") -> Number:
    return await _visible(info, Number, id, field, "未找到该号码")


async def visible_media(info: Info, id: strawberry.ID, field: str = "id") -> MediaItem:
    """Deleted media stay on record for the ledger but are gone for every client."""
    return await _visible(info, MediaItem, id, field, "未找到该媒体", deleted_at__isnull=True)


async def visible_application(info: Info, id: strawberry.ID, field: str = "applicationId") -> Application:
    return await _visible(info, Application, id, field, "未找到该申请")


async def visible_recording(info: Info, id: strawberry.ID, field: str = "id") -> Recording:
    return await _visible(info, Recording, id, field, "未找到该录音", deleted_at__isnull=True)


async def visible_reservation(info: Info, id: strawberry.ID, field: str = "id") -> Reservation:
    return await _visible(info, Reservation, id, field, "未找到该预占记录")
