"""Benchmark recording intake and the workers behind it: recorded calls reported at a steady rate.

Run: ``.venv/bin/python bench/recordings.py [--seconds 60] [--rate 20] [--workers 2] [--storage s3]
[--database-url postgres://postgres@127.0.0.1:5432/hotline_bench_recordings]``.

1. Prepares a database (a temporary SQLite file by default; a PostgreSQL URL is DROPPED and created
   again) with ``python -m api demo`` (its customer's number 400-600-0001 is in service) and a
   telephony token, and the store: a temporary ``DATA_DIR`` (``--storage local``) or a bucket on a
   SeaweedFS started here on loopback (``--storage s3``, ``tests/api/seaweed.py``).
2. Starts two service processes on different ports (``serve --no-jobs --no-worker``: intake only) and
   ``--workers`` worker processes (``python -m api worker``, at ``--worker-nice`` 10: sharing one
   machine, the intake must not wait behind ffmpeg, as it would not with workers on their own machines).
3. Reports ``--rate`` recorded calls per second for ``--seconds`` seconds, each a distinct
   ``--call-seconds`` 8 kHz WAV as Asterisk records it, round-robin over the two services, each report
   on time whatever the previous ones did (open loop). A failed report is retried twice, as the agent's
   outbox would; one that still fails is lost.
4. Waits until no recording is pending (at most ``--drain-timeout`` seconds).

Prints readable lines, then as its LAST line one JSON object: ``intake_p99_ms`` (report request time,
p99), ``drain_s`` (from the last report until every recording is processed), ``lost`` (calls without a
ready recording at the end: failed reports, failed or still pending rows), ``recordings_per_s_worker``
(ready recordings per second per worker over the time from the first report to the end of the drain —
the offered rate bounds it unless the queue grew) and the details.
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
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# This script's own directory comes first on sys.path, where it could shadow the project's packages.
sys.path[:] = [str(ROOT), *(p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench")]

import httpx  # noqa: E402

REPORT = """mutation($i:CallAudioInput!){reportCallAudio(input:$i){
  ... on Recording{id state} ... on UserErrors{errors{code message}}}}"""
NUMBER = "4006000001"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _call_wav(seconds: float) -> bytes:
    """A recorded call as Asterisk writes it (8 kHz mono 16-bit WAV): a tone with a tremolo."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "call.wav"
        subprocess.run(
            ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}:sample_rate=8000",
             "-af", "tremolo=f=2:d=0.7", "-ac", "1", "-ar", "8000", "-c:a", "pcm_s16le", str(path)],
            check=True, capture_output=True,
        )  # fmt: skip
        return path.read_bytes()


def _variant(wav: bytes, n: int) -> bytes:
    """The same call with its last two samples set to ``n``: a distinct file (content hash) at no cost."""
    return wav[:-4] + n.to_bytes(4, "little")


def _prepare_database(url: str) -> None:
    if url.startswith("postgres"):
        base, _, name = url.rpartition("/")
        subprocess.run(["psql", f"{base}/postgres", "-qc", f'DROP DATABASE IF EXISTS "{name}"'], check=True)
        subprocess.run(["psql", f"{base}/postgres", "-qc", f'CREATE DATABASE "{name}"'], check=True)


def _api(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "api", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


@contextlib.contextmanager
def _processes(
    commands: list[list[str]], env: dict[str, str], logs: Path
) -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    try:
        for n, command in enumerate(commands):
            with (logs / f"process-{n}.log").open("wb") as log:
                started.append(
                    subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
                )
        yield started
    finally:
        for process in started:
            if process.poll() is None:
                process.terminate()
        for process in started:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


async def _wait_healthy(ports: list[int], deadline_s: float = 60) -> None:
    end = time.monotonic() + deadline_s
    async with httpx.AsyncClient() as client:
        for port in ports:
            while True:
                try:
                    if (await client.get(f"http://127.0.0.1:{port}/healthz")).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > end:
                    raise RuntimeError(f"service on port {port} did not start")
                await asyncio.sleep(0.2)


async def _report(
    client: httpx.AsyncClient, port: int, token: str, call_id: str, data: bytes, latencies: list[float]
) -> bool:
    started_at = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(time.time() - 120))
    variables = {"i": {"kind": "CALL", "callId": call_id, "number": NUMBER, "caller": "13912345678",
                       "startedAt": started_at, "file": None}}  # fmt: skip
    for _ in range(3):
        begun = time.perf_counter()
        try:
            response = await client.post(
                f"http://127.0.0.1:{port}/graphql",
                headers={"Authorization": f"Bearer {token}"},
                data={"operations": json.dumps({"query": REPORT, "variables": variables}),
                      "map": json.dumps({"0": ["variables.i.file"]})},
                files={"0": ("call.wav", data, "audio/wav")},
            )  # fmt: skip
            latencies.append((time.perf_counter() - begun) * 1000)
            body = response.json()
            if response.status_code == 200 and body.get("data", {}).get("reportCallAudio", {}).get("id"):
                return True
        except (httpx.HTTPError, ValueError):
            latencies.append((time.perf_counter() - begun) * 1000)
        await asyncio.sleep(0.5)
    return False


async def _states(database_url: str) -> dict[str, int]:
    from tortoise import Tortoise

    from api.db import tortoise_config
    from api.recordings.models import Recording

    if not Tortoise._inited:
        await Tortoise.init(config=tortoise_config(database_url))
    rows = await Recording.all().values_list("state", flat=True)
    counts: dict[str, int] = {}
    for state in rows:
        counts[str(state)] = counts.get(str(state), 0) + 1
    return counts


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def _load(
    args: argparse.Namespace, ports: list[int], token: str, wav: bytes
) -> tuple[list[float], int, float, float]:
    latencies: list[float] = []
    total = int(args.rate * args.seconds)
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=50)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        t0 = time.monotonic()
        tasks = []
        for n in range(total):
            delay = t0 + n / args.rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(
                _report(client, ports[n % len(ports)], token, f"bench-{n}", _variant(wav, n), latencies)
            ))  # fmt: skip
        last_sent = time.monotonic()
        results = await asyncio.gather(*tasks)
    return latencies, total - sum(results), t0, last_sent


async def _main(args: argparse.Namespace) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix="bench-recordings-"))
    logs = workdir / "logs"
    logs.mkdir()
    database_url = args.database_url or f"sqlite://{workdir / 'bench.sqlite3'}"
    _prepare_database(database_url)
    env = {**os.environ, "DATABASE_URL": database_url, "DATA_DIR": str(workdir / "data"),
           "SECRET_KEY": "bench-secret", "PYTHONPATH": str(ROOT)}  # fmt: skip
    with contextlib.ExitStack() as stack:
        if args.storage == "s3":
            from tests.api.seaweed import running_seaweed

            (workdir / "seaweed").mkdir()
            seaweed = stack.enter_context(running_seaweed(workdir / "seaweed"))
            env.update(seaweed.env(seaweed.new_bucket()))
            print(f"storage: SeaweedFS S3 at {seaweed.endpoint}", flush=True)
        else:
            print(f"storage: local directory {workdir / 'data'}", flush=True)
        _api(env, "demo")
        token = _api(env, "create-service-token", "--name", "bench").strip().splitlines()[-1]
        ports = [_free_port(), _free_port()]
        serve = [[sys.executable, "-m", "api", "serve", "--host", "127.0.0.1", "--port", str(p), "--no-jobs",
                  "--no-worker", "--no-access-log", "--log-level", "warning"] for p in ports]  # fmt: skip
        workers = [
            [sys.executable, "-m", "api", "worker", "--concurrency", str(args.concurrency)]
        ] * args.workers
        wav = _call_wav(args.call_seconds)
        print(f"{len(wav) / 1e6:.2f} MB per call ({args.call_seconds:g} s, 8 kHz WAV); "
              f"{args.rate:g}/s for {args.seconds:g} s into ports {ports}; "
              f"{args.workers} worker(s) x {args.concurrency}", flush=True)  # fmt: skip
        load_before = os.getloadavg()
        stack.enter_context(_processes(serve + workers, env, logs))
        await _wait_healthy(ports)
        latencies, failed, t0, last_sent = await _load(args, ports, token, wav)
        sent_done = time.monotonic()
        print(f"reported in {sent_done - t0:.1f} s; {failed} report(s) failed", flush=True)
        states: dict[str, int] = {}
        while time.monotonic() - last_sent < args.drain_timeout:
            states = await _states(database_url)
            if not states.get("pending"):
                break
            await asyncio.sleep(0.2)
        drained = time.monotonic()
        load_after = os.getloadavg()
        from tortoise import Tortoise

        await Tortoise.close_connections()
    total = int(args.rate * args.seconds)
    ready = states.get("ready", 0)
    drain_s = drained - last_sent
    result = {
        "intake_p99_ms": round(_percentile(latencies, 99), 1),
        "drain_s": round(drain_s, 2),
        "lost": total - ready,
        "recordings_per_s_worker": round(ready / (drained - t0) / max(1, args.workers), 2),
        "intake_p50_ms": round(statistics.median(latencies), 1) if latencies else 0.0,
        "calls": total,
        "states": states,
        "failed_reports": failed,
        "rate": args.rate,
        "seconds": args.seconds,
        "workers": args.workers,
        "concurrency": args.concurrency,
        "call_seconds": args.call_seconds,
        "worker_nice": args.worker_nice,
        "storage": args.storage,
        "database": "postgresql" if database_url.startswith("postgres") else "sqlite",
        "loadavg_before": [round(x, 2) for x in load_before],
        "loadavg_after": [round(x, 2) for x in load_after],
        "cpus": os.cpu_count(),
    }
    print(f"intake p50 {result['intake_p50_ms']} ms, p99 {result['intake_p99_ms']} ms", flush=True)
    print(
        f"drained {drain_s:.1f} s after the last report; states {states}; lost {result['lost']}", flush=True
    )
    print(f"{result['recordings_per_s_worker']} recordings/s per worker; load average "
          f"{load_before[0]:.2f} before, {load_after[0]:.2f} after on {os.cpu_count()} CPU(s)", flush=True)  # fmt: skip
    print(f"logs: {logs}", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60, help="how long calls are reported (default 60)")
    parser.add_argument("--rate", type=float, default=20, help="recorded calls per second (default 20)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument(
        "--concurrency", type=int, default=2, help="recordings in hand per worker (default 2)"
    )
    parser.add_argument("--storage", choices=["local", "s3"], default="s3", help="default s3 (SeaweedFS)")
    parser.add_argument("--call-seconds", type=float, default=30, help="length of each call (default 30)")
    parser.add_argument(
        "--database-url", default="", help="PostgreSQL URL (dropped and created); default SQLite"
    )
    parser.add_argument(
        "--worker-nice",
        type=int,
        default=10,
        help="niceness of the workers (default 10): on one machine, intake goes first, as it would on its own",
    )
    parser.add_argument("--drain-timeout", type=float, default=600, help="give up draining after this")
    result = asyncio.run(_main(parser.parse_args()))
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
