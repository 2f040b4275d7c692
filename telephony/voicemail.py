"""The mailboxes the plans leave messages in, as a ``voicemail.conf`` context the node includes.

Every voicemail step of a plan names a mailbox (the 400 number unless the flow chose another) and the
longest message it takes; app_voicemail needs the mailbox to exist and reads the limit from the mailbox's
``maxsecs`` option (the rendered ``VoiceMail()`` only carries it as a comment). Callers never log in to a
mailbox (no plan reaches ``VoiceMailMain``; messages go to the service), yet a mailbox needs a password:
each gets digits derived from the node's telephony token, stable across renders and not guessable.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

from ivr_flows import AsteriskOptions, Dialplan, asterisk_prompt_name

__all__ = ["mailboxes", "render_voicemail"]

HEADER = "; Written by the hotline400 telephony agent: one mailbox per number. Replaced whole. Do not edit.\n"


def mailboxes(plans: Iterable[Dialplan]) -> dict[str, int]:
    """Mailbox (as the dialplan names it) → the longest message any voicemail step allows, seconds."""
    found: dict[str, int] = {}
    for plan in plans:
        for step in plan.steps:
            if step.op == "voicemail":
                box = asterisk_prompt_name(str(step.args["mailbox"]))
                found[box] = max(found.get(box, 0), int(step.args["max_length_s"]))
    return found


def render_voicemail(plans: Iterable[Dialplan], options: AsteriskOptions, secret: str) -> str:
    """The ``[<voicemail_context>]`` section with every mailbox, ordered: deterministic text."""
    lines = [HEADER, f"[{options.voicemail_context}]"]
    for box, max_s in sorted(mailboxes(plans).items()):
        digest = hmac.new(secret.encode(), box.encode(), hashlib.sha256).hexdigest()
        password = str(int(digest[:15], 16))[-8:].zfill(8)
        lines.append(f"{box} => {password},{box},,,maxsecs={max_s}")
    return "\n".join(lines) + "\n"
