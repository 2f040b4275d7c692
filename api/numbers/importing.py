"""Operators' bulk imports of numbers: lists and ranges, all or nothing.

A malformed line is reported by its line number and nothing of that import is stored, so an operator
fixes the file and imports it again without cleaning up half an import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from tortoise.transactions import in_transaction

from api.clock import utcnow
from api.errors import UserError, UserErrors
from api.numbers.lifecycle import Actor, record_creation
from api.numbers.models import Number, NumberEvent
from api.numbers.numbering import NumberStatus, carrier_of, grade_of
from ivr_flows import Invalid400Number, parse_400_number

__all__ = ["MAX_IMPORT", "ImportResult", "import_numbers", "parse_import"]

MAX_IMPORT = 100_000
_MAX_REPORTED = 50
_RANGE = re.compile(r"^(?P<start>[\d\s\-.()]+?)\s*(?:~|\.\.|—|\s-\s)\s*(?P<end>[\d\s\-.()]+)$")
_DIGIT_RANGE = re.compile(r"^(?P<start>\d{10})-(?P<end>\d{10})$")


@dataclass(frozen=True)
class ImportResult:
    imported: list[str]
    skipped_existing: list[str]


def _parse_line(line: str) -> list[str]:
    match = _DIGIT_RANGE.match(line) or _RANGE.match(line)
    if match is None:
        return [parse_400_number(line)]
    start, end = parse_400_number(match["start"]), parse_400_number(match["end"])
    if int(end) < int(start):
        raise Invalid400Number(line, "号段的结束号码小于起始号码")
    if int(end) - int(start) >= MAX_IMPORT:
        raise Invalid400Number(line, f"号段过大,每次最多导入{MAX_IMPORT}个号码")
    if start[:4] != end[:4]:
        raise Invalid400Number(line, "号段的起止号码须属于同一号头(运营商)")
    return [str(n) for n in range(int(start), int(end) + 1)]


def parse_import(text: str, field: str = "text") -> list[str]:
    """Every number the text names, in order, without duplicates; raises UserErrors naming bad lines.

    ``field`` is the input the errors point at: the typed list, or the uploaded file its text came from.
    """
    numbers: dict[str, None] = {}
    errors: list[UserError] = []
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            for number in _parse_line(line):
                numbers[number] = None
        except Invalid400Number as exc:
            errors.append(UserError("invalid_line", f"第{line_no}行「{raw.strip()}」:{exc.message}", field))
    if len(numbers) > MAX_IMPORT:
        errors.append(UserError("too_many", f"每次最多导入{MAX_IMPORT}个号码", field))
    if errors:
        raise UserErrors(errors[:_MAX_REPORTED])
    if not numbers:
        raise UserError("empty", "没有可导入的号码", field)
    return list(numbers)


def _chunks(items: list[str], size: int = 1000) -> list[list[str]]:
    """Keeps ``IN (…)`` lists under SQLite's bound-parameter limit."""
    return [items[i : i + size] for i in range(0, len(items), size)]


async def import_numbers(text: str, actor: Actor, *, field: str = "text") -> ImportResult:
    wanted = parse_import(text, field)
    now = utcnow()
    async with in_transaction() as conn:
        existing: set[str] = set()
        for chunk in _chunks(wanted):
            found = await Number.filter(number__in=chunk).using_db(conn).values_list("number", flat=True)
            existing.update(cast("list[str]", found))
        new = [n for n in wanted if n not in existing]
        rows = [
            Number(
                number=n,
                carrier=carrier_of(n),
                grade=grade_of(n),
                status=NumberStatus.AVAILABLE,
                status_changed_at=now,
            )
            for n in new
        ]
        await Number.bulk_create(rows, batch_size=500, using_db=conn)
        ids: dict[str, int] = {}
        for chunk in _chunks(new):
            ids.update(await Number.filter(number__in=chunk).using_db(conn).values_list("number", "id"))
        for row in rows:
            row.id = ids[row.number]
        events = [record_creation(row, actor, "导入号码", now) for row in rows]
        await NumberEvent.bulk_create(events, batch_size=500, using_db=conn)
    return ImportResult(imported=new, skipped_existing=[n for n in wanted if n in existing])
