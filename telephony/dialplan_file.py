"""The include file of rendered plans: every number's contexts in one text, replaced atomically.

Asterisk reads ``extensions.conf`` on a reload, including whatever file the agent's ``#include`` names;
the text is replaced whole (:mod:`telephony.files`) and only when it changed, so Asterisk is only
reloaded then.
Plans are rendered here, not fetched as text, because the channel template, sounds directory and the other
:class:`ivr_flows.AsteriskOptions` are the node's own deployment details.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ivr_flows import AsteriskOptions, Dialplan, render_asterisk

__all__ = ["render_plans"]

HEADER = "; Written by the hotline400 telephony agent; replaced whole on every change. Do not edit.\n"


def render_plans(plans: Iterable[Dialplan], options: AsteriskOptions | None = None) -> str:
    """The contexts of every plan, ordered by number, without ``[general]``: deterministic text."""
    opts = dataclasses.replace(options or AsteriskOptions(), standalone=False)
    return HEADER + "".join(render_asterisk(plan, opts) for plan in sorted(plans, key=lambda p: p.number))
