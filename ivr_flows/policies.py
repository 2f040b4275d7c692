"""Number-level policies, applied before a number's flow: status, caller category, lists, areas, lines.

They belong to the 400 number, not to the flow, because the provider enforces them whatever the
customer draws: R9 (who may call), R15 (black/white list), R14 (areas at area-code precision) and R12
(concurrent lines). The operator's holiday override table travels here too, as plain data.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .calendar import DayOverride, WorkCalendar
from .phones import parse_phone

__all__ = [
    "ALLOWED_CATEGORIES",
    "CATEGORY_NAMES",
    "AreaPolicy",
    "CalendarDay",
    "CallerCategory",
    "CallerListPolicy",
    "ListEntry",
    "NumberPolicies",
    "normalise_list_entry",
    "parse_list_entries",
    "read_list_entry",
]

CallerCategory = Literal[
    "office", "residential", "pbx", "did", "mobile", "campus", "voip", "payphone", "unknown"
]
#: R9: office, residential, PBX, DID and mobile phones may call; campus, VoIP and payphones may not.
ALLOWED_CATEGORIES: tuple[CallerCategory, ...] = ("office", "residential", "pbx", "did", "mobile", "unknown")
#: What the designer reads for each caller category (R9's own words).
CATEGORY_NAMES: dict[CallerCategory, str] = {
    "office": "办公电话",
    "residential": "住宅电话",
    "pbx": "小交换机",
    "did": "直拨分机",
    "mobile": "手机",
    "campus": "校园电话",
    "voip": "网络电话",
    "payphone": "公用电话",
    "unknown": "未知类型",
}

_FROZEN = ConfigDict(extra="forbid", frozen=True)


class CallerListPolicy(BaseModel):
    """R15: whole numbers (mobiles without a leading 0) or leading digits; never suffixes."""

    model_config = _FROZEN
    mode: Literal["off", "black", "white"] = "off"
    entries: list[str] = Field(default_factory=list, max_length=100000)


class AreaPolicy(BaseModel):
    """R14: areas that may / may not call, as area codes, provinces, cities or ``unknown``."""

    model_config = _FROZEN
    allowed: list[str] = Field(default_factory=list, max_length=1000, description="empty: everywhere")
    refused: list[str] = Field(default_factory=list, max_length=1000)


class CalendarDay(BaseModel):
    """One row of the operator's holiday table (for years the bundled calendar does not cover)."""

    model_config = _FROZEN
    day: dt.date
    workday: bool
    name: str = Field(default="", max_length=40)


class NumberPolicies(BaseModel):
    """Everything checked before the flow runs."""

    model_config = _FROZEN
    status: Literal["active", "suspended", "reclaimed"] = "active"
    allowed_categories: list[CallerCategory] = Field(default_factory=lambda: list(ALLOWED_CATEGORIES))
    caller_list: CallerListPolicy = Field(default_factory=CallerListPolicy)
    areas: AreaPolicy = Field(default_factory=AreaPolicy)
    max_lines: int | None = Field(default=None, ge=1, le=10000, description="R12; None: trunk, unlimited")
    calendar: list[CalendarDay] = Field(default_factory=list, max_length=5000)

    def work_calendar(self) -> WorkCalendar:
        return WorkCalendar.from_overrides([DayOverride(d.day, d.workday, d.name) for d in self.calendar])


_LIST_SPLIT = re.compile(r"[\s,;,;、]+")


@dataclass(frozen=True, slots=True)
class ListEntry:
    """A black/white list entry as callers are matched against it (R15).

    Attributes:
        digits: a whole national number, or the leading digits of one (an area code, a mobile segment).
        zero_dropped: it was typed as a mobile with a leading 0 (``013800138000``, ``0139``), which mobiles
            never take; ``digits`` is the mobile (or segment) without it, and the user should be told.
    """

    digits: str
    zero_dropped: bool = False


def read_list_entry(raw: str) -> ListEntry | None:
    """What a list entry matches, or None if it cannot match anything (empty, a suffix, not digits).

    Whole numbers are normalised like caller numbers (``+86 138…`` → ``138…``); shorter entries are
    prefixes and must start like a national number does (0 for an area code, 1 for a mobile segment),
    which is also what rules out suffixes. A mobile typed with a leading 0 is the mobile: as a landline
    pattern it would never match, since no area code but 010 starts with 01.
    """
    text = raw.strip()
    if not text:
        return None
    parsed = parse_phone(text)
    if parsed.kind == "landline":
        return ListEntry(parsed.number)
    if parsed.kind == "mobile":
        typed = "".join(c for c in text if c.isdigit())
        return ListEntry(parsed.number, zero_dropped=typed == "0" + parsed.number)
    digits = text.replace("-", "").replace(" ", "")
    if not (digits.isascii() and digits.isdigit() and digits[0] in "01" and 1 < len(digits) <= 12):
        return None
    if len(digits) > 2 and digits[:2] == "01" and digits[2] in "3456789":
        return ListEntry(digits[1:], zero_dropped=True)
    return ListEntry(digits)


def normalise_list_entry(raw: str) -> str | None:
    """The digits a list entry matches a caller's national number against, or None if unusable."""
    entry = read_list_entry(raw)
    return None if entry is None else entry.digits


def parse_list_entries(text: str) -> tuple[list[str], list[str]]:
    """Batch import: split pasted text into (normalised entries, rejected raw entries), deduplicated."""
    accepted: list[str] = []
    rejected: list[str] = []
    seen: set[str] = set()
    for raw in _LIST_SPLIT.split(text):
        if not raw:
            continue
        entry = normalise_list_entry(raw)
        if entry is None:
            rejected.append(raw)
        elif entry not in seen:
            seen.add(entry)
            accepted.append(entry)
    return accepted, rejected
