"""The ledger, the rate plans and each account's billing settings, in integer fen."""

from __future__ import annotations

from enum import StrEnum

import strawberry
from tortoise import fields
from tortoise.models import Model

from api.accounts.models import Account


@strawberry.enum(name="LedgerEntryKind")
class EntryKind(StrEnum):
    RINGBACK_FEE = "ringback_fee"
    RECHARGE = "recharge"
    ADJUSTMENT = "adjustment"
    CALL_CHARGE = "call_charge"
    LINE_FEE = "line_fee"
    SMS_FEE = "sms_fee"


#: Kinds that are fees in a statement (calls, recharges and adjustments have their own lines).
FEE_KINDS = (EntryKind.RINGBACK_FEE, EntryKind.LINE_FEE, EntryKind.SMS_FEE)


class LedgerEntry(Model):
    """A charge (negative ``amount_fen``) or a credit; never updated or deleted.

    ``idempotency_key`` is unique per account: the request that causes an entry carries a key its client
    generated (or the call id, the recharge reference), so a retried request finds the entry instead of
    charging twice. ``Account.balance_fen`` moves by ``amount_fen`` in the same transaction.
    """

    id = fields.IntField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="ledger_entries", on_delete=fields.RESTRICT
    )
    account_id: int
    amount_fen = fields.BigIntField(description="negative: a charge; positive: a credit")
    kind = fields.CharEnumField(EntryKind, max_length=32)
    description = fields.CharField(max_length=200)
    reference = fields.CharField(max_length=100, description="what the entry is for, e.g. media:12")
    idempotency_key = fields.CharField(max_length=100)
    created_at = fields.DatetimeField()

    class Meta:
        table = "ledger_entries"
        unique_together = (("account_id", "idempotency_key"),)
        indexes = (("account_id", "created_at"),)


class RatePlan(Model):
    """What forwarded minutes cost (R7): a price per minute, billed per started increment, a minimum."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=50, unique=True)
    price_per_minute_fen = fields.IntField()
    increment_seconds = fields.IntField(default=60, description="60: per started minute; 6: per 6 s")
    minimum_fen = fields.IntField(default=0, description="least charge of an answered call")
    created_at = fields.DatetimeField()

    class Meta:
        table = "rate_plans"


class AccountBilling(Model):
    """An account's billing settings and where it stands against the R8 thresholds.

    ``warned`` is set when the balance crosses down to 35 yuan and cleared when it rises above, so each
    crossing notifies once; ``suspended_at`` is set when billing suspended the account's numbers (those
    in ``suspended_numbers``), cleared when a recharge resumes them.
    """

    id = fields.IntField(primary_key=True)
    account: fields.OneToOneRelation[Account] = fields.OneToOneField(
        "models.Account", related_name="billing", on_delete=fields.CASCADE
    )
    account_id: int
    rate_plan: fields.ForeignKeyNullableRelation[RatePlan] = fields.ForeignKeyField(
        "models.RatePlan", related_name="accounts", null=True, on_delete=fields.RESTRICT
    )
    rate_plan_id: int | None
    notify_email = fields.CharField(max_length=120, default="")
    notify_phone = fields.CharField(max_length=20, default="")
    missed_call_numbers: list[int] = fields.JSONField(
        default=list, description="numbers whose unanswered calls are texted to notify_phone"
    )
    warned = fields.BooleanField(default=False)
    suspended_at = fields.DatetimeField(null=True, db_index=True)
    suspended_numbers: list[int] = fields.JSONField(default=list)

    class Meta:
        table = "account_billing"
