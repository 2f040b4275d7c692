"""Media and recordings in the browser: a customer uploads a ringback tone (told the 30 元 fee first), an
operator listens to it in the review queue and approves or rejects it, and the customer sees the verdict;
text-to-speech prompts, rename, and a delete refused while a published flow plays the prompt. Recordings
reported by the telephony layer are listed, played, downloaded and deleted by the number's owner."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, Playwright, expect

from api.recordings.retention import month_after
from tests.web.conftest import OPERATOR, check_screen, guarded_page, new_browser_context, sign_in

SIGN_UP = """mutation($c:String!,$l:String!){signUp(companyName:$c,login:$l,password:"media-password-400",
  displayName:"语音测试"){__typename}}"""
IMPORT = "mutation($n:String!,$d:JSON!){importFlow(name:$n,document:$d){... on Flow{id}}}"
PUBLISH = 'mutation($id:ID!){publishFlow(id:$id,message:""){... on FlowVersion{version}}}'
TOKEN = "mutation($n:String!){createServiceToken(name:$n){... on CreatedApiToken{secret}}}"
REPORT = """mutation($i:CallAudioInput!){reportCallAudio(input:$i){
  ... on Recording{id} ... on UserErrors{errors{code message}}}}"""
DEMO_NUMBER = "4006000001"  # the demo customer's number in service
ZONE = dt.timezone(dt.timedelta(hours=8))


def tone(tmp_path: Path, name: str, seconds: int, frequency: int) -> Path:
    """A sine tone encoded by ffmpeg (MP3 or WAV by the name's extension)."""
    path = tmp_path / name
    source = f"sine=frequency={frequency}:duration={seconds}"
    command = ["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", source, "-ac", "1", "-ar", "16000"]
    subprocess.run([*command, str(path)], check=True)
    return path


def gql(page: Page, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    """A GraphQL call with the page's session, as the app makes it."""
    answer = page.request.post(
        "/graphql",
        data={"query": query, "variables": variables or {}},
        headers={"Accept": "application/json"},
    )
    body = answer.json()
    assert "errors" not in body, body
    return body["data"]


def audio_duration(player: Locator) -> float:
    """The duration the browser read from the audio element's file (NaN until it has loaded)."""
    return float(
        player.locator("audio").evaluate(
            """a => a.readyState >= 1 ? a.duration : new Promise((resolve, reject) => {
                a.addEventListener('loadedmetadata', () => resolve(a.duration));
                a.addEventListener('error', () => reject(new Error('audio failed to load')));
            })"""
        )
    )


def new_customer(page: Page, company: str) -> None:
    login = f"media-{uuid.uuid4().hex[:10]}"
    body = gql(page, SIGN_UP, {"c": company, "l": login})
    assert body["signUp"]["__typename"] == "Viewer"  # the context now holds the new customer's session


@pytest.fixture
def operator_page(browser: Browser, service: str) -> Iterator[Page]:
    """An operator signed in beside the customer, in a browser context of their own."""
    context = new_browser_context(browser, service)
    page, guard = guarded_page(context, service)
    sign_in(page, OPERATOR)
    yield page
    context.close()
    assert guard.problems == []


def upload_ringback(page: Page, name: str, mp3: Path) -> None:
    page.get_by_role("button", name="上传音频").click()
    dialog = page.get_by_role("dialog", name="上传音频")
    dialog.get_by_label("彩铃").check()
    # The fee is announced before anything is sent, on the warning and on the button that uploads.
    expect(dialog.get_by_text("每次上传彩铃收取彩铃审核费 30.00 元")).to_be_visible()
    dialog.get_by_label("名称").fill(name)
    dialog.locator("input[type=file]").set_input_files(str(mp3))
    dialog.get_by_role("button", name="支付 30.00 元 并上传").click()
    expect(dialog).to_be_hidden()


def media_row(page: Page, name: str) -> Locator:
    return page.locator(".ant-list-item").filter(has=page.get_by_text(name, exact=True))


def test_a_ringback_is_charged_reviewed_and_its_verdict_shown(
    page: Page, operator_page: Page, tmp_path: Path
) -> None:
    new_customer(page, "彩铃审核测试有限公司")
    mp3 = tone(tmp_path, "tone.mp3", 3, 440)
    page.goto("/media")
    expect(page.get_by_role("heading", name="语音文件")).to_be_visible()
    expect(page.get_by_text("上传彩铃每次收取彩铃审核费 30.00 元")).to_be_visible()
    expect(page.get_by_text("已用 0 KB")).to_be_visible()
    upload_ringback(page, "公司彩铃", mp3)
    row = media_row(page, "公司彩铃")
    expect(row.get_by_text("待审核")).to_be_visible()
    expect(page.get_by_text("已用 0 KB")).to_be_hidden()  # the quota counts the new files
    balance = gql(page, "{me{account{balanceFen}}}")["me"]["account"]["balanceFen"]
    assert balance == -3000  # charged once, at upload
    upload_ringback(page, "促销彩铃", tone(tmp_path, "promo.mp3", 2, 660))
    expect(media_row(page, "促销彩铃").get_by_text("待审核")).to_be_visible()
    # The customer hears it back, with the waveform drawn from the decoded audio.
    row.get_by_role("button", name="试听 公司彩铃").click()
    assert audio_duration(row) == pytest.approx(3, abs=0.3)
    expect(row.locator("canvas[data-ready=true]")).to_be_visible()
    check_screen(page, "media", phone=True)

    operator = operator_page
    operator.goto("/ringbacks")
    expect(operator.get_by_role("heading", name="彩铃审核")).to_be_visible()
    card = operator.locator(".ant-card").filter(has=operator.get_by_text("公司彩铃", exact=True))
    expect(card.get_by_text("彩铃审核测试有限公司")).to_be_visible()
    assert audio_duration(card) == pytest.approx(3, abs=0.3)
    expect(card.locator("canvas[data-ready=true]")).to_be_visible()
    check_screen(operator, "ringback-review")
    card.get_by_role("button", name="通过 公司彩铃").click()
    expect(card).to_be_hidden()  # it left the queue
    promo = operator.locator(".ant-card").filter(has=operator.get_by_text("促销彩铃", exact=True))
    promo.get_by_role("button", name="驳回 促销彩铃").click()
    reject = operator.get_by_role("dialog", name="驳回彩铃「促销彩铃」")
    reject.get_by_role("button", name=re.compile("^驳 ?回$")).click()
    expect(reject.get_by_text("请填写驳回原因")).to_be_visible()  # a reason is required
    reject.get_by_label("驳回原因(客户可见)").fill("含有未经授权的背景音乐")
    reject.get_by_role("button", name=re.compile("^驳 ?回$")).click()
    expect(promo).to_be_hidden()
    operator.get_by_role("tab", name="已通过").click()
    expect(
        operator.locator(".ant-card").filter(has=operator.get_by_text("公司彩铃", exact=True))
    ).to_be_visible()

    page.reload()
    expect(media_row(page, "公司彩铃").get_by_text("已通过")).to_be_visible()
    rejected = media_row(page, "促销彩铃")
    expect(rejected.get_by_text("已驳回")).to_be_visible()
    expect(rejected.get_by_text("驳回原因:含有未经授权的背景音乐")).to_be_visible()


def test_text_prompts_rename_and_a_delete_refused_while_a_flow_plays_it(page: Page) -> None:
    new_customer(page, "语音提示测试有限公司")
    page.goto("/media")
    page.get_by_role("button", name="文字合成").click()
    dialog = page.get_by_role("dialog", name="文字合成语音")
    expect(dialog.get_by_text("彩铃须上传录音文件并经审核")).to_be_visible()
    dialog.get_by_label("名称").fill("欢迎语")
    dialog.get_by_label("播报文字").fill("欢迎致电示例公司,查号请拨1,值班请拨2")
    dialog.get_by_role("button", name=re.compile("^合 ?成$")).click()
    expect(dialog).to_be_hidden()
    row = media_row(page, "欢迎语")
    expect(row.get_by_text("“欢迎致电示例公司,查号请拨1,值班请拨2”")).to_be_visible()
    expect(row.get_by_text("待审核")).to_have_count(0)  # prompts need no review
    row.get_by_role("button", name="试听 欢迎语").click()
    assert audio_duration(row) > 1  # the synthesised speech

    row.get_by_role("button", name="重命名 欢迎语").click()
    rename = page.get_by_role("dialog", name="重命名")
    expect(rename.get_by_label("新名称")).to_have_value("欢迎语")
    rename.get_by_label("新名称").fill("主菜单欢迎语")
    rename.get_by_role("button", name=re.compile("^保 ?存$")).click()
    expect(rename).to_be_hidden()
    row = media_row(page, "主菜单欢迎语")
    expect(row).to_be_visible()

    # A published flow plays the prompt: deleting it is refused, naming the flow.
    items = gql(page, "{mediaItems{edges{node{name promptId}}}}")["mediaItems"]["edges"]
    prompt_id = next(e["node"]["promptId"] for e in items if e["node"]["name"] == "主菜单欢迎语")
    expect(row.get_by_text(prompt_id)).to_have_count(0)  # flows' internal id: the editor shows the name
    document = {
        "format_version": 1,
        "nodes": [
            {"id": "start", "type": "start"},
            {"id": "welcome", "type": "play", "props": {"prompt": {"prompt": prompt_id}}},
        ],
        "edges": [{"id": "e1", "source": "start", "exit": "next", "target": "welcome"}],
    }
    flow = gql(page, IMPORT, {"n": "总机欢迎流程", "d": json.dumps(document)})["importFlow"]
    assert gql(page, PUBLISH, {"id": flow["id"]})["publishFlow"] == {"version": 1}
    row.get_by_role("button", name="删除 主菜单欢迎语").click()
    page.get_by_role("tooltip").get_by_role("button", name=re.compile("^删 ?除$")).click()
    refusal = page.get_by_role("dialog").filter(has_text="无法删除「主菜单欢迎语」")
    expect(refusal.get_by_text(re.compile("该语音正被已发布的流程使用:总机欢迎流程"))).to_be_visible()
    refusal.get_by_role("button", name="知道了").click()
    expect(row).to_be_visible()

    # An unused prompt goes.
    page.get_by_role("button", name="文字合成").click()
    dialog = page.get_by_role("dialog", name="文字合成语音")
    dialog.get_by_label("名称").fill("旧提示")
    dialog.get_by_label("播报文字").fill("本公司已迁址")
    dialog.get_by_role("button", name=re.compile("^合 ?成$")).click()
    old = media_row(page, "旧提示")
    old.get_by_role("button", name="删除 旧提示").click()
    page.get_by_role("tooltip").get_by_role("button", name=re.compile("^删 ?除$")).click()
    expect(page.get_by_text("已删除「旧提示」")).to_be_visible()
    expect(old).to_be_hidden()


def report_call_audio(
    playwright: Playwright,
    service: str,
    operator: Page,
    kind: str,
    call_id: str,
    wav: Path,
    started: dt.datetime,
) -> None:
    """What the telephony layer does after a call: report its audio with a service token."""
    secret = gql(operator, TOKEN, {"n": f"asterisk-{uuid.uuid4().hex[:6]}"})["createServiceToken"]["secret"]
    api = playwright.request.new_context(base_url=service)
    try:
        variables = {
            "kind": kind,
            "callId": call_id,
            "number": DEMO_NUMBER,
            "caller": "13912345678",
            "startedAt": started.isoformat(),
            "endedAt": (started + dt.timedelta(seconds=30)).isoformat(),
            "file": None,
        }
        answer = api.post(
            "/graphql",
            headers={"Authorization": f"Bearer {secret}", "Accept": "application/json"},
            multipart={
                "operations": json.dumps({"query": REPORT, "variables": {"i": variables}}),
                "map": json.dumps({"0": ["variables.i.file"]}),
                "0": {"name": "call.wav", "mimeType": "audio/wav", "buffer": wav.read_bytes()},
            },
        )
        body = answer.json()
        assert "errors" not in body and "id" in body["data"]["reportCallAudio"], body
    finally:
        api.dispose()


def test_recordings_are_listed_played_downloaded_and_deleted(
    page: Page, operator_page: Page, playwright: Playwright, service: str, tmp_path: Path
) -> None:
    started = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=10)
    call_id = f"call-{uuid.uuid4().hex[:12]}"
    report_call_audio(
        playwright, service, operator_page, "CALL", call_id, tone(tmp_path, "call.wav", 4, 500), started
    )
    report_call_audio(
        playwright,
        service,
        operator_page,
        "VOICEMAIL",
        f"vm-{call_id}",
        tone(tmp_path, "vm.wav", 2, 700),
        started,
    )
    sign_in(page)  # the demo customer owns the number
    page.goto("/recordings")
    expect(page.get_by_role("heading", name="录音与留言")).to_be_visible()
    local = started.astimezone(ZONE)
    when = local.strftime("%Y-%m-%d %H:%M")
    call_title = f"通话录音 139****5678 {when}"
    call = page.get_by_role("group", name=call_title)
    # A recording is kept one month (R18): the same day next month.
    expires = month_after(started).astimezone(ZONE).strftime("%Y-%m-%d %H:%M")
    expect(call.get_by_text(f"将于 {expires} 自动删除")).to_be_visible()
    expect(call.get_by_text("400-600-0001")).to_be_visible()

    # Voicemail is kept as long as the customer says.
    page.get_by_label("留言保存天数").fill("45")
    page.get_by_role("button", name=re.compile("^保 ?存$")).click()
    expect(page.get_by_text("留言将保存 45 天")).to_be_visible()
    voicemail = page.get_by_role("group", name=f"留言 139****5678 {when}")
    kept = (local + dt.timedelta(days=45)).strftime("%Y-%m-%d %H:%M")
    expect(voicemail.get_by_text(f"将于 {kept} 自动删除")).to_be_visible()

    # Filtered by kind and by number.
    page.locator(".ant-segmented").get_by_text("通话录音", exact=True).click()
    expect(voicemail).to_be_hidden()
    expect(call).to_be_visible()
    page.get_by_label("按号码筛选").click()
    page.locator(".ant-select-item-option").filter(has_text="400-600-0001").click()
    expect(call).to_be_visible()

    # And by the day of the call (a day in China): the day before shows nothing, the day itself the call.
    def pick_days(day: dt.date) -> None:
        page.get_by_placeholder("开始日期").click()
        page.get_by_placeholder("开始日期").fill(day.isoformat())
        page.get_by_placeholder("开始日期").press("Enter")
        page.get_by_placeholder("结束日期").fill(day.isoformat())
        page.get_by_placeholder("结束日期").press("Enter")

    pick_days(local.date() - dt.timedelta(days=1))
    expect(page.get_by_text("没有符合条件的录音或留言")).to_be_visible()
    pick_days(local.date())
    expect(call).to_be_visible()

    call.get_by_role("button", name=f"播放 {call_title}").click()
    assert audio_duration(call) == pytest.approx(4, abs=0.3)
    expect(call.locator("canvas[data-ready=true]")).to_be_visible()
    check_screen(page, "recordings", phone=True)
    with page.expect_download() as download:
        call.get_by_role("link", name=f"下载 {call_title}").click()
    assert download.value.suggested_filename.endswith(".wav")

    call.get_by_role("button", name=f"删除 {call_title}").click()
    page.get_by_role("tooltip").get_by_role("button", name=re.compile("^删 ?除$")).click()
    expect(page.get_by_text("已删除通话录音")).to_be_visible()
    expect(call).to_be_hidden()
