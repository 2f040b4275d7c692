"""GraphQL types of statements."""

from __future__ import annotations

import datetime as dt

import strawberry

from api.clock import to_local
from api.graphql.pagination import Connection
from api.statements import models


@strawberry.type
class StatementNumberLine:
    number: str
    calls: int = strawberry.field(description="Charged calls in the month.")
    billed_seconds: int
    charge_fen: int


@strawberry.type
class StatementFeeLine:
    kind: str
    name: str
    count: int
    amount_fen: int = strawberry.field(description="Charged, as a positive amount.")


@strawberry.type(name="Statement", description="A month's statement (R6), frozen when issued.")
class StatementType:
    id: strawberry.ID
    account_id: strawberry.ID
    month: str = strawberry.field(description="YYYY-MM, Asia/Shanghai calendar month.")
    opening_fen: int
    recharges_fen: int
    call_charges_fen: int = strawberry.field(description="Negative: taken from the balance.")
    fees_fen: int = strawberry.field(description="Negative: ringback, line and SMS fees.")
    adjustments_fen: int
    closing_fen: int
    calls: int
    billed_seconds: int
    per_number: list[StatementNumberLine]
    fees: list[StatementFeeLine]
    issued_at: dt.datetime
    csv_url: str
    pdf_url: str

    @classmethod
    def of(cls, row: models.Statement) -> StatementType:
        return cls(
            id=strawberry.ID(str(row.id)),
            account_id=strawberry.ID(str(row.account_id)),
            month=f"{row.month:%Y-%m}",
            opening_fen=row.opening_fen,
            recharges_fen=row.recharges_fen,
            call_charges_fen=row.call_charges_fen,
            fees_fen=row.fees_fen,
            adjustments_fen=row.adjustments_fen,
            closing_fen=row.closing_fen,
            calls=row.calls,
            billed_seconds=row.billed_seconds,
            per_number=[StatementNumberLine(**line) for line in row.per_number],
            fees=[StatementFeeLine(**fee) for fee in row.fees],
            issued_at=to_local(row.issued_at),
            csv_url=f"/statements/{row.id}/csv",
            pdf_url=f"/statements/{row.id}/pdf",
        )


@strawberry.type
class StatementConnection(Connection[StatementType]):
    pass
