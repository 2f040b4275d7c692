"""Signing in, the role's shell, the flow list, and GraphiQL working offline."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.web.conftest import OPERATOR, screenshot, sign_in


def test_sign_in_shows_what_a_customer_may_use(page: Page) -> None:
    page.goto("/flows")
    expect(page).to_have_url(re.compile(r"/login$"))
    page.get_by_label("登录名").fill("customer")
    page.get_by_label("密码").fill("wrong-password")
    page.locator("button[type=submit]").click()
    expect(page.get_by_role("alert")).to_contain_text("密码")
    screenshot(page, "login")
    sign_in(page)
    expect(page.get_by_text("企业用户", exact=True)).to_be_visible()
    nav = page.get_by_role("menu", name="主导航")
    expect(nav).to_contain_text("语音导航流程")
    expect(nav).to_contain_text("语音文件")
    expect(nav).not_to_contain_text("受理审核")
    screenshot(page, "home-customer")
    page.reload()
    expect(page.get_by_role("button", name="退出登录")).to_be_visible()  # the session cookie holds
    page.get_by_role("button", name="退出登录").click()
    expect(page).to_have_url(re.compile(r"/login$"))


def test_an_operator_sees_the_operator_console(page: Page) -> None:
    sign_in(page, OPERATOR)
    expect(page.get_by_text("运营人员", exact=True)).to_be_visible()
    expect(page.get_by_role("menu", name="主导航")).to_contain_text("受理审核")
    screenshot(page, "home-operator")


def test_flow_list_create_rename_copy_delete(page: Page) -> None:
    sign_in(page)
    page.goto("/flows")
    page.get_by_role("button", name="新建流程").click()
    page.get_by_label("流程名称").fill("列表测试流程")
    page.get_by_role("button", name="确 定").or_(page.get_by_role("button", name="确定")).click()
    expect(page).to_have_url(re.compile(r"/flows/\d+$"))
    page.goto("/flows")
    row = page.get_by_role("row", name=re.compile("列表测试流程"))
    expect(row).to_be_visible()
    page.get_by_role("button", name="重命名 列表测试流程").click()
    page.get_by_label("流程名称").fill("改名后的流程")
    page.get_by_role("dialog").get_by_role("button", name=re.compile("确")).click()
    expect(page.get_by_role("link", name="改名后的流程")).to_be_visible()
    page.get_by_role("button", name="复制 改名后的流程").click()
    page.get_by_role("dialog").get_by_role("button", name=re.compile("确")).click()
    expect(page.get_by_role("link", name="改名后的流程 副本")).to_be_visible()
    screenshot(page, "flow-list")
    page.get_by_role("button", name="删除 改名后的流程 副本").click()
    page.get_by_role("tooltip").get_by_role("button", name=re.compile("删")).click()
    expect(page.get_by_role("link", name="改名后的流程 副本")).to_have_count(0)


def test_graphiql_renders_and_runs_a_query_offline(page: Page) -> None:
    sign_in(page)
    page.goto("/graphql")
    expect(page.locator(".graphiql-container")).to_be_visible()
    expect(page.locator(".graphiql-query-editor")).to_contain_text("displayName")  # the editor is up
    page.get_by_role("button", name=re.compile("Execute query")).click()
    # Monaco renders spaces as no-break spaces, hence \s.
    expect(page.locator(".result-window")).to_contain_text(re.compile(r'"login":\s"customer"'))
    screenshot(page, "graphiql")
