"""GraphQL fields for the telephony layer: a number's compiled plan and the plans changed since a version."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.permission import BasePermission

import ivr_flows
from api.errors import NotAuthenticated, NotAuthorized
from api.graphql.context import Info
from api.routing.models import CompiledPlan
from api.telephony import plans


class ReadsPlans(BasePermission):
    """Telephony tokens and operators read plans; customers see theirs through numberRouting/whatHappens."""

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        viewer = info.context.viewer
        if not viewer.is_authenticated:
            raise NotAuthenticated
        if not (viewer.is_telephony or viewer.is_operator):
            raise NotAuthorized("仅限话务系统令牌或运营人员使用")
        return True


@strawberry.type(
    name="Dialplan", description="A number's compiled plan (docs/dialplan.md) and its Asterisk text."
)
class DialplanType:
    number: str
    version: int = strawberry.field(description="Increases with every change of any plan.")
    etag: str = strawberry.field(description="Strong ETag of `json` (quoted SHA-256).")
    json: str = strawberry.field(description="The plan, canonical JSON text.")
    asterisk: str = strawberry.field(description="extensions.conf text of the plan.")

    @classmethod
    def of(cls, row: CompiledPlan, number: str) -> DialplanType:
        return cls(
            number=number, version=row.version, etag=row.etag, json=row.plan_json, asterisk=row.asterisk
        )


@strawberry.type
class DialplanChanges:
    plans: list[DialplanType]
    latest_version: int = strawberry.field(description="Pass it as `since` next time.")
    has_more: bool = strawberry.field(
        description="More changes follow: ask again from the last plan's version."
    )


@strawberry.type
class Query:
    @strawberry.field(
        description="Telephony: the compiled plan of a 400 number, null if it has none.",
        permission_classes=[ReadsPlans],
    )
    async def dialplan(self, info: Info, number: str) -> DialplanType | None:
        row = await plans.plan_for(number)
        if row is None:
            return None
        return DialplanType.of(row, ivr_flows.parse_400_number(number))

    @strawberry.field(
        description="Telephony: every plan changed since a version (0: all), to rebuild extensions.conf.",
        permission_classes=[ReadsPlans],
    )
    async def dialplans_changed_since(self, info: Info, version: int = 0) -> DialplanChanges:
        found = await plans.changes_since(version)
        return DialplanChanges(
            plans=[DialplanType.of(r, found.numbers[r.number_id]) for r in found.plans],
            latest_version=found.latest_version,
            has_more=found.has_more,
        )
