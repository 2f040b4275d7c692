"""An account's lock really excludes other writers, on PostgreSQL and on SQLite (across processes too)."""

from __future__ import annotations

import sqlite3

import asyncpg
from tortoise.transactions import in_transaction

from api.accounts.locks import lock_account
from api.accounts.models import Account
from api.config import Config


async def _other_connection_is_blocked(config: Config, account_id: int) -> bool:
    """Whether a connection of another process could take the account for writing right now."""
    if config.database_url.startswith("sqlite://"):
        other = sqlite3.connect(
            config.database_url.removeprefix("sqlite://"), timeout=0, isolation_level=None
        )
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError as exc:
            assert "locked" in str(exc)
            return True
        finally:
            other.close()
    pg = await asyncpg.connect(config.database_url.replace("postgres://", "postgresql://", 1))
    try:
        async with pg.transaction():
            await pg.execute("SELECT id FROM accounts WHERE id = $1 FOR UPDATE NOWAIT", account_id)
        return False
    except asyncpg.LockNotAvailableError:
        return True
    finally:
        await pg.close()


async def test_the_lock_keeps_another_connection_from_writing_until_the_transaction_ends(
    config: Config,
) -> None:
    account = await Account.create(name="acme")
    async with in_transaction() as conn:
        await lock_account(conn, account.id)
        assert await _other_connection_is_blocked(config, account.id)
    assert not await _other_connection_is_blocked(config, account.id)
    assert (await Account.get(id=account.id)).balance_fen == 0  # the lock changed nothing
