"""Real servers on loopback for the notification tests: an SMTP server (aiosmtpd) and a webhook gateway."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import socket
import threading
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller

from api.app import create_app
from api.config import Config
from tests.api.support import Env


class _Mailbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def smtp_server() -> Iterator[tuple[int, list[EmailMessage]]]:
    """An SMTP server on 127.0.0.1 (no TLS); the port and the messages it received."""
    box = _Mailbox()
    port = _free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, box.messages
    finally:
        controller.stop()


@dataclasses.dataclass
class Gateway:
    """What the webhook received; ``fail`` answers the next requests with HTTP 500."""

    url: str
    received: list[dict[str, Any]]
    headers: list[dict[str, str]]
    fail: int = 0


@contextlib.contextmanager
def webhook_server() -> Iterator[Gateway]:
    gateway = Gateway(url="", received=[], headers=[])

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            if gateway.fail > 0:
                gateway.fail -= 1
                self.send_response(500)
                self.end_headers()
                return
            gateway.received.append(json.loads(body))
            gateway.headers.append(dict(self.headers))
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    gateway.url = f"http://127.0.0.1:{server.server_address[1]}/send"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield gateway
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def notifying_env(config: Config, smtp_port: int, gateway: Gateway) -> Env:
    """The service configured to send through the loopback servers."""
    cfg = dataclasses.replace(
        config,
        smtp_host="127.0.0.1",
        smtp_port=smtp_port,
        smtp_tls="none",
        smtp_from="billing@hotline.test",
        sms_webhook_url=gateway.url,
        voice_webhook_url=gateway.url,
        webhook_token="gateway-secret",
    )
    return Env(cfg, create_app(cfg, run_jobs=False, manage_orm=False))
