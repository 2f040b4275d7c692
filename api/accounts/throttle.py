"""Throttling failed sign-ins: exponential back-off per (login, client address) and per address.

Why these two keys, and not the login alone: a login throttled for everyone would let anyone lock a
user out by typing wrong passwords for them. Keyed by (login, address), the owner signing in from
their own address is never slowed by someone else's failures, while the address guessing is. The
per-address key catches one address trying many logins (credential stuffing) with a higher allowance,
so colleagues behind one office NAT can still mistype. A successful sign-in clears its pair's count.

The address is the peer of the HTTP connection; behind a reverse proxy, run uvicorn with proxy headers
(``FORWARDED_ALLOW_IPS``) so it is the client's.

Counters live in the database (``login_failures``), so several API processes share them. An attempt
is counted before its password is checked (a single ``UPDATE … SET failures = failures + 1``), so
parallel guesses all count, and the one attempt allowed after a wait is claimed by a conditional update.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q

from api.accounts.models import LoginFailure
from api.clock import utcnow
from api.errors import UserError

__all__ = [
    "ADDRESS_RULE",
    "PAIR_RULE",
    "Throttle",
    "TooManyAttempts",
    "attempt_succeeded",
    "begin_attempt",
    "forget_stale",
    "keys_for",
]


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


async def begin_attempt(login: str, address: str) -> None:
    """Count this attempt against its keys before the password is checked; refuse it while waiting.

    The attempt counts as a failure until :func:`attempt_succeeded` says otherwise, so a burst of
    parallel guesses cannot slip past the limit while their hashes are still running. Past the free
    attempts, one attempt per back-off period is let through (it starts the next, longer, period).

    Raises:
        TooManyAttempts: while a key of this attempt is in its back-off (the attempt is not counted).
    """
    now = utcnow()
    counted: list[str] = []
    for key, rule in keys_for(login, address):
        row = await _count(key, rule, now)
        counted.append(key)
        wait = _refusal(row, now)
        if wait is None and row.failures > rule.free_attempts:
            # Take the one slot of this period; a parallel attempt that lost the race is refused.
            until = now + dt.timedelta(seconds=rule.wait_after(row.failures))
            taken = (
                await LoginFailure.filter(key=key)
                .filter(Q(blocked_until__isnull=True) | Q(blocked_until__lte=now))
                .update(blocked_until=until)
            )
            if not taken:
                wait = _refusal(await LoginFailure.get(key=key), now)
        if wait is not None:
            await LoginFailure.filter(key__in=counted).update(failures=F("failures") - 1)
            raise TooManyAttempts(wait)


def _refusal(row: LoginFailure, now: dt.datetime) -> int | None:
    if row.blocked_until is None or row.blocked_until <= now:
        return None
    return max(1, math.ceil((row.blocked_until - now).total_seconds()))


async def _count(key: str, rule: Throttle, now: dt.datetime) -> LoginFailure:
    # A count forgotten after a quiet period starts again at zero.
    await LoginFailure.filter(key=key, last_failed_at__lt=now - rule.forget_after).update(
        failures=0, blocked_until=None
    )
    if not await LoginFailure.filter(key=key).update(failures=F("failures") + 1, last_failed_at=now):
        try:
            await LoginFailure.create(key=key, failures=1, last_failed_at=now)
        except IntegrityError:  # another process created it a moment ago
            await LoginFailure.filter(key=key).update(failures=F("failures") + 1, last_failed_at=now)
    return await LoginFailure.get(key=key)


async def attempt_succeeded(login: str, address: str) -> None:
    """The pair starts afresh; the address only takes back this attempt (a valid sign-in of one's own
    account must not reset a count of guesses at other accounts)."""
    (pair_key, _), (address_key, _) = keys_for(login, address)
    await LoginFailure.filter(key=pair_key).delete()
    await LoginFailure.filter(key=address_key, failures__gt=0).update(failures=F("failures") - 1)


async def forget_stale(now: dt.datetime | None = None) -> int:
    """Delete counters nobody touched for a day (a life-cycle job keeps the table small)."""
    cutoff = (now or utcnow()) - dt.timedelta(days=1)
    return await LoginFailure.filter(last_failed_at__lt=cutoff).delete()
