"""The include file of rendered plans: every number's contexts in one text, replaced atomically.

Asterisk reads ``extensions.conf`` on a reload, including whatever file the agent's ``#include`` names. A
reader must never see half a file, so the text is written to a temporary file beside it, flushed to disk
and renamed over the old one; and it is only written (and Asterisk only reloaded) when it changed.
Plans are rendered here, not fetched as text, because the channel template, sounds directory and the other
:class:`ivr_flows.AsteriskOptions` are the node's own deployment details.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from pathlib import Path

from ivr_flows import AsteriskOptions, Dialplan, render_asterisk

__all__ = ["render_plans", "replace_file"]

HEADER = "; Written by the hotline400 telephony agent; replaced whole on every change. Do not edit.\n"


def render_plans(plans: Iterable[Dialplan], options: AsteriskOptions | None = None) -> str:
    """The contexts of every plan, ordered by number, without ``[general]``: deterministic text."""
    opts = dataclasses.replace(options or AsteriskOptions(), standalone=False)
    return HEADER + "".join(render_asterisk(plan, opts) for plan in sorted(plans, key=lambda p: p.number))


def replace_file(path: Path, text: str) -> bool:
    """Make ``path`` hold ``text``; returns False, writing nothing, when it already does.

    The old file stays in place until the new one is complete on disk (write, fsync, rename).
    """
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    return True
