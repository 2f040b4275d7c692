"""Decoding an upload to 8 kHz mono samples with ffmpeg.

Down-sampling is done by ffmpeg with the SoX resampler (``aresample=resampler=soxr``), not by pydub's
``set_frame_rate``: that goes through ``audioop.ratecv``, which has no anti-aliasing filter, so energy
above 4 kHz (sibilants, music) would fold back into the telephone band as noise.

The decode is bounded twice: the output is cut at ``cap_seconds`` (``-t``), so a file whose header
understates its length can never produce more than that, and the process is killed after a wall-clock
timeout, so a file that keeps the decoder busy without producing output cannot hang a worker.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from audio.errors import AudioError, ErrorCode
from audio.probe import ACCEPTED_DEMUXERS, ProbeResult
from audio.runner import run_tool
from audio.segments import SAMPLE_RATE, SAMPLE_WIDTH, AudioSegment, segment_from_pcm

__all__ = ["DecodedAudio", "decode_file"]

RESAMPLER = "aresample=resampler=soxr:precision=28"
# Generous: real decodes of a 5-minute prompt take well under a second; only pathological input gets near.
DECODE_TIMEOUT_MIN = 20.0
DECODE_TIMEOUT_PER_SECOND = 0.25


@dataclass(frozen=True, slots=True)
class DecodedAudio:
    """An upload's audio at the pipeline's working format, with what the decoder said about it.

    Attributes:
        segment: 8 kHz mono s32 samples.
        hit_cap: decoding stopped at ``cap_seconds``; the file is at least that long.
        decoder_errors: first lines of ffmpeg's error output (empty for a clean decode).
    """

    segment: AudioSegment
    hit_cap: bool
    decoder_errors: str


def decode_file(path: Path, probe: ProbeResult, *, cap_seconds: float) -> DecodedAudio:
    """Decode at most ``cap_seconds`` of ``path``'s first audio stream to 8 kHz mono s32 samples."""
    args = [
        "-nostdin", "-v", "error",
        "-protocol_whitelist", "file",
        "-format_whitelist", ",".join(ACCEPTED_DEMUXERS),
        "-f", probe.demuxer,
        "-i", str(path),
        "-map", "0:a:0", "-vn", "-sn", "-dn",
        "-af", f"aformat=channel_layouts=mono,{RESAMPLER}:osr={SAMPLE_RATE},aformat=sample_fmts=s32",
        "-t", f"{cap_seconds:.3f}",
        "-c:a", "pcm_s32le", "-f", "s32le", "pipe:1",
    ]  # fmt: skip
    timeout = max(DECODE_TIMEOUT_MIN, cap_seconds * DECODE_TIMEOUT_PER_SECOND)
    try:
        result = run_tool("ffmpeg", args, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise AudioError(ErrorCode.DECODE_TIMEOUT, "音频解码超时,文件可能已损坏或结构异常。") from exc
    if result.returncode != 0:
        raise AudioError(ErrorCode.CORRUPT, "音频文件已损坏,无法解码。", detail=result.stderr)
    segment = segment_from_pcm(result.stdout)
    samples = len(result.stdout) // SAMPLE_WIDTH
    hit_cap = samples >= round(cap_seconds * SAMPLE_RATE) - 1
    return DecodedAudio(segment=segment, hit_cap=hit_cap, decoder_errors=result.stderr)
