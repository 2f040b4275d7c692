"""Serialising one account's writes: checks like "at most 5 holds" or "within the quota" hold under races.

A count-then-insert is only safe when no other transaction of the same account can count in between.
PostgreSQL takes a row lock on the account (``SELECT … FOR UPDATE``). SQLite has no row locks, but it
has one writer at a time: a no-op ``UPDATE`` of the account row takes the database's write lock at once,
so another process counting in its own transaction waits for this one to commit instead of both counting
the same rows (and within one process Tortoise already runs SQLite transactions one at a time).
"""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F

from api.accounts.models import Account

__all__ = ["lock_account", "lock_name"]


async def lock_account(conn: BaseDBAsyncClient, account_id: int) -> None:
    """Hold the account until ``conn``'s transaction ends; call it first inside the transaction."""
    if conn.capabilities.dialect == "sqlite":
        await Account.filter(id=account_id).using_db(conn).update(balance_fen=F("balance_fen"))
    else:
        await Account.filter(id=account_id).using_db(conn).select_for_update().first()


async def lock_name(conn: BaseDBAsyncClient, name: str) -> None:
    """Hold ``name`` (e.g. a client address, for a limit shared by several accounts) until ``conn``'s
    transaction ends: a PostgreSQL advisory lock. SQLite needs none beyond :func:`lock_account`, taken
    first, whose write lock already makes every other writer wait."""
    if conn.capabilities.dialect != "sqlite":
        await conn.execute_query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [name])
