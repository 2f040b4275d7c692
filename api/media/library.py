"""Adding media to an account's library: uploads and text-to-speech prompts, exactly once per request.

Audio work (ffmpeg, espeak-ng) is CPU-bound and blocking, so it runs in a worker thread. A ringback
upload charges its fee (R16) in the transaction that creates the row. Every upload carries a client key:
a retry with the same key returns the item the first request created and charges nothing; concurrent
retries are serialised by the (account, key) unique constraints of both rows.
"""

from __future__ import annotations

import asyncio
import hashlib
import re

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from api.accounts.locks import lock_account
from api.billing.ledger import RINGBACK_FEE_FEN, record_charge
from api.billing.models import EntryKind
from api.clock import utcnow
from api.config import Config
from api.errors import UserError
from api.media.models import MediaItem, MediaKind, ReviewStatus
from api.media.quota import check_quota
from api.media.storage import COLUMNS, put_files, release_unreferenced
from api.storage import AudioFiles
from audio import AudioError, ProcessedAudio, PromptUse, process_upload, synthesize

__all__ = ["add_text_prompt", "add_upload", "clean_name", "prompt_id", "read_limit"]

_KEY = re.compile(r"[A-Za-z0-9._:-]{8,100}")
MAX_NAME = 80


def prompt_id(item_id: int) -> str:
    """The id flows use for a media item (``PromptRef.prompt``); a safe Asterisk file name as it is."""
    return f"media-{item_id}"


def read_limit(kind: MediaKind) -> int:
    """Bytes worth reading from an upload: one past the use's limit, so an oversized file is named."""
    return PromptUse(kind.value).policy.max_bytes + 1


def clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise UserError("required", "请填写名称", "name")
    if len(name) > MAX_NAME:
        raise UserError("too_long", f"名称不能超过{MAX_NAME}个字", "name")
    return name


def _clean_key(key: str) -> str:
    if not _KEY.fullmatch(key):
        raise UserError(
            "invalid_idempotency_key", "请求编号应为8到100个字母、数字或 . _ : - 字符", "idempotencyKey"
        )
    return key


def _audio_error(error: AudioError, field: str) -> UserError:
    return UserError(str(error.code), error.message, field)


async def add_upload(
    *,
    account_id: int,
    kind: MediaKind,
    name: str,
    data: bytes,
    idempotency_key: str,
    config: Config,
    store: AudioFiles,
) -> MediaItem:
    """A new media item from uploaded audio; a ringback is pending review and charged its fee."""
    name = clean_name(name)
    key = _clean_key(idempotency_key)
    source_sha = hashlib.sha256(data).hexdigest()
    earlier = await _replay(account_id, key, source_sha, kind)
    if earlier is not None:
        return earlier
    try:
        audio = await asyncio.to_thread(process_upload, data, use=PromptUse(kind.value))
    except AudioError as error:
        raise _audio_error(error, "file") from error
    return await _save(account_id, kind, name, audio, source_sha, key, config, store)


async def add_text_prompt(
    *, account_id: int, kind: MediaKind, name: str, text: str, config: Config, store: AudioFiles
) -> MediaItem:
    """A prompt spoken from text (R19 menus); the text is kept for re-synthesis with a better engine."""
    name = clean_name(name)
    if kind == MediaKind.RINGBACK:
        raise UserError("ringback_needs_upload", "彩铃需上传音频文件并经审核,不能由文字合成", "kind")
    try:
        audio = await asyncio.to_thread(synthesize, text, use=PromptUse(kind.value))
    except AudioError as error:
        raise _audio_error(error, "text") from error
    assert audio.synthesis is not None
    source_sha = hashlib.sha256(audio.synthesis.text.encode()).hexdigest()
    return await _save(account_id, kind, name, audio, source_sha, None, config, store)


async def _replay(account_id: int, key: str, source_sha: str, kind: MediaKind) -> MediaItem | None:
    """The item an earlier request with this key created, or None."""
    item = await MediaItem.get_or_none(account_id=account_id, idempotency_key=key)
    if item is None:
        return None
    if item.source_sha256 != source_sha or item.kind != kind:
        raise UserError(
            "idempotency_key_reused", "该请求编号已用于另一个文件,请为新的上传生成新的编号", "idempotencyKey"
        )
    if item.deleted_at is not None:
        raise UserError("deleted", "该请求已处理,创建的媒体已被删除", "idempotencyKey")
    return item


async def _save(
    account_id: int,
    kind: MediaKind,
    name: str,
    audio: ProcessedAudio,
    source_sha: str,
    key: str | None,
    config: Config,
    store: AudioFiles,
) -> MediaItem:
    files = [(k, audio.outputs[k].sha256) for k in COLUMNS]
    size = sum(len(out.data) for out in audio.outputs.values())
    now = utcnow()
    await put_files(store, audio)
    try:
        async with in_transaction() as conn:
            # Serialises one account's uploads, so the quota holds under concurrency.
            await lock_account(conn, account_id)
            if key is not None:
                earlier = (
                    await MediaItem.filter(account_id=account_id, idempotency_key=key).using_db(conn).first()
                )
                if earlier is not None:
                    raise _Replayed
            await check_quota(conn, account_id, audio.content_sha256, size, config)
            item = await MediaItem.create(
                account_id=account_id,
                kind=kind,
                name=name,
                review_status=ReviewStatus.PENDING
                if kind == MediaKind.RINGBACK
                else ReviewStatus.NOT_REQUIRED,
                text=audio.text,
                duration_seconds=audio.duration_seconds,
                peak_dbfs=audio.peak_dbfs,
                active_level_dbfs=audio.active_level_dbfs,
                size_bytes=size,
                source_sha256=source_sha,
                metadata=audio.metadata(),
                idempotency_key=key,
                created_at=now,
                updated_at=now,
                using_db=conn,
                **{COLUMNS[k]: sha for k, sha in files},
            )
            if kind == MediaKind.RINGBACK:
                assert key is not None
                await record_charge(
                    conn,
                    account_id=account_id,
                    amount_fen=RINGBACK_FEE_FEN,
                    kind=EntryKind.RINGBACK_FEE,
                    description=f"彩铃审核费:{name}",
                    reference=f"media:{item.id}",
                    idempotency_key=key,
                )
    except (_Replayed, IntegrityError):
        # A concurrent request with the same key won; return what it created.
        await release_unreferenced(store, files)
        assert key is not None
        earlier = await _replay(account_id, key, source_sha, kind)
        if earlier is None:
            raise
        return earlier
    except BaseException:
        await release_unreferenced(store, files)
        raise
    await put_files(store, audio)  # a concurrent delete of other rows with this audio may have removed it
    return item


class _Replayed(Exception):
    """Inside the transaction: the key was used by a request that committed meanwhile."""
