"""Routing settings of a number: categories (R9), black/white list (R15), areas (R14), lines (R12), simple
routing (R10, R11, R13, R17, R18) and "what happens if"."""

from __future__ import annotations

from typing import Any

from api.flows.drafts import numbers_using
from api.flows.models import Flow
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus
from api.routing.models import NumberRouting
from tests.api.billing_support import account_of, recharge
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
from tests.api.support import Client, Env

ROUTING = "listMode listEntries allowedCategories allowedAreas refusedAreas package extraLines maxLines planVersion planEtag"
WEEKDAY_10 = "2026-03-04T10:00:00+08:00"


async def setup(env: Env, settings: dict[str, Any] | None = None) -> tuple[Client, str]:
    client = await env.customer("owner")
    number_id = await active_number(client)
    saved = await client.data(SAVE_SIMPLE, {"n": number_id, "s": settings or WORK_HOURS})
    assert "version" in saved["saveSimpleRouting"], saved
    return client, number_id


async def what(client: Client, number_id: str, **call: Any) -> dict[str, Any]:
    return (await client.data(WHAT_HAPPENS, {"n": number_id, "c": call}))["whatHappens"]


def mutation(name: str, args: str) -> str:
    return f"mutation($n:ID!){{{name}(numberId:$n,{args}){{... on NumberRouting{{{ROUTING}}} {ERR}}}}}"


async def test_defaults_before_anything_is_set(env: Env) -> None:
    client = await env.customer("owner")
    number_id = await active_number(client)
    body = await client.data(f"query($n:ID!){{numberRouting(numberId:$n){{{ROUTING}}}}}", {"n": number_id})
    assert body["numberRouting"] == {
        "listMode": "OFF",
        "listEntries": [],
        "allowedCategories": ["office", "residential", "pbx", "did", "mobile", "unknown"],
        "allowedAreas": [],
        "refusedAreas": [],
        "package": "SWITCHBOARD",
        "extraLines": 0,
        "maxLines": 10,
        "planVersion": None,
        "planEtag": None,
    }
    no_plan = await what(client, number_id)
    assert no_plan["errors"][0]["code"] == "no_plan"


async def test_caller_categories_never_admit_campus_voip_or_payphones(env: Env) -> None:
    client, number_id = await setup(env)
    refused = await client.data(
        mutation("setCallerCategories", 'categories:["mobile","voip"]'), {"n": number_id}
    )
    assert [(e["code"], e["field"]) for e in refused["setCallerCategories"]["errors"]] == [
        ("category_not_allowed", "categories")
    ]
    assert "网络电话" in refused["setCallerCategories"]["errors"][0]["message"]
    only_mobiles = await client.data(
        mutation("setCallerCategories", 'categories:["mobile"]'), {"n": number_id}
    )
    assert only_mobiles["setCallerCategories"]["allowedCategories"] == ["mobile"]
    office = await what(client, number_id, caller="02083334444", category="office", at=WEEKDAY_10)
    assert office["outcome"] == "rejected"
    assert office["heard"] == ["对不起,您使用的电话暂不能拨打该号码"]


async def test_list_import_checks_every_line_and_saves_all_or_nothing(env: Env) -> None:
    client, number_id = await setup(env)
    good = [f"1391234{i:04d}" for i in range(300)]
    bad_text = "\n".join([*good[:149], "5678", *good[149:], "abc"])
    refused = await client.data(
        "mutation($n:ID!,$t:String!){setCallerList(numberId:$n,mode:BLACK,text:$t){... on UserErrors{errors{code field message}}}}",
        {"n": number_id, "t": bad_text},
    )
    errors = refused["setCallerList"]["errors"]
    assert [e["code"] for e in errors] == ["list_entry_invalid", "list_entry_invalid"]
    assert errors[0]["message"].startswith("第150行“5678”") and errors[1]["message"].startswith(
        "第302行“abc”"
    )
    assert (await NumberRouting.get(number_id=int(number_id))).list_entries == []
    saved = await client.data(
        "mutation($n:ID!,$t:String!){setCallerList(numberId:$n,mode:BLACK,text:$t){... on NumberRouting{listEntries}}}",
        {"n": number_id, "t": "\n".join(good)},
    )
    assert saved["setCallerList"]["listEntries"] == good
    added = await client.data(
        mutation("addCallerListEntries", 'text:"+86 139 1234 0000\\n0571, 021"'), {"n": number_id}
    )
    assert added["addCallerListEntries"]["listEntries"][-3:] == [good[-1], "0571", "021"]
    assert len(added["addCallerListEntries"]["listEntries"]) == 302
    hangzhou = await what(client, number_id, caller="057188889999", at=WEEKDAY_10)
    assert hangzhou["heard"] == ["您无权拨打该号码"]


async def test_a_mobile_typed_with_a_leading_zero_is_refused_naming_the_mobile(env: Env) -> None:
    client, number_id = await setup(env)
    for name, args in (
        ("setCallerList", 'mode:BLACK,text:"13900001111\\n013800138000"'),
        ("addCallerListEntries", 'text:"0138-0013-8000"'),
    ):
        refused = await client.data(mutation(name, args), {"n": number_id})
        errors = refused[name]["errors"]
        assert [(e["code"], e["field"]) for e in errors] == [("list_entry_mobile_zero", "text")]
        assert "手机号前不用加0" in errors[0]["message"] and "13800138000" in errors[0]["message"]
    routing = await NumberRouting.get(number_id=int(number_id))
    assert routing.list_entries == []
    saved = await client.data(mutation("setCallerList", 'mode:BLACK,text:"13800138000"'), {"n": number_id})
    assert saved["setCallerList"]["listEntries"] == ["13800138000"]
    assert (await what(client, number_id, caller="13800138000", at=WEEKDAY_10))["heard"] == [
        "您无权拨打该号码"
    ]


async def test_white_list_lets_only_listed_callers_through(env: Env) -> None:
    client, number_id = await setup(env)
    await client.data(mutation("setCallerList", 'mode:WHITE,text:"020"'), {"n": number_id})
    assert (await what(client, number_id, caller="02083334444", at=WEEKDAY_10))["rings"]
    outsider = await what(client, number_id, caller="13812345678", at=WEEKDAY_10)
    assert outsider["heard"] == ["您无权拨打该号码"] and outsider["rings"] == []


async def test_areas_by_code_province_or_city_and_unknown_names_are_refused(env: Env) -> None:
    client, number_id = await setup(env)
    unknown = await client.data(mutation("setAreaRestrictions", 'refused:["火星","北京"]'), {"n": number_id})
    assert [(e["code"], e["field"]) for e in unknown["setAreaRestrictions"]["errors"]] == [
        ("area_unknown", "refused")
    ]
    allowed = await client.data(mutation("setAreaRestrictions", 'allowed:["广东省"]'), {"n": number_id})
    assert allowed["setAreaRestrictions"]["allowedAreas"] == ["广东省"]
    assert (await what(client, number_id, caller="02083334444", at=WEEKDAY_10))["rings"]
    shanghai = await what(client, number_id, caller="02154445555", at=WEEKDAY_10)
    assert shanghai["heard"] == ["对不起,您要的电话忙!"]


async def test_line_package_is_set_by_operators_and_limits_concurrent_calls(env: Env) -> None:
    client, number_id = await setup(env)
    body = await client.gql(mutation("setLinePackage", "package:SWITCHBOARD,extraLines:5"), {"n": number_id})
    assert body["errors"][0]["message"] == "仅限运营人员使用"
    operator = await env.operator()
    account = await account_of(client)
    await recharge(operator, account.id, 100_000, "lines")  # R12: 5 extra lines cost 150 yuan a year
    more = await operator.data(
        mutation("setLinePackage", "package:SWITCHBOARD,extraLines:5"), {"n": number_id}
    )
    assert more["setLinePackage"]["maxLines"] == 15
    await account.refresh_from_db()
    assert account.balance_fen == 100_000 - 15_000
    assert (await what(client, number_id, activeCalls=14, at=WEEKDAY_10))["rings"]
    full = await what(client, number_id, activeCalls=15, at=WEEKDAY_10)
    assert full["heard"] == ["您要的电话忙"] and full["rings"] == []
    bad = await operator.data(mutation("setLinePackage", "package:TRUNK,extraLines:2"), {"n": number_id})
    assert bad["setLinePackage"]["errors"][0]["code"] == "invalid_extra_lines"
    trunk = await operator.data(mutation("setLinePackage", "package:TRUNK"), {"n": number_id})
    assert trunk["setLinePackage"]["maxLines"] is None
    assert (await what(client, number_id, activeCalls=500, at=WEEKDAY_10))["rings"]


async def test_simple_routing_returns_the_wait_time_advice_as_warnings(env: Env) -> None:
    client = await env.customer("owner")
    number_id = await active_number(client)
    single = await client.data(
        SAVE_SIMPLE, {"n": number_id, "s": {"destinations": [{"number": "13812345678", "waitS": 20}]}}
    )
    codes = {w["code"] for w in single["saveSimpleRouting"]["warnings"]}
    assert {"wait_short_single", "wait_short_no_next"} <= codes
    several = await client.data(
        SAVE_SIMPLE,
        {
            "n": number_id,
            "s": {
                "destinations": [
                    {"number": "13812345678", "waitS": 10},
                    {"number": "020-83334444", "waitS": 55},
                ],
                "voicemail": True,
            },
        },
    )
    assert [w["code"] for w in several["saveSimpleRouting"]["warnings"]] == ["wait_short_multi"]
    assert several["saveSimpleRouting"]["version"]["version"] == 2
    assert await Flow.all().count() == 1  # the same generated flow, a new version


async def test_simple_routing_refuses_what_cannot_publish_and_saves_nothing(env: Env) -> None:
    client = await env.customer("owner")
    number_id = await active_number(client)
    hong_kong = await client.data(
        SAVE_SIMPLE, {"n": number_id, "s": {"destinations": [{"number": "+852 2123 4567", "waitS": 55}]}}
    )
    assert hong_kong["saveSimpleRouting"]["errors"][0]["code"] == "destination_not_mainland"
    no_after_hours = await client.data(SAVE_SIMPLE, {"n": number_id, "s": {**WORK_HOURS, "afterHours": []}})
    assert no_after_hours["saveSimpleRouting"]["errors"][0]["field"] == "afterHours"
    assert await Flow.all().count() == 0
    await Number.filter(id=int(number_id)).update(status=NumberStatus.RESERVED)
    not_in_service = await client.data(SAVE_SIMPLE, {"n": number_id, "s": WORK_HOURS})
    assert not_in_service["saveSimpleRouting"]["errors"][0]["code"] == "number_not_in_service"


async def test_forward_on_busy_then_voicemail_with_recording(env: Env) -> None:
    settings = {
        "destinations": [{"number": "0756-2222222", "waitS": 50}],
        "busyForward": {"number": "13912345678", "waitS": 30},
        "noAnswerForward": {"number": "18612345678", "waitS": 30},
        "voicemail": True,
        "recording": True,
    }
    client, number_id = await setup(env, settings)
    busy = await what(client, number_id, at=WEEKDAY_10, phones=[{"number": "07562222222", "state": "busy"}])
    assert [r["number"] for r in busy["rings"]] == ["07562222222", "13912345678"]
    assert busy["rings"][0]["durationS"] == 0  # a busy landline fails at once (R10)
    assert busy["outcome"] == "voicemail"
    no_answer = await what(client, number_id, at=WEEKDAY_10)
    assert [r["number"] for r in no_answer["rings"]] == ["07562222222", "18612345678"]
    body = await client.data(
        "query($n:ID!,$c:SimulatedCallInput!){whatHappens(numberId:$n,call:$c){... on Simulation{answeredBy events{kind}}}}",
        {"n": number_id, "c": {"at": WEEKDAY_10, "phones": [{"number": "07562222222", "state": "answer"}]}},
    )
    assert body["whatHappens"]["answeredBy"] == "07562222222"
    assert "record" in {e["kind"] for e in body["whatHappens"]["events"]}


async def test_saving_the_same_settings_again_does_not_change_the_plan(env: Env) -> None:
    client, number_id = await setup(env)
    before = await client.data(f"query($n:ID!){{numberRouting(numberId:$n){{{ROUTING}}}}}", {"n": number_id})
    again = await client.data(SAVE_SIMPLE, {"n": number_id, "s": WORK_HOURS})
    assert again["saveSimpleRouting"]["version"]["version"] == 2
    assert again["saveSimpleRouting"]["routing"]["planVersion"] == before["numberRouting"]["planVersion"]


async def test_a_suspended_number_tells_callers_so(env: Env) -> None:
    client, number_id = await setup(env)
    operator = await env.operator()
    await operator.data(
        'mutation($n:ID!){changeNumberStatus(id:$n,status:SUSPENDED,reason:"余额不足"){__typename}}',
        {"n": number_id},
    )
    body = await client.data(
        f"query($n:ID!,$c:SimulatedCallInput!){{whatHappens(numberId:$n,call:$c){{... on Simulation{{{SIMULATION}}}}}}}",
        {"n": number_id, "c": {"at": WEEKDAY_10}},
    )
    assert body["whatHappens"]["heard"] == ["您拨打的号码已停机"]


async def test_a_reclaimed_number_does_not_carry_its_routing_to_the_next_owner(env: Env) -> None:
    alice, number_id = await setup(env)
    flow_id = (await Flow.get(account_id=alice.user.account_id)).id if alice.user else None
    operator = await env.operator()
    change = """mutation($id:ID!,$s:NumberStatus!,$d:Int){changeNumberStatus(id:$id,status:$s,reason:"欠费回收",coolDownDays:$d){
      __typename}}"""
    await operator.data(change, {"id": number_id, "s": "RECLAIMED", "d": 0})
    await operator.data(change, {"id": number_id, "s": "AVAILABLE"})
    assert await NumberRouting.filter(number_id=int(number_id)).count() == 0

    bob = await env.customer("bob")
    assert bob.user is not None
    await Number.filter(id=int(number_id)).update(status=NumberStatus.ACTIVE, account_id=bob.user.account_id)
    routing = await bob.data(
        f"query($n:ID!){{numberRouting(numberId:$n){{{ROUTING} flowVersionId}}}}", {"n": number_id}
    )
    assert routing["numberRouting"]["flowVersionId"] is None
    assert routing["numberRouting"]["planVersion"] is None
    secret = await service_token(env)
    assert (await telephony(env, secret).http.get("/telephony/plans/4006228300")).status_code == 404
    assert flow_id is not None
    assert await numbers_using(flow_id) == []  # alice's flow runs nowhere any more


WEEKDAY_20 = "2026-03-04T20:00:00+08:00"
OFF_HOURS = {k: v for k, v in WORK_HOURS.items() if k != "afterHours"}


async def test_outside_work_hours_callers_can_leave_a_message(env: Env) -> None:
    client, number_id = await setup(env, {**OFF_HOURS, "afterHoursAction": "VOICEMAIL"})
    evening = await what(client, number_id, at=WEEKDAY_20)
    assert evening["outcome"] == "voicemail"
    assert evening["rings"] == []
    assert evening["heard"] == ["您好,现在是非工作时间,请在提示音后留言,我们将在工作时间尽快回复"]
    working = await what(client, number_id, at=WEEKDAY_10)
    assert [r["number"] for r in working["rings"]] == ["07562222222"]
    own_words = {**OFF_HOURS, "afterHoursAction": "VOICEMAIL", "afterHoursMessage": " 下班了,请留言 "}
    saved = await client.data(SAVE_SIMPLE, {"n": number_id, "s": own_words})
    assert saved["saveSimpleRouting"]["version"]["version"] == 2
    assert (await what(client, number_id, at=WEEKDAY_20))["heard"] == ["下班了,请留言"]
    form = await client.data("query($n:ID!){numberRouting(numberId:$n){simple}}", {"n": number_id})
    stored = form["numberRouting"]["simple"]["settings"]
    assert (stored["afterHoursAction"], stored["afterHoursMessage"]) == ("voicemail", "下班了,请留言")


async def test_outside_work_hours_a_closing_announcement_ends_the_call(env: Env) -> None:
    settings = {
        **OFF_HOURS,
        "afterHoursAction": "ANNOUNCEMENT",
        "afterHoursMessage": "本店营业时间为工作日8:30至17:30",
    }
    client, number_id = await setup(env, settings)
    evening = await what(client, number_id, at=WEEKDAY_20)
    assert evening["heard"] == ["本店营业时间为工作日8:30至17:30"]
    assert evening["rings"] == [] and evening["answeredBy"] is None
    assert evening["path"][-1] == "closed"
    assert evening["outcome"] == "hangup" and evening["hangupCause"] == "normal"
    sunday = await what(client, number_id, at="2026-03-08T10:00:00+08:00")
    assert sunday["path"][-1] == "closed"


async def test_off_hours_settings_that_contradict_each_other_are_refused(env: Env) -> None:
    client = await env.customer("owner")
    number_id = await active_number(client)
    cases = [
        ({**WORK_HOURS, "afterHoursAction": "VOICEMAIL"}, "invalid_settings", "afterHours"),
        ({**WORK_HOURS, "afterHoursMessage": "下班了"}, "invalid_settings", "afterHoursMessage"),
        (
            {**OFF_HOURS, "afterHoursAction": "ANNOUNCEMENT", "afterHoursMessage": "长" * 201},
            "too_long",
            "afterHoursMessage",
        ),
        (
            {"destinations": WORK_HOURS["destinations"], "afterHoursAction": "VOICEMAIL"},
            "required",
            "workWindows",
        ),
        (OFF_HOURS, "required", "afterHours"),
    ]
    for settings, code, field in cases:
        body = await client.data(SAVE_SIMPLE, {"n": number_id, "s": settings})
        error = body["saveSimpleRouting"]["errors"][0]
        assert (error["code"], error["field"]) == (code, field), settings
        assert error["message"]
    assert await Flow.all().count() == 0
