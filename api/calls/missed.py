"""Missed-call SMS (漏话提醒): an unanswered call on an opted-in number texts the customer's contact.

Each text costs 0.1 yuan on the ledger; the charge and the queued SMS are written in one transaction
keyed by the call id, so a call reported again texts and charges nothing more.
"""

from __future__ import annotations

from collections.abc import Sequence

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from api.billing.ledger import record_charge
from api.billing.models import AccountBilling, EntryKind
from api.billing.rates import billing_of
from api.calls.models import MISSED, CallRecord
from api.clock import to_local
from api.errors import UserError
from api.notify.models import Channel
from api.notify.outbox import enqueue
from api.notify.templates import render
from api.numbers.models import Number
from api.numbers.numbering import format_number
from api.thresholds.standing import contacts

__all__ = ["SMS_FEE_FEN", "set_missed_call_sms", "text_missed_calls"]

SMS_FEE_FEN = 10  # 0.1 yuan per message


async def set_missed_call_sms(number: Number, enabled: bool) -> AccountBilling:
    """Opt a number in or out; its unanswered calls are then texted to the account's contact phone."""
    if number.account_id is None:
        raise UserError("number_not_in_service", "该号码尚未开通", "numberId")
    billing = await billing_of(number.account_id)
    wanted = set(billing.missed_call_numbers) - {number.id} | ({number.id} if enabled else set())
    billing.missed_call_numbers = sorted(wanted)
    await billing.save(update_fields=["missed_call_numbers"])
    return billing


async def text_missed_calls(records: Sequence[CallRecord]) -> set[int]:
    """Queue a text for each missed call on an opted-in number; the accounts charged."""
    missed = [r for r in records if r.disposition in MISSED]
    if not missed:
        return set()
    opted = {
        b.account_id: b
        for b in await AccountBilling.filter(account_id__in={r.account_id for r in missed})
        if b.missed_call_numbers
    }
    charged: set[int] = set()
    for record in missed:
        billing = opted.get(record.account_id)
        if billing is None or record.number_id not in billing.missed_call_numbers:
            continue
        _, phone = await contacts(record.account_id, billing)
        if not phone:
            continue
        at = f"{to_local(record.started_at):%m月%d日 %H:%M}"
        notice = render("missed_call", caller=record.caller, at=at, number=format_number(record.number_text))
        try:
            async with in_transaction() as conn:
                await record_charge(
                    conn,
                    account_id=record.account_id,
                    amount_fen=SMS_FEE_FEN,
                    kind=EntryKind.SMS_FEE,
                    description=f"漏话提醒短信 {format_number(record.number_text)} 主叫{record.caller[:20]}",
                    reference=f"call:{record.call_id}",
                    idempotency_key=f"missed-sms:{record.call_id}",
                )
                await enqueue(
                    record.account_id, Channel.SMS, phone, notice, "missed_call", f"missed:{record.call_id}",
                    using=conn,
                )  # fmt: skip
        except IntegrityError:  # texted already
            continue
        charged.add(record.account_id)
    return charged
