"""400 numbers (R1): the one rule for what a 400 number is, shared by the compiler and the API.

A 400 number is ten digits, ``400`` then seven more, and its first four digits name the carrier that
allocated it: 4000/4006 China Unicom, 4001/4007 China Mobile, 4008/4009 China Telecom. People write it
``400-622-8300``, ``400 622 8300`` or ``(400) 622.8300``; all of these are the same number. 800 numbers
(free phone, callable from landlines only) and unallocated heads such as 4002 are not 400 numbers.

Phone numbers callers and bound phones have are another kind of number: :mod:`ivr_flows.phones`.
"""

from __future__ import annotations

import re

__all__ = ["CARRIER_PREFIXES", "Invalid400Number", "parse_400_number"]

#: Carrier of each 400 number head (R1): ``unicom``, ``mobile`` or ``telecom``.
CARRIER_PREFIXES: dict[str, str] = {
    "4000": "unicom",
    "4006": "unicom",
    "4001": "mobile",
    "4007": "mobile",
    "4008": "telecom",
    "4009": "telecom",
}

_SEPARATORS = re.compile(r"[\s\-–—.()]")
_HEADS = sorted(CARRIER_PREFIXES)
_MSG_HEAD = f"号码须以{'、'.join(_HEADS[:-1])}或{_HEADS[-1]}开头"


class Invalid400Number(ValueError):
    """A string that is not a 400 number; ``message`` is the Chinese text shown to the user."""

    def __init__(self, raw: str, message: str) -> None:
        super().__init__(f"{raw!r}: {message}")
        self.raw = raw
        self.message = message

    def __repr__(self) -> str:
        return f"Invalid400Number(raw={self.raw!r}, message={self.message!r})"


def parse_400_number(raw: str) -> str:
    """The canonical ten digits of a 400 number written as ``4001234567``, ``400-123-4567`` or similar.

    Raises:
        Invalid400Number: saying what is wrong: not digits, not ten of them, or not a carrier's head.
    """
    digits = _SEPARATORS.sub("", raw)
    if not digits.isascii() or not digits.isdigit():
        raise Invalid400Number(raw, "号码只能包含数字和分隔符")
    if len(digits) != 10:
        raise Invalid400Number(raw, "400号码应为10位数字")
    if digits[:4] not in CARRIER_PREFIXES:
        raise Invalid400Number(raw, _MSG_HEAD)
    return digits
