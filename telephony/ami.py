"""A minimal Asterisk Manager Interface (AMI) client: log in, send an action, read its response.

The sync agent needs AMI for reloads (the dialplan after it replaced the include file: ``Reload`` of
``pbx_config``; the music-on-hold classes of ringback tones: ``res_musiconhold``) and for Asterisk's
database (the caller-area table, the numbers' call allowances: ``DBPut``, ``DBDel``, ``DBGetTree``).
The manager user needs only the ``system`` / ``config`` write classes, not arbitrary CLI commands. The protocol is lines of ``Key: Value`` ending in a blank line; responses carry
the ``ActionID`` of their action, and events (switched off at login) are skipped.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["AmiClient", "AmiError"]

_BANNER = b"Asterisk Call Manager/"


class AmiError(Exception):
    """Asterisk refused an action, or the manager connection failed."""


@dataclass
class AmiClient:
    """One logged-in manager connection; use :meth:`connect`, then :meth:`close` (or ``async with``)."""

    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    timeout_s: float = 10.0
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @classmethod
    async def connect(
        cls,
        host: str,
        port: int,
        username: str,
        secret: str,
        *,
        timeout_s: float = 10.0,
        events: str = "off",
    ) -> AmiClient:
        """Connect and log in; ``events`` is ``off`` (actions only) or the classes to receive.

        Raises:
            AmiError: the port does not speak AMI, or the login was refused.
        """
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout_s)
        except (OSError, TimeoutError) as error:
            raise AmiError(f"cannot reach the Asterisk manager at {host}:{port}: {error}") from error
        client = cls(reader, writer, timeout_s)
        try:
            banner = await asyncio.wait_for(reader.readline(), timeout_s)
            if not banner.startswith(_BANNER):
                raise AmiError(f"{host}:{port} is not an Asterisk manager (it said {banner[:60]!r})")
            await client.action("Login", Username=username, Secret=secret, Events=events)
        except BaseException:
            await client.close()
            raise
        return client

    async def action(self, name: str, **fields: str) -> dict[str, str]:
        """Send an action and return its response (repeated keys joined by newlines).

        Raises:
            AmiError: the response is ``Error``, the connection closed, or no answer came in time.
        """
        action_id = self._send(name, **fields)
        await self.writer.drain()
        while True:
            message = await asyncio.wait_for(self._message(), self.timeout_s)
            if message.get("ActionID") == action_id and "Response" in message:
                break
        if message["Response"] not in ("Success", "Follows", "Goodbye"):
            raise AmiError(f"Asterisk refused {name}: {message.get('Message', message['Response'])}")
        return message

    async def _message(self) -> dict[str, str]:
        message: dict[str, str] = {}
        while True:
            raw = await self.reader.readline()
            if not raw:
                raise AmiError("the Asterisk manager closed the connection")
            text = raw.decode("utf-8", errors="replace").rstrip("\r\n")
            if not text:
                if message:
                    return message
                continue
            key, _, value = text.partition(":")
            value = value.strip()
            message[key] = f"{message[key]}\n{value}" if key in message else value

    async def reload_dialplan(self) -> None:
        """Make Asterisk read extensions.conf (and so the agent's include file) again."""
        await self.action("Reload", Module="pbx_config")

    async def db_get(self, family: str, key: str) -> str | None:
        """An AstDB value, or None when the key does not exist."""
        action_id = self._send("DBGet", Family=family, Key=key)
        while True:
            message = await asyncio.wait_for(self._message(), self.timeout_s)
            if message.get("ActionID") != action_id:
                continue
            if message.get("Response") == "Error":
                return None
            if message.get("Event") == "DBGetResponse":
                return message.get("Val", "")

    async def next_event(self) -> dict[str, str]:
        """The next event of a connection made with events on (waits as long as it takes)."""
        while True:
            message = await self._message()
            if "Event" in message:
                return message

    async def event_list(self, name: str, **fields: str) -> list[dict[str, str]]:
        """The events a list action answers with (``VoicemailUsersList``, ``CoreShowChannels`` ...).

        Raises:
            AmiError: Asterisk refused the action.
        """
        action_id = self._send(name, **fields)
        await self.writer.drain()
        events: list[dict[str, str]] = []
        while True:
            message = await asyncio.wait_for(self._message(), self.timeout_s)
            if message.get("ActionID") != action_id:
                continue
            if message.get("Response") == "Error":
                raise AmiError(f"Asterisk refused {name}: {message.get('Message', '')}")
            if message.get("EventList") == "Complete":
                return events
            if "Event" in message:
                events.append(message)

    async def db_put_many(self, family: str, items: Iterable[tuple[str, str]], window: int = 500) -> int:
        """Store many AstDB keys; up to ``window`` actions are in flight before their answers are read.

        Hundreds of thousands of keys (the caller-area table) one round trip at a time would take
        minutes; pipelining keeps Asterisk busy instead of waiting. Returns how many keys were stored.

        Raises:
            AmiError: Asterisk refused a put (nothing tells which keys of the window were stored:
                the caller loads again).
        """
        stored = 0
        pending: set[str] = set()
        for key, value in items:
            pending.add(self._send("DBPut", Family=family, Key=key, Val=value))
            if len(pending) >= window:
                stored += await self._settle(pending)
        stored += await self._settle(pending)
        return stored

    async def db_tree(self, family: str) -> dict[str, str]:
        """Every key of an AstDB family with its value (keys without the ``/<family>/`` prefix).

        Raises:
            AmiError: Asterisk refused the action.
        """
        prefix = f"/{family}/"
        return {
            event.get("Key", "").removeprefix(prefix): event.get("Val", "")
            for event in await self.event_list("DBGetTree", Family=family)
            if event.get("Event") == "DBGetTreeResponse"
        }

    async def db_del(self, family: str, key: str) -> bool:
        """Delete an AstDB key; False when Asterisk could not (it says so alike for a key already gone)."""
        try:
            await self.action("DBDel", Family=family, Key=key)
        except AmiError as error:
            if "could not be deleted" in str(error):
                return False
            raise
        return True

    def _send(self, name: str, **fields: str) -> str:
        action_id = f"hotline-{next(self._ids)}"
        lines = [f"Action: {name}", f"ActionID: {action_id}", *(f"{k}: {v}" for k, v in fields.items())]
        if any("\r" in line or "\n" in line for line in lines):
            raise ValueError("AMI fields may not contain line breaks")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
        return action_id

    async def _settle(self, pending: set[str]) -> int:
        """Read the answers of every action in ``pending`` (emptied); returns how many there were."""
        await self.writer.drain()
        count = len(pending)
        while pending:
            message = await asyncio.wait_for(self._message(), self.timeout_s)
            action_id = message.get("ActionID", "")
            if action_id in pending and "Response" in message:
                pending.discard(action_id)
                if message["Response"] != "Success":
                    raise AmiError(f"Asterisk refused a put: {message.get('Message', '')}")
        return count

    async def reload_module(self, module: str) -> None:
        """Make one module read its configuration again (e.g. ``res_musiconhold`` for ringback classes)."""
        await self.action("Reload", Module=module)

    async def close(self) -> None:
        """Log off (best effort) and close the connection."""
        if not self.writer.is_closing():
            with contextlib.suppress(OSError):
                self.writer.write(b"Action: Logoff\r\n\r\n")
                await self.writer.drain()
            self.writer.close()
        with contextlib.suppress(OSError):
            await self.writer.wait_closed()

    async def __aenter__(self) -> AmiClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
