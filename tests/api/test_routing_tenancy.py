"""Tenant isolation of flows and routing: every operation of theirs that takes an id, called by another
customer with the victim's ids, reveals nothing and changes nothing. Checked against the schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from api.flows.models import Flow, FlowVersion
from api.routing.models import CompiledPlan, NumberRouting, PlanChange
from tests.api.routing_support import ERR, SAVE_SIMPLE, WORK_HOURS, active_number
from tests.api.support import Client, Env
from tests.api.tenancy_checks import Case, World, empty, not_found, null, operators_only

EXAMPLES = Path(__file__).resolve().parents[2] / "ivr_flows" / "examples"
DOC = {"format_version": 1, "nodes": [{"id": "start", "type": "start"}], "edges": []}


async def _designed(client: Client, number: str) -> dict[str, Any]:
    document = json.loads((EXAMPLES / "work_hours.flow.json").read_text())
    flow = await client.data(
        'mutation($d:JSON!){importFlow(name:"客服菜单",document:$d){... on Flow{id}}}', {"d": document}
    )
    published = await client.data(
        "mutation($id:ID!,$n:ID!){publishFlow(id:$id,numberIds:[$n]){... on FlowVersion{id flowId}}}",
        {"id": flow["importFlow"]["id"], "n": number},
    )
    return {"version": published["publishFlow"]}


async def _world(env: Env) -> World:
    victim = await env.customer("victim")
    intruder = await env.customer("intruder")
    number = await active_number(victim, "4006228300")
    own_number = await active_number(intruder, "4006228301")
    await victim.data(SAVE_SIMPLE, {"n": number, "s": WORK_HOURS})
    await intruder.data(SAVE_SIMPLE, {"n": own_number, "s": WORK_HOURS})
    # Each tenant's designed flow, published onto its number (simple routing's own flow is internal).
    saved, own = await _designed(victim, number), await _designed(intruder, own_number)
    return World(
        victim,
        intruder,
        {
            "number": number,
            "flow": saved["version"]["flowId"],
            "version": saved["version"]["id"],
            "own_number": own_number,
            "own_flow": own["version"]["flowId"],
            "own_version": own["version"]["id"],
        },
    )


async def _snapshot() -> dict[str, Any]:
    return {
        "flows": sorted(await Flow.all().values_list("id", "name", "revision", "draft")),
        "versions": await FlowVersion.all().count(),
        "routing": sorted(
            await NumberRouting.all().values_list(
                "number_id",
                "list_mode",
                "list_entries",
                "allowed_categories",
                "refused_areas",
                "allowed_areas",
                "package",
                "extra_lines",
                "flow_version_id",
            )
        ),
        "plans": sorted(await CompiledPlan.all().values_list("number_id", "version", "etag")),
        "changes": await PlanChange.all().count(),
    }


CALL = '{caller:"02083334444"}'
CASES: dict[str, Case] = {
    "Query.flow": ("query($id:ID!){flow(id:$id){name}}", lambda i: {"id": i["flow"]}, null("flow")),
    "Query.flowVersions": (
        "query($id:ID!){flowVersions(flowId:$id){totalCount}}",
        lambda i: {"id": i["flow"]},
        empty("flowVersions"),
    ),
    "Query.flowVersion": (
        "query($id:ID!){flowVersion(id:$id){version}}",
        lambda i: {"id": i["version"]},
        null("flowVersion"),
    ),
    "Query.validateFlow": (
        "query($id:ID!){validateFlow(id:$id){code}}",
        lambda i: {"id": i["flow"]},
        null("validateFlow"),
    ),
    "Query.flowDiff": (
        f"query($a:ID!,$b:ID!){{flowDiff(fromVersionId:$a,toVersionId:$b){{{ERR}}}}}",
        lambda i: {"a": i["version"], "b": i["own_version"]},
        not_found("flowDiff"),
    ),
    "Query.simulateFlow": (
        f"query($id:ID!){{simulateFlow(flowId:$id,call:{CALL}){{{ERR}}}}}",
        lambda i: {"id": i["flow"]},
        not_found("simulateFlow"),
    ),
    "Mutation.testHttpRequest": (
        f'mutation($id:ID!){{testHttpRequest(flowId:$id,nodeId:"crm"){{{ERR}}}}}',
        lambda i: {"id": i["flow"]},
        not_found("testHttpRequest"),
    ),
    "Query.runFlowTests": (
        f"query($id:ID!){{runFlowTests(flowId:$id){{{ERR}}}}}",
        lambda i: {"id": i["flow"]},
        not_found("runFlowTests"),
    ),
    "Query.numberRouting": (
        "query($id:ID!){numberRouting(numberId:$id){listEntries}}",
        lambda i: {"id": i["number"]},
        null("numberRouting"),
    ),
    "Query.whatHappens": (
        f"query($id:ID!){{whatHappens(numberId:$id,call:{CALL}){{{ERR}}}}}",
        lambda i: {"id": i["number"]},
        not_found("whatHappens"),
    ),
    "Mutation.saveFlowDraft": (
        f"mutation($id:ID!,$d:JSON!){{saveFlowDraft(id:$id,document:$d,baseRevision:1){{{ERR}}}}}",
        lambda i: {"id": i["flow"], "d": DOC},
        not_found("saveFlowDraft"),
    ),
    "Mutation.renameFlow": (
        f'mutation($id:ID!){{renameFlow(id:$id,name:"抢走"){{{ERR}}}}}',
        lambda i: {"id": i["flow"]},
        not_found("renameFlow"),
    ),
    "Mutation.copyFlow": (
        f'mutation($id:ID!){{copyFlow(id:$id,name:"偷看"){{{ERR}}}}}',
        lambda i: {"id": i["flow"]},
        not_found("copyFlow"),
    ),
    "Mutation.deleteFlow": (
        f"mutation($id:ID!){{deleteFlow(id:$id){{{ERR}}}}}",
        lambda i: {"id": i["flow"]},
        not_found("deleteFlow"),
    ),
    "Mutation.publishFlow": (
        f"mutation($id:ID!){{publishFlow(id:$id){{{ERR}}}}}",
        lambda i: {"id": i["flow"]},
        not_found("publishFlow"),
    ),
    "Mutation.publishFlow (own flow onto their number)": (
        f"mutation($id:ID!,$n:ID!){{publishFlow(id:$id,numberIds:[$n]){{{ERR}}}}}",
        lambda i: {"id": i["own_flow"], "n": i["number"]},
        not_found("publishFlow"),
    ),
    "Mutation.setNumberFlowVersion": (
        f"mutation($n:ID!,$v:ID!){{setNumberFlowVersion(numberId:$n,versionId:$v){{{ERR}}}}}",
        lambda i: {"n": i["number"], "v": i["own_version"]},
        not_found("setNumberFlowVersion"),
    ),
    "Mutation.setNumberFlowVersion (their version on own number)": (
        f"mutation($n:ID!,$v:ID!){{setNumberFlowVersion(numberId:$n,versionId:$v){{{ERR}}}}}",
        lambda i: {"n": i["own_number"], "v": i["version"]},
        not_found("setNumberFlowVersion"),
    ),
    "Mutation.setCallerCategories": (
        f'mutation($n:ID!){{setCallerCategories(numberId:$n,categories:["mobile"]){{{ERR}}}}}',
        lambda i: {"n": i["number"]},
        not_found("setCallerCategories"),
    ),
    "Mutation.setCallerList": (
        f'mutation($n:ID!){{setCallerList(numberId:$n,mode:WHITE,text:"020"){{{ERR}}}}}',
        lambda i: {"n": i["number"]},
        not_found("setCallerList"),
    ),
    "Mutation.addCallerListEntries": (
        f'mutation($n:ID!){{addCallerListEntries(numberId:$n,text:"020"){{{ERR}}}}}',
        lambda i: {"n": i["number"]},
        not_found("addCallerListEntries"),
    ),
    "Mutation.setAreaRestrictions": (
        f'mutation($n:ID!){{setAreaRestrictions(numberId:$n,refused:["020"]){{{ERR}}}}}',
        lambda i: {"n": i["number"]},
        not_found("setAreaRestrictions"),
    ),
    "Mutation.setLinePackage": (
        "mutation($n:ID!){setLinePackage(numberId:$n,package:TRUNK){__typename}}",
        lambda i: {"n": i["number"]},
        operators_only,
    ),
    "Mutation.saveSimpleRouting": (
        f"mutation($n:ID!,$s:SimpleRoutingInput!){{saveSimpleRouting(numberId:$n,settings:$s){{{ERR}}}}}",
        lambda i: {"n": i["number"], "s": {"destinations": [{"number": "13812345678", "waitS": 55}]}},
        not_found("saveSimpleRouting"),
    ),
}


@pytest.mark.parametrize("operation", sorted(CASES))
async def test_another_tenants_id_reveals_and_changes_nothing(env: Env, operation: str) -> None:
    world = await _world(env)
    query, variables, check = CASES[operation]
    before = await _snapshot()
    check(await world.intruder.gql(query, variables(world.ids)))
    assert await _snapshot() == before
    if operation.startswith("Query."):
        body = await world.victim.gql(query, variables(world.ids) | {"b": world.ids["version"]})
        assert "errors" not in body, body
        value = body["data"][operation.split(".")[1]]
        assert value is not None, body
        if isinstance(value, dict):
            assert "errors" not in value and value.get("totalCount", 1) > 0, body


async def test_operators_see_and_fix_every_tenant(env: Env) -> None:
    world = await _world(env)
    operator = await env.operator()
    body = await operator.data(
        "query($n:ID!,$f:ID!){numberRouting(numberId:$n){refusedAreas} flow(id:$f){name}}",
        {"n": world.ids["number"], "f": world.ids["flow"]},
    )
    assert body["flow"]["name"] == "客服菜单"
    fixed = await operator.data(
        'mutation($n:ID!){setAreaRestrictions(numberId:$n,refused:["010"]){... on NumberRouting{refusedAreas}}}',
        {"n": world.ids["number"]},
    )
    assert fixed["setAreaRestrictions"]["refusedAreas"] == ["010"]
