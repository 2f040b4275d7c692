"""Per-account media settings: storage quota and voicemail retention, with configured defaults."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from api.clock import utcnow
from api.config import Config
from api.errors import UserError
from api.media.models import MediaItem, MediaSettings

__all__ = [
    "MAX_RETENTION_DAYS",
    "Usage",
    "check_quota",
    "set_quota",
    "set_voicemail_retention",
    "usage_of",
    "voicemail_retention_days",
]

MAX_RETENTION_DAYS = 365
MB = 1024 * 1024


@dataclass(frozen=True)
class Usage:
    account_id: int
    quota_bytes: int
    used_bytes: int
    voicemail_retention_days: int


async def used_bytes(account_id: int, conn: BaseDBAsyncClient | None = None) -> tuple[int, set[str]]:
    """Bytes of the account's live media, each distinct audio counted once (it is stored once)."""
    rows = (
        await MediaItem.filter(account_id=account_id, deleted_at__isnull=True)
        .using_db(conn)
        .values_list("wav_sha256", "size_bytes")
    )
    sizes = dict(rows)
    return sum(sizes.values()), set(sizes)


async def usage_of(account_id: int, config: Config) -> Usage:
    settings = await MediaSettings.get_or_none(account_id=account_id)
    used, _ = await used_bytes(account_id)
    return Usage(
        account_id=account_id,
        quota_bytes=_quota(settings, config),
        used_bytes=used,
        voicemail_retention_days=_retention(settings, config),
    )


def _quota(settings: MediaSettings | None, config: Config) -> int:
    return settings.quota_bytes if settings and settings.quota_bytes is not None else config.media_quota_bytes


def _retention(settings: MediaSettings | None, config: Config) -> int:
    if settings and settings.voicemail_retention_days is not None:
        return settings.voicemail_retention_days
    return config.voicemail_retention_days


async def voicemail_retention_days(account_ids: set[int], config: Config) -> dict[int, int]:
    """Each account's voicemail retention in days (one query for all)."""
    custom = {
        s.account_id: s
        for s in await MediaSettings.filter(
            account_id__in=account_ids, voicemail_retention_days__isnull=False
        )
    }
    return {a: _retention(custom.get(a), config) for a in account_ids}


async def check_quota(
    conn: BaseDBAsyncClient, account_id: int, wav_sha256: str, size: int, config: Config
) -> None:
    """Refuse new audio that would take the account past its quota (audio it already has is free)."""
    settings = await MediaSettings.filter(account_id=account_id).using_db(conn).first()
    quota = _quota(settings, config)
    used, held = await used_bytes(account_id, conn)
    if wav_sha256 in held or used + size <= quota:
        return
    raise UserError(
        "quota_exceeded",
        f"媒体存储空间不足:已用 {used / MB:.1f} MB,本文件需 {size / MB:.1f} MB,"
        f"上限 {quota / MB:.1f} MB。请删除不再使用的媒体后重试。",
        "file",
    )


async def _upsert(account_id: int, **values: Any) -> None:
    now = utcnow()
    if await MediaSettings.filter(account_id=account_id).update(**values, updated_at=now):
        return
    try:
        await MediaSettings.create(account_id=account_id, updated_at=now, **values)
    except IntegrityError:  # created concurrently: update that row instead
        await MediaSettings.filter(account_id=account_id).update(**values, updated_at=now)


async def set_quota(account_id: int, megabytes: int | None) -> None:
    """Operators: the account's quota in MB, or back to the default with ``None``."""
    if megabytes is not None and not 1 <= megabytes <= 1024 * 1024:
        raise UserError("invalid_quota", "存储配额应在 1 MB 到 1 TB 之间", "quotaMegabytes")
    await _upsert(account_id, quota_bytes=None if megabytes is None else megabytes * MB)


async def set_voicemail_retention(account_id: int, days: int) -> None:
    """How long the account's voicemail messages are kept (R17); recordings stay at one month (R18)."""
    if not 1 <= days <= MAX_RETENTION_DAYS:
        raise UserError("invalid_retention", f"留言保存天数应在1到{MAX_RETENTION_DAYS}天之间", "days")
    await _upsert(account_id, voicemail_retention_days=days)
