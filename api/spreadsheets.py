"""CSV downloads that spreadsheets open as meant: Chinese intact, no cell run as a formula."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["csv_document", "csv_field", "csv_line"]


def csv_field(value: str) -> str:
    """One quoted field; text starting like a formula (=, +, -, @) is defused, a signed number is not."""
    if value[:1] in ("=", "+", "-", "@") and not value[1:2].isdigit():
        value = "'" + value
    return '"' + value.replace('"', '""') + '"'


def csv_line(fields: Sequence[str]) -> str:
    return ",".join(csv_field(f) for f in fields)


def csv_document(lines: Iterable[str]) -> bytes:
    """UTF-8 with a byte-order mark (so spreadsheets read the Chinese as UTF-8) and CRLF line ends."""
    return ("\ufeff" + "".join(f"{line}\r\n" for line in lines)).encode()
