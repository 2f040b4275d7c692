"""Ledger entries: one row per charge or credit of an account, in integer fen."""

from __future__ import annotations

from enum import StrEnum

import strawberry
from tortoise import fields
from tortoise.models import Model

from api.accounts.models import Account


@strawberry.enum(name="LedgerEntryKind")
class EntryKind(StrEnum):
    RINGBACK_FEE = "ringback_fee"


class LedgerEntry(Model):
    """A charge (negative ``amount_fen``) or a credit; never updated.

    ``idempotency_key`` is unique per account: the request that causes an entry carries a key its client
    generated, so a retried request finds the entry instead of charging twice. Billing settles entries
    against the balance later; recording one does not change ``Account.balance_fen``.
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
