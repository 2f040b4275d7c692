"""Rating forwarded minutes (R7): rate plans, what a call costs, how long a balance lasts.

A call is billed per started increment of its talk time — a minute by default, or 6 seconds — at the
account's price per minute, rounded up to the fen, and never below the plan's minimum. Accounts without
a plan are rated at the service's default (``DEFAULT_PRICE_PER_MINUTE_FEN``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError

from api.accounts.models import Account
from api.billing.models import AccountBilling, RatePlan
from api.clock import utcnow
from api.config import Config
from api.errors import UserError, UserErrors

__all__ = [
    "INCREMENTS",
    "Rate",
    "allowance_seconds",
    "assign_rate_plan",
    "billing_of",
    "create_rate_plan",
    "rate_of",
    "rates_of",
]

#: Billing increments an operator may choose: per started minute (the default) or per 6 seconds.
INCREMENTS = (60, 6)
MAX_PRICE_FEN = 10_000  # 100 yuan a minute: anything above is a typing mistake
#: What one allowance may grant at most: a day (a free rate would otherwise be unbounded).
MAX_ALLOWANCE_SECONDS = 86_400


@dataclass(frozen=True)
class Rate:
    price_per_minute_fen: int
    increment_seconds: int = 60
    minimum_fen: int = 0

    def charge(self, talk_seconds: int) -> tuple[int, int]:
        """Billed seconds and the charge in fen of an answered call that talked ``talk_seconds``."""
        increments = -(-max(talk_seconds, 0) // self.increment_seconds)
        billed = increments * self.increment_seconds
        fen = -(-billed * self.price_per_minute_fen // 60)
        return billed, max(fen, self.minimum_fen)

    def allowance(self, balance_fen: int) -> int:
        """Seconds of talk the balance pays for in whole increments (0 when it cannot pay the minimum)."""
        if balance_fen <= 0 or balance_fen < self.minimum_fen:
            return 0
        if self.price_per_minute_fen == 0:
            return MAX_ALLOWANCE_SECONDS
        increments = balance_fen * 60 // (self.price_per_minute_fen * self.increment_seconds)
        return min(increments * self.increment_seconds, MAX_ALLOWANCE_SECONDS)


def default_rate(config: Config) -> Rate:
    return Rate(config.default_price_per_minute_fen)


def _rate(plan: RatePlan | None, config: Config) -> Rate:
    if plan is None:
        return default_rate(config)
    return Rate(plan.price_per_minute_fen, plan.increment_seconds, plan.minimum_fen)


async def billing_of(account_id: int) -> AccountBilling:
    """The account's billing row, created with the defaults on first use."""
    row = await AccountBilling.filter(account_id=account_id).first()
    if row is not None:
        return row
    try:
        return await AccountBilling.create(account_id=account_id)
    except IntegrityError:  # created meanwhile by a concurrent request
        return await AccountBilling.get(account_id=account_id)


async def rate_of(account_id: int, config: Config) -> Rate:
    row = await AccountBilling.filter(account_id=account_id).select_related("rate_plan").first()
    return _rate(row.rate_plan if row else None, config)


async def rates_of(account_ids: set[int], config: Config) -> dict[int, Rate]:
    """The rate of each account, in one query."""
    rows = await AccountBilling.filter(account_id__in=account_ids).select_related("rate_plan")
    found = {r.account_id: _rate(r.rate_plan, config) for r in rows}
    return {a: found.get(a, default_rate(config)) for a in account_ids}


def allowance_seconds(balance_fen: int, rate: Rate) -> int:
    return rate.allowance(balance_fen)


async def create_rate_plan(
    name: str,
    price_per_minute_fen: int,
    increment_seconds: int,
    minimum_fen: int,
    now: dt.datetime | None = None,
) -> RatePlan:
    errors = []
    name = name.strip()
    if not name or len(name) > 50 or any(ord(c) < 32 for c in name):
        errors.append(UserError("required", "请填写资费名称(不超过50个字)", "name"))
    if not 0 <= price_per_minute_fen <= MAX_PRICE_FEN:
        errors.append(UserError("invalid_price", "每分钟价格应在0到10000分之间", "pricePerMinuteFen"))
    if increment_seconds not in INCREMENTS:
        errors.append(UserError("invalid_increment", "计费单位只能是60秒或6秒", "incrementSeconds"))
    if not 0 <= minimum_fen <= MAX_PRICE_FEN:
        errors.append(UserError("invalid_minimum", "最低消费应在0到10000分之间", "minimumFen"))
    if errors:
        raise UserErrors(errors)
    try:
        return await RatePlan.create(
            name=name,
            price_per_minute_fen=price_per_minute_fen,
            increment_seconds=increment_seconds,
            minimum_fen=minimum_fen,
            created_at=now or utcnow(),
        )
    except IntegrityError:
        raise UserError("name_taken", "已有同名资费", "name") from None


async def assign_rate_plan(account_id: int, plan_id: int | None) -> AccountBilling:
    """Rate the account's future calls by ``plan_id`` (None: the default rate); past calls keep theirs."""
    if not await Account.filter(id=account_id).exists():
        raise UserError("not_found", "未找到该账户", "accountId")
    if plan_id is not None and not await RatePlan.filter(id=plan_id).exists():
        raise UserError("not_found", "未找到该资费", "ratePlanId")
    row = await billing_of(account_id)
    row.rate_plan_id = plan_id
    await row.save(update_fields=["rate_plan_id"])
    return row
