"""The operator console as operators use it day to day: every customer's flows with whose each is, the
inventory's search above its import (typed or from a CSV/XLSX file), holds whose application is in
review, the printable recharge receipt, and the account list's numbers, balance state and stage."""

from __future__ import annotations

import io
import json
import random
import re
import unicodedata
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from openpyxl import Workbook
from playwright.sync_api import Browser, BrowserContext, Page, expect
from pypdf import PdfReader

from tests.api import documents
from tests.web.conftest import OPERATOR, PHONE, check_screen, new_browser_context, screenshot, sign_in

SIGN_UP = """mutation($c:String!,$l:String!){signUp(companyName:$c,login:$l,password:"gaps-password-400",
  displayName:"测试联系人"){__typename}}"""
CREATE_FLOW = "mutation($n:String!){createFlow(name:$n){... on Flow{id}}}"
IMPORT = "mutation($t:String!){importNumbers(text:$t){__typename}}"
AVAILABLE = "query($p:String!){availableNumbers(search:{prefix:$p}){edges{node{id}}}}"
RESERVE = "mutation($id:ID!){reserveNumber(numberId:$id){... on Reservation{id}}}"
SUBMIT = """mutation($r:ID!,$c:CompanyInput!,$d:DocumentsInput!){submitApplication(reservationId:$r,company:$c,
  documents:$d){__typename ... on UserErrors{errors{message}}}}"""


def _tag() -> str:
    return uuid.uuid4().hex[:8]


def _button(page: Page | Any, text: str) -> Any:
    """A button by its Chinese text; antd puts a space between the two characters of a two-character label."""
    return page.get_by_role("button", name=re.compile("^" + r"\s?".join(text) + "$"))


def _gql(context: BrowserContext, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    answer = context.request.post(
        "/graphql",
        data={"query": query, "variables": variables or {}},
        headers={"Accept": "application/json"},
    )
    body = answer.json()
    assert "errors" not in body, body
    return body["data"]


def _display(number: str) -> str:
    return f"{number[:3]}-{number[3:6]}-{number[6:]}"


@pytest.fixture
def customers(browser: Browser, service: str) -> Iterator[Any]:
    """Makes customers through sign-up, each in a browser context of its own (closed afterwards)."""
    made: list[BrowserContext] = []

    def make(company: str) -> BrowserContext:
        context = new_browser_context(browser, service)
        made.append(context)
        body = _gql(context, SIGN_UP, {"c": company, "l": f"gaps-{_tag()}"})
        assert body["signUp"]["__typename"] == "Viewer"
        return context

    yield make
    for context in made:
        context.close()


def _fresh_number(page: Page) -> str:
    """A number of its own in the inventory (the demo data is shared by every browser test)."""
    number = str(4006800000 + random.randrange(0, 99_999))
    assert _gql(page.context, IMPORT, {"t": number})["importNumbers"]["__typename"] == "ImportNumbersResult"
    return number


def _reserve(customer: BrowserContext, number: str) -> str:
    found = _gql(customer, AVAILABLE, {"p": number})["availableNumbers"]["edges"]
    return _gql(customer, RESERVE, {"id": found[0]["node"]["id"]})["reserveNumber"]["id"]


def _apply(customer: BrowserContext, reservation_id: str) -> None:
    company = {
        "companyName": "珠海某某科技有限公司",
        "creditCode": "91350100M000100Y43",
        "legalRepName": "张三",
        "contactName": "李四",
        "contactPhone": "13800138000",
        "boundNumbers": ["0756-3331234"],
    }
    names = ["businessLicence", "legalRepIdFront", "legalRepIdBack", "applicationForm"]
    operations = {"query": SUBMIT, "variables": {"r": reservation_id, "c": company, "d": {}}}
    parts: dict[str, Any] = {
        "operations": json.dumps(operations),
        "map": json.dumps({str(i): [f"variables.d.{n}"] for i, n in enumerate(names)}),
    }
    for i, name in enumerate(names):
        parts[str(i)] = {"name": f"{name}.pdf", "mimeType": "application/pdf", "buffer": documents.pdf()}
    answer = customer.request.post(
        "/graphql",
        multipart=parts,
        headers={"X-Requested-With": "XMLHttpRequest", "Accept": "application/json"},
    )
    body = answer.json()
    assert body["data"]["submitApplication"]["__typename"] == "Application", body


def _phone_screenshot(page: Page, name: str) -> None:
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        page.wait_for_timeout(200)
        screenshot(page, f"{name}-phone")
    finally:
        if size:
            page.set_viewport_size(size)


# ------------------------------------------------------------------------------------------- flows


def test_operator_sees_whose_each_flow_is_and_narrows_the_list(page: Page, customers: Any) -> None:
    tag = _tag()
    first, second = f"流程甲{tag}公司", f"流程乙{tag}公司"
    _gql(customers(first), CREATE_FLOW, {"n": f"总机菜单{tag}"})
    other = customers(second)
    _gql(other, CREATE_FLOW, {"n": f"售后热线{tag}"})
    _gql(other, CREATE_FLOW, {"n": f"夜间留言{tag}"})

    sign_in(page, OPERATOR)
    page.goto("/flows")
    expect(page.get_by_role("columnheader", name="客户")).to_be_visible()
    row = page.get_by_role("row").filter(has_text=f"总机菜单{tag}")
    expect(row.get_by_role("link", name=first)).to_be_visible()

    # Search finds flows by their company's name as well as their own.
    page.get_by_label("搜索流程或客户").fill(second)
    page.get_by_label("搜索流程或客户").press("Enter")
    rows = page.get_by_role("row").filter(has_text=tag)
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text=second)).to_have_count(2)
    page.get_by_label("搜索流程或客户").fill(f"留言{tag}")
    page.get_by_label("搜索流程或客户").press("Enter")
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("夜间留言")
    page.get_by_label("搜索流程或客户").fill("")
    page.get_by_label("搜索流程或客户").press("Enter")

    # The account filter: type part of the company, pick it, and only its flows remain.
    page.get_by_label("按客户筛选").click()
    page.get_by_label("按客户筛选").fill(f"甲{tag}")
    page.locator(".ant-select-dropdown:visible .ant-select-item-option", has_text=first).click()
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text(f"总机菜单{tag}")
    check_screen(page, "console-flows-by-account")
    _phone_screenshot(page, "console-flows-by-account")

    row.get_by_role("link", name=first).click()
    expect(page.get_by_role("heading", name=first)).to_be_visible()


# ---------------------------------------------------------------------------------------- inventory


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_inventory_lists_numbers_first_and_imports_a_spreadsheet(page: Page) -> None:
    sign_in(page, OPERATOR)
    page.goto("/inventory")
    listing = page.locator(".ant-card").filter(has_text="号码列表").first
    importing = page.locator(".ant-card").filter(has_text="导入号码").first
    expect(listing).to_be_visible()
    list_box, import_box = listing.bounding_box(), importing.bounding_box()
    assert list_box and import_box and list_box["y"] < import_box["y"], (
        "search results come before the import"
    )

    start = 4009000000 + random.randrange(10_000, 99_990) * 10
    chooser = importing.locator("input[type=file]")
    # A bad row is named by its spreadsheet row and nothing of the file is stored.
    bad = _xlsx([["号码", "备注"], [start, "正常"], [40090, "位数不对"], [start + 3, start + 1]])
    chooser.set_input_files({"name": "号码清单.xlsx", "mimeType": "application/octet-stream", "buffer": bad})
    errors = page.get_by_role("list", name="导入错误")
    expect(errors.get_by_role("listitem")).to_have_count(2)
    expect(errors).to_contain_text("第3行「40090」:400号码应为10位数字")
    expect(errors).to_contain_text(f"第4行「{start + 3} ~ {start + 1}」:号段的结束号码小于起始号码")
    expect(page.get_by_text("「号码清单.xlsx」未导入任何号码")).to_be_visible()
    check_screen(page, "console-inventory-file-errors")
    _phone_screenshot(page, "console-inventory-file-errors")
    page.get_by_label("号码", exact=True).fill(str(start))
    page.get_by_label("号码", exact=True).press("Enter")
    expect(page.get_by_text("共 0 个")).to_be_visible()

    # An old .xls is refused with what to do instead.
    chooser.set_input_files(
        {
            "name": "旧表格.xls",
            "mimeType": "application/vnd.ms-excel",
            "buffer": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),
        }
    )
    expect(errors).to_contain_text("不支持旧版 Excel(.xls)文件,请另存为 .xlsx 或 CSV 后重试")

    good = _xlsx([["起始号码", "结束号码"], [start, start + 2], [str(start + 5)]])
    chooser.set_input_files({"name": "号码清单.xlsx", "mimeType": "application/octet-stream", "buffer": good})
    expect(page.get_by_text("「号码清单.xlsx」已导入 4 个号码")).to_be_visible()
    page.get_by_label("号码", exact=True).fill(str(start)[:-1])
    page.get_by_label("号码", exact=True).press("Enter")
    for n in (start, start + 1, start + 2, start + 5):
        expect(page.get_by_role("button", name=_display(str(n)))).to_be_visible()
    expect(page.get_by_role("button", name=_display(str(start + 3)))).to_have_count(0)

    csv = f"号码,备注\r\n{start + 7},客服\r\n".encode("gbk")
    chooser.set_input_files({"name": "numbers.csv", "mimeType": "text/csv", "buffer": csv})
    expect(page.get_by_text("「numbers.csv」已导入 1 个号码")).to_be_visible()
    check_screen(page, "console-inventory-file-import")
    _phone_screenshot(page, "console-inventory-file-import")


# ------------------------------------------------------------------------------------- reservations


def test_a_hold_in_review_shows_its_application_not_a_countdown(page: Page, customers: Any) -> None:
    sign_in(page, OPERATOR)
    company = f"预占测试{_tag()}公司"
    customer = customers(company)
    applied, waiting = _fresh_number(page), _fresh_number(page)
    _apply(customer, _reserve(customer, applied))
    _reserve(customer, waiting)

    page.goto("/reservations")
    in_review = page.get_by_role("row").filter(has_text=_display(applied))
    expect(in_review).to_contain_text("已提交申请")
    expect(in_review).to_contain_text("审核期间保留")
    expect(in_review).to_contain_text(company)
    expect(in_review.get_by_test_id("countdown")).to_have_count(0)
    expect(in_review.get_by_role("button", name=re.compile("撤销"))).to_have_count(0)

    plain = page.get_by_role("row").filter(has_text=_display(waiting))
    expect(plain).to_contain_text("进行中")
    expect(plain.get_by_test_id("countdown")).to_have_text(re.compile(r"剩余 "))
    expect(plain.get_by_role("button", name=f"撤销 {_display(waiting)} 的预占")).to_be_visible()
    check_screen(page, "console-reservations-in-review")
    _phone_screenshot(page, "console-reservations-in-review")


# ---------------------------------------------------------------------------------------- recharges


def test_the_recharge_receipt_names_the_operator_and_prints_alone(page: Page, customers: Any) -> None:
    company = f"收据测试{_tag()}公司"
    customers(company)
    page.add_init_script(
        "window.__printed = 0; window.print = ((p) => () => { window.__printed += 1; p.call(window); })(window.print);"
    )
    sign_in(page, OPERATOR)
    page.goto("/accounts")
    page.get_by_label("搜索企业名称").fill(company)
    page.get_by_label("搜索企业名称").press("Enter")
    page.get_by_role("link", name=company).click()
    expect(page.get_by_role("heading", name=company)).to_be_visible()

    reference = f"BANK-{_tag()}"
    page.get_by_label("充值金额(元)").fill("200")
    page.get_by_label("付款流水号").fill(reference)
    _button(page, "充值").click()
    page.get_by_role("dialog").filter(has_text="确认充值").get_by_role("button", name="确认充值").click()

    receipt = page.get_by_role("dialog", name="充值收据")
    expect(receipt).to_contain_text(company)
    expect(receipt).to_contain_text("200.00 元")
    expect(receipt).to_contain_text(reference)
    expect(receipt).to_contain_text("银行转账")
    expect(receipt.get_by_test_id("receipt-operator")).to_have_text("演示运营")
    expect(receipt).to_contain_text(re.compile(r"收据编号:SJ\d{16}"))
    check_screen(page, "console-recharge-receipt")
    _phone_screenshot(page, "console-recharge-receipt")

    # On paper: the receipt alone, without the console around it or the dialog's buttons.
    page.emulate_media(media="print")
    copy = page.locator(".receipt-print-copy")
    expect(copy).to_be_visible()
    expect(copy).to_contain_text("演示运营")
    expect(page.locator("#root")).to_be_hidden()
    expect(receipt).to_be_hidden()
    screenshot(page, "console-recharge-receipt-print")
    pdf = PdfReader(io.BytesIO(page.pdf()))
    page.emulate_media(media="screen")
    assert len(pdf.pages) == 1
    text = "".join(p.extract_text() for p in pdf.pages)
    # PDF fonts map some characters to look-alikes (⼈ for 人): compare their normal forms.
    compact = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    for expected in ("充值收据", company, "200.00元", reference, "经办人", "演示运营"):
        assert expected in compact, (expected, text)
    for absent in ("客户账户", "号码库存", "打印收据", "退出登录"):
        assert absent not in compact, (absent, text)

    # Closed, it can be opened again from the ledger, to print it later.
    number = receipt.get_by_text(re.compile(r"收据编号:")).inner_text()
    receipt.get_by_role("button", name="关 闭").click()
    expect(receipt).to_be_hidden()
    expect(page.locator(".receipt-print-copy")).to_have_count(0)
    page.get_by_role("button", name=f"查看收据 {reference}").click()
    expect(receipt.get_by_text(number)).to_be_visible()
    expect(receipt.get_by_test_id("receipt-operator")).to_have_text("演示运营")
    expect(receipt).to_contain_text("200.00 元")

    # The button opens the browser's print dialog (last: the page is being printed from then on).
    receipt.get_by_role("button", name="打印收据").click()
    assert page.evaluate("window.__printed") == 1
    expect(page.get_by_test_id("account-balance")).to_have_text("200.00 元")


# ----------------------------------------------------------------------------------------- accounts


def test_the_account_list_shows_numbers_balance_state_and_stage(page: Page, customers: Any) -> None:
    tag = _tag()
    prospect, holder = f"列表甲{tag}公司", f"列表乙{tag}公司"
    customers(prospect)
    holding = customers(holder)
    sign_in(page, OPERATOR)
    _reserve(holding, _fresh_number(page))

    page.goto("/accounts")
    for header in ("号码数", "余额状态", "状态"):
        expect(page.get_by_role("columnheader", name=header, exact=True)).to_be_visible()
    page.get_by_label("搜索企业名称").fill(tag)
    page.get_by_label("搜索企业名称").press("Enter")

    def cells(company: str) -> Any:
        return page.get_by_role("row").filter(has_text=company).get_by_role("cell")

    when = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")
    expect(cells(prospect)).to_have_text([prospect, "0.00 元", "余额不足(≤35元)", "0", "未选号", when])
    expect(cells(holder)).to_have_text([holder, "0.00 元", "余额不足(≤35元)", "1", "已预占", when])
    check_screen(page, "console-accounts-columns")
    _phone_screenshot(page, "console-accounts-columns")

    # The demo customer: its number in service and an opening balance above the notice line.
    page.get_by_label("搜索企业名称").fill("演示科技有限公司")
    page.get_by_label("搜索企业名称").press("Enter")
    demo = page.get_by_role("row").filter(has_text="演示科技有限公司")
    expect(demo).to_contain_text("已开通")
    expect(demo.get_by_role("cell").nth(3)).to_have_text(re.compile(r"^[1-9]\d*$"))
