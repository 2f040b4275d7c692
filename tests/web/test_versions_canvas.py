"""Comparing two published versions on the canvas: the newer one is drawn read-only in the draft's place,
its added and changed nodes marked and the older one's removed node as a ghost, beside the change list;
one click leads back to the draft, which nothing in the comparison touched (checked again after a reload).

The flow is the designer's own, made for this test; no number runs it.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from playwright.sync_api import Locator, Page, expect

from tests.web.conftest import check_screen, screenshot, sign_in

IMPORT = "mutation($name:String!,$doc:JSON!){importFlow(name:$name,document:$doc){... on Flow{id revision}}}"
SAVE = """mutation($id:ID!,$doc:JSON!,$r:Int!){saveFlowDraft(id:$id,document:$doc,baseRevision:$r){
  ... on Flow{revision} ... on UserErrors{errors{message}}}}"""
PUBLISH = """mutation($id:ID!,$m:String!){publishFlow(id:$id,message:$m){
  ... on FlowVersion{id version} ... on UserErrors{errors{message}}}}"""
DRAFT = "query($id:ID!){flow(id:$id){revision draft}}"

# 第1版: 按1 rings the front desk (20 s), 按2 is the fax line's hang-up.
FIRST: dict[str, Any] = {
    "format_version": 1,
    "nodes": [
        {"id": "start", "type": "start", "position": {"x": 0, "y": 80}},
        {
            "id": "menu",
            "type": "menu",
            "label": "主菜单",
            "position": {"x": 240, "y": 60},
            "props": {"prompt": {"tts": "人工服务请拨1,传真请拨2"}, "timeout_s": 5, "max_retries": 2},
        },
        {
            "id": "desk",
            "type": "dial",
            "label": "前台",
            "position": {"x": 560, "y": 0},
            "props": {"destinations": [{"number": "02088886666", "wait_s": 20}]},
        },
        {"id": "fax", "type": "hangup", "label": "传真", "position": {"x": 560, "y": 260}},
    ],
    "edges": [
        {"id": "e-start", "source": "start", "exit": "next", "target": "menu"},
        {"id": "e-1", "source": "menu", "exit": "digit:1", "target": "desk"},
        {"id": "e-2", "source": "menu", "exit": "digit:2", "target": "fax"},
    ],
}


def _second() -> dict[str, Any]:
    """第2版: the front desk waits 30 s, the fax line is gone and 按2 leaves a message instead."""
    doc = copy.deepcopy(FIRST)
    doc["nodes"][2]["props"]["destinations"][0]["wait_s"] = 30
    doc["nodes"] = [n for n in doc["nodes"] if n["id"] != "fax"]
    doc["nodes"].append(
        {
            "id": "mail",
            "type": "voicemail",
            "label": "留言",
            "position": {"x": 560, "y": 260},
            "props": {"max_length_s": 60},
        }
    )
    doc["edges"][2]["target"] = "mail"
    return doc


def _draft() -> dict[str, Any]:
    """The draft after 第2版: the front desk renamed 人工客服 (not published)."""
    doc = _second()
    doc["nodes"][2]["label"] = "人工客服"
    return doc


def _graphql(page: Page, query: str, variables: dict[str, object]) -> dict[str, Any]:
    answer = page.request.post("/graphql", data={"query": query, "variables": variables})
    body: dict[str, Any] = answer.json()
    assert "errors" not in body, body
    return dict(body["data"])


def _flow_with_two_versions(page: Page, name: str) -> str:
    flow = _graphql(page, IMPORT, {"name": name, "doc": FIRST})["importFlow"]
    first = _graphql(page, PUBLISH, {"id": flow["id"], "m": "上线"})["publishFlow"]
    assert first.get("version") == 1, first
    saved = _graphql(page, SAVE, {"id": flow["id"], "doc": _second(), "r": flow["revision"]})["saveFlowDraft"]
    assert saved.get("revision"), saved
    second = _graphql(page, PUBLISH, {"id": flow["id"], "m": "按2改为留言"})["publishFlow"]
    assert second.get("version") == 2, second
    draft = _graphql(page, SAVE, {"id": flow["id"], "doc": _draft(), "r": saved["revision"]})["saveFlowDraft"]
    assert draft.get("revision"), draft
    return str(flow["id"])


def _node(page: Page, node_id: str) -> Locator:
    return page.locator(f'.react-flow__node[data-id="{node_id}"]')


def _choose(page: Page, text: str) -> None:
    page.locator(".ant-select-dropdown:visible .ant-select-item-option", has_text=text).last.click()
    expect(page.locator(".ant-select-dropdown:visible")).to_have_count(0)


def _labels(page: Page) -> dict[str, str]:
    """Each drawn node's name, by id."""
    names: dict[str, str] = page.locator(".react-flow__node").evaluate_all(
        "els => Object.fromEntries(els.map((e) => [e.dataset.id, e.querySelector('strong').textContent]))"
    )
    return names


def _marked(page: Page, mark: str) -> list[str]:
    ids: list[str] = page.locator(f".react-flow__node:has(.flow-node.diff-{mark})").evaluate_all(
        "els => els.map((e) => e.dataset.id).sort()"
    )
    return ids


def _apart(page: Page, one: str, other: str) -> None:
    a = _node(page, one).bounding_box()
    b = _node(page, other).bounding_box()
    assert a and b
    overlap = a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
    overlap = overlap and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]
    assert not overlap, (a, b)


def _compare(page: Page, older: str, newer: str) -> None:
    page.get_by_label("对比的旧版本").click()
    _choose(page, older)
    page.get_by_label("对比的新版本").click()
    _choose(page, newer)
    page.get_by_role("button", name="对比", exact=True).click()


def test_two_published_versions_are_compared_on_the_canvas_and_the_draft_stays(page: Page) -> None:
    sign_in(page)
    flow_id = _flow_with_two_versions(page, "版本画布对比")
    page.goto(f"/flows/{flow_id}")
    header = page.locator(".editor-bar")
    expect(_node(page, "desk")).to_contain_text("人工客服")
    expect(header.get_by_role("status")).to_have_text("已保存")

    # An edit in the draft, saved, before the comparison.
    _node(page, "menu").click()
    page.get_by_label("节点名称").fill("总机菜单")
    expect(header.get_by_role("status")).to_have_text("已保存")
    revision = _graphql(page, DRAFT, {"id": flow_id})["flow"]["revision"]

    # Picked newest first: the comparison still reads from the older version to the newer.
    page.get_by_role("tab", name="版本").click()
    _compare(page, "第 2 版", "第 1 版")
    comparison = page.get_by_role("region", name="版本对比")
    expect(comparison).to_contain_text("第 1 版 → 第 2 版:")
    expect(comparison).to_contain_text("画布显示第 2 版(只读)")
    banner = page.get_by_role("region", name="正在查看的版本")
    expect(banner).to_contain_text("正在查看第 2 版(只读)")
    expect(banner).to_contain_text("画布上标出了与第 1 版相比的改动")

    # The canvas is 第2版 (not the draft) with exactly its changes marked, and 第1版's fax line as a ghost.
    expect(page.locator(".react-flow__node")).to_have_count(5)
    assert _labels(page) == {"start": "开始", "menu": "主菜单", "desk": "前台", "mail": "留言", "fax": "传真"}
    assert _marked(page, "changed") == ["desk"]
    assert _marked(page, "added") == ["mail"]
    assert _marked(page, "removed") == ["fax"]
    expect(_node(page, "fax")).to_contain_text("已删除")
    _apart(page, "fax", "mail")  # the ghost stood where 留言 stands now: it is drawn clear of it
    expect(page.locator(".react-flow__edge.diff-changed")).to_have_count(1)
    changes = comparison.get_by_role("list", name="改动列表")
    expect(changes).to_contain_text("转接电话「前台」 · 绑定电话:02088886666(等20秒) → 02088886666(等30秒)")
    expect(changes).to_contain_text("新增节点:语音留言「留言」")
    expect(changes).to_contain_text("删除节点:挂机「传真」")
    check_screen(page, "versions-canvas-compare")

    # A version on view is read-only: nothing to select, delete, add or undo.
    _node(page, "desk").click()
    page.keyboard.press("Delete")
    expect(_node(page, "desk")).to_have_count(1)
    expect(changes).to_be_visible()  # the click left the change list open
    page.get_by_role("tab", name="属性").click()
    expect(page.get_by_label("节点名称")).to_have_count(0)
    expect(page.get_by_role("button", name="添加挂机")).to_be_disabled()
    expect(page.get_by_role("button", name="撤销")).to_be_disabled()
    page.locator(".react-flow__pane").click()
    page.keyboard.press("Control+z")  # would take back the draft's rename, out of sight: it does not
    page.get_by_role("tab", name="版本").click()
    changes.get_by_role("button", name="新增节点:语音留言「留言」").click()  # shows it on the canvas
    expect(page.locator(".react-flow__viewport")).to_have_attribute("style", re.compile(r"scale\(1\.2\)"))
    expect(_node(page, "mail")).to_be_in_viewport()

    # On a phone (read-only everywhere) the same comparison: chosen in its own view, marked on the canvas.
    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.get_by_role("main", name="流程画布(只读)")).to_be_visible()
    page.get_by_text("对比版本", exact=True).click()
    expect(page.get_by_role("button", name=re.compile(r"^发 ?布$"))).to_have_count(0)
    _compare(page, "第 1 版", "第 2 版")
    expect(comparison).to_contain_text("第 1 版 → 第 2 版:")
    expect(changes).to_contain_text("删除节点:挂机「传真」")
    screenshot(page, "versions-canvas-compare-phone-list")
    comparison.get_by_role("button", name="在流程图上查看").click()
    expect(page.get_by_role("main", name="流程画布:第 2 版(只读)")).to_be_visible()
    expect(banner).to_contain_text("正在查看第 2 版,已标出与第 1 版相比的改动")
    expect(page.locator(".react-flow__node")).to_have_count(5)
    assert _marked(page, "changed") == ["desk"]
    assert _marked(page, "added") == ["mail"]
    assert _marked(page, "removed") == ["fax"]
    check_screen(page, "versions-canvas-compare-phone")
    banner.get_by_role("button", name="返回草稿").click()
    expect(page.get_by_role("main", name="流程画布(只读)")).to_be_visible()
    assert _labels(page) == {"start": "开始", "menu": "总机菜单", "desk": "人工客服", "mail": "留言"}

    page.set_viewport_size({"width": 1440, "height": 900})
    page.get_by_role("tab", name="版本").click()
    _compare(page, "第 1 版", "第 2 版")
    expect(banner).to_contain_text("正在查看第 2 版(只读)")

    # Back to the draft: its own nodes, editable, with the edit made before, and nothing saved meanwhile.
    banner.get_by_role("button", name="返回编辑草稿").click()
    expect(banner).to_have_count(0)
    expect(comparison).to_have_count(0)
    expect(page.locator(".react-flow__node")).to_have_count(4)
    assert _labels(page) == {"start": "开始", "menu": "总机菜单", "desk": "人工客服", "mail": "留言"}
    expect(page.locator(".flow-node[class*=diff-]")).to_have_count(0)
    expect(page.get_by_role("button", name="添加挂机")).to_be_enabled()
    expect(header.get_by_role("status")).to_have_text("已保存")
    assert _graphql(page, DRAFT, {"id": flow_id})["flow"]["revision"] == revision

    page.reload()
    expect(_node(page, "desk")).to_contain_text("人工客服")
    assert _labels(page) == {"start": "开始", "menu": "总机菜单", "desk": "人工客服", "mail": "留言"}
    draft = _graphql(page, DRAFT, {"id": flow_id})["flow"]
    assert draft["revision"] == revision
    desk = next(n for n in draft["draft"]["nodes"] if n["id"] == "desk")
    assert desk["props"]["destinations"][0]["wait_s"] == 30
    assert not any(n["id"] == "fax" for n in draft["draft"]["nodes"])

    # And the draft is editable again.
    _node(page, "desk").click()
    expect(page.get_by_label("节点名称")).to_have_value("人工客服")
