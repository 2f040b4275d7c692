"""What a customer reads instead of internal references: 试听 plays at once, the ledger names the ringback
and the payment, the ringback fee has one name, and callers are masked alike (mobile or landline) except
the customer's own phones."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from playwright.sync_api import Page, expect

from tests.web.calls_support import REPORT, gql, service_token
from tests.web.conftest import check_screen, sign_in

DEMO_NUMBER = "4006000001"
OWN_LANDLINE = "01066668888"


def report_answered(page: Page, token: str, caller: str, answered_by: str) -> None:
    now = dt.datetime.now(dt.UTC)
    call = {
        "callId": f"labels-{uuid.uuid4().hex}",
        "number": DEMO_NUMBER,
        "caller": caller,
        "startedAt": (now - dt.timedelta(seconds=80)).isoformat(),
        "answeredAt": (now - dt.timedelta(seconds=60)).isoformat(),
        "endedAt": now.isoformat(),
        "disposition": "ANSWERED",
        "answeredPhone": answered_by,
    }
    assert gql(page.request, REPORT, {"c": call}, token)["reportCall"]["__typename"] == "CallReportOutcome"


def test_listening_to_a_prompt_starts_playback_and_shows_no_internal_id(page: Page) -> None:
    sign_in(page)
    made = gql(
        page.request,
        'mutation{createTextPrompt(kind:IVR_PROMPT,name:"试听测试",text:"欢迎致电演示科技"){... on MediaItem{promptId}}}',
    )
    prompt_id = made["createTextPrompt"]["promptId"]
    page.goto("/media")
    row = page.locator(".ant-list-item").filter(has=page.get_by_text("试听测试", exact=True))
    row.get_by_role("button", name="试听 试听测试").click()
    audio = row.locator("audio")
    expect(audio).to_be_attached()
    audio.evaluate(
        """a => new Promise((resolve, reject) => {
            if (!a.paused) return resolve(true);
            a.addEventListener('playing', () => resolve(true));
            a.addEventListener('error', () => reject(new Error('audio failed')));
        })"""
    )
    assert audio.evaluate("a => !a.paused")
    expect(page.get_by_text(prompt_id)).to_have_count(0)
    check_screen(page, "portal-media-playing", phone=True)


def test_the_ledger_names_payments_and_fees_in_chinese(page: Page) -> None:
    sign_in(page)
    page.goto("/money")
    expect(page.get_by_role("cell", name="其他 流水号 演示开户余额")).to_be_visible()
    expect(page.get_by_text("other:", exact=False)).to_have_count(0)
    expect(page.get_by_role("columnheader", name="凭证")).to_be_visible()


def test_callers_are_masked_alike_but_never_the_customers_own_phones(page: Page, service: str) -> None:
    token = service_token(page, service)
    sign_in(page)
    number_id = gql(page.request, "{numbers(first:50){edges{node{id number}}}}")["numbers"]["edges"]
    demo = next(e["node"]["id"] for e in number_id if e["node"]["number"] == DEMO_NUMBER)
    settings = {"destinations": [{"number": OWN_LANDLINE, "waitS": 30}]}
    saved = gql(
        page.request,
        "mutation($n:ID!,$s:SimpleRoutingInput!){saveSimpleRouting(numberId:$n,settings:$s){__typename}}",
        {"n": demo, "s": settings},
    )
    assert saved["saveSimpleRouting"]["__typename"] == "SimpleRoutingSaved"
    report_answered(page, token, "01088886666", OWN_LANDLINE)  # a stranger's landline
    report_answered(page, token, "13912340000", OWN_LANDLINE)  # a stranger's mobile
    report_answered(page, token, OWN_LANDLINE, OWN_LANDLINE)  # a colleague testing the hotline

    page.goto("/money")
    page.get_by_role("tab", name="通话记录").click()
    records = page.get_by_role("tabpanel", name="通话记录")
    rows = records.get_by_role("row")
    expect(rows.filter(has_text="010****6666")).to_have_count(1)
    expect(rows.filter(has_text="139****0000")).to_have_count(1)
    expect(records.get_by_text("01088886666")).to_have_count(0)
    # The customer's own phone is shown in full, as the caller (with its province) and as the phone that
    # answered each of the three calls.
    expect(records.get_by_role("cell", name=re.compile(rf"^{OWN_LANDLINE}(\(.*\))?$"))).to_have_count(4)
    check_screen(page, "portal-calls-masked", phone=True)
