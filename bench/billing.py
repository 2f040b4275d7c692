"""Billing throughput on PostgreSQL: call reports rated, posted and threshold-checked, and statements.

1. Call reports in batches of 100 through :func:`api.calls.reports.record_calls` (check, rate, charge the
   balance, post to the ledger, check the R8 thresholds), one process — and the same rows written as bare
   INSERTs (``bulk_create`` of the call records and ledger entries, nothing else) in the same run, the
   floor the ratio is taken against.
2. The statement of an account with 100,000 calls in a month (:func:`api.statements.monthly.issue`).

That month's calls are written (and the tables analysed) before anything is measured, so the reports
meet tables the size of a service in use.

Targets: ≥ 1,000 calls/s, ≤ 3× the bare-insert floor, statement ≤ 2 s. The database named by
``--database-url`` (default ``hotline_bench_billing`` on the local server) is DROPPED and re-created.
The last line is JSON with ``calls_per_s``, ``ratio_vs_insert`` and ``statement_ms_100k``.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this file's directory comes first on sys.path, where bench/api.py shadows ``api``.
sys.path[:] = [str(ROOT), *(p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench")]

from tortoise import Tortoise, connections  # noqa: E402
from tortoise.transactions import in_transaction  # noqa: E402

from api.accounts.models import Account  # noqa: E402
from api.billing.models import EntryKind, LedgerEntry  # noqa: E402
from api.calls.models import CallRecord, Disposition  # noqa: E402
from api.calls.reports import AttemptOutcome, CallReport, PhoneAttempt, record_calls  # noqa: E402
from api.clock import utcnow  # noqa: E402
from api.config import Config, load_config  # noqa: E402
from api.db import tortoise_config  # noqa: E402
from api.numbers.models import Number  # noqa: E402
from api.numbers.numbering import Carrier, Grade, NumberStatus  # noqa: E402
from api.statements.monthly import issue, month_bounds, previous_month  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/hotline_bench_billing"
BATCH = 100
NUMBERS = 10
CALLERS = ("13912345678", "02087654321", "01062345678", "15800001111", "075523456789")


def _fresh_database(url: str) -> None:
    base, _, name = url.rpartition("/")
    for sql in (f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'):
        subprocess.run(["psql", f"{base}/postgres", "-qc", sql], check=True)


def _report(i: int, numbers: list[str], start: dt.datetime) -> CallReport:
    began = start + dt.timedelta(seconds=i)
    answered = i % 10 < 7
    talk = 20 + (i * 37) % 400
    return CallReport(
        call_id=f"bench-{i}",
        number=numbers[i % len(numbers)],
        caller=CALLERS[i % len(CALLERS)],
        caller_category="mobile",
        started_at=began,
        answered_at=began + dt.timedelta(seconds=6) if answered else None,
        ended_at=began + dt.timedelta(seconds=6 + (talk if answered else 30)),
        disposition=Disposition.ANSWERED if answered else Disposition.NO_ANSWER,
        attempts=(
            PhoneAttempt("13800138000", AttemptOutcome.ANSWERED if answered else AttemptOutcome.NO_ANSWER, 6),
        ),
        answered_phone="13800138000" if answered else "",
    )


async def _seed(name: str, count: int, prefix: str) -> tuple[Account, list[Number]]:
    account = await Account.create(name=name, balance_fen=10**12)
    now = utcnow()
    numbers = [
        Number(
            number=f"{prefix}{i:04d}", carrier=Carrier.UNICOM, grade=Grade.ORDINARY, status=NumberStatus.ACTIVE,
            account_id=account.id, status_changed_at=now,
        )
        for i in range(count)
    ]  # fmt: skip
    await Number.bulk_create(numbers)
    return account, await Number.filter(account_id=account.id).order_by("id")


async def _bare_inserts(account: Account, numbers: list[Number], reports: list[CallReport]) -> None:
    """The floor: the same rows, written with no look-up, check or rating."""
    by_text = {n.number: n for n in numbers}
    now = utcnow()
    for start in range(0, len(reports), BATCH):
        rows, entries = [], []
        for r in reports[start : start + BATCH]:
            number = by_text[r.number]
            rows.append(
                CallRecord(
                    call_id=f"bare-{r.call_id}", account_id=account.id, number_id=number.id,
                    number_text=number.number, caller=r.caller, caller_category=r.caller_category,
                    started_at=r.started_at, answered_at=r.answered_at, ended_at=r.ended_at,
                    disposition=r.disposition, attempts=[], answered_phone=r.answered_phone,
                    talk_seconds=60, billed_seconds=60, charge_fen=30, report_sha256="0" * 64, created_at=now,
                )
            )  # fmt: skip
            if r.answered_at is not None:
                entries.append(
                    LedgerEntry(
                        account_id=account.id, amount_fen=-30, kind=EntryKind.CALL_CHARGE, description="通话费",
                        reference=f"call:bare-{r.call_id}", idempotency_key=f"call:bare-{r.call_id}", created_at=now,
                    )
                )  # fmt: skip
        async with in_transaction() as conn:
            await CallRecord.bulk_create(rows, using_db=conn)
            await LedgerEntry.bulk_create(entries, using_db=conn)


async def _month_of_calls(config: Config, calls: int) -> tuple[Account, dt.date]:
    """An account with ``calls`` rated calls (and their ledger entries) in last month."""
    account, numbers = await _seed("statement-bench", NUMBERS, "400900")
    month = previous_month(utcnow())
    start, end = month_bounds(month)
    step = (end - start) / (calls + 1)
    chunk = 5000
    for first in range(0, calls, chunk):
        rows, entries = [], []
        for i in range(first, min(first + chunk, calls)):
            at = start + step * (i + 1)
            number = numbers[i % len(numbers)]
            fen = 30 * (1 + i % 5)
            rows.append(
                CallRecord(
                    call_id=f"month-{i}", account_id=account.id, number_id=number.id, number_text=number.number,
                    caller=CALLERS[i % len(CALLERS)], started_at=at, answered_at=at, ended_at=at,
                    disposition=Disposition.ANSWERED, attempts=[], talk_seconds=60 * (1 + i % 5),
                    billed_seconds=60 * (1 + i % 5), charge_fen=fen, report_sha256="0" * 64, created_at=at,
                )
            )  # fmt: skip
            entries.append(
                LedgerEntry(
                    account_id=account.id, amount_fen=-fen, kind=EntryKind.CALL_CHARGE, description="通话费",
                    reference=f"call:month-{i}", idempotency_key=f"call:month-{i}", created_at=at,
                )
            )  # fmt: skip
        await CallRecord.bulk_create(rows)
        await LedgerEntry.bulk_create(entries)
    return account, month


async def run(url: str, calls: int, statement_calls: int) -> dict[str, object]:
    config = load_config()
    await Tortoise.init(config=tortoise_config(url))
    try:
        # Last month's 100,000 calls first, then ANALYZE: the reports are measured against tables the
        # size and with the statistics of a service in use, not empty ones (whose cached query plans
        # would scan them whole as they grow).
        statement_account, month = await _month_of_calls(config, statement_calls)
        await connections.get("default").execute_script("ANALYZE")
        account, numbers = await _seed("calls-bench", NUMBERS, "400800")
        texts = [n.number for n in numbers]
        start = utcnow() - dt.timedelta(days=1)
        reports = [_report(i, texts, start) for i in range(calls)]
        await record_calls(reports[:BATCH], config)  # warm up (connections, caches)
        measured = reports[BATCH:]

        began = time.perf_counter()
        for first in range(0, len(measured), BATCH):
            await record_calls(measured[first : first + BATCH], config)
        rated_s = time.perf_counter() - began

        began = time.perf_counter()
        await _bare_inserts(account, numbers, measured)
        bare_s = time.perf_counter() - began

        began = time.perf_counter()
        statement = await issue(statement_account.id, month)
        statement_ms = (time.perf_counter() - began) * 1000
        assert statement is not None and statement.calls == statement_calls
    finally:
        await Tortoise.close_connections()
    return {
        "calls": len(measured),
        "calls_per_s": round(len(measured) / rated_s, 1),
        "bare_insert_calls_per_s": round(len(measured) / bare_s, 1),
        "ratio_vs_insert": round(rated_s / bare_s, 2),
        "statement_calls": statement_calls,
        "statement_ms_100k": round(statement_ms, 1),
        "targets": {"calls_per_s": 1000, "ratio_vs_insert": 3.0, "statement_ms_100k": 2000},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL, help="PostgreSQL URL: DROPPED and re-created")
    parser.add_argument("--calls", type=int, default=10_100, help="call reports (the first batch warms up)")
    parser.add_argument("--statement-calls", type=int, default=100_000)
    args = parser.parse_args()
    _fresh_database(args.database_url)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATA_DIR": tmp, "DATABASE_URL": args.database_url, "PYTHONWARNINGS": "ignore"}
        subprocess.run(
            [sys.executable, "-m", "api", "migrate"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
        os.environ.update({"DATA_DIR": tmp, "DATABASE_URL": args.database_url})
        result = asyncio.run(run(args.database_url, args.calls, args.statement_calls))
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
