"""Call reports from the telephony layer: recorded once, rated by the account's plan, charged once (R7)."""

from __future__ import annotations

import asyncio
import csv
import io

from api.billing.models import EntryKind, LedgerEntry
from api.calls.models import CallRecord
from api.calls.reports import CallReport, record_calls
from api.config import Config
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus
from tests.api.billing_support import (
    ALLOWANCE,
    REPORT,
    REPORT_MANY,
    account_of,
    balance,
    call,
    customer_with_balance,
)
from tests.api.routing_support import active_number, service_token, telephony
from tests.api.support import Client, Env

PLAN = """mutation($n:String!,$p:Int!,$i:Int!,$m:Int!){createRatePlan(name:$n,pricePerMinuteFen:$p,
  incrementSeconds:$i,minimumFen:$m){__typename ... on RatePlan{id} ... on UserErrors{errors{code field}}}}"""
ASSIGN = """mutation($a:ID!,$p:ID){assignRatePlan(accountId:$a,ratePlanId:$p){__typename
  ... on BillingSettings{pricePerMinuteFen incrementSeconds minimumFen} ... on UserErrors{errors{code}}}}"""


async def _setup(env: Env, opening: int = 10_000) -> tuple[Client, Client, Client]:
    op = await env.operator()
    acme = await customer_with_balance(env, "acme", opening, op)
    await active_number(acme)
    return op, acme, telephony(env, await service_token(env))


async def test_an_answered_call_is_charged_per_started_minute_once(env: Env) -> None:
    _, acme, phone = await _setup(env)
    first = (await phone.data(REPORT, {"c": call("c-1", talk=125)}))["reportCall"]
    record = first["record"]
    assert (first["duplicate"], record["talkSeconds"], record["billedSeconds"]) == (False, 125, 180)
    assert record["chargeFen"] == 90  # 3 started minutes at the default 30 fen
    assert record["callerProvince"] == "江苏" and record["attempts"][0]["outcome"] == "ANSWERED"
    assert await balance(acme) == 10_000 - 90
    retry = (await phone.data(REPORT, {"c": call("c-1", talk=125)}))["reportCall"]
    assert retry == {**first, "duplicate": True}
    other = (await phone.data(REPORT, {"c": call("c-1", talk=300)}))["reportCall"]
    assert other["errors"][0]["code"] == "call_id_reused"
    assert await balance(acme) == 10_000 - 90
    assert await LedgerEntry.filter(kind=EntryKind.CALL_CHARGE).count() == 1
    unanswered = (await phone.data(REPORT, {"c": call("c-2")}))["reportCall"]["record"]
    assert (unanswered["disposition"], unanswered["chargeFen"]) == ("NO_ANSWER", 0)
    assert await balance(acme) == 10_000 - 90


async def test_an_operators_rate_plan_rates_by_six_seconds_with_a_minimum(env: Env) -> None:
    op, acme, phone = await _setup(env)
    plan = (await op.data(PLAN, {"n": "六秒计费", "p": 60, "i": 6, "m": 50}))["createRatePlan"]
    account = await account_of(acme)
    assigned = (await op.data(ASSIGN, {"a": str(account.id), "p": plan["id"]}))["assignRatePlan"]
    assert assigned == {
        "__typename": "BillingSettings", "pricePerMinuteFen": 60, "incrementSeconds": 6, "minimumFen": 50,
    }  # fmt: skip
    short = (await phone.data(REPORT, {"c": call("s-1", talk=7)}))["reportCall"]["record"]
    assert (short["billedSeconds"], short["chargeFen"]) == (12, 50)  # 12 fen, raised to the minimum
    long = (await phone.data(REPORT, {"c": call("s-2", talk=125)}))["reportCall"]["record"]
    assert (long["billedSeconds"], long["chargeFen"]) == (126, 126)
    assert await balance(acme) == 10_000 - 176
    bad = (await op.data(PLAN, {"n": "坏", "p": 30, "i": 30, "m": -1}))["createRatePlan"]
    assert {e["field"] for e in bad["errors"]} == {"incrementSeconds", "minimumFen"}
    taken = (await op.data(PLAN, {"n": "六秒计费", "p": 1, "i": 60, "m": 0}))["createRatePlan"]
    assert taken["errors"][0]["code"] == "name_taken"
    refused = await acme.gql(PLAN, {"n": "自定", "p": 0, "i": 60, "m": 0})
    assert refused["errors"][0]["message"] == "仅限运营人员使用"


async def test_the_same_call_reported_ten_times_at_once_is_charged_once(env: Env, config: Config) -> None:
    _, acme, _ = await _setup(env)
    report = CallReport(**_domain(call("same", talk=61)))
    results = await asyncio.gather(*[record_calls([report], config) for _ in range(10)])
    assert sorted(r[0].duplicate for r in results) == [False] + [True] * 9
    assert await CallRecord.all().count() == 1
    assert await balance(acme) == 10_000 - 60


def _domain(report: dict[str, object]) -> dict[str, object]:
    """A GraphQL call report as the domain's keyword arguments."""
    import datetime as dt

    from api.calls.models import Disposition
    from api.calls.reports import AttemptOutcome, PhoneAttempt

    def when(value: object) -> dt.datetime | None:
        return dt.datetime.fromisoformat(str(value)) if value else None

    attempts = report["attempts"]
    assert isinstance(attempts, list)
    return {
        "call_id": report["callId"],
        "number": report["number"],
        "caller": report["caller"],
        "caller_category": report["callerCategory"],
        "started_at": when(report["startedAt"]),
        "answered_at": when(report.get("answeredAt")),
        "ended_at": when(report["endedAt"]),
        "disposition": Disposition(str(report["disposition"]).lower()),
        "attempts": tuple(
            PhoneAttempt(a["phone"], AttemptOutcome(a["outcome"].lower()), a["ringSeconds"]) for a in attempts
        ),
        "answered_phone": report["answeredPhone"],
    }


async def test_a_batch_records_new_calls_and_skips_retries_in_one_request(env: Env) -> None:
    _, acme, phone = await _setup(env)
    await phone.data(REPORT, {"c": call("b-0", talk=30)})
    batch = [call("b-0", talk=30), call("b-1", talk=60), call("b-2"), call("b-1", talk=60)]
    done = (await phone.data(REPORT_MANY, {"c": batch}))["reportCalls"]
    assert (done["recorded"], done["duplicates"]) == (2, 2)
    assert [r["duplicate"] for r in done["results"]] == [True, False, False, True]
    assert await balance(acme) == 10_000 - 30 - 30
    # One malformed report refuses the whole batch, naming it; nothing of the batch is recorded.
    broken = [call("b-3", talk=10), {**call("b-4", talk=10), "endedAt": "2026-12-01T09:00:00+08:00"}]
    refused = (await phone.data(REPORT_MANY, {"c": broken}))["reportCalls"]
    assert refused["errors"][0]["field"] == "calls[1].endedAt"
    unknown = (await phone.data(REPORT_MANY, {"c": [call("b-5", number="4006000999")]}))["reportCalls"]
    assert unknown["errors"][0] == {
        "code": "number_not_in_service", "field": "calls[0].number", "message": "该400号码未开通",
    }  # fmt: skip
    assert await CallRecord.all().count() == 3


async def test_only_the_telephony_token_reports_calls_and_asks_allowances(env: Env) -> None:
    _, acme, _ = await _setup(env)
    for query, variables in ((REPORT, {"c": call("x", talk=1)}), (ALLOWANCE, {"n": "4006228300"})):
        body = await acme.gql(query, variables)
        assert body["errors"][0]["message"] == "仅限话务系统令牌使用"
    assert await CallRecord.all().count() == 0


async def test_the_allowance_is_what_the_balance_covers_and_nothing_when_suspended(env: Env) -> None:
    _, _, phone = await _setup(env, opening=1000)
    body = (await phone.data(ALLOWANCE, {"n": "400-622-8300"}))["callAllowance"]
    assert body == {"number": "4006228300", "seconds": 33 * 60, "balanceFen": 1000, "pricePerMinuteFen": 30}
    await Number.filter(number="4006228300").update(status=NumberStatus.SUSPENDED)
    assert (await phone.data(ALLOWANCE, {"n": "4006228300"}))["callAllowance"]["seconds"] == 0
    assert (await phone.data(ALLOWANCE, {"n": "4001234567"}))["callAllowance"]["seconds"] == 0
    bad = await phone.gql(ALLOWANCE, {"n": "12345"})
    assert bad["errors"][0]["extensions"]["code"] == "invalid_number"


ALLOWANCES = "query($n:[String!]!){callAllowances(numbers:$n){number seconds balanceFen pricePerMinuteFen}}"


async def test_many_allowances_in_one_request_for_the_telephony_token_only(env: Env) -> None:
    op, acme, phone = await _setup(env, opening=1000)
    other = await customer_with_balance(env, "other", 90, op)  # 3 minutes at the default 30 fen
    await active_number(other, "4008111222")
    await Number.filter(number="4008111222").update(status=NumberStatus.SUSPENDED)
    await active_number(other, "4008111223")
    asked = ["4008111223", "400-622-8300", "4001234567", "4008111222", "4006228300"]
    body = (await phone.data(ALLOWANCES, {"n": asked}))["callAllowances"]
    assert [(a["number"], a["seconds"], a["balanceFen"]) for a in body] == [
        ("4008111223", 180, 90),
        ("4006228300", 33 * 60, 1000),
        ("4001234567", 0, 0),  # not a number of ours
        ("4008111222", 0, 0),  # suspended
        ("4006228300", 33 * 60, 1000),
    ]
    # Each answer is what callAllowance says for the number alone.
    for number, found in zip(asked, body, strict=True):
        assert (await phone.data(ALLOWANCE, {"n": number}))["callAllowance"] == found
    assert (await phone.data(ALLOWANCES, {"n": []}))["callAllowances"] == []
    bad = await phone.gql(ALLOWANCES, {"n": ["4006228300", "12345"]})
    assert bad["errors"][0]["extensions"]["code"] == "invalid_number"
    too_many = await phone.gql(ALLOWANCES, {"n": ["4006228300"] * 1001})
    assert too_many["errors"][0]["extensions"]["code"] == "too_many"
    for client in (acme, op):
        refused = await client.gql(ALLOWANCES, {"n": ["4006228300"]})
        assert refused["errors"][0]["message"] == "仅限话务系统令牌使用"


CALLS = """query($n:ID,$s:DateTime,$u:DateTime,$c:String,$d:CallDisposition){callRecords(numberId:$n,since:$s,
  until:$u,caller:$c,disposition:$d){totalCount edges{node{callId disposition chargeFen}}}}"""


async def test_customers_list_filter_and_download_their_own_calls(env: Env) -> None:
    op, acme, phone = await _setup(env)
    await phone.data(REPORT, {"c": call("l-1", talk=30, caller="02087654321")})
    await phone.data(REPORT, {"c": call("l-2", start="2026-12-02T09:00:00+08:00")})
    await phone.data(REPORT, {"c": call("l-3", talk=90, start="2026-12-02T23:30:00+08:00")})
    everything = (await acme.data(CALLS))["callRecords"]
    assert [e["node"]["callId"] for e in everything["edges"]] == ["l-1", "l-2", "l-3"]
    missed = (await acme.data(CALLS, {"d": "NO_ANSWER"}))["callRecords"]
    assert [e["node"]["callId"] for e in missed["edges"]] == ["l-2"]
    by_caller = (await acme.data(CALLS, {"c": "020"}))["callRecords"]
    assert [e["node"]["callId"] for e in by_caller["edges"]] == ["l-1"]
    period = {"s": "2026-12-02T00:00:00+08:00", "u": "2026-12-03T00:00:00+08:00"}
    assert (await acme.data(CALLS, period))["callRecords"]["totalCount"] == 2
    # Bounds in Beijing time: 23:30 on 1 December is 15:30 UTC, inside 1 December only.
    await phone.data(REPORT, {"c": call("l-0", start="2026-12-01T23:30:00+08:00")})
    first_day = {"s": "2026-12-01T08:00:00+08:00", "u": "2026-12-01T23:59:59+08:00"}
    assert (await acme.data(CALLS, first_day))["callRecords"]["totalCount"] == 2
    backwards = await acme.gql(CALLS, {"s": period["u"], "u": period["s"]})
    assert backwards["errors"][0]["extensions"]["code"] == "invalid_period"

    response = await acme.http.get("/calls.csv", params={"since": period["s"], "until": period["u"]})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["通话编号", "400号码", "主叫号码"]
    assert [(r[0], r[1], r[8], r[12]) for r in rows[1:]] == [
        ("l-2", "400-622-8300", "无应答", "0.00"),
        ("l-3", "400-622-8300", "已接听", "0.60"),
    ]
    intruder = await env.customer("intruder")
    assert (await intruder.data(CALLS))["callRecords"]["totalCount"] == 0
    theirs = await intruder.http.get("/calls.csv")
    assert theirs.content.decode("utf-8-sig").strip().count("\n") == 0  # the header only
    number_id = (await Number.get(number="4006228300")).id
    assert (await intruder.http.get("/calls.csv", params={"numberId": str(number_id)})).status_code == 404
    assert (await env.anonymous().http.get("/calls.csv")).status_code == 401
    assert (await op.data(CALLS))["callRecords"]["totalCount"] == 4


STATS = """query($s:DateTime!,$u:DateTime!,$b:CallStatisticsBucket!){callStatistics(since:$s,until:$u,bucket:$b){
  periods{number periodStart totals{calls answered missed answeredRate minutes chargeFen}}
  provinces{province totals{calls answered}}}}"""


async def test_statistics_per_number_and_local_day_or_hour_and_by_province(env: Env) -> None:
    _, acme, phone = await _setup(env)
    await phone.data(REPORT, {"c": call("t-1", talk=60, caller="02087654321")})
    await phone.data(REPORT, {"c": call("t-2", caller="13912345678", start="2026-12-01T10:30:00+08:00")})
    await phone.data(REPORT, {"c": call("t-3", talk=120, start="2026-12-02T00:10:00+08:00")})
    period = {"s": "2026-12-01T00:00:00+08:00", "u": "2026-12-03T00:00:00+08:00"}
    days = (await acme.data(STATS, {**period, "b": "DAY"}))["callStatistics"]
    assert [(p["periodStart"], p["totals"]) for p in days["periods"]] == [
        ("2026-12-01T00:00:00+08:00", {
            "calls": 2, "answered": 1, "missed": 1, "answeredRate": 0.5, "minutes": 1.0, "chargeFen": 30,
        }),
        ("2026-12-02T00:00:00+08:00", {
            "calls": 1, "answered": 1, "missed": 0, "answeredRate": 1.0, "minutes": 2.0, "chargeFen": 60,
        }),
    ]  # fmt: skip
    hours = (await acme.data(STATS, {**period, "b": "HOUR"}))["callStatistics"]
    assert [p["periodStart"][11:16] for p in hours["periods"]] == ["10:00", "00:00"]
    assert days["provinces"] == [
        {"province": "江苏", "totals": {"calls": 2, "answered": 1}},
        {"province": "广东", "totals": {"calls": 1, "answered": 1}},
    ]
    too_long = await acme.gql(STATS, {"s": "2025-01-01T00:00:00+08:00", "u": period["u"], "b": "DAY"})
    assert too_long["errors"][0]["extensions"]["code"] == "invalid_period"
