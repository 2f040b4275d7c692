"""A database built by the migrations and one built straight from the models end up the same."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import asyncpg
import pytest

from api.schema import export_sdl

PG_URL = os.environ.get("TEST_DATABASE_URL")
ROOT = Path(__file__).resolve().parents[2]


def _python(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def _from_models(url: str) -> None:
    _python(
        "import asyncio\nfrom tortoise import Tortoise\nfrom api.db import tortoise_config\n"
        "async def main():\n"
        f"    await Tortoise.init(config=tortoise_config({url!r}))\n"
        "    await Tortoise.generate_schemas()\n"
        "    await Tortoise.close_connections()\n"
        "asyncio.run(main())\n"
    )


def _from_migrations(url: str) -> None:
    _python(f"import asyncio\nfrom api.migrate import migrate\nasyncio.run(migrate({url!r}))\n")


def _sqlite_shape(path: Path) -> dict[str, object]:
    db = sqlite3.connect(path)
    try:
        shape: dict[str, object] = {}
        tables = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in sorted(tables):
            # By name, not position: SQLite appends a column added by a migration (ALTER TABLE … ADD)
            # after the foreign keys, where a fresh CREATE TABLE puts it before them.
            # Without defaults, as the PostgreSQL comparison: SQLite adds a NOT NULL column only with a
            # default, which stays behind; the ORM writes every column, so it is never used.
            columns = sorted(
                (name, kind, notnull, pk)
                for _, name, kind, notnull, _default, pk in db.execute(f'PRAGMA table_info("{table}")')
            )
            indexes = sorted(
                (row[2], tuple(c[2] for c in db.execute(f'PRAGMA index_info("{row[1]}")')))
                for row in db.execute(f'PRAGMA index_list("{table}")')
            )
            keys = sorted((*r[2:5], r[6]) for r in db.execute(f'PRAGMA foreign_key_list("{table}")'))
            shape[table] = (columns, indexes, keys)
        return shape
    finally:
        db.close()


def test_sqlite_migrations_match_the_models(tmp_path: Path) -> None:
    migrated, modelled = tmp_path / "migrated.sqlite3", tmp_path / "models.sqlite3"
    _from_migrations(f"sqlite://{migrated}")
    _from_models(f"sqlite://{modelled}")
    shape = _sqlite_shape(migrated)
    shape.pop("aerich")
    expected = _sqlite_shape(modelled)
    expected.pop("aerich", None)
    assert shape == expected


async def _pg_shape(url: str) -> dict[str, object]:
    conn = await asyncpg.connect(url)
    try:
        columns = await conn.fetch(
            "SELECT table_name, column_name, data_type, is_nullable, character_maximum_length "
            "FROM information_schema.columns WHERE table_schema='public' AND table_name <> 'aerich' ORDER BY 1, 2"
        )
        indexes = await conn.fetch(
            "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname='public' AND tablename <> 'aerich' ORDER BY 1, 2"
        )
        keys = await conn.fetch(
            "SELECT conrelid::regclass::text, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE connamespace='public'::regnamespace AND conrelid::regclass::text <> 'aerich' ORDER BY 1, 2"
        )
        return {
            "columns": [tuple(r) for r in columns],
            "indexes": [tuple(r) for r in indexes],
            "keys": [tuple(r) for r in keys],
        }
    finally:
        await conn.close()


@pytest.mark.postgres
def test_postgres_migrations_match_the_models() -> None:
    assert PG_URL is not None
    base, _, name = PG_URL.rpartition("/")
    urls = {}
    for kind in ("migrated", "models"):
        db = f"{name}_{kind}"
        subprocess.run(["psql", f"{base}/postgres", "-qc", f'DROP DATABASE IF EXISTS "{db}"'], check=True)
        subprocess.run(["psql", f"{base}/postgres", "-qc", f'CREATE DATABASE "{db}"'], check=True)
        urls[kind] = f"{base}/{db}"
    _from_migrations(urls["migrated"])
    _from_models(urls["models"])
    assert asyncio.run(_pg_shape(urls["migrated"])) == asyncio.run(_pg_shape(urls["models"]))


def test_migrating_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "twice.sqlite3"
    _from_migrations(f"sqlite://{db}")
    first = _sqlite_shape(db)
    _from_migrations(f"sqlite://{db}")
    assert _sqlite_shape(db) == first


def test_exported_schema_is_current() -> None:
    committed = (ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert committed == export_sdl(), "schema.graphql is stale: run `python -m api export-schema`"
