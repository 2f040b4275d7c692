"""Queries and mutations of the media library: upload, text-to-speech, list, rename, delete, review."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.file_uploads import Upload

from api.accounts.models import Account
from api.errors import UserError
from api.graphql.context import Info
from api.graphql.errors import ReturnsUserErrors, UserErrors
from api.graphql.ids import parse_id
from api.graphql.pagination import page_by_id
from api.graphql.permissions import IsCustomer, IsOperator, IsSignedIn
from api.graphql.uploads import read_upload
from api.media import changes, library, quota, review
from api.media.models import MediaItem, MediaKind, ReviewStatus
from api.media.storage import media_store
from api.media.types import (
    MediaItemConnection,
    MediaItemType,
    MediaUsageType,
)
from api.thresholds import standing
from api.visible import find_visible, visible_media

MediaResult = Annotated[MediaItemType | UserErrors, strawberry.union("MediaResult")]
MediaUsageResult = Annotated[MediaUsageType | UserErrors, strawberry.union("MediaUsageResult")]


def _typed(info: Info, row: MediaItem) -> MediaItemType:
    return MediaItemType.of(row, info.context.config)


@strawberry.type
class Query:
    @strawberry.field(
        description="Media of the viewer's account (operators: all, or one account's), oldest first unless newestFirst.",
        permission_classes=[IsSignedIn],
    )
    async def media_items(
        self,
        info: Info,
        kind: MediaKind | None = None,
        review_status: ReviewStatus | None = None,
        account_id: strawberry.ID | None = None,
        first: int = 50,
        after: str | None = None,
        newest_first: bool = False,
    ) -> MediaItemConnection:
        query = MediaItem.filter(deleted_at__isnull=True, **info.context.tenant_filter())
        if account_id is not None:
            query = query.filter(account_id=parse_id(account_id, "accountId"))
        if kind is not None:
            query = query.filter(kind=kind)
        if review_status is not None:
            query = query.filter(review_status=review_status)
        return await page_by_id(
            MediaItemConnection,
            query,
            first=first,
            after=after,
            nodes=lambda rows: [_typed(info, r) for r in rows],
            newest_first=newest_first,
        )

    @strawberry.field(permission_classes=[IsSignedIn])
    async def media_item(self, info: Info, id: strawberry.ID) -> MediaItemType | None:
        row = await find_visible(info, MediaItem, id, "id", deleted_at__isnull=True)
        return _typed(info, row) if row else None

    @strawberry.field(
        description="The customer's media storage use, quota and voicemail retention.",
        permission_classes=[IsCustomer],
    )
    async def media_usage(self, info: Info) -> MediaUsageType:
        return MediaUsageType.of(await quota.usage_of(info.context.account_id, info.context.config))


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Upload audio (WAV, MP3, M4A/AAC, OGG, AMR). A ringback tone waits for review and "
        "charges 3000 fen (R16). Retrying with the same idempotencyKey returns the same item, charged once.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsCustomer],
    )
    async def upload_media(
        self,
        info: Info,
        kind: MediaKind,
        name: str,
        file: Upload,
        idempotency_key: str,
    ) -> MediaResult:
        upload: Any = file

        media_kind = MediaKind(kind)
        _, data = await read_upload(upload, "file", library.read_limit(media_kind))
        item = await library.add_upload(
            account_id=info.context.account_id,
            kind=media_kind,
            name=name,
            data=data,
            idempotency_key=idempotency_key,
            config=info.context.config,
            store=media_store(info.context.config),
        )
        if media_kind == MediaKind.RINGBACK:  # R16's fee may have crossed a balance threshold (R8)
            await standing.apply(item.account_id)
        return _typed(info, item)

    @strawberry.mutation(
        description="A prompt spoken from text (Mandarin text-to-speech); not for ringbacks.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsCustomer],
    )
    async def create_text_prompt(
        self,
        info: Info,
        kind: MediaKind,
        name: str,
        text: str,
    ) -> MediaResult:
        item = await library.add_text_prompt(
            account_id=info.context.account_id,
            kind=MediaKind(kind),
            name=name,
            text=text,
            config=info.context.config,
            store=media_store(info.context.config),
        )
        return _typed(info, item)

    @strawberry.mutation(extensions=[ReturnsUserErrors()], permission_classes=[IsSignedIn])
    async def rename_media(self, info: Info, id: strawberry.ID, name: str) -> MediaResult:
        return _typed(info, await changes.rename_media(await visible_media(info, id), name))

    @strawberry.mutation(
        description="Delete; refused while a published flow plays it. Returns the deleted item.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def delete_media(self, info: Info, id: strawberry.ID) -> MediaResult:
        item = await changes.delete_media(await visible_media(info, id), media_store(info.context.config))
        return _typed(info, item)

    @strawberry.mutation(
        description="Operators: the ringback tone is healthy and lawful; it may play (R16).",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsOperator],
    )
    async def approve_ringback(self, info: Info, id: strawberry.ID) -> MediaResult:

        return _typed(info, await review.approve_ringback(await visible_media(info, id), info.context.user))

    @strawberry.mutation(
        description="Operators: refuse the ringback tone with a reason the customer sees.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsOperator],
    )
    async def reject_ringback(self, info: Info, id: strawberry.ID, reason: str) -> MediaResult:

        return _typed(
            info, await review.reject_ringback(await visible_media(info, id), info.context.user, reason)
        )

    @strawberry.mutation(
        description="Operators: an account's media quota in MB (null: the default).",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsOperator],
    )
    async def set_media_quota(
        self, info: Info, account_id: strawberry.ID, quota_megabytes: int | None
    ) -> MediaUsageResult:
        account = await Account.get_or_none(id=parse_id(account_id, "accountId"))
        if account is None:
            raise UserError("not_found", "未找到该账户", "accountId")
        await quota.set_quota(account.id, quota_megabytes)
        return MediaUsageType.of(await quota.usage_of(account.id, info.context.config))

    @strawberry.mutation(
        description="How many days the account's voicemail messages are kept (R17).",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsCustomer],
    )
    async def set_voicemail_retention(self, info: Info, days: int) -> MediaUsageResult:
        account_id = info.context.account_id

        await quota.set_voicemail_retention(account_id, days)
        return MediaUsageType.of(await quota.usage_of(account_id, info.context.config))
