"""Lists sorted on the server: call records by time, talk time or charge, the other lists with times by
time; every page continues exactly where the last ended, ties broken by id, and a cursor is signed for its
order (one altered or carried to another order is refused as invalid_cursor)."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

from tests.api.billing_support import REPORT, call, customer_with_balance
from tests.api.routing_support import active_number, service_token, telephony
from tests.api.support import Client, Env

CALLS = """query($o:String,$a:String,$f:Int!){callRecords(order:$o,after:$a,first:$f){
  edges{cursor node{callId talkSeconds chargeFen startedAt}} pageInfo{hasNextPage endCursor}}}"""
#: (call id, talk seconds, minutes after 10:00): equal talk times make ties that pages must not split.
CALLS_MADE = [
    ("a", 30, 0),
    ("b", 125, 1),
    ("c", 30, 2),
    ("d", 0, 3),
    ("e", 400, 4),
    ("f", 125, 5),
    ("g", 61, 6),
]


async def setup(env: Env) -> Client:
    op = await env.operator()
    acme = await customer_with_balance(env, "acme", 100_000, op)
    await active_number(acme)
    phone = telephony(env, await service_token(env))
    start = dt.datetime.fromisoformat("2026-12-01T10:00:00+08:00")
    for call_id, talk, minute in CALLS_MADE:
        at = (start + dt.timedelta(minutes=minute)).isoformat()
        assert (await phone.data(REPORT, {"c": call(call_id, talk=talk, start=at)}))["reportCall"]["record"]
    return acme


async def all_pages(client: Client, order: str | None, size: int = 2) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    after = None
    while True:
        page = (await client.data(CALLS, {"o": order, "a": after, "f": size}))["callRecords"]
        seen.extend(e["node"] for e in page["edges"])
        if not page["pageInfo"]["hasNextPage"]:
            return seen
        after = page["pageInfo"]["endCursor"]


async def test_call_records_page_through_each_order_without_gaps_or_repeats(env: Env) -> None:
    acme = await setup(env)
    newest = [n["callId"] for n in await all_pages(acme, "-startedAt")]
    assert newest == ["g", "f", "e", "d", "c", "b", "a"]
    assert [n["callId"] for n in await all_pages(acme, "startedAt")] == newest[::-1]
    longest = await all_pages(acme, "-talkSeconds")
    assert [n["talkSeconds"] for n in longest] == [400, 125, 125, 61, 30, 30, 0]
    assert sorted(n["callId"] for n in longest) == sorted(newest)  # every call once
    cheapest = await all_pages(acme, "chargeFen", size=3)
    assert [n["chargeFen"] for n in cheapest] == sorted(n["chargeFen"] for n in cheapest)
    assert len({n["callId"] for n in cheapest}) == len(CALLS_MADE)
    # Without an order the earlier argument still decides.
    legacy = await acme.data("{callRecords(newestFirst:true,first:1){edges{node{callId}}}}")
    assert legacy["callRecords"]["edges"][0]["node"]["callId"] == "g"


async def test_an_unknown_order_and_forged_cursors_are_user_errors(env: Env) -> None:
    acme = await setup(env)
    refused = await acme.gql(CALLS, {"o": "duration", "f": 2})
    assert refused["errors"][0]["extensions"]["code"] == "invalid_order"
    assert "talkSeconds" in refused["errors"][0]["message"]
    page = (await acme.data(CALLS, {"o": "-talkSeconds", "f": 2}))["callRecords"]
    cursor = page["pageInfo"]["endCursor"]
    # Carried over to another order, the cursor means nothing there.
    moved = await acme.gql(CALLS, {"o": "-chargeFen", "a": cursor, "f": 2})
    assert moved["errors"][0]["extensions"]["code"] == "invalid_cursor"
    # Altered by hand (a smaller talk time, to skip rows): the signature no longer matches.
    text = base64.urlsafe_b64decode(cursor).decode()
    order, value, row_id, signature = text.split("|")
    forged = base64.urlsafe_b64encode(f"{order}|0|{row_id}|{signature}".encode()).decode()
    assert value != "0"
    altered = await acme.gql(CALLS, {"o": "-talkSeconds", "a": forged, "f": 2})
    assert altered["errors"][0]["extensions"]["code"] == "invalid_cursor"
    for junk in ("not a cursor!", base64.urlsafe_b64encode(b"-talkSeconds|1|2").decode()):
        body = await acme.gql(CALLS, {"o": "-talkSeconds", "a": junk, "f": 2})
        assert body["errors"][0]["extensions"]["code"] == "invalid_cursor", junk


async def test_the_other_lists_with_times_sort_newest_or_oldest_first(env: Env) -> None:
    acme = await setup(env)  # its opening recharge and the calls' charges are on the ledger
    newest = await acme.data('{ledgerEntries(order:"-createdAt",first:100){edges{node{createdAt}}}}')
    times = [e["node"]["createdAt"] for e in newest["ledgerEntries"]["edges"]]
    assert len(times) > 2 and times == sorted(times, reverse=True)
    oldest = await acme.data('{ledgerEntries(order:"createdAt",first:100){edges{node{createdAt}}}}')
    assert [e["node"]["createdAt"] for e in oldest["ledgerEntries"]["edges"]] == times[::-1]
    for query, code in (
        ('{statements(order:"-month"){edges{node{month}}}}', None),
        ('{recordings(order:"-startedAt"){edges{node{startedAt}}}}', None),
        ('{applications(order:"-submittedAt"){edges{node{submittedAt}}}}', None),
        ('{statements(order:"-createdAt"){edges{node{month}}}}', "invalid_order"),
        ('{recordings(order:"size"){edges{node{startedAt}}}}', "invalid_order"),
        ('{ledgerEntries(order:"-amountFen"){edges{node{id}}}}', "invalid_order"),
    ):
        body = await acme.gql(query)
        if code is None:
            assert "errors" not in body, body
        else:
            assert body["errors"][0]["extensions"]["code"] == code, query
