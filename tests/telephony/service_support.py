"""A real service for the agent's tests: a migrated SQLite database, two routed numbers, uvicorn on loopback.

The agent must only ever see the service over HTTP, so the service runs as its own process
(``python -m api serve``); the test process writes to the same database (seeding, then changing a routing)
the way another API process would.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import socket
import struct
import subprocess
import sys
import time
import wave
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

from tortoise import Tortoise

from api.accounts.auth import create_api_token
from api.accounts.models import Role, TokenScope
from api.accounts.service import create_account_with_user, create_user
from api.billing.rates import assign_rate_plan, create_rate_plan
from api.billing.recharges import RechargeMethod, recharge
from api.config import load_config
from api.db import tortoise_config
from api.media.library import add_upload, prompt_id
from api.media.models import MediaKind
from api.media.review import approve_ringback
from api.media.storage import media_store
from api.numbers.importing import import_numbers
from api.numbers.lifecycle import Actor
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus
from api.numbers.operations import operator_change_status
from api.routing import simple
from tests.telephony.asterisk_instance import REPO, free_loopback_port

NUMBERS = ("4006228300", "4006228301")


def tone_wav(seconds: float, hertz: float = 440.0) -> bytes:
    """A sine tone as a 16-bit 8 kHz WAV file: real audio the service's pipeline accepts."""
    frames = bytearray()
    for i in range(int(8000 * seconds)):
        frames += struct.pack("<h", int(12000 * math.sin(2 * math.pi * hertz * i / 8000)))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(bytes(frames))
    return buffer.getvalue()


class ServiceUnderTest:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.database_url = f"sqlite://{root / 'hotline.sqlite3'}"
        self.env = {
            **os.environ,
            "DATA_DIR": str(root),
            "DATABASE_URL": self.database_url,
            "SECRET_KEY": "telephony-tests",
            "JOB_INTERVAL_SECONDS": "0",
        }
        self.token = ""

    @contextlib.asynccontextmanager
    async def database(self) -> AsyncIterator[None]:
        await Tortoise.init(config=tortoise_config(self.database_url), _enable_global_fallback=True)
        try:
            yield
        finally:
            await Tortoise.close_connections()

    async def prepare(self) -> None:
        """Migrate, then two active numbers of one customer with simple routing, and a telephony token."""
        subprocess.run(
            [sys.executable, "-m", "api", "migrate"], cwd=REPO, env=self.env, check=True, capture_output=True
        )
        async with self.database():
            _, user = await create_account_with_user(
                company_name="话务测试有限公司",
                login="telephony-agent",
                password="telephony-400",
                display_name="测试",
            )
            # Enough balance that calls and a ringback fee never suspend the numbers mid-test.
            await recharge(user.account_id, 100_000, RechargeMethod.BANK_TRANSFER, "tel-0001", actor="tests")
            await import_numbers(f"{NUMBERS[0]}-{NUMBERS[-1]}", Actor(label="tests"))
            await Number.filter(number__in=NUMBERS).update(
                status=NumberStatus.ACTIVE, account_id=user.account_id
            )
            for number in NUMBERS:
                await self._route(number, "0756-2222222", 50)
            _, self.token = await create_api_token(
                name="agent", scope=TokenScope.TELEPHONY, user=None, created_by=None
            )

    async def add_ringback(self, number: str) -> str:
        """Upload a ringback tone for ``number``'s customer, approve it, ring back with it (and leave
        voicemail when nobody answers); returns the tone's prompt id."""
        async with self.database():
            row = await Number.get(number=number)
            config = load_config(self.env)
            item = await add_upload(
                account_id=row.account_id,
                kind=MediaKind.RINGBACK,
                name="彩铃",
                data=tone_wav(seconds=3),
                idempotency_key=f"ringback-{number}",
                config=config,
                store=media_store(config),
            )
            operator = await create_user(
                login=f"operator-{number}",
                password="operator-400",
                display_name="审核员",
                role=Role.OPERATOR,
                account=None,
            )
            await approve_ringback(item, operator)
            routing = simple.SimpleRouting(
                [simple.Bound("0756-2222222", 50, "前台")], voicemail=True, ringback=prompt_id(item.id)
            )
            await simple.save_simple_routing(row, routing, "tests")
            return prompt_id(item.id)

    async def route_with(
        self, number: str, destination: str, wait_s: int, *, voicemail: bool = False, recording: bool = False
    ) -> None:
        """Ring one phone, taking a voicemail message when it does not answer, and recording the call."""
        async with self.database():
            row = await Number.get(number=number)
            routing = simple.SimpleRouting(
                [simple.Bound(destination, wait_s, "前台")], voicemail=voicemail, recording=recording
            )
            await simple.save_simple_routing(row, routing, "tests")

    async def route(self, number: str, destination: str, wait_s: int) -> None:
        """Change a number's routing to ring one phone, as a customer would."""
        async with self.database():
            await self._route(number, destination, wait_s)

    async def _route(self, number: str, destination: str, wait_s: int) -> None:
        row = await Number.get(number=number)
        await simple.save_simple_routing(
            row, simple.SimpleRouting([simple.Bound(destination, wait_s, "前台")]), "tests"
        )

    async def add_customer(
        self,
        login: str,
        number: str,
        destination: str,
        *,
        balance_fen: int,
        price_per_minute_fen: int,
        increment_seconds: int,
    ) -> int:
        """Another customer with one active number ringing ``destination``, a prepaid balance and its own
        rate plan (what bounds its call allowance); returns the account id."""
        async with self.database():
            account, _ = await create_account_with_user(
                company_name=f"{login}有限公司", login=login, password="telephony-400", display_name=login
            )
            await recharge(
                account.id, balance_fen, RechargeMethod.BANK_TRANSFER, f"{login}-0001", actor="tests"
            )
            plan = await create_rate_plan(f"{login}资费", price_per_minute_fen, increment_seconds, 0)
            await assign_rate_plan(account.id, plan.id)
            await import_numbers(number, Actor(label="tests"))
            await Number.filter(number=number).update(status=NumberStatus.ACTIVE, account_id=account.id)
            await self._route(number, destination, 30)
            return account.id

    async def recharge(self, account_id: int, amount_fen: int, reference: str) -> None:
        async with self.database():
            await recharge(account_id, amount_fen, RechargeMethod.BANK_TRANSFER, reference, actor="tests")

    async def reclaim(self, number: str) -> None:
        """Reclaim a number as an operator does: its plan is withdrawn (nothing follows it to a new owner)."""
        async with self.database():
            row = await Number.get(number=number)
            await operator_change_status(
                row,
                NumberStatus.RECLAIMED,
                actor=Actor(label="tests"),
                reason="停机3天未续费",
                cool_down_days=30,
            )

    @contextlib.contextmanager
    def serving(self, port: int | None = None) -> Iterator[str]:
        """Serve the API on a loopback port (``port``: the same one again, for a restart); yields its URL."""
        port = port or free_loopback_port()
        argv = [sys.executable, "-m", "api", "serve", "--host", "127.0.0.1", "--port", str(port), "--no-jobs",
                "--no-access-log", "--log-level", "warning"]  # fmt: skip
        log = (self.root / "service.log").open("wb")
        process = subprocess.Popen(argv, cwd=REPO, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                        break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        output = (self.root / "service.log").read_text(errors="replace")
                        raise AssertionError(f"the service did not start:\n{output}") from None
                    time.sleep(0.1)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=30)
