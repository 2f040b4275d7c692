"""R12: extra 总机 lines cost 30 yuan a line a year, on the account's ledger; 中继 has no line fee.

A number's line year starts when the operator first raises its extra lines. Raising them during the
year charges the added lines for that year in full (no pro rata); lowering them refunds nothing, and
raising them again within the year charges only lines beyond those already paid. When the year ends
the renewal job charges the lines the number then has for another year, or ends the line year when it
has none. Each charge has an idempotency key naming the number, the year and the lines, so a retried
request or a second job process charges nothing twice.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from api.accounts.locks import lock_account
from api.billing.ledger import record_charge
from api.billing.models import EntryKind
from api.clock import SHANGHAI, to_local, utcnow
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus, format_number
from api.routing.models import LinePackage, LineYear, NumberRouting

__all__ = ["LINE_FEE_FEN", "charge_for_lines", "renew_line_years"]

LINE_FEE_FEN = 3000  # R12: 30 yuan per extra line per year


def year_after(moment: dt.datetime) -> dt.datetime:
    """The same local date and time a year later (29 February → 28 February)."""
    local = to_local(moment)
    try:
        later = local.replace(year=local.year + 1)
    except ValueError:
        later = local.replace(year=local.year + 1, day=28)
    return later.astimezone(dt.UTC)


async def charge_for_lines(
    conn: BaseDBAsyncClient, number: Number, extra_lines: int, now: dt.datetime | None = None
) -> int:
    """Charge, inside the caller's transaction, the lines beyond those paid this year; the fen charged."""
    if number.account_id is None or extra_lines <= 0:
        return 0
    now = now or utcnow()
    await lock_account(conn, number.account_id)  # one line change of the account at a time
    year = await LineYear.filter(number_id=number.id).using_db(conn).first()
    if year is None:
        year = LineYear(number_id=number.id, paid_lines=0, paid_until=year_after(now))
    elif year.paid_until <= now:  # the renewal job has not come by yet: a new year starts now
        year.paid_lines, year.paid_until = 0, year_after(now)
    added = extra_lines - year.paid_lines
    if added <= 0:
        return 0
    fee = added * LINE_FEE_FEN
    until = to_local(year.paid_until)
    await record_charge(
        conn,
        account_id=number.account_id,
        amount_fen=fee,
        kind=EntryKind.LINE_FEE,
        description=f"总机加购线路费 {format_number(number.number)} {added}线 至{until:%Y-%m-%d}",
        reference=f"number:{number.id}",
        idempotency_key=f"lines:{number.id}:{until:%Y%m%d}:{extra_lines}",
        now=now,
    )
    year.paid_lines = extra_lines
    await year.save(using_db=conn)
    return fee


async def renew_line_years(now: dt.datetime | None = None) -> int:
    """Charge the next year of every line year that ended (idempotent); how many were renewed."""
    now = now or utcnow()
    due = cast("list[int]", await LineYear.filter(paid_until__lte=now).values_list("number_id", flat=True))
    renewed = 0
    for number_id in due:
        if await _renew(number_id, now):
            renewed += 1
    return renewed


async def _renew(number_id: int, now: dt.datetime) -> bool:
    number = await Number.filter(id=number_id).first()
    routing = await NumberRouting.filter(number_id=number_id).first()
    in_service = (
        number is not None
        and number.account_id is not None
        and number.status
        in (
            NumberStatus.ACTIVE,
            NumberStatus.SUSPENDED,
        )
    )
    lines = routing.extra_lines if routing and routing.package == LinePackage.SWITCHBOARD else 0
    async with in_transaction() as conn:
        if number is not None and number.account_id is not None:
            await lock_account(conn, number.account_id)
        year = await LineYear.filter(number_id=number_id, paid_until__lte=now).using_db(conn).first()
        if year is None:  # renewed meanwhile by another process
            return False
        if not in_service or lines <= 0:
            await year.delete(using_db=conn)
            return False
        assert number is not None and number.account_id is not None
        start = year.paid_until
        year.paid_until, year.paid_lines = year_after(start), lines
        await record_charge(
            conn,
            account_id=number.account_id,
            amount_fen=lines * LINE_FEE_FEN,
            kind=EntryKind.LINE_FEE,
            description=(
                f"总机加购线路年费 {format_number(number.number)} {lines}线 "
                f"{to_local(start):%Y-%m-%d}至{to_local(year.paid_until):%Y-%m-%d}"
            ),
            reference=f"number:{number.id}",
            idempotency_key=f"lines:{number.id}:{to_local(start).astimezone(SHANGHAI):%Y%m%d}:renew",
            now=now,
        )
        await year.save(using_db=conn)
    return True
