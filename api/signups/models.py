"""Where each self-service sign-up came from."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from api.accounts.models import Account


class Signup(Model):
    """One self-service sign-up: the client address and browser it came from, and the account it opened.

    The row is written before the account (a claim counted against the limits, then linked); a claim
    whose account was never created is deleted again. ``device`` is the SHA-256 of the browser's device
    cookie, so the stored value cannot be replayed as a cookie.
    """

    id = fields.IntField(primary_key=True)
    account: fields.ForeignKeyNullableRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="signups", null=True, on_delete=fields.CASCADE
    )
    account_id: int | None
    address = fields.CharField(max_length=64)
    device = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "signups"
        indexes = (("address", "created_at"), ("device", "created_at"), ("account_id",))
