"""A real service for the agent's tests: a migrated SQLite database, two routed numbers, uvicorn on loopback.

The agent must only ever see the service over HTTP, so the service runs as its own process
(``python -m api serve``); the test process writes to the same database (seeding, then changing a routing)
the way another API process would.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import io
import math
import os
import socket
import struct
import subprocess
import sys
import time
import wave
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

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
from telephony.call_log import CALL_LOG_MODULES, CALL_LOG_NAME, CallLog, call_log_configs
from telephony.calls import CallTracker, TrackedCall
from tests.telephony.asterisk_instance import REPO, free_loopback_port, manager_conf
from tests.telephony.dialplan_checks import MODULES

T = TypeVar("T")

NUMBERS = ("4006228300", "4006228301")
#: The manager user and secret the agent logs in with.
USER, SECRET = "hotline-agent", "agent-secret-400"
#: What the agent writes into a node's configuration directory: plans, ringback classes, mailboxes.
AGENT_FILES = ("hotline-plans.conf", "hotline-moh.conf", "hotline-voicemail.conf")


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
    def __init__(self, root: Path, numbers: tuple[str, ...] = NUMBERS) -> None:
        self.root = root
        self.numbers = numbers
        self.database_url = f"sqlite://{root / 'hotline.sqlite3'}"
        self.env = {
            **os.environ,
            "DATA_DIR": str(root),
            "DATABASE_URL": self.database_url,
            "SECRET_KEY": "telephony-tests",
            "JOB_INTERVAL_SECONDS": "0",
        }
        self.token = ""
        self.customer_token = ""

    @contextlib.asynccontextmanager
    async def database(self) -> AsyncIterator[None]:
        await Tortoise.init(config=tortoise_config(self.database_url), _enable_global_fallback=True)
        try:
            yield
        finally:
            await Tortoise.close_connections()

    async def prepare(self) -> None:
        """Migrate, then active numbers of one customer with simple routing, a telephony token and a token
        of the customer's own (to read what the customer sees through the API)."""
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
            await import_numbers(f"{self.numbers[0]}-{self.numbers[-1]}", Actor(label="tests"))
            await Number.filter(number__in=self.numbers).update(
                status=NumberStatus.ACTIVE, account_id=user.account_id
            )
            for number in self.numbers:
                await self._route(number, "0756-2222222", 50)
            _, self.token = await create_api_token(
                name="agent", scope=TokenScope.TELEPHONY, user=None, created_by=None
            )
            _, self.customer_token = await create_api_token(
                name="tests", scope=TokenScope.USER, user=user, created_by=user
            )

    async def add_ringback(self, number: str) -> str:
        """Upload a ringback tone for ``number``'s customer, approve it, ring back with it (and leave
        voicemail when nobody answers); returns the tone's prompt id."""
        async with self.database():
            tone = await self.approved_ringback(number, tone_wav(seconds=3))
            routing = simple.SimpleRouting(
                [simple.Bound("0756-2222222", 50, "前台")], voicemail=True, ringback=tone
            )
            await simple.save_simple_routing(await Number.get(number=number), routing, "tests")
            return tone

    async def approved_ringback(self, number: str, audio: bytes) -> str:
        """A ringback tone (彩铃) of ``number``'s customer that an operator approved; its prompt id.

        Needs an open :meth:`database`.
        """
        row = await Number.get(number=number)
        config = load_config(self.env)
        item = await add_upload(
            account_id=row.account_id or 0,
            kind=MediaKind.RINGBACK,
            name="彩铃",
            data=audio,
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
    def serving(self, port: int | None = None, niceness: int = 0) -> Iterator[str]:
        """Serve the API on a loopback port (``port``: the same one again, for a restart); yields its URL.

        ``niceness``: run it at a lower CPU priority, standing in for a service on a machine of its own.
        """
        port = port or free_loopback_port()
        argv = ["nice", "-n", str(niceness), sys.executable, "-m", "api", "serve", "--host", "127.0.0.1", "--port", str(port), "--no-jobs",
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


def wait_until(condition: Callable[[], bool], what: str, log: Path, timeout_s: float = 60) -> None:
    """Poll a condition (a generous deadline only guards against hanging; no speed is asserted)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen; agent log:\n{log.read_text(errors='replace')}")
        time.sleep(0.2)


async def arrived(
    service: ServiceUnderTest,
    fetch: Callable[[], Awaitable[T | None]],
    what: str,
    log: Path,
    timeout_s: float = 60,
) -> T:
    """What ``fetch`` reads from the service's database once it is there (polled: the agent reports and
    uploads in its own time; the deadline only guards against hanging)."""
    deadline = time.monotonic() + timeout_s
    while True:
        async with service.database():
            found = await fetch()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not arrive; agent log:\n{log.read_text(errors='replace')}")
        await asyncio.sleep(0.3)


#: The modules of a node the agent serves, its calls placed over Local channels (``channel originate``):
#: the plans' own, the telephony formats of prompts and ringback classes, a bridge for answered calls.
LOCAL_NODE_MODULES = [*MODULES, *CALL_LOG_MODULES, "format_pcm", "codec_alaw", "codec_ulaw", "res_musiconhold",
                      "res_clioriginate", "bridge_simple"]  # fmt: skip
#: Manager events no one on a node reads (the agent takes user, dial and hang-up events): several per
#: priority, variable set, state change and RTCP report, at tens of calls a second. Disabled, Asterisk
#: does not format and queue them for its manager sessions.
DISABLED_EVENTS = ("Newexten", "VarSet", "Newstate", "Newchannel", "NewConnectedLine", "NewCallerid", "DialState",
                   "HangupRequest", "SoftHangupRequest", "BridgeCreate", "BridgeEnter", "BridgeLeave",
                   "BridgeDestroy", "LocalBridge", "RTCPSent", "RTCPReceived", "DTMFBegin", "DTMFEnd",
                   "MusicOnHoldStart", "MusicOnHoldStop", "MixMonitorStart", "MixMonitorStop")  # fmt: skip


def node_configs(root: Path, ami_port: int, dialplan: str) -> dict[str, str]:
    """The configuration of a node the agent serves, for :class:`AsteriskInstance` under ``root``.

    The agent's files are included where a node includes them (empty until its first sync); the node keeps
    a music class of its own (Asterisk warns when no class is left once no plan rings back); the manager
    user may reload and reads call events. ``dialplan`` holds the node's own contexts.
    """
    etc = root / "etc"
    etc.mkdir(parents=True, exist_ok=True)
    include, moh, mailboxes = (etc / name for name in AGENT_FILES)
    for path in (include, moh, mailboxes):
        path.write_text("; written by the telephony agent\n")
    call_log_of(root).parent.mkdir(parents=True, exist_ok=True)
    default_moh = root / "data" / "moh-default"
    default_moh.mkdir(parents=True, exist_ok=True)
    (default_moh / "silence.ulaw").write_bytes(b"\xff" * 8000)
    return {
        "extensions.conf": f'[general]\nstatic = yes\nwriteprotect = yes\n\n[globals]\n\n#include "{include}"\n'
        + dialplan,
        "musiconhold.conf": f'[general]\n\n[default]\nmode = files\ndirectory = {default_moh}\n\n#include "{moh}"\n',
        "voicemail.conf": f'[general]\nformat = wav\n\n#include "{mailboxes}"\n',
        **call_log_configs(),
        "manager.conf": manager_conf(ami_port, USER, SECRET)
        .replace("read = system", "read = system,call,user")
        .replace("\n\n[", f"\ndisabledevents = {','.join(DISABLED_EVENTS)}\n\n[", 1),
    }


def call_log_of(root: Path) -> Path:
    """Where the node under ``root`` logs its calls' channel events."""
    return root / "log" / "cel-custom" / CALL_LOG_NAME


def logged_reports(root: Path) -> dict[str, tuple[dict[str, Any], TrackedCall]]:
    """Every whole call in the call log of the node under ``root``, reported as the agent reports a call
    it did not hear (by call id)."""
    read: dict[str, tuple[dict[str, Any], TrackedCall]] = {}
    tracker = CallTracker("hotline", lambda report, call: read.update({report["callId"]: (report, call)}))
    since, until = dt.datetime(2000, 1, 1, tzinfo=dt.UTC), dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    for _, events in CallLog(call_log_of(root), root / "never-kept.position").missed(since, until):
        tracker.feed_all(events)
    return read


def start_agent(
    base_url: str,
    token: str,
    root: Path,
    port: int,
    log: Path,
    channel: str = "Local/{number}@phones",
    environment: dict[str, str] | None = None,
) -> subprocess.Popen[bytes]:
    """``python -m telephony asterisk`` as a node runs it, for the Asterisk whose directories are under ``root``."""
    env = {
        **os.environ,
        "TELEPHONY_TOKEN": token,
        "TELEPHONY_AMI_SECRET": SECRET,
        "TELEPHONY_STATE_DIR": str(root / "agent-state"),
        **(environment or {}),
    }
    argv = [sys.executable, "-m", "telephony", "asterisk", "--service-url", base_url,
            "--config-dir", str(root / "etc"), "--sounds-dir", str(root / "data" / "sounds"),
            "--spool-dir", str(root / "spool"), "--call-log", str(call_log_of(root)),
            "--ami-port", str(port), "--ami-user", USER, "--long-poll", "5", "--channel", channel,
            "--health-interval", "1", "--max-backoff", "1"]  # fmt: skip
    with log.open("ab") as output:
        return subprocess.Popen(argv, cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT)


@contextlib.contextmanager
def agent_running(
    base_url: str, token: str, root: Path, port: int, log: Path, **options: Any
) -> Iterator[subprocess.Popen[bytes]]:
    """:func:`start_agent`, ended on the way out (SIGTERM, then killed if it does not stop) unless the
    test ended it itself."""
    agent = start_agent(base_url, token, root, port, log, **options)
    try:
        yield agent
    finally:
        if agent.poll() is None:
            agent.terminate()
            try:
                agent.wait(timeout=30)
            except subprocess.TimeoutExpired:
                agent.kill()
                agent.wait()
