"""The operator's holiday table (statutory holidays and make-up workdays beyond the calendar package)."""

from __future__ import annotations

import datetime as dt

from api.errors import UserError
from api.numbers.models import HolidayOverride

__all__ = ["FIRST_YEAR", "LAST_YEAR", "overrides_of_year"]

#: Years the table can speak about; the calendar of R2 holds are counted on needs nothing wider.
FIRST_YEAR, LAST_YEAR = 2000, 2100


async def overrides_of_year(year: int) -> list[HolidayOverride]:
    """The year's entries in date order.

    Raises:
        UserError: ``invalid_year`` outside ``FIRST_YEAR``–``LAST_YEAR`` (year 0 or 10000 has no dates).
    """
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError("invalid_year", f"年份应在{FIRST_YEAR}到{LAST_YEAR}之间", "year")
    return await HolidayOverride.filter(
        day__gte=dt.date(year, 1, 1), day__lte=dt.date(year, 12, 31)
    ).order_by("day")
