"""Reserving a number (R2): free, exactly one winner, held for two working days, released when expired.

The hold ends at 24:00 Beijing time on the second working day after the day of the reservation, counted
on the Chinese calendar (weekends, statutory holidays, make-up workdays), so a Friday-evening reservation
before a long holiday is not lost over the holiday.
"""

from __future__ import annotations

import datetime as dt

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from api.accounts.locks import lock_account, lock_name
from api.accounts.models import User
from api.clock import SHANGHAI, to_local, utcnow
from api.errors import UserError
from api.numbers.lifecycle import Actor, change_status
from api.numbers.models import HolidayOverride
from api.numbers.numbering import NumberStatus
from api.reservations.models import Reservation, ReservationEnd
from ivr_flows import DayOverride, WorkCalendar

__all__ = [
    "MAX_ACTIVE_RESERVATIONS",
    "expire_reservations",
    "hold_expiry",
    "load_calendar",
    "release_reservation",
    "reserve_number",
    "revoke_account_holds",
]

#: A prospect may hold this many numbers at once; more would let one account sit on the inventory.
MAX_ACTIVE_RESERVATIONS = 5
EXPIRY_ACTOR = Actor(label="system:reservation-expiry")


async def load_calendar() -> WorkCalendar:
    rows = await HolidayOverride.all()
    return WorkCalendar.from_overrides([DayOverride(r.day, r.workday, r.name) for r in rows])


def hold_expiry(reserved_at: dt.datetime, calendar: WorkCalendar, workdays: int = 2) -> dt.datetime:
    """When a hold made at ``reserved_at`` (UTC) ends, in UTC."""
    local_day = to_local(reserved_at).date()
    last_day = calendar.add_workdays(local_day, workdays)
    end_local = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(0, 0), tzinfo=SHANGHAI)
    return end_local.astimezone(dt.UTC)


async def reserve_number(
    number_id: int, user: User, *, workdays: int = 2, address: str = "", per_address: int | None = None
) -> Reservation:
    """Hold a number for ``user``'s account, at most 5 per account and ``per_address`` per client address.

    The address limit is what stops one client opening many accounts to sit on the inventory.
    """
    assert user.account_id is not None
    now = utcnow()
    expires_at = hold_expiry(now, await load_calendar(), workdays)
    async with in_transaction() as conn:
        # Counted under the account's lock: concurrent requests of one account take turns here, so the
        # limit holds however many arrive at once.
        await lock_account(conn, user.account_id)
        active = (
            await Reservation.filter(account_id=user.account_id, ended_at__isnull=True).using_db(conn).count()
        )
        if active >= MAX_ACTIVE_RESERVATIONS:
            raise UserError(
                "too_many_reservations", f"每个账户最多同时预占{MAX_ACTIVE_RESERVATIONS}个号码", "numberId"
            )
        if address and per_address is not None:
            await lock_name(conn, f"holds:{address}")
            here = await Reservation.filter(address=address, ended_at__isnull=True).using_db(conn).count()
            if here >= per_address:
                raise UserError(
                    "too_many_reservations_from_address",
                    f"同一网络地址最多同时预占{per_address}个号码,请先释放不需要的号码",
                    "numberId",
                )
        won = await change_status(
            number_id,
            from_status=NumberStatus.AVAILABLE,
            to_status=NumberStatus.RESERVED,
            actor=Actor(user),
            reason="客户预占",
            using=conn,
            now=now,
            account_id=user.account_id,
        )
        if not won:
            raise UserError("not_available", "该号码已被预占或不可选,请选择其他号码", "numberId")
        return await Reservation.create(
            number_id=number_id,
            account_id=user.account_id,
            user=user,
            created_at=now,
            expires_at=expires_at,
            address=address or None,
            using_db=conn,
        )


async def _end(reservation: Reservation, *, reason: ReservationEnd, actor: Actor, why: str) -> bool:
    """Ends an active hold and frees its number; False when another request ended it first."""
    now = utcnow()
    try:
        async with in_transaction() as conn:
            await _end_in(conn, reservation, reason=reason, actor=actor, why=why, now=now)
    except _LostRace:
        return False
    return True


class _LostRace(Exception):
    """Raised inside a transaction to roll it back when another request changed the rows first."""


async def _end_in(
    conn: BaseDBAsyncClient,
    reservation: Reservation,
    *,
    reason: ReservationEnd,
    actor: Actor,
    why: str,
    now: dt.datetime,
) -> None:
    freed = await change_status(
        reservation.number_id,
        from_status=NumberStatus.RESERVED,
        to_status=NumberStatus.AVAILABLE,
        actor=actor,
        reason=why,
        using=conn,
        now=now,
        account_id=None,
    )
    if not freed:
        raise _LostRace
    ended = await (
        Reservation.filter(id=reservation.id, ended_at__isnull=True)
        .using_db(conn)
        .update(ended_at=now, end_reason=reason)
    )
    if ended != 1:
        raise _LostRace


async def revoke_account_holds(
    conn: BaseDBAsyncClient, account_id: int, *, actor: Actor, why: str, now: dt.datetime
) -> list[str]:
    """End every active hold of an account inside the caller's transaction (the account locked); the
    numbers go back on sale, each change in its number's audit log. Returns the numbers freed.

    Raises:
        UserError: ``changed_meanwhile`` when a hold's number moved on (applied for) under our feet.
    """
    held = await (
        Reservation.filter(account_id=account_id, ended_at__isnull=True)
        .using_db(conn)
        .select_related("number")
        .order_by("id")
    )
    for reservation in held:
        try:
            await _end_in(conn, reservation, reason=ReservationEnd.REVOKED, actor=actor, why=why, now=now)
        except _LostRace:
            raise UserError("changed_meanwhile", "号码状态刚刚发生变化,请刷新后重试", "accountIds") from None
    return [r.number.number for r in held]


async def release_reservation(reservation: Reservation, actor: Actor) -> Reservation:
    if reservation.ended_at is not None:
        raise UserError("not_active", "该预占已结束", "reservationId")
    reason = ReservationEnd.RELEASED if actor.user and not actor.user.is_operator else ReservationEnd.REVOKED
    if not await _end(reservation, reason=reason, actor=actor, why="释放预占"):
        raise UserError("not_active", "该预占已结束或号码已提交申请", "reservationId")
    await reservation.refresh_from_db()
    return reservation


async def expire_reservations(now: dt.datetime | None = None) -> int:
    """Release every hold past its expiry whose number is still only reserved (not applied for)."""
    now = now or utcnow()
    due = await Reservation.filter(
        ended_at__isnull=True, expires_at__lte=now, number__status=NumberStatus.RESERVED
    )
    released = 0
    for reservation in due:
        if await _end(
            reservation,
            reason=ReservationEnd.EXPIRED,
            actor=EXPIRY_ACTOR,
            why="预占超过2个工作日未签约,自动释放",
        ):
            released += 1
    return released
