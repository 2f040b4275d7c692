"""Settings for flows' 查询客户系统 (HTTP request) nodes: a customer's write-only secrets in 账户设置 and the
operators' host allowlist (外部接口白名单)."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import Locator, Page, expect

from tests.web.conftest import OPERATOR, check_screen, sign_in


def _suffix() -> str:
    return uuid.uuid4().hex[:8]


def _button(scope: Page | Locator, text: str) -> Locator:
    """A button by its Chinese text; antd puts a space between the two characters of a two-character label."""
    return scope.get_by_role("button", name=re.compile("^" + r"\s?".join(text) + "$"))


def _sign_up(page: Page) -> str:
    """A customer account of its own (the demo one is shared by other tests); the page holds its session."""
    login = f"secrets-{_suffix()}"
    query = f"""mutation{{signUp(companyName:"密钥测试{login}有限公司",login:"{login}",
      password:"secrets-password-400",displayName:"密钥测试"){{__typename}}}}"""
    answer = page.request.post("/graphql", data={"query": query}, headers={"Accept": "application/json"})
    assert answer.json()["data"]["signUp"]["__typename"] == "Viewer"
    return login


def _field(page: Page | Locator, label: str) -> Locator:
    """The form item of the field labelled `label`: where its error message shows."""
    whole = page if isinstance(page, Page) else page.page
    return page.locator(".ant-form-item").filter(has=whole.get_by_label(label, exact=True))


def _secrets_card(page: Page) -> Locator:
    return page.locator(".ant-card").filter(has=page.get_by_text("客户系统密钥", exact=True))


def test_a_customer_adds_replaces_and_deletes_a_secret_never_seeing_its_value(page: Page) -> None:
    _sign_up(page)
    page.goto("/settings")
    card = _secrets_card(page)
    expect(card.get_by_text("语音导航中的“查询客户系统”节点调用您的系统时携带的密钥")).to_be_visible()
    expect(card.get_by_text("保存后不再显示")).to_be_visible()
    expect(card.get_by_text("还没有密钥")).to_be_visible()

    value = f"first-value-{_suffix()}"
    card.get_by_label("名称", exact=True).fill("crm_token")
    card.get_by_label("只发送给的主机", exact=True).fill("crm.example.com")
    card.get_by_label("密钥", exact=True).fill(value)
    card.get_by_role("button", name="保存密钥").click()
    expect(page.get_by_text("密钥「crm_token」已保存,只会发送给 crm.example.com")).to_be_visible()
    row = card.get_by_role("row").filter(has_text="crm_token")
    expect(row.get_by_role("cell", name="crm.example.com", exact=True)).to_be_visible()
    expect(row.get_by_role("cell").nth(2)).to_have_text(re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d$"))
    # The form is emptied for the next one: the value is nowhere on the page, not even in an input.
    expect(card.get_by_label("密钥", exact=True)).to_have_value("")
    expect(card.get_by_label("名称", exact=True)).to_have_value("")
    assert value not in page.content()
    check_screen(page, "settings-secrets", phone=True)

    page.reload()
    expect(_secrets_card(page).get_by_role("cell", name="crm_token", exact=True)).to_be_visible()
    assert value not in page.content()

    # The same name again is a replacement, which has its own button, not an accidental overwrite.
    card = _secrets_card(page)
    card.get_by_label("名称", exact=True).fill("crm_token")
    card.get_by_label("只发送给的主机", exact=True).fill("other.example.com")
    card.get_by_label("密钥", exact=True).fill("another-value")
    card.get_by_role("button", name="保存密钥").click()
    expect(_field(card, "名称").get_by_text("已有同名密钥")).to_be_visible()
    expect(card.get_by_role("cell", name="other.example.com")).to_have_count(0)

    replaced = f"second-value-{_suffix()}"
    card.get_by_role("button", name="更换 crm_token").click()
    dialog = page.get_by_role("dialog", name="更换密钥「crm_token」")
    expect(dialog.get_by_label("只发送给的主机", exact=True)).to_have_value("crm.example.com")
    expect(dialog.get_by_label("新密钥", exact=True)).to_have_value("")
    dialog.get_by_label("只发送给的主机", exact=True).fill("api.example.com")
    dialog.get_by_label("新密钥", exact=True).fill(replaced)
    _button(dialog, "保存").click()
    expect(dialog).to_be_hidden()
    expect(card.get_by_role("cell", name="api.example.com", exact=True)).to_be_visible()
    expect(card.get_by_role("cell", name="crm.example.com", exact=True)).to_have_count(0)
    assert replaced not in page.content()
    page.reload()
    expect(_secrets_card(page).get_by_role("cell", name="api.example.com", exact=True)).to_be_visible()
    assert replaced not in page.content() and value not in page.content()

    card = _secrets_card(page)
    card.get_by_role("button", name="删除 crm_token").click()
    tooltip = page.get_by_role("tooltip")
    expect(tooltip).to_contain_text("删除密钥「crm_token」")
    _button(tooltip, "删除").click()
    expect(page.get_by_text("已删除密钥「crm_token」")).to_be_visible()
    expect(card.get_by_text("还没有密钥")).to_be_visible()
    page.reload()
    expect(_secrets_card(page).get_by_text("还没有密钥")).to_be_visible()


def test_a_customer_sees_only_its_own_accounts_secrets(page: Page) -> None:
    _sign_up(page)
    saved = page.request.post(
        "/graphql",
        data={
            "query": 'mutation{setAccountSecret(name:"other_crm",host:"crm.other.example",value:"their-value")'
            "{__typename}}"
        },
        headers={"Accept": "application/json"},
    )
    assert saved.json()["data"]["setAccountSecret"]["__typename"] == "AccountSecret"
    page.goto("/settings")
    expect(_secrets_card(page).get_by_role("cell", name="other_crm", exact=True)).to_be_visible()

    page.context.clear_cookies()
    _sign_up(page)
    page.goto("/settings")
    card = _secrets_card(page)
    expect(card.get_by_text("还没有密钥")).to_be_visible()
    assert "other_crm" not in page.content() and "crm.other.example" not in page.content()
    # Names belong to an account: the same name here is this account's own secret, beside nobody else's.
    card.get_by_label("名称", exact=True).fill("other_crm")
    card.get_by_label("只发送给的主机", exact=True).fill("mine.example.com")
    card.get_by_label("密钥", exact=True).fill("my-value")
    card.get_by_role("button", name="保存密钥").click()
    expect(card.get_by_role("cell", name="mine.example.com", exact=True)).to_be_visible()
    expect(card.get_by_role("row").filter(has_text="other_crm")).to_have_count(1)
    assert "crm.other.example" not in page.content()


def test_bad_secret_input_shows_the_chinese_error_beside_the_field_and_keeps_the_input(page: Page) -> None:
    _sign_up(page)
    page.goto("/settings")
    card = _secrets_card(page)
    name, host, value = (
        card.get_by_label("名称", exact=True),
        card.get_by_label("只发送给的主机", exact=True),
        card.get_by_label("密钥", exact=True),
    )
    save = card.get_by_role("button", name="保存密钥")

    host.fill("crm.example.com")
    value.fill("a-value")
    save.click()
    expect(_field(card, "名称").get_by_text("请填写密钥名称")).to_be_visible()
    expect(host).to_have_value("crm.example.com")
    expect(value).to_have_value("a-value")

    name.fill("crm_token")
    host.fill("crm.example.com/api")
    save.click()
    expect(
        _field(card, "只发送给的主机").get_by_text("请填写域名或 IP 地址,如 crm.example.com")
    ).to_be_visible()
    expect(name).to_have_value("crm_token")
    expect(host).to_have_value("crm.example.com/api")
    expect(value).to_have_value("a-value")

    host.fill("crm.example.com")
    too_long = "x" * 4097
    value.fill(too_long)
    save.click()
    expect(_field(card, "密钥").get_by_text("密钥不能为空、不能换行,最多4096个字符")).to_be_visible()
    expect(value).to_have_value(too_long)
    expect(name).to_have_value("crm_token")
    expect(card.get_by_text("还没有密钥")).to_be_visible()  # nothing was saved

    name.fill("带中文的名称")
    value.fill("a-value")
    save.click()
    expect(
        _field(card, "名称").get_by_text("密钥名称只能包含字母、数字、_ 和 -,最多64个字符")
    ).to_be_visible()
    expect(name).to_have_value("带中文的名称")


def test_an_operator_adds_and_removes_an_allowlisted_host(page: Page) -> None:
    sign_in(page, OPERATOR)
    page.get_by_role("menuitem", name="外部接口白名单").click()
    expect(page.get_by_role("heading", name="外部接口白名单")).to_be_visible()
    expect(page.get_by_text("其他主机一律只能通过公网 https 调用")).to_be_visible()

    host = f"crm-{_suffix()}.intranet.example"
    page.get_by_label("主机", exact=True).fill(f"{host}/api/customer")
    page.get_by_label("备注", exact=True).fill("某公司内网客户系统")
    page.get_by_role("button", name="加入白名单").click()
    expect(_field(page, "主机").get_by_text("请填写域名或 IP 地址,如 crm.example.com")).to_be_visible()
    expect(page.get_by_label("备注", exact=True)).to_have_value("某公司内网客户系统")

    page.get_by_label("主机", exact=True).fill(host.upper())
    page.get_by_role("button", name="加入白名单").click()
    expect(page.get_by_text(f"已将 {host} 加入白名单")).to_be_visible()
    row = page.get_by_role("row").filter(has_text=host)
    expect(row.get_by_role("cell", name="某公司内网客户系统", exact=True)).to_be_visible()
    expect(row.get_by_role("cell").nth(2)).to_have_text(re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d$"))
    expect(page.get_by_label("主机", exact=True)).to_have_value("")
    check_screen(page, "console-http-hosts", phone=True)

    page.reload()
    row = page.get_by_role("row").filter(has_text=host)
    row.get_by_role("button", name=f"移出 {host}").click()
    tooltip = page.get_by_role("tooltip")
    expect(tooltip).to_contain_text(f"将 {host} 移出白名单")
    _button(tooltip, "移出").click()
    expect(page.get_by_text(f"已将 {host} 移出白名单")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text=host)).to_have_count(0)
    page.reload()
    expect(page.get_by_role("heading", name="外部接口白名单")).to_be_visible()
    expect(page.locator(".ant-table-tbody")).to_be_visible()
    expect(page.locator(".ant-spin-spinning")).to_have_count(0)
    expect(page.get_by_role("row").filter(has_text=host)).to_have_count(0)

    # The customers' secrets card is not an operator's: the settings page leaves it out.
    page.goto("/settings")
    expect(page.get_by_role("heading", name="账户设置")).to_be_visible()
    expect(page.get_by_text("客户系统密钥")).to_have_count(0)
