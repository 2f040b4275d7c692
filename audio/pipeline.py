"""From uploaded bytes to delivered prompt files: the one entry point the API calls for uploads.

Order matters for safety and cost: the size is checked before anything runs; ffprobe (container,
declared duration) and the decode start together on two cores, and the decode is killed the moment the
probe refuses the file; the decode itself is capped just past the use's limit, so neither a huge
upload nor a file that would decode to hours costs more than a prompt's worth of work. Nothing is written outside a private temporary directory, which is removed on every path out,
so a refused file leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from audio.decode import start_decode
from audio.encode import SampleFile
from audio.errors import AudioError, ErrorCode
from audio.formats import EncodedOutput, OutputKind
from audio.integrity import is_truncated
from audio.levels import SpeechLevels, frame_levels, measure
from audio.normalize import TARGET_DBFS, LevelPlan, plan_levels, trim_and_fade
from audio.probe import ProbeResult, probe_file, sniff_container
from audio.result import ProcessedAudio, SourceInfo, SynthesisInfo
from audio.segments import SAMPLE_RATE, AudioSegment
from audio.uses import PromptUse, UsePolicy

__all__ = ["process_audio", "process_upload"]

CAP_MARGIN_SECONDS = 0.5
# A file that declares more than this many bytes of 8 kHz 16-bit audio per byte of its own is not speech
# in any real codec (AMR at 4.75 kbit/s is ~27): it is a decompression bomb.
BOMB_EXPANSION = 64
BOMB_SECONDS = 3600.0
BOMB_MIN_SECONDS = 600.0
# Decoded audio this much shorter than declared means the end of the file is missing.
TRUNCATED_RATIO = 0.9
TRUNCATED_SLACK_SECONDS = 0.25
LEVEL_CORRECTION_DB = 0.5  # re-encode when the level landed further than this from the target
MAX_ENCODE_PASSES = 3


def process_upload(data: bytes, *, use: PromptUse, max_bytes: int | None = None) -> ProcessedAudio:
    """Decode, check, normalise (prompts only) and encode an uploaded audio file.

    Args:
        data: the uploaded file's bytes, in any accepted format (WAV, MP3, M4A/AAC, OGG, AMR; also FLAC
            and WebM, which browsers record).
        use: what the audio is for; decides the duration and size limits and whether it is normalised
            (see :class:`audio.uses.PromptUse`).
        max_bytes: upload size limit, when the caller's is tighter than the use's default (e.g. what is
            left of an account's storage quota).

    Returns:
        The encoded files and their measured properties; nothing has been stored yet.

    Raises:
        AudioError: the upload cannot be used, with a stable code and a message for the customer.
        AudioToolError: ffmpeg is missing or failed on audio it had already decoded (a bug, not bad input).
    """
    return process_audio(data, use=use, max_bytes=max_bytes, synthesis=None)


def process_audio(
    data: bytes, *, use: PromptUse, max_bytes: int | None, synthesis: SynthesisInfo | None
) -> ProcessedAudio:
    """The pipeline behind :func:`process_upload` and :func:`audio.tts.synthesize`.

    Text-to-speech passes the engine's audio with ``synthesis`` describing it, which is kept on the result.
    """
    policy = use.policy
    _check_size(len(data), policy if max_bytes is None else _with_limit(policy, max_bytes))
    with tempfile.TemporaryDirectory(prefix="audio-upload-") as workdir:
        path = Path(workdir) / "upload"
        path.write_bytes(data)
        decoding = start_decode(path, cap_seconds=policy.max_seconds + CAP_MARGIN_SECONDS)
        try:
            probe = probe_file(path)
            if is_truncated(data, sniff_container(data[:16])):
                raise AudioError(ErrorCode.TRUNCATED, "音频文件不完整(可能上传中断),请重新上传完整的文件。")
            _check_declared_duration(probe, policy)
        except BaseException:
            decoding.cancel()
            raise
        decoded = decoding.finish()
    segment = decoded.segment
    seconds = len(segment.raw_data) / segment.frame_width / SAMPLE_RATE
    if decoded.hit_cap:
        raise AudioError(
            ErrorCode.TOO_LONG,
            f"音频时长超过{policy.label}的上限 {policy.max_seconds:g} 秒(解码到 {seconds:.1f} 秒时仍未结束)。",
            detail=f"declared {probe.duration} s; decode stopped at the cap",
        )
    if seconds > policy.max_seconds:
        raise AudioError(
            ErrorCode.TOO_LONG,
            f"音频时长为 {seconds:.1f} 秒,超过{policy.label}的上限 {policy.max_seconds:g} 秒。",
        )
    if seconds == 0:
        raise AudioError(
            ErrorCode.EMPTY_AUDIO, "文件中没有音频内容(时长为 0)。", detail=decoded.decoder_errors
        )
    if probe.duration and seconds < probe.duration * TRUNCATED_RATIO - TRUNCATED_SLACK_SECONDS:
        detail = f"declared {probe.duration:.2f} s, decoded {seconds:.2f} s; {decoded.decoder_errors}"
        if _damaged(decoded.decoder_errors):
            raise AudioError(ErrorCode.CORRUPT, "音频文件已损坏,无法完整解码。", detail=detail)
        raise AudioError(
            ErrorCode.TRUNCATED, "音频文件不完整(可能上传中断),请重新上传完整的文件。", detail=detail
        )
    frames = frame_levels(segment)
    levels = measure(segment, frames)
    if levels.silent and policy.refuse_silence:
        raise AudioError(ErrorCode.SILENT, _silent_message(synthesis))
    trimmed_start = 0.0
    plan = LevelPlan(0.0, limit=False)
    if policy.normalise:
        segment, trimmed_start = trim_and_fade(segment, frames, levels)
        plan = plan_levels(levels, frames)
    outputs, final = _encode_to_target(segment, plan, normalise=policy.normalise and not levels.silent)
    source = SourceInfo(
        format_name=probe.format_name,
        codec_name=probe.codec_name,
        duration_seconds=seconds,
        sample_rate=probe.sample_rate,
        channels=probe.channels,
        size_bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    return ProcessedAudio(
        use=use,
        outputs=outputs,
        duration_seconds=len(segment) / 1000,
        sample_rate=SAMPLE_RATE,
        peak_dbfs=final[1].peak_dbfs,
        active_level_dbfs=final[1].active_dbfs,
        normalised=policy.normalise,
        gain_db=final[0].gain_db,
        limited=final[0].limit,
        trimmed_start_seconds=trimmed_start,
        source=source,
        synthesis=synthesis,
    )


def _encode_to_target(
    segment: AudioSegment, plan: LevelPlan, *, normalise: bool
) -> tuple[dict[OutputKind, EncodedOutput], tuple[LevelPlan, SpeechLevels]]:
    """Encode, measure the WAV that was produced, and correct the gain if the level missed the target.

    The preview encodes in the background meanwhile. When the limiter worked harder than
    :func:`audio.normalize.plan_levels` estimated, one more pass with the measured shortfall added to
    the gain brings the level back (and the preview is redone with it). Deterministic: the same input
    takes the same passes.
    """
    with SampleFile(segment) as samples:
        preview = samples.start_preview(plan)
        try:
            for _ in range(MAX_ENCODE_PASSES):
                outputs = samples.encode_telephony(plan)
                levels = measure(AudioSegment(data=outputs[OutputKind.WAV].data))
                if not normalise or levels.active_dbfs is None:
                    break
                error = TARGET_DBFS - levels.active_dbfs
                if abs(error) <= LEVEL_CORRECTION_DB:
                    break
                plan = LevelPlan(plan.gain_db + error, limit=plan.limit)
            if plan != preview.plan:
                preview.cancel()
                preview = samples.start_preview(plan)
            outputs[OutputKind.PREVIEW] = preview.finish()
        except BaseException:
            preview.cancel()
            raise
    return outputs, (plan, levels)


def _check_size(size: int, policy: UsePolicy) -> None:
    """Refuse empty and oversized uploads before writing them anywhere."""
    if size == 0:
        raise AudioError(ErrorCode.EMPTY_FILE, "文件为空(0 字节),请重新选择文件。")
    if size > policy.max_bytes:
        raise AudioError(
            ErrorCode.TOO_LARGE,
            f"文件大小为 {_megabytes(size)},超过{policy.label}的上传上限 {_megabytes(policy.max_bytes)}。",
        )


def _check_declared_duration(probe: ProbeResult, policy: UsePolicy) -> None:
    """Refuse, before decoding, a file whose header says it is too long — or absurdly long for its size.

    A decompression bomb is a file that declares hours of audio, or far more audio than its size could
    hold in any speech codec (more than :data:`BOMB_EXPANSION` times its size once decoded), past a
    duration where that ratio means something (a prompt's limit, or ten minutes for recordings).
    """
    declared = probe.duration
    if declared is None:
        return
    expansion = declared * SAMPLE_RATE * 2 / max(probe.size, 1)
    hours = declared >= max(BOMB_SECONDS, 2 * policy.max_seconds)
    inflated = expansion > BOMB_EXPANSION and declared > min(policy.max_seconds, BOMB_MIN_SECONDS)
    if hours or inflated:
        raise AudioError(
            ErrorCode.DECOMPRESSION_BOMB,
            f"文件仅 {_megabytes(probe.size)},解码后却长达约 {_duration_zh(declared)},"
            f"远超{policy.label}的上限 {policy.max_seconds:g} 秒,已拒绝处理。",
            detail=f"declared {declared:.0f} s in {probe.size} bytes (x{expansion:.0f})",
        )
    if declared > policy.max_seconds:
        raise AudioError(
            ErrorCode.TOO_LONG,
            f"音频时长为 {declared:.1f} 秒,超过{policy.label}的上限 {policy.max_seconds:g} 秒。",
        )


def _damaged(decoder_errors: str) -> bool:
    """Whether a short decode looks like damage rather than a cut.

    A file cut short makes the decoder complain once, at the cut (or the demuxer reports a "partial
    file"); a damaged one makes it complain repeatedly about what is there.
    """
    if "partial file" in decoder_errors:
        return False
    return len(decoder_errors.splitlines()) > 1


def _with_limit(policy: UsePolicy, max_bytes: int) -> UsePolicy:
    """``policy`` with the caller's upload limit instead of the default."""
    return UsePolicy(policy.label, policy.max_seconds, max_bytes, policy.normalise, policy.refuse_silence)


def _silent_message(synthesis: SynthesisInfo | None) -> str:
    """The refusal for silence, worded for an upload or for a text prompt."""
    if synthesis is not None:
        return "合成结果没有声音,请检查文字内容(需包含可朗读的文字)。"
    return "音频中没有声音(全部为静音),请检查录音后重新上传。"


def _megabytes(size: int) -> str:
    """A byte count the way a customer reads it: ``"25.3 MB"``, ``"527 KB"``."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def _duration_zh(seconds: float) -> str:
    """A long duration in Chinese: ``"3.0 小时"``, ``"12 分钟"``."""
    if seconds >= 3600:
        return f"{seconds / 3600:.1f} 小时"
    return f"{seconds / 60:.0f} 分钟"
