"""The long-running sync agent of one Asterisk node: first full sync, then the change long-poll, forever.

Network errors, a restarting service and a restarting Asterisk are all weather, not failures: the agent
logs them, waits (doubling from one second up to ``max_backoff_s``) and tries again, so a node catches up
by itself once the other side is back. A plan reaches Asterisk only as a whole include file
(:func:`telephony.files.replace_file`), so stopping at any moment leaves the last complete plan
loaded. Before a plan is loaded, what it needs is in place: its prompt audio and ringback classes
(:mod:`telephony.prompts`) and its mailboxes (:mod:`telephony.voicemail`); after the first sync on a
manager connection, the caller-area table (:mod:`telephony.areas`). Each served number's call allowance
is kept in AstDB (:mod:`telephony.allowance`): before a plan set is loaded, after each batch of call
reports the service accepted, and every ``allowance_interval_s``. A health line (last version, plans
loaded, errors so far) is logged every ``health_interval_s``.
``SIGTERM`` (or ``SIGINT``) ends the loop at once, also in the middle of a long-poll.

One agent per node: a lock file in the state directory refuses a second agent on the same node.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import fcntl
import logging
import os
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ivr_flows import AsteriskOptions, Dialplan

from .allowance import AllowanceSync
from .ami import AmiClient, AmiError
from .areas import load_areas
from .call_audio import audio_of
from .call_log import CallLog
from .calls import EVENT_CLASSES, EVENT_FILTERS, CallTracker, TrackedCall
from .fastagi import HttpAgi
from .files import replace_file
from .http_step import Secret
from .journal import CallJournal
from .outbound import OutboundPolicy
from .outbox import SETTLE_S, Outbox
from .plan_sync import PlanSync
from .prompts import PromptSync
from .reconcile import channels_of, ending, missed_events, resolved, wanted_variables
from .service import ServiceClient, ServiceError
from .voicemail import render_voicemail

__all__ = ["Agent", "AgentConfig", "AgentLockedError", "node_lock"]

#: Recordings uploaded between two looks at the call reports.
AUDIO_PER_ROUND = 10
#: After listening again, how long a call missing from Asterisk's channels may still have its ``Hangup``
#: on the way (events sent before the channel list was made) before it is ended as gone in the gap.
GONE_GRACE_S = 2.0
#: How often the journal is marked complete while the agent listens.
ALIVE_BEAT_S = 0.25
log = logging.getLogger("telephony.agent")


@dataclass(frozen=True)
class AgentConfig:
    """Where the service, Asterisk's files and its manager interface are; see ``python -m telephony``."""

    service_url: str
    token: str
    include_file: Path
    moh_file: Path
    voicemail_file: Path
    sounds_dir: Path
    state_dir: Path
    spool_dir: Path = Path("/var/spool/asterisk")
    ami_host: str = "127.0.0.1"
    ami_port: int = 5038
    ami_user: str = "hotline-agent"
    ami_secret: str = ""
    options: AsteriskOptions = field(default_factory=AsteriskOptions)
    long_poll_s: int = 25
    health_interval_s: float = 60.0
    max_backoff_s: float = 30.0
    allowance_interval_s: float = 60.0
    #: The JSON lines Asterisk's channel event logging writes (None: calls begun and ended while the
    #: agent did not listen are not reported).
    call_log: Path | None = None
    #: The guards of flows' HTTP requests (the operator's allowlist, the platform's own networks).
    http_policy: OutboundPolicy = field(default_factory=OutboundPolicy)


class AgentLockedError(Exception):
    """Another agent already serves this node (holds the state directory's lock)."""


@contextlib.contextmanager
def node_lock(state_dir: Path) -> Iterator[IO[str]]:
    """Hold ``<state_dir>/agent.lock`` for the agent's life; a second agent fails at once instead of waiting."""
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_dir / "agent.lock"
    with path.open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise AgentLockedError(f"another agent holds {path}") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield handle


class Agent:
    """The sync loop and its counters; :meth:`run` until :meth:`stop` (or a signal, from :meth:`serve`)."""

    def __init__(self, config: AgentConfig) -> None:
        self.config = config
        self.service = ServiceClient(config.service_url, config.token)
        #: Account secrets the plans' HTTP steps name, by 400 number and name (:meth:`_sync_secrets`).
        self.http_secrets: dict[str, dict[str, Secret]] = {}
        self._secret_numbers: list[str] = []
        self.prompts = PromptSync(self.service, config.sounds_dir, config.moh_file, config.options)
        self.sync = PlanSync(self.service, config.include_file, self._reload, config.options, self._prepare)
        self.outbox = Outbox(config.state_dir / "outbox")
        self.journal = CallJournal(config.state_dir / "calls")
        self.calls = CallTracker(config.options.context_prefix, self._call_finished, journal=self.journal)
        self.call_log = (
            CallLog(config.call_log, config.state_dir / "call-log.position") if config.call_log else None
        )
        family = config.options.allowance_db_family
        self.allowances = AllowanceSync(self.service, family, self._connect) if family else None
        #: The numbers of the plan set last prepared for loading (None before the first sync).
        self.served: list[str] | None = None
        self._allowances_now = asyncio.Event()
        self.reported = 0
        self.audio_uploaded = 0
        self._report_now = asyncio.Event()
        self.owed: set[str] = set()  # modules whose configuration changed but were not reloaded yet
        self.areas_checked = False
        self.ami: AmiClient | None = None
        self.errors = 0
        self.reloads = 0
        self.last_sync_at: float | None = None
        self.synced_once = False
        self._stopping = asyncio.Event()
        self._log_reads: set[asyncio.Task[None]] = set()
        self._backoff_s = 0.0
        #: A helper loop failed (the process should exit with an error).
        self.failed = False

    def stop(self) -> None:
        self._stopping.set()

    async def serve(self) -> None:
        """Run until SIGTERM or SIGINT; the signal ends the loop without waiting for a held long-poll."""
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, self.stop)
        try:
            await self.run()
        finally:
            for signum in (signal.SIGTERM, signal.SIGINT):
                loop.remove_signal_handler(signum)

    async def run(self) -> None:
        log.info(
            "agent started: service %s, include file %s, manager %s:%d",
            self.config.service_url,
            self.config.include_file,
            self.config.ami_host,
            self.config.ami_port,
        )
        if restored := self.calls.replay():
            log.info("%d calls in progress taken up from the journal", restored)
        helpers = [
            asyncio.create_task(self._health_loop(), name="health loop"),
            asyncio.create_task(self._calls_loop(), name="calls loop"),
            asyncio.create_task(self._report_loop(), name="report loop"),
        ]
        if self.allowances is not None:
            helpers.append(asyncio.create_task(self._allowance_loop(), name="allowance loop"))
        for task in helpers:
            task.add_done_callback(self._helper_ended)
        agi = await self._serve_http_steps()
        try:
            while not self._stopping.is_set():
                step = asyncio.create_task(self._step())
                stopping = asyncio.create_task(self._stopping.wait())
                done, _ = await asyncio.wait({step, stopping}, return_when=asyncio.FIRST_COMPLETED)
                if step not in done:
                    step.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await step
                    break
                stopping.cancel()
                if step.result() is False:
                    await self._back_off()
        finally:
            for task in helpers:
                task.cancel()
            # A helper that failed was logged when it ended (_helper_ended).
            await asyncio.gather(*helpers, return_exceptions=True)
            if agi is not None:
                agi.close()
            await self._drop_manager()
            if self.allowances is not None:
                await self.allowances.close()
            log.info("agent stopped: %s", self.health())

    async def _serve_http_steps(self) -> asyncio.Server | None:
        """Answer the plans' HTTP request steps (FastAGI). A port that cannot be bound is logged and counted,
        never fatal: those calls leave their HTTP steps by ``failure`` and everything else works."""
        host, port = self.config.options.agi_address.rsplit(":", 1)
        try:
            answer = HttpAgi(self.sync.plans.get, self.config.http_policy, self._secret)
            return await answer.serve(host, int(port))
        except OSError as error:
            self.errors += 1
            log.error("cannot answer HTTP request steps on %s: %s", self.config.options.agi_address, error)
            return None

    def _helper_ended(self, task: asyncio.Task[None]) -> None:
        """A helper loop only ends when the agent stops; one that failed stops the agent, loudly, so that
        its supervisor starts it again rather than a node running on without reports or allowances."""
        if task.cancelled() or task.exception() is None:
            return
        self.failed = True
        log.error("agent stopping: %s failed", task.get_name(), exc_info=task.exception())
        self.stop()

    async def _step(self) -> bool:
        """One catch-up (everything the first time, what changed after an error) or one long-poll; False
        when it failed."""
        try:
            if not self.synced_once:
                changed = await self.sync.catch_up()
                self.synced_once = True
                log.info(
                    "synced at version %d: %d plans%s",
                    self.sync.version,
                    len(self.sync.plans),
                    ", dialplan reloaded" if changed else ", dialplan already current",
                )
                await self._check_areas()
            else:
                before = self.sync.version
                if await self.sync.follow_once(self.config.long_poll_s):
                    log.info("plans changed (version %d → %d): dialplan reloaded", before, self.sync.version)
            self.last_sync_at = time.time()
            if self._backoff_s:
                log.info("service and Asterisk reachable again")
            self._backoff_s = 0.0
            return True
        except (ServiceError, AmiError, OSError, TimeoutError) as error:
            if isinstance(error, TimeoutError):
                await self._drop_manager()  # an answer may still be on its way: never reuse that stream
            self.errors += 1
            # After a failure, catch up before long-polling again: cheap (only what the change feed
            # lists is fetched) and it retries a reload that was owed.
            self.synced_once = False
            log.warning("sync failed (%s): %s", type(error).__name__, error)
            return False
        except ValueError as error:
            # A plan this node cannot render (RenderError) or a malformed answer: Asterisk keeps the
            # last complete plan; retrying may succeed once the service publishes a fixed plan.
            self.errors += 1
            self.synced_once = False
            log.error("sync failed, plans not loaded: %s", error)
            return False

    async def _back_off(self) -> None:
        self._backoff_s = min(self.config.max_backoff_s, max(1.0, self._backoff_s * 2))
        log.info("retrying in %.0f s", self._backoff_s)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), self._backoff_s)

    async def _prepare(self, plans: list[Dialplan]) -> None:
        """Before a dialplan is loaded: its prompts on disk, its ringback classes and mailboxes loaded,
        its numbers' allowances in AstDB (a new number's first call then already has its limit)."""
        if await self.prompts.sync(plans):
            self.owed.add("res_musiconhold")
        mailboxes = render_voicemail(plans, self.config.options, self.config.token)
        if replace_file(self.config.voicemail_file, mailboxes):
            self.owed.add("app_voicemail")
        for module in sorted(self.owed):
            await self._manager_reload(module)
            self.owed.discard(module)
            log.info("%s reloaded", module)
        self.served = sorted(plan.number for plan in plans)
        await self._sync_allowances()
        await self._sync_secrets(plans)

    async def _sync_secrets(self, plans: list[Dialplan] | None = None) -> None:
        """The account secrets the plans' HTTP request steps name, kept in memory for calls (a call never
        waits on the service for one). Again every ``allowance_interval_s``, so a secret changed without
        a plan change arrives within a minute. A failure keeps the values held, is logged and counted."""
        if plans is not None:
            self._secret_numbers = sorted(
                p.number for p in plans if any(s.op == "http" and s.args.get("secret") for s in p.steps)
            )
        held: dict[str, dict[str, Secret]] = {}
        for number in self._secret_numbers:
            try:
                held[number] = await self.service.plan_secrets(number)
            except ServiceError as error:
                self.errors += 1
                log.warning("secrets of %s not synced: %s", number, error)
                held[number] = self.http_secrets.get(number, {})
        self.http_secrets = held

    def _secret(self, number: str, name: str) -> Secret | None:
        return self.http_secrets.get(number, {}).get(name)

    async def _sync_allowances(self) -> None:
        """Write the served numbers' allowances; a failure is logged and counted, never blocks plans
        (calls then keep the last values until the next round)."""
        if self.allowances is None or self.served is None:
            return
        try:
            await self.allowances.sync(self.served)
        except (ServiceError, AmiError, OSError, TimeoutError) as error:
            self.errors += 1
            log.warning("call allowances not synced: %s", error)

    async def _allowance_loop(self) -> None:
        """Allowances again every ``allowance_interval_s``, or at once when a report batch moved balances."""
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._allowances_now.wait(), self.config.allowance_interval_s)
            self._allowances_now.clear()
            await self._sync_allowances()
            await self._sync_secrets()

    async def _check_areas(self) -> None:
        """The caller-area table in AstDB, loaded when this node lacks the current data version."""
        if not self.areas_checked:
            await load_areas(await self._manager(), self.config.options.area_db_family)
            self.areas_checked = True

    async def _reload(self) -> None:
        await self._manager_reload("pbx_config")
        self.reloads += 1

    async def _manager_reload(self, module: str) -> None:
        """Reload a module through the manager, connecting (again) when there is no connection."""
        ami = await self._manager()
        try:
            await ami.reload_module(module)
        except (AmiError, OSError, TimeoutError) as error:
            await self._drop_manager()
            raise AmiError(f"reload of {module} failed: {error}") from error

    async def _manager(self) -> AmiClient:
        """The manager connection, made (again) when there is none; a new one may be a restarted node."""
        if self.ami is None:
            self.ami = await self._connect()
            self.areas_checked = False
        return self.ami

    async def _connect(self) -> AmiClient:
        return await AmiClient.connect(
            self.config.ami_host, self.config.ami_port, self.config.ami_user, self.config.ami_secret
        )

    async def _drop_manager(self) -> None:
        if self.ami is not None:
            ami, self.ami = self.ami, None
            with contextlib.suppress(OSError, AmiError, TimeoutError):
                await ami.close()

    def _call_finished(self, report: dict[str, Any], call: TrackedCall) -> None:
        for found in audio_of(self.config.spool_dir, call):
            audio = {
                "kind": found.kind,
                "callId": report["callId"],
                "number": report["number"],
                "caller": report["caller"],
                "startedAt": report["startedAt"],
                "endedAt": report["endedAt"],
            }
            self.outbox.capture(audio, found.path, found.companions)
            # The service files each call's audio under (kind, call id): the report can name it already.
            report["mediaRef"] = f"{found.kind.lower()}:{report['callId']}"
        if self.outbox.add(report):
            log.info("call %s to %s finished: %s", report["callId"], report["number"], report["disposition"])
        self._report_now.set()

    async def _calls_loop(self) -> None:
        """Follow the manager's call events on a connection of their own; reconnect with back-off.

        Each time it listens again, what happened meanwhile is taken from Asterisk's channels
        (:mod:`telephony.reconcile`), and the journal is marked complete every ``ALIVE_BEAT_S`` while it listens.
        """
        delay = 0.0
        while True:
            try:
                events = await self._listen()
            except (AmiError, OSError, TimeoutError) as error:
                log.warning("call events unavailable: %s", error)
            else:
                listening_at = dt.datetime.now(dt.UTC)
                delay = 0.0
                heartbeat: asyncio.Task[None] | None = None
                try:
                    await self._catch_up_calls(listening_at)
                    heartbeat = asyncio.create_task(self._mark_alive())
                    log.info("following call events")  # from here on, calls the node takes are reported
                    while True:
                        self.calls.feed(await events.next_event())
                except (AmiError, OSError, TimeoutError) as error:
                    if heartbeat is not None:
                        self.journal.mark_alive()  # every event until the drop was heard
                    log.warning(
                        "call events connection lost (%d calls in progress, taken up when it is back): %s",
                        len(self.calls.calls),
                        error,
                    )
                finally:
                    if heartbeat is not None:
                        heartbeat.cancel()
                    await events.close()
            delay = min(self.config.max_backoff_s, max(1.0, delay * 2))
            await asyncio.sleep(delay)

    async def _listen(self) -> AmiClient:
        """A manager connection with call events on, filtered first: none arrives unfiltered, none is missed."""
        events = await AmiClient.connect(
            self.config.ami_host, self.config.ami_port, self.config.ami_user, self.config.ami_secret
        )
        try:
            for pattern in EVENT_FILTERS:
                await events.action("Filter", Operation="Add", Filter=pattern)
            await events.action("Events", EventMask=EVENT_CLASSES)
        except BaseException:
            await events.close()
            raise
        return events

    async def _catch_up_calls(self, listening_at: dt.datetime) -> None:
        """With events on again (since ``listening_at``): take up what the calls did while nobody listened
        (on a connection of its own: the events' connection is not read meanwhile, its events wait in
        order), then the calls that began and ended meanwhile from the call log."""
        alive_at = self.journal.alive_at()
        async with await self._connect() as ami:
            now = dt.datetime.now(dt.UTC)
            channels = channels_of(await ami.event_list("CoreShowChannels"))
            missed, gone = missed_events(self.calls, channels, now, alive_at)
            self.calls.feed_all(missed)
            for uid, channel, variable in wanted_variables(self.calls, channels):
                try:
                    value = (await ami.action("Getvar", Channel=channel, Variable=variable)).get("Value", "")
                except AmiError:
                    continue  # the channel hung up meanwhile: its Hangup is on the way
                if value:
                    self.calls.feed(resolved(uid, variable, value), now)
        adopted = sum(1 for _, event in missed if event.get("UserEvent") == "HotlineCall")
        if adopted or gone:
            log.info(
                "listening again after a gap since %s: %d calls begun meanwhile taken up, %d ended meanwhile",
                alive_at.isoformat() if alive_at else "the start",
                adopted,
                len(gone),
            )
        if gone:
            asyncio.get_running_loop().call_later(GONE_GRACE_S, self._end_gone, gone, alive_at)
        if self.call_log is not None and alive_at is not None:
            # Read beside the events (a long gap's log takes a while), which go on meanwhile.
            reading = asyncio.create_task(self._calls_from_log(self.call_log, alive_at, listening_at))
            self._log_reads.add(reading)
            reading.add_done_callback(self._log_reads.discard)

    async def _calls_from_log(
        self, call_log: CallLog, alive_at: dt.datetime, listening_at: dt.datetime
    ) -> None:
        """Report the calls that began and ended while nobody listened, from the node's call log."""
        try:
            whole = await asyncio.to_thread(call_log.missed, alive_at, listening_at)
        except OSError as error:
            log.warning("the call log %s could not be read: %s", call_log.path, error)
            return
        taken = 0
        for uid, events in whole:
            if self.calls.heard(uid):
                continue  # its events came after all (it began as the agent listened again)
            self.calls.feed_all(events)
            taken += 1
        if taken:
            log.info("%d calls begun and ended meanwhile taken from the call log", taken)

    def _end_gone(self, gone: list[str], alive_at: dt.datetime | None) -> None:
        """End the calls still tracked that Asterisk no longer had when the agent listened again."""
        for uid in gone:
            if uid in self.calls.calls:
                self.calls.feed_all(ending(self.calls, uid, alive_at))

    async def _mark_alive(self) -> None:
        """A call gone in a gap ends at the last mark: a finer beat charges it closer to what it lasted."""
        while True:
            self.journal.mark_alive()
            if self.call_log is not None:
                self.call_log.mark()
            await asyncio.sleep(ALIVE_BEAT_S)

    async def _report_loop(self) -> None:
        """Send the outbox whenever a call finished, and retry with back-off until the service accepts."""
        delay = 0.0
        while True:
            self._report_now.clear()  # before sending: a call finishing meanwhile is sent next round
            try:
                # Reports first: they carry the charges, and a batch of hundreds is one request; then a
                # few recordings, so a backlog of uploads never holds back the next calls' reports.
                if self.outbox.pending():
                    result = await self.outbox.flush(self.service)
                    self.reported += result.recorded + result.duplicates
                    if result.recorded:
                        self._allowances_now.set()  # the calls were charged: balances moved
                self.outbox.collect()
                self.audio_uploaded += await self.outbox.flush_audio(self.service, limit=AUDIO_PER_ROUND)
                delay = 0.0
            except (ServiceError, OSError) as error:
                self.errors += 1
                delay = min(self.config.max_backoff_s, max(1.0, delay * 2))
                log.warning("call reports not sent (%s); retrying in %.0f s", error, delay)
                await asyncio.sleep(delay)
                continue
            if self.outbox.audio():  # more recordings to upload: the next round at once
                continue
            if self.outbox.captures():  # Asterisk may still be writing a file: look again shortly
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._report_now.wait(), timeout=SETTLE_S)
            else:
                await self._report_now.wait()

    def health(self) -> str:
        """The health line: what the node serves and how the sync has gone."""
        last = (
            time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.last_sync_at))
            if self.last_sync_at
            else "never"
        )
        return (
            f"version={self.sync.version} plans={len(self.sync.plans)} reloads={self.reloads} "
            f"errors={self.errors} plans_fetched={self.sync.fetched} plans_unchanged={self.sync.unchanged} "
            f"allowances={len(self.allowances.held) if self.allowances else 0} "
            f"prompts_fetched={self.prompts.fetched} "
            f"prompts_missing={len(self.prompts.missing)} calls_reported={self.reported} "
            f"calls_in_progress={len(self.calls.calls)} calls_unsent={len(self.outbox.pending())} audio_uploaded={self.audio_uploaded} "
            f"audio_unsent={len(self.outbox.audio()) + len(self.outbox.captures())} last_ok={last}"
        )

    async def _health_loop(self) -> None:
        while True:
            await asyncio.sleep(self.config.health_interval_s)
            log.info("health: %s", self.health())
