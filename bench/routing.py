"""Benchmark the telephony layer's hot path against a running service.

Run: ``.venv/bin/python bench/routing.py`` (SQLite in a temporary directory; ``--database-url`` for
PostgreSQL — that database is migrated and gets bench rows added).

1. Migrates a fresh database and seeds it: one customer, ``--numbers`` active 400 numbers, each with the
   provider FAQ's work-hours simple routing, a 300-entry blacklist and a refused area (so every plan is compiled
   and stored), a telephony token and a customer token.
2. Serves the API with uvicorn in a subprocess on a loopback port (``python -m api serve --no-jobs``,
   access log off).
3. Drives it over loopback HTTP/1.1 keep-alive with a minimal asyncio client (bounded request counts):
   * ``plan_fetch`` — ``GET /telephony/plans/{number}`` with ``If-None-Match`` (the telephony layer's
     steady state: 304, nothing re-sent);
   * ``plan_fetch_cold`` — the same without ``If-None-Match`` (full plan JSON);
   * ``what_happens`` — the GraphQL "what happens if" query (the customer's simulator on the live plan).
   Latency percentiles come from one connection issuing requests back to back; requests/s from
   ``--connections`` connections at once.

Prints readable lines, then as its LAST line one JSON object with ``plan_fetch_p99_ms``,
``plan_fetch_rps`` (the cached fetch; target p99 < 20 ms) and the other figures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The project root first on sys.path, so ``api`` is the package whatever the working directory.
sys.path[:] = [str(ROOT), *(p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench")]

from tortoise import Tortoise  # noqa: E402

WHAT_HAPPENS = (
    'query($n:ID!){whatHappens(numberId:$n,call:{caller:"02083334444",at:"2026-03-07T13:00:00+08:00"})'
    "{... on Simulation{outcome rings{number durationS}}}}"
)


@dataclass
class Seeded:
    numbers: list[tuple[int, str]]
    telephony_token: str
    customer_token: str


async def seed(database_url: str, count: int) -> Seeded:
    from api.accounts.auth import create_api_token
    from api.accounts.models import TokenScope
    from api.accounts.service import create_account_with_user
    from api.db import tortoise_config
    from api.numbers.importing import import_numbers
    from api.numbers.lifecycle import Actor
    from api.numbers.models import Number
    from api.numbers.numbering import NumberStatus
    from api.routing import settings, simple
    from api.routing.models import ListMode

    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)
    try:
        _, user = await create_account_with_user(
            company_name="压测科技有限公司",
            login="bench-routing",
            password="bench-routing-400",
            display_name="压测",
        )
        first = 4006500000
        await import_numbers(f"{first}-{first + count - 1}", Actor(label="bench"))
        await Number.filter(number__gte=str(first), number__lte=str(first + count - 1)).update(
            status=NumberStatus.ACTIVE, account_id=user.account_id
        )
        routing = simple.SimpleRouting(
            destinations=[simple.Bound("0756-2222222", 50, "办公室")],
            work_windows=[
                simple.WorkWindow([1, 2, 3, 4, 5], "08:30", "17:30"),
                simple.WorkWindow([6], "08:30", "12:00"),
            ],
            after_hours=[simple.Bound("15612345678", 55, "值班手机")],
            voicemail=True,
        )
        blacklist = "\n".join(f"1391234{i:04d}" for i in range(300))
        numbers = []
        for number in await Number.filter(account_id=user.account_id).order_by("number"):
            await settings.set_caller_list(number, ListMode.BLACK, blacklist)
            await settings.set_areas(number, [], ["010"])
            await simple.save_simple_routing(number, routing, "bench")
            numbers.append((number.id, number.number))
        _, telephony = await create_api_token(
            name="bench", scope=TokenScope.TELEPHONY, user=None, created_by=None
        )
        _, customer = await create_api_token(name="bench", scope=TokenScope.USER, user=user, created_by=user)
        return Seeded(numbers, telephony, customer)
    finally:
        await Tortoise.close_connections()


# --- a minimal HTTP/1.1 keep-alive client --------------------------------------------------------------


class Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        return cls(reader, writer)

    async def request(self, raw: bytes) -> tuple[int, bytes]:
        self.writer.write(raw)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        length = 0
        for line in lines[1:]:
            if line.lower().startswith("content-length:"):
                length = int(line.split(":", 1)[1])
        body = await self.reader.readexactly(length) if length else b""
        return status, body

    def close(self) -> None:
        self.writer.close()


def get(path: str, token: str, etag: str | None = None) -> bytes:
    extra = f"If-None-Match: {etag}\r\n" if etag else ""
    return (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n{extra}\r\n"
    ).encode()


def post_json(path: str, token: str, payload: dict[str, object]) -> bytes:
    body = json.dumps(payload).encode()
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    return head + body


async def latencies(port: int, requests: list[bytes], expect: int) -> list[float]:
    conn = await Connection.open(port)
    out = []
    try:
        for raw in requests:
            started = time.perf_counter()
            status, _ = await conn.request(raw)
            out.append((time.perf_counter() - started) * 1000)
            if status != expect:
                raise SystemExit(f"unexpected status {status} (wanted {expect})")
    finally:
        conn.close()
    return out


async def throughput(port: int, requests: list[bytes], connections: int, expect: int) -> float:
    per = len(requests) // connections

    async def worker(part: list[bytes]) -> None:
        conn = await Connection.open(port)
        try:
            for raw in part:
                status, _ = await conn.request(raw)
                if status != expect:
                    raise SystemExit(f"unexpected status {status} (wanted {expect})")
        finally:
            conn.close()

    parts = [requests[i * per : (i + 1) * per] for i in range(connections)]
    started = time.perf_counter()
    await asyncio.gather(*(worker(p) for p in parts))
    return per * connections / (time.perf_counter() - started)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# --- the server --------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serving(env: dict[str, str], port: int) -> Iterator[None]:
    argv = [
        sys.executable,
        "-m",
        "api",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--no-jobs",
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise SystemExit("server did not start") from None
                time.sleep(0.1)
        yield
    finally:
        process.terminate()
        process.wait(timeout=15)


async def measure(port: int, seeded: Seeded, rounds: int, connections: int) -> dict[str, float]:
    token = seeded.telephony_token
    numbers = [n for _, n in seeded.numbers]
    etags = {}
    conn = await Connection.open(port)
    for n in numbers:  # the telephony layer's first sync: learn each plan's ETag
        conn.writer.write(get(f"/telephony/plans/{n}", token))
        head = await conn.reader.readuntil(b"\r\n\r\n")
        headers = dict(
            line.split(": ", 1) for line in head.decode("latin-1").split("\r\n")[1:] if ": " in line
        )
        etags[n] = headers.get("etag") or headers.get("ETag")
        await conn.reader.readexactly(int(headers.get("content-length", "0")))
    conn.close()
    cached = [
        get(f"/telephony/plans/{numbers[i % len(numbers)]}", token, etags[numbers[i % len(numbers)]])
        for i in range(rounds)
    ]
    cold = [get(f"/telephony/plans/{numbers[i % len(numbers)]}", token) for i in range(rounds)]
    what = [
        post_json(
            "/graphql",
            seeded.customer_token,
            {"query": WHAT_HAPPENS, "variables": {"n": str(seeded.numbers[i % len(numbers)][0])}},
        )
        for i in range(rounds // 2)
    ]
    await latencies(port, cached[:200], 304)  # warm up
    results: dict[str, float] = {}
    for key, requests, status in (
        ("plan_fetch", cached, 304),
        ("plan_fetch_cold", cold, 200),
        ("what_happens", what, 200),
    ):
        lat = await latencies(port, requests, status)
        rps = await throughput(port, requests, connections, status)
        results[f"{key}_p50_ms"] = round(percentile(lat, 0.50), 3)
        results[f"{key}_p99_ms"] = round(percentile(lat, 0.99), 3)
        results[f"{key}_rps"] = round(rps, 1)
        print(
            f"{key:16} p50 {results[f'{key}_p50_ms']:7.2f} ms  p99 {results[f'{key}_p99_ms']:7.2f} ms  "
            f"{results[f'{key}_rps']:8.1f} req/s ({connections} connections, {len(requests)} requests)",
            flush=True,
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="PostgreSQL URL (migrated; bench rows are added)")
    parser.add_argument("--numbers", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=2000, help="requests per measurement")
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite://{tmp}/bench.sqlite3"
        env = {
            **os.environ,
            "DATA_DIR": tmp,
            "DATABASE_URL": url,
            "SECRET_KEY": "bench",
            "JOB_INTERVAL_SECONDS": "0",
            "PYTHONWARNINGS": "ignore",
        }
        subprocess.run(
            [sys.executable, "-m", "api", "migrate"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
        started = time.perf_counter()
        seeded = asyncio.run(seed(url, args.numbers))
        print(
            f"seeded {len(seeded.numbers)} routed numbers in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        port = free_port()
        with serving(env, port):
            results = asyncio.run(measure(port, seeded, args.rounds, args.connections))
    results["plan_fetch_target_p99_ms"] = 20.0
    results["numbers"] = args.numbers
    results["database"] = "postgresql" if args.database_url else "sqlite"
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
