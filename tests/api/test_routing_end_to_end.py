"""The issue's "done means": work-hours routing with a blacklist and an area restriction, through GraphQL.

A customer sets up the provider FAQ's routing (weekdays 08:30–17:30 and Saturday 08:30–12:00 to the office
landline, other times to the duty mobile), blacklists a caller, refuses an area, simulates a Saturday
13:00 call from the refused area and from an ordinary one, edits and publishes a new version, rolls back;
the telephony token fetches the compiled plan and may do nothing else; another customer sees none of it.
"""

from __future__ import annotations

import json

import ivr_flows
from tests.api.routing_support import (
    ERR,
    SAVE_SIMPLE,
    SIMULATION,
    WHAT_HAPPENS,
    WORK_HOURS,
    active_number,
    service_token,
    telephony,
)
from tests.api.support import Env

SATURDAY_1300 = "2026-03-07T13:00:00+08:00"
BEIJING = "01062345678"  # refused area 010
GUANGZHOU = "02083334444"


async def test_work_hours_routing_from_setup_to_telephony(env: Env) -> None:
    customer = await env.customer("zhuhai")
    number_id = await active_number(customer)

    saved = (await customer.data(SAVE_SIMPLE, {"n": number_id, "s": WORK_HOURS}))["saveSimpleRouting"]
    assert saved["version"]["version"] == 1
    v1 = saved["version"]["id"]
    flow_id = saved["version"]["flowId"]
    listed = await customer.data(
        f'mutation($n:ID!){{setCallerList(numberId:$n,mode:BLACK,text:"13900001111\\n0571"){{... on NumberRouting{{listMode listEntries}} {ERR}}}}}',
        {"n": number_id},
    )
    assert listed["setCallerList"] == {"listMode": "BLACK", "listEntries": ["13900001111", "0571"]}
    areas = await customer.data(
        f'mutation($n:ID!){{setAreaRestrictions(numberId:$n,refused:["010"]){{... on NumberRouting{{refusedAreas planVersion}} {ERR}}}}}',
        {"n": number_id},
    )
    assert areas["setAreaRestrictions"]["refusedAreas"] == ["010"]

    async def what(caller: str, phones: list[dict[str, object]] | None = None) -> dict[str, object]:
        call = {"caller": caller, "category": "office", "at": SATURDAY_1300, "phones": phones or []}
        return (await customer.data(WHAT_HAPPENS, {"n": number_id, "c": call}))["whatHappens"]

    refused = await what(BEIJING)
    assert refused["outcome"] == "rejected"
    assert refused["heard"] == ["对不起,您要的电话忙!"]
    assert refused["rings"] == []
    blacklisted = await what("13900001111")
    assert blacklisted["heard"] == ["您无权拨打该号码"]
    normal = await what(GUANGZHOU)
    assert normal["callerAreaCode"] == "020"
    assert normal["path"] == ["start", "hours", "after_hours"]
    assert [(r["number"], r["durationS"]) for r in normal["rings"]] == [("15612345678", 55.0)]
    assert normal["heard"] == ["您要的电话忙"]  # nobody answers and nothing follows (R10)

    # A designer copies the generated flow (the form's own), lets the duty mobile ring 30 s in the copy,
    # and tries it on the draft.
    copied = await customer.data(
        f'mutation($id:ID!){{copyFlow(id:$id,name:"值班安排"){{... on Flow{{id}} {ERR}}}}}', {"id": flow_id}
    )
    flow_id = copied["copyFlow"]["id"]
    flow = (await customer.data("query($id:ID!){flow(id:$id){revision draft}}", {"id": flow_id}))["flow"]
    draft = flow["draft"]
    after_hours = next(n for n in draft["nodes"] if n["id"] == "after_hours")
    after_hours["props"]["destinations"][0]["wait_s"] = 30
    saved_draft = await customer.data(
        f"mutation($id:ID!,$d:JSON!,$r:Int!){{saveFlowDraft(id:$id,document:$d,baseRevision:$r){{... on Flow{{revision}} {ERR}}}}}",
        {"id": flow_id, "d": draft, "r": flow["revision"]},
    )
    assert saved_draft["saveFlowDraft"]["revision"] == flow["revision"] + 1
    simulated = await customer.data(
        f"""query($f:ID!,$n:ID!,$c:SimulatedCallInput!){{
          fromBeijing: simulateFlow(flowId:$f,numberId:$n,call:{{caller:"{BEIJING}",at:"{SATURDAY_1300}"}}){{... on Simulation{{{SIMULATION}}} {ERR}}}
          normal: simulateFlow(flowId:$f,numberId:$n,call:$c){{... on Simulation{{{SIMULATION}}} {ERR}}}}}""",
        {"f": flow_id, "n": number_id, "c": {"caller": GUANGZHOU, "at": SATURDAY_1300}},
    )
    assert simulated["fromBeijing"]["heard"] == ["对不起,您要的电话忙!"]
    assert [(r["number"], r["durationS"]) for r in simulated["normal"]["rings"]] == [("15612345678", 30.0)]

    published = await customer.data(
        f'mutation($id:ID!,$n:[ID!]){{publishFlow(id:$id,message:"值班手机响30秒",numberIds:$n){{... on FlowVersion{{id version}} {ERR}}}}}',
        {"id": flow_id, "n": [number_id]},
    )
    assert published["publishFlow"]["version"] == 1
    assert (await what(GUANGZHOU))["rings"][0]["durationS"] == 30.0

    secret = await service_token(env)
    phone = telephony(env, secret)
    http = env.client(authorization=f"Bearer {secret}")
    plan_v2 = await http.get("/telephony/plans/400-622-8300")
    assert json.loads(plan_v2.content)["number"] == "4006228300"
    assert "[hotline-4006228300]" in ivr_flows.render_asterisk(ivr_flows.Dialplan.from_json(plan_v2.content))

    rolled_back = await customer.data(
        f"mutation($n:ID!,$v:ID!){{setNumberFlowVersion(numberId:$n,versionId:$v){{... on NumberRouting{{flowVersionId planVersion planEtag}} {ERR}}}}}",
        {"n": number_id, "v": v1},
    )
    assert rolled_back["setNumberFlowVersion"]["flowVersionId"] == v1
    assert (await what(GUANGZHOU))["rings"][0]["durationS"] == 55.0

    # The telephony layer sees the new plan version, with ETags over HTTP.
    plan_v1 = await http.get(
        "/telephony/plans/4006228300", headers={"If-None-Match": plan_v2.headers["etag"]}
    )
    assert plan_v1.status_code == 200
    assert int(plan_v1.headers["x-plan-version"]) > int(plan_v2.headers["x-plan-version"])
    etag_v1 = plan_v1.headers["etag"]
    assert etag_v1 == rolled_back["setNumberFlowVersion"]["planEtag"] != plan_v2.headers["etag"]
    assert ivr_flows.Dialplan.from_json(plan_v1.content).etag == etag_v1
    unchanged = await http.get("/telephony/plans/4006228300", headers={"If-None-Match": etag_v1})
    assert unchanged.status_code == 304
    assert unchanged.content == b""

    # The telephony token may do nothing else.
    for query, variables in (
        ("query($n:ID!){numberRouting(numberId:$n){listEntries}}", {"n": number_id}),
        ("{flows{totalCount}}", {}),
        ("query($f:ID!){flow(id:$f){name}}", {"f": flow_id}),
        (
            "query($n:ID!,$c:SimulatedCallInput!){whatHappens(numberId:$n,call:$c){__typename}}",
            {"n": number_id, "c": {}},
        ),
        (
            "mutation($n:ID!,$v:ID!){setNumberFlowVersion(numberId:$n,versionId:$v){__typename}}",
            {"n": number_id, "v": v1},
        ),
        ('mutation{createFlow(name:"x"){__typename}}', {}),
        ("{numbers{totalCount}}", {}),
    ):
        body = await phone.gql(query, variables)
        assert body["data"] is None or all(v is None for v in body["data"].values()), body
        assert body["errors"][0]["message"] == "话务系统令牌不能执行此操作", body

    # Another customer sees none of it, whatever ids they send.
    other = await env.customer("intruder")
    seen = await other.data(
        f"""query($n:ID!,$f:ID!,$v:ID!,$c:SimulatedCallInput!){{
          numberRouting(numberId:$n){{listEntries}} flow(id:$f){{name}} flowVersion(id:$v){{version}}
          flows{{totalCount}} flowVersions(flowId:$f){{totalCount}}
          whatHappens(numberId:$n,call:$c){{{ERR}}}
          simulateFlow(flowId:$f,call:$c){{{ERR}}}}}""",
        {"n": number_id, "f": flow_id, "v": v1, "c": {"caller": GUANGZHOU}},
    )
    assert seen["numberRouting"] is None and seen["flow"] is None and seen["flowVersion"] is None
    assert seen["flows"]["totalCount"] == 0 and seen["flowVersions"]["totalCount"] == 0
    assert seen["whatHappens"]["errors"][0]["code"] == "not_found"
    assert seen["simulateFlow"]["errors"][0]["code"] == "not_found"
    assert (await other.http.get("/telephony/plans/4006228300")).status_code == 401  # a session is no token
