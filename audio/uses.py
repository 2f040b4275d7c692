"""What a piece of audio is for, and the limits and treatment that follow from it.

Prompts (ringback, IVR prompt, voicemail greeting) are played to callers: they are trimmed, levelled
and faded so that every prompt on the network sounds alike. Voicemail messages and call recordings come
from the telephony layer and are records of a call: they are only transcoded and measured — trimming
would shift their timing against the call, and levelling would change what was actually said and heard.
A silent recording is a fact about the call (the caller said nothing), so it is kept, not refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["PromptUse", "UsePolicy"]

MB = 1024 * 1024


class PromptUse(StrEnum):
    """What an audio file will be used for; decides its limits and how it is processed."""

    RINGBACK = "ringback"
    IVR_PROMPT = "ivr_prompt"
    VOICEMAIL_GREETING = "voicemail_greeting"
    VOICEMAIL_MESSAGE = "voicemail_message"
    CALL_RECORDING = "call_recording"

    @property
    def policy(self) -> UsePolicy:
        """The limits and treatment for this use."""
        return _POLICIES[self]


@dataclass(frozen=True, slots=True)
class UsePolicy:
    """Limits and treatment of one use.

    Attributes:
        label: Chinese name of the use, for messages.
        max_seconds: longest accepted audio, after decoding (before trimming, so the customer's own
            count of their file's length is the one that matters).
        max_bytes: default upload limit; the API may pass a smaller one (e.g. what is left of a quota).
        normalise: trim silence, level to the telephone target and fade (prompts), or keep as it is.
        refuse_silence: refuse audio with no sound in it (a silent prompt is always a mistake).
    """

    label: str
    max_seconds: float
    max_bytes: int
    normalise: bool
    refuse_silence: bool


_POLICIES: dict[PromptUse, UsePolicy] = {
    PromptUse.RINGBACK: UsePolicy("彩铃", 60, 20 * MB, normalise=True, refuse_silence=True),
    PromptUse.IVR_PROMPT: UsePolicy("语音导航提示音", 300, 60 * MB, normalise=True, refuse_silence=True),
    PromptUse.VOICEMAIL_GREETING: UsePolicy("留言问候语", 60, 20 * MB, normalise=True, refuse_silence=True),
    PromptUse.VOICEMAIL_MESSAGE: UsePolicy("语音留言", 600, 50 * MB, normalise=False, refuse_silence=False),
    PromptUse.CALL_RECORDING: UsePolicy(
        "通话录音", 4 * 3600, 300 * MB, normalise=False, refuse_silence=False
    ),
}
