"""Queries and mutations of flows: edit drafts, validate, publish, diff, simulate, run test cases."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.scalars import JSON
from tortoise.expressions import Q

import ivr_flows
from api.accounts.service import checked_search
from api.errors import UserError
from api.flows import drafts, live, modules, simulation, versions
from api.flows.changes import flow_diff, list_changes, node_names, normalised
from api.flows.flow_json import parse_stored, read_document
from api.flows.models import Flow, FlowVersion
from api.flows.types import (
    DeletedFlow,
    DiagnosticType,
    FlowAreaType,
    FlowConnection,
    FlowDiffType,
    FlowTestResultType,
    FlowTestRun,
    FlowType,
    FlowVersionConnection,
    FlowVersionType,
    SimulatedCallInput,
    SimulationType,
)
from api.graphql.context import Info
from api.graphql.errors import ReturnsUserErrors, UserErrors
from api.graphql.ids import parse_id
from api.graphql.pagination import page_by_id
from api.graphql.permissions import IsCustomer, IsSignedIn
from api.graphql.selection import selected_names
from api.plans import pipeline
from api.plans.policies import number_policies
from api.visible import find_visible, visible_flow, visible_number, visible_version
from ivr_flows.areas import area_table

FlowResult = Annotated[FlowType | UserErrors, strawberry.union("FlowResult")]
FlowVersionResult = Annotated[FlowVersionType | UserErrors, strawberry.union("FlowVersionResult")]
DeleteFlowResult = Annotated[DeletedFlow | UserErrors, strawberry.union("DeleteFlowResult")]
SimulationResult = Annotated[SimulationType | UserErrors, strawberry.union("SimulationResult")]
FlowTestRunResult = Annotated[FlowTestRun | UserErrors, strawberry.union("FlowTestRunResult")]
FlowDiffResult = Annotated[FlowDiffType | UserErrors, strawberry.union("FlowDiffResult")]


def simulated_call(call: SimulatedCallInput) -> ivr_flows.CallSpec:
    return simulation.call_spec(
        caller=call.caller,
        category=call.category,
        at=call.at,
        digits=call.digits,
        phones={p.number: {"state": p.state, "answer_after_s": p.answer_after_s} for p in call.phones},
        active_calls=call.active_calls,
        split=call.split,
        http={r.node_id: {"outcome": r.outcome, "body": r.body} for r in call.http},
    )


async def _draft_or_version(
    info: Info, flow_id: strawberry.ID, version_id: strawberry.ID | None
) -> tuple[ivr_flows.Flow, ivr_flows.Modules]:
    """The document to simulate or test (the flow's draft, or one of its published versions) and the
    module versions it calls: a version's own, a draft's from the account's published modules."""
    flow = await visible_flow(info, flow_id, "flowId")
    if version_id is None:
        document = pipeline.as_analysed(flow, parse_stored(flow.draft))
        return document, (await modules.resolve(flow.account_id, document))[0]
    version = await visible_version(info, version_id)
    if version.flow_id != flow.id:
        raise UserError("not_found", "未找到该流程版本", "versionId")
    document = parse_stored(version.document)
    return document, await modules.pinned(version, document)


async def flow_nodes(info: Info, rows: list[Flow]) -> list[FlowType]:
    """Typed flows with their newest version and live numbers, one query each for the whole page if asked."""
    wanted = selected_names(info)
    ids = [r.id for r in rows]
    latest = await live.latest_versions(ids) if "latestVersion" in wanted else {}
    running: dict[int, list[live.Live]] = {}
    if "liveNumbers" in wanted:
        for entry in await live.live_numbers(flow_ids=ids):
            running.setdefault(entry.flow_id, []).append(entry)
    return [FlowType.of(r, latest.get(r.id), running.get(r.id, [])) for r in rows]


async def flow_node(info: Info, row: Flow) -> FlowType:
    return (await flow_nodes(info, [row]))[0]


async def designed_flow(info: Info, id: strawberry.ID) -> Flow:
    """A flow to change by hand: visible, and not one a number's simple routing form generated."""
    flow = await visible_flow(info, id)
    drafts.check_editable(flow)
    return flow


@strawberry.type
class Query:
    @strawberry.field(
        description="Flows the viewer may see (customers: their account's); operators narrow them to one "
        "account, or search flow and company names. The flows the simple routing form generates for numbers "
        "are its own and never listed.",
        permission_classes=[IsSignedIn],
    )
    async def flows(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        account_id: strawberry.ID | None = None,
        search: Annotated[
            str | None, strawberry.argument(description="Part of the flow's or its company's name.")
        ] = None,
    ) -> FlowConnection:
        query = Flow.filter(simple_number_id__isnull=True, kind="flow", **info.context.tenant_filter())
        if account_id is not None:
            query = query.filter(account_id=parse_id(account_id, "accountId"))
        if search and search.strip():
            text = checked_search(search.strip())
            query = query.filter(Q(name__icontains=text) | Q(account__name__icontains=text))
        return await page_by_id(
            FlowConnection, query, first=first, after=after, nodes=lambda rows: flow_nodes(info, rows)
        )

    @strawberry.field(
        description="Modules (子流程) the viewer may see: reusable sub-flows that flows call by a module node "
        "(customers: their account's). Drafts, versions and publishing are a flow's.",
        permission_classes=[IsSignedIn],
    )
    async def flow_modules(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        account_id: strawberry.ID | None = None,
    ) -> FlowConnection:
        query = Flow.filter(kind=modules.MODULE, **info.context.tenant_filter())
        if account_id is not None:
            query = query.filter(account_id=parse_id(account_id, "accountId"))
        return await page_by_id(
            FlowConnection, query, first=first, after=after, nodes=lambda rows: flow_nodes(info, rows)
        )

    @strawberry.field(
        description="Every landline area code by province and city, for the editor's area picker.",
        permission_classes=[IsSignedIn],
    )
    def flow_areas(self) -> list[FlowAreaType]:
        return [FlowAreaType(province=p, city=c, code=code) for p, c, code in area_table()]

    @strawberry.field(permission_classes=[IsSignedIn])
    async def flow(self, info: Info, id: strawberry.ID) -> FlowType | None:
        row = await find_visible(info, Flow, id, "id", simple_number_id__isnull=True)
        return await flow_node(info, row) if row else None

    @strawberry.field(
        description="Published versions of a flow, oldest first.", permission_classes=[IsSignedIn]
    )
    async def flow_versions(
        self, info: Info, flow_id: strawberry.ID, first: int = 50, after: str | None = None
    ) -> FlowVersionConnection:
        parent = parse_id(flow_id, "flowId")
        query = FlowVersion.filter(flow_id=parent, **info.context.tenant_filter())
        wanted = selected_names(info)

        async def nodes(rows: list[FlowVersion]) -> list[FlowVersionType]:
            name = None
            if rows and "flowName" in wanted:
                name = (await Flow.get(id=parent)).name
            running: dict[int, list[live.Live]] = {r.id: [] for r in rows}
            if rows and "liveNumbers" in wanted:
                for entry in await live.live_numbers(flow_ids=[parent]):
                    running.setdefault(entry.version_id, []).append(entry)
            return [
                FlowVersionType.of(r, name, running[r.id] if "liveNumbers" in wanted else None) for r in rows
            ]

        return await page_by_id(FlowVersionConnection, query, first=first, after=after, nodes=nodes)

    @strawberry.field(permission_classes=[IsSignedIn])
    async def flow_version(self, info: Info, id: strawberry.ID) -> FlowVersionType | None:
        row = await find_visible(info, FlowVersion, id, "id")
        return FlowVersionType.of(row) if row else None

    @strawberry.field(
        description="Analysis of the draft (or a version, or a document the editor has not saved yet, "
        "checked with the flow's account's prompts): errors block publishing. A document that cannot "
        "be read comes back as its reasons, on the nodes concerned.",
        permission_classes=[IsSignedIn],
    )
    async def validate_flow(
        self,
        info: Info,
        id: strawberry.ID,
        version_id: strawberry.ID | None = None,
        document: JSON | None = None,
    ) -> list[DiagnosticType] | None:
        row = await find_visible(info, Flow, id, "id")
        if row is None:
            return None
        if document is not None:
            loaded, unreadable = read_document(document)
            if loaded is None:
                return [DiagnosticType.of(d) for d in unreadable]
            found = await pipeline.diagnose(pipeline.as_analysed(row, loaded), row.account_id)
            return [DiagnosticType.of(d) for d in found]
        text = row.draft
        if version_id is not None:
            version = await FlowVersion.filter(id=parse_id(version_id, "versionId"), flow_id=row.id).first()
            if version is None:
                return None
            text = version.document
        analysed = pipeline.as_analysed(row, parse_stored(text))
        found = await pipeline.diagnose(analysed, row.account_id, publishing=version_id is None)
        return [DiagnosticType.of(d) for d in found]

    @strawberry.field(
        description="What changed from one version to another of the same flow (or to the flow's draft): "
        "ids to mark on the canvas and the changes field by field.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def flow_diff(
        self, info: Info, from_version_id: strawberry.ID, to_version_id: strawberry.ID | None = None
    ) -> FlowDiffResult:
        old = await visible_version(info, from_version_id, "fromVersionId")
        new: FlowVersion | Flow
        if to_version_id is None:
            new = await Flow.get(id=old.flow_id)
        else:
            new = await visible_version(info, to_version_id, "toVersionId")
            versions.same_flow(old, new, "toVersionId")
        before, after = normalised(versions.document_of(old)), normalised(versions.document_of(new))
        changes = list_changes(before, after)
        return FlowDiffType.of(flow_diff(changes), changes, node_names(before, after))

    @strawberry.field(
        description="Simulate a call against the draft or a version, with a number's policies if given.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def simulate_flow(
        self,
        info: Info,
        flow_id: strawberry.ID,
        call: SimulatedCallInput,
        version_id: strawberry.ID | None = None,
        number_id: strawberry.ID | None = None,
    ) -> SimulationResult:
        document, called = await _draft_or_version(info, flow_id, version_id)
        spec = simulated_call(call)
        number, policies = None, None
        if number_id is not None:
            row = await visible_number(info, number_id)
            number, policies = row.number, await number_policies(row)
        plan = simulation.compile_document(document, number, policies, called)
        return SimulationType.of(simulation.told(ivr_flows.simulate(plan, spec), number))

    @strawberry.field(
        description="Run the test cases stored in the draft (or a version).",
        permission_classes=[IsSignedIn],
        extensions=[ReturnsUserErrors()],
    )
    async def run_flow_tests(
        self, info: Info, flow_id: strawberry.ID, version_id: strawberry.ID | None = None
    ) -> FlowTestRunResult:
        document, called = await _draft_or_version(info, flow_id, version_id)
        results = simulation.run_tests(document, called)
        typed = [
            FlowTestResultType(
                name=r.name,
                passed=r.passed,
                message=r.message,
                outcome=r.trace.outcome,
                path=list(r.trace.path),
            )
            for r in results
        ]
        passed = sum(r.passed for r in results)
        return FlowTestRun(results=typed, passed=passed, failed=len(results) - passed)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="A new empty flow (a start node only).",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsCustomer],
    )
    async def create_flow(self, info: Info, name: str) -> FlowResult:
        account_id = info.context.account_id

        return await flow_node(info, await drafts.create_flow(account_id, name))

    @strawberry.mutation(
        description="A new, empty module (子流程): a start node and one return point. Publish it, then call a "
        "published version from a flow's module node.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsCustomer],
    )
    async def create_module(self, info: Info, name: str) -> FlowResult:
        account_id = info.context.account_id

        return await flow_node(info, await drafts.create_module(account_id, name))

    @strawberry.mutation(
        description="A new flow from an exported JSON document (object or JSON text).",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsCustomer],
    )
    async def import_flow(self, info: Info, name: str, document: JSON) -> FlowResult:
        account_id = info.context.account_id

        return await flow_node(info, await drafts.create_flow(account_id, name, document))

    @strawberry.mutation(
        description="Save the draft; refused with code `conflict` if someone saved since baseRevision.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def save_flow_draft(
        self, info: Info, id: strawberry.ID, document: JSON, base_revision: int
    ) -> FlowResult:
        flow = await visible_flow(info, id)
        return await flow_node(info, await drafts.save_draft(flow, document, base_revision))

    @strawberry.mutation(extensions=[ReturnsUserErrors()], permission_classes=[IsSignedIn])
    async def rename_flow(self, info: Info, id: strawberry.ID, name: str) -> FlowResult:
        return await flow_node(info, await drafts.rename_flow(await visible_flow(info, id), name))

    @strawberry.mutation(
        description="A new flow with a copy of this flow's draft (versions stay behind).",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def copy_flow(self, info: Info, id: strawberry.ID, name: str) -> FlowResult:
        return await flow_node(info, await drafts.copy_flow(await visible_flow(info, id), name))

    @strawberry.mutation(
        description="Delete a flow and its versions; refused while a number uses it.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def delete_flow(self, info: Info, id: strawberry.ID) -> DeleteFlowResult:
        flow = await visible_flow(info, id)
        await drafts.delete_flow(flow)
        return DeletedFlow(id=strawberry.ID(str(flow.id)))

    @strawberry.mutation(
        description="Freeze the draft as the next numbered version (refused on analysis errors); "
        "the numbers listed switch to it at once.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def publish_flow(
        self,
        info: Info,
        id: strawberry.ID,
        message: str = "",
        number_ids: list[strawberry.ID] | None = None,
    ) -> FlowVersionResult:
        flow = await designed_flow(info, id)
        numbers = [await visible_number(info, n, "numberIds") for n in number_ids or []]
        published = await pipeline.publish(flow, message, info.context.user.login, numbers)
        return FlowVersionType.of(published.version)
