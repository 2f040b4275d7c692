"""The 400-number inventory and the audit trail of every state change."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from api.accounts.models import Account, User
from api.numbers.numbering import Carrier, Grade, NumberStatus


class Number(Model):
    id = fields.IntField(primary_key=True)
    number = fields.CharField(max_length=10, unique=True)
    carrier = fields.CharEnumField(Carrier, max_length=16, db_index=True)
    grade = fields.CharEnumField(Grade, max_length=16, db_index=True)
    status = fields.CharEnumField(NumberStatus, max_length=16, db_index=True)
    account: fields.ForeignKeyNullableRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="numbers", null=True, on_delete=fields.RESTRICT
    )
    account_id: int | None
    status_changed_at = fields.DatetimeField()
    available_from = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "numbers"
        indexes = (("account_id",),)


class GradePrice(Model):
    """An operator's price for a 靓号 grade, in fen (the ordinary grade is free: R5)."""

    grade = fields.CharEnumField(Grade, max_length=16, primary_key=True)
    price_fen = fields.BigIntField()
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "grade_prices"


class NumberEvent(Model):
    """One state transition: who, when, why. Never updated or deleted."""

    id = fields.IntField(primary_key=True)
    number: fields.ForeignKeyRelation[Number] = fields.ForeignKeyField(
        "models.Number", related_name="events", on_delete=fields.CASCADE
    )
    number_id: int
    from_status = fields.CharEnumField(NumberStatus, max_length=16, null=True)
    to_status = fields.CharEnumField(NumberStatus, max_length=16)
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="number_events", null=True, on_delete=fields.SET_NULL
    )
    actor_id: int | None
    actor_label = fields.CharField(max_length=120)
    reason = fields.CharField(max_length=500, default="")
    at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "number_events"
        indexes = (("number_id", "at"),)


class HolidayOverride(Model):
    """Operator-entered holiday or make-up workday for years the bundled calendar does not cover."""

    day = fields.DateField(primary_key=True)
    workday = fields.BooleanField()
    name = fields.CharField(max_length=50, default="")

    class Meta:
        table = "holiday_overrides"
