"""Life-cycle jobs: expired holds are released, cooled-down numbers re-listed, old sign-in failures forgotten.

Every job is idempotent (conditional updates), so several API processes may run them side by side.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

from api.accounts.throttle import forget_stale
from api.config import Config
from api.logtext import loggable_exc_info
from api.numbers.operations import make_available_after_cooldown
from api.recordings.retention import expire_recordings
from api.reservations.holds import expire_reservations
from api.routing.line_fees import renew_line_years

__all__ = ["JOBS", "run_jobs_once", "running_jobs"]

log = logging.getLogger("api.jobs")

JOBS: dict[str, Callable[[Config], Awaitable[int]]] = {
    "expire_reservations": lambda _: expire_reservations(),
    "relist_reclaimed_numbers": lambda _: make_available_after_cooldown(),
    "expire_recordings": expire_recordings,
    "forget_login_failures": lambda _: forget_stale(),
    "renew_line_fees": lambda _: renew_line_years(),
}


async def run_jobs_once(config: Config) -> dict[str, int]:
    """Every job once, with the service's own configuration (data directory, retention defaults)."""
    done: dict[str, int] = {}
    for name, job in JOBS.items():
        try:
            done[name] = await job(config)
        except Exception as error:  # one failing job must not stop the others or the loop
            log.error("job %s failed", name, exc_info=loggable_exc_info(error))
            done[name] = -1
    return done


async def _loop(config: Config, interval: float) -> None:
    while True:
        results = await run_jobs_once(config)
        if any(results.values()):
            log.info("jobs: %s", results)
        await asyncio.sleep(interval)


@contextlib.asynccontextmanager
async def running_jobs(config: Config, interval: float) -> AsyncIterator[None]:
    task = asyncio.create_task(_loop(config, interval)) if interval > 0 else None
    try:
        yield
    finally:
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
