"""Where an account's balance puts it under R8, as the operators' account list shows it per row."""

from __future__ import annotations

from enum import StrEnum
from typing import cast

import strawberry
from strawberry.dataloader import DataLoader

from api.billing.models import AccountBilling
from api.graphql.context import Info
from api.graphql.loaders import request_loader
from api.thresholds.standing import WARN_AT_FEN

__all__ = ["BALANCE_STATE_NAMES_ZH", "BalanceState", "balance_state", "suspended_loader"]


@strawberry.enum(name="BalanceState", description="R8: normal, at the 35 元 notice line, or suspended.")
class BalanceState(StrEnum):
    NORMAL = "normal"
    LOW = "low"
    SUSPENDED = "suspended"


BALANCE_STATE_NAMES_ZH = {
    BalanceState.NORMAL: "正常",
    BalanceState.LOW: "余额不足(≤35元)",
    BalanceState.SUSPENDED: "欠费停机",
}


def balance_state(balance_fen: int, suspended: bool) -> BalanceState:
    """Suspension (billing stopped the numbers) outranks the notice line it also lies under."""
    if suspended:
        return BalanceState.SUSPENDED
    return BalanceState.LOW if balance_fen <= WARN_AT_FEN else BalanceState.NORMAL


async def _suspended(account_ids: list[int]) -> list[bool]:
    rows = await AccountBilling.filter(
        account_id__in=set(account_ids), suspended_at__isnull=False
    ).values_list("account_id", flat=True)
    stopped = {int(cast("int", a)) for a in rows}
    return [i in stopped for i in account_ids]


def suspended_loader(info: Info) -> DataLoader[int, bool]:
    """Whether billing has each account's numbers suspended now, for a whole page in one query."""
    return request_loader(info, "billing-suspended", _suspended)
