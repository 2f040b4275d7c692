"""Queries and mutations of a number's routing: policies, simple routing, versions, "what happens if"."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

import strawberry

import ivr_flows
from api.errors import UserError
from api.flows.schema import SimulationResult, simulated_call
from api.flows.types import DiagnosticType, FlowVersionType, SimulatedCallInput, SimulationType
from api.graphql.context import Info
from api.graphql.errors import ReturnsUserErrors, UserErrors
from api.graphql.ids import parse_id
from api.graphql.permissions import IsOperator, IsSignedIn
from api.numbers.models import Number
from api.plans import pipeline
from api.plans.storage import stored_plan
from api.routing import settings as number_settings
from api.routing import simple
from api.routing.models import CompiledPlan, LinePackage, ListMode, NumberRouting
from api.routing.records import current_routing
from api.routing.types import (
    BoundNumberInput,
    NumberRoutingType,
    SimpleRoutingInput,
    SimpleRoutingSaved,
)
from api.thresholds import standing
from api.visible import visible_number, visible_version

RoutingResult = Annotated[NumberRoutingType | UserErrors, strawberry.union("NumberRoutingResult")]
SimpleRoutingResult = Annotated[SimpleRoutingSaved | UserErrors, strawberry.union("SimpleRoutingResult")]


async def _typed(number: Number, row: NumberRouting) -> NumberRoutingType:
    plan = await CompiledPlan.filter(number_id=number.id).first()
    return NumberRoutingType.of(row, number.number, plan)


async def _change(
    info: Info, number_id: strawberry.ID, change: Callable[[Number], Awaitable[NumberRouting]]
) -> NumberRoutingType:
    number = await visible_number(info, number_id)
    return await _typed(number, await change(number))


def _bound(b: BoundNumberInput | None) -> simple.Bound | None:
    return None if b is None else simple.Bound(number=b.number, wait_s=b.wait_s, name=b.name)


def _simple(data: SimpleRoutingInput) -> simple.SimpleRouting:
    return simple.SimpleRouting(
        destinations=[simple.Bound(b.number, b.wait_s, b.name) for b in data.destinations],
        work_windows=[simple.WorkWindow(list(w.days), w.start, w.end) for w in data.work_windows],
        after_hours=[simple.Bound(b.number, b.wait_s, b.name) for b in data.after_hours],
        observe_holidays=data.observe_holidays,
        busy_forward=_bound(data.busy_forward),
        no_answer_forward=_bound(data.no_answer_forward),
        voicemail=data.voicemail,
        recording=data.recording,
        ringback=data.ringback,
        after_hours_action=simple.AfterHours(data.after_hours_action),
        after_hours_message=data.after_hours_message,
        area_routes=[
            simple.AreaRoute(
                areas=[a.strip() for a in r.areas if a.strip()],
                destinations=[simple.Bound(b.number, b.wait_s, b.name) for b in r.destinations],
                name=r.name.strip(),
            )
            for r in data.area_routes
        ],
    )


@strawberry.type
class Query:
    @strawberry.field(
        description="A number's routing settings (defaults until first changed), else null.",
        permission_classes=[IsSignedIn],
    )
    async def number_routing(self, info: Info, number_id: strawberry.ID) -> NumberRoutingType | None:
        try:
            number = await visible_number(info, number_id)
        except UserError:
            return None
        return await _typed(number, await current_routing(number))

    @strawberry.field(
        description="What happens if this caller calls at this time: the live plan, simulated "
        "(which phones ring, in what order, for how long).",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def what_happens(
        self, info: Info, number_id: strawberry.ID, call: SimulatedCallInput
    ) -> SimulationResult:
        number = await visible_number(info, number_id)
        spec = simulated_call(call)
        row = await stored_plan(number)  # a read: never compiles (the pipeline and its job do)
        if row is None:
            raise UserError("no_plan", "该号码还没有发布的路由,请先设置路由", "numberId")
        plan = ivr_flows.Dialplan.from_json(row.plan_json)
        return SimulationType.of(ivr_flows.simulate(plan, spec))


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="R9: caller categories that may call (campus, VoIP and pay phones never).",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def set_caller_categories(
        self, info: Info, number_id: strawberry.ID, categories: list[str]
    ) -> RoutingResult:
        return await _change(info, number_id, lambda n: number_settings.set_categories(n, categories))

    @strawberry.mutation(
        description="R15: replace the black/white list; one entry per line (whole numbers or leading "
        "digits, never suffixes). Every bad line is reported and nothing is saved.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def set_caller_list(
        self,
        info: Info,
        number_id: strawberry.ID,
        mode: ListMode,
        text: str = "",
    ) -> RoutingResult:
        return await _change(
            info, number_id, lambda n: number_settings.set_caller_list(n, ListMode(mode), text)
        )

    @strawberry.mutation(
        description="R15: batch import into the list, one entry per line; all or nothing.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def add_caller_list_entries(self, info: Info, number_id: strawberry.ID, text: str) -> RoutingResult:
        return await _change(info, number_id, lambda n: number_settings.add_list_entries(n, text))

    @strawberry.mutation(
        description="R14: areas that may call (empty: everywhere) and that may not, as area codes, "
        "provinces or cities.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def set_area_restrictions(
        self,
        info: Info,
        number_id: strawberry.ID,
        allowed: list[str] | None = None,
        refused: list[str] | None = None,
    ) -> RoutingResult:
        return await _change(
            info, number_id, lambda n: number_settings.set_areas(n, allowed or [], refused or [])
        )

    @strawberry.mutation(
        description="Operators: R12 line package — 总机 (10 lines + extra) or 中继 (unlimited).",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsOperator],
    )
    async def set_line_package(
        self,
        info: Info,
        number_id: strawberry.ID,
        package: LinePackage,
        extra_lines: int = 0,
    ) -> RoutingResult:
        result = await _change(
            info, number_id, lambda n: number_settings.set_line_package(n, LinePackage(package), extra_lines)
        )
        if not isinstance(result, UserErrors):  # the line fee may have crossed a balance threshold
            await standing.apply_to_number(parse_id(number_id, "numberId"))
        return result

    @strawberry.mutation(
        description="Point a number at a published flow version — a new one, or an older one (rollback).",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def set_number_flow_version(
        self, info: Info, number_id: strawberry.ID, version_id: strawberry.ID
    ) -> RoutingResult:
        async def change(number: Number) -> NumberRouting:
            return (await pipeline.assign(await visible_version(info, version_id), [number]))[0]

        return await _change(info, number_id, change)

    @strawberry.mutation(
        description="Save the simple routing form: generates a flow, publishes it and puts it in service; "
        "returns R10 wait-time advice as warnings.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def save_simple_routing(
        self, info: Info, number_id: strawberry.ID, settings: SimpleRoutingInput
    ) -> SimpleRoutingResult:
        number = await visible_number(info, number_id)
        publisher = info.context.user.login
        row, version, warnings = await simple.save_simple_routing(number, _simple(settings), publisher)
        return SimpleRoutingSaved(
            routing=await _typed(number, row),
            version=FlowVersionType.of(version),
            warnings=[DiagnosticType.of(d) for d in warnings],
        )
