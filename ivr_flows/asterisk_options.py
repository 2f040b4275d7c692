"""What a node's deployment adds to a plan when it is rendered for Asterisk.

The renderer and the per-step translation both read these options, so they sit in a module of their own
that neither of them owns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .asterisk_syntax import RenderError

__all__ = ["AsteriskOptions"]

_CHANNEL = re.compile(r"^[A-Za-z0-9/_.@:-]*\{number\}[A-Za-z0-9/_.@:-]*$")
_PREFIX = re.compile(r"^[a-z][a-z0-9_-]{0,30}$")


@dataclass(frozen=True)
class AsteriskOptions:
    """Deployment details the plan does not know.

    Attributes:
        channel: how to reach a bound number; ``{number}`` becomes its national digits.
        context_prefix: contexts are named ``<prefix>-<400 number>``.
        sound_dir: sounds sub-directory holding prompt files named by :func:`asterisk_prompt_name`.
        voicemail_context: the voicemail.conf context of the mailboxes.
        area_db_family: AstDB family mapping a 7-digit mobile segment to its area code.
        moh_prefix: musiconhold class prefix for ringback tones (彩铃) played while bound phones ring.
        allowance_db_family: AstDB family holding each 400 number's call allowance in seconds (what the
            prepaid balance covers, written by the telephony agent). Empty: no allowance is read and the
            output is exactly what it is without one. Set: a plan that dials reads the key once on entry;
            a missing key means no limit, 0 means the balance is exhausted (the caller hears
            ``sys-suspended``, nobody rings), anything else limits every bridged call with ``S(seconds)``.
        agi_address: where the telephony agent answers FastAGI for HTTP request steps.
        standalone: emit ``[general]`` and ``[globals]`` so the output is a complete extensions.conf.
    """

    channel: str = "PJSIP/{number}@carrier"
    context_prefix: str = "hotline"
    sound_dir: str = "hotline"
    voicemail_context: str = "hotline"
    area_db_family: str = "cnarea"
    moh_prefix: str = "ringback-"
    allowance_db_family: str = ""
    standalone: bool = True
    #: Where the telephony agent answers FastAGI (``host:port``): HTTP request steps ask it.
    agi_address: str = "127.0.0.1:4573"

    def check(self) -> None:
        if not _CHANNEL.match(self.channel):
            raise RenderError(
                f"channel template {self.channel!r} must contain {{number}} and only [A-Za-z0-9/_.@:-]"
            )
        for name in ("context_prefix", "sound_dir", "voicemail_context", "area_db_family"):
            if not _PREFIX.match(getattr(self, name)):
                raise RenderError(f"{name} {getattr(self, name)!r} must match {_PREFIX.pattern}")
        if self.allowance_db_family and not _PREFIX.match(self.allowance_db_family):
            raise RenderError(
                f"allowance_db_family {self.allowance_db_family!r} must be empty or match {_PREFIX.pattern}"
            )
        if not re.fullmatch(r"[A-Za-z0-9.\-]{1,253}:[0-9]{1,5}", self.agi_address):
            raise RenderError(f"agi_address {self.agi_address!r} must be host:port")
        if not re.fullmatch(r"[a-z0-9_-]{0,20}", self.moh_prefix):
            raise RenderError(f"moh_prefix {self.moh_prefix!r} must match [a-z0-9_-]{{0,20}}")
