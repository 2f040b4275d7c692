"""The editor's frame and canvas: it fills the screen whatever the side panel holds, a connection dropped
on empty canvas offers the node to create, a new node never lands under the minimap, tidy layout never
overlaps nodes, and a phone gets a read-only view with the simulation. Also: no screen ends in a white
band."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image, ImageChops, ImageOps
from playwright.sync_api import Locator, Page, ViewportSize, expect

from tests.web.conftest import PHONE, screenshot, sign_in
from tests.web.test_editor import new_flow, node

Box = dict[str, float]


def box_of(locator: Locator) -> Box:
    box = locator.bounding_box()
    assert box is not None
    return box


def overlap(a: Box, b: Box) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def page_scrolls(page: Page) -> bool:
    return bool(
        page.evaluate("() => document.documentElement.scrollHeight > document.documentElement.clientHeight")
    )


def bottom_band(page: Page) -> str:
    """What shows at the bottom of the screen, left, middle and right: a page's own element, or the bare
    document (html, body and the app's root wrappers) when the page stops short of the screen's edge."""
    return str(
        page.evaluate(
            """() => [0.05, 0.5, 0.95].map((f) => {
                const el = document.elementFromPoint(innerWidth * f, innerHeight - 2);
                const bare = !el || el === document.documentElement || el === document.body
                    || el.id === 'root' || el.classList.contains('ant-app');
                return bare ? 'bare' : 'page';
            }).join(' ')"""
        )
    )


@pytest.mark.parametrize("size", [(1440, 900), (1280, 720)], ids=["1440x900", "1280x720"])
def test_the_editor_fills_the_screen_and_keeps_its_size_while_the_side_panel_grows(
    page: Page, size: tuple[int, int]
) -> None:
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    new_flow(page, f"满屏 {width}")
    toolbar = box_of(page.locator(".editor-bar"))
    canvas = box_of(page.get_by_role("main", name="流程画布"))
    assert toolbar["y"] == 0
    assert abs(canvas["y"] - (toolbar["y"] + toolbar["height"])) <= 1
    assert abs(canvas["y"] + canvas["height"] - height) <= 1
    assert box_of(page.locator(".react-flow")) == canvas
    assert not page_scrolls(page)
    # every tab of the side panel shows its name; none is folded into an overflow menu
    side = box_of(page.locator(".side"))
    for name in ("属性", "问题", "变量", "提示音清单", "模拟来电", "版本"):
        tab = box_of(page.get_by_role("tab", name=name))
        assert side["x"] <= tab["x"] and tab["x"] + tab["width"] <= side["x"] + side["width"], name
    expect(page.locator(".side .ant-tabs-nav-more")).to_be_hidden()

    # A dial with many phones: the properties outgrow the screen and scroll in their own pane.
    page.get_by_role("button", name="添加转接电话").click()
    for _ in range(9):
        page.get_by_role("button", name="添加电话").click()
    expect(page.get_by_label("电话9号码")).to_be_attached()
    holder = page.locator(".side .ant-tabs-body-holder")
    assert holder.evaluate("el => el.scrollHeight > el.clientHeight + 100")
    assert box_of(page.get_by_role("main", name="流程画布")) == canvas
    assert box_of(page.locator(".editor-bar")) == toolbar
    assert not page_scrolls(page)
    page.get_by_label("电话9号码").scroll_into_view_if_needed()
    assert box_of(page.locator(".editor-bar")) == toolbar
    assert box_of(page.get_by_role("main", name="流程画布")) == canvas
    screenshot(page, f"editor-fills-{width}x{height}")


@pytest.mark.parametrize("viewport", [{"width": 1440, "height": 900}, PHONE], ids=["desktop", "phone"])
def test_sign_in_and_short_pages_reach_the_bottom_of_the_screen(page: Page, viewport: ViewportSize) -> None:
    page.set_viewport_size(viewport)
    page.goto("/login")
    expect(page.get_by_label("登录名")).to_be_visible()
    assert bottom_band(page) == "page page page"
    screenshot(page, f"login-{viewport['width']}")
    sign_in(page)
    page.goto("/applications")  # a customer without applications: an empty list, far shorter than the screen
    expect(page.get_by_role("heading", name="开通申请")).to_be_visible()
    assert not page_scrolls(page)
    assert bottom_band(page) == "page page page"
    screenshot(page, f"short-page-{viewport['width']}")


def drag_exit_to(page: Page, source: str, exit: str, x: float, y: float) -> None:
    handle = box_of(node(page, source).locator(f'.react-flow__handle[data-handleid="{exit}"]'))
    page.mouse.move(handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2)
    page.mouse.down()
    page.mouse.move(x, y, steps=10)
    page.mouse.up()


def test_a_connection_dropped_on_empty_canvas_creates_and_connects_the_chosen_node(page: Page) -> None:
    new_flow(page, "拖出连线")
    nodes = page.locator(".react-flow__node")
    edges = page.locator(".react-flow__edge")
    start = box_of(node(page, "start"))
    drop_x, drop_y = start["x"] + start["width"] + 140, start["y"] + 40

    # Escape closes the picker and changes nothing.
    drag_exit_to(page, "start", "next", drop_x, drop_y)
    picker = page.get_by_role("menu", name="添加节点并连接到开始 的出口「下一步」")
    expect(picker).to_be_visible()
    expect(picker.get_by_role("menuitem")).to_have_text(
        [
            "放音",
            "按键菜单",
            "转接电话",
            "录音",
            "时间判断",
            "地区判断",
            "来电号码判断",
            "按比例分流",
            "输入号码",
            "条件判断",
            "语音留言",
            "挂机",
        ]
    )
    page.keyboard.press("Escape")
    expect(picker).to_have_count(0)
    expect(nodes).to_have_count(1)
    expect(edges).to_have_count(0)

    # By keyboard: the first kind has the focus; the arrow keys move it and Enter picks.
    drag_exit_to(page, "start", "next", drop_x, drop_y)
    expect(picker.get_by_role("menuitem", name="放音")).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(picker).to_have_count(0)
    expect(nodes).to_have_count(2)
    expect(edges).to_have_count(1)
    expect(page.locator('.react-flow__edge[data-id="e-start-next"]')).to_have_count(1)
    menu = box_of(node(page, "menu-1"))
    assert abs(menu["x"] - drop_x) < 20  # the entry sits where the connection was dropped
    assert menu["y"] < drop_y < menu["y"] + menu["height"]
    screenshot(page, "editor-connected-from-picker")

    # One undo takes back both the node and its connection.
    page.locator(".react-flow__pane").click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+z")
    expect(nodes).to_have_count(1)
    expect(edges).to_have_count(0)
    page.keyboard.press("Control+Shift+z")
    expect(nodes).to_have_count(2)
    expect(edges).to_have_count(1)

    # By mouse, from a menu's key; and a connection dropped on a node's body connects to that node.
    pane = box_of(page.locator(".react-flow__pane"))
    drag_exit_to(page, "menu-1", "digit:1", pane["x"] + pane["width"] - 60, drop_y + 100)
    page.get_by_role("menu", name="添加节点并连接到按键菜单 的出口「按1」").get_by_role(
        "menuitem", name="挂机"
    ).click()
    expect(nodes).to_have_count(3)
    expect(page.locator('.react-flow__edge[data-id="e-menu-1-digit1"]')).to_have_count(1)
    bye = box_of(node(page, "hangup-1"))
    drag_exit_to(page, "menu-1", "digit:2", bye["x"] + bye["width"] / 2, bye["y"] + 8)
    expect(page.get_by_role("menu")).to_have_count(0)
    expect(page.locator('.react-flow__edge[data-id="e-menu-1-digit2"]')).to_have_count(1)
    expect(nodes).to_have_count(3)


def test_a_node_dropped_on_the_minimap_lands_clear_of_it(page: Page) -> None:
    new_flow(page, "缩略图")
    minimap = box_of(page.locator(".react-flow__minimap"))
    pane = box_of(page.locator(".react-flow__pane"))
    page.get_by_role("button", name="添加转接电话").drag_to(
        page.locator(".react-flow__pane"),
        target_position={
            "x": minimap["x"] - pane["x"] + minimap["width"] / 2,
            "y": minimap["y"] - pane["y"] + minimap["height"] / 2,
        },
        force=True,
    )
    dial = box_of(node(page, "dial-1"))
    assert not overlap(dial, minimap)
    assert dial["x"] + dial["width"] <= pane["x"] + pane["width"]
    assert dial["y"] + dial["height"] <= pane["y"] + pane["height"]
    # Nor does a node added from the palette by keyboard, or by the picker at the minimap's edge.
    page.get_by_role("button", name="添加挂机").click()
    assert not overlap(box_of(node(page, "hangup-1")), minimap)
    drag_exit_to(page, "dial-1", "busy", minimap["x"] + 10, minimap["y"] + 20)
    page.get_by_role("menu").get_by_role("menuitem", name="语音留言").click()
    assert not overlap(box_of(node(page, "voicemail-1")), minimap)
    screenshot(page, "editor-drop-on-minimap")


def ink(page: Page, button: str) -> Image.Image:
    """The icon of a toolbar button as black-and-white pixels."""
    png = page.get_by_role("button", name=button).locator("svg").screenshot()
    grey = ImageOps.grayscale(Image.open(io.BytesIO(png)))
    return grey.point(lambda v: 255 if v < 160 else 0)


def test_undo_and_redo_have_icons_told_apart_at_a_glance(page: Page) -> None:
    new_flow(page, "图标")
    undo, redo = ink(page, "撤销"), ink(page, "重做")
    assert undo.size == redo.size
    inked = ImageChops.lighter(undo, redo).histogram()[255]
    differ = ImageChops.difference(undo, redo).histogram()[255]
    # Most of what is drawn differs between the two (Ant Design's pair shared all but their arrowheads).
    assert differ / inked > 0.5


def test_a_phone_gets_a_read_only_view_and_the_simulation(page: Page) -> None:
    new_flow(page, "手机查看")
    start = box_of(node(page, "start"))
    drag_exit_to(page, "start", "next", start["x"] + start["width"] + 100, start["y"] + 30)
    page.get_by_role("menu").get_by_role("menuitem", name="挂机").click()
    expect(page.locator(".react-flow__edge")).to_have_count(1)
    expect(page.get_by_role("status")).to_contain_text("已保存")

    page.set_viewport_size(PHONE)
    expect(page.get_by_text("编辑流程需要更大的屏幕")).to_be_visible()
    expect(page.get_by_role("button", name="添加放音")).to_have_count(0)
    expect(page.get_by_role("button", name="整理布局")).to_have_count(0)
    expect(node(page, "hangup-1")).to_be_visible()
    assert not page_scrolls(page)
    screenshot(page, "editor-phone")
    # Read-only: a node can be neither dragged nor selected nor deleted.
    before = box_of(node(page, "hangup-1"))
    page.mouse.move(before["x"] + 20, before["y"] + 10)
    page.mouse.down()
    page.mouse.move(before["x"] + 80, before["y"] + 90, steps=5)
    page.mouse.up()
    page.keyboard.press("Delete")
    expect(page.locator(".react-flow__node")).to_have_count(2)
    after = box_of(node(page, "hangup-1"))
    moved = (round(after["x"] - before["x"]), round(after["y"] - before["y"]))
    assert moved in ((0, 0), (60, 80))  # the node stays put; the view may pan
    for shown in page.locator(".react-flow__node").all():
        expect(shown).not_to_have_class(re.compile(r"\b(draggable|selectable)\b"))

    page.get_by_text("模拟来电", exact=True).click()
    page.get_by_role("button", name="开始模拟").click()
    expect(page.get_by_label("模拟结果")).to_contain_text("挂机")
    screenshot(page, "editor-phone-simulate")
    page.get_by_text("查看流程", exact=True).click()
    expect(node(page, "hangup-1").locator(".flow-node")).to_have_class(re.compile("on-path"))

    page.set_viewport_size({"width": 1440, "height": 900})
    expect(page.get_by_role("button", name="添加放音")).to_be_visible()


def menu_tree(menus: int) -> dict[str, object]:
    """A start, then menus whose keys lead to further menus and hang-ups; every menu's timeout goes back to
    the first menu, and all nodes start at the same point."""
    prompt = {"prompt": {"tts": "请按键"}}
    nodes: list[dict[str, object]] = [
        {"id": "start", "type": "start"},
        {"id": "m0", "type": "menu", "props": prompt},
    ]
    edges = [{"id": "e-start", "source": "start", "exit": "next", "target": "m0"}]
    queue = ["m0"]
    made = 1
    while queue:
        parent = queue.pop(0)
        for key in "123":
            if made < menus:
                child = f"m{made}"
                made += 1
                queue.append(child)
                nodes.append({"id": child, "type": "menu", "props": prompt})
            else:
                child = f"bye-{parent}-{key}"
                nodes.append({"id": child, "type": "hangup"})
            edges.append(
                {"id": f"e-{parent}-{key}", "source": parent, "exit": f"digit:{key}", "target": child}
            )
        if parent != "m0":
            edges.append({"id": f"e-{parent}-t", "source": parent, "exit": "timeout", "target": "m0"})
    return {"format_version": 1, "nodes": nodes, "edges": edges}


def test_tidy_layout_leaves_no_node_over_another_and_edges_run_left_to_right(page: Page) -> None:
    sign_in(page)
    flow = menu_tree(13)
    answer = page.request.post(
        "/graphql",
        data={
            "query": 'mutation($d:JSON!){importFlow(name:"整理布局",document:$d){... on Flow{id} ... on UserErrors{errors{message}}}}',
            "variables": {"d": flow},
        },
    ).json()
    assert "id" in answer["data"]["importFlow"], answer
    page.goto(f"/flows/{answer['data']['importFlow']['id']}")
    nodes = page.locator(".react-flow__node")
    expect(nodes).to_have_count(len(flow["nodes"]))  # type: ignore[arg-type]
    page.get_by_role("button", name="整理布局").click()
    expect(page.get_by_text("布局已整理")).to_be_visible()
    page.get_by_role("button", name="适应画布").click()
    boxes = {n.get_attribute("data-id"): box_of(n) for n in nodes.all()}
    ids = sorted(boxes, key=str)
    assert [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :] if overlap(boxes[a], boxes[b])] == []
    for edge in flow["edges"]:  # type: ignore[attr-defined]
        source, target = boxes[edge["source"]], boxes[edge["target"]]
        if edge["target"] == "m0" and edge["source"] != "start":
            assert target["x"] < source["x"]  # a loop back to the first menu
        else:
            assert source["x"] + source["width"] < target["x"], edge
    screenshot(page, "editor-tidy")
