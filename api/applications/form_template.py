"""The provider's 400 standard application form (400标准受理单) as a PDF to print, sign and seal.

R3 asks every applicant for this form with the company's red seal. The portal offers it as a download
on the documents step: one A4 page with the fields the application itself asks for, filled in with what
the customer has typed so far (the number applied for, company, credit code, representative, contact,
bound numbers), blanks left for anything not yet known and for the seal and signature.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from api.applications.checks import MAX_BOUND_NUMBERS
from api.pdfs import CJK, cjk_pdf

__all__ = ["FormValues", "application_form_pdf"]

#: Rows of bound numbers on the page: enough for most, as many as were typed when there are more.
_BOUND_ROWS = 5
_MAX_TEXT = 200


def _clip(text: str) -> str:
    return "".join(c for c in text.strip() if c.isprintable())[:_MAX_TEXT]


@dataclass(frozen=True)
class FormValues:
    """What goes on the form; empty strings print as blanks to fill in by hand."""

    number: str = ""
    company_name: str = ""
    credit_code: str = ""
    legal_rep_name: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    bound_numbers: list[str] = field(default_factory=list)

    def cleaned(self) -> FormValues:
        return FormValues(
            number=_clip(self.number),
            company_name=_clip(self.company_name),
            credit_code=_clip(self.credit_code).upper()[:18],
            legal_rep_name=_clip(self.legal_rep_name),
            contact_name=_clip(self.contact_name),
            contact_phone=_clip(self.contact_phone)[:32],
            bound_numbers=[_clip(b)[:32] for b in self.bound_numbers if b.strip()][:MAX_BOUND_NUMBERS],
        )


def application_form_pdf(values: FormValues, font: str, today: dt.date) -> bytes:
    """One A4 page: the form's rows in a bordered table, then the applicant's declaration and seal box."""
    v = values.cleaned()
    pdf = cjk_pdf("400标准受理单", font)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font(CJK, size=18)
    pdf.cell(0, 12, "400业务标准受理单", new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.set_font(CJK, size=9)
    pdf.cell(
        0,
        6,
        "请用正楷填写或打印,所填内容须与营业执照一致,并加盖公司红章。",
        new_x="LMARGIN",
        new_y="NEXT",
        align="C",
    )
    pdf.ln(3)
    pdf.set_font(CJK, size=11)

    def row(label: str, value: str, height: float = 10) -> None:
        pdf.cell(50, height, label, border=1)
        pdf.cell(0, height, value, border=1, new_x="LMARGIN", new_y="NEXT")

    row("申请的400号码", v.number)
    row("企业名称(全称)", v.company_name)
    row("统一社会信用代码", v.credit_code)
    row("法定代表人", v.legal_rep_name)
    row("经办联系人", v.contact_name)
    row("联系电话", v.contact_phone)
    bound = v.bound_numbers + [""] * max(0, _BOUND_ROWS - len(v.bound_numbers))
    for i, number in enumerate(bound, 1):
        row(f"绑定号码{i}(按顺序呼叫)", number, 9)
    row("号码用途", "", 16)
    pdf.ln(4)
    pdf.set_font(CJK, size=10)
    pdf.multi_cell(
        0,
        6,
        "申请单位声明:本单位及号码使用地均在中国大陆境内,所绑定号码均为中国大陆号码;"
        "所填信息及所附营业执照、法定代表人身份证件真实有效;本单位承诺依法使用400号码,"
        "不用于违法违规用途,并按约定预存和支付通话费用。",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(6)
    pdf.set_font(CJK, size=11)
    pdf.cell(95, 30, "申请单位(盖公司红章):", border=1)
    pdf.cell(0, 30, "法定代表人或授权经办人签字:", border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 10, f"填表日期:{today.year} 年 ___ 月 ___ 日", border=1, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
