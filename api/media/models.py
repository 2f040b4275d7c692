"""Media items (prompt audio of an account) and the per-account media settings.

The audio itself lives in a content-addressed store (``audio.ContentStore``); a row keeps the hash of
each delivered file, so the same audio uploaded twice is stored once and a file is only removed when
no live row references its hash any more.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import strawberry
from tortoise import fields
from tortoise.models import Model

from api.accounts.models import Account, User


@strawberry.enum(name="MediaKind")
class MediaKind(StrEnum):
    """What a media item is for; the values are ``audio.PromptUse`` values."""

    RINGBACK = "ringback"
    IVR_PROMPT = "ivr_prompt"
    VOICEMAIL_GREETING = "voicemail_greeting"


@strawberry.enum(name="ReviewStatus")
class ReviewStatus(StrEnum):
    """R16: ringback tones are reviewed before they may play; other prompts need no review."""

    NOT_REQUIRED = "not_required"
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class MediaItem(Model):
    id = fields.IntField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="media", on_delete=fields.CASCADE
    )
    account_id: int
    kind = fields.CharEnumField(MediaKind, max_length=24)
    name = fields.CharField(max_length=80)
    review_status = fields.CharEnumField(ReviewStatus, max_length=16, db_index=True)
    reject_reason = fields.CharField(max_length=500, null=True)
    reviewed_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reviewed_media", null=True, on_delete=fields.SET_NULL
    )
    reviewed_by_id: int | None
    reviewed_at = fields.DatetimeField(null=True)
    text = fields.TextField(null=True, description="text-to-speech prompts: the text, for re-synthesis")
    duration_seconds = fields.FloatField()
    peak_dbfs = fields.FloatField()
    active_level_dbfs = fields.FloatField(null=True)
    wav_sha256 = fields.CharField(max_length=64, db_index=True)
    ulaw_sha256 = fields.CharField(max_length=64)
    alaw_sha256 = fields.CharField(max_length=64)
    preview_sha256 = fields.CharField(max_length=64)
    size_bytes = fields.BigIntField(description="bytes of all delivered files")
    source_sha256 = fields.CharField(max_length=64, description="the upload's bytes (or the text)")
    metadata: dict[str, Any] = fields.JSONField(description="audio.ProcessedAudio.metadata()")
    idempotency_key = fields.CharField(max_length=100, null=True)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()
    deleted_at = fields.DatetimeField(null=True)

    class Meta:
        table = "media_items"
        unique_together = (("account_id", "idempotency_key"),)


class MediaSettings(Model):
    """Per-account overrides of the configured defaults (storage quota, voicemail retention)."""

    id = fields.IntField(primary_key=True)
    account: fields.OneToOneRelation[Account] = fields.OneToOneField(
        "models.Account", related_name="media_settings", on_delete=fields.CASCADE
    )
    account_id: int
    quota_bytes = fields.BigIntField(null=True, description="null: the configured default")
    voicemail_retention_days = fields.IntField(null=True, description="null: the configured default")
    updated_at = fields.DatetimeField()

    class Meta:
        table = "media_settings"
