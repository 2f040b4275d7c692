"""A real HTTPS server on loopback standing in for a customer's CRM, with a self-signed certificate.

Paths: ``/customer`` answers JSON (echoing the query, the JSON body and the ``Authorization`` header it got),
``/redirect`` a 302, ``/big`` 70 KiB, ``/slow`` nothing for 4 s, ``/error`` a 500. ``requests`` keeps
every request head received, so a test can show what was (and was not) sent.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import json
import ssl
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def self_signed(directory: Path, names: tuple[str, ...] = ()) -> tuple[Path, Path]:
    """A certificate for ``localhost``, ``127.0.0.1`` and ``names``, and its key, written as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [
                    x509.DNSName("localhost"),
                    x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                    *(x509.DNSName(n) for n in names),
                ]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


#: A test's own answer: (path, query, JSON body) → (status, JSON payload, seconds to wait first), or None.
Canned = Callable[[str, dict[str, str], object], tuple[int, object, float] | None]


@dataclass
class Crm:
    port: int
    cafile: str
    canned: Canned | None = None
    requests: list[bytes] = field(default_factory=list)
    open: list[asyncio.StreamWriter] = field(default_factory=list)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"https://{host}:{self.port}{path}"


async def _answer(crm: Crm, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    crm.open.append(writer)
    try:
        head = await reader.readuntil(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        body = await reader.readexactly(length) if length else b""
        crm.requests.append(head + body)
        target = head.split(b" ", 2)[1].decode()
        parts = urlsplit(target)
        auth = ""
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"authorization:"):
                auth = line.split(b":", 1)[1].strip().decode()
        status, payload = 200, b""
        query = dict(parse_qsl(parts.query))
        given = crm.canned(parts.path, query, json.loads(body) if body else None) if crm.canned else None
        if given is not None:
            status, document, delay = given
            await asyncio.sleep(delay)
            payload = json.dumps(document, ensure_ascii=False).encode()
        elif parts.path == "/customer":
            answer = {
                "customer": {"level": "7", "name": "张三"},
                "query": dict(parse_qsl(parts.query)),
                "body": json.loads(body) if body else None,
                "auth": auth,
            }
            payload = json.dumps(answer, ensure_ascii=False).encode()
        elif parts.path == "/redirect":
            writer.write(b"HTTP/1.0 302 Found\r\nLocation: https://127.0.0.1/customer\r\n\r\n")
            await writer.drain()
            return
        elif parts.path == "/big":
            payload = b'{"x":"' + b"a" * (70 * 1024) + b'"}'
        elif parts.path == "/slow":
            await asyncio.sleep(4)
            payload = b"{}"
        elif parts.path == "/error":
            status, payload = 500, b'{"error":"boom"}'
        else:
            status, payload = 404, b"{}"
        writer.write(
            f"HTTP/1.0 {status} X\r\nContent-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n".encode()
            + payload
        )
        await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError, ssl.SSLError):
        pass
    finally:
        writer.close()


@asynccontextmanager
async def crm_server(
    directory: Path,
    host: str = "127.0.0.1",
    port: int = 0,
    names: tuple[str, ...] = (),
    canned: Canned | None = None,
) -> AsyncIterator[Crm]:
    """The server, listening on ``host`` (a free port unless given), until the block ends."""
    cert, key = self_signed(directory, names)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    crm = Crm(0, str(cert), canned)
    server = await asyncio.start_server(lambda r, w: _answer(crm, r, w), host, port, ssl=context)
    crm.port = server.sockets[0].getsockname()[1]
    try:
        yield crm
    finally:
        server.close()
        for writer in crm.open:
            writer.transport.abort()
        await server.wait_closed()
