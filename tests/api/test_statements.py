"""Monthly statements (R6): Asia/Shanghai month bounds, issued once after the month, adding up to the ledger."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import pytest
from pypdf import PdfReader

from api.billing.models import LedgerEntry
from api.billing.recharges import RechargeMethod, adjust, recharge
from api.calls.reports import CallReport, record_calls
from api.clock import SHANGHAI, set_clock, utcnow
from api.config import Config
from api.jobs import run_jobs_once
from api.statements.models import Statement
from api.statements.monthly import issue_statements
from tests.api.billing_support import account_of, call
from tests.api.routing_support import active_number
from tests.api.support import Env
from tests.api.test_calls import _domain

STATEMENTS = """{statements{totalCount edges{node{id month openingFen rechargesFen callChargesFen feesFen
  adjustmentsFen closingFen calls billedSeconds perNumber{number calls billedSeconds chargeFen}
  fees{kind name count amountFen} csvUrl pdfUrl}}}}"""


@pytest.fixture
def clock() -> Iterator[None]:
    yield
    set_clock(dt.timedelta(0))


def at(text: str) -> dt.datetime:
    """Move the service's clock to a local (Asia/Shanghai) time."""
    moment = dt.datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)
    set_clock(dt.timedelta(0))
    set_clock(moment - utcnow())
    return moment


async def _call(config: Config, call_id: str, talk: int, start: dt.datetime) -> None:
    report = call(call_id, talk=talk, start=start.isoformat())
    await record_calls([CallReport(**_domain(report))], config)  # type: ignore[arg-type]


async def test_a_month_statement_adds_up_to_the_ledger_and_never_changes(
    env: Env, config: Config, clock: None
) -> None:
    acme, op = await env.customer("acme"), await env.operator()
    await active_number(acme)
    account_id = (await account_of(acme)).id

    await recharge(account_id, 10_000, RechargeMethod.BANK_TRANSFER, "oct", actor="op")
    at("2026-10-31 23:59:00")
    await recharge(account_id, 1_000, RechargeMethod.CASH, "oct-late", actor="op")
    # Move the October entries into October (they were written at the real time of the test).
    await LedgerEntry.filter(idempotency_key="recharge:oct").update(created_at=utcnow())
    first = at("2026-11-01 00:00:30")
    await _call(config, "nov-1", 125, first)  # 90 fen
    await recharge(account_id, 5_000, RechargeMethod.ALIPAY, "nov", actor="op")
    await adjust(account_id, -250, "上月多计通话费更正", "adj-1", actor="op")
    last = at("2026-11-30 23:59:00")
    await _call(config, "nov-2", 61, last - dt.timedelta(seconds=70))  # 60 fen, reported before midnight
    december = at("2026-12-01 00:00:01")
    await _call(config, "dec-1", 30, december)  # 30 fen, December's

    at("2026-12-01 00:10:00")
    assert (await run_jobs_once(env.config))["issue_statements"] == 1
    assert await issue_statements() == 0  # a second run, or another process, issues nothing

    body = (await acme.data(STATEMENTS))["statements"]
    assert body["totalCount"] == 1
    s = body["edges"][0]["node"]
    assert s["month"] == "2026-11"
    assert (s["openingFen"], s["rechargesFen"], s["callChargesFen"]) == (11_000, 5_000, -150)
    assert (s["feesFen"], s["adjustmentsFen"], s["closingFen"]) == (0, -250, 15_600)
    assert (s["calls"], s["billedSeconds"]) == (2, 300)
    assert s["perNumber"] == [{"number": "4006228300", "calls": 2, "billedSeconds": 300, "chargeFen": 150}]
    # To the fen: the closing balance is the sum of every entry before 1 December 00:00 Beijing time.
    end = dt.datetime(2026, 12, 1, tzinfo=SHANGHAI).astimezone(dt.UTC)  # stored times are UTC
    ledger = sum(e.amount_fen for e in await LedgerEntry.filter(account_id=account_id, created_at__lt=end))
    assert s["closingFen"] == ledger == 15_600

    await adjust(account_id, 100, "补记", "adj-2", actor="op")  # a correction after issue: December's
    statement = await Statement.get(id=int(s["id"]))
    assert statement.closing_fen == 15_600 and statement.adjustments_fen == -250

    csv_response = await acme.http.get(s["csvUrl"])
    assert csv_response.status_code == 200
    text = csv_response.content.decode("utf-8-sig")
    assert '"期末余额(元)","156.00"' in text and '"号码 400-622-8300","2次,5分00秒,1.50元"' in text
    pdf_response = await acme.http.get(s["pdfUrl"])
    assert pdf_response.status_code == 200 and pdf_response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(pdf_response.content))
    # fpdf2 writes two-byte character codes with an embedded CMap that pypdf reads one byte at a time, so
    # every character comes out after a NUL; the characters themselves are the right ones.
    page = reader.pages[0].extract_text().replace("\x00", "")
    assert "400业务话费账单" in page and "acme公司" in page and "156.00" in page and "2026年11月" in page
    font = reader.pages[0]["/Resources"]["/Font"]["/F1"].get_object()
    descendant = font["/DescendantFonts"][0].get_object()
    assert "NotoSansCJKSC" in font["/BaseFont"] and "/FontFile3" in descendant["/FontDescriptor"]  # embedded

    intruder = await env.customer("intruder")
    assert (await intruder.data(STATEMENTS))["statements"]["totalCount"] == 0
    assert (await intruder.http.get(s["pdfUrl"])).status_code == 404
    assert (await env.anonymous().http.get(s["csvUrl"])).status_code == 404
    assert (await op.http.get(s["csvUrl"])).status_code == 200
