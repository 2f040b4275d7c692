"""The portal on a phone: the menu opens from a header button, slides over the content (which stays where
it is), and closes after a choice or a tap beside it; the button keeps clear of the user's name and tag."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.web.conftest import PHONE, guarded_page, new_browser_context, screenshot, sign_in


def _box(page: Page, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def test_the_phone_menu_slides_over_the_content_and_closes_after_a_choice(
    browser: Browser, service: str
) -> None:
    context = new_browser_context(browser, service)
    page, guard = guarded_page(context, service)
    try:
        page.set_viewport_size(PHONE)
        sign_in(page)
        nav = page.get_by_role("menu", name="主导航")
        expect(nav).to_be_hidden()
        button = page.get_by_role("button", name="打开菜单")
        # The button sits in the header, clear of the user's name and the account tag.
        expect(page.locator(".app-user")).to_contain_text("演示客户")
        menu_button = _box(page, ".app-menu-button")
        for part in (".app-user", ".app-user .ant-tag", "button:has-text('退出登录')"):
            assert not _overlap(menu_button, _box(page, part)), part
        heading = page.locator(".page-title h2").first
        before = heading.bounding_box()
        assert before is not None
        screenshot(page, "portal-phone-menu-closed")

        button.click()
        expect(nav).to_be_visible()
        expect(nav.get_by_role("menuitem", name="费用中心")).to_be_in_viewport()
        # Over the content, not beside it: the page underneath has not moved or shrunk.
        after = heading.bounding_box()
        assert after is not None and (after["x"], after["width"]) == (before["x"], before["width"])
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        screenshot(page, "portal-phone-menu-open")

        nav.get_by_role("menuitem", name="费用中心").click()
        expect(page).to_have_url(re.compile(r"/money$"))
        expect(page.get_by_role("heading", name="费用中心")).to_be_visible()
        expect(nav).to_be_hidden()

        # A tap beside the open menu closes it too, and the page stays where it was.
        page.get_by_role("button", name="打开菜单").click()
        expect(nav).to_be_visible()
        page.mouse.click(PHONE["width"] - 20, PHONE["height"] - 20)
        expect(nav).to_be_hidden()
        expect(page).to_have_url(re.compile(r"/money$"))
        # And so does Escape, for a keyboard.
        page.get_by_role("button", name="打开菜单").click()
        expect(nav).to_be_visible()
        page.keyboard.press("Escape")
        expect(nav).to_be_hidden()
        assert guard.problems == []
    finally:
        context.close()


def test_the_desktop_menu_stays_beside_the_content_without_a_menu_button(page: Page) -> None:
    sign_in(page)
    expect(page.get_by_role("menu", name="主导航")).to_be_visible()
    expect(page.get_by_role("button", name="打开菜单")).to_have_count(0)
