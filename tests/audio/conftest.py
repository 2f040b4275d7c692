"""Fixtures for the audio tests: speech made on the spot, and an independent meter.

Every fixture file is generated here with espeak-ng and ffmpeg (small, a few seconds), except the AMR
file, which Debian's ffmpeg cannot encode (see ``fixtures/make_amr_fixture.py``). Levels are checked
with ffmpeg's own ``astats`` filter as well as the library's meter, so the library is not its own judge.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:  # the project is not installed in CI: make ``audio`` importable
    sys.path.insert(0, _ROOT)

FIXTURES = Path(__file__).with_name("fixtures")
MENU_TEXT = "欢迎致电,查号请拨1,值班请拨2"


def ffmpeg(*args: str, data: bytes | None = None) -> bytes:
    """Run ffmpeg quietly and return its stdout (the tests' only way to make and inspect audio)."""
    command = ["ffmpeg", "-nostdin" if data is None else "-hide_banner", "-v", "error", *args]
    return subprocess.run(command, input=data, check=True, capture_output=True).stdout


def espeak(text: str) -> bytes:
    """espeak-ng Mandarin speech as a 22.05 kHz WAV file."""
    return subprocess.run(
        ["espeak-ng", "-v", "cmn", "-b", "1", "--stdout", text], check=True, capture_output=True
    ).stdout


def transcode(wav: bytes, *codec_args: str) -> bytes:
    """``wav`` re-encoded by ffmpeg with ``codec_args`` (which end with ``-f <format>``).

    Written through a file, not a pipe: the MP4 muxer has to seek back to write its index.
    """
    with tempfile.TemporaryDirectory() as workdir:
        target = Path(workdir) / "out"
        ffmpeg("-i", "pipe:0", *codec_args, str(target), data=wav)
        return target.read_bytes()


@dataclass(frozen=True)
class Meter:
    """ffmpeg's reading of a file: ``active`` is the RMS after ``silenceremove`` drops pauses."""

    peak_dbfs: float
    rms_dbfs: float
    active_dbfs: float
    sample_rate: int
    channels: int
    duration: float


def meter(data: bytes, *input_args: str) -> Meter:
    """Measure ``data`` with ffmpeg alone (``astats``, ``silenceremove``), not with the library."""
    whole = _astats(data, input_args, "")
    active = _astats(
        data,
        input_args,
        "silenceremove=start_periods=1:start_threshold=-50dB:stop_periods=-1:"
        "stop_duration=0.2:stop_threshold=-50dB,",
    )
    with tempfile.NamedTemporaryFile() as file:  # a file, not a pipe: ffprobe needs it to tell the duration
        file.write(data)
        file.flush()
        info = subprocess.run(
            ["ffprobe", "-v", "error", *input_args, "-show_entries",
             "stream=sample_rate,channels:format=duration", "-of", "default=noprint_wrappers=1", file.name],
            check=True, capture_output=True,
        ).stdout.decode()  # fmt: skip
    fields = dict(line.split("=", 1) for line in info.split())
    return Meter(
        peak_dbfs=whole["Peak level dB"],
        rms_dbfs=whole["RMS level dB"],
        active_dbfs=active.get("RMS level dB", float("-inf")),  # nothing left after removing silence
        sample_rate=int(fields["sample_rate"]),
        channels=int(fields["channels"]),
        duration=float(fields.get("duration", "nan")),
    )


def _astats(data: bytes, input_args: tuple[str, ...], pre: str) -> dict[str, float]:
    """The overall figures ``astats`` prints for ``data`` after the filters in ``pre``."""
    result = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostats", *input_args, "-i", "pipe:0",
         "-af", f"{pre}astats=measure_perchannel=none", "-f", "null", "-"],
        input=data, check=True, capture_output=True,
    )  # fmt: skip
    figures = {}
    for name, value in re.findall(
        r"\] (Peak level dB|RMS level dB): (-?[\d.]+|-inf)", result.stderr.decode()
    ):
        figures[name] = float(value)
    return figures


class AudioTools:
    """The helpers above, handed to tests as the ``tools`` fixture (test modules cannot import conftest)."""

    RAW_ALAW = ("-f", "alaw", "-ar", "8000", "-ac", "1")
    RAW_ULAW = ("-f", "mulaw", "-ar", "8000", "-ac", "1")
    ffmpeg = staticmethod(ffmpeg)
    espeak = staticmethod(espeak)
    transcode = staticmethod(transcode)
    meter = staticmethod(meter)


@pytest.fixture(scope="session")
def tools() -> AudioTools:
    """ffmpeg, espeak-ng and the independent meter."""
    return AudioTools()


@pytest.fixture(scope="session")
def speech_wav() -> bytes:
    """A few seconds of Mandarin menu speech, 22.05 kHz mono WAV, peaks near full scale."""
    return espeak(MENU_TEXT)


@pytest.fixture(scope="session")
def uploads(speech_wav: bytes) -> dict[str, bytes]:
    """The speech as customers upload it, one file per accepted format."""
    stereo_quiet = transcode(speech_wav, "-ac", "2", "-ar", "44100", "-af", "volume=-18dB", "-f", "wav")
    return {
        "wav": stereo_quiet,
        "mp3": transcode(speech_wav, "-c:a", "libmp3lame", "-b:a", "48k", "-f", "mp3"),
        "m4a": transcode(speech_wav, "-c:a", "aac", "-b:a", "48k", "-movflags", "+faststart", "-f", "ipod"),
        "aac": transcode(speech_wav, "-c:a", "aac", "-b:a", "48k", "-f", "adts"),
        "ogg": transcode(speech_wav, "-c:a", "libvorbis", "-q:a", "2", "-f", "ogg"),
        "opus": transcode(speech_wav, "-c:a", "libopus", "-b:a", "24k", "-f", "ogg"),
        "amr": (FIXTURES / "speech.amr").read_bytes(),
    }
