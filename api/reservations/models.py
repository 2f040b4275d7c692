"""A prospect's hold on a number."""

from __future__ import annotations

from enum import StrEnum

import strawberry
from tortoise import fields
from tortoise.models import Model

from api.accounts.models import Account, User
from api.numbers.models import Number


@strawberry.enum(name="ReservationEnd")
class ReservationEnd(StrEnum):
    RELEASED = "released"
    EXPIRED = "expired"
    CONTRACTED = "contracted"
    REVOKED = "revoked"


class Reservation(Model):
    id = fields.IntField(primary_key=True)
    number: fields.ForeignKeyRelation[Number] = fields.ForeignKeyField(
        "models.Number", related_name="reservations", on_delete=fields.CASCADE
    )
    number_id: int
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="reservations", on_delete=fields.CASCADE
    )
    account_id: int
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reservations", null=True, on_delete=fields.SET_NULL
    )
    user_id: int | None
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField(db_index=True)
    ended_at = fields.DatetimeField(null=True, db_index=True)
    end_reason = fields.CharEnumField(ReservationEnd, max_length=16, null=True)
    #: The client address the hold was made from: holds are limited per address as well as per account.
    address = fields.CharField(max_length=64, null=True)

    class Meta:
        table = "reservations"
        indexes = (("number_id",), ("account_id",), ("address", "ended_at"))

    @property
    def is_active(self) -> bool:
        return self.ended_at is None
