"""Reading applications beside other rows: each hold's latest application, for a page in one query."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from api.applications.models import Application, ApplicationStatus
from api.graphql.context import Info
from api.graphql.loaders import request_loader

__all__ = ["application_status_loader"]


async def _latest_statuses(reservation_ids: list[int]) -> list[ApplicationStatus | None]:
    rows = (
        await Application.filter(reservation_id__in=set(reservation_ids))
        .order_by("id")
        .values_list("reservation_id", "status")
    )
    # Ordered by id, so each hold keeps the status of its newest application.
    latest = {int(r): ApplicationStatus(s) for r, s in rows}
    return [latest.get(i) for i in reservation_ids]


def application_status_loader(info: Info) -> DataLoader[int, ApplicationStatus | None]:
    """The state of the latest application filed on each hold (None: none filed)."""
    return request_loader(info, "hold-application-status", _latest_statuses)
