"""R12: extra 总机 lines cost 30 yuan a line a year, charged when raised and renewed yearly; 中继 is free."""

from __future__ import annotations

import datetime as dt

from api.billing.models import EntryKind, LedgerEntry
from api.clock import set_clock
from api.jobs import run_jobs_once
from api.routing.line_fees import renew_line_years
from api.routing.models import LineYear
from tests.api.billing_support import balance, customer_with_balance
from tests.api.routing_support import active_number
from tests.api.support import Env

LINES = """mutation($n:ID!,$p:LinePackage!,$e:Int!){setLinePackage(numberId:$n,package:$p,extraLines:$e){
  __typename ... on UserErrors{errors{code}}}}"""


async def test_raising_lines_charges_the_added_lines_for_the_year_and_renews_yearly(env: Env) -> None:
    op = await env.operator()
    acme = await customer_with_balance(env, "acme", 100_000, op)
    number = await active_number(acme)
    try:
        await op.data(LINES, {"n": number, "p": "SWITCHBOARD", "e": 2})
        assert await balance(acme) == 100_000 - 6000
        await op.data(LINES, {"n": number, "p": "SWITCHBOARD", "e": 2})  # the same again: nothing
        await op.data(LINES, {"n": number, "p": "SWITCHBOARD", "e": 1})  # lowered: no refund
        await op.data(LINES, {"n": number, "p": "SWITCHBOARD", "e": 3})  # beyond the 2 paid: 1 more
        assert await balance(acme) == 100_000 - 9000
        fees = await LedgerEntry.filter(kind=EntryKind.LINE_FEE).order_by("id")
        assert [f.amount_fen for f in fees] == [-6000, -3000]
        assert "总机加购线路费 400-622-8300 2线" in fees[0].description

        assert await renew_line_years() == 0  # the year has not ended
        set_clock(dt.timedelta(days=366))
        results = await run_jobs_once(env.config)
        assert results["renew_line_fees"] == 1
        assert await renew_line_years() == 0  # a second run (or process) charges nothing more
        assert await balance(acme) == 100_000 - 9000 - 9000

        assert op.user is not None
        op = await env.login(op.user)  # a year later: the old session has expired
        await op.data(LINES, {"n": number, "p": "TRUNK", "e": 0})  # 中继: no line fee from now on
        set_clock(dt.timedelta(days=366 * 2 + 1))
        assert await renew_line_years() == 0
        assert await balance(acme) == 100_000 - 18_000
        assert await LineYear.all().count() == 0
    finally:
        set_clock(dt.timedelta(0))
