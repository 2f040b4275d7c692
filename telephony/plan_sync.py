"""Keeps a node's include file equal to the service's plans, and Asterisk reloaded when it changed.

The first ``catch_up`` pages through every plan (``GET /telephony/plans?since=``). After that the node
holds each number's plan with its ETag, and changes come from the change feed (``/telephony/changes``,
number, version and ETag, no bodies): a listed ETag equal to the one held needs nothing; any other is
fetched alone (``GET /telephony/plans/<number>`` with ``If-None-Match`` of the held ETag, so a plan that
is current after all costs a ``304`` and no body), and a number whose plan was withdrawn (listed without
an ETag, or answered ``404``) is dropped. ``follow_once`` long-polls the feed; ``catch_up`` after the
first reads it without waiting. Then the whole set is rendered and the include file replaced; only a
changed file triggers the reload. ``prepare`` (prompt audio, mailboxes, allowances) runs first, so
Asterisk never loads a plan whose files are not there yet. The agent's loop (back-off, health line,
command line: :mod:`telephony.agent`) is built on these two.

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
from .service import ChangeBatch, ChangedPlan, ServiceClient

__all__ = ["PlanSync"]


class PlanSync:
    """The plans this node serves (by number, with their ETags), the version they reflect, and the file
    they render to; counters of plan bodies fetched and of fetches answered "unchanged" (304)."""

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
        self.etags: dict[str, str] = {}
        self.reload_owed = False
        #: Plan bodies received (pages of the first sync and single fetches).
        self.fetched = 0
        #: Single fetches the service answered 304: the plan held was current.
        self.unchanged = 0
        self._complete = False

    async def catch_up(self) -> bool:
        """Bring the plans up to the service's latest version; returns whether Asterisk was reloaded.

        The first time (and after a resync) every plan is paged in; later, only what the feed lists.
        """
        if self._complete:
            changes = await self.service.changes(self.version, 0)
            if changes.latest_version < self.version:
                self._forget()
            else:
                await self._follow(changes)
        if not self._complete:
            await self._load_everything()
        return await self._install()

    async def follow_once(self, wait_s: int = 25) -> bool:
        """Wait for the service's next change (or ``wait_s``); returns whether Asterisk was reloaded."""
        if not self._complete:
            return await self.catch_up()
        changes = await self.service.changes(self.version, wait_s)
        if changes.latest_version < self.version:
            self._forget()
            return await self.catch_up()
        if not changes.changes:
            return False
        await self._follow(changes)
        return await self._install()

    def _forget(self) -> None:
        """Sync afresh from the first page (what is held stays until the new set replaces it)."""
        self.version = 0
        self._complete = False

    async def _load_everything(self) -> None:
        """Every plan, page by page, replacing what is held (a plan no longer listed is not served)."""
        plans: dict[str, Dialplan] = {}
        etags: dict[str, str] = {}
        version = 0
        while True:
            batch = await self.service.plans_since(version)
            for update in batch.plans:
                plans[update.number] = update.plan
                etags[update.number] = update.etag
            self.fetched += len(batch.plans)
            version = batch.next_since
            if not batch.has_more:
                break
        self.plans, self.etags, self.version = plans, etags, version
        self._complete = True

    async def _follow(self, changes: ChangeBatch) -> None:
        """Apply the feed from ``changes`` on, page by page; ``version`` moves only past applied pages."""
        while True:
            for change in changes.changes:
                await self._refresh(change)
            self.version = max(self.version, changes.next_since)
            if not changes.has_more:
                return
            changes = await self.service.changes(self.version, 0)

    async def _refresh(self, change: ChangedPlan) -> None:
        held = self.etags.get(change.number)
        if change.etag == held:
            return  # the listed plan is the one held (or a withdrawn plan this node never held)
        await self.fetch(change.number)

    async def fetch(self, number: str) -> int:
        """Fetch one number's plan, sending the held ETag; returns the status the service answered.

        200: the new plan is held (not yet rendered: ``catch_up`` or ``follow_once`` install it);
        304: the held plan is current; 404: the number has no plan any more and is dropped.
        """
        fetched = await self.service.plan(number, self.etags.get(number))
        if fetched.status == 304:
            self.unchanged += 1
        elif fetched.status == 404:
            self.plans.pop(number, None)
            self.etags.pop(number, None)
        else:
            assert fetched.plan is not None and fetched.etag is not None
            self.plans[number] = fetched.plan
            self.etags[number] = fetched.etag
            self.fetched += 1
        return fetched.status

    async def _install(self) -> bool:
        if self.prepare is not None:
            await self.prepare(list(self.plans.values()))
        if replace_file(self.include_file, render_plans(self.plans.values(), self.options)):
            self.reload_owed = True
        if not self.reload_owed:
            return False
        await self.reload()
        self.reload_owed = False
        return True
