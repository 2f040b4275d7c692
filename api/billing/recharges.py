"""Operators' credits and corrections: recharges (idempotent by reference) and adjustments with a reason."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

import strawberry

from api.accounts.models import Account, User
from api.billing.ledger import balance_after, post_once
from api.billing.models import EntryKind, LedgerEntry
from api.clock import to_local
from api.errors import UserError

__all__ = ["MAX_AMOUNT_FEN", "Receipt", "RechargeMethod", "adjust", "receipt_of", "recharge"]

#: One million yuan: more in one entry is a typing mistake.
MAX_AMOUNT_FEN = 100_000_000


@strawberry.enum(name="RechargeMethod")
class RechargeMethod(StrEnum):
    BANK_TRANSFER = "bank_transfer"
    ALIPAY = "alipay"
    WECHAT_PAY = "wechat_pay"
    CASH = "cash"
    OTHER = "other"


METHOD_NAMES_ZH = {
    RechargeMethod.BANK_TRANSFER: "银行转账",
    RechargeMethod.ALIPAY: "支付宝",
    RechargeMethod.WECHAT_PAY: "微信支付",
    RechargeMethod.CASH: "现金",
    RechargeMethod.OTHER: "其他",
}


@dataclass(frozen=True)
class Receipt:
    """What the customer is handed for a recharge; ``replayed`` when the reference was already booked."""

    entry: LedgerEntry
    balance_after_fen: int
    account_name: str
    method: RechargeMethod
    replayed: bool
    operator_name: str

    @property
    def number(self) -> str:
        return f"SJ{to_local(self.entry.created_at):%Y%m%d}{self.entry.id:08d}"


def _check_amount(amount_fen: int, field: str, *, signed: bool) -> None:
    low = -MAX_AMOUNT_FEN if signed else 1
    if not low <= amount_fen <= MAX_AMOUNT_FEN or amount_fen == 0:
        raise UserError("invalid_amount", "金额应为1分到100万元之间的整数(单位:分)", field)


def _text(value: str, field: str, what: str, limit: int) -> str:
    value = value.strip()
    if not value or len(value) > limit or any(ord(c) < 32 for c in value):
        raise UserError("required", f"请填写{what}(不超过{limit}个字)", field)
    return value


#: The ledger line of a recharge names the operator's login, so the entry alone says who booked it.
_DESCRIPTION = "充值({method},经办:{actor})"
_ACTOR = re.compile(r",经办:(?P<actor>.*)\)$")


async def _operator_name(entry: LedgerEntry) -> str:
    """Who booked the recharge, as the receipt names them: the display name behind the recorded login."""
    found = _ACTOR.search(entry.description)
    actor = found["actor"] if found else ""
    user = await User.filter(login=actor).only("display_name").first() if actor else None
    return user.display_name if user is not None and user.display_name else actor


async def _account(account_id: int) -> Account:
    account = await Account.filter(id=account_id).first()
    if account is None:
        raise UserError("not_found", "未找到该账户", "accountId")
    return account


async def recharge(
    account_id: int, amount_fen: int, method: RechargeMethod, reference: str, *, actor: str
) -> Receipt:
    """Credit the account once per payment reference; the same reference again returns the first receipt.

    A reference booked with another amount or method is refused: it names a different payment.
    """
    _check_amount(amount_fen, "amountFen", signed=False)
    reference = _text(reference, "reference", "付款流水号", 64)
    account = await _account(account_id)
    posted, replayed = await post_once(
        account_id=account.id,
        amount_fen=amount_fen,
        kind=EntryKind.RECHARGE,
        description=_DESCRIPTION.format(method=METHOD_NAMES_ZH[method], actor=actor),
        reference=f"{method.value}:{reference}",
        idempotency_key=f"recharge:{reference}",
    )
    earlier = posted.entry
    if replayed and (earlier.amount_fen != amount_fen or earlier.reference != f"{method.value}:{reference}"):
        raise UserError("reference_reused", "该付款流水号已用于另一笔充值", "reference")
    return Receipt(
        earlier,
        posted.balance_fen,
        account.name,
        method,
        replayed=replayed,
        operator_name=await _operator_name(earlier),
    )


async def receipt_of(entry: LedgerEntry) -> Receipt:
    """The receipt of a recharge booked earlier, as it was handed out, so that it can be printed again."""
    account = await Account.get(id=entry.account_id)
    method = RechargeMethod(entry.reference.split(":", 1)[0])
    return Receipt(
        entry,
        await balance_after(entry),
        account.name,
        method,
        replayed=False,
        operator_name=await _operator_name(entry),
    )


async def adjust(
    account_id: int, amount_fen: int, reason: str, idempotency_key: str, *, actor: str
) -> LedgerEntry:
    """A correction (credit or charge) with its reason; the client's key makes a retry a no-op."""
    _check_amount(amount_fen, "amountFen", signed=True)
    reason = _text(reason, "reason", "调整原因", 200)
    key = _text(idempotency_key, "idempotencyKey", "幂等键", 64)
    account = await _account(account_id)
    posted, replayed = await post_once(
        account_id=account.id,
        amount_fen=amount_fen,
        kind=EntryKind.ADJUSTMENT,
        description=f"调整:{reason}",
        reference=f"adjustment:{key}:{actor}",
        idempotency_key=f"adjustment:{key}",
    )
    earlier = posted.entry
    if replayed and (earlier.amount_fen != amount_fen or earlier.description != f"调整:{reason}"[:200]):
        raise UserError("key_reused", "该幂等键已用于另一笔调整", "idempotencyKey")
    return earlier
