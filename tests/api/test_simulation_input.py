"""Simulated calls take callers and bound phones in every shape a person writes them, and nothing else."""

from __future__ import annotations

import pytest

from tests.api.routing_support import SAVE_SIMPLE, WHAT_HAPPENS, WORK_HOURS, active_number
from tests.api.support import Env

WEEKDAY_10 = "2026-03-02T10:00:00+08:00"


@pytest.mark.parametrize(
    ("caller", "area"),
    [
        ("+86 20 8333 4444", "020"),
        ("0086 20-8333-4444", "020"),
        ("17951 020 8333 4444", "020"),
        ("+1 212 555 0100", "unknown"),
        ("", "unknown"),  # a withheld number
    ],
)
async def test_callers_as_carriers_present_them(env: Env, caller: str, area: str) -> None:
    customer = await env.customer("acme")
    number_id = await active_number(customer)
    await customer.data(SAVE_SIMPLE, {"n": number_id, "s": WORK_HOURS})
    call = {"caller": caller, "at": WEEKDAY_10}
    result = (await customer.data(WHAT_HAPPENS, {"n": number_id, "c": call}))["whatHappens"]
    assert result["callerAreaCode"] == area, result


async def test_a_bound_phone_written_another_way_is_the_same_phone(env: Env) -> None:
    customer = await env.customer("acme")
    number_id = await active_number(customer)
    await customer.data(SAVE_SIMPLE, {"n": number_id, "s": WORK_HOURS})
    call = {"at": WEEKDAY_10, "phones": [{"number": "+86 756 222 2222", "state": "answer"}]}
    result = (await customer.data(WHAT_HAPPENS, {"n": number_id, "c": call}))["whatHappens"]
    assert result["answeredBy"] == "07562222222"


@pytest.mark.parametrize(
    ("call", "code", "field"),
    [
        ({"caller": "1" * 1_000_000}, "invalid", "call.caller"),
        ({"caller": "138\x0012345678"}, "invalid", "call.caller"),
        ({"phones": [{"number": "0756\x002222222"}]}, "invalid", "call.phones"),
        ({"phones": [{"number": "+852 9123 4567"}]}, "not_mainland", "call.phones"),
        ({"at": "9999-12-31T23:59:59-12:00"}, "invalid_call", "call.at"),
    ],
)
async def test_bad_callers_phones_and_times_are_refused_with_their_field(
    env: Env, call: dict[str, object], code: str, field: str
) -> None:
    customer = await env.customer("acme")
    number_id = await active_number(customer)
    result = (await customer.data(WHAT_HAPPENS, {"n": number_id, "c": call}))["whatHappens"]
    assert (result["errors"][0]["code"], result["errors"][0]["field"]) == (code, field)
