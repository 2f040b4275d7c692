"""Reading the ledger: customers their account's entries, operators everyone's."""

from __future__ import annotations

import strawberry

from api.billing.models import LedgerEntry
from api.billing.types import LedgerEntryConnection, LedgerEntryType
from api.graphql.context import Info
from api.graphql.pagination import page_by_id
from api.graphql.permissions import IsSignedIn


@strawberry.type
class Query:
    @strawberry.field(
        description="Ledger entries, oldest first (customers: their account's).",
        permission_classes=[IsSignedIn],
    )
    async def ledger_entries(
        self, info: Info, first: int = 50, after: str | None = None
    ) -> LedgerEntryConnection:
        query = LedgerEntry.filter(**info.context.tenant_filter())
        return await page_by_id(
            LedgerEntryConnection,
            query,
            first=first,
            after=after,
            nodes=lambda rows: [LedgerEntryType.of(r) for r in rows],
        )
