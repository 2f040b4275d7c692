"""The telephony layer reports a voicemail message or a call recording: transcode, store, record.

Idempotent per (kind, call id): a retried report returns the row the first one created.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, cast

from tortoise.exceptions import IntegrityError

import ivr_flows
from api.clock import utcnow
from api.errors import UserError
from api.numbers.models import Number
from api.recordings.models import Recording, RecordingKind
from api.recordings.storage import COLUMNS, release_files
from api.storage import AudioFiles
from audio import AudioError, ProcessedAudio, PromptUse, process_upload

__all__ = ["CallAudio", "read_limit", "receive_call_audio"]

_CALL_ID = re.compile(r"[A-Za-z0-9._:@-]{1,100}")
_CALLER = re.compile(r"\+?[0-9*#]{0,31}")
_USE = {RecordingKind.VOICEMAIL: PromptUse.VOICEMAIL_MESSAGE, RecordingKind.CALL: PromptUse.CALL_RECORDING}


@dataclass(frozen=True)
class CallAudio:
    kind: RecordingKind
    call_id: str
    number: str
    caller: str
    started_at: dt.datetime
    ended_at: dt.datetime | None


def read_limit(kind: RecordingKind) -> int:
    return _USE[kind].policy.max_bytes + 1


def _check(report: CallAudio) -> None:
    if not _CALL_ID.fullmatch(report.call_id):
        raise UserError("invalid_call_id", "通话编号应为1到100个字母、数字或 . _ : @ - 字符", "callId")
    if not _CALLER.fullmatch(report.caller):
        raise UserError("invalid_caller", "主叫号码格式无效", "caller")
    if report.started_at.tzinfo is None:
        raise UserError("invalid_time", "通话时间须带时区", "startedAt")
    if report.ended_at is not None and report.ended_at < report.started_at:
        raise UserError("invalid_time", "结束时间早于开始时间", "endedAt")


async def receive_call_audio(report: CallAudio, data: bytes, store: AudioFiles) -> Recording:
    _check(report)
    earlier = await Recording.get_or_none(kind=report.kind, call_id=report.call_id)
    if earlier is not None:
        return _replayed(earlier, report)
    try:
        digits = ivr_flows.parse_400_number(report.number)
    except ivr_flows.Invalid400Number as error:
        raise UserError("unknown_number", f"号码{report.number}:{error.message}", "number") from error
    number = await Number.get_or_none(number=digits)
    if number is None or number.account_id is None:
        raise UserError("unknown_number", f"号码{report.number}不存在或未开通", "number")
    try:
        audio = await asyncio.to_thread(process_upload, data, use=_USE[report.kind])
    except AudioError as error:
        raise UserError(str(error.code), error.message, "file") from error
    await _put(store, audio)
    try:
        row = await Recording.create(
            account_id=number.account_id,
            number_id=number.id,
            number_text=number.number,
            kind=report.kind,
            call_id=report.call_id,
            caller=report.caller,
            started_at=report.started_at.astimezone(dt.UTC),
            ended_at=report.ended_at.astimezone(dt.UTC) if report.ended_at else None,
            duration_seconds=audio.duration_seconds,
            size_bytes=sum(len(audio.outputs[k].data) for k in COLUMNS),
            created_at=utcnow(),
            **cast("dict[str, Any]", {column: audio.outputs[k].sha256 for k, column in COLUMNS.items()}),
        )
    except IntegrityError:
        earlier = await Recording.get_or_none(kind=report.kind, call_id=report.call_id)
        if earlier is None:
            raise
        await release_files(store, audio)  # the concurrent report won; its files stay, ours go
        return _replayed(earlier, report)
    except BaseException:
        await release_files(store, audio)
        raise
    await _put(store, audio)  # a concurrent deletion of a recording with equal audio may have removed it
    return row


def _replayed(earlier: Recording, report: CallAudio) -> Recording:
    """A retried report gets its first answer; another number's call under the same id is refused."""
    try:
        same_number = earlier.number_text == ivr_flows.parse_400_number(report.number)
    except ivr_flows.Invalid400Number:
        same_number = False
    if not same_number:
        raise UserError("call_id_taken", "该通话编号已用于其他号码的通话", "callId")
    return earlier


async def _put(store: AudioFiles, audio: ProcessedAudio) -> None:
    for kind in COLUMNS:
        await store.put_output(audio.outputs[kind])
