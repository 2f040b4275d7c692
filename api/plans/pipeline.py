"""The one path from a flow to the plans numbers run: load once, analyse once, write in one transaction.

Every feature that changes what a number does calls this module and nothing below it: publishing a flow
(``publishFlow``, the simple routing form, the web editor), putting a version in service or rolling back,
changing a number's settings, a number's status changing (billing's suspension, reclamation) and the
operator's holiday table. Each call

1. loads what a flow is checked against once — the account's playable prompts and the holiday table
   (``context.py``) — and parses each flow document once;
2. analyses the flow once per number it compiles for (once without numbers), refusing with every error
   named, and hands the warnings back (the compiler reuses that analysis instead of repeating it);
   a draft becoming a new version is analysed as publishing (R15: a caller-list node's entry no caller
   can match is an error), a version already published is not, so it keeps compiling when a holiday, a
   suspension or a number's settings recompile it, or when it is put back in service;
3. writes the version, the numbers' settings and their compiled plans in one transaction; a plan that
   did not change (same ETag and status) keeps its version (``storage.py``);
4. wakes the telephony layer's long-polls after the commit, never before (``wakeups.py``).

Calls compose: inside :func:`transaction` several calls and the caller's own writes commit together and
wake the long-polls once.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

import ivr_flows
from api.clock import utcnow
from api.errors import UserError
from api.flows import modules
from api.flows.flow_json import parse_stored
from api.flows.models import Flow, FlowVersion
from api.flows.versions import check_message, create_version, refusal
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus
from api.plans.context import analysis_context, holiday_calendar
from api.plans.policies import SERVED, policies_of
from api.plans.storage import drop_plan, store_plan
from api.plans.wakeups import notify_plan_changed
from api.routing.models import CompiledPlan, NumberRouting
from api.routing.records import routing_of
from ivr_flows import CalendarDay

__all__ = [
    "Published",
    "as_analysed",
    "assign",
    "diagnose",
    "drop",
    "publish",
    "recompile",
    "recompile_account",
    "recompile_all",
    "refresh_stale_plans",
    "save_settings",
    "transaction",
]

#: Statuses in which a number's routing may be changed (a reserved or reclaimed number has none).
IN_SERVICE = (NumberStatus.ACTIVE, NumberStatus.SUSPENDED)


@dataclass(frozen=True)
class Published:
    """A publication: the new version, the warnings analysis gave, the settings of the numbers now on it."""

    version: FlowVersion
    warnings: list[ivr_flows.Diagnostic]
    routings: list[NumberRouting]


@dataclass
class _Unit:
    conn: BaseDBAsyncClient
    changed: bool = False


_unit: ContextVar[_Unit | None] = ContextVar("plans_transaction", default=None)


@contextlib.asynccontextmanager
async def transaction() -> AsyncIterator[BaseDBAsyncClient]:
    """One transaction for several pipeline calls and the caller's own writes; wakes long-polls after it.

    A nested use joins the outermost one, so a feature may wrap its own writes around :func:`publish` or
    :func:`drop` and everything commits, or rolls back, together. Long-polls are woken only once the
    outermost transaction has committed: a waiter woken earlier would read the database too soon.
    """
    outer = _unit.get()
    if outer is not None:
        yield outer.conn
        return
    async with in_transaction() as conn:
        unit = _Unit(conn)
        token = _unit.set(unit)
        try:
            yield conn
        finally:
            _unit.reset(token)
    if unit.changed:
        notify_plan_changed()


class _Loads:
    """What one pipeline call loads, each at most once: the holiday table, accounts' prompts, flows.

    ``publishing``: the flows compiled are a draft becoming a new version (``AnalysisContext.publishing``).
    """

    def __init__(self, *, publishing: bool = False) -> None:
        self._publishing = publishing
        self._calendar: list[CalendarDay] | None = None
        self._contexts: dict[int, ivr_flows.AnalysisContext] = {}
        self._flows: dict[int, ivr_flows.Flow] = {}
        self._modules: dict[int, ivr_flows.Modules] = {}

    async def calendar(self) -> list[CalendarDay]:
        if self._calendar is None:
            self._calendar = await holiday_calendar()
        return self._calendar

    async def context(self, account_id: int) -> ivr_flows.AnalysisContext:
        if account_id not in self._contexts:
            self._contexts[account_id] = await analysis_context(account_id, publishing=self._publishing)
        return self._contexts[account_id]

    def flow(self, version: FlowVersion) -> ivr_flows.Flow:
        if version.id not in self._flows:
            self._flows[version.id] = _parse(version.document)
            if self._flows[version.id].kind == modules.MODULE:
                raise UserError("module_on_number", "子流程不能直接用于号码,请在流程中调用它", "versionId")
        return self._flows[version.id]

    async def pinned(self, version: FlowVersion) -> ivr_flows.Modules:
        """The module versions ``version`` was published with."""
        if version.id not in self._modules:
            self._modules[version.id] = await modules.pinned(version, self.flow(version))
        return self._modules[version.id]

    async def compile(
        self,
        number: Number,
        routing: NumberRouting,
        flow: ivr_flows.Flow,
        account_id: int,
        called: ivr_flows.Modules | None = None,
    ) -> tuple[ivr_flows.Dialplan, list[ivr_flows.Diagnostic]]:
        """The number's plan and the one analysis it was compiled from; analysis errors are refused.

        ``called``: the module versions the flow calls (compiled inline).
        """
        policies = policies_of(number, routing, await self.calendar())
        context = await self.context(account_id)
        called = called or {}
        found = ivr_flows.analyse(flow, policies, context, called)
        if any(d.severity == "error" for d in found):
            raise refusal(found)
        plan = ivr_flows.compile_plan(
            number.number, policies, flow, context=context, analysis=found, modules=called
        )
        return plan, found


def _parse(text: str) -> ivr_flows.Flow:
    try:
        return parse_stored(text)
    except ivr_flows.FlowError as error:
        raise refusal(error.diagnostics) from error


def _check_in_service(number: Number) -> None:
    if number.status not in IN_SERVICE:
        raise UserError("number_not_in_service", "该号码尚未开通或已回收,不能设置路由", "numberId")


def _check_owner(number: Number, account_id: int, field: str) -> None:
    """A flow's versions run only on its own account's numbers; anything else reads as not found."""
    if number.account_id != account_id:
        message = "未找到该号码" if field == "numberIds" else "未找到该流程版本"
        raise UserError("not_found", message, field)


async def _store(number: Number, plan: ivr_flows.Dialplan, conn: BaseDBAsyncClient) -> bool:
    _, changed = await store_plan(number, plan, conn)
    if changed:
        _mark_changed()
    return changed


def _mark_changed() -> None:
    unit = _unit.get()
    assert unit is not None, "plans are written inside pipeline.transaction()"
    unit.changed = True


def _unique(diagnostics: list[ivr_flows.Diagnostic]) -> list[ivr_flows.Diagnostic]:
    """One copy of each diagnostic: the flow's own ones recur in every number's analysis."""
    return list(dict.fromkeys(diagnostics))


def as_analysed(row: Flow, document: ivr_flows.Flow) -> ivr_flows.Flow:
    """A module's document carries its module's id while analysed: calling itself is then a cycle."""
    if row.kind == modules.MODULE:
        return document.model_copy(update={"id": str(row.id)})
    return document


async def diagnose(
    flow: ivr_flows.Flow, account_id: int, *, publishing: bool = True
) -> list[ivr_flows.Diagnostic]:
    """What analysis says about a draft or version with the account's prompts checked, errors first.

    The same analysis publishing runs, so a flow ``validateFlow`` passes also publishes. A version
    already published is diagnosed with ``publishing=False``, as putting it in service analyses it.
    Module nodes are checked against the account's published module versions.
    """
    called, _ = await modules.resolve(account_id, flow)
    return ivr_flows.analyse(flow, None, await analysis_context(account_id, publishing=publishing), called)


async def publish(
    flow: Flow,
    message: str,
    author: str,
    numbers: Sequence[Number] = (),
    *,
    loaded: ivr_flows.Flow | None = None,
) -> Published:
    """Freeze ``flow``'s draft as its next version and put it in service on ``numbers``; all or nothing.

    Refused, with every analysis error named, if the draft does not pass analysis with the account's
    prompts (and each number's policies); a number of another account or not in service undoes the
    whole publication. ``loaded`` is the draft already parsed by a caller that just generated it.
    """
    message = check_message(message)
    if numbers and flow.kind == modules.MODULE:
        raise UserError("module_on_number", "子流程不能直接用于号码,请在流程中调用它", "numberIds")
    for number in numbers:
        _check_owner(number, flow.account_id, "numberIds")
        _check_in_service(number)
    document = loaded if loaded is not None else _parse(flow.draft)
    modules.check_kind(flow.kind, document, "id")
    analysed = as_analysed(flow, document)
    loads = _Loads(publishing=True)
    async with transaction() as conn:
        called, rows = await modules.resolve(flow.account_id, document)
        routings = [await routing_of(number, conn) for number in numbers]
        plans: list[ivr_flows.Dialplan] = []
        found: list[ivr_flows.Diagnostic] = []
        for number, routing in zip(numbers, routings, strict=True):
            plan, diagnostics = await loads.compile(number, routing, document, flow.account_id, called)
            plans.append(plan)
            found += diagnostics
        if not numbers:
            found = ivr_flows.analyse(analysed, None, await loads.context(flow.account_id), called)
            if any(d.severity == "error" for d in found):
                raise refusal(found)
        version = await create_version(flow, document, message, author)
        await modules.pin(version, document, called, rows, conn)
        for number, routing, plan in zip(numbers, routings, plans, strict=True):
            routing.flow_version_id = version.id
            routing.updated_at = utcnow()
            await routing.save(update_fields=["flow_version_id", "updated_at"], using_db=conn)
            await _store(number, plan, conn)
    return Published(version, _unique([d for d in found if d.severity != "error"]), routings)


async def assign(version: FlowVersion, numbers: Sequence[Number]) -> list[NumberRouting]:
    """Put a published version in service on ``numbers``: a newer one, or an older one to roll back.

    All or nothing: a number that cannot take the version (another account's, not in service, a plan
    that does not compile with its policies) leaves every number as it was.
    """
    for number in numbers:
        _check_owner(number, version.account_id, "versionId")
        _check_in_service(number)
    loads = _Loads()
    flow = loads.flow(version)
    routings = []
    async with transaction() as conn:
        for number in numbers:
            routing = await routing_of(number, conn)
            routing.flow_version_id = version.id
            called = await loads.pinned(version)
            plan, _ = await loads.compile(number, routing, flow, version.account_id, called)
            routing.updated_at = utcnow()
            await routing.save(update_fields=["flow_version_id", "updated_at"], using_db=conn)
            await _store(number, plan, conn)
            routings.append(routing)
    return routings


async def save_settings(number: Number, routing: NumberRouting, fields: list[str]) -> NumberRouting:
    """Save changed settings of ``number`` and the plan they compile to, together or not at all.

    A setting that would not compile (analysis finds an error with the new policies) is refused and
    nothing is saved.
    """
    _check_in_service(number)
    routing.updated_at = utcnow()
    loads = _Loads()
    async with transaction() as conn:
        await routing.save(update_fields=[*fields, "updated_at"], using_db=conn)
        if routing.flow_version_id is not None:
            version = await FlowVersion.get(id=routing.flow_version_id, using_db=conn)
            called = await loads.pinned(version)
            plan, _ = await loads.compile(number, routing, loads.flow(version), version.account_id, called)
            await _store(number, plan, conn)
    return routing


async def recompile(numbers: Sequence[Number]) -> int:
    """Recompile the plans of ``numbers`` from their saved settings and versions, in one transaction.

    For changes that live outside the routing settings but inside every plan: a number's status (billing
    suspends and resumes numbers, then calls this), an account's prompts, the holiday table. Numbers
    without a version in service are skipped. Returns how many plans changed.
    """
    ids = [n.id for n in numbers]
    routings = {
        r.number_id: r for r in await NumberRouting.filter(number_id__in=ids, flow_version_id__isnull=False)
    }
    if not routings:
        return 0
    wanted = {r.flow_version_id for r in routings.values()}
    versions = {v.id: v for v in await FlowVersion.filter(id__in=wanted)}
    loads = _Loads()
    changed = 0
    async with transaction() as conn:
        for number in numbers:
            routing = routings.get(number.id)
            if routing is None or routing.flow_version_id is None:
                continue
            version = versions[routing.flow_version_id]
            called = await loads.pinned(version)
            plan, _ = await loads.compile(number, routing, loads.flow(version), version.account_id, called)
            changed += await _store(number, plan, conn)
    return changed


async def recompile_account(account_id: int) -> int:
    """Recompile every plan of an account's numbers (e.g. after billing suspended or resumed them)."""
    return await recompile(await Number.filter(account_id=account_id).order_by("id"))


async def recompile_all() -> int:
    """Recompile every plan in service: the operator's holiday table, which every plan carries, changed."""
    return await recompile(await Number.filter(routing__flow_version_id__isnull=False).order_by("id"))


async def drop(number_id: int) -> None:
    """Forget a reclaimed number's settings and plan, so nothing follows it to its next owner.

    Meant to run inside the caller's :func:`transaction` with the status change itself; the plan's
    disappearance is recorded so the telephony layer learns it.
    """
    async with transaction() as conn:
        if await drop_plan(number_id, conn):
            _mark_changed()


async def refresh_stale_plans() -> int:
    """Recompile the plans whose number changed status since compiling; a job, never a read.

    Every status change that keeps a plan recompiles it in its own transaction (billing's suspension and
    resumption, the operator's), so this only catches a change made some other way. Until it runs, the
    telephony read serves the stored plan and says it is stale (``X-Plan-Stale``), and does not compile.
    """
    rows = await CompiledPlan.all().values_list("number_id", "compiled_status", "number__status")
    stale = [number_id for number_id, compiled, status in rows if compiled != status]
    if not stale:
        return 0
    return await recompile(await Number.filter(id__in=stale, status__in=list(SERVED)).order_by("id"))
