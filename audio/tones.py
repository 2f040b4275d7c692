"""Plain tones in the telephony formats, e.g. the beep a caller hears before leaving a voicemail message.

Asterisk plays its own sound files at a few points (``beep`` before recording a message); our build
installs no sound packages, so the platform makes these files itself, with ffmpeg, exactly (``bitexact``:
the same tone always gives the same bytes, so the telephony agent can compare files).
"""

from __future__ import annotations

import subprocess

from audio.errors import AudioToolError
from audio.formats import OutputKind
from audio.runner import run_tool
from audio.segments import SAMPLE_RATE

__all__ = ["tone"]

_CODECS = {
    OutputKind.ALAW: ["-c:a", "pcm_alaw", "-f", "alaw"],
    OutputKind.ULAW: ["-c:a", "pcm_mulaw", "-f", "mulaw"],
}


def tone(frequency_hz: float, seconds: float, kind: OutputKind, *, level_dbfs: float = -12.0) -> bytes:
    """A sine tone at 8 kHz in ``kind`` (headerless A-law or µ-law, as Asterisk reads them), its peak at
    ``level_dbfs``.

    Raises:
        ValueError: a frequency above the 8 kHz Nyquist limit, a length outside 10 ms–10 s, a level above
            full scale, or a delivered kind that is not a telephony format.
        AudioToolError: ffmpeg failed.
    """
    if not 0 < frequency_hz < SAMPLE_RATE / 2:
        raise ValueError(f"frequency must be between 0 and {SAMPLE_RATE // 2} Hz")
    if not 0.01 <= seconds <= 10:
        raise ValueError("a tone lasts from 10 ms to 10 s")
    if level_dbfs > 0:
        raise ValueError("level must be at most 0 dBFS")
    if kind not in _CODECS:
        raise ValueError(f"no tone in {kind.value}")
    source = f"sine=frequency={frequency_hz:g}:sample_rate={SAMPLE_RATE}:duration={seconds:g}"
    # lavfi's sine peaks at 1/8 of full scale (-18.06 dBFS): lift it to the level asked for.
    gain_db = level_dbfs + 18.0618
    args = [
        "-hide_banner", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", source,
        "-af", f"volume={gain_db:.4f}dB:precision=double", "-ac", "1", "-ar", str(SAMPLE_RATE),
        "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:a", "+bitexact", *_CODECS[kind], "pipe:1",
    ]  # fmt: skip
    try:
        result = run_tool("ffmpeg", args, timeout=30)
    except subprocess.TimeoutExpired as exc:
        raise AudioToolError("ffmpeg timed out making a tone") from exc
    if result.returncode != 0 or not result.stdout:
        raise AudioToolError(f"ffmpeg failed making a tone ({result.returncode}): {result.stderr}")
    return result.stdout
