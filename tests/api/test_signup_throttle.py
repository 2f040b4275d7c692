"""Bulk sign-ups: limited per client address and per browser, holds limited per address as well as per
account, and operators see sign-ups grouped by address and clean up the bulk ones in one audited step."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import httpx

from api.accounts.models import AccountEvent, Session, User
from api.clock import set_clock
from api.jobs import run_jobs_once
from api.numbers.importing import import_numbers
from api.numbers.lifecycle import Actor
from api.numbers.models import Number, NumberEvent
from api.numbers.numbering import NumberStatus
from api.reservations.models import Reservation
from api.signups.limits import claim_signup, limits_of
from api.signups.models import Signup
from tests.api.billing_support import recharge
from tests.api.support import PASSWORD, Client, Env

SIGN_UP = """mutation($c:String!,$l:String!,$p:String!){signUp(companyName:$c,login:$l,password:$p,
  displayName:"张三"){__typename ... on Viewer{user{login}} ... on UserErrors{errors{code field message retryAfter}}}}"""
RESERVE = """mutation($id:ID!){reserveNumber(numberId:$id){__typename
  ... on Reservation{id} ... on UserErrors{errors{code field message}}}}"""
GROUPS = """query($m:Int!,$by:SignupGrouping!=ADDRESS){signupGroups(days:7,minSignups:$m,by:$by){key addresses
  signupCount deviceCount firstAt lastAt heldCount cleanableCount accounts{accountId companyName login signedUpAt
  address device heldNumbers paid disabledAt disabledBy disabledReason}}}"""
CLEAN = """mutation($ids:[ID!]!,$r:String!){cleanUpSignups(accountIds:$ids,reason:$r){__typename
  ... on SignupCleanup{disabledAccountIds releasedNumbers} ... on UserErrors{errors{code field message}}}}"""


def _from(env: Env, address: str) -> httpx.AsyncClient:
    """A browser (its own cookie jar) whose connections come from ``address``."""
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=env.app, client=(address, 50000)), base_url="http://test"
    )


async def _sign_up(http: httpx.AsyncClient, login: str, company: str | None = None) -> dict[str, Any]:
    body = (
        await http.post(
            "/graphql",
            json={"query": SIGN_UP, "variables": {"c": company or f"{login}公司", "l": login, "p": PASSWORD}},
        )
    ).json()
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["signUp"]
    return result


async def _sign_up_fresh(env: Env, address: str, login: str) -> dict[str, Any]:
    """A sign-up from a browser without cookies (a script, or a private window each time)."""
    async with _from(env, address) as http:
        return await _sign_up(http, login)


async def _numbers(count: int) -> list[str]:
    numbers = [f"40088{i:05d}" for i in range(count)]
    await import_numbers("\n".join(numbers), Actor(label="test"))
    return [str(n.id) for n in await Number.filter(number__in=numbers).order_by("number")]


async def test_one_address_gets_a_few_sign_ups_an_hour_and_is_told_when_to_retry(env: Env) -> None:
    for i in range(env.config.signups_per_address_hour):
        assert (await _sign_up_fresh(env, "203.0.113.5", f"bulk{i:03d}"))["__typename"] == "Viewer"
    async with _from(env, "203.0.113.5") as http:
        response = await http.post(
            "/graphql", json={"query": SIGN_UP, "variables": {"c": "某公司", "l": "bulk-next", "p": PASSWORD}}
        )
    refused = response.json()["data"]["signUp"]
    [error] = refused["errors"]
    assert int(response.headers["retry-after"]) == error["retryAfter"]
    assert error["code"] == "too_many_signups"
    assert "该网络地址注册账户过于频繁" in error["message"] and "分钟后再试" in error["message"]
    assert 3500 < error["retryAfter"] <= 3600
    assert not await User.filter(login="bulk-next").exists()
    assert await Signup.filter(address="203.0.113.5").count() == env.config.signups_per_address_hour
    # Another address is not affected; the hour passes and the first address may sign up again.
    assert (await _sign_up_fresh(env, "198.51.100.7", "elsewhere"))["__typename"] == "Viewer"
    set_clock(dt.timedelta(hours=1, minutes=1))
    try:
        assert (await _sign_up_fresh(env, "203.0.113.5", "bulk-later"))["__typename"] == "Viewer"
    finally:
        set_clock(dt.timedelta(0))


async def test_one_address_gets_more_sign_ups_a_day_but_not_unlimited(env: Env) -> None:
    config = env.config
    signed = 0
    try:
        for hour in range(config.signups_per_address_day // config.signups_per_address_hour + 1):
            set_clock(dt.timedelta(hours=hour, minutes=1))
            for i in range(config.signups_per_address_hour):
                result = await _sign_up_fresh(env, "203.0.113.5", f"day{hour:02d}x{i}")
                if result["__typename"] == "Viewer":
                    signed += 1
                else:
                    assert result["errors"][0]["code"] == "too_many_signups"
                    assert "今日注册账户过多" in result["errors"][0]["message"]
    finally:
        set_clock(dt.timedelta(0))
    assert signed == config.signups_per_address_day


async def test_one_browser_gets_a_few_sign_ups_a_day_from_any_address(env: Env) -> None:
    cookie = None
    limit = env.config.signups_per_device_day
    for i in range(limit + 1):
        async with _from(env, f"203.0.113.{i + 1}") as browser:  # a phone moving between networks
            if cookie:
                browser.cookies.set("hotline_device", cookie)
            result = await _sign_up(browser, f"phone{i}")
            cookie = browser.cookies.get("hotline_device") or cookie
        if i < limit:
            assert result["__typename"] == "Viewer", result
    assert result["errors"][0]["code"] == "too_many_signups"
    assert "此浏览器今日注册账户过多" in result["errors"][0]["message"]
    devices = await Signup.all().values_list("device", flat=True)
    assert len(set(devices)) == 1 and cookie not in devices  # one browser, stored only as a hash


async def test_wrong_input_uses_up_no_sign_up(env: Env) -> None:
    async with _from(env, "203.0.113.5") as http:
        for _ in range(10):
            body = (
                await http.post(
                    "/graphql",
                    json={"query": SIGN_UP, "variables": {"c": "某公司", "l": "a b", "p": "short"}},
                )
            ).json()
            codes = {e["code"] for e in body["data"]["signUp"]["errors"]}
            assert codes == {"invalid_login", "weak_password"}
    for i in range(env.config.signups_per_address_hour):
        assert (await _sign_up_fresh(env, "203.0.113.5", f"fixed{i}"))["__typename"] == "Viewer"


async def test_a_script_opening_accounts_as_fast_as_it_can_gets_the_address_limit(env: Env) -> None:
    """Sequential and in parallel: a client that opened 200 accounts in half a minute now opens five."""
    results = [await _sign_up_fresh(env, "203.0.113.5", f"script{i:03d}") for i in range(15)]
    results += await asyncio.gather(*(_sign_up_fresh(env, "203.0.113.6", f"burst{i:03d}") for i in range(15)))
    limit = env.config.signups_per_address_hour
    created = [r for r in results if r["__typename"] == "Viewer"]
    assert len(created) <= 2 * limit
    assert sum(r["__typename"] == "Viewer" for r in results[:15]) == limit
    assert await User.filter(login__startswith="burst").count() <= limit
    assert all(r["errors"][0]["code"] == "too_many_signups" for r in results if r["__typename"] != "Viewer")


async def _customer_at(env: Env, address: str, login: str) -> Client:
    http = _from(env, address)
    assert (await _sign_up(http, login))["__typename"] == "Viewer"
    return Client(http)


async def test_holds_are_limited_per_address_as_well_as_per_account(env: Env) -> None:
    numbers = await _numbers(16)
    per_address = env.config.holds_per_address
    assert per_address == 10
    first, second, third = [await _customer_at(env, "203.0.113.5", f"holder{i}") for i in range(3)]
    for client, ids in ((first, numbers[0:5]), (second, numbers[5:10])):
        for number_id in ids:
            assert (await client.data(RESERVE, {"id": number_id}))["reserveNumber"][
                "__typename"
            ] == "Reservation"
    refused = (await third.data(RESERVE, {"id": numbers[10]}))["reserveNumber"]
    assert refused["errors"][0]["code"] == "too_many_reservations_from_address"
    assert "同一网络地址最多同时预占10个号码" in refused["errors"][0]["message"]
    assert (await Number.get(id=int(numbers[10]))).status == NumberStatus.AVAILABLE
    # The same account from another network, or after a hold ends, may hold again.
    elsewhere = Client(_from(env, "198.51.100.7"))
    await elsewhere.data(
        'mutation{login(login:"holder2",password:"' + PASSWORD + '"){__typename}}',
    )
    assert (await elsewhere.data(RESERVE, {"id": numbers[10]}))["reserveNumber"][
        "__typename"
    ] == "Reservation"
    held = await Reservation.filter(address="203.0.113.5", ended_at__isnull=True).first()
    assert held is not None
    release = "mutation($id:ID!){releaseReservation(id:$id){__typename}}"
    await first.data(release, {"id": str(held.id)})
    assert (await third.data(RESERVE, {"id": numbers[11]}))["reserveNumber"]["__typename"] == "Reservation"


async def test_operators_see_sign_ups_grouped_by_address_busiest_first(env: Env) -> None:
    numbers = await _numbers(4)
    bulk = [await _customer_at(env, "203.0.113.5", f"bulk{i}") for i in range(3)]
    await bulk[0].data(RESERVE, {"id": numbers[0]})
    await bulk[0].data(RESERVE, {"id": numbers[1]})
    for i in range(2):
        await _sign_up_fresh(env, "198.51.100.7", f"pair{i}")
    await _sign_up_fresh(env, "192.0.2.1", "single")
    operator = await env.operator()
    groups = (await operator.data(GROUPS, {"m": 2}))["signupGroups"]
    assert [(g["key"], g["signupCount"]) for g in groups] == [("203.0.113.5", 3), ("198.51.100.7", 2)]
    assert groups[0]["addresses"] == ["203.0.113.5"]
    top = groups[0]
    assert top["deviceCount"] == 3 and top["heldCount"] == 2 and top["cleanableCount"] == 3
    assert [a["login"] for a in top["accounts"]] == ["bulk2", "bulk1", "bulk0"]  # newest first
    assert top["accounts"][2]["heldNumbers"] == ["400-880-0000", "400-880-0001"]
    assert top["firstAt"].endswith("+08:00") and top["firstAt"] <= top["lastAt"]
    assert all(not a["paid"] and a["disabledAt"] is None for a in top["accounts"])
    assert len((await operator.data(GROUPS, {"m": 1}))["signupGroups"]) == 3
    forbidden = await bulk[1].gql(GROUPS, {"m": 1})
    assert forbidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await bulk[1].gql(CLEAN, {"ids": ["1"], "r": "x"}))["errors"][0]["extensions"][
        "code"
    ] == "FORBIDDEN"


async def test_cleaning_up_disables_the_accounts_frees_their_numbers_and_is_audited(env: Env) -> None:
    numbers = await _numbers(6)
    bulk = [await _customer_at(env, "203.0.113.5", f"bulk{i}") for i in range(3)]
    for client, number_id in zip(bulk, numbers, strict=False):
        await client.data(RESERVE, {"id": number_id})
    await bulk[0].data(RESERVE, {"id": numbers[3]})
    operator = await env.operator()
    groups = (await operator.data(GROUPS, {"m": 2}))["signupGroups"]
    ids = [a["accountId"] for a in groups[0]["accounts"]]
    done = (await operator.data(CLEAN, {"ids": ids, "r": "同一地址批量注册占号"}))["cleanUpSignups"]
    assert done["__typename"] == "SignupCleanup"
    assert sorted(done["disabledAccountIds"]) == sorted(ids)
    assert sorted(done["releasedNumbers"]) == ["400-880-0000", "400-880-0001", "400-880-0002", "400-880-0003"]
    # The numbers are on sale again, each change in its audit log naming the operator and the reason.
    for number_id in numbers[:4]:
        number = await Number.get(id=int(number_id))
        assert (number.status, number.account_id) == (NumberStatus.AVAILABLE, None)
        event = await NumberEvent.filter(number_id=number.id).order_by("-id").first()
        assert (
            event is not None and event.actor_label == "operator1" and "同一地址批量注册占号" in event.reason
        )
    # The accounts' users are disabled and signed out; the account's audit log says who, when, why.
    assert not await User.filter(login__startswith="bulk", is_active=True).exists()
    assert not await Session.filter(user__login__startswith="bulk").exists()
    assert (await bulk[1].gql("{me{user{login}}}"))["data"]["me"]["user"] is None
    events = await AccountEvent.filter(account_id__in=[int(i) for i in ids]).order_by("account_id")
    assert len(events) == 3 and {e.actor_label for e in events} == {"operator1"}
    assert any("400" in e.detail for e in events)
    async with _from(env, "198.51.100.9") as http:
        login = (
            'mutation{login(login:"bulk0",password:"'
            + PASSWORD
            + '"){__typename ... on UserErrors{errors{code}}}}'
        )
        assert (await http.post("/graphql", json={"query": login})).json()["data"]["login"]["errors"][0][
            "code"
        ] == ("invalid_credentials")
    after = (await operator.data(GROUPS, {"m": 2}))["signupGroups"][0]
    assert after["cleanableCount"] == 0 and after["heldCount"] == 0
    assert {a["disabledBy"] for a in after["accounts"]} == {"operator1"}
    assert {a["disabledReason"] for a in after["accounts"]} == {"同一地址批量注册占号"}


async def test_an_account_with_paid_activity_refuses_the_whole_clean_up(env: Env) -> None:
    numbers = await _numbers(2)
    bulk = [await _customer_at(env, "203.0.113.5", f"bulk{i}") for i in range(2)]
    await bulk[0].data(RESERVE, {"id": numbers[0]})
    operator = await env.operator()
    groups = (await operator.data(GROUPS, {"m": 2}))["signupGroups"]
    by_login = {a["login"]: a for a in groups[0]["accounts"]}
    await recharge(operator, int(by_login["bulk1"]["accountId"]), 10_000, "bank-001")
    refreshed = {
        a["login"]: a for a in (await operator.data(GROUPS, {"m": 2}))["signupGroups"][0]["accounts"]
    }
    assert refreshed["bulk1"]["paid"] and not refreshed["bulk0"]["paid"]
    ids = [by_login["bulk0"]["accountId"], by_login["bulk1"]["accountId"]]
    refused = (await operator.data(CLEAN, {"ids": ids, "r": "批量注册"}))["cleanUpSignups"]
    assert refused["errors"][0]["code"] == "has_paid_activity"
    assert "bulk1公司" in refused["errors"][0]["message"]
    # Nothing changed: not even the unpaid account or its hold.
    assert await User.filter(login__startswith="bulk", is_active=True).count() == 2
    assert (await Number.get(id=int(numbers[0]))).status == NumberStatus.RESERVED
    assert not await AccountEvent.exists()
    for variables, code in (
        ({"ids": ids[:1], "r": "  "}, "required"),
        ({"ids": [], "r": "批量注册"}, "invalid_selection"),
        ({"ids": ["999999"], "r": "批量注册"}, "not_found"),
        ({"ids": ["abc"], "r": "批量注册"}, "invalid_id"),
    ):
        answer = (await operator.data(CLEAN, variables))["cleanUpSignups"]
        assert answer["errors"][0]["code"] == code, (variables, answer)


async def test_operators_see_one_browser_signing_up_from_several_addresses(env: Env) -> None:
    cookie = None
    for i in range(3):  # a phone hopping networks: three addresses, one browser
        async with _from(env, f"203.0.113.{i + 1}") as browser:
            if cookie:
                browser.cookies.set("hotline_device", cookie)
            assert (await _sign_up(browser, f"hopper{i}"))["__typename"] == "Viewer"
            cookie = browser.cookies.get("hotline_device") or cookie
    await _sign_up_fresh(env, "203.0.113.1", "neighbour")
    operator = await env.operator()
    by_address = (await operator.data(GROUPS, {"m": 2}))["signupGroups"]
    assert [(g["key"], g["signupCount"], g["deviceCount"]) for g in by_address] == [("203.0.113.1", 2, 2)]
    [browser] = (await operator.data(GROUPS, {"m": 2, "by": "DEVICE"}))["signupGroups"]
    assert browser["signupCount"] == 3 and browser["deviceCount"] == 1
    assert browser["addresses"] == ["203.0.113.1", "203.0.113.2", "203.0.113.3"]
    assert [a["login"] for a in browser["accounts"]] == ["hopper2", "hopper1", "hopper0"]
    assert [a["address"] for a in browser["accounts"]] == ["203.0.113.3", "203.0.113.2", "203.0.113.1"]
    assert len(browser["key"]) == 8 and cookie is not None and browser["key"] not in cookie


async def test_a_claim_that_never_got_its_account_is_forgotten_by_the_jobs(env: Env) -> None:
    await _sign_up_fresh(env, "203.0.113.5", "finished")
    await claim_signup("203.0.113.5", None, limits_of(env.config))  # as if the process stopped here
    set_clock(dt.timedelta(days=1, minutes=1))
    try:
        assert (await run_jobs_once(env.config))["forget_unfinished_signups"] == 1
    finally:
        set_clock(dt.timedelta(0))
    assert [s.account_id is not None for s in await Signup.all()] == [True]
