"""Waking long-polls when a plan changes (the telephony layer's `changes` route waits here).

The database (``plan_changes``) is the truth and long-polls re-read it, so several API processes work;
this module only shortens the wait inside one process: a change wakes every waiter of every event loop.
"""

from __future__ import annotations

import asyncio
import contextlib

__all__ = ["notify_plan_changed", "wait_for_change"]

_waiters: set[asyncio.Future[None]] = set()


def _wake(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


def notify_plan_changed() -> None:
    for future in list(_waiters):
        if not future.done():
            future.get_loop().call_soon_threadsafe(_wake, future)


async def wait_for_change(timeout: float) -> None:
    """Return after ``timeout`` seconds or as soon as this process records a plan change."""
    future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    _waiters.add(future)
    try:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(future, timeout)
    finally:
        _waiters.discard(future)
