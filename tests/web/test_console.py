"""The operator console as the demo operator: accounts and recharges, the number inventory, the holiday
year view, service tokens and the overview."""

from __future__ import annotations

import random
import re
import uuid

from playwright.sync_api import Locator, Page, expect

from tests.web.conftest import OPERATOR, check_screen, sign_in


def _suffix() -> str:
    return uuid.uuid4().hex[:8]


def _button(page: Page | Locator, text: str) -> Locator:
    """A button by its Chinese text; antd puts a space between the two characters of a two-character label."""
    return page.get_by_role("button", name=re.compile("^" + r"\s?".join(text) + "$"))


def _pick(page: Page, text: str) -> None:
    """Pick an option in the open Ant Design select (its listbox for screen readers is not clickable)."""
    page.locator(".ant-select-dropdown:visible .ant-select-item-option", has_text=text).click()


def test_operator_opens_an_account_adds_a_user_and_recharges(page: Page) -> None:
    sign_in(page, OPERATOR)
    tag = _suffix()
    company = f"控制台测试{tag}有限公司"
    page.goto("/accounts")
    expect(page.get_by_role("heading", name="客户账户")).to_be_visible()
    check_screen(page, "console-accounts")

    page.get_by_role("button", name="新建账户").click()
    dialog = page.get_by_role("dialog", name="新建客户账户")
    dialog.get_by_label("企业名称").fill(company)
    dialog.get_by_label("联系人姓名").fill("王经理")
    dialog.get_by_label("登录名").fill(f"console-{tag}")
    dialog.get_by_label("初始密码").fill("console-first-400")
    _button(dialog, "开户").click()
    expect(page).to_have_url(re.compile(r"/accounts/\d+$"))
    expect(page.get_by_role("heading", name=company)).to_be_visible()
    expect(page.get_by_test_id("account-balance")).to_have_text("0.00 元")
    expect(page.get_by_role("cell", name=f"console-{tag}", exact=True)).to_be_visible()

    _button(page, "添加用户").click()
    dialog = page.get_by_role("dialog", name=f"为「{company}」添加用户")
    dialog.get_by_label("姓名").fill("李会计")
    dialog.get_by_label("登录名").fill(f"console-{tag}-2")
    dialog.get_by_label("初始密码").fill("console-second-400")
    _button(dialog, "添加").click()
    expect(page.get_by_role("cell", name=f"console-{tag}-2", exact=True)).to_be_visible()
    expect(page.get_by_role("cell", name="李会计", exact=True)).to_be_visible()

    # An amount that is not money is refused before anything is asked.
    page.get_by_label("充值金额(元)").fill("100.505")
    page.get_by_label("付款流水号").fill(f"BANK-{tag}")
    _button(page, "充值").click()
    expect(page.get_by_text("请输入金额,最多两位小数")).to_be_visible()
    page.get_by_label("充值金额(元)").fill("100.50")
    _button(page, "充值").click()
    confirm = page.get_by_role("dialog").filter(has_text="确认充值")
    expect(confirm).to_contain_text(f"为「{company}」充值 100.50 元")
    check_screen(page, "console-recharge-confirm")
    confirm.get_by_role("button", name="确认充值").click()
    receipt = page.get_by_role("dialog", name="充值收据")
    expect(receipt).to_contain_text(f"BANK-{tag}")
    receipt.get_by_role("button", name="关 闭").click()
    expect(page.get_by_test_id("account-balance")).to_have_text("100.50 元")
    ledger_row = page.get_by_role("row").filter(has_text=f"BANK-{tag}")
    expect(ledger_row).to_contain_text("充值")
    expect(ledger_row).to_contain_text("+100.50 元")
    check_screen(page, "console-account-detail")

    # The list finds it by name, with the new balance.
    page.get_by_role("link", name="‹ 返回客户列表").click()
    page.get_by_label("搜索企业名称").fill(tag)
    page.get_by_label("搜索企业名称").press("Enter")
    row = page.get_by_role("row").filter(has_text=company)
    expect(row).to_contain_text("100.50 元")
    expect(page.get_by_role("row")).to_have_count(2)  # the header and this account


def test_operator_imports_numbers_and_changes_a_state_with_a_reason(page: Page) -> None:
    sign_in(page, OPERATOR)
    page.goto("/inventory")
    expect(page.get_by_role("heading", name="号码库存")).to_be_visible()
    start = 4009000000 + random.randrange(10_000, 99_990) * 10
    bad = "40012345"
    page.get_by_label("号码清单").fill(f"{start}\n{start + 1}-{start + 5}\n{bad}\n")
    _button(page, "导入").click()
    errors = page.get_by_role("list", name="导入错误")
    expect(errors).to_contain_text(f"第3行「{bad}」:400号码应为10位数字")
    expect(errors.get_by_role("listitem")).to_have_count(1)
    check_screen(page, "console-inventory-import-error")

    # Nothing of the refused import was stored: the first number is not in the inventory yet.
    page.get_by_label("号码", exact=True).fill(str(start))
    page.get_by_label("号码", exact=True).press("Enter")
    expect(page.get_by_text("共 0 个")).to_be_visible()

    page.get_by_label("号码清单").fill(f"{start}\n{start + 1}-{start + 5}\n")
    _button(page, "导入").click()
    expect(page.get_by_text("已导入 6 个号码")).to_be_visible()
    display = f"{str(start)[:3]}-{str(start)[3:6]}-{str(start)[6:]}"
    expect(page.get_by_role("button", name=display)).to_be_visible()
    expect(page.get_by_role("row").filter(has_text=display)).to_contain_text("可选")

    # The demo customer's number in service: suspend it with a reason, read the audit log, resume it.
    page.get_by_label("号码", exact=True).fill("4006000001")
    page.get_by_label("号码", exact=True).press("Enter")
    page.get_by_role("button", name="400-600-0001").click()
    drawer = page.get_by_role("dialog", name="号码 400-600-0001")
    expect(drawer.get_by_text("使用中", exact=True)).to_be_visible()
    reason = f"客户申请临时停机 {_suffix()}"
    drawer.get_by_label("改为").click()
    _pick(page, "停机(已停机)")
    _button(drawer, "确认变更").click()
    expect(drawer.get_by_text("请填写原因(将记入操作记录)")).to_be_visible()
    drawer.get_by_label("原因").fill(reason)
    drawer.get_by_role("button", name="确认变更").click()
    log_row = drawer.get_by_role("row").filter(has_text=reason)
    expect(log_row).to_contain_text("使用中 → 已停机")
    expect(log_row).to_contain_text("operator")
    expect(drawer.get_by_text("已停机", exact=True).first).to_be_visible()
    check_screen(page, "console-number-audit")

    drawer.get_by_label("改为").click()
    _pick(page, "复机(使用中)")
    drawer.get_by_label("原因").fill("临时停机结束")
    drawer.get_by_role("button", name="确认变更").click()
    expect(drawer.get_by_role("row").filter(has_text="临时停机结束")).to_contain_text("已停机 → 使用中")
    expect(drawer.get_by_role("row").filter(has_text=reason)).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("row").filter(has_text="400-600-0001")).to_contain_text("使用中")

    # Grade prices are set in 元 and kept in fen (put back afterwards: the demo data is shared).
    prices = page.get_by_role("row").filter(has_text="连8号").first
    page.get_by_label("连8号价格(元)").fill("8800.50")
    page.get_by_role("button", name="保存连8号价格").click()
    expect(prices).to_contain_text("8,800.50 元")
    page.get_by_label("连8号价格(元)").fill("0")
    page.get_by_role("button", name="保存连8号价格").click()
    expect(prices.get_by_role("cell").nth(1)).to_have_text("0.00 元")
    check_screen(page, "console-inventory")


def test_operator_marks_holidays_on_the_year_view(page: Page) -> None:
    sign_in(page, OPERATOR)
    # The bundled calendar shows the official schedule of a year it covers.
    page.goto("/holidays/2026")
    expect(page.get_by_role("button", name="10月1日 法定节假日 国庆节")).to_be_visible()
    expect(page.get_by_role("button", name="9月20日 法定调休上班 国庆节")).to_be_visible()
    check_screen(page, "console-holidays")

    page.get_by_role("button", name="下一年").click()
    expect(page).to_have_url(re.compile(r"/holidays/2027$"))
    expect(page.get_by_text("系统自带日历尚无 2027 年的官方安排", exact=False)).to_be_visible()

    page.get_by_role("button", name="9月18日 周末").click()
    dialog = page.get_by_role("dialog", name="设置 2027-09-18")
    dialog.get_by_label("调休上班").check()
    dialog.get_by_label("名称(可选)").fill("中秋调休")
    _button(dialog, "保存").click()
    expect(page.get_by_role("button", name="9月18日 自定义调休上班 中秋调休")).to_be_visible()

    page.get_by_role("button", name="9月15日 工作日").click()
    dialog = page.get_by_role("dialog", name="设置 2027-09-15")
    dialog.get_by_label("节假日(休息)").check()
    dialog.get_by_label("名称(可选)").fill("中秋节")
    _button(dialog, "保存").click()
    expect(page.get_by_role("button", name="9月15日 自定义节假日 中秋节")).to_be_visible()
    check_screen(page, "console-holidays-2027")

    page.reload()
    expect(page.get_by_role("button", name="9月18日 自定义调休上班 中秋调休")).to_be_visible()
    expect(page.get_by_role("button", name="9月15日 自定义节假日 中秋节")).to_be_visible()
    custom = page.get_by_role("list", name="自定义日期")
    expect(custom).to_contain_text("2027-09-15 节假日(中秋节)")
    expect(custom).to_contain_text("2027-09-18 调休上班(中秋调休)")

    # Back to the default calendar: the Wednesday is a workday again.
    page.get_by_role("button", name="9月15日 自定义节假日 中秋节").click()
    dialog = page.get_by_role("dialog", name="设置 2027-09-15")
    dialog.get_by_label("按默认日历").check()
    _button(dialog, "保存").click()
    expect(page.get_by_role("button", name="9月15日 工作日")).to_be_visible()
    page.reload()
    expect(page.get_by_role("button", name="9月15日 工作日")).to_be_visible()
    expect(page.get_by_role("button", name="9月18日 自定义调休上班 中秋调休")).to_be_visible()


def test_operator_creates_and_revokes_a_service_token(page: Page) -> None:
    sign_in(page, OPERATOR)
    page.goto("/tokens")
    expect(page.get_by_role("heading", name="服务令牌")).to_be_visible()
    name = f"话务代理 {_suffix()}"
    page.get_by_label("服务令牌名称").fill(name)
    page.get_by_role("button", name="创建服务令牌").click()
    secret = page.get_by_role("alert").locator("code")
    expect(secret).to_have_text(re.compile(r"\S{20,}"))
    check_screen(page, "console-tokens")
    token = secret.inner_text().strip()
    headers = {"Authorization": f"Bearer {token}", "Cookie": ""}
    works = page.request.get("/telephony/changes?wait=0", headers=headers)
    assert works.status == 200 and "latest_version" in works.json(), works.text()

    row = page.get_by_role("row").filter(has_text=name)
    expect(row).to_contain_text("有效")
    page.get_by_role("button", name=f"吊销 {name}").click()
    page.get_by_role("tooltip").get_by_role("button", name=re.compile("吊")).click()
    expect(row).to_contain_text("已吊销")
    refused = page.request.get("/telephony/changes?wait=0", headers=headers)
    assert refused.status == 401, refused.text()
    # The secret is not shown again after a reload.
    page.reload()
    expect(page.get_by_role("row").filter(has_text=name)).to_contain_text("已吊销")
    expect(page.get_by_text(token)).to_have_count(0)


def test_operator_overview_counts_what_waits(page: Page) -> None:
    sign_in(page, OPERATOR)
    page.goto("/")
    expect(page.get_by_role("heading", name="概览")).to_be_visible()
    low_tile = (
        page.locator(".ant-card").filter(has_text="余额不足的客户(≤35 元)").locator(".ant-statistic-content")
    )
    before = int(low_tile.inner_text().replace(",", ""))
    company = f"余额不足测试{_suffix()}公司"
    made = page.request.post(
        "/graphql",
        data={
            "query": "mutation($c:String!,$l:String!){createAccount(companyName:$c,login:$l,"
            'password:"overview-test-400",displayName:"测试"){__typename}}',
            "variables": {"c": company, "l": f"overview-{_suffix()}"},
        },
    )
    assert made.json()["data"]["createAccount"]["__typename"] == "Account", made.json()
    page.reload()
    # A new account has no money: it is one more customer at the notice line.
    expect(low_tile).to_have_text(str(before + 1))
    expect(page.get_by_text("待审核的开通申请")).to_be_visible()
    expect(page.get_by_text("待审核的彩铃")).to_be_visible()
    expect(page.get_by_text("可选号码")).to_be_visible()
    check_screen(page, "console-overview")
    page.get_by_role("link", name="查看客户").click()
    expect(page.get_by_label("只看余额不足(≤35 元)")).to_be_checked()
    page.get_by_role("row").filter(has_text=company).get_by_role("link", name=company).click()
    expect(page.get_by_role("heading", name=company)).to_be_visible()
