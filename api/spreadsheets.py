"""CSV downloads that spreadsheets open as meant: Chinese intact, no cell run as a formula."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

__all__ = ["csv_document", "csv_field", "csv_line"]

#: What makes a spreadsheet read a cell as a formula (OWASP's list: = + - @, tab, carriage return), with
#: the line feed and the full-width forms East Asian input methods type.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
#: A plain decimal number (a negative amount such as -12.50): a spreadsheet reads it as a number, and
#: no formula can hide in it.
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def csv_field(value: str) -> str:
    """One quoted field; text starting like a formula is defused with a leading ', a plain number is not."""
    if value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        value = "'" + value
    return '"' + value.replace('"', '""') + '"'


def csv_line(fields: Sequence[str]) -> str:
    return ",".join(csv_field(f) for f in fields)


def csv_document(lines: Iterable[str]) -> bytes:
    """UTF-8 with a byte-order mark (so spreadsheets read the Chinese as UTF-8) and CRLF line ends."""
    return ("\ufeff" + "".join(f"{line}\r\n" for line in lines)).encode()
