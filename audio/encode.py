"""Encoding 8 kHz samples into every delivered format with one ffmpeg process.

One process reads the samples once from a pipe, applies the gain (and the limiter when the plan says
so) in double precision, splits the result and writes the WAV, µ-law, A-law and MP3 files: ffmpeg's
start-up (~90 ms here) is paid once instead of four times.

Byte-identical output for the same input is a requirement (files are stored by content hash), so
every muxer and encoder runs with ``bitexact`` flags and without copied metadata: no encoder version
string, no timestamps, no random stream serial numbers.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from audio.errors import AudioToolError
from audio.formats import EncodedOutput, OutputKind
from audio.normalize import LIMIT_DBFS, LevelPlan
from audio.runner import run_tool
from audio.segments import SAMPLE_RATE, AudioSegment

__all__ = ["encode_outputs"]

PREVIEW_RATE = 16000
PREVIEW_BITRATE = "32k"
ENCODE_TIMEOUT_MIN = 30.0
ENCODE_TIMEOUT_PER_SECOND = 0.5

_BITEXACT = ["-map_metadata", "-1", "-fflags", "+bitexact", "-flags:a", "+bitexact"]
_CODECS: dict[OutputKind, list[str]] = {
    OutputKind.WAV: ["-c:a", "pcm_s16le", "-f", "wav"],
    OutputKind.ULAW: ["-c:a", "pcm_mulaw", "-f", "mulaw"],
    OutputKind.ALAW: ["-c:a", "pcm_alaw", "-f", "alaw"],
    OutputKind.PREVIEW: [
        "-c:a", "libmp3lame", "-b:a", PREVIEW_BITRATE, "-ar", str(PREVIEW_RATE),
        "-id3v2_version", "0", "-write_id3v1", "0", "-f", "mp3",
    ],
}  # fmt: skip


def filter_graph(plan: LevelPlan) -> str:
    """The ffmpeg filter graph: gain, optional limiter, split into one branch per output."""
    chain = [f"volume={plan.gain_db:.4f}dB:precision=double"]
    if plan.limit:
        limit = 10 ** (LIMIT_DBFS / 20)
        chain.append(f"alimiter=limit={limit:.6f}:attack=5:release=50:level=disabled:latency=enabled")
    branches = "".join(f"[{kind.value}]" for kind in OutputKind)
    return (
        f"[0:a]{','.join(chain)},asplit={len(OutputKind)}{branches};"
        f"[{OutputKind.PREVIEW.value}]aresample=resampler=soxr:precision=28:osr={PREVIEW_RATE}[mp3]"
    )


def encode_outputs(segment: AudioSegment, plan: LevelPlan) -> dict[OutputKind, EncodedOutput]:
    """Encode ``segment`` (8 kHz mono s32) with ``plan``'s gain into every :class:`OutputKind`."""
    with tempfile.TemporaryDirectory(prefix="audio-encode-") as workdir:
        paths = {kind: Path(workdir) / f"out.{kind.extension}" for kind in OutputKind}
        args = [
            "-nostdin", "-v", "error", "-y",
            "-f", "s32le", "-ar", str(SAMPLE_RATE), "-ac", "1", "-i", "pipe:0",
            "-filter_complex", filter_graph(plan),
        ]  # fmt: skip
        for kind in OutputKind:
            label = "mp3" if kind is OutputKind.PREVIEW else kind.value
            args += ["-map", f"[{label}]", *_CODECS[kind], *_BITEXACT, str(paths[kind])]
        timeout = max(ENCODE_TIMEOUT_MIN, len(segment) / 1000 * ENCODE_TIMEOUT_PER_SECOND)
        try:
            result = run_tool("ffmpeg", args, input_data=segment.raw_data, timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            raise AudioToolError(f"ffmpeg encode timed out after {timeout:.0f} s") from exc
        if result.returncode != 0:
            raise AudioToolError(f"ffmpeg encode failed: {result.stderr}")
        return {kind: EncodedOutput.of(kind, paths[kind].read_bytes()) for kind in OutputKind}
