"""Modules (子流程) over GraphQL: created and published like flows, called by a flow's module node, inlined
into the plans of the numbers running that flow, pinned at publishing, and only ever the account's own."""

from __future__ import annotations

import json
from typing import Any

from api.flows.models import FlowVersionModule
from api.plans import pipeline
from api.routing.models import CompiledPlan
from tests.api.routing_support import ERR, active_number
from tests.api.support import Client, Env
from tests.ivr_flows.module_examples import FOLDER

FLOW = "id name kind revision draft moduleCalls{nodeId moduleId moduleName version published returnPoints}"
CREATE_MODULE = f"mutation($n:String!){{createModule(name:$n){{... on Flow{{{FLOW}}} {ERR}}}}}"
IMPORT = f"mutation($n:String!,$d:JSON!){{importFlow(name:$n,document:$d){{... on Flow{{{FLOW}}} {ERR}}}}}"
SAVE = f"""mutation($id:ID!,$d:JSON!,$r:Int!){{saveFlowDraft(id:$id,document:$d,baseRevision:$r){{
  ... on Flow{{{FLOW}}} {ERR}}}}}"""
PUBLISH = f"""mutation($id:ID!,$m:String!,$n:[ID!]){{publishFlow(id:$id,message:$m,numberIds:$n){{
  ... on FlowVersion{{id version modules{{moduleId moduleName version versionId}}}} {ERR}}}}}"""
SWITCH = f"""mutation($n:ID!,$v:ID!){{setNumberFlowVersion(numberId:$n,versionId:$v){{
  ... on NumberRouting{{flowVersionId}} {ERR}}}}}"""
DELETE = f"mutation($id:ID!){{deleteFlow(id:$id){{... on DeletedFlow{{id}} {ERR}}}}}"
VALIDATE = "query($id:ID!){validateFlow(id:$id){code severity message nodeId}}"
SIMULATE = f"""query($f:ID!,$c:SimulatedCallInput!){{simulateFlow(flowId:$f,call:$c){{
  ... on Simulation{{path outcome}} {ERR}}}}}"""


def _module_document() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FOLDER / "after_hours.module.json").read_text(encoding="utf-8"))
    return data


def _caller_document(module_id: str, version: int = 1) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FOLDER / "hotline.flow.json").read_text(encoding="utf-8"))
    for node in data["nodes"]:
        if node["type"] == "module":
            node["props"] = {"module": module_id, "version": version}
    return data


async def _module(client: Client, name: str = "下班后公共菜单") -> dict[str, Any]:
    """A module whose draft is the example after-hours menu, saved (not yet published)."""
    created = (await client.data(CREATE_MODULE, {"n": name}))["createModule"]
    saved = await client.data(SAVE, {"id": created["id"], "d": _module_document(), "r": created["revision"]})
    return dict(saved["saveFlowDraft"])


async def _publish(client: Client, flow_id: str, numbers: list[str] | None = None) -> dict[str, Any]:
    body = await client.data(PUBLISH, {"id": flow_id, "m": "", "n": numbers})
    return dict(body["publishFlow"])


async def _caller(client: Client, module_id: str, version: int = 1) -> dict[str, Any]:
    body = await client.data(IMPORT, {"n": "客服热线", "d": _caller_document(module_id, version)})
    return dict(body["importFlow"])


def _steps(plan_json: str) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in json.loads(plan_json)["steps"]}


async def test_a_module_is_created_published_and_listed_apart_from_flows(env: Env) -> None:
    client = await env.customer("acme")
    created = (await client.data(CREATE_MODULE, {"n": "公共菜单"}))["createModule"]
    assert created["kind"] == "module" and created["draft"]["kind"] == "module"
    assert [n["type"] for n in created["draft"]["nodes"]] == ["start", "module_exit"]
    module = await _module(client)
    assert (await _publish(client, module["id"]))["version"] == 1
    listed = await client.data("{flowModules{edges{node{name kind latestVersion}}} flows{totalCount}}")
    names = {e["node"]["name"]: e["node"] for e in listed["flowModules"]["edges"]}
    assert names["下班后公共菜单"] == {"name": "下班后公共菜单", "kind": "module", "latestVersion": 1}
    assert listed["flows"]["totalCount"] == 0  # modules are not flows a number can run
    # a module's document stays a module's
    flow_doc = dict(_module_document(), kind="flow")
    wrong = await client.data(SAVE, {"id": module["id"], "d": flow_doc, "r": module["revision"]})
    assert wrong["saveFlowDraft"]["errors"][0]["code"] == "wrong_kind"


async def test_a_flow_calling_a_published_module_runs_it_inline_on_its_number(env: Env) -> None:
    client = await env.customer("acme")
    number = await active_number(client)
    module = await _module(client)
    flow = await _caller(client, module["id"])
    # not published yet: the module node cannot call it
    refused = await _publish(client, flow["id"], [number])
    assert [e["code"] for e in refused["errors"]] == ["module_missing"]
    assert refused["errors"][0]["field"] == "node:after"
    module_v1 = await _publish(client, module["id"])
    calls = (
        await client.data(
            "query($id:ID!){flow(id:$id){moduleCalls{nodeId moduleId moduleName version published returnPoints}}}",
            {"id": flow["id"]},
        )
    )["flow"]["moduleCalls"]
    assert calls == [
        {
            "nodeId": "after",
            "moduleId": module["id"],
            "moduleName": "下班后公共菜单",
            "version": 1,
            "published": True,
            "returnPoints": ["留言", "转值班"],
        }
    ]
    found = (await client.data(VALIDATE, {"id": flow["id"]}))["validateFlow"]
    assert [d for d in found if d["severity"] == "error"] == []
    version = await _publish(client, flow["id"], [number])
    assert version["modules"] == [
        {"moduleId": module["id"], "moduleName": "下班后公共菜单", "version": 1, "versionId": module_v1["id"]}
    ]
    plan = await CompiledPlan.get(number__number="4006228300")
    steps = _steps(plan.plan_json)
    assert steps["node:after"]["next"] == {"next": "node:after/menu"}
    assert steps["node:after/to_duty"]["next"] == {"next": "node:duty"}
    simulated = await client.data(SIMULATE, {"f": flow["id"], "c": {"digits": "1"}})
    assert simulated["simulateFlow"]["path"] == [
        "start",
        "welcome",
        "after",
        "after/menu",
        "after/leave_message",
        "message",
    ]


async def test_a_flow_version_keeps_the_module_version_it_was_published_with(env: Env) -> None:
    client = await env.customer("acme")
    number = await active_number(client)
    module = await _module(client)
    await _publish(client, module["id"])
    flow = await _caller(client, module["id"])
    await _publish(client, flow["id"], [number])
    before = (await CompiledPlan.get(number__number="4006228300")).plan_json
    # version 2 of the module says something else; the running flow version still calls version 1
    changed = _module_document()
    changed["nodes"][1]["props"]["prompt"] = {"tts": "新的下班提示,留言请按1"}
    current = (await client.data("query($id:ID!){flow(id:$id){revision}}", {"id": module["id"]}))["flow"]
    await client.data(SAVE, {"id": module["id"], "d": changed, "r": current["revision"]})
    assert (await _publish(client, module["id"]))["version"] == 2
    assert await pipeline.recompile_all() == 0  # recompiling inlines the pinned version: nothing changed
    assert (await CompiledPlan.get(number__number="4006228300")).plan_json == before
    # publishing the flow again with the node moved to version 2 takes the new words
    draft = _caller_document(module["id"], version=2)
    current = (await client.data("query($id:ID!){flow(id:$id){revision}}", {"id": flow["id"]}))["flow"]
    await client.data(SAVE, {"id": flow["id"], "d": draft, "r": current["revision"]})
    assert (await _publish(client, flow["id"], [number]))["version"] == 2
    after = (await CompiledPlan.get(number__number="4006228300")).plan_json
    assert "新的下班提示,留言请按1" in after and "新的下班提示" not in before


async def test_a_module_in_use_cannot_be_deleted_nor_run_on_a_number(env: Env) -> None:
    client = await env.customer("acme")
    number = await active_number(client)
    module = await _module(client)
    on_number = await _publish(client, module["id"], [number])
    assert on_number["errors"][0]["code"] == "module_on_number"
    published = await _publish(client, module["id"])
    switched = await client.data(SWITCH, {"n": number, "v": published["id"]})
    assert switched["setNumberFlowVersion"]["errors"][0]["code"] == "module_on_number"
    flow = await _caller(client, module["id"])
    await _publish(client, flow["id"])
    refused = await client.data(DELETE, {"id": module["id"]})
    assert refused["deleteFlow"]["errors"][0]["code"] == "module_in_use"
    assert await FlowVersionModule.all().count() == 1
    # once the flow calling it is gone, the module may go
    assert (await client.data(DELETE, {"id": flow["id"]}))["deleteFlow"]["id"] == flow["id"]
    assert (await client.data(DELETE, {"id": module["id"]}))["deleteFlow"]["id"] == module["id"]


async def test_a_flow_can_only_call_its_own_accounts_modules(env: Env) -> None:
    owner = await env.customer("acme")
    other = await env.customer("rival")
    module = await _module(owner)
    await _publish(owner, module["id"])
    # the rival forges the module's id into its own flow: no such module for it
    forged = await _caller(other, module["id"])
    assert forged["moduleCalls"] == [
        {
            "nodeId": "after",
            "moduleId": None,
            "moduleName": None,
            "version": 1,
            "published": False,
            "returnPoints": [],
        }
    ]
    refused = await _publish(other, forged["id"])
    assert [e["code"] for e in refused["errors"]] == ["module_missing"]
    codes = {d["code"] for d in (await other.data(VALIDATE, {"id": forged["id"]}))["validateFlow"]}
    assert "module_missing" in codes
    simulated = await other.data(SIMULATE, {"f": forged["id"], "c": {"digits": "1"}})
    assert simulated["simulateFlow"]["errors"][0]["code"] == "module_missing"
    assert (await other.data("{flowModules{totalCount}}"))["flowModules"]["totalCount"] == 0
    assert owner.user is not None
    theirs = await other.data(
        "query($a:ID!){flowModules(accountId:$a){totalCount}}", {"a": str(owner.user.account_id)}
    )
    assert theirs["flowModules"]["totalCount"] == 0
    assert (await other.data("query($id:ID!){flow(id:$id){id}}", {"id": module["id"]}))["flow"] is None
    gone = await other.data(DELETE, {"id": module["id"]})
    assert gone["deleteFlow"]["errors"][0]["code"] == "not_found"
    # the owner's own flow calling it publishes
    assert (await _publish(owner, (await _caller(owner, module["id"]))["id"]))["version"] == 1


async def test_a_module_calling_itself_is_refused(env: Env) -> None:
    client = await env.customer("acme")
    module = await _module(client)
    await _publish(client, module["id"])
    selfish = _module_document()
    selfish["nodes"].append(
        {"id": "again", "type": "module", "props": {"module": module["id"], "version": 1}}
    )
    selfish["edges"][1] = {"id": "e-1", "source": "menu", "exit": "digit:1", "target": "again"}
    selfish["edges"].append(
        {"id": "e-again", "source": "again", "exit": "exit:留言", "target": "leave_message"}
    )
    current = (await client.data("query($id:ID!){flow(id:$id){revision}}", {"id": module["id"]}))["flow"]
    await client.data(SAVE, {"id": module["id"], "d": selfish, "r": current["revision"]})
    found = (await client.data(VALIDATE, {"id": module["id"]}))["validateFlow"]
    cycle = [d for d in found if d["code"] == "module_cycle"]
    assert (
        cycle and cycle[0]["nodeId"] == "again" and "下班后公共菜单 → 下班后公共菜单" in cycle[0]["message"]
    )
    refused = await _publish(client, module["id"])
    assert "module_cycle" in [e["code"] for e in refused["errors"]]
