"""Number inventory over GraphQL: imports, search, prices, operator status changes and the audit log."""

from __future__ import annotations

import datetime as dt

from api.clock import set_clock
from api.jobs import run_jobs_once
from api.numbers.models import Number, NumberEvent
from api.numbers.numbering import NumberStatus
from tests.api.support import Env

IMPORT = "mutation($t:String!){importNumbers(text:$t){__typename ... on ImportNumbersResult{importedCount skippedExisting} ... on UserErrors{errors{code field message}}}}"
SEARCH = """query($s:NumberSearch,$first:Int!,$after:String){availableNumbers(search:$s,first:$first,after:$after){
  totalCount pageInfo{hasNextPage endCursor} edges{node{id number display carrier grade priceFen status}}}}"""
CHANGE = """mutation($id:ID!,$s:NumberStatus!,$r:String!,$d:Int){changeNumberStatus(id:$id,status:$s,reason:$r,coolDownDays:$d){
  __typename ... on Number{status availableFrom} ... on UserErrors{errors{code field message}}}}"""


async def test_import_lists_and_ranges(env: Env) -> None:
    op = await env.operator()
    text = "# new batch\n4006000001\n400-600-0002\n4008880000-4008880009\n4001230000 ~ 4001230004\n\n4006000001\n"
    result = (await op.data(IMPORT, {"t": text}))["importNumbers"]
    assert result == {"__typename": "ImportNumbersResult", "importedCount": 17, "skippedExisting": []}
    again = (await op.data(IMPORT, {"t": "4006000001\n4006000003"}))["importNumbers"]
    assert again["importedCount"] == 1
    assert again["skippedExisting"] == ["4006000001"]
    telecom = await Number.get(number="4008880005")
    assert (telecom.carrier, telecom.status) == ("telecom", NumberStatus.AVAILABLE)
    event = await NumberEvent.get(number_id=telecom.id)
    assert (event.from_status, event.to_status, event.actor_label) == (None, "available", "operator1")


async def test_malformed_line_is_named_and_nothing_is_stored(env: Env) -> None:
    op = await env.operator()
    text = "4006000001\n4006000002\n40060000\n4002000000\n4006000010-4006000005\n"
    result = (await op.data(IMPORT, {"t": text}))["importNumbers"]
    assert result["__typename"] == "UserErrors"
    messages = [e["message"] for e in result["errors"]]
    assert messages == [
        "第3行「40060000」:400号码应为10位数字",
        "第4行「4002000000」:号码须以4000、4001、4006、4007、4008或4009开头",
        "第5行「4006000010-4006000005」:号段的结束号码小于起始号码",
    ]
    assert await Number.all().count() == 0
    assert await NumberEvent.all().count() == 0


async def test_only_operators_import(env: Env) -> None:
    customer = await env.customer("acme")
    body = await customer.gql(IMPORT, {"t": "4006000001"})
    assert body["errors"][0]["message"] == "仅限运营人员使用"
    assert await Number.all().count() == 0


async def test_search_filters_and_paginates(env: Env) -> None:
    op = await env.operator()
    await op.data(IMPORT, {"t": "4006000000-4006000099\n4008880000-4008880099\n4001238888"})
    await op.data("mutation{setGradePrice(grade:AAAA,priceFen:880000){__typename}}")
    customer = await env.customer("acme")

    telecom = (await customer.data(SEARCH, {"s": {"carrier": "TELECOM"}, "first": 5}))["availableNumbers"]
    assert telecom["totalCount"] == 100
    assert all(e["node"]["carrier"] == "TELECOM" for e in telecom["edges"])

    aaaa = (await customer.data(SEARCH, {"s": {"grade": "AAAA"}, "first": 50}))["availableNumbers"]
    assert [e["node"]["display"] for e in aaaa["edges"]] == ["400-123-8888", "400-600-0000", "400-888-0000"]
    assert {e["node"]["priceFen"] for e in aaaa["edges"]} == {880000}

    contains = (await customer.data(SEARCH, {"s": {"contains": "0099"}, "first": 50}))["availableNumbers"]
    assert [e["node"]["number"] for e in contains["edges"]] == ["4006000099", "4008880099"]

    prefix = (await customer.data(SEARCH, {"s": {"prefix": "400-888"}, "first": 50}))["availableNumbers"]
    assert prefix["totalCount"] == 100

    seen: list[str] = []
    after = None
    while True:
        page = (await customer.data(SEARCH, {"s": {"prefix": "4006"}, "first": 30, "after": after}))[
            "availableNumbers"
        ]
        seen += [e["node"]["number"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == [f"40060000{i:02d}" for i in range(100)]


async def test_bad_search_input_is_a_user_error(env: Env) -> None:
    customer = await env.customer("acme")
    body = await customer.gql(SEARCH, {"s": {"contains": "8a8"}, "first": 5})
    assert body["errors"][0]["message"] == "请输入数字"
    body = await customer.gql(SEARCH, {"first": 500})
    assert body["errors"][0]["message"] == "每页数量应在0到100之间"


async def _active_number(env: Env, op_login: str = "operator1") -> tuple[object, Number]:
    op = await env.operator(op_login)
    await op.data(IMPORT, {"t": "4006000001"})
    number = await Number.get(number="4006000001")
    await Number.filter(id=number.id).update(status=NumberStatus.ACTIVE)
    return op, number


async def test_suspend_resume_reclaim_and_relist_after_cool_down(env: Env) -> None:
    op, number = await _active_number(env)
    nid = str(number.id)
    assert (await op.data(CHANGE, {"id": nid, "s": "SUSPENDED", "r": "欠费"}))["changeNumberStatus"][
        "status"
    ] == "SUSPENDED"
    assert (await op.data(CHANGE, {"id": nid, "s": "ACTIVE", "r": "已续费"}))["changeNumberStatus"][
        "status"
    ] == "ACTIVE"
    refused = (await op.data(CHANGE, {"id": nid, "s": "AVAILABLE", "r": "x"}))["changeNumberStatus"]
    assert refused["errors"][0]["message"] == "号码当前为「使用中」,不能直接改为「可选」"
    no_cool_down = (await op.data(CHANGE, {"id": nid, "s": "RECLAIMED", "r": "停机3天未续费"}))[
        "changeNumberStatus"
    ]
    assert no_cool_down["errors"][0]["field"] == "coolDownDays"
    reclaimed = (await op.data(CHANGE, {"id": nid, "s": "RECLAIMED", "r": "停机3天未续费", "d": 30}))[
        "changeNumberStatus"
    ]
    assert reclaimed["status"] == "RECLAIMED"
    too_early = (await op.data(CHANGE, {"id": nid, "s": "AVAILABLE", "r": "重新上架"}))["changeNumberStatus"]
    assert too_early["errors"][0]["code"] == "cooling_down"

    await run_jobs_once(env.config)
    assert (await Number.get(id=number.id)).status == NumberStatus.RECLAIMED
    set_clock(dt.timedelta(days=31))
    try:
        await run_jobs_once(env.config)
    finally:
        set_clock(dt.timedelta(0))
    assert (await Number.get(id=number.id)).status == NumberStatus.AVAILABLE

    events = (
        await op.data(
            "query($id:ID!){numberEvents(numberId:$id){fromStatus toStatus actor reason}}", {"id": nid}
        )
    )["numberEvents"]
    assert [(e["fromStatus"], e["toStatus"], e["actor"]) for e in events] == [
        (None, "AVAILABLE", "operator1"),
        ("ACTIVE", "SUSPENDED", "operator1"),
        ("SUSPENDED", "ACTIVE", "operator1"),
        ("ACTIVE", "RECLAIMED", "operator1"),
        ("RECLAIMED", "AVAILABLE", "system:reclaim-cooldown"),
    ]
    assert events[1]["reason"] == "欠费"


async def test_status_change_needs_a_reason(env: Env) -> None:
    op, number = await _active_number(env)
    result = (await op.data(CHANGE, {"id": str(number.id), "s": "SUSPENDED", "r": "  "}))[
        "changeNumberStatus"
    ]
    assert result["errors"][0] == {
        "code": "required",
        "field": "reason",
        "message": "请填写操作原因(将记入审计日志)",
    }
    assert (await Number.get(id=number.id)).status == NumberStatus.ACTIVE


async def test_holiday_overrides_are_operator_data(env: Env) -> None:
    op = await env.operator()
    await op.data('mutation{setHolidayOverride(day:"2027-02-08",workday:false,name:"春节"){__typename}}')
    await op.data('mutation{setHolidayOverride(day:"2027-02-14",workday:true,name:"春节调休"){__typename}}')
    days = (await op.data("{holidayOverrides(year:2027){day workday name}}"))["holidayOverrides"]
    assert days == [
        {"day": "2027-02-08", "workday": False, "name": "春节"},
        {"day": "2027-02-14", "workday": True, "name": "春节调休"},
    ]
    customer = await env.customer("acme")
    body = await customer.gql('mutation{setHolidayOverride(day:"2027-02-09",workday:false){__typename}}')
    assert body["errors"][0]["message"] == "仅限运营人员使用"


async def test_a_customer_sees_only_its_own_tenure_in_the_audit_log(env: Env) -> None:
    op, number = await _active_number(env)
    nid = str(number.id)
    await op.data(CHANGE, {"id": nid, "s": "RECLAIMED", "r": "前任客户欠费回收", "d": 0})
    await op.data(CHANGE, {"id": nid, "s": "AVAILABLE", "r": "重新上架"})
    customer = await env.customer("newowner")
    await customer.data("mutation($id:ID!){reserveNumber(numberId:$id){__typename}}", {"id": nid})
    mine = await customer.data("query($id:ID!){numberEvents(numberId:$id){toStatus reason}}", {"id": nid})
    assert mine["numberEvents"] == [{"toStatus": "RESERVED", "reason": "客户预占"}]
    everything = (await op.data("query($id:ID!){numberEvents(numberId:$id){reason}}", {"id": nid}))[
        "numberEvents"
    ]
    assert "前任客户欠费回收" in {e["reason"] for e in everything}
