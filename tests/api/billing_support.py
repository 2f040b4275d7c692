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


CALL_FIELDS = """record{id callId number caller callerProvince disposition talkSeconds billedSeconds chargeFen
  attempts{phone outcome ringSeconds} answeredPhone mediaRef} duplicate"""
REPORT = f"""mutation($c:CallReportInput!){{reportCall(call:$c){{__typename
  ... on CallReportOutcome{{{CALL_FIELDS}}} {ERR}}}}}"""
REPORT_MANY = f"""mutation($c:[CallReportInput!]!){{reportCalls(calls:$c){{__typename
  ... on CallReportBatch{{recorded duplicates results{{{CALL_FIELDS}}}}} {ERR}}}}}"""
ALLOWANCE = "query($n:String!){callAllowance(number:$n){number seconds balanceFen pricePerMinuteFen}}"
START = "2026-12-01T10:00:00+08:00"


def call(
    call_id: str,
    *,
    number: str = "4006228300",
    talk: int = 0,
    disposition: str | None = None,
    caller: str = "13912345678",
    start: str = START,
) -> dict[str, Any]:
    """A report of a call that rang 5 s and then talked ``talk`` seconds (unanswered when 0)."""
    import datetime as dt

    begin = dt.datetime.fromisoformat(start)
    answered = talk > 0 or disposition == "ANSWERED"
    end = begin + dt.timedelta(seconds=5 + talk)
    report: dict[str, Any] = {
        "callId": call_id,
        "number": number,
        "caller": caller,
        "callerArea": "",
        "callerCategory": "mobile",
        "startedAt": begin.isoformat(),
        "endedAt": end.isoformat(),
        "disposition": disposition or ("ANSWERED" if answered else "NO_ANSWER"),
        "attempts": [
            {"phone": "13800138000", "outcome": "ANSWERED" if answered else "NO_ANSWER", "ringSeconds": 5}
        ],
        "answeredPhone": "13800138000" if answered else "",
    }
    if answered:
        report["answeredAt"] = (begin + dt.timedelta(seconds=5)).isoformat()
    return report
