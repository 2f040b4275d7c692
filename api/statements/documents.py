"""A statement as a CSV file and as a PDF that renders Chinese (the CJK font is embedded, subset)."""

from __future__ import annotations

from api.clock import to_local
from api.money import yuan
from api.numbers.numbering import format_number
from api.pdfs import cjk_pdf
from api.spreadsheets import csv_document, csv_line
from api.statements.models import Statement

__all__ = ["statement_csv", "statement_pdf"]


def _minutes(seconds: int) -> str:
    return f"{seconds // 60}分{seconds % 60:02d}秒"


def _lines(statement: Statement, account_name: str) -> list[tuple[str, str]]:
    """The statement as (label, value) rows, in the order both documents show them."""
    rows = [
        ("账户", account_name),
        ("账期", f"{statement.month:%Y年%m月}(每月1日0时至月末24时,北京时间)"),
        ("出账时间", f"{to_local(statement.issued_at):%Y-%m-%d %H:%M}"),
        ("期初余额(元)", yuan(statement.opening_fen)),
        ("本月充值(元)", yuan(statement.recharges_fen)),
        ("通话费(元)", yuan(-statement.call_charges_fen)),
        ("其他费用(元)", yuan(-statement.fees_fen)),
        ("调整(元)", yuan(statement.adjustments_fen)),
        ("期末余额(元)", yuan(statement.closing_fen)),
        ("计费通话", f"{statement.calls}次,{_minutes(statement.billed_seconds)}"),
    ]
    for line in statement.per_number:
        rows.append(
            (
                f"号码 {format_number(line['number'])}",
                f"{line['calls']}次,{_minutes(line['billed_seconds'])},{yuan(line['charge_fen'])}元",
            )
        )
    for fee in statement.fees:
        rows.append((f"费用 {fee['name']}", f"{fee['count']}笔,{yuan(fee['amount_fen'])}元"))
    return rows


def statement_csv(statement: Statement, account_name: str) -> bytes:
    """UTF-8 with a BOM, so spreadsheets open the Chinese correctly."""
    return csv_document(["项目,金额或内容", *(csv_line(row) for row in _lines(statement, account_name))])


def statement_pdf(statement: Statement, account_name: str, font: str) -> bytes:
    """An A4 page (or more) with the statement's rows in a table, the CJK font embedded."""
    pdf = cjk_pdf(f"{account_name} {statement.month:%Y年%m月} 话费账单", font)
    pdf.add_page()
    pdf.set_font("cjk", size=18)
    pdf.cell(0, 12, "400业务话费账单", new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.set_font("cjk", size=11)
    for label, value in _lines(statement, account_name):
        pdf.cell(60, 8, label, border=1)
        pdf.multi_cell(0, 8, value, border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("cjk", size=9)
    pdf.multi_cell(
        0, 6, "账单出具后不再更改;如有差错,将在下月账单中以调整项更正。", new_x="LMARGIN", new_y="NEXT"
    )
    return bytes(pdf.output())
