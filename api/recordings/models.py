"""A voicemail message or call recording of one call, owned by the 400 number's account."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import strawberry
from tortoise import fields
from tortoise.models import Model

from api.accounts.models import Account
from api.numbers.models import Number

#: An unclaimed row's ``claim_until``: long past, so any worker may claim it.
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


@strawberry.enum(name="RecordingKind")
class RecordingKind(StrEnum):
    VOICEMAIL = "voicemail"
    CALL = "call"


@strawberry.enum(name="RecordingState", description="Where a reported recording's audio stands.")
class RecordingState(StrEnum):
    """``pending``: the original upload is stored and waits for a worker; ``ready``: transcoded and playable;
    ``failed``: the upload could not be processed (``failure`` says why, in Chinese)."""

    PENDING = "pending"
    READY = "ready"
    FAILED = "failed"


@strawberry.enum(name="RecordingDeletionReason")
class DeletionReason(StrEnum):
    RETENTION = "retention"
    CUSTOMER = "customer"


class Recording(Model):
    """Kept after its audio is gone: ``deleted_at`` says when and why, the hashes stay for the record.

    Reported audio is processed off the request path (``api/recordings/processing.py``): until then the
    row is ``pending``, its hashes are empty and ``original_key`` names the upload in the store; a worker
    claims it with a conditional UPDATE on ``claim_until`` (expired claims are taken again).
    """

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
    duration_seconds = fields.FloatField(description="of the audio (0 until processed)")
    wav_sha256 = fields.CharField(max_length=64, db_index=True, description="empty until processed")
    preview_sha256 = fields.CharField(max_length=64, description="empty until processed")
    size_bytes = fields.BigIntField()
    state = fields.CharEnumField(RecordingState, max_length=16, default=RecordingState.READY)
    failure = fields.CharField(max_length=300, default="", description="why processing failed (zh-CN)")
    original_key = fields.CharField(max_length=200, default="", description="the upload, until processed")
    claimed_by = fields.CharField(max_length=64, default="")
    claim_until = fields.DatetimeField(default=EPOCH, description="a worker's claim lasts until then")
    attempts = fields.IntField(default=0, description="claims taken so far")
    created_at = fields.DatetimeField()
    deleted_at = fields.DatetimeField(null=True, db_index=True)
    deletion_reason = fields.CharEnumField(DeletionReason, max_length=16, null=True)

    class Meta:
        table = "recordings"
        indexes = (("account_id",), ("account_id", "started_at"), ("state", "claim_until"))
        unique_together = (("kind", "call_id"),)
