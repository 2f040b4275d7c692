"""Phone numbers as mainland Chinese telephony sees them: normalisation and the R4 mainland check.

Two callers need this module and they want different things:

* The API checks numbers a customer *types* (application contact, bound forward-to numbers). Rule R4 says
  those must be mainland China numbers, never Hong Kong, Macau, Taiwan or foreign; a typo must come back
  as a clear Chinese message, so :func:`mainland_number` is strict and raises :class:`PhoneNumberError`.
* The call path sees numbers a *carrier* presents (caller ID). Those come in every shape (``+86``,
  ``0086``, IP-dialling prefixes such as 17951, spaces) and must never crash routing, so
  :func:`parse_phone` is tolerant and classifies instead of raising.

Both return the national form: mobiles as 11 digits (``13812345678``), landlines with the leading 0 of
their area code (``02088886666``). A mobile written with a long-distance 0 in front (``013800138000``, as
out-of-town mobiles used to be dialled) is the mobile: mobiles take no 0 (R15), and no area code starts
with 01 but 010, whose numbers are 11 digits long.

400 numbers themselves (R1) are another kind of number with their own rule: :mod:`ivr_flows.hotlines`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import phonenumbers

from .segments import mobile_segment

__all__ = [
    "IP_DIAL_PREFIXES",
    "NumberKind",
    "ParsedNumber",
    "PhoneNumberError",
    "classify",
    "landline_area_code",
    "mainland_number",
    "parse_phone",
]

NumberKind = Literal["mobile", "landline", "service", "foreign", "unknown"]

#: Carrier IP long-distance prefixes that callers (and old PBXs) dial in front of the real number.
IP_DIAL_PREFIXES: tuple[str, ...] = (
    "17951",  # China Mobile
    "12593",  # China Mobile
    "17911",  # China Unicom
    "10193",  # China Unicom
    "17909",  # China Telecom
    "17908",  # China Telecom
    "17901",  # China Telecom
    "17910",  # China Unicom (legacy)
    "11808",  # China Tietong
)

_SEPARATORS = str.maketrans("", "", " -()./\t\u3000\u2013\u2014")
_GREATER_CHINA = {852: "香港", 853: "澳门", 886: "台湾"}

MSG_NOT_MAINLAND = "仅支持中国大陆号码,不支持港澳台及境外号码"
MSG_INVALID = "号码格式不正确,请填写11位手机号或带区号的固定电话"


class PhoneNumberError(ValueError):
    """A number a customer typed cannot be used; ``code`` is stable, ``message`` is shown to the user.

    Codes: ``invalid`` (malformed or not an allocated mainland number), ``not_mainland`` (Hong Kong,
    Macau, Taiwan or any other foreign number, R4), ``not_bindable`` (a 400/800 or short service number).
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"PhoneNumberError(code={self.code!r}, message={self.message!r})"


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """A number as the platform understands it.

    Attributes:
        number: the national form for mainland numbers, ``+<country><number>`` for foreign ones, the
            cleaned digits (possibly empty) otherwise.
        kind: what it is; ``unknown`` covers anonymous, malformed and local numbers without area code.
        country_code: 86 for mainland numbers, the dialled country code for foreign ones, 0 when unknown.
    """

    number: str
    kind: NumberKind
    country_code: int = 86


def _strip_ip_prefix(digits: str) -> str:
    # Only strip when what follows still looks like a dialled number: an 11-digit number that merely
    # starts with these digits is left alone.
    if len(digits) > 11 and digits[:5] in IP_DIAL_PREFIXES and digits[5] in "01":
        return digits[5:]
    return digits


# (number, kind, country code): what ParsedNumber holds, as a tuple for the call path's own use
_Parsed = tuple[str, NumberKind, int]


def _foreign(digits: str) -> _Parsed:
    for length in (1, 2, 3):
        code = int(digits[:length]) if digits[:length].isdigit() else 0
        if code and phonenumbers.region_code_for_country_code(code) != "ZZ":
            return "+" + digits, "foreign", code
    return "+" + digits, "foreign", 0


def _national(digits: str, *, after_country_code: bool) -> _Parsed:
    if after_country_code and digits[:1] not in ("0", "1", "") and not digits.startswith(("400", "800")):
        digits = "0" + digits  # "+86 20 8888 6666": the trunk 0 is dropped in international form
    if len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789":
        return digits, "mobile", 86
    if len(digits) == 12 and digits[:2] == "01" and digits[2] in "3456789":
        return digits[1:], "mobile", 86  # a mobile written with a leading 0: never a landline
    if digits[:1] == "0" and digits[1:2] in "123456789" and len(digits) in (10, 11, 12):
        return digits, "landline", 86
    if len(digits) == 10 and digits.startswith(("400", "800")):
        return digits, "service", 86
    if 3 <= len(digits) <= 8 and digits[0] in "19":
        return digits, "service", 86  # 110, 10086, 95588, 12345 ...
    return digits, "unknown", 0


def classify(raw: str | None) -> tuple[str, NumberKind, int]:
    """:func:`parse_phone` without its cache and result object: ``(number, kind, country_code)``.

    For callers that keep their own cache (:func:`ivr_flows.areas.resolve_caller`): on the call path
    most numbers are new, and a second cache miss plus an object per number cost more than the parsing.
    """
    if not raw:
        return "", "unknown", 0
    if raw.isdigit() and raw.isascii():  # what carriers present: nothing to strip or translate
        length = len(raw)
        # the two shapes most callers have, decided as _national would decide them
        if length == 11 and raw[0] == "1" and raw[1] in "3456789":
            return raw, "mobile", 86
        if (
            length in (10, 11, 12)
            and raw[0] == "0"
            and raw[1] in "123456789"
            and (length < 12 or raw[1] != "1")
        ):
            return raw, "landline", 86
        digits, international = raw, False
    else:
        text = raw.strip().translate(_SEPARATORS)
        international = text.startswith("+")
        digits = text[1:] if international else text
        if not digits.isascii() or not digits.isdigit():
            return digits, "unknown", 0
    if not international:
        digits = _strip_ip_prefix(digits)
        if digits.startswith("00"):
            international, digits = True, digits[2:]
        elif digits.startswith("86") and (
            (len(digits) == 13 and digits[2] == "1") or (len(digits) in (12, 13) and digits[2] in "23456789")
        ):
            international = True
    if international:
        if digits.startswith("86"):
            return _national(digits[2:], after_country_code=True)
        return _foreign(digits) if digits else ("", "unknown", 0)
    return _national(digits, after_country_code=False)


@lru_cache(maxsize=65536)
def parse_phone(raw: str | None) -> ParsedNumber:
    """Classify any phone number a carrier or a person may present; never raises.

    Example:
        >>> parse_phone("+86 138-1234-5678")
        ParsedNumber(number='13812345678', kind='mobile', country_code=86)
        >>> parse_phone("17951 020 8888 6666").number
        '02088886666'
        >>> parse_phone("013800138000").kind
        'mobile'
        >>> parse_phone("+852 9123 4567").kind
        'foreign'
    """
    return ParsedNumber(*classify(raw))


def landline_area_code(national: str) -> str:
    """The area code (with its 0) of a national landline: 010 and 02x have three digits, the others four."""
    return national[:3] if national[1:2] in ("1", "2") else national[:4]


@lru_cache(maxsize=4096)
def _valid_in_metadata(national: str, mobile: bool) -> bool:
    try:
        parsed = phonenumbers.parse("+86" + national.lstrip("0"))
    except phonenumbers.NumberParseException:
        return False
    if not phonenumbers.is_valid_number(parsed):
        return False
    kind = phonenumbers.number_type(parsed)
    wanted = (
        {phonenumbers.PhoneNumberType.MOBILE}
        if mobile
        else {phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
    )
    return kind in wanted


def mainland_number(raw: str) -> str:
    """Normalise a number a customer typed and insist it is a mainland China phone (R4).

    Returns:
        The national form: ``13812345678`` for a mobile, ``02088886666`` for a landline.

    Raises:
        PhoneNumberError: ``not_mainland`` for Hong Kong, Macau, Taiwan or foreign numbers; ``not_bindable``
            for 400/800/short service numbers; ``invalid`` for anything malformed or unallocated.
    """
    parsed = parse_phone(raw)
    if parsed.kind == "foreign":
        raise PhoneNumberError("not_mainland", MSG_NOT_MAINLAND)
    if parsed.kind == "service":
        raise PhoneNumberError("not_bindable", "不能使用400/800或短号等特服号码")
    if parsed.kind == "mobile":
        if mobile_segment(parsed.number) is None and not _valid_in_metadata(parsed.number, True):
            raise PhoneNumberError("invalid", "不是有效的手机号码")
        return parsed.number
    if parsed.kind == "landline":
        if not _valid_in_metadata(parsed.number, False):
            raise PhoneNumberError("invalid", "不是有效的固定电话号码,请填写区号+电话号码")
        return parsed.number
    raise PhoneNumberError("invalid", MSG_INVALID)
