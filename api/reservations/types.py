"""GraphQL type of a reservation."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry

from api.accounts.models import Account
from api.clock import to_local
from api.graphql.context import Info
from api.graphql.pagination import Connection
from api.numbers.numbering import format_number
from api.reservations import models
from api.reservations.models import ReservationEnd

if TYPE_CHECKING:
    from api.applications.models import ApplicationStatus


@strawberry.type(name="Reservation", description="A free hold (预占) on a number for two working days (R2).")
class ReservationType:
    id: strawberry.ID
    number_id: strawberry.ID
    number: str
    display: str
    created_at: dt.datetime
    expires_at: dt.datetime
    ended_at: dt.datetime | None
    end_reason: ReservationEnd | None
    active: bool
    account_id: strawberry.ID
    #: The holder's name when the caller loaded it with the page (one query for all rows), else None.
    known_account_name: strawberry.Private[str | None] = None

    @strawberry.field(
        description="The state of the latest application filed on this hold, if any: while it is "
        "SUBMITTED the hold does not expire (the number waits for the review)."
    )
    async def application_status(
        self, info: Info
    ) -> Annotated[ApplicationStatus, strawberry.lazy("api.applications.models")] | None:
        from api.applications.queries import application_status_loader

        return await application_status_loader(info).load(int(self.id))

    @strawberry.field(description="The holding account's name (for the operators' list).")
    async def account_name(self) -> str:
        if self.known_account_name is not None:
            return self.known_account_name
        account = await Account.get(id=int(self.account_id))
        return account.name

    @classmethod
    def of(cls, row: models.Reservation, number: str, account_name: str | None = None) -> ReservationType:
        return cls(
            id=strawberry.ID(str(row.id)),
            account_id=strawberry.ID(str(row.account_id)),
            known_account_name=account_name,
            number_id=strawberry.ID(str(row.number_id)),
            number=number,
            display=format_number(number),
            created_at=to_local(row.created_at),
            expires_at=to_local(row.expires_at),
            ended_at=to_local(row.ended_at) if row.ended_at else None,
            end_reason=row.end_reason,
            active=row.ended_at is None,
        )


@strawberry.type
class ReservationConnection(Connection[ReservationType]):
    pass
