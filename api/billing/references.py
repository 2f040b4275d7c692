"""What a ledger entry's reference means to the customer reading it.

References are written for the machine (``media:12``, ``bank_transfer:HX-0042``, ``number:7``): they
keep each charge idempotent and traceable. A statement reader needs the ringback's name, the payment
method and its serial, the 400 number; this turns a page of references into those words with at most
one query per kind of thing referred to.
"""

from __future__ import annotations

from collections.abc import Sequence

from api.billing.models import EntryKind, LedgerEntry
from api.billing.recharges import METHOD_NAMES_ZH, RechargeMethod
from api.graphql.ids import plain_int

__all__ = ["reference_label", "reference_labels"]

_KIND_WORDS = {
    EntryKind.CALL_CHARGE: "通话计费",
    EntryKind.SMS_FEE: "漏话提醒短信",
}


def _split(reference: str) -> tuple[str, str]:
    prefix, _, rest = reference.partition(":")
    return prefix, rest


async def reference_labels(entries: Sequence[LedgerEntry]) -> dict[int, str]:
    """Each entry's id → a Chinese label for its reference (never the raw ``prefix:id`` text)."""
    from api.media.models import MediaItem
    from api.numbers.models import Number

    media_ids = {
        r for e in entries if (p := _split(e.reference))[0] == "media" and (r := plain_int(p[1])) is not None
    }
    number_ids = {
        r for e in entries if (p := _split(e.reference))[0] == "number" and (r := plain_int(p[1])) is not None
    }
    media = dict(await MediaItem.filter(id__in=media_ids).values_list("id", "name")) if media_ids else {}
    numbers = dict(await Number.filter(id__in=number_ids).values_list("id", "number")) if number_ids else {}
    return {e.id: reference_label(e, media, numbers) for e in entries}


def reference_label(
    entry: LedgerEntry, media: dict[int, str] | None = None, numbers: dict[int, str] | None = None
) -> str:
    """One entry's label; ``media`` and ``numbers`` map the ids it may name to names and 400 numbers."""
    from api.numbers.numbering import format_number

    prefix, rest = _split(entry.reference)
    key = plain_int(rest)
    if prefix == "media":
        name = (media or {}).get(key) if key is not None else None
        return f"彩铃「{name}」" if name else "彩铃"
    if prefix == "number":
        number = (numbers or {}).get(key) if key is not None else None
        return f"号码 {format_number(number)}" if number else "号码线路"
    methods = {m.value: m for m in RechargeMethod}
    if prefix in methods:
        return f"{METHOD_NAMES_ZH[methods[prefix]]} 流水号 {rest}"
    if prefix == "adjustment":
        actor = rest.rsplit(":", 1)[-1] if ":" in rest else ""
        return f"人工调账(经办:{actor})" if actor else "人工调账"
    return _KIND_WORDS.get(EntryKind(entry.kind), "—")
