"""The one guarded HTTP client for requests a flow sends to a customer's system (the ``http`` node).

A flow designer types a URL; the platform then sends requests from inside its own network. Everything
that keeps such a request from reaching what it must not reach is here, in one function
(:func:`guarded_request`), used by the service (the editor's test request) and by the agent on each
Asterisk node (requests during calls). It needs only the standard library, so both deployments import it.

The guards:

* only ``https``; plain ``http`` only to an operator-allowlisted host (:attr:`OutboundPolicy.allow_hosts`,
  exact names);
* the host is resolved **once**; every address it resolves to must be global: no loopback, private,
  link-local, multicast, unspecified, reserved or shared address, and none of the service's own
  (:attr:`OutboundPolicy.own_networks`). An allowlisted host skips this check (tests, intranet CRMs);
* the connection goes to a checked address (the socket connects to the IP; the name travels only as
  ``Host`` and TLS SNI / certificate name), so a second DNS answer cannot move the request (rebinding);
* redirects are not followed (a 3xx is a failure);
* everything — resolving, connecting, TLS, sending, reading — within one deadline of at most 3 s;
* the response body is read in chunks and the request aborted past 64 KiB.

How many requests one call may make is the caller's business (the agent counts per call).

Requests are HTTP/1.0 with ``Connection: close``: the body is whatever arrives until the server closes,
no chunked encoding to decode, no connection reuse to get wrong.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import ipaddress
import json
import socket
import ssl
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final, Literal
from urllib.parse import urlencode, urlsplit

__all__ = [
    "MAX_BODY",
    "MAX_TIMEOUT_S",
    "OutboundError",
    "OutboundPolicy",
    "OutboundResponse",
    "address_refusal",
    "guarded_request",
    "outbound_policy",
]

MAX_TIMEOUT_S: Final = 3.0
MAX_BODY: Final = 64 * 1024
_CHUNK: Final = 8192
_HEAD_LIMIT: Final = 16 * 1024
#: How a request ended when it did not succeed: refused by a guard, no answer in time, or anything else.
ErrorKind = Literal["refused", "timeout", "failure"]
IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class OutboundError(Exception):
    """A request that did not succeed: ``kind`` says which exit a flow takes, ``message`` is Chinese."""

    def __init__(self, kind: ErrorKind, code: str, message: str) -> None:
        super().__init__(message)
        self.kind: ErrorKind = kind
        self.code = code
        self.message = message


@dataclass(frozen=True)
class OutboundPolicy:
    """What an operator decides about outbound requests (the same on the service and on every node)."""

    #: Exact host names (or IP literals) where plain http and non-global addresses are allowed.
    allow_hosts: frozenset[str] = frozenset()
    #: The service's own addresses, never reachable even when global.
    own_networks: tuple[IpNetwork, ...] = ()
    #: Extra certificate authorities to trust (a PEM file): an intranet CA, or a test's self-signed cert.
    cafile: str | None = None
    timeout_s: float = MAX_TIMEOUT_S
    max_body: int = MAX_BODY
    #: Resolver used once per request; replaceable so tests can answer as a rebinding DNS server would.
    resolve: Callable[[str, int], Awaitable[list[str]]] | None = field(default=None, compare=False)

    def allows(self, host: str) -> bool:
        return host.lower().rstrip(".") in {h.lower().rstrip(".") for h in self.allow_hosts}


@dataclass(frozen=True)
class OutboundResponse:
    status: int
    body: bytes
    address: str

    def json(self) -> object:
        """The body as JSON; a body that is not JSON is a failure (Chinese message)."""
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise OutboundError("failure", "not_json", "客户系统返回的内容不是 JSON 格式") from exc


def _unmapped(address: IpAddress) -> IpAddress:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def address_refusal(address: IpAddress, own: Iterable[IpNetwork] = ()) -> str | None:
    """Why a request must not go to ``address`` (Chinese), or None when it may."""
    a = _unmapped(address)
    for test, what in (
        (a.is_loopback, "本机回环地址"),
        (a.is_link_local, "链路本地地址"),
        (a.is_multicast, "组播地址"),
        (a.is_unspecified, "未指定地址"),
        (a.is_private, "内网地址"),
        (a.is_reserved, "保留地址"),
        (not a.is_global, "非公网地址"),
    ):
        if test:
            return f"地址 {a} 是{what},不允许访问"
    for network in own:
        if a.version == network.version and a in network:
            return f"地址 {a} 是本平台自己的地址,不允许访问"
    return None


async def _resolve(host: str, port: int, policy: OutboundPolicy) -> list[IpAddress]:
    """Every address ``host`` resolves to, asked once."""
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
        return [literal]
    except ValueError:
        pass
    if policy.resolve is not None:
        answer = await policy.resolve(host, port)
        return [ipaddress.ip_address(a) for a in answer]
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise OutboundError("failure", "dns", f"无法解析域名 {host}") from exc
    found: list[IpAddress] = []
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if addr not in found:
            found.append(addr)
    return found


def _ssl_context(policy: OutboundPolicy) -> ssl.SSLContext:
    return _context_for(policy.cafile)


@functools.lru_cache(maxsize=8)
def _context_for(cafile: str | None) -> ssl.SSLContext:
    """A verifying client context (loading the system's CAs takes milliseconds: made once per CA file)."""
    context = ssl.create_default_context()
    if cafile:
        context.load_verify_locations(cafile=cafile)
    return context


def _head(data: bytes) -> tuple[int, bytes]:
    """The status code of a response head and what followed it."""
    head, _, rest = data.partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0].decode("latin-1")
    parts = status_line.split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        raise OutboundError("failure", "bad_response", "客户系统的回应不是有效的 HTTP 回应")
    return int(parts[1]), rest


async def _exchange(
    address: IpAddress, port: int, host: str, tls: bool, request: bytes, policy: OutboundPolicy
) -> tuple[int, bytes]:
    context = _ssl_context(policy) if tls else None
    try:
        reader, writer = await asyncio.open_connection(
            str(address), port, ssl=context, server_hostname=host if tls else None
        )
    except ssl.SSLError as exc:
        raise OutboundError("failure", "tls", f"与 {host} 的加密连接失败(证书无效或不匹配)") from exc
    except OSError as exc:
        raise OutboundError("failure", "connect", f"无法连接 {host}") from exc
    try:
        writer.write(request)
        await writer.drain()
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = await reader.read(_CHUNK)
            if not chunk:
                break
            data += chunk
            if len(data) > _HEAD_LIMIT + policy.max_body:
                break
        if b"\r\n\r\n" not in data:
            raise OutboundError("failure", "bad_response", "客户系统的回应不是有效的 HTTP 回应")
        status, body = _head(data)
        if 300 <= status < 400:
            raise OutboundError("failure", "redirect", f"客户系统要求跳转(HTTP {status}),平台不跟随跳转")
        while len(body) <= policy.max_body:
            chunk = await reader.read(_CHUNK)
            if not chunk:
                break
            body += chunk
        if len(body) > policy.max_body:
            raise OutboundError(
                "failure", "too_large", f"客户系统返回的内容超过 {policy.max_body // 1024} KB,已中止"
            )
        return status, body
    except ssl.SSLError as exc:
        raise OutboundError("failure", "tls", f"与 {host} 的加密连接失败") from exc
    except (OSError, asyncio.IncompleteReadError) as exc:
        raise OutboundError("failure", "connect", f"与 {host} 的连接中断") from exc
    finally:
        writer.close()
        # an aborted or timed-out TLS close may hang or fail; the socket is gone either way
        with contextlib.suppress(Exception):
            await asyncio.wait_for(writer.wait_closed(), 0.2)


def _request_bytes(
    method: str, host_header: str, target: str, headers: Mapping[str, str], body: bytes | None
) -> bytes:
    lines = [f"{method} {target} HTTP/1.0", f"Host: {host_header}", "Connection: close"]
    lines += ["Accept: application/json", "User-Agent: hotline400"]
    for name, value in headers.items():
        if any(c in name + value for c in "\r\n"):
            raise OutboundError("refused", "bad_header", "请求头不能包含换行")
        lines.append(f"{name}: {value}")
    if body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + (body or b"")


async def guarded_request(
    method: Literal["GET", "POST"],
    url: str,
    policy: OutboundPolicy,
    *,
    query: Mapping[str, str] | None = None,
    json_body: Mapping[str, object] | None = None,
    headers: Mapping[str, str] | None = None,
) -> OutboundResponse:
    """Send one request through every guard (module docstring); raises :class:`OutboundError`.

    A response with any status comes back (the caller decides what a 404 means); a redirect, a body
    over the limit, a refused address or URL, and a missed deadline raise.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in ("https", "http") or not host:
        raise OutboundError("refused", "bad_url", "地址必须以 https:// 开头并包含域名")
    if parts.username is not None or parts.password is not None:
        raise OutboundError("refused", "bad_url", "地址里不能包含用户名或密码,请使用密钥")
    allowed = policy.allows(host)
    if scheme == "http" and not allowed:
        raise OutboundError("refused", "not_https", f"只允许 https 地址;{host} 未被运营方加入允许名单")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as exc:
        raise OutboundError("refused", "bad_url", "地址中的端口无效") from exc
    path = parts.path or "/"
    extra = urlencode(dict(query)) if query else ""
    target = path + ("?" + "&".join(q for q in (parts.query, extra) if q) if parts.query or extra else "")
    body = json.dumps(dict(json_body), ensure_ascii=False).encode("utf-8") if json_body is not None else None
    host_header = parts.netloc.rsplit("@", 1)[-1]
    request = _request_bytes(method, host_header, target, headers or {}, body)
    timeout = min(policy.timeout_s, MAX_TIMEOUT_S)
    try:
        async with asyncio.timeout(timeout):
            addresses = await _resolve(host, port, policy)
            if not addresses:
                raise OutboundError("failure", "dns", f"无法解析域名 {host}")
            if not allowed:
                for address in addresses:
                    reason = address_refusal(address, policy.own_networks)
                    if reason is not None:
                        raise OutboundError("refused", "address", f"{host}:{reason}")
            last: OutboundError | None = None
            for address in addresses:
                try:
                    status, data = await _exchange(address, port, host, scheme == "https", request, policy)
                    return OutboundResponse(status, data, str(address))
                except OutboundError as exc:
                    if exc.code != "connect":
                        raise
                    last = exc
            assert last is not None
            raise last
    except TimeoutError as exc:
        raise OutboundError("timeout", "timeout", f"客户系统 {timeout:g} 秒内没有回应") from exc


def outbound_policy(allow_hosts: str, own_networks: str) -> OutboundPolicy:
    """A policy from comma-separated settings (the agent's flags, the service's environment)."""
    hosts = frozenset(h.strip().lower() for h in allow_hosts.split(",") if h.strip())
    networks = tuple(
        ipaddress.ip_network(n.strip(), strict=False) for n in own_networks.split(",") if n.strip()
    )
    return OutboundPolicy(allow_hosts=hosts, own_networks=networks)
