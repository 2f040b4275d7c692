"""The telephony layer's view: plans over HTTP with ETags, changes since a version, the long-poll."""

from __future__ import annotations

import asyncio
import time

import ivr_flows
from api.telephony import plans
from tests.api.routing_support import SAVE_SIMPLE, WORK_HOURS, active_number, service_token, telephony
from tests.api.support import Client, Env

SUSPEND = """mutation($id:ID!){changeNumberStatus(id:$id,status:SUSPENDED,reason:"欠费停机"){__typename
  ... on UserErrors{errors{message}}}}"""
LIST = 'mutation($n:ID!){setCallerList(numberId:$n,mode:BLACK,text:"13900001111"){__typename}}'


async def routed(env: Env, number: str = "4006228300") -> tuple[str, Client]:
    client = await env.customer(f"owner{number[-4:]}")
    number_id = await active_number(client, number)
    await client.data(SAVE_SIMPLE, {"n": number_id, "s": WORK_HOURS})
    return number_id, client


async def test_plan_json_with_etags_and_304(env: Env) -> None:
    await routed(env)
    http = env.client(authorization=f"Bearer {await service_token(env)}")
    plan = await http.get("/telephony/plans/400-622-8300")
    assert plan.status_code == 200 and plan.headers["content-type"] == "application/json"
    dialplan = ivr_flows.Dialplan.from_json(plan.content)
    assert plan.headers["etag"] == dialplan.etag  # the ETag is the plan's own content hash
    assert int(plan.headers["x-plan-version"]) >= 1
    assert "x-plan-stale" not in plan.headers
    for header in (
        plan.headers["etag"],
        f"W/{plan.headers['etag']}",
        '"other", ' + plan.headers["etag"],
        "*",
    ):
        again = await http.get("/telephony/plans/4006228300", headers={"If-None-Match": header})
        assert again.status_code == 304, header
    stale = await http.get("/telephony/plans/4006228300", headers={"If-None-Match": '"older"'})
    assert stale.status_code == 200
    # Each node renders its own Asterisk text with its own options; the service sends JSON only.
    for fmt in ("asterisk", "xml"):
        refused = await http.get(f"/telephony/plans/4006228300?format={fmt}")
        assert refused.status_code == 400 and "JSON" in refused.text


async def test_who_may_fetch_plans(env: Env) -> None:
    await routed(env)
    assert (await env.client().get("/telephony/plans/4006228300")).status_code == 401
    bad = env.client(authorization="Bearer h4_not-a-token")
    assert (await bad.get("/telephony/plans/4006228300")).status_code == 401
    customer = await env.customer("someone")
    token = await customer.data('mutation{createApiToken(name:"x"){... on CreatedApiToken{secret}}}')
    user = env.client(authorization=f"Bearer {token['createApiToken']['secret']}")
    for path in ("/telephony/plans/4006228300", "/telephony/plans", "/telephony/changes?wait=0"):
        assert (await user.get(path)).status_code == 403, path
    phone = env.client(authorization=f"Bearer {await service_token(env)}")
    assert (await phone.get("/telephony/plans/4006228301")).status_code == 404
    assert (await phone.get("/telephony/plans/12345")).status_code == 404


async def test_plans_changed_since_a_version(env: Env) -> None:
    await routed(env, "4006228300")
    second_id, _ = await routed(env, "4008111222")
    secret = await service_token(env)
    http = env.client(authorization=f"Bearer {secret}")
    everything = (await http.get("/telephony/plans?since=0")).json()
    assert sorted(p["number"] for p in everything["plans"]) == ["4006228300", "4008111222"]
    assert everything["plans"][0]["plan"]["format"] == "hotline400.dialplan"
    latest = everything["latest_version"]
    assert (await http.get(f"/telephony/plans?since={latest}")).json()["plans"] == []
    assert (await http.get("/telephony/plans?since=-1")).status_code == 400

    # An operator suspends the number: its plan is recompiled with the status change, and listed.
    op = await env.operator()
    suspended = await op.data(SUSPEND, {"id": second_id})
    assert suspended["changeNumberStatus"]["__typename"] == "Number", suspended
    changed = (await http.get(f"/telephony/plans?since={latest}")).json()
    assert [p["number"] for p in changed["plans"]] == ["4008111222"]
    assert changed["plans"][0]["plan"]["steps"][0]["op"] == "hangup"  # 您拨打的号码已停机
    assert changed["latest_version"] == changed["plans"][0]["version"] > latest


async def test_long_poll_answers_when_a_plan_changes(env: Env) -> None:
    number_id, owner = await routed(env)
    http = env.client(authorization=f"Bearer {await service_token(env)}")
    latest = (await http.get("/telephony/plans?since=0")).json()["latest_version"]
    started = time.monotonic()
    empty = (await http.get(f"/telephony/changes?since={latest}&wait=0")).json()
    assert empty["changes"] == [] and time.monotonic() - started < 1

    async def change_soon() -> None:
        await asyncio.sleep(0.3)
        await owner.data(LIST, {"n": number_id})

    started = time.monotonic()
    poll, _ = await asyncio.gather(http.get(f"/telephony/changes?since={latest}&wait=20"), change_soon())
    waited = time.monotonic() - started
    body = poll.json()
    assert [c["number"] for c in body["changes"]] == ["4006228300"]
    assert body["changes"][0]["version"] == body["latest_version"] > latest
    assert 0.3 <= waited < 5


async def test_an_operator_holiday_reaches_every_plan(env: Env) -> None:
    await routed(env)
    secret = await service_token(env)
    before = await telephony(env, secret).http.get("/telephony/plans/4006228300")
    assert "2026-10-01" in before.text
    assert "2027-02-11" not in before.text
    op = await env.operator()
    made = await op.data(
        'mutation{setHolidayOverride(day:"2027-02-11",workday:false,name:"春节"){__typename ... on UserErrors{errors{message}}}}'
    )
    assert made["setHolidayOverride"] == {"__typename": "HolidayOverride"}, made
    after = await telephony(env, secret).http.get(
        "/telephony/plans/4006228300", headers={"if-none-match": before.headers["etag"]}
    )
    assert after.status_code == 200
    assert after.headers["etag"] != before.headers["etag"]
    assert "2027-02-11" in after.text
    await op.data('mutation{deleteHolidayOverride(day:"2027-02-11")}')
    again = await telephony(env, secret).http.get("/telephony/plans/4006228300")
    assert "2027-02-11" not in again.text


RECLAIM = """mutation($id:ID!){changeNumberStatus(id:$id,status:RECLAIMED,reason:"停机3天未续费",coolDownDays:30){
  __typename}}"""


async def test_a_withdrawn_plan_is_listed_without_an_etag_and_its_route_answers_404(env: Env) -> None:
    number_id, _ = await routed(env, "4006228300")
    await routed(env, "4008111222")
    http = env.client(authorization=f"Bearer {await service_token(env)}")
    latest = (await http.get("/telephony/plans?since=0")).json()["latest_version"]
    op = await env.operator("reclaimer")
    assert (await op.data(RECLAIM, {"id": number_id}))["changeNumberStatus"]["__typename"] == "Number"
    # The long-poll wakes for the withdrawal and lists it with a null ETag; the plan is gone.
    started = time.monotonic()
    body = (await http.get(f"/telephony/changes?since={latest}&wait=20")).json()
    assert time.monotonic() - started < 5
    assert [(c["number"], c["etag"]) for c in body["changes"]] == [("4006228300", None)]
    assert body["changes"][0]["version"] == body["latest_version"] > latest
    assert (await http.get("/telephony/plans/4006228300")).status_code == 404
    # The list of plans knows nothing to send for it, and the other number's plan is untouched.
    assert (await http.get(f"/telephony/plans?since={latest}")).json()["plans"] == []
    everything = (await http.get("/telephony/changes?since=0&wait=0")).json()["changes"]
    assert [(c["number"], c["etag"] is None) for c in everything] == [
        ("4008111222", False),
        ("4006228300", True),
    ]
    # Pages mix plans and withdrawals in version order.
    first = await plans.feed_since(0, limit=1)
    assert [e.number for e in first.entries] == ["4008111222"] and first.has_more
    second = await plans.feed_since(first.entries[0].version, limit=1)
    assert [(e.number, e.etag) for e in second.entries] == [("4006228300", None)] and not second.has_more
    # Listed once, and no more once the client has moved past it.
    again = (await http.get(f"/telephony/changes?since={body['latest_version']}&wait=0")).json()
    assert again["changes"] == []
