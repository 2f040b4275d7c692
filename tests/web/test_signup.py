"""A prospect opens an enterprise account from the sign-in page."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.web.conftest import check_screen


def fill_signup(page: Page, login: str, password: str, repeat: str) -> None:
    page.get_by_label("企业名称").fill("注册测试有限公司")
    page.get_by_label("联系人姓名").fill("王经理")
    page.get_by_label("登录名").fill(login)
    page.get_by_label("密码", exact=True).fill(password)
    page.get_by_label("确认密码").fill(repeat)
    page.get_by_role("button", name="注 册").or_(page.get_by_role("button", name="注册")).click()


def test_a_prospect_signs_up_and_lands_on_choosing_a_number(page: Page) -> None:
    page.goto("/")
    page.get_by_role("link", name="注册企业账户").click()
    expect(page).to_have_url(re.compile(r"/signup$"))
    check_screen(page, "signup", phone=True)

    fill_signup(page, "signup-prospect", "prospect-pass-400", "another-pass-400")
    expect(page.get_by_text("两次输入的密码不一致")).to_be_visible()

    # A login that is taken is named on its field; nothing is created.
    fill_signup(page, "customer", "prospect-pass-400", "prospect-pass-400")
    expect(page.get_by_text("该登录名已被使用")).to_be_visible()

    fill_signup(page, "signup-prospect", "prospect-pass-400", "prospect-pass-400")
    expect(page.get_by_role("button", name="退出登录")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/choose$"))

    # The new account signs in again with what it chose.
    page.get_by_role("button", name="退出登录").click()
    page.get_by_label("登录名").fill("signup-prospect")
    page.get_by_label("密码").fill("prospect-pass-400")
    page.get_by_role("button", name="登 录").or_(page.get_by_role("button", name="登录")).click()
    expect(page.get_by_role("button", name="退出登录")).to_be_visible()
