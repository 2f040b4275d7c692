"""R8: where an account stands against its balance thresholds, and what follows.

* balance ≤ 35 yuan: the account is told once per crossing (email, SMS and a voice call); rising above
  35 yuan arms the next warning;
* balance < 15 yuan: every number of the account in service is suspended at once, its plan recompiled
  through the publishing pipeline (callers hear 您拨打的号码已停机), and the account is told;
* balance ≥ 15 yuan again (a recharge): the numbers billing suspended are resumed at once;
* suspended for 3 days: :func:`reclaim_unpaid` reclaims them through the operators' reclamation path.

Each step is claimed by a conditional UPDATE of the account's billing row, so however many requests or
processes see the same balance, the step happens once; each number's change is in its audit log.
:func:`apply` runs after every balance change; :func:`sweep` (a job) catches anything a crash missed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import cast

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.queryset import QuerySet

from api.accounts.models import Account
from api.applications.models import Application
from api.billing.models import AccountBilling
from api.billing.rates import billing_of
from api.clock import utcnow
from api.config import Config
from api.errors import UserError
from api.money import yuan
from api.notify.outbox import enqueue_all
from api.notify.templates import render
from api.numbers.lifecycle import Actor, change_status
from api.numbers.models import Number, NumberEvent
from api.numbers.numbering import NumberStatus, format_number
from api.numbers.operations import operator_change_status
from api.plans import pipeline

__all__ = [
    "RECLAIM_AFTER",
    "SUSPEND_BELOW_FEN",
    "WARN_AT_FEN",
    "apply",
    "apply_to_number",
    "contacts",
    "reclaim_unpaid",
    "sweep",
]

WARN_AT_FEN = 3500  # R8: 35 yuan
SUSPEND_BELOW_FEN = 1500  # R8: 15 yuan
RECLAIM_AFTER = dt.timedelta(days=3)  # R8
BILLING = Actor(label="system:billing")
S = NumberStatus


async def contacts(account_id: int, billing: AccountBilling) -> tuple[str, str]:
    """Where to tell the account: its billing contacts, else the contact phone of its application."""
    phone = billing.notify_phone
    if not phone:
        found = await Application.filter(account_id=account_id).order_by("-id").first()
        phone = found.contact_phone if found else ""
    return billing.notify_email, phone


async def _tell(
    account_id: int, template: str, key: str, *, voice: bool = False, **values: str | int
) -> None:
    account = await Account.get(id=account_id)
    billing = await billing_of(account_id)
    email, phone = await contacts(account_id, billing)
    notice = render(template, company=account.name, **values)
    await enqueue_all(account_id, email, phone, notice, template, key, voice=voice)


def _numbers_text(numbers: Sequence[Number]) -> str:
    return "、".join(format_number(n.number) for n in numbers)


async def apply(account_id: int, now: dt.datetime | None = None) -> None:
    """Bring the account's numbers and notices in line with its balance (idempotent, cheap when in line)."""
    now = now or utcnow()
    balance = await Account.filter(id=account_id).first().values_list("balance_fen", flat=True)
    if balance is None:
        return
    balance_fen = cast("int", balance)
    billing = await AccountBilling.filter(account_id=account_id).first()
    if billing is None:
        if balance_fen > WARN_AT_FEN:
            return
        billing = await billing_of(account_id)
    if balance_fen <= WARN_AT_FEN and not billing.warned:
        await _warn(billing, balance_fen, now)
    elif balance_fen > WARN_AT_FEN and billing.warned:
        await AccountBilling.filter(id=billing.id, warned=True).update(warned=False)
    if balance_fen < SUSPEND_BELOW_FEN and billing.suspended_at is None:
        await _suspend(billing, balance_fen, now)
    elif balance_fen >= SUSPEND_BELOW_FEN and billing.suspended_at is not None:
        await _resume(billing, now)


async def apply_to_number(number_id: int) -> None:
    """:func:`apply` to the account that owns the number, if any."""
    account_id = await Number.filter(id=number_id).first().values_list("account_id", flat=True)
    if account_id is not None:
        await apply(cast("int", account_id))


async def _in_service(account_id: int) -> list[Number]:
    return await Number.filter(account_id=account_id, status__in=[S.ACTIVE, S.SUSPENDED]).order_by("id")


async def _warn(billing: AccountBilling, balance_fen: int, now: dt.datetime) -> None:
    numbers = await _in_service(billing.account_id)
    if not numbers:  # a prospect without numbers has nothing to lose yet
        return
    if not await AccountBilling.filter(id=billing.id, warned=False).update(warned=True):
        return  # another request or process warned it
    reason = f"话费余额{yuan(balance_fen)}元,已不足35元,已通知客户(电话、短信、邮件)"
    await NumberEvent.bulk_create(
        [
            NumberEvent(
                number_id=n.id,
                from_status=n.status,
                to_status=n.status,
                actor_label=BILLING.label,
                reason=reason,
                at=now,
            )
            for n in numbers
        ]
    )
    key = f"low_balance:{billing.account_id}:{now.isoformat()}"
    await _tell(billing.account_id, "low_balance", key, voice=True, balance_fen=balance_fen)


async def _suspend(billing: AccountBilling, balance_fen: int, now: dt.datetime) -> None:
    reason = f"话费余额{yuan(balance_fen)}元,低于15元,自动停机"
    async with pipeline.transaction() as conn:
        won = (
            await AccountBilling.filter(id=billing.id, suspended_at__isnull=True)
            .using_db(conn)
            .update(suspended_at=now)
        )
        if not won:
            return
        active = await Number.filter(account_id=billing.account_id, status=S.ACTIVE).using_db(conn)
        suspended = [
            n.id
            for n in active
            if await change_status(
                n.id,
                from_status=S.ACTIVE,
                to_status=S.SUSPENDED,
                actor=BILLING,
                reason=reason,
                using=conn,
                now=now,
            )
        ]
        await AccountBilling.filter(id=billing.id).using_db(conn).update(suspended_numbers=suspended)
        changed = await Number.filter(id__in=suspended).using_db(conn).order_by("id")
        await pipeline.recompile(changed)
    if changed:
        key = f"suspended:{billing.account_id}:{now.isoformat()}"
        await _tell(
            billing.account_id, "suspended", key, balance_fen=balance_fen, numbers=_numbers_text(changed)
        )


async def _end_suspension(conn: BaseDBAsyncClient, billing: AccountBilling) -> bool:
    """Claim the end of this suspension (resumed or reclaimed): only one request or process wins it."""
    ended = (
        await AccountBilling.filter(id=billing.id, suspended_at=billing.suspended_at)
        .using_db(conn)
        .update(suspended_at=None, suspended_numbers=[])
    )
    return ended > 0


async def _resume(billing: AccountBilling, now: dt.datetime) -> None:
    async with pipeline.transaction() as conn:
        if not await _end_suspension(conn, billing):
            return
        resumed = [
            number_id
            for number_id in billing.suspended_numbers
            if await change_status(
                number_id,
                from_status=S.SUSPENDED,
                to_status=S.ACTIVE,
                actor=BILLING,
                reason="续费后余额不低于15元,自动复机",
                using=conn,
                now=now,
                expect_account_id=billing.account_id,
            )
        ]
        changed = await Number.filter(id__in=resumed).using_db(conn).order_by("id")
        await pipeline.recompile(changed)
    if changed:
        key = f"resumed:{billing.account_id}:{now.isoformat()}"
        await _tell(billing.account_id, "resumed", key, numbers=_numbers_text(changed))


async def reclaim_unpaid(config: Config, now: dt.datetime | None = None) -> int:
    """Numbers suspended by billing for 3 days without a recharge are reclaimed; how many were."""
    now = now or utcnow()
    due = await AccountBilling.filter(suspended_at__lte=now - RECLAIM_AFTER)
    reclaimed = 0
    for billing in due:
        reclaimed += await _reclaim(billing, config, now)
    return reclaimed


async def _reclaim(billing: AccountBilling, config: Config, now: dt.datetime) -> int:
    taken: list[Number] = []
    async with pipeline.transaction() as conn:
        if not await _end_suspension(conn, billing):
            return 0
        numbers = await Number.filter(
            id__in=billing.suspended_numbers, account_id=billing.account_id, status=S.SUSPENDED
        ).using_db(conn)
        for number in numbers:
            try:
                await operator_change_status(
                    number,
                    S.RECLAIMED,
                    actor=BILLING,
                    reason="停机满3天未续费,自动回收",
                    cool_down_days=config.reclaim_cool_down_days,
                )
            except UserError:  # changed meanwhile (an operator acted): leave it
                continue
            taken.append(number)
    if taken:
        key = f"reclaimed:{billing.account_id}:{now.isoformat()}"
        await _tell(billing.account_id, "reclaimed", key, numbers=_numbers_text(taken))
    return len(taken)


async def _ids(query: QuerySet[AccountBilling]) -> set[int]:
    return set(cast("list[int]", await query.distinct().values_list("account_id", flat=True)))


async def sweep(now: dt.datetime | None = None) -> int:
    """:func:`apply` to every account out of line with its balance (after a crash, or an edited balance)."""
    in_service = [S.ACTIVE, S.SUSPENDED]
    low = set(
        cast(
            "list[int]",
            await Account.filter(balance_fen__lte=WARN_AT_FEN, numbers__status__in=in_service)
            .distinct()
            .values_list("id", flat=True),
        )
    )
    warned_low = await _ids(AccountBilling.filter(warned=True, account_id__in=low))
    unsuspended = set(
        cast(
            "list[int]",
            await Account.filter(balance_fen__lt=SUSPEND_BELOW_FEN, numbers__status=S.ACTIVE)
            .distinct()
            .values_list("id", flat=True),
        )
    )
    already = await _ids(AccountBilling.filter(suspended_at__isnull=False, account_id__in=unsuspended))
    recovered = AccountBilling.filter(warned=True, account__balance_fen__gt=WARN_AT_FEN)
    resumable = AccountBilling.filter(suspended_at__isnull=False, account__balance_fen__gte=SUSPEND_BELOW_FEN)
    candidates = (low - warned_low) | (unsuspended - already) | await _ids(recovered) | await _ids(resumable)
    for account_id in sorted(candidates):
        await apply(account_id, now)
    return len(candidates)
