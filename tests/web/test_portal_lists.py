"""Lists with times in the portal are sorted by the service: call records newest first by default and by
talk time or charge from the table's headers, the ledger and statements by time, recordings and
applications newest or oldest first. A header click asks the service again, so the longest call is first
even when it is older than anything on the first page."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from playwright.sync_api import Page, expect

from tests.web.calls_support import gql, service_token
from tests.web.conftest import check_screen, sign_in

REPORT_MANY = "mutation($c:[CallReportInput!]!){reportCalls(calls:$c){__typename}}"
PREFIX = "1360000"  # these calls' callers, to filter them from the other tests' calls


def calls(prefix: str) -> list[dict[str, object]]:
    """An old long call, then 24 short newer ones: more than the table's first page of 20."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    reports = []
    for i, (talk, ago) in enumerate([(1500, 240), *[(10 + i, 30 - i) for i in range(24)]]):
        start = now - dt.timedelta(minutes=ago)
        reports.append(
            {
                "callId": f"lists-{uuid.uuid4().hex}",
                "number": "4006000001",
                "caller": f"{prefix}{i:04d}",
                "startedAt": start.isoformat(),
                "answeredAt": (start + dt.timedelta(seconds=5)).isoformat(),
                "endedAt": (start + dt.timedelta(seconds=5 + talk)).isoformat(),
                "disposition": "ANSWERED",
            }
        )
    return reports


def first_cells(page: Page, column: int, count: int = 3) -> list[str]:
    rows = page.get_by_role("tabpanel", name="通话记录").locator("tbody tr.ant-table-row")
    return [rows.nth(i).locator("td").nth(column).inner_text() for i in range(count)]


def test_call_records_sort_on_the_service_by_time_talk_and_charge(page: Page, service: str) -> None:
    token = service_token(page, service)
    reported = gql(page.request, REPORT_MANY, {"c": calls(PREFIX)}, token)
    assert reported["reportCalls"]["__typename"] == "CallReportBatch"
    sign_in(page)
    page.goto("/money")
    page.get_by_role("tab", name="通话记录").click()
    page.get_by_label("主叫号码").fill(PREFIX)
    page.get_by_role("button", name=re.compile("^查 ?询$")).click()
    expect(page.get_by_text("共 25 条通话记录")).to_be_visible()
    panel = page.get_by_role("tabpanel", name="通话记录")
    expect(panel.locator("tbody tr.ant-table-row")).to_have_count(20)  # one page

    # Newest first by default: the long call, four hours old, is not on the first page.
    expect(panel.get_by_role("columnheader", name=re.compile("开始时间"))).to_have_attribute(
        "aria-sort", "descending"
    )
    assert "1500 秒" not in panel.locator("tbody").inner_text()

    # By talk time, longest first: the service answers with the long call on top.
    panel.get_by_role("columnheader", name=re.compile("通话时长")).click()
    expect(panel.locator("tbody tr.ant-table-row").first).to_contain_text("1500 秒")
    assert first_cells(page, 5) == ["1500 秒", "33 秒", "32 秒"]
    check_screen(page, "portal-calls-sorted", phone=True)
    # Shortest first.
    panel.get_by_role("columnheader", name=re.compile("通话时长")).click()
    expect(panel.locator("tbody tr.ant-table-row").first).to_contain_text("10 秒")
    # Costliest first: the long call's 25 minutes cost the most.
    panel.get_by_role("columnheader", name=re.compile("费用")).click()
    expect(panel.locator("tbody tr.ant-table-row").first).to_contain_text("1500 秒")
    # Paging on in that order continues it (the next page is the service's, not a re-sort).
    panel.get_by_role("button", name=re.compile("加载更多")).click()
    expect(panel.locator("tbody tr.ant-table-row")).to_have_count(25)
    charges = [
        float(t.replace(" 元", "").replace(",", ""))
        for t in panel.locator("tbody tr.ant-table-row td:nth-child(7)").all_inner_texts()
    ]
    assert charges == sorted(charges, reverse=True)


def test_ledger_statements_recordings_and_applications_sort_by_time(page: Page) -> None:
    sign_in(page)
    page.goto("/money")
    ledger = page.get_by_role("tabpanel", name="收支明细")
    header = ledger.get_by_role("columnheader", name=re.compile("时间"))
    expect(header).to_have_attribute("aria-sort", "descending")
    header.click()  # oldest first: the demo account's opening balance
    expect(header).to_have_attribute("aria-sort", "ascending")
    expect(ledger.locator("tbody tr.ant-table-row").first).to_contain_text("演示开户余额")

    page.get_by_role("tab", name="月度账单").click()
    statements = page.get_by_role("tabpanel", name="月度账单")
    expect(statements.get_by_role("columnheader", name=re.compile("月份"))).to_have_attribute(
        "aria-sort", "descending"
    )

    page.goto("/recordings")
    expect(page.get_by_text(re.compile("最新的在前"))).to_be_visible()
    page.get_by_label("排序").get_by_text("最早在前").click()
    expect(page.get_by_text(re.compile("最早的在前"))).to_be_visible()

    page.goto("/applications")
    switch = page.get_by_label("申请排序")
    expect(switch).to_be_visible()
    switch.get_by_text("最早在前").click()
    expect(switch.locator(".ant-segmented-item-selected")).to_have_text("最早在前")
