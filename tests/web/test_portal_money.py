"""费用中心: the ledger newest first, call records filtered and exported as CSV."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.web.calls_support import gql, report, service_token
from tests.web.conftest import check_screen, sign_in


def test_the_customer_reads_the_ledger_and_filters_and_exports_call_records(page: Page, service: str) -> None:
    token = service_token(page, service)
    answered = report(page, token, "ANSWERED", 125, caller="13700001111")
    busy = report(page, token, "BUSY", 0, caller="13700002222")
    sign_in(page)
    page.get_by_role("menuitem", name="费用中心").click()
    expect(page.get_by_role("heading", name="费用中心")).to_be_visible()

    # The newest entry first: the answered call's charge, taken from the balance.
    charge = gql(page.request, '{callRecords(caller:"13700001111"){edges{node{callId chargeFen}}}}')
    record = next(e["node"] for e in charge["callRecords"]["edges"] if e["node"]["callId"] == answered)
    assert record["chargeFen"] > 0
    first_row = page.get_by_role("row").nth(1)
    expect(first_row).to_contain_text("通话费")
    fen = record["chargeFen"]
    expect(first_row).to_contain_text(f"-{fen // 100}.{fen % 100:02d} 元")
    check_screen(page, "portal-money", phone=True)

    page.get_by_role("tab", name="通话记录").click()
    page.get_by_label("主叫号码").fill("137000")
    page.get_by_label("结果").click()
    page.get_by_title("忙", exact=True).click()
    page.get_by_role("button", name="查 询").or_(page.get_by_role("button", name="查询")).click()
    expect(page.get_by_text("共 1 条通话记录")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="137****2222")).to_contain_text("忙")
    check_screen(page, "portal-calls", phone=True)

    with page.expect_download() as download:
        page.get_by_role("link", name="导出 CSV").click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    assert busy in text and answered not in text
    assert re.search(r"13700002222", text)
