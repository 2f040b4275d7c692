"""The operators' allowlist of hosts flows may ask over plain http or on non-public addresses, and the
policy the service's test request uses (the allowlist and the platform's own networks)."""

from __future__ import annotations

from api.clock import utcnow
from api.config import Config
from api.errors import UserError
from api.outbound.models import AllowedHost
from api.outbound.secrets import check_host
from telephony.outbound import OutboundPolicy, outbound_policy

__all__ = ["allow_host", "allowed_hosts", "policy", "remove_host"]


async def allowed_hosts() -> list[AllowedHost]:
    return await AllowedHost.all().order_by("host")


async def allow_host(host: str, note: str = "") -> AllowedHost:
    name = check_host(host)
    if len(note) > 200:
        raise UserError("invalid_note", "备注最多200个字符", "note")
    row, _ = await AllowedHost.update_or_create(host=name, defaults={"note": note, "created_at": utcnow()})
    return row


async def remove_host(host: str) -> bool:
    if not await AllowedHost.filter(host=host.strip().lower().rstrip(".")).delete():
        raise UserError("not_found", f"允许名单中没有“{host}”", "host")
    return True


async def policy(config: Config) -> OutboundPolicy:
    """The guards of a request the service sends: its allowlist, its own networks, its extra CA file."""
    hosts = ",".join(r.host for r in await allowed_hosts())
    base = outbound_policy(hosts, config.http_own_networks)
    return OutboundPolicy(
        allow_hosts=base.allow_hosts, own_networks=base.own_networks, cafile=config.http_cafile or None
    )
