"""How long a call may last before it is bridged: the seconds the balance covers at the account's rate.

The telephony agent asks for every number it serves at once (``callAllowances``) after each plan sync,
each batch of call reports and once a minute, and keeps the answers in Asterisk's database, so no call
waits for the service. One request for many numbers costs three queries, whatever their count.
"""

from __future__ import annotations

from dataclasses import dataclass

import ivr_flows
from api.accounts.models import Account
from api.billing.rates import Rate, rates_of
from api.config import Config
from api.errors import UserError
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus

__all__ = ["MAX_ALLOWANCES", "Allowance", "allowance_for", "allowances_for"]

#: Numbers one ``callAllowances`` request may ask for (a node asks in batches of this size).
MAX_ALLOWANCES = 1000


@dataclass(frozen=True)
class Allowance:
    number: str
    seconds: int
    balance_fen: int
    rate: Rate | None


async def allowance_for(number_text: str, config: Config) -> Allowance:
    """0 seconds for a number not in service (suspended, reclaimed, unknown): callers hear why instead."""
    (found,) = await allowances_for([number_text], config, field="number")
    return found


async def allowances_for(numbers: list[str], config: Config, *, field: str = "numbers") -> list[Allowance]:
    """The allowance of each number, in the order asked (each number in its 10-digit form).

    Raises:
        UserError: too many numbers, or one that is not a 400 number (named by its index).
    """
    if len(numbers) > MAX_ALLOWANCES:
        raise UserError("too_many", f"一次最多查询{MAX_ALLOWANCES}个号码", field)
    parsed = []
    for i, text in enumerate(numbers):
        try:
            parsed.append(ivr_flows.parse_400_number(text))
        except ivr_flows.Invalid400Number:
            where = field if field == "number" else f"{field}[{i}]"
            raise UserError("invalid_number", "不是有效的400号码", where) from None
    rows = await Number.filter(
        number__in=set(parsed), status=NumberStatus.ACTIVE, account_id__isnull=False
    ).values_list("number", "account_id")
    account_of: dict[str, int] = dict(rows)
    accounts = set(account_of.values())
    balances: dict[int, int] = dict(await Account.filter(id__in=accounts).values_list("id", "balance_fen"))
    rates = await rates_of(accounts, config) if accounts else {}
    found = []
    for number in parsed:
        account = account_of.get(number)
        if account is None:
            found.append(Allowance(number, 0, 0, None))
            continue
        balance = int(balances.get(account) or 0)
        rate = rates[account]
        found.append(Allowance(number, rate.allowance(balance), balance, rate))
    return found
