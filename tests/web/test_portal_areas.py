"""The area picker on a number's 来电地区 card: provinces in GB/T 2260 order as on official forms, a whole
province picked stays one tag, and a municipality is named once ("上海 021", never "上海上海")."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.web.conftest import check_screen, sign_in

GB2260_HEAD = ["北京 010", "天津 022", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海 021", "江苏"]


def test_the_area_picker_orders_provinces_and_keeps_a_province_one_tag(page: Page) -> None:
    sign_in(page)
    page.goto("/numbers")
    page.get_by_role("link", name="400-600-0001").first.click()
    expect(page).to_have_url(re.compile(r"/numbers/\d+$"))
    group = page.get_by_role("group", name="拒绝这些地区来电")
    group.locator(".ant-select").click()
    menu = page.locator(".ant-cascader-menu").first
    expect(menu.locator(".ant-cascader-menu-item").first).to_have_text("北京 010")
    provinces = menu.locator(".ant-cascader-menu-item").all_inner_texts()
    assert provinces[: len(GB2260_HEAD)] == GB2260_HEAD
    assert provinces.index("广东") < provinces.index("四川") < provinces.index("新疆")

    # The whole of 广东 checked: one tag, however many area codes it holds.
    menu.locator(".ant-cascader-menu-item").filter(has_text=re.compile("^广东$")).locator(
        ".ant-cascader-checkbox"
    ).click()
    menu.locator(".ant-cascader-menu-item").filter(has_text="上海 021").locator(
        ".ant-cascader-checkbox"
    ).click()
    page.keyboard.press("Escape")
    tags = group.locator(".ant-select-selection-item-content").filter(has_not_text="+")
    expect(tags).to_have_count(2)
    assert sorted(tags.all_inner_texts()) == sorted(["广东", "上海 021"])
    expect(page.get_by_text("上海上海")).to_have_count(0)
    check_screen(page, "portal-areas", phone=True)
