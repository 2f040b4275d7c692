"""One API process's jobs, run by the multi-process test: ``python tests/api/job_process.py MODE START_AT``.

MODE ``claimed`` runs :func:`api.jobs.run_jobs_once` (each job claimed in the database); ``unclaimed`` calls
every job directly, so the jobs' own idempotency is what stops double work. Both wait until the wall
clock reaches START_AT, so two processes start together. Prints the counts as JSON.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

from tortoise import Tortoise

from api.config import load_config
from api.db import tortoise_config
from api.jobs import JOBS, run_jobs_once


async def main(mode: str, start_at: float) -> None:
    config = load_config()
    await Tortoise.init(config=tortoise_config(config.database_url))
    try:
        await asyncio.sleep(max(0.0, start_at - time.time()))
        if mode == "claimed":
            done = await run_jobs_once(config)
        else:
            done = {name: await job(config) for name, job in JOBS.items()}
        print(json.dumps(done))
    finally:
        await Tortoise.close_connections()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], float(sys.argv[2])))
