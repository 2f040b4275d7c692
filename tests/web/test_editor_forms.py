"""What a designer meets first in the flow editor's forms: switching a prompt's source loses nothing and
the file picker offers only files of the right use; unfinished or bad values never stop the autosave
nor show English or field paths; diagnostics follow the edit, not the save, and name their node; the
simulation timeline, the node search and the canvas's labels speak Chinese."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, Route, expect

from tests.web.conftest import PHONE, screenshot
from tests.web.test_editor import choose, node, saved
from tests.web.test_portal_media import gql, new_customer, tone, upload_ringback

IMPORT = "mutation($n:String!,$d:JSON!){importFlow(name:$n,document:$d){... on Flow{id}}}"
TEXT_PROMPT = """mutation($k:MediaKind!,$n:String!,$t:String!){createTextPrompt(kind:$k,name:$n,text:$t){
  ... on MediaItem{promptId}}}"""
#: Latin words or internal paths a Chinese designer must never read in the editor.
ENGLISH = re.compile(r"[A-Za-z]{2,}|\b\w+\.\d+\.\w+|\bprops\b")


def open_flow(page: Page, name: str, nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> None:
    placed = [
        {"position": {"x": 240 * i, "y": 140 * (i % 2)}, **n}
        for i, n in enumerate([{"id": "start", "type": "start"}, *nodes])
    ]
    document = {"format_version": 1, "nodes": placed, "edges": edges}
    flow = gql(page, IMPORT, {"n": name, "d": json.dumps(document)})["importFlow"]
    page.goto(f"/flows/{flow['id']}")
    expect(node(page, "start")).to_be_visible()


def edge(source: str, exit: str, target: str) -> dict[str, str]:
    return {"id": f"e-{source}-{exit.replace(':', '')}", "source": source, "exit": exit, "target": target}


def side(page: Page) -> Locator:
    return page.get_by_label("侧栏")


def problems(page: Page) -> Locator:
    return page.get_by_label("问题列表")


def shown(page: Page, label: str) -> Locator:
    """What an Ant Design select shows: its chosen option, or its placeholder."""
    return side(page).locator(".ant-select").filter(has=page.get_by_label(label, exact=True))


#: Accessible names the editor gives; Ant Design's icons and number steppers and React Flow's
#: attribution link name themselves in English in every screen of the app, not the editor's to change.
OUR_LABELS = ", ".join(
    f"{scope} [aria-label]:not(.anticon):not(.ant-input-number-action):not(.react-flow__attribution a)"
    for scope in (".react-flow", ".side")
)


def english_in(page: Page) -> list[str]:
    """Latin words in what the designer reads: the side panel, node cards, toasts, the status, and the
    accessible names of the canvas's nodes, edges and handles."""
    texts: list[str] = [
        side(page).inner_text(),
        page.get_by_role("status").inner_text(),
        *page.locator(".react-flow__node, .ant-message-notice").all_inner_texts(),
        *page.locator(OUR_LABELS).evaluate_all("els => els.map(e => e.getAttribute('aria-label'))"),
    ]
    return [t for t in texts if ENGLISH.search(t)]


def test_a_prompt_keeps_its_text_and_its_file_and_offers_only_files_of_its_use(
    page: Page, tmp_path: Path
) -> None:
    new_customer(page, "提示音切换测试有限公司")
    gql(page, TEXT_PROMPT, {"k": "IVR_PROMPT", "n": "主菜单提示", "t": "查号请拨1"})
    gql(page, TEXT_PROMPT, {"k": "VOICEMAIL_GREETING", "n": "留言问候", "t": "请在提示音后留言"})
    page.goto("/media")
    upload_ringback(page, "等待彩铃", tone(tmp_path, "ringback.mp3", 3, 440))
    open_flow(
        page,
        "提示音切换",
        [
            {"id": "play-1", "type": "play", "label": "欢迎语", "props": {"prompt": {"tts": "欢迎致电"}}},
            {
                "id": "dial-1",
                "type": "dial",
                "props": {"destinations": [{"number": "13812345678", "wait_s": 55}]},
            },
            {"id": "voicemail-1", "type": "voicemail", "props": {}},
        ],
        [
            edge("start", "next", "play-1"),
            edge("play-1", "next", "dial-1"),
            edge("dial-1", "no_answer", "voicemail-1"),
        ],
    )
    node(page, "play-1").click()
    text = page.get_by_label("提示音", exact=True)
    text.fill("欢迎致电示例公司")
    source = page.get_by_label("提示音的来源")
    source.get_by_text("语音文件").click()
    picker = page.get_by_label("提示音", exact=True)
    # Nothing is chosen for the designer; the gap is a problem on the node, and the draft saves.
    expect(shown(page, "提示音")).to_have_text("选择提示音文件")
    expect(side(page).get_by_role("alert").filter(has_text="提示音还没有选择语音文件")).to_be_visible()
    saved(page)
    picker.click()
    offered = page.locator(".ant-select-dropdown:visible .ant-select-item-option")
    expect(offered).to_have_text(["主菜单提示"])  # no greeting, no ringback
    screenshot(page, "editor-forms-prompt-files")
    # A phone gets the read-only view (the editor needs a larger screen); back on the desktop the open
    # list has closed with the form it belonged to.
    page.set_viewport_size(PHONE)
    screenshot(page, "editor-forms-prompt-files-phone")
    page.set_viewport_size({"width": 1440, "height": 900})
    expect(offered).to_have_count(0)
    page.get_by_label("提示音", exact=True).click()
    choose(page, "主菜单提示")
    saved(page)

    # Back to text: the text is still there; back to the file: so is the file, after autosaves too.
    source.get_by_text("文字转语音").click()
    expect(page.get_by_label("提示音", exact=True)).to_have_value("欢迎致电示例公司")
    saved(page)
    source.get_by_text("语音文件").click()
    expect(shown(page, "提示音")).to_have_text("主菜单提示")
    saved(page)
    screenshot(page, "editor-forms-prompt-switch")

    # Played as ringback, the same field offers ringback tones only (pending review says so).
    page.get_by_role("switch", name="作为彩铃播放").click()
    expect(shown(page, "提示音")).to_have_text("主菜单提示(不是彩铃,请另选)")
    page.get_by_label("提示音", exact=True).click()
    expect(offered).to_have_text(["主菜单提示(不是彩铃,请另选)", "等待彩铃(审核中)"])
    page.keyboard.press("Escape")

    node(page, "dial-1").click()
    page.get_by_label("转接彩铃的来源").get_by_text("语音文件").click()
    page.get_by_label("转接彩铃", exact=True).click()
    expect(offered).to_have_text(["等待彩铃(审核中)"])
    page.keyboard.press("Escape")

    node(page, "voicemail-1").click()
    page.get_by_label("留言提示音的来源").get_by_text("语音文件").click()
    page.get_by_label("留言提示音", exact=True).click()
    expect(offered).to_have_text(["留言问候"])
    choose(page, "留言问候")
    saved(page)
    assert english_in(page) == [], "\n".join(english_in(page))


def test_empty_too_long_and_wrong_values_save_the_draft_and_speak_chinese(page: Page) -> None:
    new_customer(page, "表单输入测试有限公司")
    open_flow(page, "表单输入", [], [])
    seen: list[str] = []

    def check(what: str) -> None:
        saved(page)
        expect(page.locator(".ant-message-error")).to_have_count(0)
        page.get_by_role("tab", name=re.compile("问题")).click()
        page.wait_for_timeout(150)  # the diagnostics of the last edit arrive
        seen.extend(f"{what}: {t}" for t in english_in(page))
        page.get_by_role("tab", name="属性").click()

    def add(palette: str) -> None:
        page.get_by_role("button", name=f"添加{palette}").click()
        expect(page.get_by_label("节点名称")).to_be_visible()

    def problem(text: str) -> None:
        expect(side(page).get_by_role("alert").filter(has_text=text)).to_be_visible()

    too_long = "长" * 700
    add("放音")
    page.get_by_label("节点名称").fill(too_long)
    expect(page.get_by_label("节点名称")).to_have_value("长" * 80)
    page.get_by_label("备注").fill(too_long)
    page.get_by_label("提示音", exact=True).fill("")
    problem("提示音还没有填写要播放的文字")
    check("play empty")
    page.get_by_label("提示音", exact=True).fill(too_long)
    expect(page.get_by_label("提示音", exact=True)).to_have_value("长" * 500)
    check("play too long")

    add("按键菜单")
    page.get_by_label("菜单提示音", exact=True).fill("")
    for field in ("等待按键秒数", "重试次数"):
        page.get_by_label(field).fill("十秒")
        page.get_by_label(field).fill("")
        page.get_by_label(field).fill("9999")
        page.get_by_label(field).blur()
    page.get_by_label("按错键时的提示的来源").get_by_text("文字转语音").click()
    page.get_by_label("未按键时的提示的来源").get_by_text("语音文件").click()
    problem("按错键时的提示还没有填写要播放的文字")
    problem("未按键时的提示还没有选择语音文件")
    check("menu")

    add("转接电话")
    page.get_by_role("button", name="添加电话").click()
    problem("电话1还没有填写号码")
    check("dial empty")
    page.get_by_label("电话1号码").fill("一二三四")
    problem("号码格式不正确")
    page.get_by_label("电话1等待秒数").fill("很久")
    page.get_by_label("电话1等待秒数").fill("0")
    page.get_by_label("电话1等待秒数").blur()
    page.get_by_label("电话1名称").fill(too_long)
    expect(page.get_by_label("电话1名称")).to_have_value("长" * 40)
    page.get_by_label("电话1号码").fill("1" * 60)
    expect(page.get_by_label("电话1号码")).to_have_value("1" * 32)
    check("dial wrong")

    add("语音留言")
    page.get_by_label("留言提示音的来源").get_by_text("文字转语音").click()
    page.get_by_label("留言提示音", exact=True).fill("请留言")
    page.get_by_label("留言提示音", exact=True).fill("")
    problem("留言提示音还没有填写要播放的文字")
    page.get_by_label("最长留言秒数").fill("一分钟")
    page.get_by_label("最长留言秒数").fill("100000")
    page.get_by_label("最长留言秒数").blur()
    check("voicemail")

    add("挂机")
    page.get_by_label("结束语的来源").get_by_text("文字转语音").click()
    problem("结束语还没有填写要播放的文字")
    check("hangup")

    add("时间判断")
    page.get_by_label("时段1开始").fill("9点")
    expect(side(page).get_by_text("格式应为 09:00")).to_be_visible()
    page.get_by_label("时段1结束").fill("25:00")
    for day in ("周一", "周二", "周三", "周四", "周五"):
        page.get_by_label("时段1星期").get_by_text(day).click()
    problem("还没有选择星期几")
    screenshot(page, "editor-forms-time-invalid")
    page.set_viewport_size(PHONE)
    screenshot(page, "editor-forms-time-invalid-phone")
    page.set_viewport_size({"width": 1440, "height": 900})
    check("time switch")
    page.get_by_label("时段1开始").fill("8:30")
    page.get_by_label("时段1结束").fill("17:30")
    expect(side(page).get_by_text("格式应为 09:00")).to_have_count(0)
    problem("时段08:30-17:30还没有选择星期几")
    check("time switch fixed")

    add("地区判断")
    problem("地区判断还没有选择任何地区")
    check("area switch")

    add("来电号码判断")
    problem("来电号码判断还没有填写任何号码或号段")
    page.get_by_label("来电号码或号段").fill("一二三\n1380013800012345678901234567890")
    page.get_by_label("节点名称").click()
    check("caller list")

    add("录音")
    check("record")
    assert seen == []
    # What was typed is in the draft, as the designer left it.
    page.reload()
    expect(node(page, "play-1")).to_contain_text("长" * 10)
    page.get_by_role("tab", name=re.compile("问题")).click()
    expect(problems(page)).to_contain_text("地区判断:地区判断还没有选择任何地区")
    screenshot(page, "editor-forms-unfinished")


def hold_saves(page: Page) -> Callable[[], None]:
    """Saves wait until the returned function is called: what shows before that came without a save."""
    held: list[Route] = []

    def on_route(route: Route) -> None:
        if "SaveFlowDraft" in (route.request.post_data or ""):
            held.append(route)
        else:
            route.fallback()

    page.route("**/graphql", on_route)

    def release() -> None:
        page.unroute("**/graphql", on_route)
        for route in held:
            route.fallback()

    return release


def test_diagnostics_follow_the_edit_before_it_is_saved_and_name_their_node(page: Page) -> None:
    new_customer(page, "诊断刷新测试有限公司")
    open_flow(
        page,
        "诊断刷新",
        [
            {"id": "menu-1", "type": "menu", "props": {"prompt": {"tts": "查号请拨1,传真请拨2"}}},
            {
                "id": "dial-1",
                "type": "dial",
                "label": "传真",
                "props": {"destinations": [{"number": "02088886600", "wait_s": 55}]},
            },
            {"id": "hangup-1", "type": "hangup", "props": {}},
        ],
        [
            edge("start", "next", "menu-1"),
            edge("menu-1", "timeout", "hangup-1"),
            edge("menu-1", "invalid", "hangup-1"),
        ],
    )
    page.get_by_role("tab", name=re.compile("问题")).click()
    listed = problems(page)
    expect(listed).to_contain_text("传真:转接节点没有遇忙/无应答/失败出口")
    expect(listed).to_contain_text("传真:该节点从开始节点无法到达")
    # The menu has no keys at all yet: that is what it says.
    expect(listed).to_contain_text("按键菜单:菜单还没有可按的键")

    release = hold_saves(page)
    node(page, "menu-1").click()
    for key in ("1", "2"):
        page.get_by_role("checkbox", name=key, exact=True).check()
    page.get_by_role("tab", name=re.compile("问题")).click()
    # Keys exist but are not connected: said as such, never "no key options".
    expect(listed).to_contain_text("按键菜单:按键1、2还没有连到下一步")
    expect(listed).not_to_contain_text("没有任何按键")
    node(page, "menu-1").click()
    page.get_by_label("出口「按2」连到").click()
    choose(page, "传真")
    node(page, "dial-1").click()
    page.get_by_label("出口「忙」连到").click()
    choose(page, "挂机")
    page.get_by_role("tab", name=re.compile("问题")).click()
    # Fresh without the save round trip: the save is still held.
    expect(listed).not_to_contain_text("传真:该节点从开始节点无法到达")
    expect(listed).not_to_contain_text("传真:转接节点没有遇忙")
    expect(listed).to_contain_text("按键菜单:按键1还没有连到下一步,来电者按了会当作按错键")
    expect(page.get_by_role("status")).not_to_contain_text("已保存")
    screenshot(page, "editor-forms-problems")
    page.set_viewport_size(PHONE)
    screenshot(page, "editor-forms-problems-phone")
    page.set_viewport_size({"width": 1440, "height": 900})
    release()
    saved(page)
    # A problem jumps to its node.
    listed.get_by_role("button", name=re.compile("按键1还没有连到下一步")).click()
    expect(page.get_by_label("出口「按1」连到")).to_be_visible()


def test_the_timeline_the_search_and_the_canvas_labels_speak_chinese(page: Page) -> None:
    new_customer(page, "模拟中文测试有限公司")
    open_flow(
        page,
        "模拟中文",
        [
            {
                "id": "time_switch-1",
                "type": "time_switch",
                "label": "工作时间",
                "props": {
                    "schedule": {
                        "windows": [{"days": [1, 2, 3, 4, 5, 6, 7], "start": "00:00", "end": "00:00"}]
                    }
                },
            },
            {
                "id": "dial-1",
                "type": "dial",
                "props": {"destinations": [{"number": "02088886666", "wait_s": 55}]},
            },
            {"id": "voicemail-1", "type": "voicemail", "props": {"greeting": {"tts": "请留言"}}},
            {"id": "hangup-1", "type": "hangup", "props": {}},
        ],
        [
            edge("start", "next", "time_switch-1"),
            edge("time_switch-1", "match", "dial-1"),
            edge("time_switch-1", "else", "hangup-1"),
            edge("dial-1", "no_answer", "voicemail-1"),
            edge("dial-1", "busy", "hangup-1"),
            edge("voicemail-1", "done", "hangup-1"),
        ],
    )
    page.get_by_role("tab", name="模拟来电").click()
    page.get_by_label("02088886666 的表现").click()
    choose(page, "无人接听")
    page.get_by_role("button", name="开始模拟").click()
    result = page.get_by_label("模拟结果")
    expect(result).to_contain_text("留言")
    timeline = result.locator(".sim-event").all_inner_texts()
    assert [t for t in timeline if ENGLISH.search(t)] == []
    joined = "\n".join(timeline)
    assert "来电类型:手机" in joined
    assert "→ 匹配" in joined and "→ 无人接听" in joined and "→ 正常结束" in joined
    assert "4000000000" not in joined
    assert "留言存入使用该流程的号码的信箱" in joined
    screenshot(page, "editor-forms-timeline")
    page.set_viewport_size(PHONE)
    screenshot(page, "editor-forms-timeline-phone")
    page.set_viewport_size({"width": 1440, "height": 900})

    page.get_by_role("button", name="查找节点").click()
    found = page.locator(".ant-select-dropdown:visible .ant-select-item-option").all_inner_texts()
    assert "工作时间(时间判断)" in found and "转接电话" in found
    assert [f for f in found if ENGLISH.search(f)] == []
    page.keyboard.press("Escape")
    labels = page.locator(".react-flow__edge").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label'))"
    )
    assert "连线:工作时间的「匹配」连到转接电话" in labels
    assert [label for label in labels if ENGLISH.search(label or "")] == []
