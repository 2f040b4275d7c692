"""Reading the ledger: customers their account's entries, operators everyone's."""

from __future__ import annotations

import strawberry

from api.billing.models import LedgerEntry
from api.billing.types import LedgerEntryConnection, LedgerEntryType
from api.graphql.context import Info
from api.graphql.pagination import build_connection, fetch_page


@strawberry.type
class Query:
    @strawberry.field(description="Ledger entries, oldest first (customers: their account's).")
    async def ledger_entries(
        self, info: Info, first: int = 50, after: str | None = None
    ) -> LedgerEntryConnection:
        query = LedgerEntry.filter(**info.context.tenant_filter())
        rows, has_next = await fetch_page(query, first=first, after=after, key="id", key_type=int)
        return build_connection(
            LedgerEntryConnection,
            rows,
            has_next,
            key=lambda r: r.id,
            node=LedgerEntryType.of,
            count_query=query,
        )
