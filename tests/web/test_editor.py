"""A designer builds the seed's menu in the editor: palette, connections by mouse and by keyboard,
diagnostics, simulation, flow tests, publishing, undo/redo and a two-tab conflict."""

from __future__ import annotations

import re

from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.web.conftest import guarded_page, screenshot, sign_in


def node(page: Page, node_id: str) -> Locator:
    return page.locator(f'.react-flow__node[data-id="{node_id}"]')


def drag_exit(page: Page, source: str, exit: str, target: str) -> None:
    """Connect with the mouse: from the exit's handle to the target node's entry."""
    start = node(page, source).locator(f'.react-flow__handle[data-handleid="{exit}"]').bounding_box()
    end = node(page, target).locator(".react-flow__handle.target").bounding_box()
    assert start and end
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(end["x"] + 2, end["y"] + end["height"] / 2, steps=8)
    page.mouse.up()


def drop(page: Page, palette_name: str, x: int, y: int) -> None:
    page.get_by_role("button", name=f"添加{palette_name}").drag_to(
        page.locator(".react-flow__pane"), target_position={"x": x, "y": y}
    )


def choose(page: Page, text: str) -> None:
    """Pick an option in the open Ant Design select."""
    page.locator(".ant-select-dropdown:visible .ant-select-item-option", has_text=text).last.click()
    expect(page.locator(".ant-select-dropdown:visible")).to_have_count(0)


def saved(page: Page) -> None:
    expect(page.get_by_role("status")).to_contain_text("已保存")


def new_flow(page: Page, name: str) -> None:
    """Create a flow from the list as a designer does, and wait until its editor shows it.

    The list is reached through the menu, not by loading the app a second time while the home page
    just shown is still fetching; the wait is for the editor's address first, then its start node.
    """
    sign_in(page)
    page.get_by_role("menu", name="主导航").get_by_text("语音导航流程").click()
    page.get_by_role("button", name="新建流程").click()
    dialog = page.get_by_role("dialog", name="新建流程")
    dialog.get_by_label("流程名称").fill(name)
    dialog.get_by_role("button", name=re.compile("确")).click()
    expect(dialog).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/flows/\d+$"))
    expect(node(page, "start")).to_be_visible()


def test_designer_builds_simulates_tests_and_publishes_the_menu(page: Page) -> None:
    new_flow(page, "客服热线菜单")
    tidy = page.get_by_role("button", name="整理布局")

    def fit() -> None:
        """Tidy layout (ELK) so that nodes dropped near each other do not overlap, then let it settle."""
        tidy.click()
        toast = page.locator(".ant-message-notice:visible", has_text="布局已整理")
        expect(toast).to_have_count(1)
        page.wait_for_timeout(300)  # the toast shows once the view is fitted; let the frame paint
        # Out of the way of the next drop (hidden, not removed: the DOM node is React's to remove).
        toast.evaluate_all("els => els.forEach(e => { e.style.display = 'none'; })")

    drop(page, "放音", 150, 350)
    expect(node(page, "play-1")).to_be_visible()
    page.get_by_label("提示音", exact=True).fill("欢迎致电客服热线,电话正在接通中,请稍候")
    page.get_by_role("switch", name="作为彩铃播放").click()
    saved(page)
    # A text-to-speech ringback is refused (R16: ringback must be approved media): shown on the node.
    expect(node(page, "play-1")).to_contain_text("错误")
    screenshot(page, "editor-diagnostic")
    page.get_by_role("switch", name="作为彩铃播放").click()
    saved(page)
    expect(node(page, "play-1")).not_to_contain_text("错误")
    fit()
    drag_exit(page, "start", "next", "play-1")
    expect(page.locator(".react-flow__edge")).to_have_count(1)

    drop(page, "按键菜单", 500, 350)
    expect(node(page, "menu-1")).to_be_visible()
    page.get_by_label("菜单提示音", exact=True).fill("查号请拨1,值班请拨2,投诉请拨3,传真请拨4")
    for key in ("3", "4"):
        page.get_by_role("checkbox", name=key, exact=True).check()
    fit()
    drag_exit(page, "play-1", "next", "menu-1")
    expect(page.locator(".react-flow__edge")).to_have_count(2)

    drop(page, "转接电话", 800, 200)
    expect(node(page, "dial-1")).to_be_visible()
    page.get_by_label("节点名称").fill("查号")
    fit()
    drag_exit(page, "menu-1", "digit:1", "dial-1")
    expect(page.locator(".react-flow__edge")).to_have_count(3)
    saved(page)
    node(page, "dial-1").click()
    page.get_by_role("button", name="添加电话").click()
    page.get_by_label("电话1号码").fill("02088886666")
    page.get_by_label("电话1等待秒数").fill("20")
    page.get_by_role("button", name="添加电话").click()
    page.get_by_label("电话2号码").fill("13912345678")
    page.get_by_label("电话2等待秒数").fill("25")
    saved(page)
    expect(node(page, "dial-1")).not_to_contain_text("错误")

    drop(page, "转接电话", 800, 330)
    expect(node(page, "dial-2")).to_be_visible()
    page.get_by_label("节点名称").fill("值班")
    for i, (phone, wait) in enumerate((("075588887777", "15"), ("13800138000", "30")), start=1):
        page.get_by_role("button", name="添加电话").click()
        page.get_by_label(f"电话{i}号码").fill(phone)
        page.get_by_label(f"电话{i}等待秒数").fill(wait)
    fit()
    drag_exit(page, "menu-1", "digit:2", "dial-2")
    expect(page.locator(".react-flow__edge")).to_have_count(4)

    drop(page, "转接电话", 800, 600)
    expect(node(page, "dial-3")).to_be_visible()
    page.get_by_label("节点名称").fill("传真")
    page.get_by_role("button", name="添加电话").click()
    page.get_by_label("电话1号码").fill("02088886600")
    page.get_by_label("电话1等待秒数").fill("60")
    saved(page)

    drop(page, "语音留言", 800, 450)
    expect(node(page, "voicemail-1")).to_be_visible()
    fit()
    # Keyboard path: the properties panel's exit picker connects too.
    node(page, "menu-1").click()
    page.get_by_label("出口「按3」连到").click()
    choose(page, "语音留言")
    page.get_by_label("出口「按4」连到").click()
    choose(page, "传真")
    page.get_by_label("出口「超时」连到").click()
    choose(page, "语音留言")
    saved(page)
    expect(page.locator(".react-flow__edge")).to_have_count(7)
    for dial, name in (("dial-1", "查号"), ("dial-2", "值班"), ("dial-3", "传真")):
        expect(node(page, dial).locator(".flow-node-head")).to_contain_text(name)
    screenshot(page, "editor-menu")

    page.get_by_role("tab", name="模拟来电").click()
    page.get_by_label("按键", exact=True).fill("1")
    page.get_by_label("02088886666 的表现").click()
    choose(page, "忙")
    page.get_by_role("button", name="开始模拟").click()
    result = page.get_by_label("模拟结果")
    expect(result).to_contain_text("由 13912345678 接听")
    expect(result).to_contain_text("振铃 02088886666")
    expect(result).to_contain_text("振铃 13912345678")
    expect(node(page, "dial-1").locator(".flow-node")).to_have_class(re.compile("current"))
    screenshot(page, "editor-simulate")
    page.get_by_label("测试用例名称").fill("查号固话忙转手机")
    page.get_by_role("button", name="保存为测试用例").click()
    saved(page)
    page.get_by_role("button", name="运行全部测试").click()
    expect(page.get_by_text("测试:1 个通过,0 个失败")).to_be_visible()

    page.get_by_role("tab", name="版本").click()
    page.get_by_role("button", name=re.compile(r"^发 ?布$")).click()
    dialog = page.get_by_role("dialog", name="发布新版本")
    dialog.get_by_label("版本说明").fill("查号、值班、投诉留言、传真")
    dialog.get_by_role("button", name=re.compile("发")).click()
    version = page.locator(".ant-list-item", has_text="第 1 版")
    expect(version).to_contain_text("查号、值班、投诉留言、传真")
    screenshot(page, "editor-versions")

    # The published menu goes live on the account's number.
    version.get_by_role("button", name="用于号码").click()
    assign = page.get_by_role("dialog", name="把该版本用于号码")
    assign.get_by_label("号码").click()
    choose(page, "400-600-0001")
    assign.get_by_role("button", name=re.compile("切")).click()
    expect(page.get_by_text("号码已切换到该版本")).to_be_visible()
    live = page.request.post(
        "/graphql",
        data={"query": "{numbers(status:ACTIVE){edges{node{number id}}}}"},
        headers={"Accept": "application/json"},
    ).json()["data"]["numbers"]["edges"]
    number_id = next(e["node"]["id"] for e in live if e["node"]["number"] == "4006000001")
    routing = page.request.post(
        "/graphql",
        data={"query": f'{{numberRouting(numberId:"{number_id}"){{flowVersionId}}}}'},
        headers={"Accept": "application/json"},
    ).json()["data"]["numberRouting"]
    assert routing["flowVersionId"] is not None


def test_undo_redo_and_copy_paste(page: Page) -> None:
    new_flow(page, "撤销测试")
    nodes = page.locator(".react-flow__node")
    page.get_by_role("button", name="添加挂机").click()
    expect(nodes).to_have_count(2)
    page.locator(".react-flow__pane").click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+z")
    expect(nodes).to_have_count(1)
    page.keyboard.press("Control+Shift+z")
    expect(nodes).to_have_count(2)
    node(page, "hangup-1").click()
    page.keyboard.press("Control+c")
    page.keyboard.press("Control+v")
    expect(nodes).to_have_count(3)
    page.keyboard.press("Delete")
    expect(nodes).to_have_count(2)
    page.keyboard.press("?")
    expect(page.get_by_role("dialog", name="键盘快捷键")).to_be_visible()


def test_a_note_on_a_node_is_saved_with_the_draft_and_shown_on_the_canvas(page: Page) -> None:
    new_flow(page, "备注测试")
    page.get_by_role("button", name="添加挂机").click()
    page.get_by_label("备注").fill("非工作时间挂机,待确认是否改为留言")
    saved(page)
    page.reload()
    expect(node(page, "hangup-1").locator(".flow-node-note")).to_have_text(
        "备注:非工作时间挂机,待确认是否改为留言"
    )
    node(page, "hangup-1").click()
    expect(page.get_by_label("备注")).to_have_value("非工作时间挂机,待确认是否改为留言")


def test_a_second_tab_that_saved_in_between_gets_a_conflict_dialog(
    page: Page, context: BrowserContext, service: str
) -> None:
    new_flow(page, "冲突测试")
    page.get_by_role("button", name="添加挂机").click()
    saved(page)
    other, guard = guarded_page(context, service)
    other.goto(page.url)
    expect(node(other, "hangup-1")).to_be_visible()
    node(other, "hangup-1").click()
    other.get_by_label("节点名称").fill("另一个窗口")
    saved(other)
    node(page, "hangup-1").click()
    page.get_by_label("节点名称").fill("本窗口")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("草稿已被其他人或其他窗口修改")
    screenshot(page, "editor-conflict")
    dialog.get_by_role("button", name="重新加载").click()
    expect(node(page, "hangup-1")).to_contain_text("另一个窗口")
    assert guard.problems == []


def test_dial_phones_reorder_by_drag_and_show_the_wait_advice(page: Page) -> None:
    new_flow(page, "转接顺序")
    page.get_by_role("button", name="添加转接电话").click()
    page.get_by_role("button", name="添加电话").click()
    page.get_by_label("电话1号码").fill("02088886666")
    page.get_by_role("button", name="添加电话").click()
    page.get_by_label("电话2号码").fill("13912345678")
    page.get_by_label("电话2等待秒数").fill("10")
    saved(page)
    # Several phones ring in turn: each should ring 15 s or more (the API's advice, next to the phone).
    advice = page.get_by_role("note", name="电话2等待时间建议")
    expect(advice).to_contain_text("15秒或以上")
    expect(page.get_by_role("note", name="电话1等待时间建议")).to_have_count(0)
    page.get_by_test_id("dest-2").locator(".drag-grip").drag_to(page.get_by_test_id("dest-1"))
    expect(page.get_by_label("电话1号码")).to_have_value("13912345678")
    expect(page.get_by_label("电话2号码")).to_have_value("02088886666")
    saved(page)
    expect(page.get_by_role("note", name="电话1等待时间建议")).to_contain_text("13912345678为10秒")
    page.get_by_role("button", name="电话1下移").click()
    expect(page.get_by_label("电话1号码")).to_have_value("02088886666")


def test_a_diff_draws_removed_nodes_as_ghosts(page: Page) -> None:
    new_flow(page, "版本对比")
    page.get_by_role("button", name="添加挂机").click()
    node(page, "start").click()
    page.get_by_label("出口「下一步」连到").click()
    choose(page, "挂机")
    saved(page)
    page.get_by_role("tab", name="版本").click()
    page.get_by_role("button", name=re.compile(r"^发 ?布$")).click()
    dialog = page.get_by_role("dialog", name="发布新版本")
    dialog.get_by_role("button", name=re.compile("发")).click()
    expect(page.locator(".ant-list-item", has_text="第 1 版")).to_be_visible()
    node(page, "hangup-1").click()
    page.keyboard.press("Delete")
    expect(node(page, "hangup-1")).to_have_count(0)
    saved(page)
    page.get_by_role("tab", name="版本").click()
    page.get_by_role("button", name="与草稿对比").click()
    ghost = node(page, "hangup-1")
    expect(ghost).to_contain_text("已删除")
    expect(ghost.locator(".flow-node")).to_have_class(re.compile("diff-removed"))
    expect(page.locator(".react-flow__edge.diff-removed")).to_have_count(1)
    screenshot(page, "editor-diff")
    # A ghost is not part of the draft: it cannot be selected, and clearing the marks removes it.
    ghost.click(force=True)
    expect(page.get_by_label("节点名称")).to_have_count(0)
    page.get_by_role("button", name="清除标记").click()
    expect(node(page, "hangup-1")).to_have_count(0)
    expect(page.locator(".react-flow__edge")).to_have_count(0)


def test_the_prompts_tab_lists_every_prompt_the_flow_uses(page: Page) -> None:
    new_flow(page, "提示音清单")
    page.get_by_role("button", name="添加放音").click()
    page.get_by_label("提示音", exact=True).fill("欢迎致电")
    page.get_by_role("button", name="添加挂机").click()
    page.get_by_label("结束语的来源").get_by_text("文字转语音").click()
    page.get_by_label("结束语", exact=True).fill("感谢来电,再见")
    saved(page)
    page.get_by_role("tab", name="提示音清单").click()
    prompts = page.get_by_label("流程用到的提示音")
    expect(prompts.locator(".ant-list-item")).to_have_count(2)
    expect(prompts).to_contain_text("欢迎致电")
    expect(prompts).to_contain_text("感谢来电,再见")
    # Nodes are named as designers know them, never by internal ids.
    expect(page.get_by_role("button", name="试听 挂机 的结束语")).to_be_visible()
    # Each use jumps to its node.
    prompts.get_by_role("button", name="放音", exact=True).click()
    expect(page.get_by_label("提示音", exact=True)).to_have_value("欢迎致电")


def test_the_time_switch_week_grid_paints_windows(page: Page) -> None:
    new_flow(page, "工作时间")
    page.get_by_role("button", name="添加时间判断").click()
    page.get_by_role("button", name="添加时段").click()

    def cell(day: int, at: str) -> Locator:
        return page.locator(f'.week-grid [data-cell="{day}-{at}"]')

    expect(cell(1, "09:00")).to_have_class("on")
    expect(cell(6, "10:00")).not_to_have_class("on")
    # The node's problems above the form are those of the schedule as it is now: a designer aims at a
    # grid that has stopped moving.
    expect(page.locator(".side")).to_have_attribute("aria-busy", "false")
    # Paint Saturday 10:00–12:00 with the mouse: a second window.
    start = cell(6, "10:00").bounding_box()
    assert start
    page.mouse.move(start["x"] + 2, start["y"] + 4)
    page.mouse.down()
    # Aim at the cell where it is now, as a hand does: pressing paints, and the panel may have reflowed.
    end = cell(6, "11:30").bounding_box()
    assert end
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 2, steps=6)
    page.mouse.up()
    expect(page.get_by_label("时段2开始")).to_have_value("10:00")
    expect(page.get_by_label("时段2结束")).to_have_value("12:00")
    expect(page.get_by_label("时段2星期").get_by_role("checkbox", name="周六")).to_be_checked()
    expect(page.get_by_role("switch", name="遵守法定节假日和调休")).to_be_checked()
    saved(page)
    expect(node(page, "time_switch-1")).not_to_contain_text("错误")


def test_the_area_switch_picks_province_city_and_area_code(page: Page) -> None:
    new_flow(page, "地区路由")
    page.get_by_role("button", name="添加地区判断").click()
    page.get_by_label("地区(省 → 市 → 区号)").click()
    menus = page.locator(".ant-cascader-dropdown:visible .ant-cascader-menu")
    menus.nth(0).get_by_text("广东", exact=True).click()
    # A city with one area code is itself the choice.
    menus.nth(1).locator(".ant-cascader-menu-item", has_text="深圳 0755").locator(
        ".ant-cascader-checkbox"
    ).click()
    page.keyboard.press("Escape")
    saved(page)
    expect(node(page, "area_switch-1")).to_contain_text("0755")
