"""The customer's number pages: the list, and one number's routing set up through the self-service form.

Acted out as the demo customer on 4006000001 (R13's own example): Mon–Fri 08:30–17:30 and Sat
08:30–12:00 to the office landline, other times to a mobile; a black-listed prefix and a refused suffix
(R15); and "what happens if" 13812345678 calls on Saturday afternoon or Monday morning.
"""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.web.conftest import check_screen, sign_in

LANDLINE = "02088886666"
MOBILE = "13912345678"
SATURDAY = "2026-12-05"
MONDAY = "2026-12-07"


def _mode(page: Page, name: str) -> None:
    """Choose how the number answers (button-styled radios: their inputs are hidden, the labels not)."""
    page.get_by_role("radiogroup", name=re.compile("接听方式")).locator("label", has_text=name).click()
    expect(page.get_by_role("radio", name=name)).to_be_checked()


def _only_rows(page: Page, label: str, keep: int) -> None:
    """Delete rows of a list beyond ``keep`` (the demo data is shared: another run may have saved more)."""
    extra = page.get_by_role("button", name=f"删除{label}{keep + 1}", exact=True)
    while extra.count():
        extra.click()


def _days(group: Locator, days: set[str]) -> None:
    for day in ("周一", "周二", "周三", "周四", "周五", "周六", "周日"):
        box = group.get_by_role("checkbox", name=day)
        if day in days:
            box.check()
        else:
            box.uncheck()


def _window(page: Page, i: int, days: set[str], start: str, end: str) -> None:
    _days(page.get_by_role("group", name=f"时段{i}星期"), days)
    page.get_by_label(f"时段{i}开始时间").fill(start)
    page.get_by_label(f"时段{i}结束时间").fill(end)


def _what_happens(page: Page, day: str, time: str) -> Locator:
    """Ask what happens when 13812345678 calls then; the list of phones rung, in order."""
    page.get_by_label("来电号码").fill("13812345678")
    page.get_by_label("来电日期").fill(day)
    page.get_by_label("来电时间").fill(time)
    page.get_by_role("button", name="查看结果").click()
    result = page.get_by_role("region", name="来电结果")
    expect(result).to_be_visible()
    return result.get_by_role("list", name="依次呼叫")


def test_a_customer_routes_a_number_by_work_hours_and_lists(page: Page) -> None:
    sign_in(page)
    page.goto("/numbers")
    expect(page.get_by_role("heading", name="我的号码")).to_be_visible()
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="400-600-0001"))
    expect(row).to_contain_text("使用中")
    expect(row).to_contain_text(re.compile("总机套餐|中继套餐"))
    check_screen(page, "portal-numbers", phone=True)

    row.get_by_role("link", name="400-600-0001").click()
    expect(page).to_have_url(re.compile(r"/numbers/\d+$"))
    expect(page.get_by_role("heading", name="400-600-0001")).to_be_visible()
    expect(page.get_by_text(re.compile("总机套餐|中继套餐"))).to_be_visible()
    # Another test may have put the number on an editor flow: the form is one click away either way.
    _mode(page, "简单设置")

    # Office hours to the landline, with a wait the API advises against for a single phone (R10).
    _only_rows(page, "绑定电话", 1)
    page.get_by_label("绑定电话1号码").fill(LANDLINE)
    page.get_by_label("绑定电话1等待秒数").fill("20")
    hours = page.get_by_role("switch", name="按工作时间接听")
    if hours.get_attribute("aria-checked") != "true":
        hours.click()
    _only_rows(page, "时段", 1)
    _window(page, 1, {"周一", "周二", "周三", "周四", "周五"}, "08:30", "17:30")
    page.get_by_role("button", name="添加时段").click()
    _window(page, 2, {"周六"}, "08:30", "12:00")
    page.get_by_role("radio", name="转接到其他电话").check()
    _only_rows(page, "非工作时间电话", 1)
    page.get_by_label("非工作时间电话1号码").fill(MOBILE)
    page.get_by_label("非工作时间电话1等待秒数").fill("55")
    page.get_by_role("button", name="保存并生效").click()
    # Replacing an editor flow another test left on the number is asked first.
    done, replace = (
        page.get_by_text("已保存,新的接听设置已生效"),
        page.get_by_role("button", name="保存并替换"),
    )
    expect(done.or_(replace)).to_be_visible()
    if replace.is_visible():
        replace.click()
    expect(done).to_be_visible()
    advice = page.get_by_role("note", name="绑定电话1等待时间建议")
    expect(advice).to_contain_text("只绑定一个号码时等待时间建议设置在50-60秒(当前20秒)")
    page.reload()  # the advice stays with the settings, not just with the moment of saving
    expect(advice).to_contain_text("只绑定一个号码时等待时间建议设置在50-60秒(当前20秒)")

    # Taking the advice: the note goes away once the API no longer gives it.
    page.get_by_label("绑定电话1等待秒数").fill("55")
    page.get_by_role("button", name="保存并生效").click()
    expect(advice).to_have_count(0)
    expect(page.get_by_text("生效中", exact=True)).to_be_visible()

    # R15: a prefix is a valid black-list entry; a suffix pattern is refused with the reason, on the field.
    page.get_by_role("radio", name="黑名单").check()
    page.get_by_label("名单号码", exact=True).fill("0755")
    page.get_by_role("button", name="保存名单").click()
    expect(page.get_by_text("黑白名单已保存")).to_be_visible()
    page.get_by_label("批量导入号码").fill("*1234")
    page.get_by_role("button", name="导入").click()
    refusal = page.get_by_role("alert").filter(has_text="“*1234”")
    expect(refusal).to_contain_text("不是完整号码或号码开头(区号或号段),不支持号码结尾")
    expect(page.get_by_label("名单号码", exact=True)).to_have_value("0755")

    # Everything came from the server: a reload shows the same settings.
    page.reload()
    expect(page.get_by_label("绑定电话1号码")).to_have_value(LANDLINE)
    expect(page.get_by_label("绑定电话1等待秒数")).to_have_value("55")
    expect(page.get_by_role("switch", name="按工作时间接听")).to_have_attribute("aria-checked", "true")
    expect(page.get_by_label("时段1开始时间")).to_have_value("08:30")
    expect(page.get_by_label("时段1结束时间")).to_have_value("17:30")
    expect(page.get_by_role("group", name="时段2星期").get_by_role("checkbox", name="周六")).to_be_checked()
    expect(
        page.get_by_role("group", name="时段2星期").get_by_role("checkbox", name="周五")
    ).not_to_be_checked()
    expect(page.get_by_label("时段2结束时间")).to_have_value("12:00")
    expect(page.get_by_label("非工作时间电话1号码")).to_have_value(MOBILE)
    expect(page.get_by_role("radio", name="黑名单")).to_be_checked()
    expect(page.get_by_label("名单号码", exact=True)).to_have_value("0755")

    # Saturday 13:00 is after hours: the mobile rings, not the landline; Monday 10:00 the landline.
    rung = _what_happens(page, SATURDAY, "13:00")
    expect(rung.get_by_role("listitem")).to_have_count(1)
    expect(rung.get_by_role("listitem").first).to_contain_text(MOBILE)
    expect(page.get_by_role("region", name="来电结果")).to_contain_text("非工作时间")
    check_screen(page, "portal-numbers-detail", phone=True)
    rung = _what_happens(page, MONDAY, "10:00")
    expect(rung.get_by_role("listitem")).to_have_count(1)
    expect(rung.get_by_role("listitem").first).to_contain_text(LANDLINE)
    expect(page.get_by_role("region", name="来电结果")).to_contain_text("工作时间内")


FLOW = {
    "format_version": 1,
    "name": "号码页测试流程",
    "nodes": [
        {"id": "start", "type": "start", "position": {"x": 0, "y": 0}},
        {
            "id": "duty",
            "type": "dial",
            "position": {"x": 200, "y": 0},
            "props": {"destinations": [{"number": "13700001111", "wait_s": 55}]},
        },
    ],
    "edges": [{"id": "e1", "source": "start", "exit": "next", "target": "duty"}],
}
IMPORT = "mutation($name:String!,$doc:JSON!){importFlow(name:$name,document:$doc){... on Flow{id}}}"
PUBLISH = 'mutation($id:ID!){publishFlow(id:$id,message:"值班电话"){... on FlowVersion{id version}}}'


def _graphql(page: Page, query: str, variables: dict[str, object]) -> dict[str, object]:
    answer = page.request.post("/graphql", data={"query": query, "variables": variables})
    data: dict[str, object] = answer.json()["data"]
    return data


def test_a_customer_switches_a_number_to_a_published_flow_and_back(page: Page) -> None:
    sign_in(page)
    name = "号码页测试流程-切换"
    flow = _graphql(page, IMPORT, {"name": name, "doc": FLOW})["importFlow"]
    assert isinstance(flow, dict) and flow.get("id")
    assert _graphql(page, PUBLISH, {"id": flow["id"]})["publishFlow"]
    page.goto("/numbers")
    page.get_by_role("link", name="400-600-0001").click()
    expect(page.get_by_role("heading", name="400-600-0001")).to_be_visible()

    _mode(page, "语音导航流程")
    page.get_by_label("流程", exact=True).click()
    page.get_by_label("流程", exact=True).fill(name)  # the account may have many flows: search
    page.get_by_title(name).click()
    page.get_by_label("版本", exact=True).click()
    page.get_by_title("第 1 版 · 值班电话").click()
    page.get_by_role("button", name="使用此版本").click()
    expect(page.get_by_text("已切换,该号码现在按所选流程接听")).to_be_visible()
    answering = page.get_by_test_id("answering")
    expect(answering).to_contain_text(f"语音导航流程「{name}」第 1 版")
    expect(page.get_by_role("link", name="在编辑器中打开", exact=True)).to_have_attribute(
        "href", f"/flows/{flow['id']}"
    )
    # The flow is what runs now: its duty phone rings on a Monday morning, not the form's landline.
    rung = _what_happens(page, MONDAY, "10:00")
    expect(rung.get_by_role("listitem").first).to_contain_text("13700001111")

    # Back to the self-service form, as saved before: saving it puts it in service again.
    page.reload()
    expect(answering).to_contain_text(f"语音导航流程「{name}」第 1 版")
    _mode(page, "简单设置")
    page.get_by_role("button", name="保存并生效").click()
    page.get_by_role("button", name="保存并替换").click()  # it asks before replacing the flow
    expect(page.get_by_text("已保存,新的接听设置已生效")).to_be_visible()
    expect(answering).to_contain_text("简单设置")
