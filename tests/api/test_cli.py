"""The command line a newcomer and an operator use: help, migrate, demo, imports, tokens."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, data_dir: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "TEST_DATABASE_URL"}}
    env |= {"DATA_DIR": str(data_dir), "HOTLINE_PASSWORD": "password-400-cli"}
    return subprocess.run(
        [sys.executable, "-m", "api", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "command",
    [
        "serve",
        "migrate",
        "create-operator",
        "import-numbers",
        "create-service-token",
        "demo",
        "export-schema",
    ],
)
def test_every_command_has_help(tmp_path: Path, command: str) -> None:
    result = run(command, "--help", data_dir=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: python -m api {command}")


def test_demo_is_idempotent_and_prints_the_logins(tmp_path: Path) -> None:
    first = run("demo", data_dir=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "operator login: operator / operator-demo-400" in first.stdout
    assert "demo data ready (400 numbers imported now)" in first.stdout
    second = run("demo", data_dir=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "demo data ready (0 numbers imported now)" in second.stdout
    db = sqlite3.connect(tmp_path / "hotline.sqlite3")
    assert db.execute("SELECT count(*) FROM numbers").fetchone() == (400,)
    assert db.execute("SELECT count(*) FROM users").fetchone() == (2,)
    # The demo customer has a number in service and one opening recharge, however often demo runs.
    assert db.execute(
        "SELECT n.number, n.status, a.name FROM numbers n JOIN accounts a ON a.id = n.account_id"
    ).fetchall() == [("4006000001", "active", "演示科技有限公司")]
    assert db.execute("SELECT balance_fen FROM accounts").fetchone() == (50_000,)
    assert db.execute("SELECT count(*), sum(amount_fen) FROM ledger_entries").fetchone() == (1, 50_000)
    db.close()


def test_operator_and_import_from_a_file(tmp_path: Path) -> None:
    assert run("migrate", data_dir=tmp_path).returncode == 0
    made = run("create-operator", "--login", "wang", "--name", "王工", data_dir=tmp_path)
    assert made.returncode == 0, made.stderr
    numbers = tmp_path / "numbers.txt"
    numbers.write_text("4006000000-4006000009\n400-600-0100\n", encoding="utf-8")
    imported = run("import-numbers", str(numbers), "--operator", "wang", data_dir=tmp_path)
    assert imported.stdout.strip() == "imported 11 number(s); 0 already present"
    bad = run("import-numbers", "-", data_dir=tmp_path, stdin="4006000200\n12345\n")
    assert bad.returncode == 2
    assert "第2行「12345」:400号码应为10位数字" in bad.stderr
    db = sqlite3.connect(tmp_path / "hotline.sqlite3")
    assert db.execute("SELECT count(*) FROM numbers").fetchone() == (11,)
    assert db.execute("SELECT DISTINCT actor_label FROM number_events").fetchall() == [("wang",)]
    db.close()


def test_service_token_is_printed_once(tmp_path: Path) -> None:
    assert run("migrate", data_dir=tmp_path).returncode == 0
    token = run("create-service-token", "--name", "asterisk-1", data_dir=tmp_path).stdout.strip()
    assert token.startswith("h4_") and len(token) > 30
    db = sqlite3.connect(tmp_path / "hotline.sqlite3")
    assert db.execute("SELECT scope, token_hash != ? FROM api_tokens", (token,)).fetchall() == [
        ("telephony", 1)
    ]
    db.close()
