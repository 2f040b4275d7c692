"""An account's lock really excludes other writers, on PostgreSQL and on SQLite (across processes too)."""

from __future__ import annotations

import sqlite3

import pytest
from tortoise.transactions import in_transaction

from api.accounts.locks import lock_account
from api.accounts.models import Account
from api.config import Config
from tests.api.conftest import PG_URL


@pytest.mark.skipif(bool(PG_URL), reason="SQLite's database-wide write lock")
async def test_on_sqlite_the_lock_keeps_another_connection_from_writing(config: Config) -> None:
    account = await Account.create(name="acme")
    path = config.database_url.removeprefix("sqlite://")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)  # another process's connection
    try:
        async with in_transaction() as conn:
            await lock_account(conn, account.id)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again once the transaction ended
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert (await Account.get(id=account.id)).balance_fen == 0  # the lock changed nothing
