"""Helpers of the billing tests: operators' recharges, accounts with numbers, the telephony token."""

from __future__ import annotations

from typing import Any

from api.accounts.models import Account, User
from tests.api.support import Client, Env

ERR = "... on UserErrors{errors{code field message}}"
RECHARGE = f"""mutation($a:ID!,$f:Int!,$m:RechargeMethod!,$r:String!){{
  rechargeAccount(accountId:$a,amountFen:$f,method:$m,reference:$r){{__typename
    ... on RechargeReceipt{{number accountId accountName amountFen method reference balanceAfterFen replayed}}
    {ERR}}}}}"""
ADJUST = f"""mutation($a:ID!,$f:Int!,$r:String!,$k:String!){{
  adjustBalance(accountId:$a,amountFen:$f,reason:$r,idempotencyKey:$k){{__typename
    ... on LedgerEntry{{amountFen kind description}} {ERR}}}}}"""


async def account_of(client: Client) -> Account:
    assert client.user is not None
    user = await User.get(id=client.user.id)
    assert user.account_id is not None
    return await Account.get(id=user.account_id)


async def balance(client: Client) -> int:
    return (await account_of(client)).balance_fen


async def recharge(operator: Client, account_id: int, amount_fen: int, reference: str) -> dict[str, Any]:
    body = await operator.data(
        RECHARGE, {"a": str(account_id), "f": amount_fen, "m": "BANK_TRANSFER", "r": reference}
    )
    return body["rechargeAccount"]


async def customer_with_balance(env: Env, login: str, amount_fen: int, operator: Client) -> Client:
    customer = await env.customer(login)
    if amount_fen:
        await recharge(operator, (await account_of(customer)).id, amount_fen, f"{login}-opening")
    return customer
