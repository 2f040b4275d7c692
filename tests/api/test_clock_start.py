"""HOTLINE_CLOCK_START: a test or demo starts the service's clock at a chosen moment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.clock import SHANGHAI, set_clock, start_clock_at, utcnow
from api.config import load_config


@pytest.fixture
def clock() -> Iterator[None]:
    yield
    set_clock(dt.timedelta(0))


def test_the_clock_starts_at_the_moment_and_runs_on(clock: None) -> None:
    friday = dt.datetime(2026, 12, 4, 10, 0, tzinfo=SHANGHAI)
    start_clock_at(friday)
    first = utcnow()
    assert abs(first - friday) < dt.timedelta(seconds=5)
    assert utcnow() >= first


def test_the_setting_is_read_with_its_zone(tmp_path: Path) -> None:
    env = {"DATA_DIR": str(tmp_path), "SECRET_KEY": "k"}
    assert load_config(env).clock_start is None
    config = load_config(env | {"HOTLINE_CLOCK_START": "2026-12-04T10:00:00+08:00"})
    assert config.clock_start == dt.datetime(2026, 12, 4, 2, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(("raw", "says"), [("next friday", "ISO 8601"), ("2026-12-04T10:00:00", "time zone")])
def test_a_bad_setting_stops_the_start_with_the_reason(tmp_path: Path, raw: str, says: str) -> None:
    env = {"DATA_DIR": str(tmp_path), "SECRET_KEY": "k", "HOTLINE_CLOCK_START": raw}
    with pytest.raises(ValueError, match=says):
        load_config(env)
