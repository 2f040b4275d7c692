"""R15 through the API: a black/white list entry no caller can match is refused with the reason."""

from __future__ import annotations

from api.routing.models import NumberRouting
from tests.api.routing_support import ERR, active_number
from tests.api.support import Env

SET = f"""mutation($n:ID!,$t:String!){{setCallerList(numberId:$n,mode:BLACK,text:$t){{
  ... on NumberRouting{{listEntries}} {ERR}}}}}"""
ADD = f"""mutation($n:ID!,$t:String!){{addCallerListEntries(numberId:$n,text:$t){{
  ... on NumberRouting{{listEntries}} {ERR}}}}}"""
AREAS = f"""mutation($n:ID!,$a:[String!]!){{setAreaRestrictions(numberId:$n,allowed:$a,refused:[]){{
  __typename {ERR}}}}}"""


async def test_entries_no_caller_can_match_are_refused_naming_line_and_reason(env: Env) -> None:
    client = await env.customer("owner")
    number_id = await active_number(client)
    text = "13800138000\n01380013800\n0755\n0138001380\n01912345678, 01112345678\n138\n010123456789"
    for mutation, name in ((SET, "setCallerList"), (ADD, "addCallerListEntries")):
        body = await client.data(mutation, {"n": number_id, "t": text})
        errors = body[name]["errors"]
        assert [(e["code"], e["field"]) for e in errors] == [("list_entry_invalid", "text")] * 5
        assert [e["message"] for e in errors] == [
            "第2行“01380013800”:没有以013开头的区号;手机号请直接填写,不加0",
            "第4行“0138001380”:没有以013开头的区号;手机号请直接填写,不加0",
            "第5行“01912345678”:没有以019开头的区号;手机号请直接填写,不加0",
            "第5行“01112345678”:没有以011开头的区号",
            "第7行“010123456789”:号码过长,区号010的固定电话连区号最多11位",
        ]
    assert (await NumberRouting.get_or_none(number_id=int(number_id))) is None  # nothing was saved

    # The service calls those area codes unknown elsewhere too (R14's area restrictions).
    areas = await client.data(AREAS, {"n": number_id, "a": ["0138"]})
    assert areas["setAreaRestrictions"]["errors"][0]["code"] == "area_unknown"

    # What callers can have is saved: whole mobiles, segments, area codes, landlines.
    good = "13800138000\n138\n010\n0755\n0755-8666 1234\n02\n10086"
    saved = await client.data(SET, {"n": number_id, "t": good})
    assert saved["setCallerList"]["listEntries"] == [
        "13800138000",
        "138",
        "010",
        "0755",
        "075586661234",
        "02",
        "10086",
    ]
