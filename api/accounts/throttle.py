"""Throttling failed sign-ins: exponential back-off per (login, client address) and per address.

Why these two keys, and not the login alone: a login throttled for everyone would let anyone lock a
user out by typing wrong passwords for them. Keyed by (login, address), the owner signing in from
their own address is never slowed by someone else's failures, while the address guessing is. The
per-address key catches one address trying many logins (credential stuffing) with a higher allowance,
so colleagues behind one office NAT can still mistype. A successful sign-in clears its pair's count.

The address is the peer of the HTTP connection; behind a reverse proxy, run uvicorn with proxy headers
(``FORWARDED_ALLOW_IPS``) so it is the client's.

Counters live in the database (``login_failures``), so several API processes share them; increments
are single ``UPDATE … SET failures = failures + 1`` statements, so concurrent failures all count.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from api.accounts.models import LoginFailure
from api.clock import utcnow
from api.errors import UserError

__all__ = ["ADDRESS_RULE", "PAIR_RULE", "Throttle", "TooManyAttempts", "keys_for"]


@dataclass(frozen=True)
class Throttle:
    """Free attempts, then a wait doubling from ``first_wait_s`` per further failure up to ``max_wait_s``.

    A key untouched for ``forget_after`` starts again from zero.
    """

    free_attempts: int
    first_wait_s: int
    max_wait_s: int
    forget_after: dt.timedelta

    def wait_after(self, failures: int) -> int:
        """Seconds to refuse further attempts after ``failures`` consecutive failures."""
        beyond = failures - self.free_attempts
        if beyond <= 0:
            return 0
        return min(self.max_wait_s, self.first_wait_s * 2 ** min(beyond - 1, 30))


PAIR_RULE = Throttle(free_attempts=5, first_wait_s=30, max_wait_s=15 * 60, forget_after=dt.timedelta(hours=1))
ADDRESS_RULE = Throttle(
    free_attempts=30, first_wait_s=60, max_wait_s=30 * 60, forget_after=dt.timedelta(hours=1)
)


class TooManyAttempts(UserError):
    """Sign-in refused without checking the password; ``retry_after`` seconds until the next try."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            "too_many_attempts", f"登录失败次数过多,请{_readable(retry_after)}后再试", "password"
        )
        self.retry_after = retry_after


def _readable(seconds: int) -> str:
    return f"{seconds}秒" if seconds < 120 else f"{math.ceil(seconds / 60)}分钟"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def keys_for(login: str, address: str) -> list[tuple[str, Throttle]]:
    """The throttle keys one attempt counts against, with their rules."""
    return [(_digest("pair", login, address), PAIR_RULE), (_digest("address", address), ADDRESS_RULE)]


async def check_allowed(login: str, address: str) -> None:
    """Raises :class:`TooManyAttempts` while any key of this attempt is in its back-off."""
    keys = dict(keys_for(login, address))
    now = utcnow()
    waits = [
        math.ceil((row.blocked_until - now).total_seconds())
        for row in await LoginFailure.filter(key__in=list(keys), blocked_until__gt=now)
        if row.blocked_until is not None
    ]
    if waits:
        raise TooManyAttempts(max(1, *waits))


async def record_failure(login: str, address: str) -> None:
    now = utcnow()
    for key, rule in keys_for(login, address):
        await _count(key, rule, now)


async def _count(key: str, rule: Throttle, now: dt.datetime) -> None:
    # A count forgotten after a quiet period starts again at zero, in the same single statement.
    await LoginFailure.filter(key=key, last_failed_at__lt=now - rule.forget_after).update(
        failures=0, blocked_until=None
    )
    if not await LoginFailure.filter(key=key).update(failures=F("failures") + 1, last_failed_at=now):
        try:
            await LoginFailure.create(key=key, failures=1, last_failed_at=now)
        except IntegrityError:  # another process created it a moment ago
            await LoginFailure.filter(key=key).update(failures=F("failures") + 1, last_failed_at=now)
    row = await LoginFailure.get(key=key)
    wait = rule.wait_after(row.failures)
    if wait:
        await LoginFailure.filter(key=key).update(blocked_until=now + dt.timedelta(seconds=wait))


async def record_success(login: str, address: str) -> None:
    """The pair starts afresh; the address keeps its count (a valid sign-in must not reset stuffing)."""
    pair_key = keys_for(login, address)[0][0]
    await LoginFailure.filter(key=pair_key).delete()


async def forget_stale(now: dt.datetime | None = None) -> int:
    """Delete counters nobody touched for a day (a life-cycle job keeps the table small)."""
    cutoff = (now or utcnow()) - dt.timedelta(days=1)
    return await LoginFailure.filter(last_failed_at__lt=cutoff).delete()
