"""Reads the operator console needs: the bundled holiday calendar, one account's ledger, storage use and
the accounts whose balance is at the R8 notice line."""

from __future__ import annotations

from tests.api.billing_support import account_of, recharge
from tests.api.support import Env

BUNDLED = "query($y:Int!){bundledHolidays(year:$y){year covered days{day workday name}}}"
LEDGER = "query($a:ID){ledgerEntries(accountId:$a){totalCount edges{node{accountId amountFen kind}}}}"
LOW = "query($low:Boolean){accounts(lowBalance:$low){edges{node{name balanceFen}}}}"
USAGE = "query($id:ID!){account(id:$id){mediaUsage{accountId quotaBytes usedBytes voicemailRetentionDays}}}"


async def test_bundled_calendar_names_holidays_and_makeup_workdays(env: Env) -> None:
    customer = await env.customer("acme")
    cal = (await customer.data(BUNDLED, {"y": 2026}))["bundledHolidays"]
    assert (cal["year"], cal["covered"]) == (2026, True)
    days = {d["day"]: d for d in cal["days"]}
    assert days["2026-10-01"] == {"day": "2026-10-01", "workday": False, "name": "国庆节"}
    # 2026-09-20 is a Sunday worked to make up for National Day (调休上班).
    assert days["2026-09-20"] == {"day": "2026-09-20", "workday": True, "name": "国庆节"}
    assert [d["day"] for d in cal["days"]] == sorted(days)
    assert not any(d["day"] == "2026-03-07" for d in cal["days"])  # an ordinary Saturday is not listed


async def test_a_year_beyond_the_package_is_not_covered(env: Env) -> None:
    op = await env.operator()
    await op.data('mutation{setHolidayOverride(day:"2099-02-08",workday:false,name:"春节"){__typename}}')
    cal = (await op.data(BUNDLED, {"y": 2099}))["bundledHolidays"]
    # Operator overrides stay in holidayOverrides: the bundled calendar is the package's alone.
    assert cal == {"year": 2099, "covered": False, "days": []}


async def test_bundled_calendar_refuses_years_without_dates(env: Env) -> None:
    op = await env.operator()
    for year in (0, 1999, 2101):
        body = await op.gql(BUNDLED, {"y": year})
        assert body["data"] is None
        assert body["errors"][0]["message"] == "年份应在2000到2100之间"


async def test_ledger_of_one_account_and_not_of_another_tenant(env: Env) -> None:
    op = await env.operator()
    acme, other = await env.customer("acme"), await env.customer("other")
    acme_id, other_id = (await account_of(acme)).id, (await account_of(other)).id
    await recharge(op, acme_id, 10050, "acme-1")
    await recharge(op, other_id, 20000, "other-1")

    of_acme = (await op.data(LEDGER, {"a": str(acme_id)}))["ledgerEntries"]
    assert of_acme["totalCount"] == 1
    assert of_acme["edges"][0]["node"] == {"accountId": str(acme_id), "amountFen": 10050, "kind": "RECHARGE"}
    assert (await op.data(LEDGER, {"a": None}))["ledgerEntries"]["totalCount"] == 2

    # A customer naming another account sees nothing of it, and its own entries as before.
    assert (await acme.data(LEDGER, {"a": str(other_id)}))["ledgerEntries"] == {"totalCount": 0, "edges": []}
    assert (await acme.data(LEDGER, {"a": str(acme_id)}))["ledgerEntries"]["totalCount"] == 1
    bad = await op.gql(LEDGER, {"a": "abc"})
    assert bad["errors"][0]["message"] == "ID格式无效"


async def test_low_balance_filter_uses_the_notice_line(env: Env) -> None:
    op = await env.operator()
    poor, rich, edge = await env.customer("poor"), await env.customer("rich"), await env.customer("edge")
    await recharge(op, (await account_of(rich)).id, 3501, "rich-1")
    await recharge(op, (await account_of(edge)).id, 3500, "edge-1")
    low = {e["node"]["name"] for e in (await op.data(LOW, {"low": True}))["accounts"]["edges"]}
    assert low == {"poor公司", "edge公司"}
    enough = {e["node"]["name"] for e in (await op.data(LOW, {"low": False}))["accounts"]["edges"]}
    assert enough == {"rich公司"}
    assert len((await op.data(LOW, {"low": None}))["accounts"]["edges"]) == 3
    body = await poor.gql(LOW, {"low": True})
    assert body["errors"][0]["message"] == "仅限运营人员使用"


async def test_media_usage_through_the_account(env: Env) -> None:
    op = await env.operator()
    acme, other = await env.customer("acme"), await env.customer("other")
    acme_id, other_id = (await account_of(acme)).id, (await account_of(other)).id
    quota = "mutation($a:ID!,$q:Int){setMediaQuota(accountId:$a,quotaMegabytes:$q){__typename}}"
    await op.data(quota, {"a": str(acme_id), "q": 7})
    seen = (await op.data(USAGE, {"id": str(acme_id)}))["account"]["mediaUsage"]
    assert seen["accountId"] == str(acme_id) and seen["quotaBytes"] == 7 * 1024 * 1024
    assert seen["usedBytes"] == 0
    own = (await acme.data(USAGE, {"id": str(acme_id)}))["account"]["mediaUsage"]
    assert own == seen
    assert (await acme.data(USAGE, {"id": str(other_id)}))["account"] is None
