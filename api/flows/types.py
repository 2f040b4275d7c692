"""GraphQL types of flows, versions, diagnostics, diffs and simulated calls."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum

import strawberry
from strawberry.scalars import JSON

import ivr_flows
from api.accounts.loaders import account_loader
from api.accounts.types import AccountType
from api.clock import to_local
from api.flows import models
from api.flows.changes import Change, FlowDiff, NodeName
from api.flows.live import Live, live_numbers
from api.graphql.context import Info
from api.graphql.ids import MAX_ID, plain_int
from api.graphql.pagination import Connection
from api.numbers.numbering import format_number


@strawberry.type(name="LiveNumber", description="A number in service on a published version of a flow.")
class LiveNumberType:
    number_id: strawberry.ID
    number: str
    display: str = strawberry.field(description="The number as shown, 400-XXX-XXXX.")
    version_id: strawberry.ID
    version: int

    @classmethod
    def of(cls, live: Live) -> LiveNumberType:
        return cls(
            number_id=strawberry.ID(str(live.number_id)),
            number=live.number,
            display=format_number(live.number),
            version_id=strawberry.ID(str(live.version_id)),
            version=live.version,
        )


@strawberry.type(name="ModuleCall", description="A module node (子流程) of a flow's draft and what it calls.")
class ModuleCallType:
    node_id: str
    module_id: strawberry.ID | None = strawberry.field(
        description="The called module's flow id, to open it in the editor (`flow(id:)`); null when the "
        "account has no such module."
    )
    module_name: str | None
    version: int
    published: bool = strawberry.field(description="Whether the module has this published version.")
    return_points: list[str] = strawberry.field(
        description="The names of the version's return points: the node's exits are `exit:<name>` each "
        "(empty when the version is not published)."
    )


@strawberry.type(name="ModuleVersionUse", description="A module version a published flow version calls.")
class ModuleVersionUseType:
    module_id: strawberry.ID
    module_name: str
    version: int
    version_id: strawberry.ID


async def _module_calls(account_id: int, document: JSON) -> list[ModuleCallType]:
    out: list[ModuleCallType] = []
    for node_id, (module, version) in ivr_flows.module_calls(
        ivr_flows.load_flow(json.dumps(document))
    ).items():
        number = plain_int(module)
        row = None
        if number is not None and number <= MAX_ID:
            row = await models.Flow.filter(id=number, account_id=account_id, kind="module").first()
        called = None
        if row is not None:
            called = await models.FlowVersion.filter(flow_id=row.id, version=version).first()
        points = ivr_flows.return_points(ivr_flows.load_flow(called.document)) if called else ()
        out.append(
            ModuleCallType(
                node_id=node_id,
                module_id=strawberry.ID(str(row.id)) if row else None,
                module_name=row.name if row else None,
                version=version,
                published=called is not None,
                return_points=list(points),
            )
        )
    return out


@strawberry.type(name="Flow", description="An IVR flow: its editable draft; versions are published from it.")
class FlowType:
    id: strawberry.ID
    name: str
    revision: int = strawberry.field(description="Send it back as baseRevision when saving the draft.")
    draft: JSON = strawberry.field(description="The draft document (the export format).")
    created_at: dt.datetime
    updated_at: dt.datetime
    account_id: strawberry.ID
    latest_version: int | None = strawberry.field(
        default=None, description="The newest published version's number; null if never published."
    )
    live_numbers: list[LiveNumberType] = strawberry.field(
        default_factory=list, description="Numbers in service on a version of this flow, and which version."
    )
    kind: str = strawberry.field(
        default="flow",
        description="`flow`: runs on numbers; `module`: a reusable sub-flow (子流程) that flows call by a "
        "module node, whose editor also offers return points (`module_exit`).",
    )

    @strawberry.field(description="The draft's module nodes and the modules they call, in document order.")
    async def module_calls(self) -> list[ModuleCallType]:
        return await _module_calls(int(self.account_id), self.draft)

    @strawberry.field(description="The customer account the flow belongs to.")
    async def account(self, info: Info) -> AccountType | None:
        row = await account_loader(info).load(int(self.account_id))
        return AccountType.of(row) if row is not None else None

    @classmethod
    def of(cls, row: models.Flow, latest: int | None = None, live: list[Live] | None = None) -> FlowType:
        """``latest`` and ``live`` are loaded by the caller, for a whole page at once, when asked for."""
        return cls(
            id=strawberry.ID(str(row.id)),
            account_id=strawberry.ID(str(row.account_id)),
            name=row.name,
            revision=row.revision,
            draft=json.loads(row.draft),
            created_at=to_local(row.created_at),
            updated_at=to_local(row.updated_at),
            latest_version=latest,
            live_numbers=[LiveNumberType.of(x) for x in live or []],
            kind=row.kind,
        )


@strawberry.type
class FlowConnection(Connection[FlowType]):
    pass


@strawberry.type(name="FlowVersion", description="A published, immutable version of a flow.")
class FlowVersionType:
    id: strawberry.ID
    flow_id: strawberry.ID
    version: int
    message: str
    published_by: str
    digest: str
    document: JSON
    created_at: dt.datetime
    _flow_name: strawberry.Private[str | None] = None
    _live: strawberry.Private[list[Live] | None] = None

    @strawberry.field(description="The name of the flow it was published from.")
    async def flow_name(self) -> str:
        if self._flow_name is None:
            self._flow_name = (await models.Flow.get(id=int(self.flow_id))).name
        return self._flow_name

    @strawberry.field(
        description="The module versions (子流程) this version calls, directly or through modules, fixed when "
        "it was published: recompiling it inlines exactly these."
    )
    async def modules(self) -> list[ModuleVersionUseType]:
        links = await models.FlowVersionModule.filter(flow_version_id=int(self.id)).select_related(
            "module_version__flow"
        )
        return [
            ModuleVersionUseType(
                module_id=strawberry.ID(str(link.module_version.flow_id)),
                module_name=link.module_version.flow.name,
                version=link.module_version.version,
                version_id=strawberry.ID(str(link.module_version_id)),
            )
            for link in sorted(links, key=lambda x: x.module_version_id)
        ]

    @strawberry.field(description="Numbers in service on this version.")
    async def live_numbers(self) -> list[LiveNumberType]:
        if self._live is None:
            self._live = await live_numbers(version_ids=[int(self.id)])
        return [LiveNumberType.of(x) for x in self._live]

    @classmethod
    def of(
        cls, row: models.FlowVersion, flow_name: str | None = None, live: list[Live] | None = None
    ) -> FlowVersionType:
        """A page of versions passes the flow's name and the numbers on them, loaded once for all."""
        return cls(
            id=strawberry.ID(str(row.id)),
            flow_id=strawberry.ID(str(row.flow_id)),
            version=row.version,
            message=row.message,
            published_by=row.published_by,
            digest=row.digest,
            document=json.loads(row.document),
            created_at=to_local(row.created_at),
            _flow_name=flow_name,
            _live=live,
        )


@strawberry.type
class FlowVersionConnection(Connection[FlowVersionType]):
    pass


@strawberry.type(name="FlowDiagnostic", description="A finding of flow analysis; errors block publishing.")
class DiagnosticType:
    code: str
    severity: str
    message: str
    node_id: str | None
    edge_id: str | None

    @classmethod
    def of(cls, d: ivr_flows.Diagnostic) -> DiagnosticType:
        return cls(code=d.code, severity=d.severity, message=d.message, node_id=d.node_id, edge_id=d.edge_id)


@strawberry.enum(name="FlowChangeKind")
class FlowChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@strawberry.enum(name="FlowElement")
class FlowElement(StrEnum):
    NODE = "node"
    EDGE = "edge"
    TESTS = "tests"


@strawberry.type(
    name="FlowChange",
    description="One change between two documents: an element added or removed (`before` or `after` is "
    "the element), or one field of it changed (`before` and `after` are that field's values).",
)
class FlowChangeType:
    kind: FlowChangeKind
    element: FlowElement
    id: str = strawberry.field(description="The node's or edge's id; empty for the test cases.")
    field: str | None = strawberry.field(
        description="Nodes: type, label, note, props (another type) or props.<key>; edges: source, exit, "
        "target; null when added or removed."
    )
    before: JSON | None
    after: JSON | None

    @classmethod
    def of(cls, change: Change) -> FlowChangeType:
        return cls(
            kind=FlowChangeKind(change.kind),
            element=FlowElement(change.element),
            id=change.id,
            field=change.field,
            before=change.before,
            after=change.after,
        )


@strawberry.type(name="FlowNodeName", description="A node's type and label, to name it in a change.")
class FlowNodeNameType:
    id: str
    type: str
    label: str


@strawberry.type(
    name="FlowDiff", description="Node and edge ids added, removed or changed (positions ignored)."
)
class FlowDiffType:
    nodes_added: list[str]
    nodes_removed: list[str]
    nodes_changed: list[str]
    edges_added: list[str]
    edges_removed: list[str]
    edges_changed: list[str]
    tests_changed: bool
    changes: list[FlowChangeType] = strawberry.field(
        default_factory=list, description="Field by field: what each added, removed or changed id means."
    )
    names: list[FlowNodeNameType] = strawberry.field(
        default_factory=list, description="Every node of either document, to name the nodes changes mention."
    )

    @classmethod
    def of(
        cls, diff: FlowDiff, changes: list[Change] | None = None, names: list[NodeName] | None = None
    ) -> FlowDiffType:
        return cls(
            **diff.__dict__,
            changes=[FlowChangeType.of(c) for c in changes or []],
            names=[FlowNodeNameType(id=n.id, type=n.type, label=n.label) for n in names or []],
        )


@strawberry.type
class DeletedFlow:
    id: strawberry.ID


@strawberry.input(description="How a bound phone behaves in a simulated call.")
class PhoneBehaviourInput:
    number: str
    state: str = strawberry.field(
        default="no_answer", description="answer, busy, no_answer, unreachable or switched_off"
    )
    answer_after_s: float = 5.0


@strawberry.input(
    description="What the customer's system answers an HTTP request node in a simulated call: outcome "
    "`success` (with a JSON `body` the node's result paths are read from), `failure` or `timeout`."
)
class SimulatedHttpReplyInput:
    node_id: str
    outcome: str = "success"
    body: JSON | None = None


@strawberry.input(
    description="A simulated call; `at` is Beijing time (a time without offset is taken as such)."
)
class SimulatedCallInput:
    caller: str = "13812345678"
    category: str = strawberry.field(default="mobile", description="office, mobile, voip … (R9)")
    at: dt.datetime | None = None
    digits: str = strawberry.field(default="", description="keys pressed, '-' lets a menu time out")
    phones: list[PhoneBehaviourInput] = strawberry.field(default_factory=list)
    active_calls: int = 0
    split: list[int] = strawberry.field(
        default_factory=list,
        description="The branch (from 1) taken at each percentage split the call reaches, in order; "
        "a split without one draws at random (seeded, so the same call gives the same path).",
    )
    http: list[SimulatedHttpReplyInput] = strawberry.field(
        default_factory=list,
        description="The customer system's answer per HTTP request node (a node not named fails).",
    )


@strawberry.type(name="TraceEvent")
class TraceEventType:
    t: float
    kind: str
    step: str
    node: str | None
    prompt: str | None
    text: str | None
    number: str | None
    duration_s: float
    outcome: str | None
    reason: str
    variable: str | None = strawberry.field(
        default=None, description="For a `set` event: the flow variable that got the value in `outcome`."
    )


@strawberry.type(name="Ring", description="A bound phone rung: in order, for how long, with what result.")
class RingType:
    number: str
    at_s: float
    duration_s: float
    outcome: str | None


@strawberry.type(name="Simulation", description="What a caller hears and which phones ring.")
class SimulationType:
    outcome: str
    hangup_cause: str
    answered_by: str | None
    voicemail: bool
    recorded: bool
    duration_s: float
    path: list[str]
    heard: list[str] = strawberry.field(description="Texts of system and text-to-speech prompts heard.")
    rings: list[RingType]
    caller_area_code: str
    caller_province: str
    caller_city: str
    events: list[TraceEventType]

    @classmethod
    def of(cls, trace: ivr_flows.Trace) -> SimulationType:
        area = trace.caller_area
        return cls(
            outcome=trace.outcome,
            hangup_cause=trace.hangup_cause,
            answered_by=trace.answered_by,
            voicemail=trace.voicemail,
            recorded=trace.recorded,
            duration_s=trace.duration_s,
            path=list(trace.path),
            heard=trace.heard_texts(),
            rings=[
                RingType(number=e.number, at_s=e.t, duration_s=e.duration_s, outcome=e.outcome)
                for e in trace.events
                if e.kind == "ring" and e.number
            ],
            caller_area_code=area.area_code,
            caller_province=area.province,
            caller_city=area.city,
            events=[
                TraceEventType(
                    t=e.t,
                    kind=e.kind,
                    step=e.step,
                    node=e.node,
                    prompt=e.prompt,
                    text=e.text,
                    number=e.number,
                    duration_s=e.duration_s,
                    outcome=e.outcome,
                    reason=e.reason,
                    variable=e.variable,
                )
                for e in trace.events
            ],
        )


@strawberry.type(name="FlowTestResult")
class FlowTestResultType:
    name: str
    passed: bool
    message: str
    outcome: str
    path: list[str]


@strawberry.type
class FlowTestRun:
    results: list[FlowTestResultType]
    passed: int
    failed: int


@strawberry.type(
    name="FlowArea", description="A landline area code with its province and city (R14 routing)."
)
class FlowAreaType:
    province: str
    city: str
    code: str = strawberry.field(description="With its leading 0, e.g. 020.")
