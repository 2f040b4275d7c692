"""Mobile number segments (号段): the first seven digits of a mobile name its province, city, area code
and carrier.

The table is the ``phone`` package's, because phonenumbers' mobile data misses newer segments (166, 173,
19x) or places them wrongly. It sits below both :mod:`ivr_flows.phones` (a mobile with a known segment is
valid) and :mod:`ivr_flows.areas` (a mobile caller's area), so neither imports the other for it.
"""

from __future__ import annotations

from functools import lru_cache

from phone import Phone

__all__ = ["mobile_segment", "segment"]

_PHONE_DB: Phone | None = None


def _phone_db() -> Phone:
    global _PHONE_DB
    if _PHONE_DB is None:
        _PHONE_DB = Phone()
    return _PHONE_DB


@lru_cache(maxsize=65536)
def mobile_segment(number: str) -> tuple[str, str, str, str] | None:
    """(province, city, area code, carrier) of an 11-digit mobile's 7-digit segment, or None if unknown."""
    if len(number) < 7 or not (number[:7].isascii() and number[:7].isdigit()):
        return None
    return segment(number[:7])


@lru_cache(maxsize=65536)
def segment(prefix: str) -> tuple[str, str, str, str] | None:
    """(province, city, area code, carrier) of a 7-digit segment, or None if the table lacks it."""
    found = _phone_db().find(prefix)
    if not found:
        return None
    area_code = str(found["area_code"])
    if not area_code.startswith("0"):
        area_code = "0" + area_code
    return (str(found["province"]), str(found["city"]), area_code, str(found["phone_type"] or ""))
