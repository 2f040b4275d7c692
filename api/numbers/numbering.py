"""400 numbers as the carriers define them (R1): format, carrier by prefix, 靓号 grade, life-cycle states.

Plain functions and enums so that imports, searches and tests share one definition of a valid number.
What a 400 number is, and which carrier each head belongs to, is the flow library's rule
(:func:`ivr_flows.parse_400_number`): the compiler and the API must never disagree on it.
"""

from __future__ import annotations

import itertools
from enum import StrEnum

import strawberry

from ivr_flows import CARRIER_PREFIXES

__all__ = [
    "TRANSITIONS",
    "Carrier",
    "Grade",
    "NumberStatus",
    "carrier_of",
    "format_number",
    "grade_of",
]


@strawberry.enum(name="Carrier")
class Carrier(StrEnum):
    UNICOM = "unicom"
    MOBILE = "mobile"
    TELECOM = "telecom"


CARRIER_NAMES_ZH = {Carrier.UNICOM: "中国联通", Carrier.MOBILE: "中国移动", Carrier.TELECOM: "中国电信"}

_CARRIER_BY_PREFIX = {prefix: Carrier(name) for prefix, name in CARRIER_PREFIXES.items()}


@strawberry.enum(name="NumberStatus")
class NumberStatus(StrEnum):
    AVAILABLE = "available"
    RESERVED = "reserved"
    APPLIED = "applied"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    RECLAIMED = "reclaimed"


S = NumberStatus
#: Allowed state changes. Reserved → available is a release or an expired hold; applied → reserved is a
#: rejected application waiting to be fixed; suspended → active is a recharge.
TRANSITIONS: dict[NumberStatus, frozenset[NumberStatus]] = {
    S.AVAILABLE: frozenset({S.RESERVED}),
    S.RESERVED: frozenset({S.AVAILABLE, S.APPLIED}),
    S.APPLIED: frozenset({S.ACTIVE, S.RESERVED, S.AVAILABLE}),
    S.ACTIVE: frozenset({S.SUSPENDED, S.RECLAIMED}),
    S.SUSPENDED: frozenset({S.ACTIVE, S.RECLAIMED}),
    S.RECLAIMED: frozenset({S.AVAILABLE}),
}

STATUS_NAMES_ZH = {
    S.AVAILABLE: "可选",
    S.RESERVED: "已预占",
    S.APPLIED: "审核中",
    S.ACTIVE: "使用中",
    S.SUSPENDED: "已停机",
    S.RECLAIMED: "已回收",
}


@strawberry.enum(name="Grade")
class Grade(StrEnum):
    """靓号 grades, best first. A number takes the best grade whose pattern it matches."""

    AAAA = "aaaa"  # four or more identical digits at the end: 400-123-8888
    ABCD = "abcd"  # a run of four consecutive digits at the end: 400-123-1234 / 4321
    AABB = "aabb"  # 400-123-6688
    ABAB = "abab"  # 400-123-1212
    AAA = "aaa"  # three identical digits at the end: 400-123-4666
    EIGHTS = "eights"  # a run of three or more 8s anywhere after 400: 400-888-1234
    ORDINARY = "ordinary"


GRADE_NAMES_ZH = {
    Grade.AAAA: "AAAA尾号",
    Grade.ABCD: "顺子号",
    Grade.AABB: "AABB尾号",
    Grade.ABAB: "ABAB尾号",
    Grade.AAA: "AAA尾号",
    Grade.EIGHTS: "连8号",
    Grade.ORDINARY: "普通号",
}


def format_number(number: str) -> str:
    """How people write it: ``400-XXX-XXXX``."""
    return f"{number[:3]}-{number[3:6]}-{number[6:]}"


def carrier_of(number: str) -> Carrier:
    return _CARRIER_BY_PREFIX[number[:4]]


def grade_of(number: str) -> Grade:
    tail = number[-4:]
    if len(set(tail)) == 1:
        return Grade.AAAA
    steps = {int(b) - int(a) for a, b in itertools.pairwise(tail)}
    if steps in ({1}, {-1}):
        return Grade.ABCD
    if tail[0] == tail[1] and tail[2] == tail[3]:
        return Grade.AABB
    if tail[0] == tail[2] and tail[1] == tail[3]:
        return Grade.ABAB
    if len(set(tail[1:])) == 1:
        return Grade.AAA
    if "888" in number[3:]:
        return Grade.EIGHTS
    return Grade.ORDINARY
