"""A voicemail message or call recording of one call, owned by the 400 number's account."""

from __future__ import annotations

from enum import StrEnum

import strawberry
from tortoise import fields
from tortoise.models import Model

from api.accounts.models import Account
from api.numbers.models import Number


@strawberry.enum(name="RecordingKind")
class RecordingKind(StrEnum):
    VOICEMAIL = "voicemail"
    CALL = "call"


@strawberry.enum(name="RecordingDeletionReason")
class DeletionReason(StrEnum):
    RETENTION = "retention"
    CUSTOMER = "customer"


class Recording(Model):
    """Kept after its audio is gone: ``deleted_at`` says when and why, the hashes stay for the record."""

    id = fields.IntField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="recordings", on_delete=fields.CASCADE
    )
    account_id: int
    number: fields.ForeignKeyRelation[Number] = fields.ForeignKeyField(
        "models.Number", related_name="recordings", on_delete=fields.CASCADE
    )
    number_id: int
    number_text = fields.CharField(max_length=10, description="the 400 number called")
    kind = fields.CharEnumField(RecordingKind, max_length=16)
    call_id = fields.CharField(max_length=100)
    caller = fields.CharField(max_length=32)
    started_at = fields.DatetimeField(db_index=True, description="when the call began")
    ended_at = fields.DatetimeField(null=True)
    duration_seconds = fields.FloatField(description="of the audio")
    wav_sha256 = fields.CharField(max_length=64, db_index=True)
    preview_sha256 = fields.CharField(max_length=64)
    size_bytes = fields.BigIntField()
    created_at = fields.DatetimeField()
    deleted_at = fields.DatetimeField(null=True, db_index=True)
    deletion_reason = fields.CharEnumField(DeletionReason, max_length=16, null=True)

    class Meta:
        table = "recordings"
        indexes = (("account_id",), ("account_id", "started_at"))
        unique_together = (("kind", "call_id"),)
