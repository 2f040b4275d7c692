"""What numbers each customer account holds, by state, and the stage that puts the customer in.

The operators' account list shows both per row, so they are read for a whole page in one grouped query.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

import strawberry
from strawberry.dataloader import DataLoader
from tortoise.functions import Count

from api.graphql.context import Info
from api.graphql.loaders import request_loader
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus

__all__ = ["HELD", "STAGE_NAMES_ZH", "AccountStage", "Holding", "holdings", "holdings_loader"]

S = NumberStatus
#: The states in which a number belongs to an account (a reclaimed one has gone back to the provider).
HELD = (S.RESERVED, S.APPLIED, S.ACTIVE, S.SUSPENDED)


@strawberry.enum(name="AccountStage", description="How far a customer has come, read from its numbers.")
class AccountStage(StrEnum):
    PROSPECT = "prospect"
    RESERVED = "reserved"
    APPLYING = "applying"
    IN_SERVICE = "in_service"


STAGE_NAMES_ZH = {
    AccountStage.PROSPECT: "未选号",
    AccountStage.RESERVED: "已预占",
    AccountStage.APPLYING: "申请审核中",
    AccountStage.IN_SERVICE: "已开通",
}


@dataclass(frozen=True)
class Holding:
    """One account's numbers by state."""

    by_status: Counter[NumberStatus] = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return sum(self.by_status[s] for s in HELD)

    @property
    def stage(self) -> AccountStage:
        """The furthest stage any of its numbers has reached: one number in service makes a customer."""
        if self.by_status[S.ACTIVE] or self.by_status[S.SUSPENDED]:
            return AccountStage.IN_SERVICE
        if self.by_status[S.APPLIED]:
            return AccountStage.APPLYING
        if self.by_status[S.RESERVED]:
            return AccountStage.RESERVED
        return AccountStage.PROSPECT


async def holdings(account_ids: list[int]) -> list[Holding]:
    """Each account's holding, in the order asked, from one grouped query."""
    rows = (
        await Number.filter(account_id__in=set(account_ids), status__in=HELD)
        .annotate(n=Count("id"))
        .group_by("account_id", "status")
        .values_list("account_id", "status", "n")
    )
    found: dict[int, Counter[NumberStatus]] = {}
    for account_id, status, n in rows:
        found.setdefault(int(account_id), Counter())[NumberStatus(status)] = int(n)
    return [Holding(found.get(i, Counter())) for i in account_ids]


def holdings_loader(info: Info) -> DataLoader[int, Holding]:
    return request_loader(info, "holdings", holdings)
