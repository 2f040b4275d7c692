"""Schedules: windows across midnight, dated exceptions, holidays and make-up workdays, operator tables."""

from __future__ import annotations

import datetime as dt

from ivr_flows import DayOverride, WorkCalendar
from ivr_flows.schedules import (
    Window,
    compile_windows,
    day_kinds,
    evaluate,
    makeup_ranges,
    overlapping_windows,
)


def is_open(windows: list[Window], when: dt.datetime, **kw: object) -> bool:
    segments = [(s.days, s.start, s.end) for s in compile_windows(windows)]
    args: dict[str, object] = {"exceptions": {}, "observe_holidays": False, "makeup": [], "day_table": {}}
    args.update(kw)
    return evaluate(segments=segments, when=when, **args)[0]  # type: ignore[arg-type]


def test_window_across_midnight_spills_into_the_next_day() -> None:
    night = [Window(days=[5], start="22:00", end="02:00")]  # Friday night
    assert is_open(night, dt.datetime(2026, 3, 6, 23, 0))  # Friday 23:00
    assert is_open(night, dt.datetime(2026, 3, 7, 1, 59))  # Saturday 01:59
    assert not is_open(night, dt.datetime(2026, 3, 7, 2, 0))
    assert not is_open(night, dt.datetime(2026, 3, 6, 1, 0))  # Friday early morning belongs to Thursday
    sunday = [Window(days=[7], start="23:00", end="01:00")]
    assert compile_windows(sunday)[1].days == (1,)  # wraps to Monday


def test_whole_day_and_end_of_day() -> None:
    assert is_open([Window(days=[1], start="00:00", end="00:00")], dt.datetime(2026, 3, 2, 12, 0))
    assert is_open([Window(days=[1], start="18:00", end="24:00")], dt.datetime(2026, 3, 2, 23, 59))


def test_dated_exception_replaces_the_week() -> None:
    week = [Window(days=[1, 2, 3, 4, 5], start="08:30", end="17:30")]
    closed = {"2026-03-04": []}
    short = {"2026-03-04": [(600, 660)]}
    assert not is_open(week, dt.datetime(2026, 3, 4, 10, 0), exceptions=closed)
    assert is_open(week, dt.datetime(2026, 3, 4, 10, 30), exceptions=short)
    assert not is_open(week, dt.datetime(2026, 3, 4, 9, 0), exceptions=short)


def test_holidays_close_and_makeup_days_open_like_monday() -> None:
    week = [Window(days=[1, 2, 3, 4, 5], start="08:30", end="17:30")]
    table = day_kinds(WorkCalendar(), [2026])
    assert table["2026-10-01"] == "holiday" and table["2026-02-28"] == "workday"
    assert "2026-03-07" not in table  # ordinary weekends are not listed
    makeup = makeup_ranges(compile_windows(week), 1)
    holiday = dt.datetime(2026, 10, 1, 10, 0)
    assert not is_open(week, holiday, observe_holidays=True, day_table=table, makeup=makeup)
    assert is_open(week, holiday, observe_holidays=False, day_table=table, makeup=makeup)
    saturday_workday = dt.datetime(2026, 2, 28, 10, 0)
    assert is_open(week, saturday_workday, observe_holidays=True, day_table=table, makeup=makeup)


def test_operator_table_covers_years_the_package_does_not() -> None:
    cal = WorkCalendar.from_overrides(
        [DayOverride(dt.date(2031, 1, 1), False, "元旦"), DayOverride(dt.date(2031, 1, 4), True, "调休")]
    )
    table = day_kinds(cal, [2031])
    assert table == {"2031-01-01": "holiday", "2031-01-04": "workday"}


def test_overlaps_are_found_per_weekday() -> None:
    windows = [
        Window(days=[1, 2], start="08:00", end="12:00"),
        Window(days=[2], start="11:00", end="13:00"),
        Window(days=[3], start="11:00", end="13:00"),
    ]
    assert overlapping_windows(compile_windows(windows)) == [(0, 1)]
