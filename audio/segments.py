"""pydub's :class:`AudioSegment`, imported once and cleanly, and the sample format the pipeline uses.

On Python 3.11 and 3.12 pydub imports the standard library's ``audioop``, which raises a
``DeprecationWarning`` on import (it is removed in 3.13, where the ``audioop-lts`` package provides it).
The project runs its tests with warnings as errors, so the import is wrapped here, narrowly: only this
import, only ``DeprecationWarning``/``SyntaxWarning`` (pydub also has invalid escape sequences that
newer Pythons report when compiling it). Every module of the library imports pydub from here.

The pipeline keeps samples as 8 kHz mono signed 32-bit integers between ffmpeg runs: enough headroom
that a +30 dB gain on a quiet recording does not amplify 16-bit quantisation noise, and a width
pydub's C helpers (``rms``, ``max``, gain, fades) handle natively.
"""

from __future__ import annotations

import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    warnings.simplefilter("ignore", SyntaxWarning)
    import audioop  # the C sample helpers pydub itself uses (stdlib, or audioop-lts from 3.13 on)

    from pydub import AudioSegment

__all__ = ["FULL_SCALE", "SAMPLE_RATE", "SAMPLE_WIDTH", "AudioSegment", "audioop", "segment_from_pcm"]

SAMPLE_RATE = 8000
SAMPLE_WIDTH = 4
FULL_SCALE = float(2 ** (8 * SAMPLE_WIDTH - 1))


def segment_from_pcm(pcm: bytes) -> AudioSegment:
    """Wrap raw 8 kHz mono s32le samples (as ffmpeg writes them) in an :class:`AudioSegment`."""
    usable = len(pcm) - len(pcm) % SAMPLE_WIDTH
    return AudioSegment(data=pcm[:usable], sample_width=SAMPLE_WIDTH, frame_rate=SAMPLE_RATE, channels=1)
