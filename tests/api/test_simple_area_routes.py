"""Simple routing by caller area (R14): callers from chosen areas ring their own numbers (a branch office
answers its region), everyone else the default numbers; after hours stays one rule for all."""

from __future__ import annotations

from typing import Any

from tests.api.routing_support import SAVE_SIMPLE, WHAT_HAPPENS, WORK_HOURS, active_number
from tests.api.support import Client, Env

WEEKDAY_10 = "2026-03-04T10:00:00+08:00"
SUNDAY_20 = "2026-03-08T20:00:00+08:00"
SOUTH = {
    "name": "华南办事处",
    "areas": ["广东", "0898"],
    "destinations": [{"number": "020-88886666", "waitS": 40}],
}
NORTH = {"name": "北京分部", "areas": ["010"], "destinations": [{"number": "13901010101", "waitS": 40}]}


async def rung(client: Client, number_id: str, caller: str, at: str = WEEKDAY_10) -> list[str]:
    call = {"caller": caller, "category": "office", "at": at}
    result = (await client.data(WHAT_HAPPENS, {"n": number_id, "c": call}))["whatHappens"]
    return [r["number"] for r in result["rings"]]


async def save(client: Client, number_id: str, settings: dict[str, Any]) -> dict[str, Any]:
    return (await client.data(SAVE_SIMPLE, {"n": number_id, "s": settings}))["saveSimpleRouting"]


async def test_callers_from_a_routes_areas_ring_its_numbers(env: Env) -> None:
    owner = await env.customer("owner")
    number_id = await active_number(owner)
    saved = await save(owner, number_id, {**WORK_HOURS, "areaRoutes": [SOUTH, NORTH]})
    assert "version" in saved, saved
    assert await rung(owner, number_id, "02012345678") == ["02088886666"]  # 广州, by province
    assert await rung(owner, number_id, "089812345678") == ["02088886666"]  # 海口, by area code
    assert await rung(owner, number_id, "01012345678") == ["13901010101"]
    assert await rung(owner, number_id, "02112345678") == ["07562222222"]  # 上海: the default
    # After hours one rule for everyone, wherever they call from.
    assert await rung(owner, number_id, "02012345678", SUNDAY_20) == ["15612345678"]
    form = await owner.data("query($n:ID!){numberRouting(numberId:$n){simple}}", {"n": number_id})
    routes = form["numberRouting"]["simple"]["settings"]["areaRoutes"]
    assert [r["name"] for r in routes] == ["华南办事处", "北京分部"]
    assert routes[0]["areas"] == ["广东", "0898"]


async def test_area_routes_without_a_schedule_apply_at_all_times(env: Env) -> None:
    owner = await env.customer("owner")
    number_id = await active_number(owner)
    settings = {"destinations": [{"number": "0756-2222222", "waitS": 50}], "areaRoutes": [SOUTH]}
    assert "version" in await save(owner, number_id, settings)
    assert await rung(owner, number_id, "02012345678", SUNDAY_20) == ["02088886666"]
    assert await rung(owner, number_id, "01012345678", SUNDAY_20) == ["07562222222"]


async def test_bad_area_routes_are_refused_with_the_group_named(env: Env) -> None:
    owner = await env.customer("owner")
    number_id = await active_number(owner)
    base = {"destinations": [{"number": "0756-2222222", "waitS": 50}]}
    cases = [
        ({**SOUTH, "areas": []}, "required", "第1组:请选择地区"),
        ({**SOUTH, "areas": ["火星"]}, "invalid_area", "第1组:无法识别的地区 火星"),
        ({**SOUTH, "destinations": []}, "required", "第1组:请至少绑定一个号码"),
    ]
    for route, code, message in cases:
        body = await save(owner, number_id, {**base, "areaRoutes": [route]})
        error = body["errors"][0]
        assert (error["code"], error["field"]) == (code, "areaRoutes"), body
        assert message in error["message"]
    form = await owner.data("query($n:ID!){numberRouting(numberId:$n){simple}}", {"n": number_id})
    assert form["numberRouting"]["simple"] is None  # nothing was saved
