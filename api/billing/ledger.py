"""The account ledger: charges and credits in integer fen, each recorded exactly once.

Every entry moves ``Account.balance_fen`` in the same transaction by an atomic
``UPDATE accounts SET balance_fen = balance_fen + x … RETURNING balance_fen``: no read-then-write window,
so concurrent charges and recharges on SQLite and PostgreSQL alike end at the exact sum. The balance is
read in O(1) and ``python -m api reconcile`` checks it against the ledger's sum.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.functions import Sum
from tortoise.transactions import in_transaction

from api.billing.models import EntryKind, LedgerEntry
from api.clock import utcnow

__all__ = [
    "RINGBACK_FEE_FEN",
    "Difference",
    "Posted",
    "add_to_balance",
    "balance_after",
    "find_entry",
    "post",
    "post_once",
    "reconcile",
    "record_charge",
]

RINGBACK_FEE_FEN = 3000  # R16: 30 yuan per uploaded ringback tone, reviewed or not

_ADD_SQLITE = "UPDATE accounts SET balance_fen = balance_fen + ? WHERE id = ? RETURNING balance_fen"
_ADD_POSTGRES = "UPDATE accounts SET balance_fen = balance_fen + $1 WHERE id = $2 RETURNING balance_fen"


async def add_to_balance(conn: BaseDBAsyncClient, account_id: int, delta_fen: int) -> int:
    """Move the balance by ``delta_fen`` inside ``conn``'s transaction; the balance it became.

    The row lock (PostgreSQL) or the write lock (SQLite) this takes is held until the transaction ends,
    so it also serialises the account's other ledger writes.
    """
    sql = _ADD_SQLITE if conn.capabilities.dialect == "sqlite" else _ADD_POSTGRES
    rows = await conn.execute_query_dict(sql, [delta_fen, account_id])
    if not rows:
        raise LookupError(f"no account {account_id}")
    return int(rows[0]["balance_fen"])


@dataclass(frozen=True)
class Posted:
    """An entry and the balance it left."""

    entry: LedgerEntry
    balance_fen: int


async def post(
    conn: BaseDBAsyncClient,
    *,
    account_id: int,
    amount_fen: int,
    kind: EntryKind,
    description: str,
    reference: str,
    idempotency_key: str,
    now: dt.datetime | None = None,
) -> Posted:
    """Add an entry and move the balance, inside the caller's transaction.

    A second entry with the same (account, key) raises ``IntegrityError`` and the caller's transaction
    rolls back, balance included: the thing paid for and its entry commit together or not at all.
    """
    balance = await add_to_balance(conn, account_id, amount_fen)
    entry = await LedgerEntry.create(
        account_id=account_id,
        amount_fen=amount_fen,
        kind=kind,
        description=description[:200],
        reference=reference[:100],
        idempotency_key=idempotency_key,
        created_at=now or utcnow(),
        using_db=conn,
    )
    return Posted(entry, balance)


async def post_once(
    *,
    account_id: int,
    amount_fen: int,
    kind: EntryKind,
    description: str,
    reference: str,
    idempotency_key: str,
) -> tuple[Posted, bool]:
    """Post in a transaction of its own; a retry with the same key finds the first entry instead.

    Returns the entry with the balance after it, and whether it was already there (``True``): the caller
    compares it with the request, since one key must not name two different credits.
    """
    try:
        async with in_transaction() as conn:
            posted = await post(
                conn,
                account_id=account_id,
                amount_fen=amount_fen,
                kind=kind,
                description=description,
                reference=reference,
                idempotency_key=idempotency_key,
            )
        return posted, False
    except IntegrityError:
        earlier = await find_entry(account_id, idempotency_key)
        if earlier is None:
            raise
    return Posted(earlier, await balance_after(earlier)), True


async def record_charge(
    conn: BaseDBAsyncClient,
    *,
    account_id: int,
    amount_fen: int,
    kind: EntryKind,
    description: str,
    reference: str,
    idempotency_key: str,
    now: dt.datetime | None = None,
) -> Posted:
    """A charge (a positive amount taken from the balance) inside the caller's transaction."""
    if amount_fen <= 0:
        raise ValueError("a charge is a positive amount of fen")
    return await post(
        conn,
        account_id=account_id,
        amount_fen=-amount_fen,
        kind=kind,
        description=description,
        reference=reference,
        idempotency_key=idempotency_key,
        now=now,
    )


async def find_entry(account_id: int, idempotency_key: str) -> LedgerEntry | None:
    return await LedgerEntry.filter(account_id=account_id, idempotency_key=idempotency_key).first()


async def balance_after(entry: LedgerEntry) -> int:
    """The balance right after ``entry``: the sum of the account's entries up to it."""
    total: int | None = await (
        LedgerEntry.filter(account_id=entry.account_id, id__lte=entry.id)
        .annotate(total=Sum("amount_fen"))
        .first()
        .values_list("total", flat=True)
    )  # type: ignore[assignment]
    return int(total or 0)


@dataclass(frozen=True)
class Difference:
    """An account whose stored balance is not the sum of its ledger."""

    account_id: int
    balance_fen: int
    ledger_fen: int


async def reconcile() -> list[Difference]:
    """Every account whose balance differs from the sum of its ledger entries (none, normally)."""
    conn = connections.get("default")
    _, rows = await conn.execute_query(
        "SELECT a.id AS id, a.balance_fen AS balance, COALESCE(SUM(l.amount_fen), 0) AS ledger "
        "FROM accounts a LEFT JOIN ledger_entries l ON l.account_id = a.id "
        "GROUP BY a.id, a.balance_fen ORDER BY a.id"
    )
    return [
        Difference(int(r["id"]), int(r["balance"]), int(r["ledger"]))
        for r in rows
        if int(r["balance"]) != int(r["ledger"])
    ]
