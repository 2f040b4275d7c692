"""Schema migrations with aerich, applied by ``python -m api migrate`` and at demo set-up.

Aerich writes SQL for one dialect; our migration files carry both SQLite and PostgreSQL statements and
pick by the connection's dialect (see ``scripts/make_migration.py``), so the same files serve the embedded
default and production.
"""

from __future__ import annotations

from pathlib import Path

from aerich import Command
from tortoise import Tortoise

from api.db import tortoise_config

__all__ = ["MIGRATIONS_DIR", "dialect_sql", "migrate"]

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def dialect_sql(dialect: str, *, sqlite: str, postgres: str) -> str:
    if dialect == "sqlite":
        return sqlite
    if dialect == "postgres":
        return postgres
    raise RuntimeError(f"no migration SQL for the {dialect} dialect")


async def migrate(database_url: str) -> list[str]:
    """Bring the database to the newest schema; returns the migration files applied now."""
    command = Command(
        tortoise_config=tortoise_config(database_url), app="models", location=str(MIGRATIONS_DIR)
    )
    try:
        await command.init()
        return await command.upgrade(run_in_transaction=True)
    finally:
        await Tortoise.close_connections()
