"""Queries and mutations of reservations (R2)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from api.accounts.models import Account
from api.graphql.context import Info
from api.graphql.errors import ReturnsUserErrors, UserErrors
from api.graphql.ids import parse_id
from api.graphql.pagination import page_by_id
from api.graphql.permissions import IsCustomer, IsSignedIn
from api.numbers.lifecycle import Actor
from api.numbers.models import Number
from api.reservations import holds
from api.reservations.models import Reservation
from api.reservations.types import ReservationConnection, ReservationType
from api.visible import find_visible, visible_reservation

ReservationResult = Annotated[ReservationType | UserErrors, strawberry.union("ReservationResult")]


async def _typed(rows: list[Reservation]) -> list[ReservationType]:
    if not rows:
        return []
    numbers = dict(await Number.filter(id__in={r.number_id for r in rows}).values_list("id", "number"))
    names = dict(await Account.filter(id__in={r.account_id for r in rows}).values_list("id", "name"))
    return [ReservationType.of(r, numbers[r.number_id], names[r.account_id]) for r in rows]


@strawberry.type
class Query:
    @strawberry.field(
        description="Reservations the viewer may see (customers: their account's).",
        permission_classes=[IsSignedIn],
    )
    async def reservations(
        self, info: Info, active: bool | None = None, first: int = 50, after: str | None = None
    ) -> ReservationConnection:
        query = Reservation.filter(**info.context.tenant_filter())
        if active is not None:
            query = query.filter(ended_at__isnull=active)
        return await page_by_id(ReservationConnection, query, first=first, after=after, nodes=_typed)

    @strawberry.field(permission_classes=[IsSignedIn])
    async def reservation(self, info: Info, id: strawberry.ID) -> ReservationType | None:
        row = await find_visible(info, Reservation, id, "id")
        return (await _typed([row]))[0] if row else None


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Reserve an available number for two working days, free of charge (R2, R5).",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsCustomer],
    )
    async def reserve_number(self, info: Info, number_id: strawberry.ID) -> ReservationResult:
        reservation = await holds.reserve_number(
            parse_id(number_id, "numberId"),
            info.context.user,
            workdays=info.context.config.reservation_workdays,
            address=info.context.request.client.host if info.context.request.client else "",
            per_address=info.context.config.holds_per_address,
        )
        return (await _typed([reservation]))[0]

    @strawberry.mutation(
        description="Give a held number back (customers: their own; operators: any).",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def release_reservation(self, info: Info, id: strawberry.ID) -> ReservationResult:
        row = await visible_reservation(info, id)
        await holds.release_reservation(row, Actor(info.context.user))
        return (await _typed([row]))[0]
