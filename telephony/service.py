"""The service's telephony routes over HTTP: compiled plans (all since a version, or one by number with
its ETag), the change long-poll, and GraphQL (call reports, allowances).

The agent is a separate deployment, so this is plain HTTP with a Bearer telephony token (stdlib only,
run in a daemon thread so a long-poll never blocks the agent's event loop, and an agent told to stop
does not wait for a held long-poll to come back). Routes and their answers are
described in ``docs/routing.md`` ("For the telephony layer").
"""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from typing import Any, TypeVar

from ivr_flows import Dialplan

from .http_step import Secret

__all__ = [
    "ChangeBatch",
    "ChangedPlan",
    "PlanBatch",
    "PlanFetch",
    "PlanUpdate",
    "ServiceClient",
    "ServiceError",
]

_T = TypeVar("_T")


async def in_daemon_thread(function: Callable[[], _T]) -> _T:
    """Run a blocking call in a daemon thread and await its result.

    Unlike ``asyncio.to_thread`` the thread is not joined at exit: cancelling the await (SIGTERM during
    a long-poll) lets the process end at once; the abandoned request dies with it.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[_T] = loop.create_future()

    def settle(result: _T | None, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def work() -> None:
        result: _T | None = None
        error: BaseException | None = None
        try:
            result = function()
        except BaseException as failure:  # handed to the awaiting task
            error = failure
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: nobody waits any more
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=work, name="service-request", daemon=True).start()
    return await future


class ServiceError(Exception):
    """The service could not be reached or refused the request; ``status`` is the HTTP status, if any."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class PlanUpdate:
    number: str
    version: int
    etag: str
    plan: Dialplan


@dataclass(frozen=True)
class PlanBatch:
    """Plans changed after a version, oldest change first; with ``has_more``, page on from the last."""

    latest_version: int
    has_more: bool
    plans: list[PlanUpdate]

    @property
    def next_since(self) -> int:
        """Where the next request starts: after this page's last plan, or at the latest version."""
        return self.plans[-1].version if self.has_more and self.plans else self.latest_version


@dataclass(frozen=True)
class ChangedPlan:
    """A number whose plan changed: its version and ETag now; ``etag`` None: the plan was withdrawn."""

    number: str
    version: int
    etag: str | None


@dataclass(frozen=True)
class ChangeBatch:
    """What the change long-poll listed, oldest first; with ``has_more``, page on from the last one."""

    latest_version: int
    has_more: bool
    changes: list[ChangedPlan]

    @property
    def next_since(self) -> int:
        return self.changes[-1].version if self.has_more and self.changes else self.latest_version


@dataclass(frozen=True)
class PlanFetch:
    """One number's plan fetched by ETag: ``status`` 200 (``plan`` and ``etag`` set), 304 (the plan the
    caller holds is current) or 404 (the number has no plan any more)."""

    status: int
    plan: Dialplan | None = None
    etag: str | None = None


def _graphql_data(body: bytes, url: str) -> Any:
    """A GraphQL answer's ``data``; errors (a permission refused, an unknown field) are a ServiceError."""
    try:
        answer = json.loads(body)
    except json.JSONDecodeError as error:
        raise ServiceError(f"the service sent invalid JSON for {url}") from error
    if answer.get("errors") or not isinstance(answer.get("data"), dict):
        raise ServiceError(f"the service answered with errors: {answer.get('errors')}")
    return answer["data"]


class ServiceClient:
    """Reads plans from ``base_url`` (e.g. ``http://127.0.0.1:8400``) with a telephony token."""

    def __init__(self, base_url: str, token: str, *, timeout_s: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout_s = timeout_s

    async def plans_since(self, since: int) -> PlanBatch:
        """Every plan whose version is above ``since`` (one page)."""
        body = await self._get("/telephony/plans", {"since": since}, self.timeout_s)
        try:
            plans = [
                PlanUpdate(p["number"], int(p["version"]), p["etag"], Dialplan.from_dict(p["plan"]))
                for p in body["plans"]
            ]
            return PlanBatch(int(body["latest_version"]), bool(body["has_more"]), plans)
        except (KeyError, TypeError, ValueError) as error:
            raise ServiceError(f"unexpected plan list from the service: {error!r}") from error

    async def plan_secrets(self, number: str) -> dict[str, Secret]:
        """The account secrets the number's plan names, each with the one host it may be sent to."""
        body = await self._get(f"/telephony/secrets/{urllib.parse.quote(number)}", {}, self.timeout_s)
        try:
            return {name: Secret(str(s["value"]), str(s["host"])) for name, s in body["secrets"].items()}
        except (KeyError, TypeError, AttributeError) as error:
            raise ServiceError(f"unexpected secrets from the service: {error!r}") from error

    async def changes(self, since: int, wait_s: int) -> ChangeBatch:
        """Hold the request until some plan's version exceeds ``since`` or ``wait_s`` pass (≤ 60)."""
        body = await self._get(
            "/telephony/changes", {"since": since, "wait": wait_s}, wait_s + self.timeout_s
        )
        try:
            changes = [
                ChangedPlan(
                    str(c["number"]), int(c["version"]), None if c["etag"] is None else str(c["etag"])
                )
                for c in body["changes"]
            ]
            return ChangeBatch(int(body["latest_version"]), bool(body["has_more"]), changes)
        except (KeyError, TypeError, ValueError) as error:
            raise ServiceError(f"unexpected change list from the service: {error!r}") from error

    async def plan(self, number: str, etag: str | None = None) -> PlanFetch:
        """One number's plan; with ``etag`` (the one held) the service answers 304 when it is current.

        Raises:
            ServiceError: unreachable, refused, or an answer that is not a plan.
        """
        url = f"{self.base_url}/telephony/plans/{urllib.parse.quote(number)}"
        headers = {"If-None-Match": etag} if etag else {}
        status, answer, body = await in_daemon_thread(
            lambda: self._exchange(url, "application/json", self.timeout_s, headers, allowed=(304, 404))
        )
        if status in (304, 404):
            return PlanFetch(status)
        tag = answer.get("ETag")
        try:
            plan = Dialplan.from_json(body)
        except (KeyError, TypeError, ValueError) as error:
            raise ServiceError(f"unexpected plan from the service for {number}: {error!r}") from error
        if not tag:
            raise ServiceError(f"the service sent the plan of {number} without an ETag")
        return PlanFetch(status, plan, tag)

    async def graphql(self, query: str, variables: dict[str, Any]) -> Any:
        """POST a GraphQL operation; returns ``data``.

        Raises:
            ServiceError: unreachable, an HTTP error, or GraphQL errors (a permission refused, a
                query the schema does not know) instead of data.
        """
        url = f"{self.base_url}/graphql"
        payload = json.dumps({"query": query, "variables": variables}).encode()
        body = await in_daemon_thread(lambda: self._fetch(url, "application/json", self.timeout_s, payload))
        return _graphql_data(body, url)

    async def media(self, item_id: int, fmt: str) -> bytes:
        """A media item's audio in one of the service's formats (``alaw``, ``ulaw``, ``wav``)."""
        url = f"{self.base_url}/media/{item_id}/{urllib.parse.quote(fmt)}"
        return await in_daemon_thread(lambda: self._fetch(url, "*/*", self.timeout_s))

    async def sound(self, name: str, fmt: str, text: str | None = None) -> bytes:
        """A platform sound (announcement, text-to-speech prompt, Asterisk's beep) in ``alaw`` or ``ulaw``."""
        query = f"?{urllib.parse.urlencode({'text': text})}" if text else ""
        url = f"{self.base_url}/telephony/sounds/{urllib.parse.quote(name)}.{urllib.parse.quote(fmt)}{query}"
        return await in_daemon_thread(lambda: self._fetch(url, "*/*", self.timeout_s))

    async def graphql_upload(
        self, query: str, variables: dict[str, Any], file_path: str, filename: str, data: bytes
    ) -> Any:
        """A GraphQL multipart request carrying one file at ``file_path`` (e.g. ``variables.input.file``)."""
        boundary = f"hotline-{uuid.uuid4().hex}"
        parts = [
            ("operations", None, json.dumps({"query": query, "variables": variables}).encode()),
            ("map", None, json.dumps({"0": [file_path]}).encode()),
            ("0", filename, data),
        ]
        body = bytearray()
        for name, file_name, content in parts:
            body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'.encode()
            if file_name:
                body += f'; filename="{file_name}"\r\nContent-Type: application/octet-stream'.encode()
            body += b"\r\n\r\n" + content + b"\r\n"
        body += f"--{boundary}--\r\n".encode()
        url = f"{self.base_url}/graphql"
        content_type = f"multipart/form-data; boundary={boundary}"
        raw = await in_daemon_thread(
            lambda: self._fetch(url, "application/json", self.timeout_s * 6, bytes(body), content_type)
        )
        return _graphql_data(raw, url)

    async def _get(self, path: str, query: dict[str, int], timeout_s: float) -> Any:
        url = f"{self.base_url}{path}?{urllib.parse.urlencode(query)}"
        body = await in_daemon_thread(lambda: self._fetch(url, "application/json", timeout_s))
        try:
            return json.loads(body)
        except json.JSONDecodeError as error:
            raise ServiceError(f"the service sent invalid JSON for {url}") from error

    def _fetch(
        self,
        url: str,
        accept: str,
        timeout_s: float,
        payload: bytes | None = None,
        content_type: str = "application/json",
    ) -> bytes:
        headers = {}
        if payload is not None:
            headers["Content-Type"] = content_type
            if content_type.startswith("multipart/"):
                headers["X-Requested-With"] = "hotline400-telephony"  # the service's upload CSRF check
        return self._exchange(url, accept, timeout_s, headers, payload)[2]

    def _exchange(
        self,
        url: str,
        accept: str,
        timeout_s: float,
        headers: dict[str, str],
        payload: bytes | None = None,
        allowed: tuple[int, ...] = (),
    ) -> tuple[int, Message, bytes]:
        """One request: (status, headers, body); a status outside 2xx and ``allowed`` is a ServiceError."""
        headers = {"Authorization": f"Bearer {self.token}", "Accept": accept, **headers}
        request = urllib.request.Request(url, data=payload, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout_s) as response:
                body: bytes = response.read()
                return response.status, response.headers, body
        except urllib.error.HTTPError as error:
            detail = error.read()
            if error.code in allowed:
                return error.code, error.headers, detail
            text = detail.decode("utf-8", errors="replace")[:200]
            raise ServiceError(f"the service answered {error.code} for {url}: {text}", error.code) from error
        except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
            raise ServiceError(f"cannot reach the service at {url}: {error}") from error
