"""Tones the platform makes for Asterisk (the voicemail beep): right length, pitch and level, same bytes."""

from __future__ import annotations

import array
import itertools
import math

import pytest

from audio.formats import OutputKind
from audio.runner import run_tool
from audio.tones import tone


def linear(data: bytes, kind: OutputKind) -> array.array[int]:
    fmt = "alaw" if kind is OutputKind.ALAW else "mulaw"
    args = ["-v", "error", "-f", fmt, "-ar", "8000", "-ac", "1", "-i", "pipe:0", "-f", "s16le", "pipe:1"]
    result = run_tool("ffmpeg", args, input_data=data, timeout=30)
    assert result.returncode == 0, result.stderr
    return array.array("h", result.stdout)


@pytest.mark.parametrize("kind", [OutputKind.ALAW, OutputKind.ULAW])
def test_a_beep_has_its_length_pitch_and_level_and_is_made_the_same_every_time(kind: OutputKind) -> None:
    data = tone(1000, 0.25, kind, level_dbfs=-12)
    assert len(data) == 2000  # 0.25 s of 8 kHz, one byte a sample
    assert tone(1000, 0.25, kind, level_dbfs=-12) == data
    samples = linear(data, kind)
    peak_dbfs = 20 * math.log10(max(abs(s) for s in samples) / 32768)
    assert -12.5 < peak_dbfs < -11.5
    crossings = sum(1 for a, b in itertools.pairwise(samples) if (a < 0) != (b < 0))
    assert 490 <= crossings <= 510  # 1 kHz: two crossings a period, 250 periods


@pytest.mark.parametrize(
    ("frequency", "seconds", "kind", "level"),
    [
        (4000, 0.25, OutputKind.ALAW, -12.0),
        (1000, 0.001, OutputKind.ALAW, -12.0),
        (1000, 11, OutputKind.ALAW, -12.0),
        (1000, 0.25, OutputKind.ALAW, 3.0),
        (1000, 0.25, OutputKind.PREVIEW, -12.0),
    ],
)
def test_tones_outside_what_a_phone_line_carries_are_refused(
    frequency: float, seconds: float, kind: OutputKind, level: float
) -> None:
    with pytest.raises(ValueError):
        tone(frequency, seconds, kind, level_dbfs=level)
