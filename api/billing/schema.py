"""The ledger over GraphQL: customers read their account's, operators recharge and adjust."""

from __future__ import annotations

from typing import Annotated

import strawberry

from api.billing import recharges
from api.billing.models import LedgerEntry
from api.billing.recharges import RechargeMethod
from api.billing.types import LedgerEntryConnection, LedgerEntryType, ReceiptType
from api.graphql.context import Info
from api.graphql.errors import ReturnsUserErrors, UserErrors
from api.graphql.ids import parse_id
from api.graphql.pagination import page_by_id
from api.graphql.permissions import IsOperator, IsSignedIn
from api.thresholds import standing

RechargeResult = Annotated[ReceiptType | UserErrors, strawberry.union("RechargeResult")]
AdjustmentResult = Annotated[LedgerEntryType | UserErrors, strawberry.union("AdjustmentResult")]


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


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Operators: credit a payment to an account, once per payment reference; a receipt.",
        permission_classes=[IsOperator],
        extensions=[ReturnsUserErrors()],
    )
    async def recharge_account(
        self,
        info: Info,
        account_id: strawberry.ID,
        amount_fen: int,
        method: RechargeMethod,
        reference: str,
    ) -> RechargeResult:
        receipt = await recharges.recharge(
            parse_id(account_id, "accountId"),
            amount_fen,
            RechargeMethod(method),
            reference,
            actor=info.context.user.login,
        )
        await standing.apply(receipt.entry.account_id)
        return ReceiptType.of(receipt)

    @strawberry.mutation(
        description="Operators: correct a balance (positive: credit, negative: charge) with a reason.",
        permission_classes=[IsOperator],
        extensions=[ReturnsUserErrors()],
    )
    async def adjust_balance(
        self,
        info: Info,
        account_id: strawberry.ID,
        amount_fen: int,
        reason: str,
        idempotency_key: str,
    ) -> AdjustmentResult:
        entry = await recharges.adjust(
            parse_id(account_id, "accountId"),
            amount_fen,
            reason,
            idempotency_key,
            actor=info.context.user.login,
        )
        await standing.apply(entry.account_id)
        return LedgerEntryType.of(entry)
