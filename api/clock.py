"""The one source of "now", so tests and lifecycle jobs can move the clock."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

__all__ = ["SHANGHAI", "set_clock", "start_clock_at", "to_local", "utcnow"]

SHANGHAI = ZoneInfo("Asia/Shanghai")
_offset = dt.timedelta(0)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC) + _offset


def set_clock(offset: dt.timedelta) -> None:
    """Shift the service's clock (tests and demos only)."""
    global _offset
    _offset = offset


def start_clock_at(moment: dt.datetime) -> None:
    """Make "now" read ``moment`` from here on, the clock running on at its normal pace (tests, demos)."""
    set_clock(moment - dt.datetime.now(dt.UTC))


def to_local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(SHANGHAI)
