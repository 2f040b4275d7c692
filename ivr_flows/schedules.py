"""Weekly schedules for time switches (R13): windows, dated exceptions, holidays and make-up workdays.

Designers write windows the way the provider FAQ does ("周一至周五08:30-17:30 周六08:30-12:00"). The compiler
flattens them into *segments* — (weekdays, start minute, end minute), half-open, never across midnight —
because that is what both the simulator and Asterisk's ``GotoIfTime`` can evaluate without surprises.
A window whose end is not after its start runs across midnight and is split in two.

Days are classified once per call against a day table compiled from :class:`WorkCalendar` (statutory
holidays and make-up workdays 调休, plus operator overrides): on a holiday the switch is closed; on a
make-up workday it uses the windows of ``makeup_weekday`` (Monday by default). A dated exception replaces
everything for its date. All times are local Asia/Shanghai time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .calendar import WorkCalendar

__all__ = [
    "TIMEZONE",
    "DateException",
    "DayKind",
    "Schedule",
    "Segment",
    "TimeRange",
    "Window",
    "compile_windows",
    "day_kinds",
    "evaluate",
    "makeup_ranges",
    "overlapping_windows",
    "to_minutes",
]

TIMEZONE = "Asia/Shanghai"
DayKind = Literal["holiday", "workday"]

HHMM = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", examples=["08:30"])]
HHMM_END = Annotated[str, Field(pattern=r"^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$", examples=["17:30"])]
Weekday = Annotated[int, Field(ge=1, le=7, description="ISO weekday: 1 = Monday … 7 = Sunday")]

_FROZEN = ConfigDict(extra="forbid", frozen=True)


class Window(BaseModel):
    """A weekly window, e.g. Mon–Fri 08:30–17:30. ``end`` not after ``start`` means across midnight."""

    model_config = _FROZEN
    name: str = Field(default="", max_length=40)
    days: list[Weekday] = Field(max_length=7, description="none: a draft's window still being drawn")
    start: HHMM
    end: HHMM_END


class TimeRange(BaseModel):
    """A range within one day, for dated exceptions."""

    model_config = _FROZEN
    start: HHMM
    end: HHMM_END


class DateException(BaseModel):
    """A date with its own hours (``open`` empty: closed all day), e.g. a company outing or a sale day."""

    model_config = _FROZEN
    date: dt.date
    open: list[TimeRange] = Field(default_factory=list, max_length=8)
    name: str = Field(default="", max_length=40)


class Schedule(BaseModel):
    """What a time switch checks: windows, exceptions, and whether Chinese holidays close it."""

    model_config = _FROZEN
    windows: list[Window] = Field(default_factory=list, max_length=32)
    exceptions: list[DateException] = Field(default_factory=list, max_length=366)
    observe_holidays: bool = True
    makeup_weekday: Weekday = 1


@dataclass(frozen=True, slots=True)
class Segment:
    """Half-open [start, end) minutes of the day on the given ISO weekdays; ``window`` indexes the source."""

    days: tuple[int, ...]
    start: int
    end: int
    window: int = 0


@lru_cache(maxsize=2048)
def to_minutes(hhmm: str) -> int:
    """``"08:30"`` → 510; ``"24:00"`` → 1440. Cached: there are only 1,441 valid values."""
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def compile_windows(windows: Iterable[Window]) -> list[Segment]:
    """Flatten windows into segments that never cross midnight."""
    segments: list[Segment] = []
    for index, window in enumerate(windows):
        days = tuple(sorted(set(window.days)))
        start, end = to_minutes(window.start), to_minutes(window.end)
        if end > start:
            segments.append(Segment(days, start, end, index))
        elif end == start == 0:
            segments.append(Segment(days, 0, 1440, index))  # 00:00-00:00: the whole day
        else:
            segments.append(Segment(days, start, 1440, index))
            if end > 0:
                segments.append(Segment(tuple(sorted(d % 7 + 1 for d in days)), 0, end, index))
    return segments


def makeup_ranges(segments: Iterable[Segment], weekday: int) -> list[tuple[int, int]]:
    """The time ranges that apply on a make-up workday, i.e. those of ``weekday``."""
    return sorted({(s.start, s.end) for s in segments if weekday in s.days})


def overlapping_windows(segments: list[Segment]) -> list[tuple[int, int]]:
    """Pairs of window indexes whose segments share a weekday and a minute (designers rarely mean that)."""
    found: set[tuple[int, int]] = set()
    for i, a in enumerate(segments):
        for b in segments[i + 1 :]:
            if a.window == b.window or not set(a.days) & set(b.days):
                continue
            if a.start < b.end and b.start < a.end:
                found.add((min(a.window, b.window), max(a.window, b.window)))
    return sorted(found)


def day_kinds(calendar: WorkCalendar, years: Iterable[int]) -> dict[str, DayKind]:
    """The day table for ``years``: ISO date → ``holiday`` or ``workday`` (a make-up workday).

    Ordinary weekdays and weekends are left out: the table only lists days that break the weekly rhythm,
    which keeps compiled plans small and lets a runtime treat a missing date as an ordinary day.
    """
    table: dict[str, DayKind] = {}
    for year in sorted(set(years)):
        day = dt.date(year, 1, 1)
        while day.year == year:
            weekend = day.weekday() >= 5
            workday = calendar.is_workday(day)
            if not workday and (not weekend or calendar.holiday_name(day) is not None):
                table[day.isoformat()] = "holiday"
            elif workday and weekend:
                table[day.isoformat()] = "workday"
            day += dt.timedelta(days=1)
    return table


def evaluate(
    *,
    segments: Iterable[tuple[Iterable[int], int, int]],
    exceptions: Mapping[str, Iterable[tuple[int, int]]],
    observe_holidays: bool,
    makeup: Iterable[tuple[int, int]],
    day_table: Mapping[str, str],
    when: dt.datetime,
) -> tuple[bool, str]:
    """Whether a compiled schedule is open at local time ``when``, and why (for the simulator's trace)."""
    iso = when.date().isoformat()
    minute = when.hour * 60 + when.minute
    if iso in exceptions:
        ranges = list(exceptions[iso])
        hit = any(start <= minute < end for start, end in ranges)
        return hit, f"{iso} 为特殊日期" + ("(开放时段内)" if hit else "(不在开放时段)")
    kind = day_table.get(iso) if observe_holidays else None
    if kind == "holiday":
        return False, f"{iso} 为法定节假日"
    if kind == "workday":
        hit = any(start <= minute < end for start, end in makeup)
        return hit, f"{iso} 为调休工作日" + ("(工作时段内)" if hit else "(不在工作时段)")
    weekday = when.isoweekday()
    for days, start, end in segments:
        if weekday in days and start <= minute < end:
            return True, f"周{'一二三四五六日'[weekday - 1]} {when:%H:%M} 在时段内"
    return False, f"周{'一二三四五六日'[weekday - 1]} {when:%H:%M} 不在任何时段内"
