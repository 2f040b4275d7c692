"""Encoding 8 kHz samples into every delivered format with two ffmpeg processes running side by side.

The samples are written once to a private temporary file. One ffmpeg process applies the gain (and
the limiter when the plan says so) in double precision, splits the result and writes the WAV, µ-law
and A-law files; a second one, started at the same time on the other core, makes the MP3 preview,
which costs more than the other three together. The pipeline measures the WAV while the preview is
still encoding.

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
from audio.runner import ToolResult, run_tool, start_tool
from audio.segments import SAMPLE_RATE, AudioSegment

__all__ = ["PendingPreview", "SampleFile", "level_chain"]

PREVIEW_RATE = 16000
PREVIEW_BITRATE = "32k"
ENCODE_TIMEOUT_MIN = 30.0
ENCODE_TIMEOUT_PER_SECOND = 0.5
# LAME's quality 7 of 0-9: ~3x faster than its default and indistinguishable for 32 kbit/s speech.

_BITEXACT = ["-map_metadata", "-1", "-fflags", "+bitexact", "-flags:a", "+bitexact"]
_CODECS: dict[OutputKind, list[str]] = {
    OutputKind.WAV: ["-c:a", "pcm_s16le", "-f", "wav"],
    OutputKind.ULAW: ["-c:a", "pcm_mulaw", "-f", "mulaw"],
    OutputKind.ALAW: ["-c:a", "pcm_alaw", "-f", "alaw"],
    OutputKind.PREVIEW: [
        "-c:a", "libmp3lame", "-b:a", PREVIEW_BITRATE, "-compression_level", "7",
        "-id3v2_version", "0", "-write_id3v1", "0", "-f", "mp3",
    ],
}  # fmt: skip


def level_chain(plan: LevelPlan) -> str:
    """The ffmpeg filters that apply ``plan``: gain, then the limiter when it is needed."""
    chain = [f"volume={plan.gain_db:.4f}dB:precision=double"]
    if plan.limit:
        limit = 10 ** (LIMIT_DBFS / 20)
        chain.append(f"alimiter=limit={limit:.6f}:attack=5:release=50:level=disabled:latency=enabled")
    return ",".join(chain)


class SampleFile:
    """8 kHz mono s32 samples in a private temporary file, read by the encoders; a context manager.

    Example::

        with SampleFile(segment) as samples:
            preview = samples.start_preview(plan)
            telephony = samples.encode_telephony(plan)
            outputs = {**telephony, OutputKind.PREVIEW: preview.finish()}
    """

    def __init__(self, segment: AudioSegment) -> None:
        self._directory = tempfile.TemporaryDirectory(prefix="audio-encode-")
        self.workdir = Path(self._directory.name)
        self.path = self.workdir / "samples.s32"
        self.path.write_bytes(segment.raw_data)
        self.timeout = max(ENCODE_TIMEOUT_MIN, len(segment) / 1000 * ENCODE_TIMEOUT_PER_SECOND)

    def __enter__(self) -> SampleFile:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._directory.cleanup()

    def _input(self) -> list[str]:
        return ["-nostdin", "-v", "error", "-y", "-f", "s32le", "-ar", str(SAMPLE_RATE), "-ac", "1",
                "-i", str(self.path)]  # fmt: skip

    def encode_telephony(self, plan: LevelPlan) -> dict[OutputKind, EncodedOutput]:
        """WAV, µ-law and A-law with ``plan`` applied, from one ffmpeg run."""
        kinds = [OutputKind.WAV, OutputKind.ULAW, OutputKind.ALAW]
        labels = "".join(f"[{kind.value}]" for kind in kinds)
        args = [*self._input(), "-filter_complex", f"[0:a]{level_chain(plan)},asplit={len(kinds)}{labels}"]
        paths = {kind: self.workdir / f"out.{kind.extension}" for kind in kinds}
        for kind in kinds:
            args += ["-map", f"[{kind.value}]", *_CODECS[kind], *_BITEXACT, str(paths[kind])]
        _check(run_tool("ffmpeg", args, timeout=self.timeout), "telephony encode")
        return {kind: EncodedOutput.of(kind, paths[kind].read_bytes()) for kind in kinds}

    def start_preview(self, plan: LevelPlan) -> PendingPreview:
        """Start encoding the MP3 preview with ``plan`` applied, in the background."""
        return PendingPreview(self, plan)


class PendingPreview:
    """The MP3 preview encoding in the background (see :meth:`SampleFile.start_preview`)."""

    def __init__(self, samples: SampleFile, plan: LevelPlan) -> None:
        self.plan = plan
        self._samples = samples
        self._path = samples.workdir / f"preview-{id(self)}.mp3"
        resample = f"aresample=resampler=soxr:precision=28:osr={PREVIEW_RATE}"
        args = [*samples._input(), "-af", f"{level_chain(plan)},{resample}",
                *_CODECS[OutputKind.PREVIEW], *_BITEXACT, str(self._path)]  # fmt: skip
        self._tool = start_tool("ffmpeg", args)

    def finish(self) -> EncodedOutput:
        """Wait for the preview and return it."""
        try:
            result = self._tool.wait(self._samples.timeout)
        except subprocess.TimeoutExpired as exc:
            raise AudioToolError("ffmpeg preview encode timed out") from exc
        _check(result, "preview encode")
        return EncodedOutput.of(OutputKind.PREVIEW, self._path.read_bytes())

    def cancel(self) -> None:
        """Stop the preview (the plan changed)."""
        self._tool.kill()


def _check(result: ToolResult, what: str) -> None:
    """Encoding decoded samples cannot fail on user input: a failure is a bug or a broken ffmpeg."""
    if result.returncode != 0:
        raise AudioToolError(f"ffmpeg {what} failed: {result.stderr}")
