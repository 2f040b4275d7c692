"""Life-cycle jobs: holds expire, numbers are re-listed, line fees renewed, balances swept (R8), unpaid
numbers reclaimed, notices delivered, statements issued, old sign-in failures and unfinished sign-up claims forgotten,
plans whose number changed status some other way recompiled (reads never compile).

Each run of a job is claimed in the database first (``api/claims``), so with several API processes one
of them runs it at a time; and every job is idempotent (conditional updates, unique keys), so a run
after a crash repeats nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Awaitable, Callable

from api.accounts.throttle import forget_stale
from api.background import running
from api.claims.leases import claim, release
from api.config import Config
from api.logtext import loggable_exc_info
from api.notify.outbox import deliver_due
from api.numbers.operations import make_available_after_cooldown
from api.plans.pipeline import refresh_stale_plans
from api.recordings.retention import expire_recordings
from api.reservations.holds import expire_reservations
from api.routing.line_fees import renew_line_years
from api.signups.limits import forget_unfinished
from api.statements.monthly import issue_statements
from api.thresholds.standing import reclaim_unpaid, sweep

__all__ = ["JOBS", "run_jobs_once", "running_jobs"]

log = logging.getLogger("api.jobs")

JOBS: dict[str, Callable[[Config], Awaitable[int]]] = {
    "expire_reservations": lambda _: expire_reservations(),
    "relist_reclaimed_numbers": lambda _: make_available_after_cooldown(),
    "expire_recordings": expire_recordings,
    "forget_login_failures": lambda _: forget_stale(),
    "forget_unfinished_signups": lambda _: forget_unfinished(),
    "renew_line_fees": lambda _: renew_line_years(),
    "sweep_balances": lambda _: sweep(),
    "reclaim_unpaid_numbers": reclaim_unpaid,
    "deliver_notifications": deliver_due,
    "issue_statements": lambda _: issue_statements(),
    "refresh_stale_plans": lambda _: refresh_stale_plans(),
}


#: How long a claimed run may take before another process may run the job again.
LEASE = dt.timedelta(minutes=10)


async def run_jobs_once(config: Config) -> dict[str, int]:
    """Every job once, with the service's own configuration; a job another process is running is skipped.

    The result counts what each job did (-1: it failed; 0 also when another process held it).
    """
    done: dict[str, int] = {}
    for name, job in JOBS.items():
        try:
            if not await claim(name, LEASE):
                done[name] = 0
                continue
        except Exception as error:
            log.error("job %s could not be claimed", name, exc_info=loggable_exc_info(error))
            done[name] = -1
            continue
        try:
            done[name] = await job(config)
        except Exception as error:  # one failing job must not stop the others or the loop
            log.error("job %s failed", name, exc_info=loggable_exc_info(error))
            done[name] = -1
        finally:
            await release(name)
    return done


async def _loop(config: Config, interval: float) -> None:
    while True:
        results = await run_jobs_once(config)
        if any(results.values()):
            log.info("jobs: %s", results)
        await asyncio.sleep(interval)


def running_jobs(config: Config, interval: float) -> contextlib.AbstractAsyncContextManager[None]:
    """The life-cycle jobs every ``interval`` seconds beside the service (none when not positive)."""
    return running(_loop(config, interval) if interval > 0 else None)
