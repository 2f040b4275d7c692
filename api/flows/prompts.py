"""Which prompts and ringback tones a flow of an account may reference."""

from __future__ import annotations

from api.media.usage import playable_prompts
from ivr_flows import AnalysisContext

__all__ = ["analysis_context"]


async def analysis_context(account_id: int) -> AnalysisContext:
    """The prompts that exist for ``account_id`` and the ringback tones that passed review (R16).

    Filled from the media library (``api/media/``): prompt ids are ``media-<id>`` of the account's live
    items, leaving out ringback tones still pending or rejected, so publishing refuses them
    (``prompt_missing`` / ``ringback_not_approved``); text-to-speech prompts need no file and pass.
    """
    prompts, ringbacks = await playable_prompts(account_id)
    return AnalysisContext(prompts=prompts, approved_ringbacks=ringbacks)
