"""Every CSV the service writes opens in a spreadsheet as text, never as a formula (CSV injection).

Call reports (from the telephony layer) and company names (chosen at sign-up) reach the call list and
the monthly statement; a cell starting with = + - @, a tab or a carriage return would be run by Excel or
LibreOffice. Each such cell gets a leading ', which spreadsheets hide and which keeps the text intact;
plain numbers, negative amounts included, stay numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator

import pytest

from api.billing.recharges import adjust
from api.clock import SHANGHAI, set_clock, utcnow
from api.spreadsheets import csv_document, csv_line
from api.statements.monthly import issue_statements
from tests.api.billing_support import REPORT, account_of, call, customer_with_balance
from tests.api.routing_support import active_number, service_token, telephony
from tests.api.support import Env

#: Formulas seen in the wild, each short enough for the narrowest column it is sent in.
PAYLOADS = (
    "@1+SUM(1,2)*cmd|' /C calc'!A0",
    '=1+HYPERLINK("//x.cn","点")',
    "+1+1",
    "-1+cmd|'/C calc'!A0",
    "=cmd|'/C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
    "+86138",
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def cells(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def assert_no_formula(rows: list[list[str]]) -> None:
    """What a spreadsheet would run: a cell starting like a formula that is not a plain number."""
    live = [c for row in rows for c in row if c.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(c)]
    assert live == []


@pytest.mark.parametrize(
    ("value", "written"),
    [
        *((p, "'" + p) for p in PAYLOADS),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("＝1+1", "'＝1+1"),  # full-width, as Chinese input methods type it
        ("-12.50", "-12.50"),  # a negative amount stays a number
        ("-3", "-3"),
        ("0.60", "0.60"),
        ("13912345678", "13912345678"),
        ("主叫=1+1", "主叫=1+1"),  # only the first character makes a formula
        ("", ""),
    ],
)
def test_a_cell_is_defused_only_when_a_spreadsheet_would_run_it(value: str, written: str) -> None:
    assert cells(csv_document([csv_line([value, "x"])])) == [[written, "x"]]


async def test_formulas_in_call_reports_are_text_in_the_calls_csv(env: Env) -> None:
    operator = await env.operator()
    acme = await customer_with_balance(env, "acme", 10_000, operator)
    await active_number(acme)
    phone = telephony(env, await service_token(env))
    # Every text column a call report fills: call id (64), caller (32), area (16), answered phone (20).
    for i, payload in enumerate(PAYLOADS):
        report = call(payload, talk=30, caller=payload) | {
            "callerArea": payload[:16],
            "answeredPhone": payload[:20],
            "startedAt": f"2026-12-01T10:{i:02d}:00+08:00",
            "endedAt": f"2026-12-01T10:{i:02d}:35+08:00",
            "answeredAt": f"2026-12-01T10:{i:02d}:05+08:00",
        }
        body = await phone.data(REPORT, {"c": report})
        assert body["reportCall"]["__typename"] == "CallReportOutcome", body

    response = await acme.http.get("/calls.csv")
    assert response.status_code == 200
    rows = cells(response.content)
    assert_no_formula(rows)
    header, *calls = rows
    column = {name: header.index(name) for name in ("通话编号", "主叫号码", "主叫区号", "接听号码")}
    assert len(calls) == len(PAYLOADS)
    for row, payload in zip(calls, PAYLOADS, strict=True):
        # Defused, not damaged: the text after the ' is what was reported.
        assert row[column["通话编号"]] == "'" + payload
        assert row[column["主叫号码"]] == "'" + payload
        assert row[column["主叫区号"]] == "'" + payload[:16]
        assert row[column["接听号码"]] == "'" + payload[:20]


@pytest.fixture
def clock() -> Iterator[None]:
    yield
    set_clock(dt.timedelta(0))


def at(text: str) -> None:
    moment = dt.datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)
    set_clock(dt.timedelta(0))
    set_clock(moment - utcnow())


@pytest.mark.parametrize("company", ['=1+HYPERLINK("//x.cn","点")', "@SUM(1+1)*cmd|' /C calc'!A0", "-1+1"])
async def test_a_company_name_is_text_in_the_statement_csv(env: Env, clock: None, company: str) -> None:
    operator = await env.operator()
    acme = await env.customer("acme", company=company)
    await active_number(acme)
    account = await account_of(acme)
    at("2026-11-10 12:00:00")
    phone = telephony(env, await service_token(env))
    report = call("nov-1", talk=125, start="2026-11-10T12:00:00+08:00")
    assert (await phone.data(REPORT, {"c": report}))["reportCall"]["__typename"] == "CallReportOutcome"
    await adjust(account.id, -250, "更正", "adj-1", actor="op")
    at("2026-12-01 00:10:00")
    assert await issue_statements() == 1

    body = await acme.data("{statements{edges{node{csvUrl}}}}")
    url = body["statements"]["edges"][0]["node"]["csvUrl"]
    for client in (acme, operator):
        response = await client.http.get(url)
        assert response.status_code == 200
        rows = cells(response.content)
        assert_no_formula(rows)
        values = dict(rows[1:])
        assert values["账户"] == "'" + company
        # Negative amounts stay numbers a spreadsheet can add up.
        assert values["调整(元)"] == "-2.50" and values["通话费(元)"] == "0.90"
