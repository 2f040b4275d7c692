"""GraphQL types of voicemail messages and call recordings."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry.file_uploads import Upload

from api.clock import to_local
from api.config import Config
from api.graphql.pagination import Connection
from api.media.links import signed_url
from api.numbers.numbering import format_number
from api.recordings import models
from api.recordings.models import DeletionReason, RecordingKind, RecordingState
from api.recordings.retention import expires_at


@strawberry.type(name="Recording", description="A voicemail message (R17) or call recording (R18).")
class RecordingType:
    id: strawberry.ID
    account_id: strawberry.ID
    kind: RecordingKind
    call_id: str
    caller: str
    number: str
    display: str = strawberry.field(description="The 400 number as 400-XXX-XXXX.")
    started_at: dt.datetime
    ended_at: dt.datetime | None
    duration_seconds: float
    size_bytes: float
    expires_at: dt.datetime = strawberry.field(description="When the retention job deletes the audio.")
    deleted_at: dt.datetime | None
    deletion_reason: DeletionReason | None
    state: RecordingState = strawberry.field(
        description="PENDING until a worker has transcoded the upload (no links, duration 0 meanwhile)."
    )
    failure: str | None = strawberry.field(description="Why a FAILED recording could not be processed.")
    play_url: str | None = strawberry.field(
        description="MP3 for the browser (signed link); null once deleted or until ready."
    )
    download_url: str | None = strawberry.field(
        description="8 kHz WAV as an attachment; null once deleted or until ready."
    )

    @classmethod
    def of(
        cls, row: models.Recording, config: Config, voicemail_days: int, *, links: bool = True
    ) -> RecordingType:
        """``links=False`` for the telephony layer, which reports recordings but may not play them back."""
        live = row.deleted_at is None and links and row.state == RecordingState.READY
        return cls(
            id=strawberry.ID(str(row.id)),
            account_id=strawberry.ID(str(row.account_id)),
            kind=row.kind,
            call_id=row.call_id,
            caller=row.caller,
            number=row.number_text,
            display=format_number(row.number_text),
            started_at=to_local(row.started_at),
            ended_at=to_local(row.ended_at) if row.ended_at else None,
            duration_seconds=row.duration_seconds,
            size_bytes=row.size_bytes,
            expires_at=to_local(expires_at(row, voicemail_days)),
            deleted_at=to_local(row.deleted_at) if row.deleted_at else None,
            deletion_reason=row.deletion_reason,
            state=row.state,
            failure=row.failure or None,
            play_url=signed_url(config, "recordings", row.id, "mp3") if live else None,
            download_url=f"{signed_url(config, 'recordings', row.id, 'wav')}&download=1" if live else None,
        )


@strawberry.type
class RecordingConnection(Connection[RecordingType]):
    pass


@strawberry.input(description="What the telephony layer knows about the call.")
class CallAudioInput:
    kind: RecordingKind
    call_id: str
    number: str = strawberry.field(description="The 400 number called, 400XXXXXXX.")
    caller: str
    started_at: dt.datetime
    ended_at: dt.datetime | None = None
    file: Upload
