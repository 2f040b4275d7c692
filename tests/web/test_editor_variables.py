"""A designer builds an order-number hotline through the editor alone: declares a flow variable, has the
caller key in an order number, branches on it (and on the caller's province), shares calls out by
percentage, and finds it all again after a reload, simulated with the variable's value on the timeline,
and published."""

from __future__ import annotations

import re

from playwright.sync_api import Page, ViewportSize, expect

from tests.web.conftest import PHONE, screenshot
from tests.web.test_editor import choose, new_flow, node, saved
from tests.web.test_editor_forms import ENGLISH, english_in, problems, side

DESKTOP: ViewportSize = {"width": 1440, "height": 900}
TABLET: ViewportSize = {"width": 820, "height": 1180}


def sticking_out(page: Page) -> list[str]:
    """Controls of the side panel that reach past its right edge (cut off, or scrolled sideways)."""
    return side(page).evaluate(
        """el => {
            const edge = el.getBoundingClientRect().right;
            return [...el.querySelectorAll("input, button, .ant-select, .ant-input-number, .ant-input-affix-wrapper")]
                .filter((e) => e.offsetParent !== null && e.getBoundingClientRect().right > edge + 1)
                .map((e) => e.getAttribute("aria-label") || e.textContent || e.className);
        }"""
    )


def both(page: Page, name: str) -> None:
    """Screenshots at desktop, at a tablet's width (the side panel is narrowest there) and at a phone's
    (a read-only view); nothing in the side panel sticks out, nothing scrolls sideways on the phone."""
    screenshot(page, name)
    assert sticking_out(page) == [], name
    page.set_viewport_size(TABLET)
    page.wait_for_timeout(200)
    screenshot(page, f"{name}-tablet")
    assert sticking_out(page) == [], f"{name} at {TABLET['width']} px"
    page.set_viewport_size(PHONE)
    expect(page.get_by_text("编辑流程需要更大的屏幕")).to_be_visible()
    screenshot(page, f"{name}-phone")
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{name}: {overflow}px of horizontal scrolling at 390 px"
    page.set_viewport_size(DESKTOP)
    expect(side(page)).to_be_visible()


def connect(page: Page, source: str, exit_label: str, target: str) -> None:
    """Connect by keyboard-friendly means: the exit's picker in the properties panel."""
    node(page, source).click()
    page.get_by_label(f"出口「{exit_label}」连到").click()
    choose(page, target)


def pick(page: Page, label: str, option: str) -> None:
    side(page).get_by_label(label, exact=True).click()
    choose(page, option)


def add_phone(page: Page, number: str) -> None:
    side(page).get_by_role("button", name="添加电话").click()
    page.get_by_label("电话1号码").fill(number)
    page.get_by_label("电话1等待秒数").fill("30")


def test_designer_branches_on_an_order_number_and_shares_calls_by_percentage(page: Page) -> None:
    new_flow(page, "订单热线")
    palette = page.get_by_role("navigation", name="节点类型")
    for group in ("基础", "路由", "数据", "结束"):
        expect(palette.get_by_role("group", name=group)).to_be_visible()
    data = palette.get_by_role("group", name="数据")
    expect(data.get_by_role("button", name="添加输入号码")).to_be_visible()
    expect(data.get_by_role("button", name="添加条件判断")).to_be_visible()
    expect(
        palette.get_by_role("group", name="路由").get_by_role("button", name="添加按比例分流")
    ).to_be_visible()
    both(page, "editor-variables-palette")
    palette.get_by_label("搜索节点类型").fill("订单")
    expect(palette.get_by_role("button", name=re.compile("^添加"))).to_have_text(["输入号码"])
    both(page, "editor-variables-palette-search")
    palette.get_by_label("搜索节点类型").fill("")

    # The variable, declared in its own tab.
    page.get_by_role("tab", name="变量").click()
    panel = side(page)
    expect(panel).to_contain_text("还没有变量")
    panel.get_by_label("新变量名称").fill("订单号")
    panel.get_by_label("新变量代号").fill("Order")
    expect(panel.get_by_role("alert")).to_contain_text("代号用小写字母开头")
    panel.get_by_label("新变量代号").fill("order_no")
    expect(panel.get_by_role("alert")).to_have_count(0)
    pick(page, "新变量类型", "数字串")
    panel.get_by_role("button", name="添加").click()
    expect(panel.get_by_label("变量1名称")).to_have_value("订单号")
    expect(panel).to_contain_text("未使用")
    saved(page)

    # The caller keys in the order number.
    page.get_by_role("button", name="添加输入号码").click()
    expect(node(page, "collect-1")).to_be_visible()
    expect(node(page, "collect-1")).to_contain_text("请输入您的订单号")
    pick(page, "保存到变量", "订单号")
    expect(node(page, "collect-1")).to_contain_text("存入 订单号")
    both(page, "editor-variables-collect")

    # Two rules and "else".
    page.get_by_role("button", name="添加条件判断").click()
    expect(node(page, "condition-1")).to_be_visible()
    expect(node(page, "condition-1")).to_contain_text("未设置条件")
    side(page).get_by_role("button", name="添加条件").click()
    page.get_by_label("条件1名称").fill("VIP订单")
    pick(page, "条件1变量", "订单号")
    pick(page, "条件1比较方式", "开头是")
    page.get_by_label("条件1的值").fill("8")
    side(page).get_by_role("button", name="添加条件").click()
    pick(page, "条件2变量", "来电省份")
    expect(
        side(page).locator(".ant-select").filter(has=page.get_by_label("条件2比较方式", exact=True))
    ).to_contain_text("等于")
    # Until a value is typed the rule says so, in words (not as an unknown province "").
    expect(side(page)).to_contain_text("条件2“等于”还没有填写要比较的值")
    page.get_by_label("条件2的值").fill("广东")
    saved(page)
    expect(side(page)).not_to_contain_text("还没有填写要比较的值")
    expect(node(page, "condition-1")).to_contain_text("订单号 开头是 8 等 2 条")
    expect(node(page, "condition-1").locator(".flow-node-exits")).to_contain_text("VIP订单")
    expect(node(page, "condition-1").locator(".flow-node-exits")).to_contain_text("条件2")
    expect(node(page, "condition-1").locator(".flow-node-exits")).to_contain_text("否则")
    both(page, "editor-variables-condition")

    page.get_by_role("button", name="添加转接电话").click()
    page.get_by_label("节点名称").fill("转接电话 A")
    add_phone(page, "02088886666")
    page.get_by_role("button", name="添加转接电话").click()
    page.get_by_label("节点名称").fill("转接电话 B")
    add_phone(page, "13912345678")
    page.get_by_role("button", name="添加语音留言").click()
    expect(node(page, "voicemail-1")).to_be_visible()

    connect(page, "start", "下一步", "输入号码")
    connect(page, "collect-1", "输入完成", "条件判断")
    connect(page, "condition-1", "VIP订单", "转接电话 A")
    connect(page, "condition-1", "条件2", "转接电话 B")
    connect(page, "condition-1", "否则", "语音留言")
    expect(page.locator(".react-flow__edge")).to_have_count(5)

    # A percentage split: 70/30, a third branch throws the total off until it goes again.
    page.get_by_role("button", name="添加按比例分流").click()
    expect(node(page, "split-1")).to_be_visible()
    page.get_by_label("分支1分支名称").fill("总部")
    page.get_by_label("分支1比例").fill("70")
    page.get_by_label("分支2分支名称").fill("分部")
    page.get_by_label("分支2比例").fill("30")
    page.get_by_label("分支2比例").press("Tab")
    expect(side(page)).to_contain_text("合计 100%")
    expect(page.get_by_role("button", name="删除分支1")).to_be_disabled()
    side(page).get_by_role("button", name="添加分支").click()
    expect(page.get_by_label("分支3比例")).to_have_value("1")
    expect(side(page).get_by_role("alert").filter(has_text="合计")).to_contain_text("合计 101%,应为 100%")
    page.get_by_label("分支3分支名称").fill("试点")
    both(page, "editor-variables-split")
    page.get_by_role("button", name="删除分支3").click()
    expect(page.get_by_label("分支3比例")).to_have_count(0)
    expect(side(page)).to_contain_text("合计 100%")
    expect(side(page).get_by_role("alert").filter(has_text="合计")).to_have_count(0)
    expect(node(page, "split-1")).to_contain_text("总部 70% · 分部 30%")
    expect(node(page, "split-1").locator(".flow-node-exits")).to_contain_text("总部")
    saved(page)

    page.get_by_role("button", name="整理布局").click()
    expect(page.locator(".ant-message-notice:visible", has_text="布局已整理")).to_have_count(1)
    page.wait_for_timeout(300)
    both(page, "editor-variables-canvas")

    # After a reload: the variable, the rules, the branches and the connections.
    page.reload()
    expect(node(page, "condition-1")).to_be_visible()
    expect(page.locator(".react-flow__edge")).to_have_count(5)
    labels = page.locator(".react-flow__edge").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label'))"
    )
    for label in (
        "连线:开始的「下一步」连到输入号码",
        "连线:输入号码的「输入完成」连到条件判断",
        "连线:条件判断的「VIP订单」连到转接电话 A",
        "连线:条件判断的「条件2」连到转接电话 B",
        "连线:条件判断的「否则」连到语音留言",
    ):
        assert label in labels
    node(page, "condition-1").click()
    expect(page.get_by_label("条件1名称")).to_have_value("VIP订单")
    expect(
        side(page).locator(".ant-select").filter(has=page.get_by_label("条件1变量", exact=True))
    ).to_contain_text("订单号")
    expect(
        side(page).locator(".ant-select").filter(has=page.get_by_label("条件1比较方式", exact=True))
    ).to_contain_text("开头是")
    expect(page.get_by_label("条件1的值")).to_have_value("8")
    expect(
        side(page).locator(".ant-select").filter(has=page.get_by_label("条件2变量", exact=True))
    ).to_contain_text("来电省份")
    expect(page.get_by_label("条件2的值")).to_have_value("广东")
    node(page, "collect-1").click()
    expect(
        side(page).locator(".ant-select").filter(has=page.get_by_label("保存到变量", exact=True))
    ).to_contain_text("订单号")
    node(page, "split-1").click()
    expect(page.get_by_label("分支1分支名称")).to_have_value("总部")
    expect(page.get_by_label("分支1比例")).to_have_value("70")
    expect(page.get_by_label("分支2分支名称")).to_have_value("分部")
    expect(page.get_by_label("分支2比例")).to_have_value("30")
    # "VIP" is the designer's own word (a rule's name); nothing else in Latin letters.
    assert [t for t in english_in(page) if ENGLISH.search(t.replace("VIP", ""))] == []
    page.get_by_role("tab", name="变量").click()
    expect(side(page).get_by_label("变量1名称")).to_have_value("订单号")
    expect(side(page)).to_contain_text("由 输入号码 设置")
    expect(side(page)).to_contain_text("条件判断 使用")
    both(page, "editor-variables-tab")

    page.get_by_role("tab", name=re.compile("问题")).click()
    listed = problems(page).inner_text()
    assert "分支1、2还没有连到下一步" in listed
    assert not ENGLISH.search(listed), listed

    page.get_by_role("tab", name="模拟来电").click()
    page.get_by_label("按键", exact=True).fill("81234#")
    page.get_by_role("button", name="开始模拟").click()
    result = page.get_by_label("模拟结果")
    expect(result).to_contain_text("由 02088886666 接听")
    timeline = "\n".join(result.locator(".sim-event").all_inner_texts())
    assert "订单号=81234" in timeline
    assert "输入号码 → 输入完成" in timeline
    assert "条件判断 → VIP订单" in timeline
    assert "振铃 02088886666" in timeline
    assert not ENGLISH.search(timeline.replace("VIP", "")), timeline
    expect(node(page, "condition-1").locator(".flow-node")).to_have_class(re.compile("on-path"))
    both(page, "editor-variables-simulate")
    # On a phone the flow cannot be edited, but the same call can be simulated.
    page.set_viewport_size(PHONE)
    page.locator(".ant-segmented-item", has_text="模拟来电").click()
    page.get_by_label("按键", exact=True).fill("81234#")
    page.get_by_role("button", name="开始模拟").click()
    expect(page.get_by_label("模拟结果")).to_contain_text("订单号=81234")
    expect(page.get_by_label("模拟结果")).to_contain_text("条件判断 → VIP订单")
    screenshot(page, "editor-variables-simulate-phone-result")
    assert (
        page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        <= 0
    )
    page.set_viewport_size(DESKTOP)

    page.get_by_role("tab", name="版本").click()
    page.get_by_role("button", name=re.compile(r"^发 ?布$")).click()
    dialog = page.get_by_role("dialog", name="发布新版本")
    dialog.get_by_label("版本说明").fill("订单号分流")
    dialog.get_by_role("button", name=re.compile("发")).click()
    expect(page.locator(".ant-list-item", has_text="第 1 版")).to_contain_text("订单号分流")


def test_a_rules_value_field_follows_its_comparison_and_fits_the_narrow_panel(page: Page) -> None:
    new_flow(page, "比较方式")
    page.set_viewport_size(TABLET)
    page.get_by_role("button", name="添加条件判断").click()
    rules = side(page)
    for _ in range(3):
        rules.get_by_role("button", name="添加条件").click()
    pick(page, "条件1变量", "当前小时")
    pick(page, "条件1比较方式", "数值范围")
    page.get_by_label("条件1最小值").fill("9")
    page.get_by_label("条件1最大值").fill("18")
    expect(page.get_by_label("条件1的值")).to_have_count(0)
    pick(page, "条件2变量", "来电城市")
    pick(page, "条件2比较方式", "属于列表")
    page.get_by_label("条件2的值").fill("广州、深圳")
    page.get_by_label("条件2的值").press("Tab")
    pick(page, "条件3变量", "来电号码")
    pick(page, "条件3比较方式", "为空")
    expect(page.get_by_label("条件3的值")).to_have_count(0)
    saved(page)
    expect(node(page, "condition-1")).to_contain_text("当前小时 数值范围 9–18 等 3 条")
    expect(side(page)).not_to_contain_text("还没有填写")
    screenshot(page, "editor-variables-rule-kinds-tablet")
    assert sticking_out(page) == []
    page.set_viewport_size(DESKTOP)
    screenshot(page, "editor-variables-rule-kinds")
    assert sticking_out(page) == []
    page.reload()
    node(page, "condition-1").click()
    expect(page.get_by_label("条件1最小值")).to_have_value("9")
    expect(page.get_by_label("条件1最大值")).to_have_value("18")
    expect(page.get_by_label("条件2的值")).to_have_value("广州、深圳")
