"""Plans are compiled by the publishing pipeline and its job, served as stored JSON through one door.

A read never compiles: a plan whose number changed status behind the pipeline's back is served as it is,
marked stale, until the job recompiles it. No Asterisk text is stored or sent: each node renders the JSON
with its own options. Every telephony route refuses a caller without the telephony permission, and
GraphQL serves no plans at all.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.routing import Route

import ivr_flows
from api.jobs import run_jobs_once
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus
from api.routing.models import CompiledPlan, PlanChange
from tests.api.routing_support import SAVE_SIMPLE, WHAT_HAPPENS, WORK_HOURS, active_number, service_token
from tests.api.support import Client, Env
from tests.api.test_plans_pipeline import counting
from tests.sqlcount import count_statements

NUMBER = "4006228300"
WEEKDAY_10 = "2026-03-04T10:00:00+08:00"
STATUS = """mutation($id:ID!,$s:NumberStatus!){changeNumberStatus(id:$id,status:$s,reason:"测试停复机"){
  __typename ... on UserErrors{errors{message}}}}"""


async def _routed(env: Env, number: str = NUMBER) -> tuple[str, Client]:
    owner = await env.customer(f"owner{number[-4:]}")
    number_id = await active_number(owner, number)
    saved = await owner.data(SAVE_SIMPLE, {"n": number_id, "s": WORK_HOURS})
    assert "version" in saved["saveSimpleRouting"], saved
    return number_id, owner


async def _plan_rows() -> list[tuple[Any, ...]]:
    return sorted(await CompiledPlan.all().values_list("number_id", "version", "etag", "compiled_status"))


def _plan_writes(statements: list[str]) -> list[str]:
    """Statements that write a plan or record a plan change: what compiling does."""
    return [
        s
        for s in statements
        if s.upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and ("compiled_plans" in s or "plan_changes" in s)
    ]


async def test_a_read_serves_a_stale_plan_as_stored_and_the_job_recompiles_it(env: Env) -> None:
    number_id, owner = await _routed(env)
    http = env.client(authorization=f"Bearer {await service_token(env)}")
    before = await http.get(f"/telephony/plans/{NUMBER}")
    assert before.status_code == 200 and "x-plan-stale" not in before.headers
    # The status changes behind the pipeline's back (no path of the service does this any more).
    await Number.filter(id=int(number_id)).update(status=NumberStatus.SUSPENDED)
    rows, changes = await _plan_rows(), await PlanChange.all().count()

    with counting(ivr_flows.compile_plan, ivr_flows.render_asterisk) as calls, count_statements() as sql:
        stale = await http.get(f"/telephony/plans/{NUMBER}")
        cached = await http.get(
            f"/telephony/plans/{NUMBER}", headers={"If-None-Match": before.headers["etag"]}
        )
        listed = (await http.get("/telephony/plans?since=0")).json()
        feed = (await http.get("/telephony/changes?since=0&wait=0")).json()
        simulated = await owner.data(WHAT_HAPPENS, {"n": number_id, "c": {"at": WEEKDAY_10}})
    assert calls == {} and _plan_writes(sql.statements) == []
    assert await _plan_rows() == rows and await PlanChange.all().count() == changes

    # Served as stored, and said to be stale; the listings show the stored plan at its stored version.
    assert stale.status_code == 200 and stale.headers["x-plan-stale"] == "true"
    assert stale.content == before.content and stale.headers["etag"] == before.headers["etag"]
    assert cached.status_code == 304 and cached.headers["x-plan-stale"] == "true"
    assert [p["etag"] for p in listed["plans"]] == [before.headers["etag"]]
    assert [c["etag"] for c in feed["changes"]] == [before.headers["etag"]]
    assert simulated["whatHappens"]["heard"] != ["您拨打的号码已停机"]

    # The job compiles it: a new version the feed lists, no longer stale, telling callers the status.
    assert (await run_jobs_once(env.config))["refresh_stale_plans"] == 1
    fresh = await http.get(f"/telephony/plans/{NUMBER}", headers={"If-None-Match": before.headers["etag"]})
    assert fresh.status_code == 200 and "x-plan-stale" not in fresh.headers
    assert int(fresh.headers["x-plan-version"]) > int(before.headers["x-plan-version"])
    assert ivr_flows.Dialplan.from_json(fresh.content).steps[0].op == "hangup"
    since = before.headers["x-plan-version"]
    moved = (await http.get(f"/telephony/changes?since={since}&wait=0")).json()["changes"]
    assert [(c["number"], c["etag"]) for c in moved] == [(NUMBER, fresh.headers["etag"])]
    simulated = await owner.data(WHAT_HAPPENS, {"n": number_id, "c": {"at": WEEKDAY_10}})
    assert simulated["whatHappens"]["heard"] == ["您拨打的号码已停机"]
    assert (await run_jobs_once(env.config))["refresh_stale_plans"] == 0


async def test_an_operator_suspension_recompiles_with_the_status_so_no_read_finds_it_stale(env: Env) -> None:
    number_id, _ = await _routed(env)
    http = env.client(authorization=f"Bearer {await service_token(env)}")
    active = await http.get(f"/telephony/plans/{NUMBER}")
    op = await env.operator("suspender")
    for status, first_op in (("SUSPENDED", "hangup"), ("ACTIVE", active.json()["steps"][0]["op"])):
        moved = await op.data(STATUS, {"id": number_id, "s": status})
        assert moved["changeNumberStatus"]["__typename"] == "Number", moved
        with count_statements() as sql:
            served = await http.get(f"/telephony/plans/{NUMBER}")
        assert _plan_writes(sql.statements) == []
        assert served.status_code == 200 and "x-plan-stale" not in served.headers, status
        assert served.json()["steps"][0]["op"] == first_op, status
    # Back in service, the plan is the one it had: same ETag, at a newer version.
    assert served.headers["etag"] == active.headers["etag"]
    assert int(served.headers["x-plan-version"]) > int(active.headers["x-plan-version"])


async def test_plans_carry_no_asterisk_text_the_nodes_render_their_own(env: Env) -> None:
    await _routed(env, NUMBER)
    await _routed(env, "4008111222")
    assert "asterisk" not in CompiledPlan._meta.fields_map
    http = env.client(authorization=f"Bearer {await service_token(env)}")
    listed = (await http.get("/telephony/plans?since=0")).json()
    assert len(listed["plans"]) == 2
    for item in listed["plans"]:
        assert set(item) == {"number", "version", "etag", "plan"}
        plan = ivr_flows.Dialplan.from_dict(item["plan"])
        stored = (await CompiledPlan.get(etag=item["etag"])).plan_json
        # Each item is its plan and its number, version and ETag, not the plan and a rendering of it.
        framing = len(json.dumps(item, ensure_ascii=False)) - len(
            json.dumps(item["plan"], ensure_ascii=False)
        )
        assert framing < 200 < len(ivr_flows.render_asterisk(plan)), framing
        assert json.dumps(item["plan"], separators=(",", ":"), ensure_ascii=False) == stored
    refused = await http.get(f"/telephony/plans/{NUMBER}?format=asterisk")
    assert refused.status_code == 400


def _telephony_paths(env: Env) -> list[str]:
    """Every route the app serves under /telephony/, with sample path parameters."""
    samples = {"{number}": NUMBER, "{file}": "beep.alaw"}
    paths = []
    for route in env.app.routes:
        if isinstance(route, Route) and route.path.startswith("/telephony/"):
            path = route.path
            for name, value in samples.items():
                path = path.replace(name, value)
            assert "{" not in path, f"no sample for {route.path}"
            paths.append(path + ("?wait=0" if path == "/telephony/changes" else ""))
    return paths


async def test_every_plan_door_refuses_a_caller_without_the_telephony_permission(env: Env) -> None:
    await _routed(env)
    paths = _telephony_paths(env)
    assert {"/telephony/plans", f"/telephony/plans/{NUMBER}", "/telephony/changes?wait=0"} <= set(paths)
    customer = await env.customer("someone")
    made = await customer.data('mutation{createApiToken(name:"x"){... on CreatedApiToken{secret}}}')
    refused: dict[str, tuple[Any, int]] = {
        "anonymous": (env.client(), 401),
        "invalid token": (env.client(authorization="Bearer h4_not-a-token"), 401),
        "customer session": (customer.http, 401),
        "customer token": (env.client(authorization=f"Bearer {made['createApiToken']['secret']}"), 403),
    }
    for who, (http, status) in refused.items():
        for path in paths:
            assert (await http.get(path)).status_code == status, (who, path)
    secret = await service_token(env)
    phone = env.client(authorization=f"Bearer {secret}")
    for path in paths:
        assert (await phone.get(path)).status_code == 200, path

    # GraphQL is no door to plans: not for the telephony token, an operator or a customer.
    for client in (Client(env.client(authorization=f"Bearer {secret}")), await env.operator(), customer):
        for query in (f'{{dialplan(number:"{NUMBER}"){{etag}}}}', "{dialplansChangedSince{latestVersion}}"):
            body = await client.gql(query)
            assert body.get("data") is None and "Cannot query field" in body["errors"][0]["message"], body
