"""Statements over GraphQL: customers read their account's, operators everyone's."""

from __future__ import annotations

from typing import Annotated

import strawberry

from api.graphql.context import Info
from api.graphql.ordering import Ordering, SortKey, ordered_page
from api.graphql.permissions import IsSignedIn
from api.statements.models import Statement
from api.statements.types import StatementConnection, StatementType
from api.visible import find_visible

STATEMENT_ORDERS = Ordering({"month": SortKey("month", "date")}, time="month")


@strawberry.type
class Query:
    @strawberry.field(
        description="Monthly statements, oldest first unless newestFirst (customers: their account's).",
        permission_classes=[IsSignedIn],
    )
    async def statements(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        newest_first: bool = False,
        order: Annotated[
            str | None,
            strawberry.argument(
                description="month (oldest first) or -month (newest first); wins over newestFirst."
            ),
        ] = None,
    ) -> StatementConnection:
        return await ordered_page(
            StatementConnection,
            Statement.filter(**info.context.tenant_filter()),
            first=first,
            after=after,
            order=STATEMENT_ORDERS.choose(order, newest_first),
            secret=info.context.config.secret_key,
            nodes=lambda rows: [StatementType.of(r) for r in rows],
        )

    @strawberry.field(
        description="One statement, null if not found or not yours.", permission_classes=[IsSignedIn]
    )
    async def statement(self, info: Info, id: strawberry.ID) -> StatementType | None:
        row = await find_visible(info, Statement, id, "id")
        return StatementType.of(row) if row else None
