"""A user's own settings: changing the password and managing personal API tokens."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.web.conftest import check_screen

SIGN_UP = """mutation{signUp(companyName:"设置测试有限公司",login:"settings-user",password:"first-password-400",
  displayName:"设置测试"){__typename}}"""


def test_a_user_changes_the_password_and_manages_api_tokens(page: Page) -> None:
    # A user of its own: the demo logins are shared by the other browser tests.
    answer = page.request.post("/graphql", data={"query": SIGN_UP}, headers={"Accept": "application/json"})
    assert answer.json()["data"]["signUp"]["__typename"] == "Viewer"  # the context now holds its session
    page.goto("/settings")
    expect(page.get_by_role("heading", name="账户设置")).to_be_visible()

    page.get_by_label("当前密码").fill("not-my-password")
    page.get_by_label("新密码", exact=True).fill("second-password-400")
    page.get_by_label("确认新密码").fill("second-password-400")
    page.get_by_role("button", name="修改密码").click()
    expect(page.get_by_text("当前密码不正确")).to_be_visible()
    page.get_by_label("当前密码").fill("first-password-400")
    page.get_by_role("button", name="修改密码").click()
    expect(page.get_by_text("密码已修改")).to_be_visible()

    page.get_by_label("令牌名称").fill("CRM 对接")
    page.get_by_role("button", name="创建令牌").click()
    secret = page.get_by_role("alert").locator("code")
    expect(secret).to_have_text(re.compile(r"\S{20,}"))
    check_screen(page, "settings", phone=True)
    # The token works as its user for a script calling the API.
    token = secret.inner_text().strip()
    me = page.request.post(
        "/graphql",
        data={"query": "{me{user{login}}}"},
        headers={"Authorization": f"Bearer {token}", "Cookie": ""},
    )
    assert me.json()["data"]["me"]["user"] == {"login": "settings-user"}
    page.get_by_role("button", name="吊销 CRM 对接").click()
    page.get_by_role("tooltip").get_by_role("button", name=re.compile("吊")).click()
    expect(page.get_by_text("已吊销", exact=True)).to_be_visible()
