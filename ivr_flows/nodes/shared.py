"""Rules and conversions several node types (and the number's policies) share.

Area expressions (R14) and list entries (R15) appear in node properties and in number-level policies
alike; each is checked and converted here once, so a designer reads the same message wherever they typed it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ..areas import expand_areas
from ..diagnostics import Diagnostic, Severity
from ..policies import ListEntryError, check_list_entry

__all__ = ["area_codes", "check_areas", "check_list_entries", "diagnostic"]


def diagnostic(
    code: str, severity: Severity, message: str, node: str | None = None, edge: str | None = None
) -> Diagnostic:
    return Diagnostic(code, severity, message, node, edge)


@lru_cache(maxsize=4096)
def area_codes(names: tuple[str, ...]) -> tuple[str, ...]:
    """The area codes an area expression stands for; cached, flows repeat the same areas."""
    return tuple(expand_areas(list(names))[0])


def check_areas(names: list[str], node_id: str | None, where: str) -> list[Diagnostic]:
    if not names:
        return []
    _, unknown = expand_areas(names)
    return [
        diagnostic("area_unknown", "error", f"{where}无法识别的地区“{name}”", node_id) for name in unknown
    ]


def check_list_entries(entries: Iterable[str], node_id: str | None, where: str) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for raw in entries:
        try:
            entry = check_list_entry(raw)
        except ListEntryError as error:
            if error.well_formed:
                # A warning, not an error: versions and lists saved before such entries were refused
                # must still compile (a holiday change or an R8 suspension recompiles every plan). The
                # compiler leaves the entry out, which changes nothing: it never matched a caller.
                message = f"{where}“{raw.strip()}”不会匹配任何来电:{error.message}"
                out.append(diagnostic("list_entry_unmatchable", "warning", message, node_id))
            else:
                message = f"{where}“{raw}”无效:{error.message}"
                out.append(diagnostic("list_entry_invalid", "error", message, node_id))
            continue
        if entry.zero_dropped:
            message = f"{where}“{raw.strip()}”按手机号{entry.digits}处理:手机号前不用加0"
            out.append(diagnostic("list_entry_mobile_zero", "warning", message, node_id))
    return out
