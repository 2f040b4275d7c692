"""What flows are analysed and compiled against: an account's playable prompts and the holiday table.

Loaded once per pipeline operation (``pipeline.py``) however many numbers and analyses it serves.
"""

from __future__ import annotations

from api.media.usage import playable_prompts
from api.numbers.models import HolidayOverride
from ivr_flows import AnalysisContext, CalendarDay

__all__ = ["analysis_context", "holiday_calendar"]


async def analysis_context(account_id: int, *, publishing: bool = False) -> AnalysisContext:
    """The prompts that exist for ``account_id`` and the ringback tones that passed review (R16).

    Filled from the media library (``api/media/``): prompt ids are ``media-<id>`` of the account's live
    items, leaving out ringback tones still pending or rejected, so publishing refuses them
    (``prompt_missing`` / ``ringback_not_approved``); text-to-speech prompts need no file and pass.
    ``publishing`` is for a draft about to become a new version: R15's list entries no caller can match
    are refused there, while versions already published keep compiling (``AnalysisContext.publishing``).
    """
    prompts, ringbacks = await playable_prompts(account_id)
    return AnalysisContext(prompts=prompts, approved_ringbacks=ringbacks, publishing=publishing)


async def holiday_calendar() -> list[CalendarDay]:
    """The operator's holiday overrides (holidays and make-up workdays), which every plan carries."""
    return [
        CalendarDay(day=h.day, workday=h.workday, name=h.name[:40])
        for h in await HolidayOverride.all().order_by("day")
    ]
