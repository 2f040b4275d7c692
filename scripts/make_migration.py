"""Write the next migration file, with SQL for both SQLite and PostgreSQL.

Usage: ``.venv/bin/python scripts/make_migration.py NAME`` after changing models. It brings a scratch
SQLite file and a scratch PostgreSQL database (``MAKE_MIGRATION_PG``, default the local server) to the
current migrations, lets aerich diff the models against each, and merges the two outputs into one file
under ``api/migrations/models`` that picks its SQL by the connection's dialect.

``.venv/bin/python scripts/make_migration.py --restate`` rewrites the last migration's ``MODELS_STATE``
(what aerich diffs the next migration against) from the models as they are: after two branches that each
added a migration are merged and one is renumbered to follow the other, the last file's state lacks the
other's changes.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from aerich import Command
from tortoise import Tortoise

from api.db import tortoise_config
from api.migrate import MIGRATIONS_DIR

TEMPLATE = '''from tortoise import BaseDBAsyncClient

from api.migrate import dialect_sql

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_UP, postgres=_POSTGRES_UP)


async def downgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_DOWN, postgres=_POSTGRES_DOWN)


_SQLITE_UP = """{sqlite_up}"""

_POSTGRES_UP = """{postgres_up}"""

_SQLITE_DOWN = """{sqlite_down}"""

_POSTGRES_DOWN = """{postgres_down}"""

{models_state}
'''


def _sql(text: str, func: str) -> str:
    match = re.search(
        rf'async def {func}\(db: BaseDBAsyncClient\) -> str:\n    return """(.*?)"""', text, re.S
    )
    return match.group(1) if match else ""


def _sqlite_ignores_comments() -> None:
    """SQLite stores no column comments, so a changed one (an enum field's gains a value) is a no-op there.

    aerich refuses it instead ("Alter column comment is unsupported"), which would block every migration
    that adds a value to an enum column.
    """
    from aerich.ddl.sqlite import SqliteDDL

    SqliteDDL.set_comment = lambda self, model, field_describe: ""  # type: ignore[method-assign,assignment]


async def _generate(url: str, workdir: Path, name: str) -> Path:
    if url.startswith("sqlite"):
        _sqlite_ignores_comments()
    location = workdir / "migrations"
    shutil.copytree(MIGRATIONS_DIR, location, ignore=shutil.ignore_patterns("__pycache__"))
    command = Command(tortoise_config=tortoise_config(url), app="models", location=str(location))
    try:
        before = set((location / "models").glob("*.py")) if (location / "models").exists() else set()
        if before:
            await command.init()
            await command.upgrade()
            # init() read the last models state from the then-empty aerich table; read it again.
            await command.init()
            await command.migrate(name, no_input=True)
        else:
            await command.init_db(safe=True)
    finally:
        await Tortoise.close_connections()
    new = sorted(set((location / "models").glob("*.py")) - before)
    if not new:
        raise SystemExit("no model changes found")
    return new[0]


def _generate_in_subprocess(url: str, workdir: str, name: str) -> Path:
    done = subprocess.run(
        [sys.executable, __file__, "--generate", url, workdir, name],
        check=True,
        capture_output=True,
        text=True,
    )
    return Path(done.stdout.strip().splitlines()[-1])


def main(name: str) -> None:
    pg_admin = os.environ.get("MAKE_MIGRATION_PG", "postgres://postgres@127.0.0.1:5432")
    scratch_db = "hotline_make_migration"
    subprocess.run(
        ["psql", f"{pg_admin}/postgres", "-qc", f"DROP DATABASE IF EXISTS {scratch_db}"], check=True
    )
    subprocess.run(["psql", f"{pg_admin}/postgres", "-qc", f"CREATE DATABASE {scratch_db}"], check=True)
    with tempfile.TemporaryDirectory() as sq_dir, tempfile.TemporaryDirectory() as pg_dir:
        # One process per dialect: Tortoise caches per-dialect query builders in process-wide state.
        sq_file = _generate_in_subprocess(f"sqlite://{sq_dir}/scratch.db", sq_dir, name)
        pg_file = _generate_in_subprocess(f"{pg_admin}/{scratch_db}", pg_dir, name)
        sq_text, pg_text = sq_file.read_text(), pg_file.read_text()
        state = sq_text[sq_text.index("MODELS_STATE = (") :].rstrip()
        target = MIGRATIONS_DIR / "models" / sq_file.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            TEMPLATE.format(
                sqlite_up=_sql(sq_text, "upgrade"),
                postgres_up=_sql(pg_text, "upgrade"),
                sqlite_down=_sql(sq_text, "downgrade"),
                postgres_down=_sql(pg_text, "downgrade"),
                models_state=state,
            )
        )
    subprocess.run(
        ["psql", f"{pg_admin}/postgres", "-qc", f"DROP DATABASE IF EXISTS {scratch_db}"], check=True
    )
    print(f"wrote {target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target}")


async def _restate() -> Path:
    from aerich.utils import get_formatted_compressed_data, get_models_describe

    await Tortoise.init(config=tortoise_config("sqlite://:memory:"))
    try:
        state = get_formatted_compressed_data(get_models_describe("models"))
    finally:
        await Tortoise.close_connections()
    last = max((MIGRATIONS_DIR / "models").glob("*.py"), key=lambda p: int(p.name.split("_", 1)[0]))
    text = last.read_text()
    head = text[: text.index("MODELS_STATE = (")]
    last.write_text(f"{head}MODELS_STATE = (\n    {state}\n)\n")
    return last


if __name__ == "__main__":
    if sys.argv[1:] == ["--restate"]:
        print(f"restated {asyncio.run(_restate())}")
        sys.exit(0)
    if len(sys.argv) == 5 and sys.argv[1] == "--generate":
        print(asyncio.run(_generate(sys.argv[2], Path(sys.argv[3]), sys.argv[4])))
        sys.exit(0)
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
