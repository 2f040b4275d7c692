"""Keeps a node's include file equal to the service's plans, and Asterisk reloaded when it changed.

``catch_up`` reads every plan changed since the last version seen (all of them the first time), renders
the whole set and replaces the include file; only a changed file triggers the reload. ``prepare`` (the
prompt audio) runs first, so Asterisk never loads a plan whose files are not there yet. ``follow_once``
long-polls for the next change and catches up when there is one. The agent's loop (back-off, health
line, command line: :mod:`telephony.agent`) is built on these two.

A file written but not yet reloaded (the manager connection failed in between) stays owed: the next
``catch_up`` reloads even though the text no longer changes. A service whose latest version went
backwards (its database was restored) is followed by syncing everything afresh.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from ivr_flows import AsteriskOptions, Dialplan

from .dialplan_file import render_plans
from .files import replace_file
from .service import ServiceClient

__all__ = ["PlanSync"]


class PlanSync:
    """The plans this node serves (by number), the version they reflect, and the file they render to."""

    def __init__(
        self,
        service: ServiceClient,
        include_file: Path,
        reload: Callable[[], Awaitable[None]],
        options: AsteriskOptions | None = None,
        prepare: Callable[[list[Dialplan]], Awaitable[None]] | None = None,
    ) -> None:
        self.service = service
        self.include_file = include_file
        self.reload = reload
        self.prepare = prepare
        self.options = options or AsteriskOptions()
        self.version = 0
        self.plans: dict[str, Dialplan] = {}
        self.reload_owed = False

    async def catch_up(self) -> bool:
        """Fetch what changed since ``version``, page by page; returns whether Asterisk was reloaded."""
        while True:
            batch = await self.service.plans_since(self.version)
            for update in batch.plans:
                self.plans[update.number] = update.plan
            self.version = batch.next_since
            if not batch.has_more:
                break
        if self.prepare is not None:
            await self.prepare(list(self.plans.values()))
        if replace_file(self.include_file, render_plans(self.plans.values(), self.options)):
            self.reload_owed = True
        if not self.reload_owed:
            return False
        await self.reload()
        self.reload_owed = False
        return True

    async def follow_once(self, wait_s: int = 25) -> bool:
        """Wait for the service's next change (or ``wait_s``); returns whether Asterisk was reloaded."""
        changes = await self.service.changes(self.version, wait_s)
        if changes.latest_version < self.version:
            self.version = 0
            self.plans = {}
            return await self.catch_up()
        if not changes.numbers:
            return False
        return await self.catch_up()
