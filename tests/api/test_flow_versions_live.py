"""Which version runs where, what changed between any two versions, the simple routing form's own flow,
and putting back the designed flow the form replaced."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from api.flows.models import Flow
from tests.api.routing_support import ERR, SAVE_SIMPLE, WORK_HOURS, active_number
from tests.api.support import Client, Env
from tests.sqlcount import count_statements

EXAMPLES = Path(__file__).resolve().parents[2] / "ivr_flows" / "examples"
IMPORT = "mutation($n:String!,$d:JSON!){importFlow(name:$n,document:$d){... on Flow{id revision}}}"
PUBLISH = f"""mutation($id:ID!,$m:String!,$n:[ID!]){{publishFlow(id:$id,message:$m,numberIds:$n){{
  ... on FlowVersion{{id version flowName}} {ERR}}}}}"""
SAVE = f"""mutation($id:ID!,$d:JSON!,$r:Int!){{saveFlowDraft(id:$id,document:$d,baseRevision:$r){{
  ... on Flow{{revision}} {ERR}}}}}"""
SWITCH = f"""mutation($n:ID!,$v:ID!){{setNumberFlowVersion(numberId:$n,versionId:$v){{
  ... on NumberRouting{{flowVersionId}} {ERR}}}}}"""
FLOWS = "{flows(first:100){edges{node{id name latestVersion liveNumbers{display version versionId}}}}}"
VERSIONS = """query($f:ID!){flowVersions(flowId:$f){edges{node{version flowName
  liveNumbers{number display version}}}}}"""
DIFF = f"""query($a:ID!,$b:ID){{flowDiff(fromVersionId:$a,toVersionId:$b){{
  ... on FlowDiff{{nodesChanged changes{{kind element id field before after}} names{{id type label}}}}
  {ERR}}}}}"""
REPLACED = """query($n:ID!){numberRouting(numberId:$n){flowVersionId
  replacedFlowVersion{id version flowName}}}"""


def menu() -> dict[str, Any]:
    """The example menu, its welcome played after answering (a ringback would need review first, R16)."""
    document: dict[str, Any] = json.loads((EXAMPLES / "menu.flow.json").read_text())
    for node in document["nodes"]:
        node.get("props", {}).pop("early_media", None)
    return document


async def designed(client: Client, name: str = "客服菜单") -> dict[str, Any]:
    created = await client.data(IMPORT, {"n": name, "d": menu()})
    return dict(created["importFlow"])


async def publish(client: Client, flow_id: str, message: str = "", numbers: list[str] | None = None) -> Any:
    body = await client.data(PUBLISH, {"id": flow_id, "m": message, "n": numbers})
    return body["publishFlow"]


def first_dial(document: dict[str, Any]) -> dict[str, Any]:
    return next(n for n in document["nodes"] if n["type"] == "dial")


async def test_the_list_and_the_versions_say_which_version_runs_on_which_number(env: Env) -> None:
    client = await env.customer("acme")
    a = await active_number(client, "4006228300")
    b = await active_number(client, "4006228301")
    flow = await designed(client)
    never = await designed(client, "草稿流程")
    first = await publish(client, flow["id"], "上线", [a, b])
    second = await publish(client, flow["id"], "增加分机", [b])
    assert second["flowName"] == "客服菜单"

    listed = {f["name"]: f for f in (e["node"] for e in (await client.data(FLOWS))["flows"]["edges"])}
    assert listed["客服菜单"]["latestVersion"] == 2
    assert listed["客服菜单"]["liveNumbers"] == [
        {"display": "400-622-8300", "version": 1, "versionId": first["id"]},
        {"display": "400-622-8301", "version": 2, "versionId": second["id"]},
    ]
    assert listed["草稿流程"] == {
        "id": never["id"],
        "name": "草稿流程",
        "latestVersion": None,
        "liveNumbers": [],
    }

    versions = (await client.data(VERSIONS, {"f": flow["id"]}))["flowVersions"]["edges"]
    assert [(v["node"]["version"], v["node"]["flowName"]) for v in versions] == [
        (1, "客服菜单"),
        (2, "客服菜单"),
    ]
    assert [v["node"]["liveNumbers"] for v in versions] == [
        [{"number": "4006228300", "display": "400-622-8300", "version": 1}],
        [{"number": "4006228301", "display": "400-622-8301", "version": 2}],
    ]
    single = await client.data(
        "query($id:ID!){flowVersion(id:$id){liveNumbers{display}} flow(id:$f){liveNumbers{display}}}".replace(
            "$f", '"' + flow["id"] + '"'
        ),
        {"id": first["id"]},
    )
    assert single["flowVersion"]["liveNumbers"] == [{"display": "400-622-8300"}]
    assert len(single["flow"]["liveNumbers"]) == 2


async def test_another_customer_sees_none_of_it(env: Env) -> None:
    owner = await env.customer("owner")
    number = await active_number(owner, "4006228300")
    flow = await designed(owner)
    version = await publish(owner, flow["id"], "", [number])
    intruder = await env.customer("intruder")
    assert (await intruder.data(FLOWS))["flows"]["edges"] == []
    assert (await intruder.data(VERSIONS, {"f": flow["id"]}))["flowVersions"]["edges"] == []
    peek = await intruder.data(
        "query($id:ID!){flowVersion(id:$id){liveNumbers{display}}}", {"id": version["id"]}
    )
    assert peek["flowVersion"] is None
    mine = await designed(intruder, "我的流程")
    other = await publish(intruder, mine["id"])
    refused = (await intruder.data(DIFF, {"a": other["id"], "b": version["id"]}))["flowDiff"]
    assert refused["errors"][0]["code"] == "not_found"


async def test_any_two_versions_compare_field_by_field(env: Env) -> None:
    client = await env.customer("acme")
    flow = await designed(client)
    document = menu()
    v1 = await publish(client, flow["id"], "第一版")
    dial = first_dial(document)
    old_wait = dial["props"]["destinations"][0]["wait_s"]
    dial["props"]["destinations"][0]["wait_s"] = old_wait + 10
    dial["label"] = "人工客服"
    dial["position"] = {"x": 999, "y": 999}  # moving a node is no change
    saved = await client.data(SAVE, {"id": flow["id"], "d": document, "r": flow["revision"]})
    v2 = await publish(client, flow["id"], "等待更久")
    document["edges"] = document["edges"][1:]
    await client.data(SAVE, {"id": flow["id"], "d": document, "r": saved["saveFlowDraft"]["revision"]})

    between = (await client.data(DIFF, {"a": v1["id"], "b": v2["id"]}))["flowDiff"]
    assert between["nodesChanged"] == [dial["id"]]
    by_field = {c["field"]: c for c in between["changes"]}
    assert set(by_field) == {"label", "props.destinations"}
    assert by_field["props.destinations"]["kind"] == "CHANGED"
    assert by_field["props.destinations"]["element"] == "NODE"
    assert by_field["props.destinations"]["before"][0]["wait_s"] == old_wait
    assert by_field["props.destinations"]["after"][0]["wait_s"] == old_wait + 10
    assert by_field["label"]["after"] == "人工客服"
    assert {"id": dial["id"], "type": "dial", "label": "人工客服"} in between["names"]

    backwards = (await client.data(DIFF, {"a": v2["id"], "b": v1["id"]}))["flowDiff"]
    assert {c["field"]: c["after"] for c in backwards["changes"]}["label"] == by_field["label"]["before"]

    to_draft = (await client.data(DIFF, {"a": v2["id"], "b": None}))["flowDiff"]
    removed = menu()["edges"][0]
    assert to_draft["changes"] == [
        {
            "kind": "REMOVED",
            "element": "EDGE",
            "id": removed["id"],
            "field": None,
            "before": removed,
            "after": None,
        }
    ]

    other = await designed(client, "另一个流程")
    elsewhere = await publish(client, other["id"])
    refused = (await client.data(DIFF, {"a": v1["id"], "b": elsewhere["id"]}))["flowDiff"]
    assert refused["errors"] == [
        {"code": "different_flows", "field": "toVersionId", "message": "只能对比同一流程的版本"}
    ]


async def test_the_simple_routing_flow_is_the_forms_own(env: Env) -> None:
    client = await env.customer("acme")
    number = await active_number(client)
    saved = (await client.data(SAVE_SIMPLE, {"n": number, "s": WORK_HOURS}))["saveSimpleRouting"]
    flow_id = saved["version"]["flowId"]
    assert (await Flow.get(id=int(flow_id))).name == "简单路由 400-622-8300"
    mine = await designed(client)

    listed = [e["node"]["id"] for e in (await client.data(FLOWS))["flows"]["edges"]]
    assert listed == [mine["id"]]
    assert (await client.data("query($id:ID!){flow(id:$id){id}}", {"id": flow_id}))["flow"] is None

    message = "该流程由号码的简单设置自动生成,不能单独修改;请在“我的号码”中修改该号码的简单设置"
    refusals = {
        "renameFlow": (f'mutation($id:ID!){{renameFlow(id:$id,name:"改名"){{... on Flow{{id}} {ERR}}}}}', {}),
        "deleteFlow": (f"mutation($id:ID!){{deleteFlow(id:$id){{... on DeletedFlow{{id}} {ERR}}}}}", {}),
        "saveFlowDraft": (SAVE, {"d": menu(), "r": 1}),
        "publishFlow": (PUBLISH, {"m": "", "n": None}),
    }
    for field, (mutation, extra) in refusals.items():
        body = await client.data(mutation, {"id": flow_id, **extra})
        assert body[field]["errors"] == [{"code": "internal_flow", "field": "id", "message": message}], field
    stored = await Flow.get(id=int(flow_id))
    assert (stored.name, stored.revision) == ("简单路由 400-622-8300", 1)

    # Saving the form again still works: it is the only way to change that flow.
    again = (await client.data(SAVE_SIMPLE, {"n": number, "s": WORK_HOURS}))["saveSimpleRouting"]
    assert again["version"]["flowId"] == flow_id
    assert again["version"]["version"] == 2


async def test_the_flow_simple_routing_replaced_can_be_put_back(env: Env) -> None:
    client = await env.customer("acme")
    number = await active_number(client)
    flow = await designed(client)
    v1 = await publish(client, flow["id"], "", [number])
    v2 = await publish(client, flow["id"], "", [number])
    before = (await client.data(REPLACED, {"n": number}))["numberRouting"]
    assert before == {"flowVersionId": v2["id"], "replacedFlowVersion": None}

    await client.data(SAVE_SIMPLE, {"n": number, "s": WORK_HOURS})
    after = (await client.data(REPLACED, {"n": number}))["numberRouting"]
    assert after["replacedFlowVersion"] == {"id": v2["id"], "version": 2, "flowName": "客服菜单"}
    # Saving the form again while it runs keeps what it first replaced.
    await client.data(SAVE_SIMPLE, {"n": number, "s": WORK_HOURS})
    again = (await client.data(REPLACED, {"n": number}))["numberRouting"]
    assert again["replacedFlowVersion"]["id"] == v2["id"]

    put_back = await client.data(SWITCH, {"n": number, "v": v2["id"]})
    assert put_back["setNumberFlowVersion"] == {"flowVersionId": v2["id"]}
    restored = (await client.data(REPLACED, {"n": number}))["numberRouting"]
    assert restored == {"flowVersionId": v2["id"], "replacedFlowVersion": None}

    # Another customer learns nothing of it, even through the number's routing.
    intruder = await env.customer("intruder")
    assert (await intruder.data(REPLACED, {"n": number}))["numberRouting"] is None
    assert v1["version"] == 1


async def test_writing_out_defaults_is_no_change(env: Env) -> None:
    """The editor saves `tests: []`, empty labels and default settings an imported file left out."""
    client = await env.customer("acme")
    untested = {k: v for k, v in menu().items() if k != "tests"}
    flow = (await client.data(IMPORT, {"n": "无测试用例", "d": untested}))["importFlow"]
    version = await publish(client, flow["id"])
    document = {**untested, "tests": []}
    for node in document["nodes"]:
        node.setdefault("label", "")
        if node["type"] == "dial":
            node["props"].setdefault("strategy", "sequential")
            node["props"].setdefault("record", False)
    await client.data(SAVE, {"id": flow["id"], "d": document, "r": flow["revision"]})
    diff = (await client.data(DIFF, {"a": version["id"], "b": None}))["flowDiff"]
    assert diff["changes"] == []
    assert diff["nodesChanged"] == []


async def test_what_runs_where_costs_the_same_for_a_long_list(env: Env) -> None:
    """The flow list and a flow's versions load their live numbers once per page, never once per row."""
    client = await env.customer("acme")
    numbers = [await active_number(client, f"400622830{i}") for i in range(3)]
    flows = [await designed(client, f"流程{i}") for i in range(12)]
    for i, flow in enumerate(flows):
        await publish(client, flow["id"], "", [numbers[i % 3]])
        await publish(client, flow["id"])
    list_page = "query($n:Int!){flows(first:$n){edges{node{name latestVersion liveNumbers{display}}}}}"
    versions = (
        "query($f:ID!,$n:Int!){flowVersions(flowId:$f,first:$n){edges{node{flowName liveNumbers{display}}}}}"
    )

    async def statements(query: str, variables: dict[str, Any]) -> int:
        with count_statements() as counter:
            await client.data(query, variables)
        return counter.count

    assert await statements(list_page, {"n": 2}) == await statements(list_page, {"n": 12})
    last = flows[-1]["id"]
    assert await statements(versions, {"f": last, "n": 1}) == await statements(versions, {"f": last, "n": 2})
