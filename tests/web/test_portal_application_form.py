"""The application form: the credit code checked as it is typed (GB 32100-2015), the company name
prefilled from the account, the 400 standard form (受理单) offered as a PDF with what was typed, and bound
numbers shown as people write them (010-88886666) once submitted."""

from __future__ import annotations

import io
import re
import uuid

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.api import documents
from tests.web.calls_support import gql
from tests.web.conftest import check_screen
from tests.web.test_portal_apply import one_page_pdf, upload

SIGN_UP = """mutation($c:String!,$l:String!){signUp(companyName:$c,login:$l,password:"apply-form-400",
  displayName:"赵六"){__typename}}"""
AVAILABLE = '{availableNumbers(search:{prefix:"4006"},first:5){edges{node{id}}}}'
RESERVE = (
    "mutation($n:ID!){reserveNumber(numberId:$n){... on Reservation{id} ... on UserErrors{errors{message}}}}"
)


def test_the_application_form_checks_the_credit_code_and_offers_the_form_template(page: Page) -> None:
    suffix = uuid.uuid4().hex[:6]
    company = f"珠海受理单测试有限公司{suffix}"
    page.goto("/login")
    assert (
        gql(page.request, SIGN_UP, {"c": company, "l": f"apply-form-{suffix}"})["signUp"]["__typename"]
        == "Viewer"
    )
    numbers = gql(page.request, AVAILABLE)["availableNumbers"]["edges"]
    held = gql(page.request, RESERVE, {"n": numbers[0]["node"]["id"]})["reserveNumber"]
    page.goto(f"/applications/new/{held['id']}")

    # The company name the account was opened with is there already.
    expect(page.get_by_label("公司名称")).to_have_value(company)

    # The credit code is checked while it is typed: a wrong check character is named before leaving the field.
    code = page.get_by_label("统一社会信用代码")
    code.press_sequentially("91350100M000100Y44")
    expect(page.get_by_text("统一社会信用代码校验位不符,请核对营业执照")).to_be_visible()
    code.press("Backspace")
    expect(page.get_by_text("统一社会信用代码校验位不符,请核对营业执照")).to_have_count(0)
    code.press_sequentially("3")
    expect(page.get_by_text(re.compile("统一社会信用代码"))).to_have_count(1)  # only the label: no error
    code.fill("91350100M000100YI3")
    expect(page.get_by_text(re.compile("不含字符“I”"))).to_be_visible()
    code.fill("91350100m000100y43")  # typed in lower case, taken in upper case
    expect(code).to_have_value("91350100M000100Y43")

    page.get_by_label("法人姓名").fill("张三")
    page.get_by_label("联系人姓名").fill("赵六")
    page.get_by_label("联系电话").fill("13800138000")
    page.get_by_label("绑定号码 1", exact=True).fill("010-8888 6666")
    check_screen(page, "apply-form-company", phone=True)
    page.get_by_role("button", name="下一步:上传资料").click()

    # The 400 standard form, filled in with what was typed, to print, sign and seal.
    slot = page.get_by_role("group", name="400标准受理单")
    with page.expect_download() as download:
        slot.get_by_role("link", name=re.compile("下载受理单模板")).click()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(download.value.path().read_bytes())).pages)
    text = text.replace("\x00", "")
    for expected in ("400业务标准受理单", company, "91350100M000100Y43", "张三", "010-8888 6666"):
        assert expected in text, expected
    check_screen(page, "apply-form-documents", phone=True)

    upload(page, "营业执照副本(带年检)扫描件", "营业执照.png", "image/png", documents.png(64, 48))
    upload(page, "法人身份证正面扫描件", "id-front.png", "image/png", documents.png(64, 40))
    upload(page, "法人身份证反面扫描件", "id-back.png", "image/png", documents.png(64, 40))
    upload(page, "400标准受理单", "受理单.pdf", "application/pdf", one_page_pdf("Form"))
    page.get_by_role("button", name="下一步:确认提交").click()
    page.get_by_role("button", name="提交申请").click()
    expect(page).to_have_url(re.compile(r"/applications/\d+$"))
    # The bound landline reads as people write it, not as a run of eleven digits.
    expect(page.get_by_text("010-88886666")).to_be_visible()
    expect(page.get_by_text("01088886666")).to_have_count(0)
