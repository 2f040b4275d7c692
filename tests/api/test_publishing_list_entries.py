"""R15 through the API: a designed flow's caller list with an entry no caller can match is not published,
yet a version published before that rule keeps running when holidays, suspensions and settings recompile
the plans of the numbers on it."""

from __future__ import annotations

import json
from typing import Any

from api.flows.models import FlowVersion
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus
from api.plans import pipeline
from api.routing.models import CompiledPlan, NumberRouting
from tests.api.routing_support import ERR, WHAT_HAPPENS, active_number
from tests.api.support import Client, Env

UNMATCHABLE = "01912345678"
REFUSAL = "名单号码“01912345678”不会匹配任何来电:没有以019开头的区号;手机号请直接填写,不加0"
WEEKDAY_10 = "2026-03-04T10:00:00+08:00"

IMPORT = (
    f"mutation($n:String!,$d:JSON!){{importFlow(name:$n,document:$d){{... on Flow{{id revision}} {ERR}}}}}"
)
SAVE = f"""mutation($id:ID!,$d:JSON!,$r:Int!){{saveFlowDraft(id:$id,document:$d,baseRevision:$r){{
  ... on Flow{{revision}} {ERR}}}}}"""
PUBLISH = f"""mutation($id:ID!,$n:[ID!]){{publishFlow(id:$id,message:"贵宾名单",numberIds:$n){{
  ... on FlowVersion{{id version}} {ERR}}}}}"""
VALIDATE = "query($id:ID!,$v:ID,$d:JSON){validateFlow(id:$id,versionId:$v,document:$d){code severity message nodeId}}"
SWITCH = f"""mutation($n:ID!,$v:ID!){{setNumberFlowVersion(numberId:$n,versionId:$v){{
  ... on NumberRouting{{flowVersionId}} {ERR}}}}}"""
SET_LIST = f"""mutation($n:ID!,$t:String!){{setCallerList(numberId:$n,mode:BLACK,text:$t){{
  ... on NumberRouting{{flowVersionId}} {ERR}}}}}"""


def vip_flow(entries: list[str]) -> dict[str, Any]:
    """贵宾名单: callers on the list hear a greeting; everybody else is put through to the office in
    working hours (holidays observed, R13) and told it is closed otherwise."""
    return {
        "format_version": 1,
        "id": "vip",
        "name": "贵宾名单",
        "nodes": [
            {"id": "start", "type": "start", "position": {"x": 0, "y": 0}},
            {
                "id": "vip-list",
                "type": "caller_list",
                "label": "贵宾名单",
                "position": {"x": 200, "y": 0},
                "props": {"entries": entries},
            },
            {
                "id": "vip",
                "type": "play",
                "position": {"x": 400, "y": -100},
                "props": {"prompt": {"tts": "贵宾您好"}},
            },
            {
                "id": "hours",
                "type": "time_switch",
                "position": {"x": 400, "y": 100},
                "props": {
                    "schedule": {
                        "windows": [{"days": [1, 2, 3, 4, 5], "start": "08:30", "end": "17:30"}],
                        "observe_holidays": True,
                    }
                },
            },
            {
                "id": "closed",
                "type": "play",
                "position": {"x": 600, "y": 200},
                "props": {"prompt": {"tts": "现在是休息时间"}},
            },
            {
                "id": "office",
                "type": "dial",
                "position": {"x": 400, "y": 100},
                "props": {"destinations": [{"number": "0756-2222222", "wait_s": 55, "name": "办公室"}]},
            },
            {"id": "bye", "type": "hangup", "position": {"x": 600, "y": 0}},
        ],
        "edges": [
            {"id": "e1", "source": "start", "exit": "next", "target": "vip-list"},
            {"id": "e2", "source": "vip-list", "exit": "match", "target": "vip"},
            {"id": "e3", "source": "vip-list", "exit": "else", "target": "hours"},
            {"id": "e4", "source": "vip", "exit": "next", "target": "bye"},
            {"id": "e5", "source": "hours", "exit": "match", "target": "office"},
            {"id": "e6", "source": "hours", "exit": "else", "target": "closed"},
            {"id": "e7", "source": "closed", "exit": "next", "target": "bye"},
        ],
    }


async def imported(client: Client, entries: list[str]) -> dict[str, Any]:
    body = await client.data(IMPORT, {"n": "贵宾名单", "d": vip_flow(entries)})
    assert "id" in body["importFlow"], body
    return dict(body["importFlow"])


async def call(client: Client, number_id: str, caller: str) -> dict[str, Any]:
    """What the number's plan does with ``caller`` on Wednesday 4 March 2026 at 10:00."""
    body = await client.data(WHAT_HAPPENS, {"n": number_id, "c": {"caller": caller, "at": WEEKDAY_10}})
    return dict(body["whatHappens"])


async def heard(client: Client, number_id: str, caller: str) -> list[str]:
    return list((await call(client, number_id, caller))["heard"])


def unmatchable(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [d for d in found if d["code"] == "list_entry_unmatchable"]


async def test_a_caller_list_node_with_an_entry_no_caller_can_match_is_not_published(env: Env) -> None:
    client = await env.customer("acme")
    number_id = await active_number(client)
    flow = await imported(client, ["0755", UNMATCHABLE])

    # The editor asks about the document on its canvas (and the draft): an error, which blocks publishing.
    expected = {
        "code": "list_entry_unmatchable",
        "severity": "error",
        "message": REFUSAL,
        "nodeId": "vip-list",
    }
    for variables in ({"id": flow["id"], "d": vip_flow(["0755", UNMATCHABLE])}, {"id": flow["id"]}):
        found = (await client.data(VALIDATE, variables))["validateFlow"]
        assert unmatchable(found) == [expected]

    for numbers in ([number_id], None):
        refused = (await client.data(PUBLISH, {"id": flow["id"], "n": numbers}))["publishFlow"]
        assert refused["errors"] == [
            {"code": "list_entry_unmatchable", "field": "node:vip-list", "message": REFUSAL}
        ]
    assert await FlowVersion.all().count() == 0
    assert await NumberRouting.filter(number_id=int(number_id)).count() == 0
    assert await CompiledPlan.filter(number_id=int(number_id)).count() == 0

    # The same flow without the entry publishes: nothing else was in the way.
    await client.data(SAVE, {"id": flow["id"], "d": vip_flow(["0755"]), "r": flow["revision"]})
    published = (await client.data(PUBLISH, {"id": flow["id"], "n": [number_id]}))["publishFlow"]
    assert published["version"] == 1
    assert await heard(client, number_id, "075586661234") == ["贵宾您好"]


async def published_before_the_rule(client: Client, number_id: str) -> FlowVersion:
    """A version as publishing stored it before the rule: the unmatchable entry in its caller list."""
    flow = await imported(client, ["0755"])
    published = (await client.data(PUBLISH, {"id": flow["id"], "n": [number_id]}))["publishFlow"]
    version = await FlowVersion.get(id=int(published["id"]))
    document = json.loads(version.document)
    next(n for n in document["nodes"] if n["id"] == "vip-list")["props"]["entries"].append(UNMATCHABLE)
    version.document = json.dumps(document, ensure_ascii=False)
    await version.save(update_fields=["document"])
    return version


async def test_a_version_published_before_the_rule_keeps_compiling_and_its_number_keeps_its_plan(
    env: Env,
) -> None:
    client = await env.customer("acme")
    number_id = await active_number(client)
    version = await published_before_the_rule(client, number_id)
    before = await CompiledPlan.get(number_id=int(number_id))

    office = await call(client, number_id, "01012345678")
    assert [r["number"] for r in office["rings"]] == ["07562222222"]  # put through in working hours

    # The operator makes that Wednesday a holiday: every plan is recompiled, this one included.
    op = await env.operator()
    holiday = 'mutation{setHolidayOverride(day:"2026-03-04",workday:false,name:"调休"){__typename}}'
    assert (await op.data(holiday))["setHolidayOverride"]["__typename"] == "HolidayOverride"
    after = await CompiledPlan.get(number_id=int(number_id))
    assert after.version > before.version and "2026-03-04" in after.plan_json
    assert UNMATCHABLE not in after.plan_json  # left out: it never matched anyone
    routing = await NumberRouting.get(number_id=int(number_id))
    assert routing.flow_version_id == version.id
    assert await heard(client, number_id, "01012345678") == ["现在是休息时间"]
    assert await heard(client, number_id, "075586661234") == ["贵宾您好"]

    # The number's own settings change: recompiled from the same version, with the entry as a warning.
    changed = (await client.data(SET_LIST, {"n": number_id, "t": "0871"}))["setCallerList"]
    assert changed == {"flowVersionId": str(version.id)}
    found = (await client.data(VALIDATE, {"id": str(version.flow_id), "v": str(version.id)}))["validateFlow"]
    assert [d["severity"] for d in unmatchable(found)] == ["warning"]

    # Suspended when the balance runs out (R8), then resumed and the version put in service on the
    # number again (what a roll-back to it does): it still compiles each time.
    await Number.filter(id=int(number_id)).update(status=NumberStatus.SUSPENDED)
    assert client.user is not None and client.user.account_id is not None
    assert await pipeline.recompile_account(client.user.account_id) == 1
    assert (await CompiledPlan.get(number_id=int(number_id))).compiled_status == "suspended"
    await Number.filter(id=int(number_id)).update(status=NumberStatus.ACTIVE)
    switched = (await client.data(SWITCH, {"n": number_id, "v": str(version.id)}))["setNumberFlowVersion"]
    assert switched == {"flowVersionId": str(version.id)}
    assert await heard(client, number_id, "075586661234") == ["贵宾您好"]
