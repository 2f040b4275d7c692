"""Spreadsheets of numbers (CSV or XLSX) read into the import's own text, one line per row.

Operators keep their number lists in spreadsheets. Each row becomes the line of the same number, so
the one import parser (:func:`api.numbers.importing.parse_import`) checks it and its errors name the
row the operator sees in the spreadsheet. A row's first cell holds a number or a range as a line would;
a number in the next cell ends a range that the first one starts; any further cells (notes) are ignored.
A first row whose first cell has no digit is a heading and is skipped.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Sequence

from api.errors import UserError
from api.numbers.importing import MAX_IMPORT

__all__ = ["MAX_FILE_BYTES", "MAX_ROWS", "MAX_UNPACKED_BYTES", "sheet_text"]

MAX_FILE_BYTES = 5 * 1024 * 1024
#: What an XLSX may unpack to: a full import's worth of rows many times over.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
#: Columns read of each row: the numbers are in the first cells, the rest are notes.
_COLUMNS_READ = 8
#: Rows read at most: every row may name a number, so more cannot be one import.
MAX_ROWS = MAX_IMPORT
_FIELD = "file"
_NOT_XLSX = "文件不是有效的 XLSX 表格,请用 Excel 或 WPS 重新保存后重试"
_NUMBER_CELL = re.compile(r"^[\d\s\-.()]+$")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary Excel (.xls) and other Office 97 files


def _cell(value: object) -> str:
    """A cell as the text a person reads in it: 4006001234 rather than 4006001234.0."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def _line(cells: Sequence[object]) -> str:
    texts = [_cell(c) for c in cells]
    while texts and not texts[0]:
        texts.pop(0)
    if not texts:
        return ""
    start, rest = texts[0], texts[1:]
    if rest and rest[0] and _NUMBER_CELL.match(rest[0]) and _NUMBER_CELL.match(start):
        return f"{start} ~ {rest[0]}"
    return start


def _lines(rows: Iterable[Sequence[object]]) -> str:
    lines: list[str] = []
    for row_no, cells in enumerate(rows, start=1):
        if row_no > MAX_ROWS:
            raise UserError("too_many_rows", f"表格超过{MAX_ROWS}行,请分批导入", _FIELD)
        line = _line(cells)
        if row_no == 1 and line and not any(c.isdigit() for c in line):
            line = ""  # a heading such as 号码 or 起始号码
        lines.append(line)
    return "\n".join(lines)


def _decode(data: bytes) -> str:
    """CSV text: UTF-8 (with or without a byte-order mark), else GB18030 as Excel saves it in China."""
    if b"\x00" in data:
        raise UserError("invalid_file", "文件格式无法识别:请上传 CSV 或 XLSX 表格", _FIELD)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise UserError(
            "invalid_file", "无法识别 CSV 文件的文字编码,请另存为 UTF-8 编码的 CSV 后重试", _FIELD
        ) from None


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    text = _decode(data)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        yield from csv.reader(io.StringIO(text, newline=""), dialect)
    except csv.Error as exc:
        raise UserError("invalid_file", f"CSV 文件格式有误:{exc}", _FIELD) from None


def _unpacked_size(data: bytes) -> int:
    """What the XLSX (a zip) holds once unpacked, read from its directory without unpacking anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise UserError("invalid_file", _NOT_XLSX, _FIELD) from None


def _xlsx_rows(data: bytes) -> Iterator[tuple[object, ...]]:
    from openpyxl import load_workbook  # loaded when a spreadsheet arrives, not with the service
    from openpyxl.utils.exceptions import InvalidFileException

    if _unpacked_size(data) > MAX_UNPACKED_BYTES:
        # A few megabytes can unpack to gigabytes: such a file is refused before it is read.
        raise UserError("file_too_large", "表格内容过大,请分批导入", _FIELD)
    try:
        with warnings.catch_warnings():
            # Files from other programs make openpyxl warn (no default style, unknown extensions).
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise UserError("invalid_file", _NOT_XLSX, _FIELD) from None
    try:
        if not book.worksheets:
            return
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield from book.worksheets[0].iter_rows(min_row=1, max_col=_COLUMNS_READ, values_only=True)
    except (KeyError, ValueError, SyntaxError):  # a damaged sheet (ElementTree's ParseError is a SyntaxError)
        raise UserError("invalid_file", _NOT_XLSX, _FIELD) from None
    finally:
        book.close()


def sheet_text(filename: str, data: bytes) -> str:
    """The import text of an uploaded CSV or XLSX file (first worksheet), one line per row.

    Raises:
        UserError: ``file_too_large``, ``empty_file`` or ``invalid_file`` (an old .xls, a document that
        is not a spreadsheet, unreadable text), each with a Chinese message for the operator.
    """
    if len(data) > MAX_FILE_BYTES:
        raise UserError("file_too_large", f"文件过大,最大 {MAX_FILE_BYTES // 1024 // 1024} MB", _FIELD)
    if not data.strip():
        raise UserError("empty_file", "文件是空的", _FIELD)
    name = filename.lower()
    if data.startswith(_OLE) or name.endswith(".xls"):
        raise UserError("invalid_file", "不支持旧版 Excel(.xls)文件,请另存为 .xlsx 或 CSV 后重试", _FIELD)
    if data.startswith(_ZIP):
        return _lines(_xlsx_rows(data))
    if name.endswith(".xlsx"):
        raise UserError("invalid_file", _NOT_XLSX, _FIELD)
    return _lines(_csv_rows(data))
