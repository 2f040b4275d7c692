"""Measuring speech: frame levels, active speech level, peak.

The telephone target is a level of *active speech*: pauses between words do not count, otherwise a
slow speaker would be turned up and a fast one down. This is a frame-based version of ITU-T P.56
method B: with 10 ms frames, a frame is active when its RMS is above a threshold or was within the
last 200 ms (hangover, so word endings count); the active level is the mean power of the active
frames; the threshold is chosen so that it sits 15.9 dB below the resulting active level (P.56's
margin M). The bisection converges in a dozen passes over the frames, so a minute of audio is measured
in a few milliseconds.

All levels are dBFS with a full-scale *square* wave at 0 dB (a full-scale sine is −3.01 dBFS): the
convention of pydub and of ffmpeg's ``astats``, which the tests use as an independent meter.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from audio.segments import AudioSegment, audioop

__all__ = ["FRAME_MS", "Frames", "SpeechLevels", "db", "frame_levels", "full_scale_of", "measure"]

FRAME_MS = 10
HANGOVER_FRAMES = 20  # 200 ms
MARGIN_DB = 15.9
SILENCE_DBFS = -60.0  # loudest 10 ms below this: nothing worth hearing (a quiet line's noise floor)
FLOOR_DB = -150.0


@dataclass(frozen=True, slots=True)
class SpeechLevels:
    """Levels of a segment.

    Attributes:
        peak_dbfs: highest absolute sample value.
        active_dbfs: active speech level, or ``None`` when the segment is silent.
        threshold_dbfs: frame level that separated speech from pauses, or ``None`` when silent.
        active_ratio: share of frames counted as active speech (0 when silent).
    """

    peak_dbfs: float
    active_dbfs: float | None
    threshold_dbfs: float | None
    active_ratio: float

    @property
    def silent(self) -> bool:
        """Nothing in the segment rises above the noise floor of a quiet line."""
        return self.active_dbfs is None


def db(power_ratio: float) -> float:
    """A power ratio relative to full scale as decibels, floored so silence is a number, not −inf."""
    return 10 * math.log10(power_ratio) if power_ratio > 0 else FLOOR_DB


@dataclass(frozen=True, slots=True)
class Frames:
    """Per-10 ms-frame measurements, relative to full scale.

    Attributes:
        powers: mean power of each frame (1.0 = full-scale square wave).
        peaks: highest absolute sample of each frame (1.0 = full scale).
    """

    powers: list[float]
    peaks: list[float]


def frame_levels(segment: AudioSegment) -> Frames:
    """Mean power and peak of each whole 10 ms frame of ``segment``."""
    # pydub's own C helpers on byte slices: slicing AudioSegments would copy each frame twice.
    width = segment.sample_width
    step = segment.frame_rate * FRAME_MS // 1000 * width
    full_scale = full_scale_of(segment)
    raw = memoryview(segment.raw_data)
    powers = []
    peaks = []
    for start in range(0, len(raw) - step + 1, step):
        frame = raw[start : start + step]
        powers.append((audioop.rms(frame, width) / full_scale) ** 2)
        peaks.append(audioop.max(frame, width) / full_scale)
    return Frames(powers, peaks)


def full_scale_of(segment: AudioSegment) -> float:
    """The largest sample magnitude of ``segment``'s sample width (2**15 for 16-bit)."""
    return float(2 ** (8 * segment.sample_width - 1))


def measure(segment: AudioSegment, frames: Frames | None = None) -> SpeechLevels:
    """Peak and active speech level of a mono ``segment`` of any sample width."""
    powers = (frames or frame_levels(segment)).powers
    peak = db((segment.max / full_scale_of(segment)) ** 2) if len(segment.raw_data) else FLOOR_DB
    loudest = max(powers, default=0.0)
    if db(loudest) < SILENCE_DBFS:
        return SpeechLevels(peak, None, None, 0.0)
    low, high = SILENCE_DBFS - MARGIN_DB, db(loudest)
    active_db, threshold_db, ratio = _active_level(powers, low)
    for _ in range(24):
        middle = (low + high) / 2
        level, _, share = _active_level(powers, middle)
        if level - middle > MARGIN_DB:
            low = middle
            active_db, threshold_db, ratio = level, middle, share
        else:
            high = middle
        if high - low < 0.01:
            break
    return SpeechLevels(peak, active_db, threshold_db, ratio)


def _active_level(powers: list[float], threshold_db: float) -> tuple[float, float, float]:
    """Active level (dB) of ``powers`` with frames gated at ``threshold_db``, and the active share."""
    threshold = 10 ** (threshold_db / 10)
    since_loud = HANGOVER_FRAMES + 1
    total = 0.0
    count = 0
    for power in powers:
        since_loud = 0 if power >= threshold else since_loud + 1
        if since_loud <= HANGOVER_FRAMES:
            total += power
            count += 1
    if count == 0:
        return FLOOR_DB, threshold_db, 0.0
    return db(total / count), threshold_db, count / len(powers)
