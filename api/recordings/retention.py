"""Retention: call recordings go one calendar month after the call (R18), voicemail after the account's
configured number of days (R17). The row stays and says when and why its audio was deleted.

The job is idempotent (conditional updates), so several API processes may run it side by side.
"""

from __future__ import annotations

import calendar
import datetime as dt

from api.clock import to_local, utcnow
from api.config import Config
from api.media.models import MediaSettings
from api.recordings.models import DeletionReason, Recording, RecordingKind
from api.recordings.storage import recording_store, release_unreferenced
from api.storage import AudioFiles

__all__ = ["delete_recording", "expire_recordings", "expires_at", "month_after", "month_before"]


def _shift_month(moment: dt.datetime, months: int) -> dt.datetime:
    local = to_local(moment)
    index = local.year * 12 + local.month - 1 + months
    year, month = divmod(index, 12)
    day = min(local.day, calendar.monthrange(year, month + 1)[1])
    return local.replace(year=year, month=month + 1, day=day).astimezone(dt.UTC)


def month_after(moment: dt.datetime) -> dt.datetime:
    """The same day and time next month in China (the month's last day when it is shorter)."""
    return _shift_month(moment, 1)


def month_before(moment: dt.datetime) -> dt.datetime:
    return _shift_month(moment, -1)


def expires_at(row: Recording, voicemail_days: int) -> dt.datetime:
    if row.kind == RecordingKind.CALL:
        return month_after(row.started_at)
    return row.started_at + dt.timedelta(days=voicemail_days)


async def mark_deleted(row: Recording, store: AudioFiles, reason: DeletionReason) -> bool:
    """Record the deletion, then remove the files no other live recording shares."""
    updated = await Recording.filter(id=row.id, deleted_at__isnull=True).update(
        deleted_at=utcnow(), deletion_reason=reason
    )
    if updated:
        await release_unreferenced(store, row)
    return bool(updated)


async def delete_recording(row: Recording, store: AudioFiles) -> Recording:
    """The owner deletes a recording before its time."""
    await mark_deleted(row, store, DeletionReason.CUSTOMER)
    await row.refresh_from_db()
    return row


async def expire_recordings(config: Config) -> int:
    """Delete the audio of every recording past its retention; returns how many were deleted."""
    now = utcnow()
    live = Recording.filter(deleted_at__isnull=True)
    due = list(await live.filter(kind=RecordingKind.CALL, started_at__lte=month_before(now)))
    custom: dict[int, list[int]] = {}
    for account_id, days in await MediaSettings.filter(voicemail_retention_days__isnull=False).values_list(
        "account_id", "voicemail_retention_days"
    ):
        custom.setdefault(days, []).append(account_id)
    voicemail = live.filter(kind=RecordingKind.VOICEMAIL)
    default_cutoff = now - dt.timedelta(days=config.voicemail_retention_days)
    excluded = [a for accounts in custom.values() for a in accounts]
    defaults = voicemail.filter(started_at__lte=default_cutoff)
    due += await (defaults.exclude(account_id__in=excluded) if excluded else defaults)
    for days, accounts in custom.items():
        due += await voicemail.filter(account_id__in=accounts, started_at__lte=now - dt.timedelta(days=days))
    store = recording_store(config)
    deleted = 0
    for row in due:
        deleted += await mark_deleted(row, store, DeletionReason.RETENTION)
    return deleted
