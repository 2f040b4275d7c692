"""Asterisk time specifications (``GotoIfTime``), parsed and checked in Python.

Asterisk silently skips a time condition it cannot parse, so a typo would quietly route every call down
the wrong branch. The renderer therefore validates every spec it emits with :func:`parse_timespec`, and
tests use :meth:`TimeSpec.matches` (Asterisk's semantics: the end minute of a range is *included*) to
prove the rendered conditions agree with the simulator minute by minute.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["TimeSpec", "TimeSpecError", "parse_timespec", "weekday_ranges"]

_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_TIME = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")
_DIGITS = re.compile(r"[0-9]{1,2}")


class TimeSpecError(ValueError):
    """A time spec Asterisk would not understand."""


@dataclass(frozen=True, slots=True)
class TimeSpec:
    """A parsed ``times,weekdays,mdays,months[,timezone]`` spec; sets hold the matching values."""

    minutes: frozenset[int]
    weekdays: frozenset[int]
    mdays: frozenset[int]
    months: frozenset[int]
    timezone: str | None

    def matches(self, when: dt.datetime) -> bool:
        """Whether Asterisk would take the branch at local time ``when`` (naive, in the spec's zone)."""
        return (
            when.hour * 60 + when.minute in self.minutes
            and when.isoweekday() in self.weekdays
            and when.day in self.mdays
            and when.month in self.months
        )


def _minutes(field: str) -> frozenset[int]:
    if field == "*":
        return frozenset(range(1440))
    start, sep, end = field.partition("-")
    ms, me = _TIME.match(start), _TIME.match(end)
    if not sep or ms is None or me is None:
        raise TimeSpecError(f"bad time range {field!r} (want HH:MM-HH:MM)")
    a = int(ms[1]) * 60 + int(ms[2])
    b = int(me[1]) * 60 + int(me[2])
    if b < a:
        raise TimeSpecError(f"time range {field!r} runs backwards; split it at midnight")
    return frozenset(range(a, b + 1))


def _names(field: str, names: tuple[str, ...], what: str) -> frozenset[int]:
    if field == "*":
        return frozenset(range(1, len(names) + 1))
    values: set[int] = set()
    for part in field.split("&"):
        start, sep, end = part.partition("-")
        if start not in names or (sep and end not in names):
            raise TimeSpecError(f"bad {what} {part!r}")
        a = names.index(start) + 1
        b = names.index(end) + 1 if sep else a
        if b < a:
            raise TimeSpecError(f"{what} range {part!r} runs backwards")
        values.update(range(a, b + 1))
    return frozenset(values)


def _mdays(field: str) -> frozenset[int]:
    if field == "*":
        return frozenset(range(1, 32))
    values: set[int] = set()
    for part in field.split("&"):
        start, sep, end = part.partition("-")
        if not _DIGITS.fullmatch(start) or (sep and not _DIGITS.fullmatch(end)):
            raise TimeSpecError(f"bad day of month {part!r}")
        a, b = int(start), int(end) if sep else int(start)
        if not 1 <= a <= b <= 31:
            raise TimeSpecError(f"bad day of month {part!r}")
        values.update(range(a, b + 1))
    return frozenset(values)


@lru_cache(maxsize=4096)
def parse_timespec(spec: str) -> TimeSpec:
    """Parse ``"08:30-17:29,mon-fri,*,*,Asia/Shanghai"``.

    Raises:
        TimeSpecError: for anything Asterisk would reject or misread.
    """
    parts = spec.split(",")
    if len(parts) not in (4, 5):
        raise TimeSpecError(f"time spec {spec!r} needs 4 or 5 comma-separated fields")
    timezone = parts[4] if len(parts) == 5 else None
    if timezone is not None:
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise TimeSpecError(f"unknown time zone {timezone!r}") from exc
    return TimeSpec(
        _minutes(parts[0]),
        _names(parts[1], _DAYS, "weekday"),
        _mdays(parts[2]),
        _names(parts[3], _MONTHS, "month"),
        timezone,
    )


def weekday_ranges(days: list[int] | tuple[int, ...]) -> list[str]:
    """ISO weekdays as Asterisk ranges, e.g. [1, 2, 3, 4, 5, 7] → ["mon-fri", "sun"]."""
    ordered = sorted(set(days))
    if len(ordered) == 7:
        return ["*"]
    out: list[str] = []
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        a, b = _DAYS[ordered[i] - 1], _DAYS[ordered[j] - 1]
        out.append(a if i == j else f"{a}-{b}")
        i = j + 1
    return out
