"""Audio for the API tests, made on the spot with espeak-ng and ffmpeg, and an independent level meter."""

from __future__ import annotations

import functools
import re
import subprocess
import tempfile
from pathlib import Path


def ffmpeg(*args: str, data: bytes | None = None) -> bytes:
    command = ["ffmpeg", "-hide_banner", "-nostdin", "-v", "error", *args]
    return subprocess.run(command, input=data, check=True, capture_output=True).stdout


@functools.cache
def speech_wav(text: str = "欢迎致电,查号请拨1,值班请拨2") -> bytes:
    """Mandarin speech from espeak-ng, 22.05 kHz WAV."""
    return subprocess.run(
        ["espeak-ng", "-v", "cmn", "-b", "1", "--stdout", text], check=True, capture_output=True
    ).stdout


@functools.cache
def speech_mp3(text: str = "欢迎致电,您的电话正在接通,请稍候") -> bytes:
    """Speech as a 44.1 kHz stereo MP3, the way customers' ringback files usually come."""
    return encode(speech_wav(text), "-ar", "44100", "-ac", "2", "-b:a", "128k", "-f", "mp3")


def encode(wav: bytes, *args: str) -> bytes:
    with tempfile.TemporaryDirectory() as workdir:
        target = Path(workdir) / "out"
        ffmpeg("-i", "pipe:0", *args, str(target), data=wav)
        return target.read_bytes()


@functools.cache
def tone_wav(seconds: float, frequency: int = 440) -> bytes:
    """A tone with a 2 Hz tremolo (not silence, so prompts accept it), 16 kHz mono WAV."""
    return ffmpeg(
        "-f", "lavfi", "-i", f"sine=frequency={frequency}:duration={seconds}:sample_rate=16000",
        "-af", "tremolo=f=2:d=0.7", "-f", "wav", "pipe:1",
    )  # fmt: skip


@functools.cache
def silence_wav(seconds: float) -> bytes:
    return ffmpeg(
        "-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", str(seconds), "-f", "wav", "pipe:1"
    )  # fmt: skip


def probe(data: bytes, *input_args: str) -> dict[str, str]:
    """ffprobe's stream facts (sample_rate, channels, codec_name) of a file."""
    with tempfile.NamedTemporaryFile() as file:
        file.write(data)
        file.flush()
        out = subprocess.run(
            ["ffprobe", "-v", "error", *input_args, "-show_entries", "stream=sample_rate,channels,codec_name",
             "-of", "default=noprint_wrappers=1", file.name],
            check=True, capture_output=True,
        ).stdout.decode()  # fmt: skip
    return dict(line.split("=", 1) for line in out.split())


def active_level_dbfs(data: bytes, *input_args: str) -> float:
    """RMS after ffmpeg's ``silenceremove`` drops the pauses: the active speech level, by ffmpeg alone."""
    result = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostats", *input_args, "-i", "pipe:0", "-af",
         "silenceremove=start_periods=1:start_threshold=-50dB:stop_periods=-1:stop_duration=0.2:"
         "stop_threshold=-50dB,astats=measure_perchannel=none", "-f", "null", "-"],
        input=data, check=True, capture_output=True,
    )  # fmt: skip
    match = re.search(r"\] RMS level dB: (-?[\d.]+)", result.stderr.decode())
    assert match, result.stderr.decode()
    return float(match.group(1))


RAW_ULAW = ("-f", "mulaw", "-ar", "8000", "-ac", "1")
RAW_ALAW = ("-f", "alaw", "-ar", "8000", "-ac", "1")
