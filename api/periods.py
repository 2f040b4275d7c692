"""Time periods a list is filtered by (``since``/``until``), checked once for every list that takes them."""

from __future__ import annotations

import datetime as dt

from api.errors import UserError

__all__ = ["utc_period"]


def utc_period(
    since: dt.datetime | None, until: dt.datetime | None
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """The bounds in UTC: stored times are UTC, and SQLite compares them as text.

    Raises:
        UserError: ``invalid_time`` for a bound without a time zone or outside 2000–2100, ``invalid_period``
            when ``until`` comes before ``since``.
    """
    for name, moment in (("since", since), ("until", until)):
        if moment is not None and (moment.tzinfo is None or not 2000 <= moment.year <= 2100):
            raise UserError("invalid_time", "时间应带时区,且在2000到2100年之间", name)
    if since and until and until < since:
        raise UserError("invalid_period", "结束时间应晚于开始时间", "until")
    return (since.astimezone(dt.UTC) if since else None, until.astimezone(dt.UTC) if until else None)
