"""Where an account stands against the R8 thresholds, acted on after every balance change."""

from __future__ import annotations

__all__ = ["apply"]


async def apply(account_id: int) -> None:
    """Bring the account's numbers and notices in line with its balance (idempotent)."""
    return None


async def apply_to_number(number_id: int) -> None:
    """:func:`apply` to the account that owns the number, if any."""
    return None
