"""The 400 standard application form (受理单) template: a PDF for signed-in customers, filled in with the
number they apply for and what they typed, never with another tenant's number."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.api.routing_support import active_number
from tests.api.support import Env

URL = "/templates/application-form.pdf"


def text_of(pdf: bytes) -> str:
    # fpdf2's two-byte codes come out of pypdf with a NUL after each character (see test_statements).
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).replace("\x00", "")


async def test_a_customer_downloads_the_form_filled_in_with_what_they_typed(env: Env) -> None:
    acme = await env.customer("acme", "珠海海岸科技有限公司")
    number_id = await active_number(acme, "4008123456")
    params = {
        "numberId": number_id,
        "creditCode": "91350100m000100y43",
        "legalRepName": "张三",
        "contactPhone": "0756-3331234",
        "bound": ["0756-3331234", "13800138000"],
    }
    answer = await acme.http.get(URL, params=params)
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/pdf"
    assert "attachment" in answer.headers["content-disposition"]
    text = text_of(answer.content)
    assert "400业务标准受理单" in text
    for expected in (
        "400-812-3456",
        "珠海海岸科技有限公司",
        "91350100M000100Y43",
        "张三",
        "0756-3331234",
        "13800138000",
    ):
        assert expected in text, expected
    assert "公司红章" in text


async def test_the_blank_form_carries_the_account_name_and_others_numbers_are_not_found(env: Env) -> None:
    acme = await env.customer("acme", "珠海海岸科技有限公司")
    other = await env.customer("other")
    theirs = await active_number(other, "4008123457")
    blank = await acme.http.get(URL)
    assert blank.status_code == 200
    assert "珠海海岸科技有限公司" in text_of(blank.content)
    assert (await acme.http.get(URL, params={"numberId": theirs})).status_code == 404
    assert (await acme.http.get(URL, params={"numberId": "x"})).status_code == 404
    assert (await env.anonymous().http.get(URL)).status_code == 401
