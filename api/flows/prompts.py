"""Which prompts and ringback tones a flow of an account may reference."""

from __future__ import annotations

from ivr_flows import AnalysisContext

__all__ = ["analysis_context"]


async def analysis_context(account_id: int) -> AnalysisContext:
    """The prompts that exist for ``account_id`` and the ringback tones that passed review (R16).

    The media library (issue 5, ``api/media/``) fills this from its rows. Until it exists an account has
    no prompts and no approved ringbacks, so publishing refuses any reference to an uploaded prompt
    (``prompt_missing`` / ``ringback_not_approved``); text-to-speech prompts need no file and pass.
    """
    del account_id
    return AnalysisContext(prompts=frozenset(), approved_ringbacks=frozenset())
