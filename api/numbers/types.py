"""GraphQL types of the inventory. Leaf fields are plain attributes; relations are filled in batches."""

from __future__ import annotations

import datetime as dt

import strawberry

from api.accounts.types import AccountType
from api.clock import to_local
from api.graphql.pagination import Connection
from api.numbers import models, numbering
from api.reservations.types import ReservationType

CarrierEnum = strawberry.enum(numbering.Carrier, name="Carrier")
GradeEnum = strawberry.enum(numbering.Grade, name="Grade")
NumberStatusEnum = strawberry.enum(numbering.NumberStatus, name="NumberStatus")


@strawberry.type(name="Number", description="A 400 number (R1).")
class NumberType:
    id: strawberry.ID
    number: str = strawberry.field(description="Ten digits, 400XXXXXXX.")
    display: str = strawberry.field(description="As people write it: 400-XXX-XXXX.")
    carrier: CarrierEnum  # type: ignore[valid-type]
    carrier_name: str
    grade: GradeEnum  # type: ignore[valid-type]
    grade_name: str
    price_fen: int = strawberry.field(description="Price of its 靓号 grade in fen; 0 for ordinary numbers.")
    status: NumberStatusEnum  # type: ignore[valid-type]
    status_name: str
    status_changed_at: dt.datetime
    available_from: dt.datetime | None
    account: AccountType | None
    reservation: ReservationType | None = strawberry.field(description="The active hold, if any.")


@strawberry.type
class NumberConnection(Connection[NumberType]):
    pass


@strawberry.type(name="NumberEvent", description="One audited state change of a number.")
class NumberEventType:
    at: dt.datetime
    from_status: NumberStatusEnum | None  # type: ignore[valid-type]
    to_status: NumberStatusEnum  # type: ignore[valid-type]
    actor: str
    reason: str

    @classmethod
    def of(cls, row: models.NumberEvent) -> NumberEventType:
        return cls(
            at=to_local(row.at),
            from_status=row.from_status,
            to_status=row.to_status,
            actor=row.actor_label,
            reason=row.reason,
        )


@strawberry.type(name="GradePrice")
class GradePriceType:
    grade: GradeEnum  # type: ignore[valid-type]
    grade_name: str
    price_fen: int


@strawberry.type
class ImportNumbersResult:
    imported_count: int
    skipped_existing: list[str] = strawberry.field(
        description="Numbers already in the inventory, left as they were."
    )


@strawberry.type(name="HolidayOverride")
class HolidayOverrideType:
    day: dt.date
    workday: bool
    name: str


@strawberry.input
class NumberSearch:
    prefix: str | None = strawberry.field(default=None, description="Leading digits, e.g. 4008.")
    carrier: CarrierEnum | None = None  # type: ignore[valid-type]
    contains: str | None = strawberry.field(default=None, description="Digits anywhere after 400, e.g. 888.")
    grade: GradeEnum | None = None  # type: ignore[valid-type]
