"""Validation of an application's company details (R3, R4), collecting every problem at once."""

from __future__ import annotations

from dataclasses import dataclass

from api.errors import UserError
from ivr_flows import PhoneNumberError, mainland_number

__all__ = ["MAX_BOUND_NUMBERS", "CompanyDetails", "check_details", "valid_credit_code"]

MAX_BOUND_NUMBERS = 30
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


@dataclass(frozen=True)
class CompanyDetails:
    company_name: str
    credit_code: str
    legal_rep_name: str
    contact_name: str
    contact_phone: str
    bound_numbers: list[str]


def valid_credit_code(code: str) -> bool:
    """The unified social credit code (统一社会信用代码, GB 32100-2015) with its check character."""
    if len(code) != 18 or any(c not in _CREDIT_CHARS for c in code):
        return False
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(code[:17], _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARS[(31 - total % 31) % 31] == code[17]


def _required(value: str, field: str, label: str, max_len: int, errors: list[UserError]) -> str:
    value = value.strip()
    if not value:
        errors.append(UserError("required", f"请填写{label}", field))
    elif len(value) > max_len:
        errors.append(UserError("too_long", f"{label}不能超过{max_len}个字", field))
    return value


def _phone(raw: str, field: str, errors: list[UserError]) -> str:
    try:
        return mainland_number(raw)
    except PhoneNumberError as exc:
        errors.append(UserError(exc.code, f"{raw.strip()}:{exc.message}", field))
        return raw


def check_details(details: CompanyDetails) -> tuple[CompanyDetails, list[UserError]]:
    """The cleaned details and every error found (empty when acceptable)."""
    errors: list[UserError] = []
    company = _required(details.company_name, "companyName", "公司名称", 200, errors)
    code = details.credit_code.strip().upper()
    if not valid_credit_code(code):
        errors.append(UserError("invalid_credit_code", "统一社会信用代码无效,请核对营业执照", "creditCode"))
    legal = _required(details.legal_rep_name, "legalRepName", "法人姓名", 50, errors)
    contact = _required(details.contact_name, "contactName", "联系人姓名", 50, errors)
    phone = _phone(details.contact_phone, "contactPhone", errors)
    bound: list[str] = []
    if not details.bound_numbers:
        errors.append(UserError("required", "请至少填写一个绑定号码", "boundNumbers"))
    elif len(details.bound_numbers) > MAX_BOUND_NUMBERS:
        errors.append(UserError("too_many", f"最多绑定{MAX_BOUND_NUMBERS}个号码", "boundNumbers"))
    for raw in details.bound_numbers:
        number = _phone(raw, "boundNumbers", errors)
        if number in bound:
            errors.append(UserError("duplicate", f"绑定号码{number}重复", "boundNumbers"))
        bound.append(number)
    cleaned = CompanyDetails(company, code, legal, contact, phone, bound)
    return cleaned, errors
