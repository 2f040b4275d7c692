"""The level meter: known signals give known levels; pauses do not count; gain shifts levels exactly."""

from __future__ import annotations

import math
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audio.levels import frame_levels, measure
from audio.normalize import LIMIT_DBFS, limiter_loss_db, plan_levels
from audio.segments import AudioSegment


def tone(amplitude: float, seconds: float, frequency: float = 440.0) -> list[int]:
    """s32 samples of a sine at ``amplitude`` (1.0 = full scale), 8 kHz."""
    full = 2**31 - 1
    return [
        round(amplitude * full * math.sin(2 * math.pi * frequency * n / 8000))
        for n in range(int(seconds * 8000))
    ]


def segment(samples: list[int]) -> AudioSegment:
    return AudioSegment(data=array("i", samples).tobytes(), sample_width=4, frame_rate=8000, channels=1)


def test_sine_level_and_peak() -> None:
    levels = measure(segment(tone(0.1, 1.0)))
    assert levels.peak_dbfs == pytest.approx(-20.0, abs=0.01)
    assert levels.active_dbfs == pytest.approx(-23.01, abs=0.05)  # RMS of a sine is 3.01 dB below its peak


def test_pauses_do_not_count() -> None:
    talk = tone(0.1, 0.5)
    pause = [0] * 4000
    levels = measure(segment(talk + pause + talk + pause + pause + talk))
    # 1.5 s of tone, plus P.56's 200 ms hangover after each of the first two bursts; the 2.5 s of
    # pauses beyond the hangover do not count. Counting everything would give -23.01 - 4.3 dB.
    assert levels.active_dbfs == pytest.approx(-23.01 + 10 * math.log10(1.5 / 1.9), abs=0.05)
    assert 0.4 < levels.active_ratio < 0.7


def test_silence_is_silent() -> None:
    assert measure(segment([0] * 8000)).silent
    assert measure(segment([])).silent


@settings(max_examples=25, deadline=None)
@given(amplitude=st.floats(0.05, 0.5), gain_db=st.floats(-12, 5))  # stays above the -60 dBFS silence floor
def test_gain_shifts_the_active_level_by_exactly_the_gain(amplitude: float, gain_db: float) -> None:
    samples = tone(amplitude, 0.3) + [0] * 1600 + tone(amplitude / 3, 0.3, 1000)
    base = measure(segment(samples))
    scaled = measure(segment([round(s * 10 ** (gain_db / 20)) for s in samples]))
    assert base.active_dbfs is not None and scaled.active_dbfs is not None
    assert scaled.active_dbfs - base.active_dbfs == pytest.approx(gain_db, abs=0.05)


def test_limiter_only_when_peaks_would_pass_the_ceiling() -> None:
    gentle = segment(tone(0.1, 1.0))  # crest factor 3 dB: gain to target leaves peaks far below
    assert not plan_levels(measure(gentle), frame_levels(gentle)).limit
    spiky_samples = tone(0.02, 1.0)
    spiky_samples[4000] = 2**31 - 1  # one full-scale click
    spiky = segment(spiky_samples)
    plan = plan_levels(measure(spiky), frame_levels(spiky))
    assert plan.limit
    assert limiter_loss_db(frame_levels(spiky), -60, plan.gain_db) >= 0
    assert LIMIT_DBFS < -3
