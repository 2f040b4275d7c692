"""Accessibility: axe-core finds no serious or critical violation on any main screen, and the editor can
be driven by the keyboard alone (add a node, connect an exit, select, delete)."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.web.conftest import axe_violations, sign_in
from tests.web.test_editor import new_flow, node


def test_every_main_screen_passes_axe(page: Page) -> None:
    found: list[str] = []
    page.goto("/login")
    page.get_by_label("登录名").wait_for()
    found += axe_violations(page, "sign-in")
    sign_in(page)
    found += axe_violations(page, "shell")
    page.goto("/flows")
    expect(page.get_by_role("button", name="新建流程")).to_be_visible()
    expect(page.locator(".ant-spin-spinning")).to_have_count(0)
    found += axe_violations(page, "flow list")
    page.get_by_role("button", name="新建流程").click()
    page.get_by_label("流程名称").fill("无障碍检查")
    found += axe_violations(page, "new flow dialog")
    page.get_by_role("dialog").get_by_role("button", name=re.compile("确")).click()
    expect(node(page, "start")).to_be_visible()
    page.get_by_role("button", name="添加挂机").click()
    node(page, "start").click()
    page.get_by_label("出口「下一步」连到").click()
    page.locator(".ant-select-dropdown:visible .ant-select-item-option", has_text="挂机").click()
    expect(page.locator(".react-flow__edge")).to_have_count(1)
    expect(page.get_by_role("status")).to_contain_text("已保存")
    page.get_by_role("tab", name="模拟来电").click()
    page.get_by_role("button", name="开始模拟").click()
    expect(page.get_by_label("模拟结果")).to_be_visible()
    found += axe_violations(page, "simulate panel")
    page.get_by_role("button", name="添加转接电话").click()
    expect(node(page, "dial-1")).to_be_visible()
    found += axe_violations(page, "editor with a node's properties")
    page.get_by_role("tab", name="问题").click()
    found += axe_violations(page, "problems list")
    page.get_by_role("tab", name="提示音清单").click()
    found += axe_violations(page, "prompts list")
    page.get_by_role("tab", name="版本").click()
    expect(page.get_by_text("还没有发布过版本")).to_be_visible()
    found += axe_violations(page, "versions")
    page.get_by_role("button", name="键盘快捷键").click()
    expect(page.get_by_role("dialog", name="键盘快捷键")).to_be_visible()
    found += axe_violations(page, "shortcut help")
    assert found == [], "\n".join(found)


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches the CSS selector, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_the_editor_works_with_the_keyboard_alone(page: Page) -> None:
    new_flow(page, "键盘操作")
    nodes = page.locator(".react-flow__node")
    edges = page.locator(".react-flow__edge")
    # Add a node: the palette's buttons take Enter.
    tab_to(page, 'button[aria-label="添加挂机"]')
    page.keyboard.press("Enter")
    expect(nodes).to_have_count(2)
    expect(page.get_by_label("节点名称")).to_have_attribute("placeholder", "挂机")
    # Select the start node on the canvas with Tab and Enter; its exit picker connects it.
    tab_to(page, '.react-flow__node[data-id="start"]')
    page.keyboard.press("Enter")
    expect(node(page, "start")).to_have_class(re.compile("selected"))
    tab_to(page, '[aria-label^="出口「"] input, input[aria-label^="出口「"]')
    page.keyboard.press("ArrowDown")
    expect(page.locator(".ant-select-dropdown:visible")).to_have_count(1)
    page.keyboard.press("Enter")
    expect(edges).to_have_count(1)
    # Select the new node and delete it: its connection goes with it.
    tab_to(page, '.react-flow__node[data-id="hangup-1"]')
    page.keyboard.press("Enter")
    expect(node(page, "hangup-1")).to_have_class(re.compile("selected"))
    page.keyboard.press("Delete")
    expect(nodes).to_have_count(1)
    expect(edges).to_have_count(0)
