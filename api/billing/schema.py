"""The ledger over GraphQL: customers read their account's, operators recharge and adjust."""

from __future__ import annotations

from typing import Annotated

import strawberry

from api.accounts.models import Account
from api.billing import rates, recharges
from api.billing.models import AccountBilling, EntryKind, LedgerEntry, RatePlan
from api.billing.recharges import RechargeMethod
from api.billing.references import reference_labels
from api.billing.types import (
    BillingSettingsType,
    LedgerEntryConnection,
    LedgerEntryType,
    RatePlanType,
    ReceiptType,
)
from api.graphql.context import Info
from api.graphql.errors import ReturnsUserErrors, UserErrors
from api.graphql.ids import parse_id
from api.graphql.ordering import Ordering, SortKey, ordered_page
from api.graphql.permissions import IsOperator, IsSignedIn
from api.thresholds import standing

RechargeResult = Annotated[ReceiptType | UserErrors, strawberry.union("RechargeResult")]
AdjustmentResult = Annotated[LedgerEntryType | UserErrors, strawberry.union("AdjustmentResult")]
RatePlanResult = Annotated[RatePlanType | UserErrors, strawberry.union("RatePlanResult")]
BillingSettingsResult = Annotated[BillingSettingsType | UserErrors, strawberry.union("BillingSettingsResult")]


LEDGER_ORDERS = Ordering({"createdAt": SortKey("created_at", "datetime")}, time="createdAt")


async def _ledger_nodes(rows: list[LedgerEntry]) -> list[LedgerEntryType]:
    labels = await reference_labels(rows)
    return [LedgerEntryType.of(r, labels[r.id]) for r in rows]


@strawberry.type
class Query:
    @strawberry.field(
        description="Ledger entries, oldest first unless newestFirst (customers: their account's), of one "
        "account if given.",
        permission_classes=[IsSignedIn],
    )
    async def ledger_entries(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        account_id: strawberry.ID | None = None,
        newest_first: bool = False,
        order: Annotated[
            str | None,
            strawberry.argument(
                description="createdAt (oldest first) or -createdAt (newest first); wins over newestFirst."
            ),
        ] = None,
    ) -> LedgerEntryConnection:
        query = LedgerEntry.filter(**info.context.tenant_filter())
        if account_id is not None:
            # On top of the tenant filter: a customer naming another account gets nothing.
            query = query.filter(account_id=parse_id(account_id, "accountId"))
        return await ordered_page(
            LedgerEntryConnection,
            query,
            first=first,
            after=after,
            order=LEDGER_ORDERS.choose(order, newest_first),
            secret=info.context.config.secret_key,
            nodes=_ledger_nodes,
        )

    @strawberry.field(description="Operators: every rate plan.", permission_classes=[IsOperator])
    async def rate_plans(self, info: Info) -> list[RatePlanType]:
        return [RatePlanType.of(r) for r in await RatePlan.all().order_by("id")]

    @strawberry.field(
        description="The billing settings of an account (customers: only their own, else null).",
        permission_classes=[IsSignedIn],
    )
    async def billing_settings(self, info: Info, account_id: strawberry.ID) -> BillingSettingsType | None:
        wanted = parse_id(account_id, "accountId")
        scope = info.context.tenant_filter().get("account_id")
        if scope is not None and scope != wanted:
            return None
        row = await AccountBilling.filter(account_id=wanted).select_related("rate_plan").first()
        if row is None:
            if not await Account.filter(id=wanted).exists():
                return None
            row = await rates.billing_of(wanted)
        return await BillingSettingsType.of(row, info.context.config)

    @strawberry.field(
        description="The receipt of a recharge booked earlier (a RECHARGE ledger entry), to print it again "
        "(customers: their account's).",
        permission_classes=[IsSignedIn],
    )
    async def recharge_receipt(self, info: Info, entry_id: strawberry.ID) -> ReceiptType | None:
        entry = await LedgerEntry.filter(
            id=parse_id(entry_id, "entryId"), kind=EntryKind.RECHARGE, **info.context.tenant_filter()
        ).first()
        return ReceiptType.of(await recharges.receipt_of(entry)) if entry is not None else None


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Operators: a rate plan (price per minute, increment 60 or 6 seconds, minimum).",
        permission_classes=[IsOperator],
        extensions=[ReturnsUserErrors()],
    )
    async def create_rate_plan(
        self,
        info: Info,
        name: str,
        price_per_minute_fen: int,
        increment_seconds: int = 60,
        minimum_fen: int = 0,
    ) -> RatePlanResult:
        plan = await rates.create_rate_plan(name, price_per_minute_fen, increment_seconds, minimum_fen)
        return RatePlanType.of(plan)

    @strawberry.mutation(
        description="Operators: rate an account's future calls by a plan (null: the default rate).",
        permission_classes=[IsOperator],
        extensions=[ReturnsUserErrors()],
    )
    async def assign_rate_plan(
        self, info: Info, account_id: strawberry.ID, rate_plan_id: strawberry.ID | None
    ) -> BillingSettingsResult:
        row = await rates.assign_rate_plan(
            parse_id(account_id, "accountId"),
            parse_id(rate_plan_id, "ratePlanId") if rate_plan_id is not None else None,
        )
        await row.fetch_related("rate_plan")
        return await BillingSettingsType.of(row, info.context.config)

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
