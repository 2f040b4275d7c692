"""Where an account wants its billing notices: an email address and a mainland phone (SMS and voice)."""

from __future__ import annotations

import re

from api.billing.models import AccountBilling
from api.billing.rates import billing_of
from api.errors import UserError, UserErrors
from ivr_flows import PhoneNumberError, mainland_number

__all__ = ["set_contacts"]

_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(\.[A-Za-z0-9\-]{1,63})+$")


async def set_contacts(account_id: int, email: str, phone: str) -> AccountBilling:
    """Both at once, checked first; an empty value means "do not send on that channel"."""
    errors = []
    email = email.strip()
    if email and (len(email) > 120 or not _EMAIL.match(email)):
        errors.append(UserError("invalid_email", "邮箱地址格式不正确", "email"))
    phone = phone.strip()
    if phone:
        if len(phone) > 20:
            errors.append(UserError("invalid_phone", "不是有效的电话号码", "phone"))
        else:
            try:
                phone = mainland_number(phone)
            except PhoneNumberError as error:
                errors.append(UserError("invalid_phone", error.message, "phone"))
    if errors:
        raise UserErrors(errors)
    billing = await billing_of(account_id)
    billing.notify_email, billing.notify_phone = email, phone
    await billing.save(update_fields=["notify_email", "notify_phone"])
    return billing
