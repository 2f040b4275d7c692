"""How long a call may last before it is bridged: the seconds the balance covers at the account's rate."""

from __future__ import annotations

from dataclasses import dataclass

import ivr_flows
from api.accounts.models import Account
from api.billing.rates import Rate, rate_of
from api.config import Config
from api.errors import UserError
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus

__all__ = ["Allowance", "allowance_for"]


@dataclass(frozen=True)
class Allowance:
    number: str
    seconds: int
    balance_fen: int
    rate: Rate | None


async def allowance_for(number_text: str, config: Config) -> Allowance:
    """0 seconds for a number not in service (suspended, reclaimed, unknown): callers hear why instead."""
    try:
        number_text = ivr_flows.parse_400_number(number_text)
    except ivr_flows.Invalid400Number:
        raise UserError("invalid_number", "不是有效的400号码", "number") from None
    number = await Number.filter(number=number_text).first()
    if number is None or number.account_id is None or number.status != NumberStatus.ACTIVE:
        return Allowance(number_text, 0, 0, None)
    balance = await Account.filter(id=number.account_id).first().values_list("balance_fen", flat=True)
    rate = await rate_of(number.account_id, config)
    balance_fen = int(balance or 0)  # type: ignore[arg-type]
    return Allowance(number_text, rate.allowance(balance_fen), balance_fen, rate)
