"""GraphQL request bodies are capped before they are read: 413 beyond REQUEST_MAX_BYTES (uploads: the
files' own limits on top), and an upload from someone not signed in is refused unread.

The in-process tests count how much of a body the service pulled; the last ones run the real server
(uvicorn on loopback) and talk raw HTTP/1.1 to it, chunked bodies without a length included.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from api.accounts.auth import Viewer
from api.accounts.models import TokenScope
from api.app import create_app
from api.config import Config
from api.media.library import read_limit
from api.media.models import MediaKind
from api.recordings import intake
from api.recordings.models import RecordingKind
from api.view import upload_body_limit
from tests.api import documents
from tests.api.media_support import UPLOAD, new_key
from tests.api.support import Env, gql_upload
from tests.api.test_applications import SUBMIT, company, reserved

KIB, MIB = 1024, 1024 * 1024
ROOT = Path(__file__).resolve().parents[2]


def _app(env: Env, **changes: Any) -> Any:
    return create_app(Config(**{**env.config.__dict__, **changes}), run_jobs=False, manage_orm=False)


class Counted:
    """A request body handed out in chunks, counting what the service asked for."""

    def __init__(self, head: bytes, total: int, chunk: int = 64 * KIB) -> None:
        self.head, self.total, self.chunk, self.sent = head, total, chunk, 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.head
        self.sent = len(self.head)
        while self.sent < self.total:
            piece = b" " * min(self.chunk, self.total - self.sent)
            self.sent += len(piece)
            yield piece


def upload_head() -> bytes:
    """The start of an uploadMedia request, up to the file's content (which the test then sends)."""
    operations = json.dumps(
        {"query": UPLOAD, "variables": {"k": "IVR_PROMPT", "n": "提示", "f": None, "key": new_key()}}
    )
    return (
        b"--b\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n" + operations.encode()
        + b'\r\n--b\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.f"]}\r\n'
        + b'--b\r\nContent-Disposition: form-data; name="0"; filename="a.wav"\r\n\r\n'
    )  # fmt: skip


def _error(response: Any) -> tuple[int, str, str]:
    error = response.json()["errors"][0]
    return response.status_code, error["extensions"]["code"], error["message"]


async def test_a_json_body_over_the_cap_is_refused_by_its_length_unread(env: Env) -> None:
    env.app = _app(env, request_max_bytes=64 * KIB)
    body = Counted(b'{"query":"{me{isOperator}}","x":"', 100 * MIB)
    async with env.client() as http:
        response = await http.post(
            "/graphql",
            content=body,
            headers={"content-type": "application/json", "content-length": str(100 * MIB)},
        )
        assert _error(response) == (413, "body_too_large", "请求内容过大,上限为64 KB")
        assert body.sent <= 64 * KIB + 64 * KIB  # at most the transport's first chunk
        # At the cap, a request still works.
        padded = json.dumps({"query": "{me{isOperator}}", "x": ""}).encode()
        padded = padded[:-2] + b" " * (64 * KIB - len(padded)) + b'"}'
        assert len(padded) == 64 * KIB
        ok = await http.post("/graphql", content=padded, headers={"content-type": "application/json"})
        assert ok.json() == {"data": {"me": {"isOperator": False}}}


async def test_a_chunked_json_body_is_cut_off_at_the_cap(env: Env) -> None:
    env.app = _app(env, request_max_bytes=256 * KIB)
    body = Counted(b'{"query":"{me{isOperator}}","x":"', 50 * MIB)
    async with env.client() as http:
        response = await http.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert "content-length" not in response.request.headers  # sent chunked
    assert _error(response)[:2] == (413, "body_too_large")
    assert body.sent <= 256 * KIB + 64 * KIB


async def test_an_anonymous_upload_is_refused_before_its_body_is_read(env: Env) -> None:
    head = upload_head()
    for length in ({"content-length": str(50 * MIB)}, {}):  # declared, and chunked
        body = Counted(head, 50 * MIB)
        async with env.client() as http:
            response = await http.post(
                "/graphql",
                content=body,
                headers={"content-type": "multipart/form-data; boundary=b", "x-requested-with": "x"} | length,
            )
        assert _error(response) == (401, "UNAUTHENTICATED", "请先登录")
        assert body.sent <= len(head) + 64 * KIB


async def test_a_signed_in_upload_is_capped_at_what_its_files_may_need(env: Env) -> None:
    env.app = _app(env, request_max_bytes=64 * KIB, upload_max_bytes=256 * KIB)
    customer = await env.customer("acme")
    media = max(read_limit(kind) for kind in MediaKind)  # the longest prompt (60 MB) beats 5 documents
    body = Counted(upload_head(), media + 64 * KIB + MIB)
    response = await customer.http.post(
        "/graphql",
        content=body,
        headers={"content-type": "multipart/form-data; boundary=b", "x-requested-with": "x"},
    )
    assert _error(response) == (413, "body_too_large", "请求内容过大,上限为60 MB")
    assert body.sent <= media + 64 * KIB + 64 * KIB


async def test_the_largest_application_still_goes_through(env: Env) -> None:
    """All five documents at the document limit: far over REQUEST_MAX_BYTES, within the upload cap."""
    env.app = _app(env, request_max_bytes=64 * KIB, upload_max_bytes=256 * KIB)
    client, reservation = await reserved(env, "acme", "4008000001")  # a telecom number: five documents

    def at_limit(name: str) -> tuple[str, bytes]:
        head = documents.pdf()[:-6]
        return name, head + b"\x00" * (256 * KIB - len(head) - 6) + b"%%EOF\n"

    uploads = {
        f"d.{field}": at_limit(f"{field}.pdf")
        for field in (
            "businessLicence",
            "legalRepIdFront",
            "legalRepIdBack",
            "applicationForm",
            "networkAccessAgreement",
        )
    }
    assert all(len(data) == 256 * KIB for _, data in uploads.values())
    variables = {"r": reservation, "c": company(), "d": {}}
    body = await gql_upload(client, SUBMIT, variables, uploads)
    assert body["data"]["submitApplication"]["__typename"] == "Application", body
    assert [d["sizeBytes"] for d in body["data"]["submitApplication"]["documents"]] == [256 * KIB] * 5


async def test_the_largest_prompt_upload_reaches_the_audio_checks(env: Env) -> None:
    """A file of exactly the prompt limit (60 MB) passes the body cap; what it holds is checked next."""
    customer = await env.customer("acme")
    size = read_limit(MediaKind.IVR_PROMPT) - 1
    body = await gql_upload(
        customer,
        UPLOAD,
        {"k": "IVR_PROMPT", "n": "提示", "f": None, "key": new_key()},
        {"f": ("big.wav", b"\x00" * size)},
    )
    assert "errors" not in body, body
    refused = body["data"]["uploadMedia"]["errors"]
    assert refused and refused[0]["code"] != "body_too_large" and refused[0]["code"] != "file_too_large"


def test_each_caller_may_send_its_largest_upload(config: Config) -> None:
    documents_at_limit = 5 * (config.upload_max_bytes + 1)
    prompt = max(read_limit(kind) for kind in MediaKind)
    recording = max(intake.read_limit(kind) for kind in RecordingKind)
    assert recording > 300 * 1000 * 1000 and prompt > 60 * 1000 * 1000
    people = upload_body_limit(config, Viewer(user=None, scope=TokenScope.USER))
    assert people == max(documents_at_limit, prompt) + config.request_max_bytes
    telephony = upload_body_limit(config, Viewer(scope=TokenScope.TELEPHONY))
    assert telephony == recording + config.request_max_bytes
    bigger = Config(**{**config.__dict__, "upload_max_bytes": 50 * MIB})
    assert (
        upload_body_limit(bigger, Viewer(scope=TokenScope.USER))
        == 5 * (50 * MIB + 1) + bigger.request_max_bytes
    )


# The real server ------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int, int]]:
    """``python -m api serve`` with a 1 MiB cap: (host, port, pid)."""
    data = tmp_path_factory.mktemp("request-size")
    env = {
        **os.environ,
        "DATA_DIR": str(data),
        "DATABASE_URL": f"sqlite://{data / 'hotline.sqlite3'}",
        "SECRET_KEY": "request-size",
        "REQUEST_MAX_BYTES": str(MIB),
        "PYTHONWARNINGS": "ignore",
    }
    port = _free_port()
    log = (data / "service.log").open("w")
    command = [sys.executable, "-m", "api", "serve", "--migrate", "--no-jobs", "--port", str(port)]
    proc = subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--no-access-log"], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                    break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"the service exited: {(data / 'service.log').read_text()}")
                time.sleep(0.1)
        yield "127.0.0.1", port, proc.pid
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()


def _answer(sock: socket.socket) -> tuple[int, dict[str, Any]]:
    """The status and JSON body of the response on ``sock`` (the server closes the connection)."""
    sock.settimeout(10)
    received = b""
    while True:
        try:
            piece = sock.recv(65536)
        except ConnectionResetError:
            break
        if not piece:
            break
        received += piece
    head, _, body = received.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    if b"transfer-encoding: chunked" in head.lower():
        size, _, rest = body.partition(b"\r\n")
        body = rest[: int(size, 16)]
    return status, json.loads(body)


def _peak_memory_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


def test_the_real_server_answers_413_before_the_body_ends(server: tuple[str, int, int]) -> None:
    host, port, pid = server
    assert _me(host, port) == {"data": {"me": {"isOperator": False}}}  # warm: imports, connections
    peak = _peak_memory_kib(pid)
    # Chunked, no length: the server answers once 1 MiB has arrived, though the body never ends.
    with socket.create_connection((host, port)) as sock:
        sock.sendall(
            b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        chunk = b" " * (64 * KIB)
        for _ in range(20):  # 1.25 MiB, then silence
            sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        status, body = _answer(sock)
    assert status == 413 and body["errors"][0]["extensions"]["code"] == "body_too_large"

    # A declared 100 MB body: refused on its headers alone.
    with socket.create_connection((host, port)) as sock:
        sock.sendall(
            b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b'Content-Length: 100000000\r\n\r\n{"query":'
        )
        status, body = _answer(sock)
    assert status == 413 and body["errors"][0]["extensions"]["limitBytes"] == MIB

    # A 50 MB upload from nobody: asked to sign in, its body unread.
    with socket.create_connection((host, port)) as sock:
        sock.sendall(
            b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
            b"X-Requested-With: x\r\nContent-Length: 50000000\r\n\r\n--b\r\n"
        )
        status, body = _answer(sock)
    assert status == 401 and body["errors"][0]["message"] == "请先登录"

    # None of it was held in memory, and the server still answers.
    assert _peak_memory_kib(pid) - peak < 20 * 1024
    assert _me(host, port) == {"data": {"me": {"isOperator": False}}}


def _me(host: str, port: int) -> Any:
    request = urllib.request.Request(
        f"http://{host}:{port}/graphql",
        data=json.dumps({"query": "{me{isOperator}}"}).encode(),
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())
