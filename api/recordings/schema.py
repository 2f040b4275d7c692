"""Voicemail and recordings: the telephony layer reports them, owners list, play and delete them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import strawberry

from api.graphql.context import Info
from api.graphql.errors import ReturnsUserErrors, UserErrors
from api.graphql.ordering import Ordering, SortKey, ordered_page
from api.graphql.permissions import IsSignedIn, IsTelephony
from api.media.quota import voicemail_retention_days
from api.periods import utc_period
from api.recordings import intake, retention
from api.recordings.models import Recording, RecordingKind, RecordingState
from api.recordings.storage import recording_store
from api.recordings.types import CallAudioInput, RecordingConnection, RecordingType
from api.visible import find_visible, visible_number, visible_recording

RecordingResult = Annotated[RecordingType | UserErrors, strawberry.union("RecordingResult")]


async def _typed(info: Info, rows: list[Recording]) -> list[RecordingType]:
    days = await voicemail_retention_days({r.account_id for r in rows}, info.context.config)
    links = not info.context.viewer.is_telephony
    return [RecordingType.of(r, info.context.config, days[r.account_id], links=links) for r in rows]


RECORDING_ORDERS = Ordering({"startedAt": SortKey("started_at", "datetime")}, time="startedAt")


@strawberry.type
class Query:
    @strawberry.field(
        description="Voicemail and recordings in the order reported (customers: their numbers'); "
        "optionally of one number, and of calls that began in [since, until); newest first on request.",
        permission_classes=[IsSignedIn],
    )
    async def recordings(
        self,
        info: Info,
        kind: RecordingKind | None = None,
        include_deleted: bool = False,
        state: Annotated[
            RecordingState | None,
            strawberry.argument(description="Only recordings in this state (e.g. READY: processed)."),
        ] = None,
        first: int = 50,
        after: str | None = None,
        number_id: strawberry.ID | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        newest_first: bool = False,
        order: Annotated[
            str | None,
            strawberry.argument(
                description="startedAt (oldest first) or -startedAt (newest first); wins over newestFirst."
            ),
        ] = None,
    ) -> RecordingConnection:
        query = Recording.filter(**info.context.tenant_filter())
        if kind is not None:
            query = query.filter(kind=kind)
        if state is not None:
            query = query.filter(state=state)
        if number_id is not None:
            query = query.filter(number_id=(await visible_number(info, number_id)).id)
        start, end = utc_period(since, until)
        if start is not None:
            query = query.filter(started_at__gte=start)
        if end is not None:
            query = query.filter(started_at__lt=end)
        if not include_deleted:
            query = query.filter(deleted_at__isnull=True)
        return await ordered_page(
            RecordingConnection,
            query,
            first=first,
            after=after,
            order=RECORDING_ORDERS.choose(order, newest_first),
            secret=info.context.config.secret_key,
            nodes=lambda rows: _typed(info, rows),
        )

    @strawberry.field(permission_classes=[IsSignedIn])
    async def recording(self, info: Info, id: strawberry.ID) -> RecordingType | None:
        row = await find_visible(info, Recording, id, "id")
        return (await _typed(info, [row]))[0] if row else None


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Telephony layer: the voicemail message or recording of a call. Retries with the same "
        "kind and callId return the first report's row.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsTelephony],
    )
    async def report_call_audio(self, info: Info, input: CallAudioInput) -> RecordingResult:
        upload: Any = input.file

        kind = RecordingKind(input.kind)
        report = intake.CallAudio(
            kind=kind,
            call_id=input.call_id,
            number=input.number,
            caller=input.caller,
            started_at=input.started_at,
            ended_at=input.ended_at,
        )
        data = await upload.read(intake.read_limit(kind))
        row = await intake.receive_call_audio(report, data, recording_store(info.context.config))
        return (await _typed(info, [row]))[0]

    @strawberry.mutation(
        description="Delete a recording's audio now; the row stays, marked deleted.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def delete_recording(self, info: Info, id: strawberry.ID) -> RecordingResult:
        row = await visible_recording(info, id)
        row = await retention.delete_recording(row, recording_store(info.context.config))
        return (await _typed(info, [row]))[0]
