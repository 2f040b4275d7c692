"""The operator's holiday table (statutory holidays and make-up workdays beyond the calendar package)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import chinese_calendar

from api.errors import UserError
from api.numbers.models import HolidayOverride
from ivr_flows import WorkCalendar

__all__ = ["FIRST_YEAR", "LAST_YEAR", "BundledDay", "bundled_days", "overrides_of_year"]

#: Years the table can speak about; the calendar of R2 holds are counted on needs nothing wider.
FIRST_YEAR, LAST_YEAR = 2000, 2100

#: The package's English holiday names as the State Council's notices write them.
_NAMES_ZH = {h.value: h.chinese for h in chinese_calendar.Holiday}


@dataclass(frozen=True, slots=True)
class BundledDay:
    day: dt.date
    workday: bool
    name: str


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError("invalid_year", f"年份应在{FIRST_YEAR}到{LAST_YEAR}之间", "year")


async def overrides_of_year(year: int) -> list[HolidayOverride]:
    """The year's entries in date order.

    Raises:
        UserError: ``invalid_year`` outside ``FIRST_YEAR``–``LAST_YEAR`` (year 0 or 10000 has no dates).
    """
    _check_year(year)
    return await HolidayOverride.filter(
        day__gte=dt.date(year, 1, 1), day__lte=dt.date(year, 12, 31)
    ).order_by("day")


def bundled_days(year: int) -> list[BundledDay]:
    """The published schedule the package carries for ``year``: statutory holidays and make-up workdays.

    Operators see it beside their own table so they only enter what it lacks (or gets wrong); an empty
    list for a year the package does not cover, where the calendar falls back to Monday–Friday.

    Raises:
        UserError: ``invalid_year`` outside ``FIRST_YEAR``–``LAST_YEAR``.
    """
    _check_year(year)
    if not WorkCalendar.covers(year):
        return []
    days = [
        BundledDay(day, False, _NAMES_ZH.get(name, name))
        for day, name in chinese_calendar.holidays.items()
        if day.year == year
    ]
    days += [
        BundledDay(day, True, _NAMES_ZH.get(name, name))
        for day, name in chinese_calendar.workdays.items()
        if day.year == year
    ]
    return sorted(days, key=lambda d: d.day)
