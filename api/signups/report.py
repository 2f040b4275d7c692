"""The operators' view of recent sign-ups, grouped by client address or by browser, busiest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

import strawberry
from tortoise.functions import Count, Max

from api.accounts.models import Account, AccountAction, AccountEvent, User
from api.clock import utcnow
from api.errors import UserError
from api.reservations.models import Reservation
from api.signups.cleanup import paid_accounts
from api.signups.models import Signup

__all__ = ["AccountSignup", "Grouping", "SignupGroup", "signup_groups"]

#: Accounts listed per address; a bigger group is cleaned up in several selections.
MAX_ACCOUNTS_PER_GROUP = 200


@dataclass
class AccountSignup:
    signup: Signup
    account: Account | None
    login: str | None
    held_numbers: list[str]
    paid: bool
    disabled: AccountEvent | None


@strawberry.enum(name="SignupGrouping")
class Grouping(StrEnum):
    """Sign-ups from one network address, or from one browser (its device cookie) whatever its address."""

    ADDRESS = "address"
    DEVICE = "device"


@dataclass
class SignupGroup:
    key: str
    signup_count: int = 0
    first_at: dt.datetime | None = None
    last_at: dt.datetime | None = None
    addresses: set[str] = field(default_factory=set)
    devices: set[str] = field(default_factory=set)
    accounts: list[AccountSignup] = field(default_factory=list)


async def signup_groups(*, days: int, min_signups: int, first: int, by: Grouping) -> list[SignupGroup]:
    """Addresses (or browsers) with at least ``min_signups`` sign-ups in the last ``days`` days, most first.

    Raises:
        UserError: ``out_of_range`` for a period, threshold or page size outside its bounds.
    """
    if not 1 <= days <= 90:
        raise UserError("out_of_range", "统计天数应在1到90之间", "days")
    if not 1 <= min_signups <= 1000:
        raise UserError("out_of_range", "注册数下限应在1到1000之间", "minSignups")
    if not 1 <= first <= 100:
        raise UserError("out_of_range", "每页数量应在1到100之间", "first")
    column = by.value
    since = utcnow() - dt.timedelta(days=days)
    busiest = (
        await Signup.filter(created_at__gte=since, **{f"{column}__isnull": False})
        .annotate(n=Count("id"), latest=Max("id"))
        .group_by(column)
        .filter(n__gte=min_signups)
        .order_by("-n", "-latest")
        .limit(first)
        .values(column, "n")
    )
    keys = [str(row[column]) for row in busiest]
    rows = (
        await Signup.filter(created_at__gte=since, **{f"{column}__in": keys})
        .select_related("account")
        .order_by("-created_at", "-id")
    )
    groups = {key: SignupGroup(key) for key in keys}
    for row in rows:
        group = groups[row.address if by == Grouping.ADDRESS else str(row.device)]
        group.signup_count += 1
        group.last_at = group.last_at or row.created_at
        group.first_at = row.created_at
        group.addresses.add(row.address)
        if row.device:
            group.devices.add(row.device)
    await _describe_accounts(groups, rows, by)
    return [groups[key] for key in keys]


async def _describe_accounts(groups: dict[str, SignupGroup], rows: list[Signup], by: Grouping) -> None:
    ids = [r.account_id for r in rows if r.account_id is not None]
    logins: dict[int, str] = {}
    for account_id, login in (
        await User.filter(account_id__in=ids).order_by("-id").values_list("account_id", "login")
    ):
        logins[account_id] = login  # the first user (lowest id) wins
    held: dict[int, list[str]] = {}
    for reservation in (
        await Reservation.filter(account_id__in=ids, ended_at__isnull=True)
        .select_related("number")
        .order_by("id")
    ):
        held.setdefault(reservation.account_id, []).append(reservation.number.number)
    disabled: dict[int, AccountEvent] = {}
    for event in await AccountEvent.filter(account_id__in=ids, action=AccountAction.DISABLED).order_by("at"):
        disabled[event.account_id] = event  # the latest wins
    paid = await paid_accounts(ids)
    for row in rows:
        group = groups[row.address if by == Grouping.ADDRESS else str(row.device)]
        if len(group.accounts) >= MAX_ACCOUNTS_PER_GROUP:
            continue
        account_id = row.account_id
        group.accounts.append(
            AccountSignup(
                signup=row,
                account=row.account,
                login=logins.get(account_id) if account_id else None,
                held_numbers=held.get(account_id, []) if account_id else [],
                paid=account_id in paid,
                disabled=disabled.get(account_id) if account_id else None,
            )
        )
