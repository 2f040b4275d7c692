"""The editor built from the node definitions: a menu's ticked keys are saved with the flow (a key
ticked but not yet connected is still there after a reload, with its exit on the node), and the palette,
grouped as the definitions say, finds a node type by what the designer types."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.web.conftest import PHONE, screenshot
from tests.web.test_editor import new_flow, node, saved


def test_a_ticked_unconnected_menu_key_survives_a_reload(page: Page) -> None:
    new_flow(page, "按键保存")
    page.get_by_role("button", name="添加按键菜单").click()
    expect(node(page, "menu-1")).to_be_visible()
    keys = page.get_by_label("可按的键")
    # A fresh menu offers 1 and 2, as its definition says.
    expect(keys.get_by_role("checkbox", name="1", exact=True)).to_be_checked()
    expect(keys.get_by_role("checkbox", name="2", exact=True)).to_be_checked()
    keys.get_by_role("checkbox", name="3", exact=True).check()
    key3 = node(page, "menu-1").locator('.react-flow__handle[data-handleid="digit:3"]')
    expect(key3).to_be_visible()
    saved(page)
    screenshot(page, "editor-node-types-menu")
    page.set_viewport_size(PHONE)
    screenshot(page, "editor-node-types-menu-phone")
    page.set_viewport_size({"width": 1440, "height": 900})

    page.reload()
    expect(node(page, "menu-1")).to_be_visible()
    # Nothing is connected to key 3, yet it is still offered: on the node and in the form.
    expect(page.locator(".react-flow__edge")).to_have_count(0)
    expect(key3).to_be_visible()
    expect(node(page, "menu-1")).to_contain_text("按3")
    node(page, "menu-1").click()
    keys = page.get_by_label("可按的键")
    for key in ("1", "2", "3"):
        expect(keys.get_by_role("checkbox", name=key, exact=True)).to_be_checked()
    expect(keys.get_by_role("checkbox", name="4", exact=True)).not_to_be_checked()
    expect(page.get_by_label("出口「按3」连到")).to_be_visible()
    # Analysis knows the ticked keys too: it names the ones not connected yet.
    page.get_by_role("tab", name=re.compile("问题")).click()
    expect(page.get_by_label("问题列表")).to_contain_text("按键1、2、3还没有连到下一步")


def test_the_palette_is_grouped_and_finds_a_type_by_name(page: Page) -> None:
    new_flow(page, "节点搜索")
    palette = page.get_by_role("navigation", name="节点类型")
    for group in ("基础", "路由", "结束"):
        expect(palette.get_by_role("group", name=group)).to_be_visible()
    expect(
        palette.get_by_role("group", name="基础").get_by_role("button", name="添加转接电话")
    ).to_be_visible()
    expect(
        palette.get_by_role("group", name="路由").get_by_role("button", name="添加时间判断")
    ).to_be_visible()
    screenshot(page, "editor-node-types-palette")

    search = palette.get_by_label("搜索节点类型")
    search.fill("转接")
    expect(palette.get_by_role("button", name=re.compile("^添加"))).to_have_count(1)
    expect(palette.get_by_role("button", name="添加转接电话")).to_be_visible()
    expect(palette.get_by_role("button", name="添加放音")).to_have_count(0)
    screenshot(page, "editor-node-types-palette-search")
    # By keyboard: Enter adds the first match.
    search.press("Enter")
    expect(node(page, "dial-1")).to_be_visible()
    expect(page.get_by_label("节点名称")).to_have_attribute("placeholder", "转接电话")
    # A hint matches too; nothing matching says so; clearing shows every type again.
    search.fill("号段")
    expect(palette.get_by_role("button", name=re.compile("^添加"))).to_have_text(["来电号码判断"])
    search.fill("传真机")
    expect(palette).to_contain_text("没有找到“传真机”")
    search.fill("")
    expect(palette.get_by_role("button", name=re.compile("^添加"))).to_have_count(12)
