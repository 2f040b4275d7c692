"""GraphQL types of the ledger, receipts and rate plans."""

from __future__ import annotations

import datetime as dt

import strawberry

from api.billing import models
from api.billing.models import EntryKind
from api.billing.rates import default_rate
from api.billing.recharges import Receipt, RechargeMethod
from api.billing.references import reference_label
from api.clock import to_local
from api.config import Config
from api.graphql.pagination import Connection


@strawberry.type(name="LedgerEntry", description="A charge (negative) or credit on an account, in fen.")
class LedgerEntryType:
    id: strawberry.ID
    account_id: strawberry.ID
    amount_fen: int
    kind: EntryKind
    description: str
    reference: str = strawberry.field(description="For machines: what the entry is for, e.g. media:12.")
    reference_label: str = strawberry.field(
        description="For people: the reference in Chinese, e.g. 彩铃「公司彩铃」 or 银行转账 流水号 HX-0042."
    )
    created_at: dt.datetime

    @classmethod
    def of(cls, row: models.LedgerEntry, label: str | None = None) -> LedgerEntryType:
        return cls(
            id=strawberry.ID(str(row.id)),
            account_id=strawberry.ID(str(row.account_id)),
            amount_fen=row.amount_fen,
            kind=row.kind,
            description=row.description,
            reference=row.reference,
            reference_label=label if label is not None else reference_label(row),
            created_at=to_local(row.created_at),
        )


@strawberry.type
class LedgerEntryConnection(Connection[LedgerEntryType]):
    pass


@strawberry.type(name="RechargeReceipt", description="A recharge's receipt (收据).")
class ReceiptType:
    number: str = strawberry.field(description="Receipt number, e.g. SJ2026120100000042.")
    account_id: strawberry.ID
    account_name: str
    amount_fen: int
    method: RechargeMethod
    reference: str = strawberry.field(description="The payment's reference (付款流水号).")
    balance_after_fen: int
    created_at: dt.datetime
    replayed: bool = strawberry.field(description="The reference was booked before; nothing changed now.")
    operator_name: str = strawberry.field(description="The operator who booked it (经办人), by display name.")

    @classmethod
    def of(cls, receipt: Receipt) -> ReceiptType:
        entry = receipt.entry
        return cls(
            number=receipt.number,
            account_id=strawberry.ID(str(entry.account_id)),
            account_name=receipt.account_name,
            amount_fen=entry.amount_fen,
            method=receipt.method,
            reference=entry.reference.split(":", 1)[1],
            balance_after_fen=receipt.balance_after_fen,
            created_at=to_local(entry.created_at),
            replayed=receipt.replayed,
            operator_name=receipt.operator_name,
        )


@strawberry.type(name="RatePlan", description="Price of forwarded minutes (R7).")
class RatePlanType:
    id: strawberry.ID
    name: str
    price_per_minute_fen: int
    increment_seconds: int = strawberry.field(description="60: per started minute; 6: per 6 seconds.")
    minimum_fen: int

    @classmethod
    def of(cls, row: models.RatePlan) -> RatePlanType:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            price_per_minute_fen=row.price_per_minute_fen,
            increment_seconds=row.increment_seconds,
            minimum_fen=row.minimum_fen,
        )


@strawberry.type(name="BillingSettings", description="How an account is billed and told about its balance.")
class BillingSettingsType:
    account_id: strawberry.ID
    rate_plan: RatePlanType | None = strawberry.field(description="Null: the service's default rate.")
    price_per_minute_fen: int
    increment_seconds: int
    minimum_fen: int
    notify_email: str
    notify_phone: str
    missed_call_number_ids: list[strawberry.ID]
    suspended_at: dt.datetime | None = strawberry.field(description="When billing suspended the numbers.")

    @classmethod
    async def of(cls, row: models.AccountBilling, config: Config) -> BillingSettingsType:
        plan = row.rate_plan if row.rate_plan_id is not None else None
        rate = (
            (plan.price_per_minute_fen, plan.increment_seconds, plan.minimum_fen)
            if plan is not None
            else (default_rate(config).price_per_minute_fen, 60, 0)
        )
        return cls(
            account_id=strawberry.ID(str(row.account_id)),
            rate_plan=RatePlanType.of(plan) if plan is not None else None,
            price_per_minute_fen=rate[0],
            increment_seconds=rate[1],
            minimum_fen=rate[2],
            notify_email=row.notify_email,
            notify_phone=row.notify_phone,
            missed_call_number_ids=[strawberry.ID(str(n)) for n in row.missed_call_numbers],
            suspended_at=to_local(row.suspended_at) if row.suspended_at else None,
        )
