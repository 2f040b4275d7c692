"""Pending recordings become playable: claimed through the database, transcoded, stored, marked ready.

Intake (``api/recordings/intake.py``) only stores the original upload and a ``pending`` row, so a
report at 20 recorded calls/s returns at once. Any number of processes work through the pending rows:
``python -m api worker`` and, unless told not to, every service process's own loop (the embedded
default needs no second process). A worker claims one row with a conditional
``UPDATE … WHERE id = ? AND state = 'pending' AND claim_until <= now`` — exactly one process matches, on
SQLite and PostgreSQL alike — for ``MEDIA_CLAIM_SECONDS``. One that dies mid-job loses the claim when it
expires, and another takes the row. The results are written by content hash (written once, so a second
write of the same audio is harmless) and the row is finished by a second conditional UPDATE that only
its claim holder can make; a worker that lost its claim throws its work away. A row that keeps
killing its workers is marked failed after ``MAX_ATTEMPTS`` claims instead of looping for ever.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import random
import signal
from collections.abc import AsyncIterator

from tortoise.expressions import F

from api.background import running
from api.claims.leases import HOLDER
from api.clock import utcnow
from api.config import Config
from api.logtext import loggable_exc_info
from api.recordings.models import EPOCH, Recording, RecordingKind, RecordingState
from api.recordings.storage import COLUMNS, recording_store, release_files
from api.storage import AudioFiles
from audio import AudioError, ProcessedAudio, PromptUse, process_upload

__all__ = ["MAX_ATTEMPTS", "claim_next", "process_pending", "processing_media", "wake_workers", "work"]

log = logging.getLogger("api.recordings.processing")

USES = {RecordingKind.VOICEMAIL: PromptUse.VOICEMAIL_MESSAGE, RecordingKind.CALL: PromptUse.CALL_RECORDING}
#: Claims a row may take; the next claim marks it failed (a file that crashes or hangs its worker).
MAX_ATTEMPTS = 3
GAVE_UP = "录音处理多次未能完成,已停止处理"
LOST = "录音原始文件已丢失,无法处理"

#: Loops of this process waiting for work: an intake in the same process wakes them at once.
_waiting: set[asyncio.Event] = set()


def wake_workers() -> None:
    """A recording was reported in this process: its own loop need not wait for the next poll."""
    for event in _waiting:
        event.set()


async def claim_next(lease: dt.timedelta, holder: str = HOLDER) -> Recording | None:
    """Claim one pending recording whose claim is free or expired; None when there is none to take.

    Candidates are shuffled so that workers polling together mostly try different rows.
    """
    now = utcnow()
    candidates = list(
        await Recording.filter(state=RecordingState.PENDING, claim_until__lte=now, deleted_at__isnull=True)
        .order_by("id")
        .limit(16)
        .values_list("id", flat=True)
    )
    random.shuffle(candidates)
    for row_id in candidates:
        taken = await Recording.filter(
            id=row_id, state=RecordingState.PENDING, claim_until__lte=now, deleted_at__isnull=True
        ).update(claimed_by=holder, claim_until=now + lease, attempts=F("attempts") + 1)
        if taken == 1:
            return await Recording.get(id=row_id)
    return None


async def _fail(row: Recording, store: AudioFiles, reason: str, holder: str) -> bool:
    done = await Recording.filter(id=row.id, state=RecordingState.PENDING, claimed_by=holder).update(
        state=RecordingState.FAILED, failure=reason[:300], claim_until=EPOCH, original_key=""
    )
    if done and row.original_key:
        await store.store.delete(row.original_key)
    return bool(done)


async def _put(store: AudioFiles, audio: ProcessedAudio) -> None:
    for kind in COLUMNS:
        await store.put_output(audio.outputs[kind])


@contextlib.asynccontextmanager
async def _holding(row_id: int, lease: dt.timedelta, holder: str) -> AsyncIterator[None]:
    """Renew the claim every third of the lease while the work runs: a long recording (up to four hours)
    keeps its worker, while a dead worker's claim still expires one lease after its last renewal."""

    async def renew() -> None:
        while True:
            await asyncio.sleep(lease.total_seconds() / 3)
            await Recording.filter(id=row_id, state=RecordingState.PENDING, claimed_by=holder).update(
                claim_until=utcnow() + lease
            )

    task = asyncio.create_task(renew())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def process_one(
    row: Recording, store: AudioFiles, lease: dt.timedelta, holder: str = HOLDER
) -> RecordingState | None:
    """Finish one claimed row; its new state, or None when the claim was lost (another worker's now)."""
    if row.attempts > MAX_ATTEMPTS:
        return RecordingState.FAILED if await _fail(row, store, GAVE_UP, holder) else None
    try:
        data = await store.store.get(row.original_key)
    except FileNotFoundError:
        return RecordingState.FAILED if await _fail(row, store, LOST, holder) else None
    try:
        async with _holding(row.id, lease, holder):
            audio = await asyncio.to_thread(process_upload, data, use=USES[row.kind])
    except AudioError as error:
        return RecordingState.FAILED if await _fail(row, store, error.message, holder) else None
    await _put(store, audio)
    try:
        done = await Recording.filter(
            id=row.id, state=RecordingState.PENDING, claimed_by=holder, deleted_at__isnull=True
        ).update(
            state=RecordingState.READY,
            duration_seconds=audio.duration_seconds,
            size_bytes=sum(len(audio.outputs[k].data) for k in COLUMNS),
            claim_until=EPOCH,
            original_key="",
            **{column: audio.outputs[k].sha256 for k, column in COLUMNS.items()},
        )
    except BaseException:
        await release_files(store, audio)
        raise
    if not done:  # claim lost (expired and taken) or the row deleted meanwhile: ours go unless shared
        await release_files(store, audio)
        return None
    await _put(store, audio)  # a concurrent deletion of a recording with equal audio may have removed it
    await store.store.delete(row.original_key)
    return RecordingState.READY


async def process_pending(config: Config, *, limit: int | None = None, holder: str = HOLDER) -> int:
    """Claim and finish pending recordings until none is left (or ``limit``); returns how many finished."""
    store = recording_store(config)
    lease = dt.timedelta(seconds=config.media_claim_seconds)
    finished = 0
    while limit is None or finished < limit:
        row = await claim_next(lease, holder)
        if row is None:
            break
        try:
            state = await process_one(row, store, lease, holder)
        except Exception as error:  # a store or database hiccup: the claim expires and the row is retried
            log.error("recording %s could not be processed", row.id, exc_info=loggable_exc_info(error))
            continue
        if state is not None:
            finished += 1
            log.info("recording %s %s", row.id, state.value)
    return finished


async def _loop(config: Config, concurrency: int) -> None:
    event = asyncio.Event()
    _waiting.add(event)
    try:
        while True:
            event.clear()
            try:
                await asyncio.gather(*(process_pending(config) for _ in range(concurrency)))
            except Exception as error:  # the database is away: try again at the next poll
                log.error("processing recordings failed", exc_info=loggable_exc_info(error))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), config.media_poll_seconds)
    finally:
        _waiting.discard(event)


def processing_media(
    config: Config, *, concurrency: int = 1, enabled: bool = True
) -> contextlib.AbstractAsyncContextManager[None]:
    """The service's own worker loop, beside its requests (the embedded default)."""
    return running(_loop(config, concurrency) if enabled else None)


async def work(config: Config, *, concurrency: int = 2, once: bool = False) -> int:
    """``python -m api worker``: process pending recordings until SIGTERM/SIGINT (or, ``once``, until none
    is left). A signal lets the recordings in hand finish; a SIGKILL leaves claims that expire."""
    if once:
        counts = await asyncio.gather(*(process_pending(config) for _ in range(concurrency)))
        return sum(counts)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    async with processing_media(config, concurrency=concurrency):
        await stop.wait()
    return 0
