"""Operators clean up bulk sign-ups: accounts with no paid activity are disabled and their holds freed.

Disabled rather than deleted: the audit logs (the account's, each freed number's) keep naming them, and
a login once used stays taken. Everything happens in one transaction, each account locked first, so a
recharge or an application arriving meanwhile either lands before (and the account is refused) or
after (against a disabled account, whose users can no longer sign in).
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from api.accounts.locks import lock_account
from api.accounts.models import Account, AccountAction, AccountEvent, ApiToken, Session, User
from api.applications.models import Application
from api.billing.models import LedgerEntry
from api.clock import utcnow
from api.errors import UserError
from api.numbers.lifecycle import Actor
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus
from api.reservations.holds import revoke_account_holds

__all__ = ["MAX_BATCH", "CleanedUp", "clean_up", "paid_accounts"]

#: Accounts one clean-up may take: a few bulk groups at once, small enough for one transaction.
MAX_BATCH = 500


@dataclass(frozen=True)
class CleanedUp:
    accounts: list[int]
    released_numbers: list[str]


async def paid_accounts(account_ids: list[int], using: BaseDBAsyncClient | None = None) -> set[int]:
    """The accounts with paid activity: any ledger entry (a recharge, a fee, a charge), an application,
    or a number beyond a free hold. Those are customers, not bulk sign-ups, and are never cleaned up."""
    if not account_ids:
        return set()
    paid: set[int] = set()
    for query in (
        LedgerEntry.filter(account_id__in=account_ids),
        Application.filter(account_id__in=account_ids),
        Number.filter(account_id__in=account_ids).exclude(status=NumberStatus.RESERVED),
    ):
        ids: list[int | None] = await query.using_db(using).distinct().values_list("account_id", flat=True)  # type: ignore[assignment]
        paid.update(i for i in ids if i is not None)
    return paid


async def clean_up(account_ids: list[int], *, operator: User, reason: str) -> CleanedUp:
    """Disable the accounts and free their holds, all or nothing.

    Raises:
        UserError: ``required`` / ``too_long`` for the reason, ``invalid_selection`` for an empty or
            oversized selection, ``not_found``, ``has_paid_activity`` naming the first such account.
    """
    reason = reason.strip()
    if not reason:
        raise UserError("required", "请填写清理原因", "reason")
    if len(reason) > 200:
        raise UserError("too_long", "清理原因不能超过200个字", "reason")
    ids = sorted(set(account_ids))
    if not ids or len(ids) > MAX_BATCH:
        raise UserError("invalid_selection", f"请选择1到{MAX_BATCH}个账户", "accountIds")
    actor = Actor(operator)
    now = utcnow()
    released: list[str] = []
    async with in_transaction() as conn:
        for account_id in ids:  # in id order: two clean-ups never wait on each other crosswise
            await lock_account(conn, account_id)
        accounts = {a.id: a for a in await Account.filter(id__in=ids).using_db(conn)}
        missing = [i for i in ids if i not in accounts]
        if missing:
            raise UserError("not_found", "所选账户不存在或已被删除", "accountIds")
        paid = await paid_accounts(ids, conn)
        if paid:
            name = accounts[min(paid)].name
            raise UserError(
                "has_paid_activity",
                f"“{name}”有充值、扣费、开通申请或在用号码,不能作为批量注册清理",
                "accountIds",
            )
        for account_id in ids:
            numbers = await revoke_account_holds(
                conn, account_id, actor=actor, why=f"清理批量注册账户:{reason}", now=now
            )
            released.extend(numbers)
            user_ids = await User.filter(account_id=account_id).using_db(conn).values_list("id", flat=True)
            await User.filter(id__in=user_ids).using_db(conn).update(is_active=False)
            await Session.filter(user_id__in=user_ids).using_db(conn).delete()
            await (
                ApiToken.filter(user_id__in=user_ids, revoked_at__isnull=True)
                .using_db(conn)
                .update(revoked_at=now)
            )
            await AccountEvent.create(
                account_id=account_id,
                action=AccountAction.DISABLED,
                actor=operator,
                actor_label=actor.label,
                reason=reason,
                detail=("释放号码 " + "、".join(numbers)) if numbers else "",
                at=now,
                using_db=conn,
            )
    return CleanedUp(accounts=ids, released_numbers=released)
