"""Fixtures that build the service on a real database: SQLite by default, PostgreSQL with TEST_DATABASE_URL.

Every test gets an empty, migrated database: a copy of a migrated SQLite file, or on PostgreSQL one
database per session, migrated once and truncated between tests.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from tortoise import Tortoise, connections

from api.accounts.passwords import configure_hashing
from api.app import create_app
from api.config import Config, load_config
from api.db import tortoise_config
from tests.api.support import Env

PG_URL = os.environ.get("TEST_DATABASE_URL")


def _run_migrate(url: str) -> None:
    # In a subprocess: aerich and the test loop must not share Tortoise's process-wide state.
    subprocess.run(
        [
            sys.executable,
            "-c",
            f"import asyncio; from api.migrate import migrate; asyncio.run(migrate({url!r}))",
        ],
        check=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )


@pytest.fixture(scope="session")
def database_template(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated database to start each test from (a file for SQLite, a URL for PostgreSQL)."""
    if PG_URL:
        base, _, name = PG_URL.rpartition("/")
        subprocess.run(["psql", f"{base}/postgres", "-qc", f'DROP DATABASE IF EXISTS "{name}"'], check=True)
        subprocess.run(["psql", f"{base}/postgres", "-qc", f'CREATE DATABASE "{name}"'], check=True)
        _run_migrate(PG_URL)
        return PG_URL
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    _run_migrate(f"sqlite://{path}")
    return str(path)


async def _truncate_all() -> None:
    conn = connections.get("default")
    tables = [m._meta.db_table for m in Tortoise.apps["models"].values() if m._meta.db_table != "aerich"]
    await conn.execute_script(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE;")


@pytest.fixture
async def config(database_template: str, tmp_path: Path) -> AsyncIterator[Config]:
    data = tmp_path / "data"
    if PG_URL:
        url = database_template
    else:
        db_file = tmp_path / "test.sqlite3"
        shutil.copy(database_template, db_file)
        url = f"sqlite://{db_file}"
    cfg = load_config(
        {
            "DATA_DIR": str(data),
            "DATABASE_URL": url,
            "SECRET_KEY": "test-secret",
            "JOB_INTERVAL_SECONDS": "0",
            # argon2 at a token cost: the tests hash hundreds of passwords; production keeps the default.
            "PASSWORD_TIME_COST": "1",
            "PASSWORD_MEMORY_KIB": "64",
        }
    )
    configure_hashing(cfg)
    await Tortoise.init(config=tortoise_config(url), _enable_global_fallback=True)
    if PG_URL:
        await _truncate_all()
    try:
        yield cfg
    finally:
        await Tortoise.close_connections()


@pytest.fixture
async def env(config: Config) -> AsyncIterator[Env]:
    app = create_app(config, run_jobs=False, manage_orm=False)
    yield Env(config, app)
    await asyncio.sleep(0)
