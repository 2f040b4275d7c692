"""Flows over GraphQL: drafts and conflicts, validation, publishing, versions, diff, import/export,
copy/rename/delete, simulation and stored test cases."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from api.flows.models import Flow, FlowVersion
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus
from api.routing.models import NumberRouting
from tests.api.routing_support import ERR, active_number
from tests.api.support import Client, Env

EXAMPLES = Path(__file__).resolve().parents[2] / "ivr_flows" / "examples"
FLOW = "id name revision draft"
IMPORT = f"mutation($n:String!,$d:JSON!){{importFlow(name:$n,document:$d){{... on Flow{{{FLOW}}} {ERR}}}}}"
SAVE = f"mutation($id:ID!,$d:JSON!,$r:Int!){{saveFlowDraft(id:$id,document:$d,baseRevision:$r){{... on Flow{{{FLOW}}} {ERR}}}}}"
PUBLISH = f"mutation($id:ID!,$m:String!){{publishFlow(id:$id,message:$m){{... on FlowVersion{{id version message document}} {ERR}}}}}"


def example(name: str) -> dict[str, Any]:
    return json.loads((EXAMPLES / name).read_text())


async def imported(client: Client, name: str = "work_hours.flow.json") -> dict[str, Any]:
    body = await client.data(IMPORT, {"n": "工作时间路由", "d": example(name)})
    return body["importFlow"]


def dial(node_id: str, number: str, wait_s: int) -> dict[str, Any]:
    return {"id": node_id, "type": "dial", "props": {"destinations": [{"number": number, "wait_s": wait_s}]}}


def simple_document(
    *extra_nodes: dict[str, Any], edges: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    return {
        "format_version": 1,
        "nodes": [{"id": "start", "type": "start"}, dial("d", "13812345678", 55), *extra_nodes],
        "edges": edges or [{"id": "e1", "source": "start", "exit": "next", "target": "d"}],
    }


async def test_create_flow_starts_with_a_start_node_and_lists_for_its_owner(env: Env) -> None:
    client = await env.customer("cust1")
    created = await client.data(f'mutation{{createFlow(name:" 总机 "){{... on Flow{{{FLOW}}} {ERR}}}}}')
    flow = created["createFlow"]
    assert flow["name"] == "总机" and flow["revision"] == 1
    assert [n["type"] for n in flow["draft"]["nodes"]] == ["start"]
    listed = await client.data("{flows{totalCount edges{node{name}}}}")
    assert listed["flows"]["totalCount"] == 1
    blank = await client.data(f'mutation{{createFlow(name:"  "){{{ERR}}}}}')
    assert blank["createFlow"]["errors"][0]["code"] == "required"


async def test_import_refuses_documents_the_library_cannot_read_and_exports_what_it_stored(env: Env) -> None:
    client = await env.customer("cust1")
    flow = await imported(client)
    assert flow["draft"] == example("work_hours.flow.json")
    bad = await client.data(IMPORT, {"n": "坏的", "d": {"nodes": [{"id": "x", "type": "teleport"}]}})
    assert bad["importFlow"]["errors"][0]["code"] == "invalid_document"
    text = await client.data(IMPORT, {"n": "文本", "d": "{not json"})
    assert text["importFlow"]["errors"][0]["code"] == "invalid_document"
    assert await Flow.all().count() == 1


async def test_a_stale_save_is_refused_not_silently_overwriting(env: Env) -> None:
    client = await env.customer("cust1")
    flow = await imported(client)
    first = dict(flow["draft"], name="甲的修改")
    second = dict(flow["draft"], name="乙的修改")
    saved = await client.data(SAVE, {"id": flow["id"], "d": first, "r": flow["revision"]})
    assert saved["saveFlowDraft"]["revision"] == flow["revision"] + 1
    stale = await client.data(SAVE, {"id": flow["id"], "d": second, "r": flow["revision"]})
    assert stale["saveFlowDraft"]["errors"][0]["code"] == "conflict"
    current = await client.data("query($id:ID!){flow(id:$id){revision draft}}", {"id": flow["id"]})
    assert current["flow"]["draft"]["name"] == "甲的修改"


async def test_two_concurrent_saves_from_the_same_base_exactly_one_wins(env: Env) -> None:
    client = await env.customer("cust1")
    flow = await imported(client)
    variables = [{"id": flow["id"], "d": dict(flow["draft"], name=f"编辑{i}"), "r": 1} for i in range(4)]
    results = await asyncio.gather(*(client.data(SAVE, v) for v in variables))
    won = [r for r in results if "revision" in r["saveFlowDraft"]]
    assert len(won) == 1
    assert (await Flow.get(id=int(flow["id"]))).revision == 2


async def test_validate_returns_the_library_diagnostics(env: Env) -> None:
    client = await env.customer("cust1")
    document = simple_document(
        dial("short", "13912345678", 10),
        edges=[
            {"id": "e1", "source": "start", "exit": "next", "target": "d"},
            {"id": "e2", "source": "d", "exit": "no_answer", "target": "nowhere"},
        ],
    )
    flow = (await client.data(IMPORT, {"n": "x", "d": document}))["importFlow"]
    found = await client.data(
        "query($id:ID!){validateFlow(id:$id){code severity message nodeId edgeId}}", {"id": flow["id"]}
    )
    codes = {(d["code"], d["severity"]) for d in found["validateFlow"]}
    assert ("edge_dangling", "error") in codes
    assert ("unreachable_node", "warning") in codes
    dangling = next(d for d in found["validateFlow"] if d["code"] == "edge_dangling")
    assert dangling["edgeId"] == "e2" and "\u4e00" <= dangling["message"][0] <= "\u9fff"


async def test_publishing_with_errors_is_refused_and_creates_no_version(env: Env) -> None:
    client = await env.customer("cust1")
    document = simple_document(edges=[{"id": "e1", "source": "start", "exit": "next", "target": "gone"}])
    flow = (await client.data(IMPORT, {"n": "x", "d": document}))["importFlow"]
    refused = await client.data(PUBLISH, {"id": flow["id"], "m": "试试"})
    assert "edge_dangling" in {e["code"] for e in refused["publishFlow"]["errors"]}
    versions = await client.data("query($f:ID!){flowVersions(flowId:$f){totalCount}}", {"f": flow["id"]})
    assert versions["flowVersions"]["totalCount"] == 0


async def test_publish_refuses_unknown_prompts_and_unapproved_ringbacks_but_not_text_to_speech(
    env: Env,
) -> None:
    client = await env.customer("cust1")
    welcome = {"id": "welcome", "type": "play", "props": {"prompt": {"prompt": "welcome-2024"}}}
    document = simple_document(welcome)
    document["nodes"][1]["props"]["ringback"] = {"prompt": "ringback-1"}
    document["edges"] = [
        {"id": "e1", "source": "start", "exit": "next", "target": "welcome"},
        {"id": "e2", "source": "welcome", "exit": "next", "target": "d"},
    ]
    flow = (await client.data(IMPORT, {"n": "x", "d": document}))["importFlow"]
    refused = await client.data(PUBLISH, {"id": flow["id"], "m": ""})
    codes = {e["code"]: e["field"] for e in refused["publishFlow"]["errors"]}
    assert codes == {"prompt_missing": "node:welcome", "ringback_not_approved": "node:d"}
    menu = example("menu.flow.json")
    # Text-to-speech played as early media is a ringback tone (彩铃): it too needs content review (R16).
    as_ringback = (await client.data(IMPORT, {"n": "导航", "d": menu}))["importFlow"]
    refused = await client.data(PUBLISH, {"id": as_ringback["id"], "m": ""})
    assert [e["code"] for e in refused["publishFlow"]["errors"]] == ["ringback_not_approved"]
    menu["nodes"][1]["props"]["early_media"] = False
    tts = (await client.data(IMPORT, {"n": "导航", "d": menu}))["importFlow"]
    published = await client.data(PUBLISH, {"id": tts["id"], "m": "语音导航上线"})
    assert published["publishFlow"]["version"] == 1


async def test_versions_are_numbered_immutable_and_diffable(env: Env) -> None:
    client = await env.customer("cust1")
    flow = await imported(client)
    v1 = (await client.data(PUBLISH, {"id": flow["id"], "m": "第一版"}))["publishFlow"]
    draft = flow["draft"]
    draft["nodes"] = [n for n in draft["nodes"] if n["id"] != "voicemail"]
    draft["nodes"].append(dial("backup", "18612345678", 55))
    draft["nodes"][0]["position"] = {"x": 999, "y": 999}  # moving a node is not a change
    for node in draft["nodes"]:
        if node["id"] == "mobile":
            node["props"]["destinations"][0]["wait_s"] = 60
    draft["edges"] = [e for e in draft["edges"] if e["target"] != "voicemail" and e["source"] != "voicemail"]
    draft["edges"].append({"id": "e20", "source": "mobile", "exit": "no_answer", "target": "backup"})
    await client.data(SAVE, {"id": flow["id"], "d": draft, "r": flow["revision"]})
    v2 = (await client.data(PUBLISH, {"id": flow["id"], "m": "第二版"}))["publishFlow"]
    assert (v1["version"], v2["version"]) == (1, 2)
    assert v1["document"] == example("work_hours.flow.json")  # the old version did not change
    diff = await client.data(
        "query($a:ID!,$b:ID!){flowDiff(fromVersionId:$a,toVersionId:$b){... on FlowDiff{"
        "nodesAdded nodesRemoved nodesChanged edgesAdded edgesRemoved edgesChanged testsChanged}}}",
        {"a": v1["id"], "b": v2["id"]},
    )
    assert diff["flowDiff"] == {
        "nodesAdded": ["backup"],
        "nodesRemoved": ["voicemail"],
        "nodesChanged": ["mobile"],
        "edgesAdded": ["e20"],
        "edgesRemoved": ["e10", "e4", "e5", "e6", "e7", "e8", "e9"],
        "edgesChanged": [],
        "testsChanged": False,
    }
    listed = await client.data(
        "query($f:ID!){flowVersions(flowId:$f){totalCount edges{node{version message publishedBy}}}}",
        {"f": flow["id"]},
    )
    assert [e["node"] for e in listed["flowVersions"]["edges"]] == [
        {"version": 1, "message": "第一版", "publishedBy": "cust1"},
        {"version": 2, "message": "第二版", "publishedBy": "cust1"},
    ]


async def test_copy_and_rename(env: Env) -> None:
    client = await env.customer("cust1")
    flow = await imported(client)
    copy = await client.data(
        f'mutation($id:ID!){{copyFlow(id:$id,name:"副本"){{... on Flow{{{FLOW}}} {ERR}}}}}',
        {"id": flow["id"]},
    )
    assert copy["copyFlow"]["draft"] == flow["draft"] and copy["copyFlow"]["id"] != flow["id"]
    renamed = await client.data(
        f'mutation($id:ID!){{renameFlow(id:$id,name:"新名字"){{... on Flow{{name}} {ERR}}}}}',
        {"id": flow["id"]},
    )
    assert renamed["renameFlow"] == {"name": "新名字"}


async def test_delete_is_refused_while_a_number_uses_the_flow(env: Env) -> None:
    client = await env.customer("cust1")
    number_id = await active_number(client)
    used = await imported(client)
    publish_to = "mutation($id:ID!,$n:[ID!]){publishFlow(id:$id,numberIds:$n){__typename}}"
    await client.data(publish_to, {"id": used["id"], "n": [number_id]})
    flow_id = used["id"]
    delete = f"mutation($id:ID!){{deleteFlow(id:$id){{... on DeletedFlow{{id}} {ERR}}}}}"
    refused = await client.data(delete, {"id": flow_id})
    assert refused["deleteFlow"]["errors"][0]["code"] == "flow_in_use"
    unused = await imported(client)
    await client.data(PUBLISH, {"id": unused["id"], "m": ""})
    assert (await client.data(delete, {"id": unused["id"]}))["deleteFlow"] == {"id": unused["id"]}
    assert await Flow.filter(id=int(unused["id"])).count() == 0
    assert await Flow.filter(id=int(flow_id)).count() == 1


async def test_stored_test_cases_run_and_name_the_failure(env: Env) -> None:
    client = await env.customer("cust1")
    flow = await imported(client)
    run = "query($f:ID!){runFlowTests(flowId:$f){... on FlowTestRun{passed failed results{name passed message}}}}"
    assert (await client.data(run, {"f": flow["id"]}))["runFlowTests"]["failed"] == 0
    draft = flow["draft"]
    draft["tests"][1]["expect"]["rings"] = ["13800000000"]
    await client.data(SAVE, {"id": flow["id"], "d": draft, "r": flow["revision"]})
    result = (await client.data(run, {"f": flow["id"]}))["runFlowTests"]
    assert (result["passed"], result["failed"]) == (2, 1)
    failed = next(r for r in result["results"] if not r["passed"])
    assert "13800000000" in failed["message"]


async def test_simulate_a_menu_draft_with_keys(env: Env) -> None:
    client = await env.customer("cust1")
    flow = await imported(client, "menu.flow.json")
    body = await client.data(
        "query($f:ID!,$c:SimulatedCallInput!){simulateFlow(flowId:$f,call:$c){... on Simulation{"
        f"outcome path answeredBy rings{{number}}}} {ERR}}}}}",
        {"f": flow["id"], "c": {"digits": "2", "phones": [{"number": "18612345678", "state": "answer"}]}},
    )
    result = body["simulateFlow"]
    assert result["path"][:3] == ["start", "welcome", "menu"]
    assert result["outcome"] == "answered" and result["answeredBy"] == "18612345678"
    bad = await client.data(
        f'query($f:ID!){{simulateFlow(flowId:$f,call:{{category:"satellite"}}){{{ERR}}}}}', {"f": flow["id"]}
    )
    assert bad["simulateFlow"]["errors"][0]["code"] == "invalid_call"


async def test_publishing_to_numbers_is_all_or_nothing(env: Env) -> None:
    client = await env.customer("acme")
    in_service = await active_number(client, "4006228300")
    not_yet = await active_number(client, "4006228301")
    await Number.filter(id=int(not_yet)).update(status=NumberStatus.RESERVED)
    flow = await imported(client)
    publish = f"""mutation($id:ID!,$n:[ID!]){{publishFlow(id:$id,message:"v",numberIds:$n){{
      ... on FlowVersion{{version}} {ERR}}}}}"""
    first = await client.data(publish, {"id": flow["id"], "n": [in_service]})
    assert first["publishFlow"] == {"version": 1}
    refused = await client.data(publish, {"id": flow["id"], "n": [in_service, not_yet]})
    assert refused["publishFlow"]["errors"][0]["code"] == "number_not_in_service"
    assert await FlowVersion.filter(flow_id=int(flow["id"])).count() == 1
    routing = await NumberRouting.get(number_id=int(in_service)).prefetch_related("flow_version")
    assert routing.flow_version is not None and routing.flow_version.version == 1


async def test_the_area_picker_lists_area_codes_by_province_and_city(env: Env) -> None:
    client = await env.customer("cust1")
    areas = (await client.data("{flowAreas{province city code}}"))["flowAreas"]
    assert {"province": "广东", "city": "广州", "code": "020"} in areas
    assert {"province": "北京", "city": "北京", "code": "010"} in areas
    assert len({a["code"] for a in areas}) == len(areas) > 300
    anonymous = await env.anonymous().gql("{flowAreas{code}}")
    assert anonymous["data"] is None and anonymous["errors"]
