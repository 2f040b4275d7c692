"""The outbox: every message to a customer, with its delivery state and retries."""

from __future__ import annotations

from enum import StrEnum

import strawberry
from tortoise import fields
from tortoise.models import Model

from api.accounts.models import Account


@strawberry.enum(name="NotificationChannel")
class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    VOICE = "voice"


@strawberry.enum(name="DeliveryState")
class Delivery(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class Notification(Model):
    """One message on one channel. ``dedupe_key`` is unique, so the event behind it notifies once.

    A sender claims a due message by moving its ``next_attempt_at`` forward with a conditional UPDATE
    (a lease), so two processes never send it at the same time and a crashed sender's message is tried
    again once the lease passes.
    """

    id = fields.IntField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="notifications", on_delete=fields.CASCADE
    )
    account_id: int
    channel = fields.CharEnumField(Channel, max_length=8)
    recipient = fields.CharField(max_length=120)
    subject = fields.CharField(max_length=200, default="")
    body = fields.TextField()
    template = fields.CharField(max_length=32)
    dedupe_key = fields.CharField(max_length=120, unique=True)
    state = fields.CharEnumField(Delivery, max_length=8, default=Delivery.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField()
    last_error = fields.CharField(max_length=500, default="")
    sent_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "notifications"
        indexes = (("state", "next_attempt_at"), ("account_id", "created_at"))
