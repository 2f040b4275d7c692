"""The benchmark's data set: 10,000 numbers, 500 accounts, holds and history, written in bulk in seconds.

Bulk inserts rather than the domain functions: the benchmark measures reads, and 10,000 imports with
audit events or 500 argon2 hashes would cost more than the whole measurement. The shape is what the reads
care about: many accounts own several numbers in every state, reserved and applied numbers have an active
hold (at most five per account, as the domain allows), some available numbers have expired holds behind
them, and the 靓号 grades are priced.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from tortoise import Tortoise, connections

from api.accounts.auth import create_api_token
from api.accounts.models import Account, Role, TokenScope, User
from api.accounts.passwords import hash_password
from api.clock import utcnow
from api.numbers.models import GradePrice, Number
from api.numbers.numbering import Grade, NumberStatus, carrier_of, grade_of
from api.reservations.models import Reservation, ReservationEnd

__all__ = ["NUMBERS", "Seeded", "seed"]

NUMBERS = 10_000
ACCOUNTS = 500
#: Accounts whose dashboards the clients load: each owns more than a page of 50 numbers.
BIG_ACCOUNTS = 8
BIG_ACCOUNT_NUMBERS = 60
PREFIXES = ("4000", "4001", "4006", "4007", "4008", "4009")
S = NumberStatus


@dataclass(frozen=True)
class Seeded:
    customer_tokens: list[str]
    operator_token: str
    counts: dict[str, int]


def _numbers(rng: random.Random) -> list[str]:
    chosen: set[str] = set()
    while len(chosen) < NUMBERS:
        chosen.add(f"{rng.choice(PREFIXES)}{rng.randrange(10**6):06d}")
    return sorted(chosen)


def _plan(rng: random.Random, numbers: list[str], account_ids: list[int]) -> list[tuple[S, int | None]]:
    """A (status, account) per number: big accounts first, then 0-14 numbers for each other account."""
    order = list(range(len(numbers)))
    rng.shuffle(order)
    plan: list[tuple[S, int | None]] = [(S.AVAILABLE, None)] * len(numbers)
    cursor = 0

    def give(account_id: int, statuses: list[S]) -> None:
        nonlocal cursor
        for status in statuses:
            plan[order[cursor]] = (status, account_id)
            cursor += 1

    for account_id in account_ids[:BIG_ACCOUNTS]:
        # Sorted, with a hold every 12th number: pages of 10 and of 50 both show holds.
        mine = sorted(order[cursor : cursor + BIG_ACCOUNT_NUMBERS])
        cursor += BIG_ACCOUNT_NUMBERS
        held = iter([S.RESERVED, S.APPLIED, S.RESERVED, S.APPLIED, S.RESERVED])
        for i, index in enumerate(mine):
            status = next(held) if i % 12 == 0 else S.SUSPENDED if i % 6 == 5 else S.ACTIVE
            plan[index] = (status, account_id)
    for account_id in account_ids[BIG_ACCOUNTS:]:
        holds = rng.choice(
            [[], [], [S.RESERVED], [S.APPLIED], [S.RESERVED, S.RESERVED], [S.RESERVED, S.APPLIED]]
        )
        owned = rng.choices([S.ACTIVE, S.SUSPENDED], weights=[5, 1], k=rng.randrange(0, 13))
        give(account_id, holds + owned)
    for _ in range(300):
        plan[order[cursor]] = (S.RECLAIMED, None)
        cursor += 1
    # The operator's first page of 10 shows a held number too (its account has at most two holds so far).
    plan[3] = (S.RESERVED, account_ids[BIG_ACCOUNTS])
    return plan


async def seed(*, empty_first: bool) -> Seeded:
    """Fill a migrated database (the ORM initialised); ``empty_first`` truncates every table first."""
    if empty_first:
        tables = [m._meta.db_table for m in Tortoise.apps["models"].values() if m._meta.db_table != "aerich"]
        await connections.get("default").execute_script(
            f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE;"
        )
    return await _fill()


async def _fill() -> Seeded:
    rng = random.Random(400)
    now = utcnow()
    password_hash = await hash_password("bench-password-400")
    await Account.bulk_create(
        [
            Account(name=f"基准测试企业{i:03d}有限公司", balance_fen=rng.randrange(0, 5_000_000))
            for i in range(ACCOUNTS)
        ],
        batch_size=500,
    )
    account_ids = list(await Account.all().order_by("id").values_list("id", flat=True))
    users = [
        User(
            login=f"bench{i:03d}",
            display_name=f"客户{i:03d}",
            password_hash=password_hash,
            role=Role.CUSTOMER,
            account_id=account_id,
        )
        for i, account_id in enumerate(account_ids)
    ]
    users.append(
        User(
            login="bench-operator",
            display_name="运营",
            password_hash=password_hash,
            role=Role.OPERATOR,
            account_id=None,
        )
    )
    await User.bulk_create(users, batch_size=500)

    numbers = _numbers(rng)
    plan = _plan(rng, numbers, account_ids)
    changed = [now - dt.timedelta(days=rng.randrange(1, 400), minutes=rng.randrange(1440)) for _ in numbers]
    await Number.bulk_create(
        [
            Number(
                number=n,
                carrier=carrier_of(n),
                grade=grade_of(n),
                status=status,
                account_id=account_id,
                status_changed_at=when,
                available_from=when + dt.timedelta(days=30) if status == S.RECLAIMED else None,
            )
            for n, (status, account_id), when in zip(numbers, plan, changed, strict=True)
        ],
        batch_size=500,
    )
    ids = dict(await Number.all().values_list("number", "id"))
    holds = []
    for n, (status, account_id) in zip(numbers, plan, strict=True):
        if status in (S.RESERVED, S.APPLIED):
            created = now - dt.timedelta(hours=rng.randrange(1, 40))
            holds.append(
                Reservation(
                    number_id=ids[n],
                    account_id=account_id,
                    created_at=created,
                    expires_at=created + dt.timedelta(days=2),
                )
            )
        elif status == S.AVAILABLE and rng.random() < 0.1:  # an expired hold in the number's history
            created = now - dt.timedelta(days=rng.randrange(5, 90))
            holds.append(
                Reservation(
                    number_id=ids[n],
                    account_id=rng.choice(account_ids),
                    created_at=created,
                    expires_at=created + dt.timedelta(days=2),
                    ended_at=created + dt.timedelta(days=2),
                    end_reason=ReservationEnd.EXPIRED,
                )
            )
    await Reservation.bulk_create(holds, batch_size=500)
    prices = {
        Grade.AAAA: 880_000,
        Grade.ABCD: 300_000,
        Grade.AABB: 200_000,
        Grade.ABAB: 150_000,
        Grade.AAA: 100_000,
        Grade.EIGHTS: 80_000,
    }
    await GradePrice.bulk_create([GradePrice(grade=g, price_fen=p) for g, p in prices.items()])

    by_login = {u.login: u for u in await User.filter(login__startswith="bench")}
    customer_tokens = []
    for i in range(BIG_ACCOUNTS):
        _, secret = await create_api_token(
            name="bench", scope=TokenScope.USER, user=by_login[f"bench{i:03d}"], created_by=None
        )
        customer_tokens.append(secret)
    _, operator_token = await create_api_token(
        name="bench", scope=TokenScope.USER, user=by_login["bench-operator"], created_by=None
    )
    counts = {str(s): 0 for s in S}
    for status, _ in plan:
        counts[str(status)] += 1
    counts["accounts_owning_several"] = sum(1 for c in _owned(plan).values() if c >= 2)
    counts["active_holds"] = sum(1 for h in holds if h.ended_at is None)
    return Seeded(customer_tokens=customer_tokens, operator_token=operator_token, counts=counts)


def _owned(plan: list[tuple[S, int | None]]) -> dict[int, int]:
    owned: dict[int, int] = {}
    for _, account_id in plan:
        if account_id is not None:
            owned[account_id] = owned.get(account_id, 0) + 1
    return owned
