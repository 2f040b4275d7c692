"""Throttling failed sign-ins: per login (the account under attack) and per client address, separately.

Per login: wrong passwords for one login, from any address, lock that login for a wait doubling from
30 s up to 15 minutes once its free failures are used up; while locked, its attempts are refused
before the password is checked. Unknown logins are counted the same way, so the answers never tell
which logins exist. A successful sign-in clears the login's count.

Per address: an address spraying wrong passwords over many logins (credential stuffing) is slowed
down once its free failures are used up: each further failure from it is answered only after a delay,
and says so. The address's count never refuses an attempt before its password is checked, and a
success neither counts nor sets anything there: colleagues behind one office NAT keep signing in with
their right passwords while a guesser at the same address is slowed (and every login it targets gets
locked on its own count).

The address is the peer of the HTTP connection; behind a reverse proxy, run uvicorn with proxy headers
(``FORWARDED_ALLOW_IPS``) so it is the client's.

Counters live in the database (``login_failures``), so several API processes share them. A login's
attempt is counted before its password is checked (a single ``UPDATE … SET failures = failures + 1``),
so parallel guesses all count, and the one attempt allowed after a wait is claimed by a conditional
update; a success deletes the row, and with it any wait that attempt claimed.
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
from api.config import Config
from api.errors import UserError

__all__ = [
    "LoginLimits",
    "Throttle",
    "TooManyAttempts",
    "attempt_failed",
    "attempt_succeeded",
    "begin_attempt",
    "forget_stale",
    "limits_of",
]


@dataclass(frozen=True)
class Throttle:
    """Free failures, then a wait doubling from ``first_wait_s`` per further failure up to ``max_wait_s``.

    A key untouched for ``forget_after`` starts again from zero.
    """

    free_attempts: int
    first_wait_s: int
    max_wait_s: int
    forget_after: dt.timedelta

    def wait_after(self, failures: int) -> int:
        """Seconds the key stays throttled after ``failures`` consecutive failures."""
        beyond = failures - self.free_attempts
        if beyond <= 0:
            return 0
        return min(self.max_wait_s, self.first_wait_s * 2 ** min(beyond - 1, 30))


@dataclass(frozen=True)
class LoginLimits:
    """The two throttles, and the delay added to each failure of a throttled address."""

    login: Throttle
    address: Throttle
    slow_down_s: float


def limits_of(config: Config) -> LoginLimits:
    return LoginLimits(
        login=Throttle(
            free_attempts=config.login_account_free_failures,
            first_wait_s=30,
            max_wait_s=15 * 60,
            forget_after=dt.timedelta(hours=1),
        ),
        address=Throttle(
            free_attempts=config.login_address_free_failures,
            first_wait_s=60,
            max_wait_s=30 * 60,
            forget_after=dt.timedelta(hours=1),
        ),
        slow_down_s=config.login_slow_down_seconds,
    )


class TooManyAttempts(UserError):
    """Sign-in refused without checking the password: the login is locked for ``retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            "too_many_attempts",
            f"该账户登录失败次数过多,请{_readable(retry_after)}后再试",
            "password",
            retry_after=retry_after,
        )


def _readable(seconds: int) -> str:
    return f"{seconds}秒" if seconds < 120 else f"{math.ceil(seconds / 60)}分钟"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def login_key(login: str) -> str:
    return _digest("login", login)


def address_key(address: str) -> str:
    return _digest("address", address)


async def begin_attempt(login: str, limits: LoginLimits) -> None:
    """Count this attempt against its login before the password is checked; refuse it while locked.

    The attempt counts as a failure until :func:`attempt_succeeded` says otherwise, so a burst of
    parallel guesses cannot slip past the limit while their hashes are still running. Past the free
    failures, one attempt per wait is let through (a failure starts the next, longer, wait; a success
    deletes the count and the wait with it).

    Raises:
        TooManyAttempts: while the login is locked (the attempt is not counted).
    """
    rule = limits.login
    key = login_key(login)
    now = utcnow()
    row = await _count(key, rule, now)
    wait = _remaining(row, now)
    if wait is None and row.failures > rule.free_attempts:
        # Take the one slot of this wait; a parallel attempt that lost the race is refused.
        until = now + dt.timedelta(seconds=rule.wait_after(row.failures))
        taken = (
            await LoginFailure.filter(key=key)
            .filter(Q(blocked_until__isnull=True) | Q(blocked_until__lte=now))
            .update(blocked_until=until)
        )
        if not taken:
            wait = _remaining(await LoginFailure.get(key=key), now)
    if wait is not None:
        await LoginFailure.filter(key=key).update(failures=F("failures") - 1)
        raise TooManyAttempts(wait)


async def attempt_failed(address: str, limits: LoginLimits) -> int | None:
    """Count a failure against its address (the login counted it already, in :func:`begin_attempt`).

    Returns the seconds the address stays slowed down, or ``None`` while it is within its free failures.
    """
    rule = limits.address
    key = address_key(address)
    now = utcnow()
    row = await _count(key, rule, now)
    if row.failures <= rule.free_attempts:
        return None
    until = now + dt.timedelta(seconds=rule.wait_after(row.failures))
    # Only ever lengthened: parallel failures may finish in any order.
    await (
        LoginFailure.filter(key=key)
        .filter(Q(blocked_until__isnull=True) | Q(blocked_until__lt=until))
        .update(blocked_until=until)
    )
    return _remaining(await LoginFailure.get(key=key), now)


async def attempt_succeeded(login: str) -> None:
    """The login starts afresh. Its address is left alone: a right password says nothing about the
    guesses made at other logins from the same address, and must not start or lengthen any wait."""
    await LoginFailure.filter(key=login_key(login)).delete()


def _remaining(row: LoginFailure, now: dt.datetime) -> int | None:
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


async def forget_stale(now: dt.datetime | None = None) -> int:
    """Delete counters nobody touched for a day (a life-cycle job keeps the table small)."""
    cutoff = (now or utcnow()) - dt.timedelta(days=1)
    return await LoginFailure.filter(last_failed_at__lt=cutoff).delete()
