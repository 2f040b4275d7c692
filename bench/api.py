"""Benchmark the GraphQL read path against a hand-written Starlette endpoint doing the same reads.

Run: ``.venv/bin/python bench/api.py`` (SQLite in a temporary directory), or with
``--database-url postgres://user@host/db`` (that database is migrated and EMPTIED first).

1. Migrates a fresh database and seeds it (10,000 numbers, 500 accounts, holds; ``bench/api_seed.py``).
2. In-process over ``httpx.ASGITransport``: checks that GraphQL and the floor (``bench/api_floor.py``) return
   the same JSON, and counts SQL statements per request for pages of 10 and 50.
3. Serves both with uvicorn in subprocesses on loopback ports (``python -m api serve --no-jobs``, access
   log off) and drives each with a fixed number of concurrent keep-alive connections for a fixed time,
   in slices alternating between the two so that other load on the machine weighs on both alike.

The load generator is a minimal HTTP/1.1 client on asyncio streams rather than httpx: on a small machine
the client shares the CPU with the server, and httpx's per-request cost would slow the fast floor more
than GraphQL and so flatter the ratio.

Prints readable lines, then as its LAST line one JSON object: ``ratio_p50`` (GraphQL p50 / floor p50, the
worse of the search and the dashboard), ``rps``, ``p99_ms`` (GraphQL, the worse query), ``sql_per_request``
and per-query details.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# This script's own directory comes first on sys.path, where this file would shadow the ``api`` package.
sys.path[:] = [str(ROOT), *(p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench")]

import httpx  # noqa: E402
from tortoise import Tortoise  # noqa: E402

from api.app import create_app  # noqa: E402
from api.config import load_config  # noqa: E402
from api.db import tortoise_config  # noqa: E402
from bench.api_floor import create_app as create_floor  # noqa: E402
from bench.api_seed import Seeded, seed  # noqa: E402
from tests.sqlcount import count_statements  # noqa: E402

SEARCH = """query Search($first: Int!) {
  availableNumbers(first: $first, search: {prefix: "4008"}) {
    edges { cursor node { id number display carrier carrierName grade gradeName priceFen } }
    pageInfo { hasNextPage endCursor }
  }
}"""
DASHBOARD = """query Dashboard($first: Int!) {
  me { account { name balanceFen numbers(first: $first) {
    edges { node { number display status statusName grade gradeName statusChangedAt reservation { expiresAt } } }
    pageInfo { hasNextPage endCursor }
  } } }
}"""
OPERATOR = """query Inventory($first: Int!) {
  numbers(first: $first) { edges { node { number account { name } reservation { expiresAt } } } }
}"""


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    query: str
    floor_path: str
    role: str  # "customer" or "operator": whose tokens the clients send


SCENARIOS = [
    Scenario(
        "search", "available-numbers search, page of 50", SEARCH, "/floor/available?prefix=4008", "customer"
    ),
    Scenario("dashboard", "customer dashboard, 50 numbers", DASHBOARD, "/floor/dashboard", "customer"),
    Scenario(
        "operator", "operator page, 50 numbers + accounts + holds", OPERATOR, "/floor/operator", "operator"
    ),
]


def tokens_for(scenario: Scenario, seeded: Seeded) -> list[str]:
    return seeded.customer_tokens if scenario.role == "customer" else [seeded.operator_token]


def gql_body(scenario: Scenario, first: int) -> bytes:
    return json.dumps({"query": scenario.query, "variables": {"first": first}}).encode()


def floor_path(scenario: Scenario, first: int) -> str:
    sep = "&" if "?" in scenario.floor_path else "?"
    return f"{scenario.floor_path}{sep}first={first}"


# --- in-process checks: same JSON, statements per request ------------------------------------------------


async def check_in_process(database_url: str, data_dir: Path, seeded: Seeded) -> dict[str, dict[int, int]]:
    """Statements per request by scenario and page size, after checking both apps answer the same JSON."""
    config = load_config(
        {"DATA_DIR": str(data_dir), "DATABASE_URL": database_url, "JOB_INTERVAL_SECONDS": "0"}
    )
    gql_app = create_app(config, run_jobs=False, manage_orm=False)
    floor_app = create_floor(manage_orm=False)
    counts: dict[str, dict[int, int]] = {}
    async with (
        httpx.AsyncClient(transport=httpx.ASGITransport(app=gql_app), base_url="http://bench") as gql,
        httpx.AsyncClient(transport=httpx.ASGITransport(app=floor_app), base_url="http://bench") as floor,
    ):
        for scenario in SCENARIOS:
            headers = {
                "authorization": f"Bearer {tokens_for(scenario, seeded)[0]}",
                "content-type": "application/json",
            }
            counts[scenario.key] = {}
            for first in (10, 50):
                await gql.post(
                    "/graphql", content=gql_body(scenario, first), headers=headers
                )  # token last-used
                with count_statements() as counter:
                    answer = (
                        await gql.post("/graphql", content=gql_body(scenario, first), headers=headers)
                    ).json()
                with count_statements() as floor_counter:
                    expected = (await floor.get(floor_path(scenario, first), headers=headers)).json()
                if answer != expected:
                    raise SystemExit(f"{scenario.key}: GraphQL and floor disagree:\n{answer}\n{expected}")
                if "errors" in answer:
                    raise SystemExit(f"{scenario.key}: {answer['errors']}")
                edges = _edges(answer)
                if len(edges) != first:
                    raise SystemExit(f"{scenario.key}: expected a full page of {first}, got {len(edges)}")
                if floor_counter.count != counter.count:
                    print(
                        f"  note: {scenario.key} floor sends {floor_counter.count} statements, GraphQL {counter.count}"
                    )
                counts[scenario.key][first] = counter.count
    return counts


def _edges(answer: dict[str, Any]) -> list[Any]:
    data = answer["data"]
    conn = data.get("availableNumbers") or data.get("numbers") or data["me"]["account"]["numbers"]
    return conn["edges"]


# --- servers ------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(argv: list[str], env: dict[str, str], port: int) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"server did not start: {' '.join(argv)}")
            time.sleep(0.1)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


# --- load ------------------------------------------------------------------------------------------------


def request_bytes(method: str, port: int, path: str, token: str, body: bytes = b"") -> bytes:
    head = [
        f"{method} {path} HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        "Accept: application/json",
        f"Authorization: Bearer {token}",
    ]
    if body:
        head += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


async def exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> bytes:
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = head[9:12]
    length = None
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    if length is None:
        raise RuntimeError("response without Content-Length")
    body = await reader.readexactly(length)
    if status != b"200":
        raise RuntimeError(f"HTTP {status.decode()}: {body[:300]!r}")
    return body


@dataclass
class LoadResult:
    requests: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    @classmethod
    def merged(cls, results: list[LoadResult]) -> LoadResult:
        return cls(
            sum(r.requests for r in results),
            sum(r.seconds for r in results),
            [ms for r in results for ms in r.latencies_ms],
        )

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


async def drive(
    port: int, requests: list[bytes], concurrency: int, warmup: float, duration: float
) -> LoadResult:
    """``concurrency`` keep-alive connections, each sending its next request as soon as the last answered."""
    latencies: list[float] = []
    start = time.perf_counter()
    measure_from = start + warmup
    stop_at = measure_from + duration

    async def client(i: int) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        request = requests[i % len(requests)]
        try:
            while True:
                t0 = time.perf_counter()
                if t0 >= stop_at:
                    return
                body = await exchange(reader, writer, request)
                t1 = time.perf_counter()
                if t0 >= measure_from:
                    latencies.append((t1 - t0) * 1000)
                if b'"errors"' in body[:12]:
                    raise RuntimeError(body[:300].decode())
        finally:
            writer.close()

    await asyncio.gather(*(client(i) for i in range(concurrency)))
    return LoadResult(len(latencies), duration, latencies)


# --- main -------------------------------------------------------------------------------------------------


def migrate(env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "api", "migrate"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


async def prepare(
    database_url: str, data_dir: Path, empty_first: bool
) -> tuple[Seeded, dict[str, dict[int, int]]]:
    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)
    try:
        t0 = time.perf_counter()
        seeded = await seed(empty_first=empty_first)
        print(f"seeded in {time.perf_counter() - t0:.1f} s: {seeded.counts}")
        return seeded, await check_in_process(database_url, data_dir, seeded)
    finally:
        await Tortoise.close_connections()


def main() -> None:
    parser = argparse.ArgumentParser(description="GraphQL read path vs a hand-written endpoint")
    parser.add_argument(
        "--database-url", help="PostgreSQL URL (migrated and emptied!); default SQLite in a temp dir"
    )
    parser.add_argument("--concurrency", type=int, default=8, help="keep-alive connections per run")
    parser.add_argument("--duration", type=float, default=6.0, help="measured seconds per run")
    parser.add_argument("--warmup", type=float, default=1.5, help="unmeasured seconds before each run")
    parser.add_argument("--rounds", type=int, default=4, help="alternating GraphQL/floor slices per run")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-api-") as tmp:
        data_dir = Path(tmp) / "data"
        database_url = args.database_url or f"sqlite://{Path(tmp) / 'bench.sqlite3'}"
        env = {
            **os.environ,
            "DATA_DIR": str(data_dir),
            "DATABASE_URL": database_url,
            "SECRET_KEY": "bench",
            "PYTHONWARNINGS": "ignore",
        }
        migrate(env)
        seeded, statements = asyncio.run(prepare(database_url, data_dir, empty_first=bool(args.database_url)))
        print("SQL statements per request (page of 10 / 50), GraphQL and floor answer identical JSON:")
        for scenario in SCENARIOS:
            print(f"  {scenario.key:<10} {statements[scenario.key][10]} / {statements[scenario.key][50]}")

        gql_port, floor_port = free_port(), free_port()
        serve_gql = [
            sys.executable,
            "-m",
            "api",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(gql_port),
            "--no-jobs",
            "--no-access-log",
            "--log-level",
            "warning",
        ]
        serve_floor = [sys.executable, str(ROOT / "bench" / "api_floor.py"), "--port", str(floor_port)]
        results: dict[str, dict[str, LoadResult]] = {}
        print(
            f"load: {args.concurrency} connections, {args.warmup:g} s warm-up + {args.duration:g} s per run "
            f"in {args.rounds} alternating slices, "
            f"{os.cpu_count()} CPUs, {'PostgreSQL' if args.database_url else 'SQLite'}"
        )
        with serving(serve_gql, env, gql_port), serving(serve_floor, env, floor_port):
            for scenario in SCENARIOS:
                tokens = tokens_for(scenario, seeded)
                gql_requests = [
                    request_bytes("POST", gql_port, "/graphql", t, gql_body(scenario, 50)) for t in tokens
                ]
                floor_requests = [
                    request_bytes("GET", floor_port, floor_path(scenario, 50), t) for t in tokens
                ]
                # Alternating slices, so that other load on the machine weighs on both servers alike.
                runs: dict[str, list[LoadResult]] = {"graphql": [], "floor": []}
                slice_s = args.duration / args.rounds
                for i in range(args.rounds):
                    warmup = args.warmup if i == 0 else 0.2
                    for name, port, requests in (
                        ("graphql", gql_port, gql_requests),
                        ("floor", floor_port, floor_requests),
                    ):
                        runs[name].append(
                            asyncio.run(drive(port, requests, args.concurrency, warmup, slice_s))
                        )
                results[scenario.key] = {name: LoadResult.merged(r) for name, r in runs.items()}
                report(scenario, results[scenario.key], statements[scenario.key])
    summary(results, statements)


def report(scenario: Scenario, result: dict[str, LoadResult], statements: dict[int, int]) -> None:
    gql, floor = result["graphql"], result["floor"]
    print(f"{scenario.label}:")
    for name, r in (("GraphQL", gql), ("floor", floor)):
        print(
            f"  {name:<8} {r.rps:8.0f} req/s   p50 {r.percentile(50):6.2f} ms   p99 {r.percentile(99):6.2f} ms"
            f"   mean {statistics.fmean(r.latencies_ms):6.2f} ms"
        )
    print(
        f"  ratio GraphQL/floor: p50 {gql.percentile(50) / floor.percentile(50):.2f}×, "
        f"throughput {floor.rps / gql.rps:.2f}×; {statements[50]} SQL statements per request"
    )


def summary(results: dict[str, dict[str, LoadResult]], statements: dict[str, dict[int, int]]) -> None:
    ratios = {k: r["graphql"].percentile(50) / r["floor"].percentile(50) for k, r in results.items()}
    main_keys = ("search", "dashboard")
    worst = max(main_keys, key=lambda k: ratios[k])
    out: dict[str, Any] = {
        "ratio_p50": round(ratios[worst], 2),
        "ratio_p50_query": worst,
        "rps": round(min(results[k]["graphql"].rps for k in main_keys), 1),
        "p99_ms": round(max(results[k]["graphql"].percentile(99) for k in main_keys), 2),
        "sql_per_request": max(statements[k][50] for k in main_keys),
        "sql_grows_with_page": any(s[10] != s[50] for s in statements.values()),
        "ratio_p50_operator": round(ratios["operator"], 2),
    }
    for key, r in results.items():
        out[key] = {
            "rps": round(r["graphql"].rps, 1),
            "p50_ms": round(r["graphql"].percentile(50), 2),
            "p99_ms": round(r["graphql"].percentile(99), 2),
            "floor_rps": round(r["floor"].rps, 1),
            "floor_p50_ms": round(r["floor"].percentile(50), 2),
            "ratio_p50": round(ratios[key], 2),
            "sql_per_request": statements[key][50],
        }
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
