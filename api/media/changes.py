"""Renaming and deleting media items; a prompt a published flow plays cannot be deleted."""

from __future__ import annotations

from api.clock import utcnow
from api.errors import UserError
from api.media.library import clean_name
from api.media.models import MediaItem
from api.media.storage import hashes_of, release_unreferenced
from api.media.usage import flows_using
from api.storage import AudioFiles

__all__ = ["delete_media", "rename_media"]


async def rename_media(item: MediaItem, name: str) -> MediaItem:
    name = clean_name(name)
    updated = await MediaItem.filter(id=item.id, deleted_at__isnull=True).update(
        name=name, updated_at=utcnow()
    )
    if updated != 1:
        raise UserError("not_found", "未找到该媒体", "id")
    await item.refresh_from_db()
    return item


async def delete_media(item: MediaItem, store: AudioFiles) -> MediaItem:
    """Mark the row deleted, then remove its files unless other live rows share the audio."""
    users = await flows_using(item)
    if users:
        raise UserError(
            "in_use",
            f"该语音正被已发布的流程使用:{'、'.join(users)}。请先在流程中替换并重新发布后再删除。",
            "id",
        )
    now = utcnow()
    updated = await MediaItem.filter(id=item.id, deleted_at__isnull=True).update(
        deleted_at=now, updated_at=now
    )
    if updated != 1:
        raise UserError("not_found", "未找到该媒体", "id")
    await release_unreferenced(store, hashes_of(item).items())
    await item.refresh_from_db()
    return item
