"""The one source of "now", so tests and lifecycle jobs can move the clock."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

__all__ = ["SHANGHAI", "set_clock", "to_local", "utcnow"]

SHANGHAI = ZoneInfo("Asia/Shanghai")
_offset = dt.timedelta(0)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC) + _offset


def set_clock(offset: dt.timedelta) -> None:
    """Shift the service's clock (tests and demos only)."""
    global _offset
    _offset = offset


def to_local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(SHANGHAI)
