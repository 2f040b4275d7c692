"""A loop that runs beside the service's requests for as long as the service does (its jobs, its worker)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Coroutine
from typing import Any

__all__ = ["running"]


@contextlib.asynccontextmanager
async def running(loop: Coroutine[Any, Any, None] | None) -> AsyncIterator[None]:
    """Run ``loop`` (None: nothing) while the block runs, and cancel it when the block ends.

    Cancelling waits for the loop to finish its own clean-up, so a claim it holds is released before the
    service's database connections close.
    """
    task = asyncio.create_task(loop) if loop is not None else None
    try:
        yield
    finally:
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
