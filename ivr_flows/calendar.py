"""Chinese working-day calendar: weekends, statutory holidays and make-up workdays (调休).

The `chinesecalendar` package carries the State Council's published schedule, but only for the years it
has data for (it stops at 2026 today). Operators keep an editable table of overrides for other years, so
the calendar takes that table as plain data and falls back to Monday–Friday where neither knows the day:
a missing year must never crash a reservation or a call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import chinese_calendar

__all__ = ["DayOverride", "WorkCalendar"]


@dataclass(frozen=True, slots=True)
class DayOverride:
    """One operator-entered day: a holiday (``workday=False``) or a make-up workday (``workday=True``)."""

    day: dt.date
    workday: bool
    name: str = ""


@dataclass(frozen=True)
class WorkCalendar:
    """Answers "is this a working day in mainland China?".

    Example:
        >>> cal = WorkCalendar()
        >>> cal.is_workday(dt.date(2026, 10, 1))   # National Day
        False
        >>> cal.add_workdays(dt.date(2026, 9, 30), 1)
        datetime.date(2026, 10, 8)
    """

    overrides: Mapping[dt.date, DayOverride] = field(default_factory=dict)

    @classmethod
    def from_overrides(cls, days: list[DayOverride] | tuple[DayOverride, ...]) -> WorkCalendar:
        return cls({d.day: d for d in days})

    @staticmethod
    def covers(year: int) -> bool:
        """Whether the bundled package has the official schedule for ``year``."""
        return year in _covered_years()

    def is_workday(self, day: dt.date) -> bool:
        override = self.overrides.get(day)
        if override is not None:
            return override.workday
        if self.covers(day.year):
            return bool(chinese_calendar.is_workday(day))
        return day.weekday() < 5

    def holiday_name(self, day: dt.date) -> str | None:
        """The statutory holiday's name when ``day`` is one (not for ordinary weekends)."""
        override = self.overrides.get(day)
        if override is not None:
            return None if override.workday else (override.name or "holiday")
        if self.covers(day.year):
            on_holiday, name = chinese_calendar.get_holiday_detail(day)
            if on_holiday and name is not None:
                return str(name)
        return None

    def is_makeup_workday(self, day: dt.date) -> bool:
        """A weekend day that is worked to make up for a holiday (调休上班)."""
        return day.weekday() >= 5 and self.is_workday(day)

    def add_workdays(self, start: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``start`` (``start`` itself not counted)."""
        if count < 0:
            raise ValueError("count must be >= 0")
        day = start
        remaining = count
        while remaining:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                remaining -= 1
        return day


_COVERED: frozenset[int] | None = None


def _covered_years() -> frozenset[int]:
    global _COVERED
    if _COVERED is None:
        years = {d.year for d in chinese_calendar.holidays} | {d.year for d in chinese_calendar.workdays}
        _COVERED = frozenset(years)
    return _COVERED
