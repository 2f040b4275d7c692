"""GraphQL types of the media library."""

from __future__ import annotations

import datetime as dt
from enum import Enum

import strawberry

from api.billing.ledger import RINGBACK_FEE_FEN
from api.clock import to_local
from api.config import Config
from api.graphql.pagination import Connection
from api.media import models
from api.media.library import prompt_id
from api.media.links import signed_url
from api.media.models import MediaKind, ReviewStatus
from api.media.quota import Usage
from api.media.storage import COLUMNS
from audio import OutputKind


@strawberry.enum(description="A delivered file: telephony formats at 8 kHz, and the browser preview.")
class MediaFormat(Enum):
    WAV = "wav"
    ULAW = "ulaw"
    ALAW = "alaw"
    MP3 = "mp3"


@strawberry.type(name="MediaFile")
class MediaFileType:
    format: MediaFormat
    media_type: str
    size_bytes: int
    sha256: str
    url: str = strawberry.field(
        description="Signed link, valid for at least an hour; add &download=1 to save."
    )


@strawberry.type(name="MediaItem", description="A ringback tone (彩铃), IVR prompt or voicemail greeting.")
class MediaItemType:
    id: strawberry.ID
    account_id: strawberry.ID
    prompt_id: str = strawberry.field(description="The id a flow uses to play it (PromptRef.prompt).")
    kind: MediaKind
    name: str
    review_status: ReviewStatus
    reject_reason: str | None = strawberry.field(
        description="Why the review refused it; shown to the customer."
    )
    reviewed_at: dt.datetime | None
    text: str | None = strawberry.field(description="Text-to-speech prompts: the text spoken.")
    duration_seconds: float
    peak_dbfs: float
    active_level_dbfs: float | None
    size_bytes: float = strawberry.field(description="Bytes of all delivered files.")
    created_at: dt.datetime
    deleted_at: dt.datetime | None
    preview_url: str | None = strawberry.field(description="MP3 the browser can play; null once deleted.")
    files: list[MediaFileType] = strawberry.field(description="Downloads; empty once deleted.")

    @classmethod
    def of(cls, row: models.MediaItem, config: Config) -> MediaItemType:
        files: list[MediaFileType] = []
        outputs = row.metadata.get("outputs", {})
        if row.deleted_at is None:
            for kind, column in COLUMNS.items():
                out = outputs.get(kind.value, {})
                files.append(
                    MediaFileType(
                        format=MediaFormat(kind.extension),
                        media_type=kind.media_type,
                        size_bytes=int(out.get("bytes", 0)),
                        sha256=getattr(row, column),
                        url=signed_url(config, "media", row.id, kind.extension),
                    )
                )
        return cls(
            id=strawberry.ID(str(row.id)),
            account_id=strawberry.ID(str(row.account_id)),
            prompt_id=prompt_id(row.id),
            kind=row.kind,
            name=row.name,
            review_status=row.review_status,
            reject_reason=row.reject_reason,
            reviewed_at=to_local(row.reviewed_at) if row.reviewed_at else None,
            text=row.text,
            duration_seconds=row.duration_seconds,
            peak_dbfs=row.peak_dbfs,
            active_level_dbfs=row.active_level_dbfs,
            size_bytes=row.size_bytes,
            created_at=to_local(row.created_at),
            deleted_at=to_local(row.deleted_at) if row.deleted_at else None,
            preview_url=None
            if row.deleted_at
            else signed_url(config, "media", row.id, OutputKind.PREVIEW.extension),
            files=files,
        )


@strawberry.type
class MediaItemConnection(Connection[MediaItemType]):
    pass


@strawberry.type(name="MediaUsage", description="An account's media storage and voicemail retention.")
class MediaUsageType:
    account_id: strawberry.ID
    quota_bytes: float
    used_bytes: float
    voicemail_retention_days: int
    ringback_fee_fen: int = strawberry.field(
        description="What each ringback upload costs (R16), so a client can say so before the upload."
    )

    @classmethod
    def of(cls, usage: Usage) -> MediaUsageType:
        return cls(
            account_id=strawberry.ID(str(usage.account_id)),
            quota_bytes=usage.quota_bytes,
            used_bytes=usage.used_bytes,
            voicemail_retention_days=usage.voicemail_retention_days,
            ringback_fee_fen=RINGBACK_FEE_FEN,
        )
