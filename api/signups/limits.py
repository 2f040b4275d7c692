"""How many accounts one client may open: per address per hour and per day, per browser per day.

Without a limit one client opened 200 accounts in half a minute, and with them held far more numbers
than one account may. The address is the HTTP peer (behind a proxy, uvicorn's proxy headers make it the
client's); the browser is known by a random device cookie it gets at its first sign-up. Neither is proof
of identity (addresses are shared by offices, cookies can be dropped), which is why the address limits
leave room for an office and the operators' console shows what got through.

A sign-up is claimed before its account is created: its row is inserted and committed first, then the
window is counted with it included. Two parallel claims each see the other, so at worst both are
refused near the limit, never both let past it; a refused or failed claim is deleted again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass

from api.clock import utcnow
from api.config import Config
from api.errors import UserError
from api.signups.models import Signup

__all__ = [
    "DEVICE_COOKIE",
    "SignupLimits",
    "TooManySignups",
    "claim_signup",
    "device_id",
    "forget_unfinished",
    "limits_of",
]

#: The browser's device cookie: random, long-lived, HttpOnly; only its SHA-256 is stored.
DEVICE_COOKIE = "hotline_device"
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class SignupLimits:
    per_address_hour: int
    per_address_day: int
    per_device_day: int


def limits_of(config: Config) -> SignupLimits:
    return SignupLimits(
        per_address_hour=config.signups_per_address_hour,
        per_address_day=config.signups_per_address_day,
        per_device_day=config.signups_per_device_day,
    )


class TooManySignups(UserError):
    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(
            "too_many_signups", f"{message},请{_readable(retry_after)}后再试", None, retry_after=retry_after
        )


def _readable(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds}秒"
    if seconds < 2 * 3600:
        return f"{math.ceil(seconds / 60)}分钟"
    return f"{math.ceil(seconds / 3600)}小时"


def device_id(cookie: str) -> str:
    return hashlib.sha256(cookie.encode()).hexdigest()


async def claim_signup(address: str, device: str | None, limits: SignupLimits) -> Signup:
    """Record a sign-up from ``address`` and ``device`` (a :func:`device_id`) unless it is over a limit.

    The caller links the row to the new account, or deletes it when the account is not created.

    Raises:
        TooManySignups: over a limit (nothing is kept), with the seconds until a sign-up fits again.
    """
    now = utcnow()
    claim = await Signup.create(address=address, device=device, created_at=now)
    checks = [
        ("address", address, HOUR, limits.per_address_hour, "该网络地址注册账户过于频繁"),
        ("address", address, DAY, limits.per_address_day, "该网络地址今日注册账户过多"),
    ]
    if device is not None:
        checks.append(("device", device, DAY, limits.per_device_day, "此浏览器今日注册账户过多"))
    for column, value, window, limit, message in checks:
        if limit <= 0:  # sign-ups switched off this way
            await claim.delete()
            raise TooManySignups(message, int(window.total_seconds()))
        # Newest first; ours is among them. Past the limit, a place frees up when the limit-th newest
        # of the others leaves the window.
        recent = (
            await Signup.filter(**{column: value}, created_at__gt=now - window)
            .exclude(id=claim.id)
            .order_by("-created_at", "-id")
            .limit(limit)
            .values_list("created_at", flat=True)
        )
        if len(recent) >= limit:
            await claim.delete()
            oldest: dt.datetime = recent[limit - 1]  # type: ignore[assignment]
            raise TooManySignups(message, max(1, math.ceil((oldest + window - now).total_seconds())))
    return claim


async def forget_unfinished(now: dt.datetime | None = None) -> int:
    """Delete claims a day old that never got their account (a process stopped between the two steps);
    once out of every window they count for nothing, and the operators' list has nothing to show."""
    cutoff = (now or utcnow()) - DAY
    return await Signup.filter(account_id__isnull=True, created_at__lt=cutoff).delete()
