"""The telephony layer reports a voicemail message or a call recording: store it, record it as pending.

Transcoding and measuring happen on a worker (``api/recordings/processing.py``), so the report returns
at once. Idempotent per (kind, call id): a retried report returns the row the first one created.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError

import ivr_flows
from api.clock import utcnow
from api.errors import UserError
from api.numbers.models import Number
from api.recordings.models import Recording, RecordingKind, RecordingState
from api.recordings.processing import USES, wake_workers
from api.storage import AudioFiles

__all__ = ["CallAudio", "read_limit", "receive_call_audio"]

_CALL_ID = re.compile(r"[A-Za-z0-9._:@-]{1,100}")
_CALLER = re.compile(r"\+?[0-9*#]{0,31}")
#: Where original uploads wait for a worker: outside ``recordings/``, which orphan sweeping lists by hash.
ORIGINALS = "incoming/recordings"


@dataclass(frozen=True)
class CallAudio:
    kind: RecordingKind
    call_id: str
    number: str
    caller: str
    started_at: dt.datetime
    ended_at: dt.datetime | None


def read_limit(kind: RecordingKind) -> int:
    return USES[kind].policy.max_bytes + 1


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
    """Store the upload as it came and a ``pending`` row; a worker transcodes it (``processing``).

    Only what is cheap is checked here (the report's fields, the number, the size); a file that is not
    audio ends as a ``failed`` row with the decoder's reason.
    """
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
    policy = USES[report.kind].policy
    if not data:
        raise UserError("empty_file", "上传的文件为空", "file")
    if len(data) > policy.max_bytes:
        raise UserError("file_too_large", f"文件超过{policy.label}的上传上限", "file")
    key = f"{ORIGINALS}/{report.kind.value}/{uuid.uuid4().hex}"
    await store.store.put(key, data)
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
            duration_seconds=0.0,
            size_bytes=len(data),
            created_at=utcnow(),
            wav_sha256="",
            preview_sha256="",
            state=RecordingState.PENDING,
            original_key=key,
        )
    except IntegrityError:
        await store.store.delete(key)
        earlier = await Recording.get_or_none(kind=report.kind, call_id=report.call_id)
        if earlier is None:
            raise
        return _replayed(earlier, report)  # the concurrent report won
    except BaseException:
        await store.store.delete(key)
        raise
    wake_workers()
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
