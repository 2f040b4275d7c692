"""From prospect to a number in service: sign up, search, reserve (the hold skips the weekend), apply with
the five scans a 4008 number needs, the operator reviews the scans in the page and approves.

The service of this module starts its clock on a Friday morning (HOTLINE_CLOCK_START) and the browser's
clock is set to the same moment, so the hold's end and the countdown are the same on every run.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.api import documents
from tests.web.conftest import (
    OPERATOR,
    check_screen,
    guarded_page,
    new_browser_context,
    running_service,
    sign_in,
)

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
#: Friday 2026-12-04 10:00 in Beijing: two working days later is Tuesday, not Sunday.
FRIDAY = dt.datetime(2026, 12, 4, 10, 0, tzinfo=SHANGHAI)
CREDIT_CODE = "91350100M000100Y43"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """This module's own service (demo data), its clock started at FRIDAY."""
    with running_service(
        tmp_path_factory.mktemp("apply-data"), HOTLINE_CLOCK_START=FRIDAY.isoformat()
    ) as base:
        yield base


def one_page_pdf(text: str) -> bytes:
    """A small valid PDF with one page of text (with its cross-reference table, as viewers expect)."""
    stream = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>",
        b"<</Length %d>>stream\n" % len(stream) + stream + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def upload(page: Page, document: str, name: str, mime: str, data: bytes) -> None:
    group = page.get_by_role("group", name=document)
    group.locator("input[type=file]").set_input_files({"name": name, "mimeType": mime, "buffer": data})


def test_a_prospect_reserves_applies_and_is_approved(page: Page, browser: Browser, service: str) -> None:
    page.clock.install(time=FRIDAY)
    suffix = uuid.uuid4().hex[:6]
    company = f"珠海海岸科技有限公司{suffix}"

    # Sign up from the sign-in page.
    page.goto("/")
    page.get_by_role("link", name="注册企业账户").click()
    page.get_by_label("企业名称").fill(company)
    page.get_by_label("联系人姓名").fill("王五")
    page.get_by_label("登录名").fill(f"prospect-{suffix}")
    page.get_by_label("密码", exact=True).fill("prospect-pass-400")
    page.get_by_label("确认密码").fill("prospect-pass-400")
    page.get_by_role("button", name=re.compile("注\\s*册")).click()
    expect(page).to_have_url(re.compile("/choose$"))

    # Numbers containing 888, with their grade and price.
    page.get_by_label("包含数字").fill("888")
    page.get_by_role("button", name=re.compile("搜\\s*索")).click()
    results = page.get_by_role("list", name="可选号码").get_by_role("listitem")
    expect(results.first).to_be_visible()
    expect(page.get_by_text(re.compile(r"共找到 \d+ 个可选号码"))).to_be_visible()
    for text in results.all_inner_texts():
        assert "888" in text.split("\n")[0].replace("-", ""), text
    expect(results.first).to_contain_text(re.compile(r"靓号费 [\d,]+\.\d\d 元|无靓号费"))
    check_screen(page, "choose-search", phone=True)

    # Reserve the first: held until the end of Tuesday (Friday + two working days, the weekend skipped).
    number = results.first.locator("strong").first.inner_text().strip()
    results.first.get_by_role("button", name=f"预占 {number}").click()
    holds = page.get_by_role("region", name="我的预占")
    expect(holds).to_contain_text(number)
    expect(holds).to_contain_text("预占成功")
    expect(holds).to_contain_text("保留至 2026-12-08(周二)24:00")
    countdown = holds.get_by_test_id("countdown")
    expect(countdown).to_have_text(re.compile(r"剩余 4天 13:5\d:\d\d"))
    page.clock.fast_forward("02:00:00")
    expect(countdown).to_have_text(re.compile(r"剩余 4天 11:5\d:\d\d"))  # it counts down live
    check_screen(page, "choose-reserved", phone=True)

    # Apply: company details first.
    holds.get_by_role("link", name="填写开通申请").click()
    expect(page).to_have_url(re.compile(r"/applications/new/\d+$"))
    expect(page.get_by_text(f"申请号码 {number}")).to_be_visible()
    page.get_by_label("公司名称").fill(company)
    page.get_by_label("统一社会信用代码").fill(CREDIT_CODE)
    page.get_by_label("法人姓名").fill("张三")
    page.get_by_label("联系人姓名").fill("王五")
    page.get_by_label("联系电话").fill("13800138000")
    page.get_by_label("绑定号码 1", exact=True).fill("0756-3331234")
    check_screen(page, "apply-company", phone=True)
    page.get_by_role("button", name="下一步:上传资料").click()

    # Five documents for a 4008 number (China Telecom): the agreement is asked for.
    agreement = page.get_by_role("group", name="电信400用户入网协议")
    expect(agreement).to_be_visible()
    # A file that is not a scan is refused at once, with the service's words.
    upload(page, "营业执照副本(带年检)扫描件", "licence.txt", "text/plain", b"not a scan")
    expect(page.get_by_role("group", name="营业执照副本(带年检)扫描件").get_by_role("alert")).to_have_text(
        "仅支持PDF、JPG或PNG格式的扫描件"
    )
    upload(page, "营业执照副本(带年检)扫描件", "营业执照.png", "image/png", documents.png(64, 48))
    upload(page, "法人身份证正面扫描件", "id-front.png", "image/png", documents.png(64, 40))
    upload(page, "法人身份证反面扫描件", "id-back.png", "image/png", documents.png(64, 40))
    # A PDF cut short passes the browser's first look; the service's content check names it.
    broken = one_page_pdf("Form")[:-40]
    upload(page, "400标准受理单", "受理单.pdf", "application/pdf", broken)
    upload(page, "电信400用户入网协议", "入网协议.pdf", "application/pdf", one_page_pdf("Agreement"))
    expect(page.get_by_role("img", name="营业执照副本(带年检)扫描件预览")).to_be_visible()
    check_screen(page, "apply-documents", phone=True)
    page.get_by_role("button", name="下一步:确认提交").click()
    expect(page.get_by_text("400标准受理单:受理单.pdf")).to_be_visible()
    page.get_by_role("button", name="提交申请").click()
    form_slot = page.get_by_role("group", name="400标准受理单")
    expect(form_slot.get_by_role("alert")).to_have_text("PDF文件不完整或已损坏,请重新扫描上传")
    upload(page, "400标准受理单", "受理单.pdf", "application/pdf", one_page_pdf("Form"))
    form_slot.get_by_role("button", name="预览 400标准受理单").click()
    expect(page.get_by_title("400标准受理单预览")).to_be_visible()
    page.get_by_role("dialog").get_by_role("button", name="Close").or_(
        page.get_by_role("dialog").get_by_role("button", name="关闭")
    ).click()
    page.get_by_role("button", name="下一步:确认提交").click()
    page.get_by_role("button", name="提交申请").click()
    expect(page).to_have_url(re.compile(r"/applications/\d+$"))
    expect(page.get_by_text("申请已提交,等待审核")).to_be_visible()
    expect(page.get_by_label("申请状态")).to_contain_text("待审核")
    application_url = page.url
    # Under review the hold is kept: the choose screen says so instead of asking to apply again.
    page.goto("/choose")
    under_review = page.get_by_role("region", name="我的预占")
    expect(under_review).to_contain_text("开通申请审核中")
    expect(under_review.get_by_role("link", name="填写开通申请")).to_have_count(0)

    # The operator opens the five scans in the page and approves.
    operator_context = new_browser_context(browser, service)
    try:
        op, guard = guarded_page(operator_context, service)
        sign_in(op, OPERATOR)
        op.goto("/review")
        row = op.get_by_role("row").filter(has_text=company)
        expect(row).to_contain_text(number)
        expect(row).to_contain_text("5 份")
        check_screen(op, "review-queue")
        row.get_by_role("link", name=f"审核 {number}").click()
        expect(op.get_by_text(company).first).to_be_visible()
        for name in ("营业执照副本(带年检)扫描件", "法人身份证正面扫描件", "法人身份证反面扫描件"):
            image = op.get_by_role("img", name=name)
            expect(image).to_be_visible()
            op.wait_for_function("img => img.complete && img.naturalWidth === 64", arg=image.element_handle())
        for name in ("400标准受理单", "电信400用户入网协议"):
            frame = op.locator(f'iframe[title="{name}"]')
            expect(frame).to_be_visible()
            shown = op.request.get(frame.get_attribute("src") or "")
            assert shown.status == 200
            assert shown.headers["content-type"] == "application/pdf"
            assert shown.headers["content-disposition"].startswith("inline")
            assert shown.body().startswith(b"%PDF-")
        check_screen(op, "review-detail")
        op.get_by_role("button", name="通过审核").click()
        op.get_by_role("tooltip").get_by_role("button", name=re.compile("通\\s*过")).click()
        expect(op.get_by_text(f"已通过 {number} 的申请")).to_be_visible()
        expect(op.get_by_text("已开通", exact=True)).to_be_visible()

        # The hold ended as contracted, shown with its holder.
        op.goto("/reservations")
        op.get_by_text("全部", exact=True).click()
        held = op.get_by_role("row").filter(has_text=number)
        expect(held).to_contain_text(company)
        expect(held).to_contain_text("已签约")
        check_screen(op, "reservations")
        assert guard.problems == []
    finally:
        operator_context.close()

    # The customer sees the number approved.
    page.goto(application_url)
    expect(page.get_by_text("审核通过,号码已开通")).to_be_visible()
    page.get_by_role("link", name="返回申请列表").click()
    mine = page.get_by_role("listitem").filter(has_text=number)
    expect(mine).to_contain_text("已开通")
    check_screen(page, "applications-approved", phone=True)


def test_a_rejected_application_is_fixed_resubmitted_then_withdrawn(
    page: Page, browser: Browser, service: str
) -> None:
    page.clock.install(time=FRIDAY)
    suffix = uuid.uuid4().hex[:6]
    company = f"珠海湾区贸易有限公司{suffix}"
    sign_up = """mutation($c:String!,$l:String!){signUp(companyName:$c,login:$l,password:"fixer-pass-400",
      displayName:"赵六"){__typename}}"""
    answer = page.request.post(
        "/graphql",
        data={"query": sign_up, "variables": {"c": company, "l": f"fixer-{suffix}"}},
        headers={"Accept": "application/json"},
    )
    assert answer.json()["data"]["signUp"]["__typename"] == "Viewer"

    # A China Mobile number (4001): no network-access agreement is asked for.
    page.goto("/choose")
    page.get_by_label("号码开头").fill("4001")
    page.get_by_role("button", name=re.compile("搜\\s*索")).click()
    first = page.get_by_role("list", name="可选号码").get_by_role("listitem").first
    expect(first).to_contain_text("中国移动")
    number = first.locator("strong").first.inner_text().strip()
    first.get_by_role("button", name=f"预占 {number}").click()
    page.get_by_role("region", name="我的预占").get_by_role("link", name="填写开通申请").click()
    page.get_by_label("公司名称").fill(company)
    page.get_by_label("统一社会信用代码").fill(CREDIT_CODE)
    page.get_by_label("法人姓名").fill("张三")
    page.get_by_label("联系人姓名").fill("赵六")
    page.get_by_label("联系电话").fill("0756-3331234")
    page.get_by_label("绑定号码 1", exact=True).fill("13800138000")
    page.get_by_role("button", name="添加绑定号码").click()
    page.get_by_label("绑定号码 2", exact=True).fill(
        "+852 2345 6789"
    )  # Hong Kong: refused by the service (R4)
    page.get_by_role("button", name="下一步:上传资料").click()
    expect(page.get_by_role("group", name="400标准受理单")).to_be_visible()
    expect(page.get_by_role("group", name="电信400用户入网协议")).to_have_count(0)
    upload(page, "营业执照副本(带年检)扫描件", "licence.pdf", "application/pdf", one_page_pdf("Licence"))
    upload(page, "法人身份证正面扫描件", "front.png", "image/png", documents.png(64, 40))
    upload(page, "法人身份证反面扫描件", "back.png", "image/png", documents.png(64, 40))
    upload(page, "400标准受理单", "form.pdf", "application/pdf", one_page_pdf("Form"))
    page.get_by_role("button", name="下一步:确认提交").click()
    page.get_by_role("button", name="提交申请").click()
    # The service's refusal of the bound number sends the customer back to the details, field marked.
    expect(page.get_by_label("公司名称")).to_be_visible()
    expect(page.get_by_text(re.compile("\\+852 2345 6789:"))).to_be_visible()
    page.get_by_role("button", name="删除绑定号码 2").click()
    page.get_by_role("button", name="下一步:上传资料").click()
    page.get_by_role("button", name="下一步:确认提交").click()
    page.get_by_role("button", name="提交申请").click()
    expect(page.get_by_text("申请已提交,等待审核")).to_be_visible()
    application_url = page.url

    reason = "营业执照未加盖公司红章,请重新上传"
    operator_context = new_browser_context(browser, service)
    try:
        op, guard = guarded_page(operator_context, service)
        sign_in(op, OPERATOR)
        op.goto("/review")
        op.get_by_role("row").filter(has_text=company).get_by_role("link", name=f"审核 {number}").click()
        expect(op.get_by_role("img", name="法人身份证正面扫描件")).to_be_visible()
        op.get_by_role("button", name=re.compile("驳\\s*回")).click()
        dialog = op.get_by_role("dialog")
        dialog.get_by_role("button", name=re.compile("驳\\s*回")).click()
        expect(dialog.get_by_text("请填写驳回原因,客户将看到此原因")).to_be_visible()
        dialog.get_by_label("驳回原因(客户可见)").fill(reason)
        dialog.get_by_role("button", name=re.compile("驳\\s*回")).click()
        expect(op.get_by_text(f"驳回原因:{reason}")).to_be_visible()
        assert guard.problems == []
    finally:
        operator_context.close()

    # The customer reads the reason, keeps the number a fresh two working days, fixes and resubmits.
    page.goto(application_url)
    expect(page.get_by_text(f"申请被驳回:{reason}")).to_be_visible()
    expect(page.get_by_text(re.compile("号码为您保留至 2026-12-08\\(周二\\)24:00"))).to_be_visible()
    check_screen(page, "application-rejected", phone=True)
    page.get_by_role("link", name="修改后重新提交").click()
    expect(page.get_by_label("公司名称")).to_have_value(company)
    page.get_by_role("button", name="下一步:上传资料").click()
    expect(page.get_by_text("当前文件:form.pdf(不更换则保留)")).to_be_visible()
    upload(
        page, "营业执照副本(带年检)扫描件", "licence-sealed.pdf", "application/pdf", one_page_pdf("Sealed")
    )
    page.get_by_role("button", name="下一步:确认提交").click()
    expect(page.get_by_text("400标准受理单:保留 form.pdf")).to_be_visible()
    page.get_by_role("button", name="重新提交审核").click()
    expect(page.get_by_text("申请已提交,等待审核")).to_be_visible()
    expect(page.get_by_text("licence-sealed.pdf")).to_be_visible()

    # Withdrawn, the number is on sale again.
    page.get_by_role("button", name="撤回申请").click()
    page.get_by_role("tooltip").get_by_role("button", name=re.compile("撤\\s*回")).click()
    expect(page.get_by_role("alert").filter(has_text="申请已撤回,号码已释放")).to_be_visible()
    page.goto("/choose")
    page.get_by_label("号码开头").fill(number.replace("-", ""))
    page.get_by_role("button", name=re.compile("搜\\s*索")).click()
    expect(page.get_by_role("button", name=f"预占 {number}")).to_be_visible()
