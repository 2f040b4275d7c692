"""R2: free reservations held two working days on the Chinese calendar; exactly one winner per number."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from api.clock import SHANGHAI, set_clock
from api.jobs import run_jobs_once
from api.numbers.importing import import_numbers
from api.numbers.lifecycle import Actor
from api.numbers.models import Number, NumberEvent
from api.numbers.numbering import NumberStatus
from api.reservations.holds import hold_expiry
from api.reservations.models import Reservation
from ivr_flows import DayOverride, WorkCalendar
from tests.api.support import Env

RESERVE = """mutation($id:ID!){reserveNumber(numberId:$id){__typename
  ... on Reservation{id number expiresAt active} ... on UserErrors{errors{code field message}}}}"""


def _local(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("reserved", "expires"),
    [
        # Wednesday → end of Friday.
        (_local(2026, 11, 25, 10, 0), _local(2026, 11, 28, 0, 0)),
        # Friday evening → end of Tuesday (the weekend does not count).
        (_local(2026, 11, 27, 21, 0), _local(2026, 12, 2, 0, 0)),
        # The day before National Day: 10-01..10-07 are holidays, the next workdays are 10-08 and 10-09.
        (_local(2026, 9, 30, 16, 0), _local(2026, 10, 10, 0, 0)),
        # Saturday 2026-10-10 is a make-up workday (调休): Friday 10-09 → Saturday 10-10 and Monday 10-12.
        (_local(2026, 10, 9, 9, 0), _local(2026, 10, 13, 0, 0)),
    ],
)
def test_hold_lasts_two_working_days_on_the_chinese_calendar(
    reserved: dt.datetime, expires: dt.datetime
) -> None:
    assert hold_expiry(reserved.astimezone(dt.UTC), WorkCalendar()) == expires.astimezone(dt.UTC)


def test_years_beyond_the_package_use_the_operator_table_then_monday_to_friday() -> None:
    reserved = _local(2027, 2, 4, 10, 0).astimezone(dt.UTC)  # a Thursday in a year the package lacks
    assert hold_expiry(reserved, WorkCalendar()) == _local(2027, 2, 9, 0, 0).astimezone(dt.UTC)
    table = WorkCalendar.from_overrides(
        [DayOverride(dt.date(2027, 2, 5), False, "春节"), DayOverride(dt.date(2027, 2, 6), True, "调休")]
    )
    assert hold_expiry(reserved, table) == _local(2027, 2, 9, 0, 0).astimezone(dt.UTC)
    assert table.is_workday(dt.date(2027, 2, 6)) and not table.is_workday(dt.date(2027, 2, 5))


async def _numbers(*numbers: str) -> dict[str, str]:
    await import_numbers("\n".join(numbers), Actor(label="test"))
    return {n.number: str(n.id) for n in await Number.filter(number__in=list(numbers))}


async def test_reserve_is_free_and_shows_the_expiry(env: Env) -> None:
    ids = await _numbers("4006000001")
    client = await env.customer("acme")
    result = (await client.data(RESERVE, {"id": ids["4006000001"]}))["reserveNumber"]
    assert result["__typename"] == "Reservation" and result["active"] is True
    assert result["expiresAt"].endswith("T00:00:00+08:00")
    number = await Number.get(number="4006000001")
    assert number.status == NumberStatus.RESERVED
    assert number.account_id is not None
    account = (await client.data("{me{account{balanceFen}}}"))["me"]["account"]
    assert account["balanceFen"] == 0


async def test_a_reserved_number_cannot_be_reserved_again(env: Env) -> None:
    ids = await _numbers("4006000001")
    first, second = await env.customer("acme"), await env.customer("globex")
    await first.data(RESERVE, {"id": ids["4006000001"]})
    result = (await second.data(RESERVE, {"id": ids["4006000001"]}))["reserveNumber"]
    assert result["errors"][0]["code"] == "not_available"
    assert result["errors"][0]["message"] == "该号码已被预占或不可选,请选择其他号码"


async def test_concurrent_reservations_exactly_one_wins(env: Env) -> None:
    ids = await _numbers("4008888888")
    clients = [await env.customer(f"rival{i:02d}") for i in range(12)]
    results = await asyncio.gather(*(c.data(RESERVE, {"id": ids["4008888888"]}) for c in clients))
    winners = [r for r in results if r["reserveNumber"]["__typename"] == "Reservation"]
    losers = [r for r in results if r["reserveNumber"]["__typename"] == "UserErrors"]
    assert len(winners) == 1
    assert len(losers) == 11
    assert await Reservation.filter(number__number="4008888888").count() == 1
    assert await NumberEvent.filter(number__number="4008888888", to_status="reserved").count() == 1


async def test_expired_holds_are_released_by_the_job(env: Env) -> None:
    ids = await _numbers("4006000001", "4006000002")
    client = await env.customer("acme")
    await client.data(RESERVE, {"id": ids["4006000001"]})
    await client.data(RESERVE, {"id": ids["4006000002"]})
    assert (await run_jobs_once(env.config))["expire_reservations"] == 0
    set_clock(dt.timedelta(days=10))
    try:
        assert (await run_jobs_once(env.config))["expire_reservations"] == 2
    finally:
        set_clock(dt.timedelta(0))
    assert await Number.filter(status=NumberStatus.AVAILABLE, account_id=None).count() == 2
    reservation = await Reservation.filter(number_id=int(ids["4006000001"])).first()
    assert reservation is not None and reservation.end_reason == "expired"
    event = await NumberEvent.filter(number_id=int(ids["4006000001"])).order_by("-id").first()
    assert event is not None and event.actor_label == "system:reservation-expiry"


async def test_release_and_limits(env: Env) -> None:
    ids = await _numbers(*[f"400600000{i}" for i in range(7)])
    client = await env.customer("acme")
    made = [(await client.data(RESERVE, {"id": ids[f"400600000{i}"]}))["reserveNumber"] for i in range(6)]
    assert [m["__typename"] for m in made] == ["Reservation"] * 5 + ["UserErrors"]
    assert made[5]["errors"][0]["code"] == "too_many_reservations"
    released = (
        await client.data(
            "mutation($id:ID!){releaseReservation(id:$id){... on Reservation{active endReason}}}",
            {"id": made[0]["id"]},
        )
    )["releaseReservation"]
    assert released == {"active": False, "endReason": "RELEASED"}
    assert (await Number.get(number=made[0]["number"])).status == NumberStatus.AVAILABLE
    again = (await client.data(RESERVE, {"id": ids["4006000006"]}))["reserveNumber"]
    assert again["__typename"] == "Reservation"


async def test_operators_do_not_reserve_for_themselves(env: Env) -> None:
    ids = await _numbers("4006000001")
    op = await env.operator()
    body = await op.gql(RESERVE, {"id": ids["4006000001"]})
    assert body["errors"][0]["message"] == "仅限客户账户使用"


async def test_one_account_sending_many_reservations_at_once_still_holds_at_most_five(env: Env) -> None:
    numbers = [f"40060000{i:02d}" for i in range(10)]
    ids = await _numbers(*numbers)
    client = await env.customer("acme")
    results = await asyncio.gather(*(client.data(RESERVE, {"id": ids[n]}) for n in numbers))
    made = [r["reserveNumber"] for r in results]
    assert sum(m["__typename"] == "Reservation" for m in made) == 5
    refused = [m for m in made if m["__typename"] == "UserErrors"]
    assert len(refused) == 5
    assert {m["errors"][0]["code"] for m in refused} == {"too_many_reservations"}
    assert await Reservation.filter(ended_at__isnull=True).count() == 5
    assert await Number.filter(status=NumberStatus.RESERVED).count() == 5


async def test_operators_see_who_holds_each_number_and_customers_only_their_own(env: Env) -> None:
    ids = await _numbers("4006000001", "4006000002")
    acme = await env.customer("acme", "珠海甲公司")
    globex = await env.customer("globex", "珠海乙公司")
    await acme.data(RESERVE, {"id": ids["4006000001"]})
    await globex.data(RESERVE, {"id": ids["4006000002"]})
    listing = "{reservations(active:true){edges{node{number accountName}}}}"
    op = await env.operator()
    seen = {
        e["node"]["number"]: e["node"]["accountName"]
        for e in (await op.data(listing))["reservations"]["edges"]
    }
    assert seen == {"4006000001": "珠海甲公司", "4006000002": "珠海乙公司"}
    mine = (await acme.data(listing))["reservations"]["edges"]
    assert [e["node"] for e in mine] == [{"number": "4006000001", "accountName": "珠海甲公司"}]
    held = "{numbers(status:RESERVED){edges{node{reservation{accountName}}}}}"
    assert [e["node"]["reservation"]["accountName"] for e in (await acme.data(held))["numbers"]["edges"]] == [
        "珠海甲公司"
    ]
