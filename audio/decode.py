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
from audio.probe import ACCEPTED_DEMUXERS
from audio.runner import start_tool
from audio.segments import SAMPLE_RATE, SAMPLE_WIDTH, AudioSegment, segment_from_pcm

__all__ = ["DecodedAudio", "PendingDecode", "decode_file", "start_decode"]

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


class PendingDecode:
    """A decode running in the background, so that it can overlap with ffprobe.

    The pipeline starts the decode and the probe together (two cores, and each pays ~90 ms of ffmpeg
    start-up), then either cancels the decode because the probe refused the file, or finishes it.
    Either way the decode never produces more than ``cap_seconds`` of audio.
    """

    def __init__(self, path: Path, *, cap_seconds: float) -> None:
        self.cap_seconds = cap_seconds
        self.output = path.with_name(path.name + ".s32")
        args = [
            "-nostdin", "-v", "error", "-y",
            "-protocol_whitelist", "file",
            "-format_whitelist", ",".join(ACCEPTED_DEMUXERS),
            "-i", str(path),
            "-map", "0:a:0?", "-vn", "-sn", "-dn",
            "-af", f"aformat=channel_layouts=mono,{RESAMPLER}:osr={SAMPLE_RATE},aformat=sample_fmts=s32",
            "-t", f"{cap_seconds:.3f}",
            "-c:a", "pcm_s32le", "-f", "s32le", str(self.output),
        ]  # fmt: skip
        self.timeout = max(DECODE_TIMEOUT_MIN, cap_seconds * DECODE_TIMEOUT_PER_SECOND)
        self._tool = start_tool("ffmpeg", args)

    def finish(self) -> DecodedAudio:
        """Wait for the decode and return the samples, or refuse the file."""
        try:
            result = self._tool.wait(self.timeout)
        except subprocess.TimeoutExpired as exc:
            raise AudioError(ErrorCode.DECODE_TIMEOUT, "音频解码超时,文件可能已损坏或结构异常。") from exc
        if result.returncode != 0:
            raise AudioError(ErrorCode.CORRUPT, "音频文件已损坏,无法解码。", detail=result.stderr)
        pcm = self.output.read_bytes() if self.output.exists() else b""
        samples = len(pcm) // SAMPLE_WIDTH
        hit_cap = samples >= round(self.cap_seconds * SAMPLE_RATE) - 1
        return DecodedAudio(segment=segment_from_pcm(pcm), hit_cap=hit_cap, decoder_errors=result.stderr)

    def cancel(self) -> None:
        """Stop the decode (the probe refused the file)."""
        self._tool.kill()


def start_decode(path: Path, *, cap_seconds: float) -> PendingDecode:
    """Start decoding at most ``cap_seconds`` of ``path``'s first audio stream to 8 kHz mono s32.

    The samples are written next to ``path`` (in the caller's private temporary directory).
    """
    return PendingDecode(path, cap_seconds=cap_seconds)


def decode_file(path: Path, *, cap_seconds: float) -> DecodedAudio:
    """Decode at most ``cap_seconds`` of ``path``'s first audio stream to 8 kHz mono s32 samples."""
    return start_decode(path, cap_seconds=cap_seconds).finish()
