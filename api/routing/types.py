"""GraphQL types of a number's routing settings."""

from __future__ import annotations

import datetime as dt
from typing import cast

import strawberry
from strawberry.scalars import JSON

from api.clock import to_local
from api.flows.models import FlowVersion
from api.flows.types import DiagnosticType, FlowVersionType
from api.graphql.context import Info
from api.numbers.numbering import format_number
from api.routing import models
from api.routing.models import LinePackage, ListMode
from api.routing.records import max_lines
from api.routing.simple import AfterHours


def _replaced_id(simple: dict[str, object] | None) -> int | None:
    found = (simple or {}).get("replacedVersionId")
    return found if isinstance(found, int) else None


@strawberry.type(name="NumberRouting", description="Number-level policies and the flow version it runs.")
class NumberRoutingType:
    number_id: strawberry.ID
    number: str
    display: str
    package: LinePackage
    extra_lines: int
    max_lines: int | None = strawberry.field(description="R12: null means unlimited (中继).")
    allowed_categories: list[str] = strawberry.field(description="R9 caller categories that may call.")
    list_mode: ListMode
    list_entries: list[str]
    allowed_areas: list[str] = strawberry.field(description="R14: empty means everywhere.")
    refused_areas: list[str]
    flow_version_id: strawberry.ID | None
    simple: strawberry.scalars.JSON | None = strawberry.field(
        description="The simple routing form last saved, if the number uses one."
    )
    plan_version: int | None = strawberry.field(description="Version of the compiled plan, if any.")
    plan_etag: str | None
    updated_at: dt.datetime
    _replaced_id: strawberry.Private[int | None] = None
    _running_id: strawberry.Private[int | None] = None

    @strawberry.field(
        description="The designed flow's version that saving the simple routing form replaced on this "
        "number, to put back with setNumberFlowVersion; null if none, back in service, or deleted since."
    )
    async def replaced_flow_version(self, info: Info) -> FlowVersionType | None:
        if self._replaced_id is None or self._replaced_id == self._running_id:
            return None
        row = await FlowVersion.filter(id=self._replaced_id, **info.context.tenant_filter()).first()
        return FlowVersionType.of(row) if row else None

    @classmethod
    def of(
        cls, row: models.NumberRouting, number: str, plan: models.CompiledPlan | None
    ) -> NumberRoutingType:
        return cls(
            number_id=strawberry.ID(str(row.number_id)),
            number=number,
            display=format_number(number),
            package=row.package,
            extra_lines=row.extra_lines,
            max_lines=max_lines(row),
            allowed_categories=list(row.allowed_categories),
            list_mode=row.list_mode,
            list_entries=list(row.list_entries),
            allowed_areas=list(row.allowed_areas),
            refused_areas=list(row.refused_areas),
            flow_version_id=strawberry.ID(str(row.flow_version_id)) if row.flow_version_id else None,
            simple=cast("JSON | None", row.simple),
            plan_version=plan.version if plan else None,
            plan_etag=plan.etag if plan else None,
            updated_at=to_local(row.updated_at),
            _replaced_id=_replaced_id(row.simple),
            _running_id=row.flow_version_id,
        )


@strawberry.input
class BoundNumberInput:
    number: str
    wait_s: int = 30
    name: str = ""


@strawberry.input(description="A weekly window, e.g. days [1,2,3,4,5] from 08:30 to 17:30 (Beijing time).")
class WorkWindowInput:
    days: list[int]
    start: str
    end: str


@strawberry.input(description="Callers from these areas ring these numbers instead (R14).")
class AreaRouteInput:
    areas: list[str] = strawberry.field(
        description="Area codes ('020'), cities ('广州') or provinces ('广东')."
    )
    destinations: list[BoundNumberInput] = strawberry.field(description="Rung in order, each for its wait.")
    name: str = strawberry.field(default="", description="What the branch is called, e.g. 华南办事处.")


@strawberry.input(description="The self-service settings (R10, R11, R13, R14, R16–R18).")
class SimpleRoutingInput:
    destinations: list[BoundNumberInput] = strawberry.field(description="Rung in order, each for its wait.")
    work_windows: list[WorkWindowInput] = strawberry.field(default_factory=list)
    after_hours: list[BoundNumberInput] = strawberry.field(
        default_factory=list, description="Rung outside the work windows (afterHoursAction RING)."
    )
    after_hours_action: AfterHours = strawberry.field(
        default=AfterHours.RING,
        description="What happens outside the work windows; VOICEMAIL and ANNOUNCEMENT need no numbers.",
    )
    after_hours_message: str = strawberry.field(
        default="",
        description="The voicemail greeting or closing announcement outside work hours (text to speech, "
        "at most 200 characters); empty for the default wording.",
    )
    observe_holidays: bool = True
    busy_forward: BoundNumberInput | None = None
    no_answer_forward: BoundNumberInput | None = None
    voicemail: bool = False
    recording: bool = False
    ringback: str | None = strawberry.field(default=None, description="An approved ringback tone's id.")
    area_routes: list[AreaRouteInput] = strawberry.field(
        default_factory=list,
        description="Tried in order before the destinations (in work hours when there is a schedule): "
        "a caller from a route's areas rings its numbers.",
    )


@strawberry.type
class SimpleRoutingSaved:
    routing: NumberRoutingType
    version: FlowVersionType
    warnings: list[DiagnosticType] = strawberry.field(description="R10 wait-time advice and other warnings.")
