"""The operators' bulk sign-up screen: sign-ups grouped by network address, and the clean-up that disables
the bulk accounts and puts their held numbers back on sale."""

from __future__ import annotations

import json
import re
import urllib.request
import uuid
from http.cookies import SimpleCookie
from typing import Any

from playwright.sync_api import Page, expect

from tests.web.conftest import OPERATOR, check_screen, screenshot, sign_in

SIGN_UP = """mutation($c:String!,$l:String!){signUp(companyName:$c,login:$l,password:"bulk-password-400",
  displayName:"批量"){__typename}}"""
FIRST_AVAILABLE = "{availableNumbers(first:1){edges{node{id display}}}}"
RESERVE = "mutation($id:ID!){reserveNumber(numberId:$id){__typename}}"


def _post(service: str, address: str, query: str, variables: dict[str, Any], cookies: dict[str, str]) -> Any:
    """A GraphQL request as a client at ``address`` (the service trusts the loopback proxy's header),
    carrying and keeping the cookies of one browser."""
    request = urllib.request.Request(
        f"{service}/graphql",
        data=json.dumps({"query": query, "variables": variables}).encode(),
        headers={
            "content-type": "application/json",
            "x-forwarded-for": address,
            "cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        for header in response.headers.get_all("set-cookie") or []:
            cookies.update({k: m.value for k, m in SimpleCookie(header).items()})
        return json.loads(response.read())["data"]


def _seed(service: str, address: str, count: int, tag: str) -> list[dict[str, str]]:
    """``count`` sign-ups from one address: three from one browser, the rest from fresh ones."""
    browsers: list[dict[str, str]] = []
    shared: dict[str, str] = {}
    for i in range(count):
        cookies = {"hotline_device": shared["hotline_device"]} if i < 3 and shared else {}
        done = _post(service, address, SIGN_UP, {"c": f"批量{tag}{i}号公司", "l": f"bulk-{tag}-{i}"}, cookies)
        assert done["signUp"]["__typename"] == "Viewer", done
        shared = shared or dict(cookies)
        browsers.append(cookies)
    return browsers


def test_operator_reviews_bulk_sign_ups_and_cleans_them_up(page: Page, service: str) -> None:
    tag = uuid.uuid4().hex[:6]
    bulk_address, pair_address = "203.0.113.77", "198.51.100.77"
    browsers = _seed(service, bulk_address, 4, tag)
    others = _seed(service, pair_address, 2, tag + "p")
    number = _post(service, bulk_address, FIRST_AVAILABLE, {}, browsers[0])["availableNumbers"]["edges"][0][
        "node"
    ]
    assert _post(service, bulk_address, RESERVE, {"id": number["id"]}, browsers[0])["reserveNumber"] == {
        "__typename": "Reservation"
    }

    sign_in(page, OPERATOR)
    page.get_by_role("menuitem", name="批量注册").click()
    expect(page).to_have_url(re.compile(r"/signups$"))
    expect(page.get_by_role("heading", name="批量注册")).to_be_visible()
    bulk = page.get_by_role("row").filter(has=page.get_by_text(bulk_address, exact=True))
    expect(bulk).to_contain_text("4")
    expect(bulk.get_by_role("button", name=f"清理 4 个账户,来自 {bulk_address}")).to_be_enabled()
    bulk.get_by_role("button", name="展开行").click()
    accounts = page.locator(".ant-table-expanded-row").first
    expect(accounts.get_by_role("row")).to_have_count(5)  # a header and four sign-ups
    first = accounts.get_by_role("row").filter(has_text=f"bulk-{tag}-0")
    expect(first).to_contain_text(number["display"])
    expect(first).to_contain_text("浏览器1")
    expect(first).to_contain_text("可清理")
    expect(accounts.get_by_role("row").filter(has_text=f"bulk-{tag}-2")).to_contain_text(
        "浏览器1"
    )  # same browser
    expect(accounts.get_by_role("row").filter(has_text=f"bulk-{tag}-3")).to_contain_text("浏览器2")
    check_screen(page, "console-signups")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "console-signups-phone")
    page.set_viewport_size({"width": 1440, "height": 900})

    # Two accounts picked by hand go first; the group's own button then takes the rest.
    accounts.get_by_label(f"选择 批量{tag}3号公司").check()
    accounts.get_by_label(f"选择 批量{tag}2号公司").check()
    page.get_by_role("button", name="清理选中的 2 个账户").click()
    dialog = page.get_by_role("dialog", name="清理选中的账户")
    expect(dialog).to_contain_text("将停用 2 个账户")
    dialog.get_by_role("button", name="停用并释放号码").click()
    expect(dialog.get_by_text("请填写清理原因")).to_be_visible()
    dialog.get_by_label("清理原因").fill("同一地址批量注册")
    dialog.get_by_role("button", name="停用并释放号码").click()
    expect(page.get_by_text("已停用 2 个账户")).to_be_visible()
    bulk.get_by_role("button", name=f"清理 2 个账户,来自 {bulk_address}").click()
    dialog = page.get_by_role("dialog", name=f"清理来自 {bulk_address} 的账户")
    expect(dialog).to_contain_text("将停用 2 个账户")
    expect(dialog).to_contain_text("释放 1 个预占号码")
    dialog.get_by_label("清理原因").fill("半分钟内注册多个账户占号")
    check_screen(page, "console-signups-clean-up")
    dialog.get_by_role("button", name="停用并释放号码").click()
    expect(page.get_by_text("已停用 2 个账户,释放 1 个预占号码")).to_be_visible()
    expect(bulk.get_by_role("button", name=f"无可清理账户,来自 {bulk_address}")).to_be_disabled()
    if not page.locator(".ant-table-expanded-row").first.is_visible():
        bulk.get_by_role("button", name="展开行").click()
    accounts = page.locator(".ant-table-expanded-row").first
    disabled = accounts.get_by_role("row").filter(has_text=f"bulk-{tag}-0")
    expect(disabled).to_contain_text("已停用")
    expect(disabled).to_contain_text("operator")
    expect(disabled).to_contain_text("半分钟内注册多个账户占号")
    expect(disabled).not_to_contain_text(number["display"])  # back on sale
    screenshot(page, "console-signups-cleaned")

    # Grouped by browser: the one that opened three of them.
    page.locator(".ant-segmented-item", has_text="按浏览器").click()
    expect(page.get_by_text("同一浏览器注册")).to_be_visible()
    browser_row = page.get_by_role("row").filter(has_text="浏览器1")
    expect(browser_row).to_contain_text(bulk_address)
    expect(browser_row.get_by_role("cell", name="3", exact=True)).to_be_visible()
    browser_row.get_by_role("button", name="展开行").click()
    expect(page.locator(".ant-table-expanded-row").first.get_by_role("row")).to_have_count(4)
    check_screen(page, "console-signups-by-browser")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "console-signups-by-browser-phone")
    page.set_viewport_size({"width": 1440, "height": 900})

    # The cleaned accounts are signed out and cannot sign in again; the number can be chosen again.
    assert _post(service, bulk_address, "{me{user{login}}}", {}, browsers[0])["me"]["user"] is None
    again = _post(service, pair_address, "{availableNumbers(first:1){edges{node{id}}}}", {}, others[0])
    assert again["availableNumbers"]["edges"][0]["node"]["id"] == number["id"]
