"""Recording charges on an account's ledger (R16: 30 yuan per ringback upload)."""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from api.billing.models import EntryKind, LedgerEntry
from api.clock import utcnow

__all__ = ["RINGBACK_FEE_FEN", "record_charge"]

RINGBACK_FEE_FEN = 3000  # R16: 30 yuan per uploaded ringback tone, reviewed or not


async def record_charge(
    conn: BaseDBAsyncClient,
    *,
    account_id: int,
    amount_fen: int,
    kind: EntryKind,
    description: str,
    reference: str,
    idempotency_key: str,
) -> LedgerEntry:
    """Add a charge inside the caller's transaction; the (account, key) constraint makes it happen once.

    A second charge with the same key raises ``IntegrityError`` and the caller's transaction rolls back,
    so the thing charged for and its charge are committed together or not at all.
    """
    if amount_fen <= 0:
        raise ValueError("a charge is a positive amount of fen")
    return await LedgerEntry.create(
        account_id=account_id,
        amount_fen=-amount_fen,
        kind=kind,
        description=description[:200],
        reference=reference,
        idempotency_key=idempotency_key,
        created_at=utcnow(),
        using_db=conn,
    )
