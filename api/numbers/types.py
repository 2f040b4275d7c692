"""GraphQL types of the inventory. Leaf fields are plain attributes; relations are filled in batches."""

from __future__ import annotations

import datetime as dt

import strawberry

from api.accounts.types import AccountType
from api.clock import to_local
from api.graphql.pagination import Connection
from api.numbers import models
from api.numbers.numbering import Carrier, Grade, NumberStatus
from api.reservations.types import ReservationType


@strawberry.type(name="Number", description="A 400 number (R1).")
class NumberType:
    id: strawberry.ID
    number: str = strawberry.field(description="Ten digits, 400XXXXXXX.")
    display: str = strawberry.field(description="As people write it: 400-XXX-XXXX.")
    carrier: Carrier
    carrier_name: str
    grade: Grade
    grade_name: str
    price_fen: int = strawberry.field(description="Price of its 靓号 grade in fen; 0 for ordinary numbers.")
    status: NumberStatus
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
    from_status: NumberStatus | None
    to_status: NumberStatus
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
    grade: Grade
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


@strawberry.type(name="BundledHoliday", description="A day of the official schedule the service ships with.")
class BundledHolidayType:
    day: dt.date
    workday: bool = strawberry.field(description="True: a make-up workday (调休上班); false: a holiday.")
    name: str = strawberry.field(description="The holiday it belongs to, e.g. 国庆节.")


@strawberry.type(name="BundledCalendar", description="The official holidays of a year as bundled.")
class BundledCalendarType:
    year: int
    covered: bool = strawberry.field(
        description="The bundled schedule knows the year; otherwise Monday to Friday are workdays."
    )
    days: list[BundledHolidayType]


@strawberry.input
class NumberSearch:
    prefix: str | None = strawberry.field(default=None, description="Leading digits, e.g. 4008.")
    carrier: Carrier | None = None
    contains: str | None = strawberry.field(default=None, description="Digits anywhere after 400, e.g. 888.")
    grade: Grade | None = None
