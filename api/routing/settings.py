"""Changing a number's policies: caller categories (R9), black/white list (R15), areas (R14), lines (R12).

Every setter checks all of its input first and reports every bad item (a batch import names each bad
line), then hands the settings to the publishing pipeline (``api/plans/pipeline.py``), which saves them
and the recompiled plan together — all or nothing.
"""

from __future__ import annotations

from api.errors import UserError, UserErrors
from api.numbers.models import Number
from api.plans import pipeline
from api.routing.line_fees import charge_for_lines
from api.routing.models import LinePackage, ListMode, NumberRouting
from api.routing.records import routing_of
from ivr_flows import ALLOWED_CATEGORIES, ListEntryError, check_list_entry, expand_areas

__all__ = [
    "MAX_EXTRA_LINES",
    "MAX_LIST_ENTRIES",
    "add_list_entries",
    "parse_list_lines",
    "set_areas",
    "set_caller_list",
    "set_categories",
    "set_line_package",
]

MAX_LIST_ENTRIES = 10000
MAX_EXTRA_LINES = 990
_CATEGORY_NAMES = {"campus": "校园电话", "voip": "网络电话", "payphone": "公用电话"}


async def set_categories(number: Number, categories: list[str]) -> NumberRouting:
    """R9: a number may refuse more kinds of phone, never admit campus, VoIP or pay phones."""
    errors = []
    for category in categories:
        if category not in ALLOWED_CATEGORIES:
            name = _CATEGORY_NAMES.get(category, category)
            errors.append(UserError("category_not_allowed", f"“{name}”不允许拨打400号码", "categories"))
    if errors:
        raise UserErrors(errors)
    routing = await routing_of(number)
    routing.allowed_categories = [c for c in ALLOWED_CATEGORIES if c in set(categories)]
    return await pipeline.save_settings(number, routing, ["allowed_categories"])


def parse_list_lines(text: str) -> list[str]:
    """Entries of a pasted list, one per line (commas also separate); every bad line is reported.

    A mobile typed with a leading 0 (``013800138000``) is refused with the number to write instead: the
    mutations have no channel for a notice, and storing something other than what was typed unannounced
    would surprise the customer reading the list back.
    """
    entries: list[str] = []
    seen: set[str] = set()
    errors: list[UserError] = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        for raw in line.replace(",", ",").split(","):
            if not raw.strip():
                continue
            shown = raw.strip()[:30]
            try:
                entry = check_list_entry(raw)
            except ListEntryError as error:
                message = f"第{line_no}行“{shown}”:{error.message}"
                errors.append(UserError("list_entry_invalid", message, "text"))
                continue
            if entry.zero_dropped:
                # R15: mobiles are written without a 0; saying so beats silently saving another entry
                message = f"第{line_no}行“{shown}”:手机号前不用加0,请填写{entry.digits}"
                errors.append(UserError("list_entry_mobile_zero", message, "text"))
            elif entry.digits not in seen:
                seen.add(entry.digits)
                entries.append(entry.digits)
    if errors:
        raise UserErrors(errors[:100])
    return entries


def _check_size(entries: list[str]) -> None:
    if len(entries) > MAX_LIST_ENTRIES:
        raise UserError("too_many_entries", f"名单最多{MAX_LIST_ENTRIES}条", "text")


async def set_caller_list(number: Number, mode: ListMode, text: str) -> NumberRouting:
    """Replace the list (R15): mode off/black/white and its entries; nothing changes if a line is bad."""
    entries = parse_list_lines(text)
    _check_size(entries)
    routing = await routing_of(number)
    routing.list_mode = mode
    routing.list_entries = entries
    return await pipeline.save_settings(number, routing, ["list_mode", "list_entries"])


async def add_list_entries(number: Number, text: str) -> NumberRouting:
    """Batch import into the current list (hundreds of lines); all or nothing."""
    added = parse_list_lines(text)
    routing = await routing_of(number)
    entries = list(routing.list_entries)
    entries += [e for e in added if e not in set(entries)]
    _check_size(entries)
    routing.list_entries = entries
    return await pipeline.save_settings(number, routing, ["list_entries"])


def _areas(names: list[str], field: str) -> list[str]:
    cleaned = [n.strip() for n in names if n.strip()]
    _, unknown = expand_areas(cleaned)
    if unknown:
        raise UserErrors([UserError("area_unknown", f"无法识别的地区“{u[:20]}”", field) for u in unknown])
    return cleaned


async def set_areas(number: Number, allowed: list[str], refused: list[str]) -> NumberRouting:
    """R14: areas that may (empty: everywhere) and may not call, as area codes, provinces or cities."""
    errors: list[UserError] = []
    checked: list[list[str]] = []
    for names, field in ((allowed, "allowed"), (refused, "refused")):
        try:
            checked.append(_areas(names, field))
        except UserErrors as many:
            errors += many.errors
    if errors:
        raise UserErrors(errors)
    routing = await routing_of(number)
    routing.allowed_areas, routing.refused_areas = checked
    return await pipeline.save_settings(number, routing, ["allowed_areas", "refused_areas"])


async def set_line_package(number: Number, package: LinePackage, extra_lines: int) -> NumberRouting:
    """R12: 总机 = 10 lines + extra lines bought; 中继 = unlimited (extra lines make no sense there)."""
    if not 0 <= extra_lines <= MAX_EXTRA_LINES:
        raise UserError("invalid_extra_lines", f"加购线路数应在0到{MAX_EXTRA_LINES}之间", "extraLines")
    if package == LinePackage.TRUNK and extra_lines:
        raise UserError("invalid_extra_lines", "中继套餐不限并发线路,无需加购", "extraLines")
    routing = await routing_of(number)
    routing.package = package
    routing.extra_lines = extra_lines
    # The fee for lines beyond those paid this year and the settings commit together, or neither.
    async with pipeline.transaction() as conn:
        await charge_for_lines(conn, number, extra_lines)
        return await pipeline.save_settings(number, routing, ["package", "extra_lines"])
