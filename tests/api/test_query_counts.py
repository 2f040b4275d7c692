"""No N+1: the statements a page costs do not grow with the page size."""

from __future__ import annotations

import datetime as dt

import pytest

from api.accounts.models import Account
from api.clock import utcnow
from api.numbers.importing import import_numbers
from api.numbers.lifecycle import Actor
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus
from api.reservations.models import Reservation
from tests.api.support import Client, Env
from tests.sqlcount import count_statements

PAGE = """query($n:Int!){numbers(first:$n){edges{node{number status grade priceFen
  account{id name balanceFen} reservation{expiresAt active}}}}}"""
DASHBOARD = """query($n:Int!){me{user{login} account{name balanceFen numbers(first:$n){edges{node{
  number display status statusName reservation{expiresAt}}}}}}}"""
AVAILABLE = "query($n:Int!){availableNumbers(first:$n){edges{node{number display grade priceFen}}}}"


async def _seed(owner_login: str | None = None) -> None:
    """120 numbers over 60 accounts, half of them reserved, plus 100 available ones."""
    await import_numbers("4006000000-4006000119\n4008000000-4008000099", Actor(label="test"))
    accounts = [await Account.create(name=f"公司{i}") for i in range(60)]
    now = utcnow()
    for i, number in enumerate(await Number.filter(number__startswith="4006").order_by("number")):
        account = accounts[i % 60]
        reserved = i % 2 == 0
        number.status = NumberStatus.RESERVED if reserved else NumberStatus.ACTIVE
        number.account_id = account.id
        await number.save()
        if reserved:
            await Reservation.create(
                number=number, account=account, created_at=now, expires_at=now + dt.timedelta(days=2)
            )


async def _statements(client: Client, query: str, n: int) -> int:
    with count_statements() as counter:
        data = await client.data(query, {"n": n})
    assert data
    return counter.count


@pytest.mark.parametrize("query", [PAGE, AVAILABLE], ids=["operator-page", "available"])
async def test_statements_do_not_grow_with_the_page(env: Env, query: str) -> None:
    await _seed()
    op = await env.operator()
    small, large = await _statements(op, query, 5), await _statements(op, query, 50)
    assert small == large
    assert large <= 5


async def test_dashboard_statements_do_not_grow(env: Env) -> None:
    await _seed()
    client = await env.customer("acme")
    me = await Account.get(name="acme公司")
    await Number.filter(number__startswith="4006").update(account_id=me.id)
    await Reservation.all().update(account_id=me.id)
    small, large = await _statements(client, DASHBOARD, 5), await _statements(client, DASHBOARD, 50)
    assert small == large
    assert large <= 6
