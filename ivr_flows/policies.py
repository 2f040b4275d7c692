"""Number-level policies, applied before a number's flow: status, caller category, lists, areas, lines.

They belong to the 400 number, not to the flow, because the provider enforces them whatever the
customer draws: R9 (who may call), R15 (black/white list), R14 (areas at area-code precision) and R12
(concurrent lines). The operator's holiday override table travels here too, as plain data.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .areas import area_table
from .calendar import DayOverride, WorkCalendar
from .phones import parse_phone

__all__ = [
    "ALLOWED_CATEGORIES",
    "AreaPolicy",
    "CalendarDay",
    "CallerCategory",
    "CallerListPolicy",
    "ListEntry",
    "ListEntryError",
    "NumberPolicies",
    "check_list_entry",
    "normalise_list_entry",
    "parse_list_entries",
    "read_list_entry",
]

CallerCategory = Literal[
    "office", "residential", "pbx", "did", "mobile", "campus", "voip", "payphone", "unknown"
]
#: R9: office, residential, PBX, DID and mobile phones may call; campus, VoIP and payphones may not.
ALLOWED_CATEGORIES: tuple[CallerCategory, ...] = ("office", "residential", "pbx", "did", "mobile", "unknown")

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


class ListEntryError(ValueError):
    """A list entry no caller can match; ``message`` is the Chinese reason shown to the user.

    ``well_formed`` says it is written like a number or a prefix and yet no caller has such a number
    (an unallocated area code, more digits than such a number has); lists and flows saved before those
    were refused may hold it, where it matches nobody, as it always did.
    """

    def __init__(self, raw: str, message: str, *, well_formed: bool = False) -> None:
        super().__init__(f"{raw!r}: {message}")
        self.raw = raw
        self.message = message
        self.well_formed = well_formed


MSG_NOT_A_PREFIX = "不是完整号码或号码开头(区号或号段),不支持号码结尾"
_MOBILE_SECOND = tuple("3456789")
#: The longest national number: a landline with a four-digit area code and eight digits.
_LONGEST = 12


@lru_cache(maxsize=1)
def _area_codes() -> frozenset[str]:
    """Every allocated landline area code: the table area restrictions (R14) accept too."""
    return frozenset(code for _, _, code in area_table())


@lru_cache(maxsize=1)
def _area_code_heads() -> frozenset[str]:
    """Every leading part of an area code (``0``, ``07``, ``075``, ``0755``)."""
    return frozenset(code[:n] for code in _area_codes() for n in range(1, len(code) + 1))


def _landline_problem(digits: str) -> str | None:
    """Why no landline's national number (area code with its 0, then 7 or 8 digits) starts with
    ``digits``, or None when some can."""
    heads = _area_code_heads()
    if digits in heads:
        return None  # (part of) an area code
    code = next((digits[:n] for n in (3, 4) if digits[:n] in _area_codes()), None)
    if code is None:
        unknown = next(digits[:n] for n in range(2, len(digits) + 1) if digits[:n] not in heads)
        hint = ";手机号请直接填写,不加0" if digits[:2] == "01" and digits[2:3] in _MOBILE_SECOND else ""
        return f"没有以{unknown}开头的区号{hint}"
    longest = len(code) + 8
    if len(digits) > longest:
        return f"号码过长,区号{code}的固定电话连区号最多{longest}位"
    return None


def _mobile_problem(digits: str) -> str | None:
    """Why no caller's number starts with ``digits`` (which starts with 1), or None when some can:
    mobiles are 11 digits with 3 to 9 second, service numbers (10086, 12345) 3 to 8 digits."""
    if digits[1] in _MOBILE_SECOND:
        return None if len(digits) <= 11 else "号码过长,手机号为11位"
    if len(digits) <= 8:
        return None
    return f"{digits[:2]}开头的不是手机号,特服号码最多8位"


def check_list_entry(raw: str) -> ListEntry:
    """What a list entry matches (R15); ListEntryError with the reason when no caller could match it.

    Whole numbers are normalised like caller numbers (``+86 138…`` → ``138…``); shorter entries are
    prefixes and must start like a national number does (0 for an area code, 1 for a mobile segment),
    which is also what rules out suffixes. A landline entry needs an allocated area code (the table
    area restrictions use) and at most the digits such a number has; a mobile typed with a leading 0 is
    the mobile: as a landline pattern it would never match, since no area code but 010 starts with 01.
    """
    text = raw.strip()
    parsed = parse_phone(text)
    if parsed.kind == "mobile":
        typed = "".join(c for c in text if c in "0123456789")
        return ListEntry(parsed.number, zero_dropped=typed == "0" + parsed.number)
    if parsed.kind == "foreign":
        raise ListEntryError(raw, "仅支持中国大陆号码,境外及港澳台号码不能拨打400号码")
    if parsed.kind == "landline":
        digits = parsed.number
    else:
        digits = text.replace("-", "").replace(" ", "")
        if not (digits.isascii() and digits.isdigit() and digits[:1] in ("0", "1") and len(digits) > 1):
            raise ListEntryError(raw, MSG_NOT_A_PREFIX)
        if len(digits) > _LONGEST:
            raise ListEntryError(raw, f"号码过长,国内号码连区号最多{_LONGEST}位")
        if digits[:2] == "01" and digits[2:3] in _MOBILE_SECOND:
            return ListEntry(digits[1:], zero_dropped=True)  # at most 9 digits: parse_phone took longer ones
    problem = _landline_problem(digits) if digits[0] == "0" else _mobile_problem(digits)
    if problem is not None:
        raise ListEntryError(raw, problem, well_formed=True)
    return ListEntry(digits)


def read_list_entry(raw: str) -> ListEntry | None:
    """What a list entry matches, or None if it cannot match anything (:func:`check_list_entry` says why)."""
    try:
        return check_list_entry(raw)
    except ListEntryError:
        return None


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
