"""The ledger and the balance: recharges with receipts, adjustments, exactly once under retries and races."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from tortoise.transactions import in_transaction

from api.accounts.models import Account
from api.billing.ledger import post, reconcile
from api.billing.models import EntryKind, LedgerEntry
from api.billing.recharges import RechargeMethod, recharge
from api.config import Config
from tests.api.billing_support import ADJUST, RECHARGE, account_of, balance
from tests.api.support import Env

ROOT = Path(__file__).resolve().parents[2]


async def test_a_recharge_credits_once_per_reference_with_a_receipt(env: Env) -> None:
    op = await env.operator()
    acme = await env.customer("acme")
    account = await account_of(acme)
    variables = {"a": str(account.id), "f": 10000, "m": "ALIPAY", "r": "ALI-2026-0001"}
    first = (await op.data(RECHARGE, variables))["rechargeAccount"]
    assert first["__typename"] == "RechargeReceipt"
    assert first["number"].startswith("SJ") and first["accountName"] == "acme公司"
    assert (first["amountFen"], first["method"], first["reference"]) == (10000, "ALIPAY", "ALI-2026-0001")
    assert (first["balanceAfterFen"], first["replayed"]) == (10000, False)
    again = (await op.data(RECHARGE, variables))["rechargeAccount"]
    assert again == {**first, "replayed": True}
    assert await balance(acme) == 10000
    other = (await op.data(RECHARGE, {**variables, "f": 20000}))["rechargeAccount"]
    assert other["errors"][0]["code"] == "reference_reused" and other["errors"][0]["field"] == "reference"
    assert await balance(acme) == 10000
    seen = await acme.data("{ledgerEntries{edges{node{amountFen kind description}}}}")
    assert [e["node"] for e in seen["ledgerEntries"]["edges"]] == [
        {"amountFen": 10000, "kind": "RECHARGE", "description": "充值(支付宝,经办:operator1)"}
    ]


async def test_recharges_are_for_operators_and_refuse_bad_amounts(env: Env) -> None:
    acme = await env.customer("acme")
    account = await account_of(acme)
    variables = {"a": str(account.id), "f": 100, "m": "CASH", "r": "x"}
    refused = await acme.gql(RECHARGE, variables)
    assert refused["errors"][0]["message"] == "仅限运营人员使用"
    op = await env.operator()
    for amount in (0, -5, 100_000_001):
        body = (await op.data(RECHARGE, {**variables, "f": amount}))["rechargeAccount"]
        assert body["errors"][0]["code"] == "invalid_amount", amount
    body = (await op.data(RECHARGE, {**variables, "r": "  "}))["rechargeAccount"]
    assert body["errors"][0]["field"] == "reference"
    body = (await op.data(RECHARGE, {**variables, "a": "999999"}))["rechargeAccount"]
    assert body["errors"][0]["code"] == "not_found"
    assert await LedgerEntry.all().count() == 0


async def test_an_adjustment_needs_a_reason_and_happens_once(env: Env) -> None:
    op = await env.operator()
    acme = await env.customer("acme")
    account = await account_of(acme)
    variables = {"a": str(account.id), "f": -250, "r": "多计通话费更正", "k": "adj-1"}
    entry = (await op.data(ADJUST, variables))["adjustBalance"]
    assert entry == {
        "__typename": "LedgerEntry",
        "amountFen": -250,
        "kind": "ADJUSTMENT",
        "description": "调整:多计通话费更正",
    }
    assert (await op.data(ADJUST, variables))["adjustBalance"] == entry
    assert await balance(acme) == -250
    missing = (await op.data(ADJUST, {**variables, "r": " ", "k": "adj-2"}))["adjustBalance"]
    assert missing["errors"][0]["field"] == "reason"
    reused = (await op.data(ADJUST, {**variables, "f": 500}))["adjustBalance"]
    assert reused["errors"][0]["code"] == "key_reused"
    assert await balance(acme) == -250


async def test_a_hundred_concurrent_charges_and_recharges_end_at_the_exact_sum(env: Env) -> None:
    acme = await env.customer("acme")
    account_id = (await account_of(acme)).id

    async def charge(i: int) -> None:
        async with in_transaction() as conn:
            await post(
                conn,
                account_id=account_id,
                amount_fen=-(i + 1),
                kind=EntryKind.CALL_CHARGE,
                description="通话费",
                reference=f"call:{i}",
                idempotency_key=f"call:{i}",
            )

    async def credit(i: int) -> None:
        await recharge(account_id, 1000 + i, RechargeMethod.BANK_TRANSFER, f"pay-{i}", actor="test")

    # 50 charges and 50 recharges, each sent twice at once (a client's retry racing its first try).
    tasks = [charge(i) for i in range(50)] + [credit(i) for i in range(50)]
    tasks += [credit(i) for i in range(50)]
    results = await asyncio.gather(*tasks, *[charge(i) for i in range(50)], return_exceptions=True)
    failures = [r for r in results if isinstance(r, Exception)]
    assert len(failures) == 50  # exactly the repeated charges, refused by their idempotency key
    expected = sum(1000 + i for i in range(50)) - sum(i + 1 for i in range(50))
    assert (await Account.get(id=account_id)).balance_fen == expected
    assert await LedgerEntry.filter(account_id=account_id).count() == 100
    assert await reconcile() == []


async def test_the_same_recharge_ten_times_at_once_credits_once(env: Env) -> None:
    acme = await env.customer("acme")
    account_id = (await account_of(acme)).id
    receipts = await asyncio.gather(
        *[recharge(account_id, 5000, RechargeMethod.WECHAT_PAY, "WX-1", actor="test") for _ in range(10)]
    )
    assert sorted(r.replayed for r in receipts) == [False] + [True] * 9
    assert len({r.entry.id for r in receipts}) == 1
    assert {r.balance_after_fen for r in receipts} == {5000}
    assert (await Account.get(id=account_id)).balance_fen == 5000


async def test_reconcile_reports_a_balance_that_differs_from_its_ledger(env: Env, config: Config) -> None:
    acme = await env.customer("acme")
    account_id = (await account_of(acme)).id
    await recharge(account_id, 5000, RechargeMethod.CASH, "cash-1", actor="test")
    command = [sys.executable, "-m", "api", "reconcile"]
    environment = {**os.environ, "DATABASE_URL": config.database_url, "DATA_DIR": str(config.data_dir)}
    ok = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and "0 account(s) differ" in ok.stdout, ok.stderr
    await Account.filter(id=account_id).update(balance_fen=4000)  # someone edited the balance by hand
    assert [(d.account_id, d.balance_fen, d.ledger_fen) for d in await reconcile()] == [
        (account_id, 4000, 5000)
    ]
    bad = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1
    assert f"account {account_id}: balance 4000 fen, ledger 5000 fen (difference -1000)" in bad.stdout


async def test_the_ledger_pages_newest_first_for_screens_that_show_the_latest(env: Env) -> None:
    op = await env.operator()
    acme = await env.customer("acme")
    other = await env.customer("other")
    account = await account_of(acme)
    for i, fen in enumerate((100, 200, 300)):
        variables = {"a": str(account.id), "f": fen, "m": "CASH", "r": f"R-{i}"}
        assert (await op.data(RECHARGE, variables))["rechargeAccount"]["__typename"] == "RechargeReceipt"
    page = "query($a:String){ledgerEntries(first:2,after:$a,newestFirst:true){edges{node{amountFen}}pageInfo{hasNextPage endCursor}}}"
    first = (await acme.data(page))["ledgerEntries"]
    assert [e["node"]["amountFen"] for e in first["edges"]] == [300, 200]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = (await acme.data(page, {"a": first["pageInfo"]["endCursor"]}))["ledgerEntries"]
    assert [e["node"]["amountFen"] for e in rest["edges"]] == [100]
    assert rest["pageInfo"]["hasNextPage"] is False
    assert (await other.data(page))["ledgerEntries"]["edges"] == []
