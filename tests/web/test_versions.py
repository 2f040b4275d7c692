"""Versions as a customer meets them: which version runs on which number (editor, flow list, number
page), comparing any two versions field by field, the simple routing form's own flow kept out of sight,
and saving the form over a published flow — asked first, and put back in one click.

Acted out as the demo customer on 4006000001; the service (and its data) is shared with the other
browser tests, so each test first puts the number on its simple routing form.
"""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect

from tests.web.conftest import check_screen, screenshot, sign_in

NUMBER = "400-600-0001"
SIMPLE = {"destinations": [{"number": "02088886666", "waitS": 55, "name": "前台"}]}
IMPORT = "mutation($name:String!,$doc:JSON!){importFlow(name:$name,document:$doc){... on Flow{id revision}}}"
SAVE = """mutation($id:ID!,$doc:JSON!,$r:Int!){saveFlowDraft(id:$id,document:$doc,baseRevision:$r){
  ... on Flow{revision} ... on UserErrors{errors{message}}}}"""
PUBLISH = """mutation($id:ID!,$m:String!,$n:[ID!]){publishFlow(id:$id,message:$m,numberIds:$n){
  ... on FlowVersion{id version} ... on UserErrors{errors{message}}}}"""
SAVE_SIMPLE = """mutation($n:ID!,$s:SimpleRoutingInput!){saveSimpleRouting(numberId:$n,settings:$s){
  __typename ... on UserErrors{errors{message}}}}"""


def _graphql(page: Page, query: str, variables: dict[str, object]) -> dict[str, Any]:
    answer = page.request.post("/graphql", data={"query": query, "variables": variables})
    body: dict[str, Any] = answer.json()
    assert "errors" not in body, body
    return dict(body["data"])


def _document(wait_s: int) -> dict[str, object]:
    return {
        "format_version": 1,
        "nodes": [
            {"id": "start", "type": "start", "position": {"x": 0, "y": 0}},
            {
                "id": "duty",
                "type": "dial",
                "label": "值班",
                "position": {"x": 250, "y": 0},
                "props": {"destinations": [{"number": "13700001111", "wait_s": wait_s}]},
            },
        ],
        "edges": [{"id": "e1", "source": "start", "exit": "next", "target": "duty"}],
    }


def _number_id(page: Page) -> str:
    edges = _graphql(page, "{numbers(status:ACTIVE){edges{node{id display}}}}", {})["numbers"]["edges"]
    return str(next(e["node"]["id"] for e in edges if e["node"]["display"] == NUMBER))


def _flow_on_the_number(page: Page, name: str) -> tuple[str, str]:
    """A designed flow: version 1 (bound phone waits 55 s) on the number, version 2 (30 s) published only.

    The number first runs its simple routing form, whatever the other tests left it on.
    """
    number = _number_id(page)
    saved = _graphql(page, SAVE_SIMPLE, {"n": number, "s": SIMPLE})["saveSimpleRouting"]
    assert saved["__typename"] == "SimpleRoutingSaved", saved
    flow = _graphql(page, IMPORT, {"name": name, "doc": _document(55)})["importFlow"]
    first = _graphql(page, PUBLISH, {"id": flow["id"], "m": "上线", "n": [number]})["publishFlow"]
    assert first.get("version") == 1, first
    draft = _graphql(page, SAVE, {"id": flow["id"], "doc": _document(30), "r": flow["revision"]})
    assert draft["saveFlowDraft"].get("revision"), draft
    second = _graphql(page, PUBLISH, {"id": flow["id"], "m": "等待30秒", "n": None})["publishFlow"]
    assert second.get("version") == 2, second
    return str(flow["id"]), number


def _choose(page: Page, text: str) -> None:
    page.locator(".ant-select-dropdown:visible .ant-select-item-option", has_text=text).last.click()
    expect(page.locator(".ant-select-dropdown:visible")).to_have_count(0)


def test_the_editor_says_what_runs_where_and_compares_any_two_versions(page: Page) -> None:
    sign_in(page)
    flow_id, _ = _flow_on_the_number(page, "版本测试-编辑器")
    page.goto(f"/flows/{flow_id}")
    header = page.locator(".editor-bar")
    expect(header).to_contain_text("已保存")
    expect(header).not_to_contain_text("草稿第")  # the autosave counter is no version
    expect(page.get_by_test_id("live-tag")).to_have_text(f"使用中:{NUMBER} 用第 1 版")

    page.get_by_role("tab", name="版本").click()
    status = page.get_by_test_id("draft-status")
    expect(status).to_have_text("草稿与第 2 版相同。")
    expect(page.get_by_test_id("version-1")).to_contain_text(f"{NUMBER} 使用中")
    expect(page.get_by_test_id("version-2")).not_to_contain_text("使用中")

    # Two published versions, field by field; the canvas shows the newer one, read-only, its change marked.
    page.get_by_label("对比的旧版本").click()
    _choose(page, "第 1 版")
    page.get_by_label("对比的新版本").click()
    _choose(page, "第 2 版")
    page.get_by_role("button", name="对比", exact=True).click()
    comparison = page.get_by_role("region", name="版本对比")
    expect(comparison).to_contain_text("第 1 版 → 第 2 版:1 处改动")
    changes = comparison.get_by_role("list", name="改动列表")
    expect(changes).to_have_text(
        re.compile(r"修改\s*转接电话「值班」 · 绑定电话:13700001111\(等55秒\) → 13700001111\(等30秒\)")
    )
    expect(page.locator('.react-flow__node[data-id="duty"] .flow-node')).to_have_class(
        re.compile("diff-changed")
    )
    check_screen(page, "versions-compare-two")
    comparison.get_by_role("button", name="返回编辑草稿").click()

    # An edit in the canvas: the draft is no longer the newest version, and the change is marked.
    page.locator('.react-flow__node[data-id="duty"]').click()
    page.get_by_role("tab", name="属性").click()
    page.get_by_label("节点名称").fill("夜间值班")
    expect(header.get_by_role("status")).to_contain_text("已保存")
    page.get_by_role("tab", name="版本").click()
    expect(status).to_contain_text("草稿有 1 处改动尚未发布(与第 2 版相比)")
    status.get_by_role("button", name="查看").click()
    expect(comparison).to_contain_text("第 2 版 → 草稿:1 处改动")
    renamed = changes.get_by_role("button", name="转接电话「夜间值班」 · 节点名称:“值班” → “夜间值班”")
    renamed.click()  # shows the node on the canvas
    expect(page.locator('.react-flow__node[data-id="duty"] .flow-node')).to_have_class(
        re.compile("diff-changed")
    )
    check_screen(page, "versions-compare-draft")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "versions-compare-draft-phone")
    page.set_viewport_size({"width": 1440, "height": 900})

    # Publishing brings the status and the open comparison up to date at once.
    page.get_by_role("button", name=re.compile(r"^发 ?布$")).click()
    dialog = page.get_by_role("dialog", name="发布新版本")
    dialog.get_by_label("版本说明").fill("改名")
    dialog.get_by_role("button", name=re.compile("发")).click()
    expect(page.get_by_test_id("version-3")).to_be_visible()
    expect(status).to_have_text("草稿与第 3 版相同。")
    page.get_by_label("对比的旧版本").click()
    _choose(page, "第 3 版")
    page.get_by_role("button", name="对比", exact=True).click()
    expect(comparison).to_contain_text("第 3 版 → 草稿:没有改动")
    expect(page.locator(".react-flow__node .diff-changed")).to_have_count(0)


def test_the_flow_list_shows_live_versions_and_never_the_simple_routing_flow(page: Page) -> None:
    sign_in(page)
    _flow_on_the_number(page, "版本测试-列表")
    page.goto("/flows")
    row = page.locator(".ant-table-row", has_text="版本测试-列表")
    expect(row).to_contain_text("第 2 版")
    expect(row).to_contain_text(f"{NUMBER} · 第 1 版")
    expect(page.get_by_role("columnheader", name="草稿版本")).to_have_count(0)
    # The simple routing form's own flow is not the customer's to list, rename or delete.
    expect(page.get_by_text(f"简单路由 {NUMBER}")).to_have_count(0)
    check_screen(page, "versions-flow-list", phone=True)


def test_saving_the_simple_form_over_a_flow_asks_first_and_can_be_undone(page: Page) -> None:
    sign_in(page)
    name = "版本测试-号码页"
    _, number = _flow_on_the_number(page, name)
    page.goto(f"/numbers/{number}")
    answering = page.get_by_test_id("answering")
    expect(answering).to_contain_text(f"语音导航流程「{name}」第 1 版")

    # The flow picker names which versions run where.
    page.get_by_role("radiogroup", name=re.compile("接听方式")).locator(
        "label", has_text="语音导航流程"
    ).click()
    page.get_by_label("版本", exact=True).click()
    expect(page.locator(".ant-select-dropdown:visible")).to_contain_text("第 1 版 · 上线(本号码 使用中)")
    page.keyboard.press("Escape")

    page.get_by_role("radiogroup", name=re.compile("接听方式")).locator("label", has_text="简单设置").click()
    warning = f"该号码正在使用语音导航流程「{name}」第 1 版,保存简单设置将替换它。"
    expect(page.get_by_text(warning)).to_be_visible()
    page.get_by_role("button", name="保存并生效").click()
    confirm = page.get_by_role("dialog", name="替换正在使用的流程?")
    expect(confirm).to_contain_text(f"该号码正在使用语音导航流程「{name}」第 1 版,保存简单设置将替换它")
    check_screen(page, "versions-simple-confirm", phone=True)
    confirm.get_by_role("button", name=re.compile("取 ?消")).click()
    expect(answering).to_contain_text(f"「{name}」第 1 版")  # nothing changed

    page.get_by_role("button", name="保存并生效").click()
    confirm.get_by_role("button", name="保存并替换").click()
    expect(page.get_by_text("已保存,新的接听设置已生效")).to_be_visible()
    expect(answering).to_contain_text("简单设置")
    replaced = page.get_by_role("alert").filter(has_text=f"简单设置替换了语音导航流程「{name}」第 1 版")
    expect(replaced).to_be_visible()
    check_screen(page, "versions-simple-replaced", phone=True)

    replaced.get_by_role("button", name="恢复使用该流程").click()
    expect(page.get_by_text(f"已恢复使用语音导航流程「{name}」第 1 版")).to_be_visible()
    expect(answering).to_contain_text(f"语音导航流程「{name}」第 1 版")

    # Left as the other tests expect it: on its simple routing form.
    assert _graphql(page, SAVE_SIMPLE, {"n": number, "s": SIMPLE})["saveSimpleRouting"]["__typename"] == (
        "SimpleRoutingSaved"
    )
