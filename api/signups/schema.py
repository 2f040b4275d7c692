"""Operators' review and clean-up of bulk sign-ups."""

from __future__ import annotations

from typing import Annotated

import strawberry

from api.errors import UserError
from api.graphql.context import Info
from api.graphql.errors import ReturnsUserErrors, UserErrors
from api.graphql.ids import parse_id
from api.graphql.permissions import IsOperator
from api.numbers.numbering import format_number
from api.signups import cleanup, report
from api.signups.types import SignupCleanup, SignupGroupType

CleanupResult = Annotated[SignupCleanup | UserErrors, strawberry.union("SignupCleanupResult")]


@strawberry.type
class Query:
    @strawberry.field(
        description="Recent sign-ups grouped by client address or browser, most sign-ups first (operators).",
        permission_classes=[IsOperator],
    )
    async def signup_groups(
        self,
        info: Info,
        days: int = 7,
        min_signups: int = 2,
        first: int = 50,
        by: report.Grouping = report.Grouping.ADDRESS,
    ) -> list[SignupGroupType]:
        groups = await report.signup_groups(days=days, min_signups=min_signups, first=first, by=by)
        return [SignupGroupType.of(g, by) for g in groups]


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description=(
            "Operators: disable bulk-signed-up accounts with no paid activity and free their held numbers, "
            "in one transaction, audited; refused whole if any of them has paid activity."
        ),
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsOperator],
    )
    async def clean_up_signups(
        self, info: Info, account_ids: list[strawberry.ID], reason: str
    ) -> CleanupResult:
        if len(account_ids) > cleanup.MAX_BATCH:
            raise UserError("invalid_selection", f"请选择1到{cleanup.MAX_BATCH}个账户", "accountIds")
        ids = [parse_id(i, "accountIds") for i in account_ids]
        done = await cleanup.clean_up(ids, operator=info.context.user, reason=reason)
        return SignupCleanup(
            disabled_account_ids=[strawberry.ID(str(i)) for i in done.accounts],
            released_numbers=[format_number(n) for n in done.released_numbers],
        )
