"""A statement per account and month, frozen when issued."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model

from api.accounts.models import Account


class Statement(Model):
    """Totals of one calendar month (Asia/Shanghai); corrections go into a later month as adjustments."""

    id = fields.IntField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="statements", on_delete=fields.RESTRICT
    )
    account_id: int
    month = fields.DateField(description="the first day of the month")
    opening_fen = fields.BigIntField()
    recharges_fen = fields.BigIntField()
    call_charges_fen = fields.BigIntField()
    fees_fen = fields.BigIntField()
    adjustments_fen = fields.BigIntField()
    closing_fen = fields.BigIntField()
    calls = fields.IntField()
    billed_seconds = fields.BigIntField()
    per_number: list[dict[str, Any]] = fields.JSONField(default=list)
    fees: list[dict[str, Any]] = fields.JSONField(default=list)
    issued_at = fields.DatetimeField()

    class Meta:
        table = "statements"
        unique_together = (("account_id", "month"),)
