"""Making a prompt sound like every other prompt on the network.

The plan is computed here from the decoded samples; the sample-level work is split by cost and
precision. pydub trims (slicing) and fades (short ramps at the cut points, so a cut does not click);
the gain and, when it is needed, the peak limiter run inside the encoding ffmpeg process in double
precision (see :mod:`audio.encode`), because a +30 dB gain applied to integers would clip before any
limiter could catch the peaks.

Target: active speech at −22 dBFS RMS (≈ −19 dBm0, the level RFC 7874 recommends for speech on the
telephone network), peaks at or below −3 dBFS. Speech has a crest factor of about 12–20 dB, so most
prompts reach the target with gain alone; the limiter only touches prompts with sharper peaks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from audio.levels import FRAME_MS, SILENCE_DBFS, Frames, SpeechLevels, db
from audio.segments import AudioSegment

__all__ = [
    "LIMIT_DBFS",
    "PEAK_CEILING_DBFS",
    "TARGET_DBFS",
    "TOLERANCE_DB",
    "LevelPlan",
    "limiter_loss_db",
    "plan_levels",
    "trim_and_fade",
]

TARGET_DBFS = -22.0
TOLERANCE_DB = 1.0
PEAK_CEILING_DBFS = -3.0
# The limiter aims a little lower than the ceiling: G.711 companding and the limiter's own overshoot
# can each add a few tenths of a dB to the peak.
LIMIT_DBFS = -3.5
TRIM_BELOW_THRESHOLD_DB = 10.0  # frames this far below the speech/pause threshold are silence to cut
LEAD_MS = 50  # keep a little of the silence before the first word, so its onset is not cut
TAIL_MS = 100  # and a little more after the last, where words decay
FADE_IN_MS = 10
FADE_OUT_MS = 30
RELEASE_FRAMES = 5  # the limiter's 50 ms release, in 10 ms frames
LOSS_ITERATIONS = 3


@dataclass(frozen=True, slots=True)
class LevelPlan:
    """Gain and limiting to apply to a trimmed prompt.

    Attributes:
        gain_db: gain that brings active speech to the target.
        limit: whether peaks after the gain would pass the ceiling, so the limiter must run.
    """

    gain_db: float
    limit: bool


def trim_and_fade(segment: AudioSegment, frames: Frames, levels: SpeechLevels) -> tuple[AudioSegment, float]:
    """Cut leading and trailing silence (keeping short margins) and fade the cut edges.

    Returns the trimmed segment and how many seconds were cut from its start, which the caller reports
    so an editor can show where the prompt now begins.
    """
    if levels.threshold_dbfs is None:
        return segment, 0.0
    cut_db = max(levels.threshold_dbfs - TRIM_BELOW_THRESHOLD_DB, SILENCE_DBFS)
    loud = [index for index, power in enumerate(frames.powers) if db(power) >= cut_db]
    start_ms = max(0, loud[0] * FRAME_MS - LEAD_MS)
    end_ms = min(len(segment), (loud[-1] + 1) * FRAME_MS + TAIL_MS)
    trimmed = segment[start_ms:end_ms]
    fade_in = min(FADE_IN_MS, len(trimmed) // 4)
    fade_out = min(FADE_OUT_MS, len(trimmed) // 4)
    if fade_in:
        trimmed = trimmed.fade_in(fade_in)
    if fade_out:
        trimmed = trimmed.fade_out(fade_out)
    return trimmed, start_ms / 1000


def plan_levels(levels: SpeechLevels, frames: Frames) -> LevelPlan:
    """The gain to the target level, and whether the resulting peaks need the limiter.

    When the limiter must run it takes some power out of the loudest frames; the gain is raised by an
    estimate of that loss (see :func:`limiter_loss_db`), so that one encoding pass usually lands on the
    target instead of needing a second, corrected one.
    """
    if levels.active_dbfs is None or levels.threshold_dbfs is None:
        return LevelPlan(0.0, limit=False)
    gain = TARGET_DBFS - levels.active_dbfs
    if levels.peak_dbfs + gain <= LIMIT_DBFS:
        return LevelPlan(gain_db=gain, limit=False)
    compensation = 0.0
    for _ in range(LOSS_ITERATIONS):
        compensation = limiter_loss_db(frames, levels.threshold_dbfs, gain + compensation)
    return LevelPlan(gain_db=gain + compensation, limit=True)


def limiter_loss_db(frames: Frames, threshold_dbfs: float, gain_db: float) -> float:
    """Estimate how much the limiter lowers the active level after ``gain_db``.

    Each frame whose peak would pass the limit is assumed turned down just enough, and — because the
    limiter releases over ~50 ms — so are the few frames after it. Only frames above the speech/pause
    threshold count, as in the level measurement.
    """
    limit = 10 ** (LIMIT_DBFS / 20) / 10 ** (gain_db / 20)
    threshold = 10 ** (threshold_dbfs / 10)
    # Reduction of each frame, held over the release: sparse, since few frames reach the limit.
    reduction = [1.0] * len(frames.powers)
    for index, peak in enumerate(frames.peaks):
        if peak > limit:
            factor = limit / peak
            for held in range(max(0, index - 1), min(len(reduction), index + RELEASE_FRAMES + 1)):
                reduction[held] = min(reduction[held], factor)
    before = after = 0.0
    for power, factor in zip(frames.powers, reduction, strict=True):
        if power >= threshold:
            before += power
            after += power * factor * factor
    if after <= 0:
        return 0.0
    return 10 * math.log10(before / after)
