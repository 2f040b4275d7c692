"""GraphQL types of the ledger."""

from __future__ import annotations

import datetime as dt

import strawberry

from api.billing import models
from api.billing.models import EntryKind
from api.clock import to_local
from api.graphql.pagination import Connection


@strawberry.type(name="LedgerEntry", description="A charge (negative) or credit on an account, in fen.")
class LedgerEntryType:
    id: strawberry.ID
    account_id: strawberry.ID
    amount_fen: int
    kind: EntryKind
    description: str
    reference: str
    created_at: dt.datetime

    @classmethod
    def of(cls, row: models.LedgerEntry) -> LedgerEntryType:
        return cls(
            id=strawberry.ID(str(row.id)),
            account_id=strawberry.ID(str(row.account_id)),
            amount_fen=row.amount_fen,
            kind=row.kind,
            description=row.description,
            reference=row.reference,
            created_at=to_local(row.created_at),
        )


@strawberry.type
class LedgerEntryConnection(Connection[LedgerEntryType]):
    pass
