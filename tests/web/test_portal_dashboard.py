"""The customer's dashboard: balance, today's calls and missed calls, calls per day, numbers with package."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.web.calls_support import gql, report, service_token
from tests.web.conftest import check_screen, sign_in


def tile(page: Page, title: str) -> Locator:
    return page.locator(".ant-statistic").filter(has_text=title).locator(".ant-statistic-content")


def count(page: Page, title: str) -> int:
    found = re.match(r"\d+", tile(page, title).inner_text())
    assert found, title
    return int(found.group())


def test_the_dashboard_counts_todays_calls_and_draws_calls_per_day(page: Page, service: str) -> None:
    sign_in(page)
    expect(page.get_by_role("heading", name="概览")).to_be_visible()
    balance = gql(page.request, "{me{account{balanceFen}}}")["me"]["account"]["balanceFen"]
    expect(tile(page, "账户余额")).to_have_text(f"{balance // 100:,}.{balance % 100:02d} 元")
    before_calls, before_missed = count(page, "今日来电"), count(page, "今日漏接")

    token = service_token(page, service)
    report(page, token, "ANSWERED", 60)
    report(page, token, "BUSY", 0)
    page.reload()
    expect(tile(page, "今日来电")).to_have_text(re.compile(rf"^{before_calls + 2}\s*通$"))
    expect(tile(page, "今日漏接")).to_have_text(re.compile(rf"^{before_missed + 1}\s*通$"))
    chart = page.get_by_test_id("calls-chart")
    expect(chart.locator("canvas")).to_have_count(1)
    expect(chart).to_have_attribute("aria-label", re.compile(r"^近30天来电 \d+ 通的每日趋势图$"))
    row = page.get_by_role("row").filter(has_text="400-600-0001")
    expect(row).to_contain_text("使用中")
    expect(row).to_contain_text("总机套餐")
    expect(row).to_contain_text("10 路")
    check_screen(page, "portal-dashboard", phone=True)
    row.get_by_role("link", name="400-600-0001").click()
    expect(page).to_have_url(re.compile(r"/numbers/\d+$"))
