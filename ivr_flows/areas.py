"""Where a caller is: province, city and area code for a caller number (R14 area routing).

Landlines carry their area code in the number; its name comes from phonenumbers' Chinese geocoding data.
Mobiles are located by their 7-digit segment (号段) using the ``phone`` package, because phonenumbers'
mobile data misses newer segments (166, 173, 19x) or places them wrongly. Anything else (anonymous,
foreign, service numbers, unknown segments) resolves to area ``unknown``, which flows and policies can
route like any other area.

Look-ups are on the call path, so both tables are cached per segment / area code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from phonenumbers import geocoder, parse

from .phones import NumberKind, classify
from .segments import mobile_segment, segment

__all__ = [
    "GB2260_ORDER",
    "UNKNOWN",
    "CallerArea",
    "area_for_code",
    "area_table",
    "expand_areas",
    "mobile_segment",
    "resolve_caller",
]

#: The area of a caller we cannot place.
UNKNOWN = "unknown"

_PROVINCES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
    "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
    "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
)  # fmt: skip
_MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
#: Province-level divisions in the order of their GB/T 2260 codes (11 北京 … 65 新疆, then 71 台湾,
#: 81 香港, 82 澳门): the order official forms list them in.
GB2260_ORDER = (
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建",
    "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏",
    "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港", "澳门",
)  # fmt: skip
_PROVINCE_RANK = {name: rank for rank, name in enumerate(GB2260_ORDER)}


@dataclass(frozen=True, slots=True, init=False)
class CallerArea:
    """A caller number, normalised, with its area.

    Attributes:
        number: national form for mainland numbers (see :func:`ivr_flows.phones.parse_phone`).
        kind: mobile, landline, service, foreign or unknown.
        province: e.g. ``广东``; ``unknown`` when not known.
        city: e.g. ``广州``; ``unknown`` when not known.
        area_code: with its leading 0, e.g. ``020``; ``unknown`` when not known.
        carrier: for mobiles, e.g. ``移动``; empty otherwise.
    """

    number: str
    kind: NumberKind
    province: str = UNKNOWN
    city: str = UNKNOWN
    area_code: str = UNKNOWN
    carrier: str = ""

    def __init__(
        self,
        number: str,
        kind: NumberKind,
        province: str = UNKNOWN,
        city: str = UNKNOWN,
        area_code: str = UNKNOWN,
        carrier: str = "",
    ) -> None:
        # The generated frozen __init__ goes through object.__setattr__ per field; writing the slots
        # directly halves the cost of the one object every new caller's look-up creates.
        set_number, set_kind, set_province, set_city, set_area_code, set_carrier = _CALLER_AREA_SLOTS
        set_number(self, number)
        set_kind(self, kind)
        set_province(self, province)
        set_city(self, city)
        set_area_code(self, area_code)
        set_carrier(self, carrier)

    @property
    def known(self) -> bool:
        return self.area_code != UNKNOWN


_CALLER_AREA_SLOTS = tuple(
    getattr(CallerArea, name).__set__
    for name in ("number", "kind", "province", "city", "area_code", "carrier")
)


def _split_description(text: str) -> tuple[str, str] | None:
    for province in _PROVINCES:
        if text.startswith(province):
            rest = text[len(province) :]
            rest = rest.removeprefix("省").removeprefix("市") if rest[:1] in ("省", "市") else rest
            if province in _MUNICIPALITIES or not rest:
                return province, province
            # some codes serve several cities ("成都市、资阳市、眉山市"): the first one names the code
            return province, rest.split("、")[0].removesuffix("市")
    return None


@lru_cache(maxsize=1024)
def area_for_code(area_code: str) -> tuple[str, str] | None:
    """(province, city) for a landline area code such as ``020`` or ``0756``; None if not allocated."""
    digits = area_code[1:]
    if not (area_code.startswith("0") and digits.isascii() and digits.isdigit() and 3 <= len(area_code) <= 4):
        return None
    sample = area_code[1:] + "12345678"[: 10 - len(area_code)] + "0"
    try:
        description = geocoder.description_for_valid_number(parse("+86" + sample), "zh")
    except Exception:
        return None
    if not description or description == "中国":
        return None
    return _split_description(description)


@lru_cache(maxsize=65536)
def resolve_caller(raw: str | None) -> CallerArea:
    """Normalise a caller number and place it; never raises. Cached: the same callers call again.

    Example:
        >>> resolve_caller("+86 20 8888 6666").city
        '广州'
        >>> resolve_caller("anonymous").area_code
        'unknown'
    """
    # The result cache only helps repeat callers; for a new number the parsing, the look-ups and this
    # object are the whole cost, so the number is classified without parse_phone's own cache and the
    # segment is looked up directly (a mobile's national form is 11 digits).
    number, kind, _ = classify(raw)
    if kind == "mobile":
        seg = segment(number[:7])
        if seg is None:
            return CallerArea(number, "mobile")
        return CallerArea(number, "mobile", seg[0], seg[1], seg[2], seg[3])
    if kind == "landline":
        code = number[:3] if number[1:2] in ("1", "2") else number[:4]  # landline_area_code, inlined
        names = area_for_code(code)
        if names is None:
            return CallerArea(number, "landline")
        return CallerArea(number, "landline", names[0], names[1], code)
    return CallerArea(number, kind)


@lru_cache(maxsize=1)
def area_table() -> tuple[tuple[str, str, str], ...]:
    """Every allocated landline area code as (province, city, code): what an area picker offers.

    Provinces come in GB/T 2260 order, as on official forms; within one, codes ascend (the capital's is
    usually the lowest).

    Example:
        >>> ("广东", "广州", "020") in area_table()
        True
    """
    codes = [f"0{n}" for n in (10, *range(20, 30))] + [f"0{n}" for n in range(300, 1000)]
    rows = []
    for code in codes:
        names = area_for_code(code)
        if names is not None:
            rows.append((names[0], names[1], code))
    return tuple(sorted(rows, key=lambda r: (_PROVINCE_RANK.get(r[0], len(_PROVINCE_RANK)), r[2])))


@lru_cache(maxsize=1)
def _area_index() -> dict[str, tuple[str, ...]]:
    """Every allocated area code, grouped by the names a designer may write: code, province, city."""
    index: dict[str, set[str]] = {}
    for province, city, code in area_table():
        for key in (code, province, city):
            index.setdefault(key, set()).add(code)
    return {key: tuple(sorted(value)) for key, value in index.items()}


def expand_areas(names: list[str]) -> tuple[list[str], list[str]]:
    """Turn area expressions into the area codes they cover (R14 works at area-code precision).

    Accepts area codes (``020``), provinces (``广东``/``广东省``), cities (``广州``/``广州市``) and
    ``unknown``. Returns (sorted codes, expressions not recognised).
    """
    index = _area_index()
    codes: set[str] = set()
    unknown: list[str] = []
    for raw in names:
        name = raw.strip()
        if name == UNKNOWN:
            codes.add(UNKNOWN)
            continue
        found = index.get(name) or index.get(name.removesuffix("省").removesuffix("市"))
        if found is None and name.isascii() and name.isdigit() and not name.startswith("0"):
            found = index.get("0" + name)
        if found is None:
            unknown.append(raw)
        else:
            codes.update(found)
    return sorted(codes), unknown
