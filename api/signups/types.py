"""GraphQL types of the operators' sign-up review."""

from __future__ import annotations

import datetime as dt

import strawberry

from api.clock import to_local
from api.numbers.numbering import format_number
from api.signups.report import AccountSignup, Grouping, SignupGroup


@strawberry.type(
    name="SignupAccount", description="One sign-up of an address group and what its account holds."
)
class SignupAccountType:
    account_id: strawberry.ID | None = strawberry.field(description="Null when the sign-up never completed.")
    company_name: str | None
    login: str | None = strawberry.field(description="The account's first user.")
    signed_up_at: dt.datetime
    address: str = strawberry.field(description="The client address it came from.")
    device: str | None = strawberry.field(
        description="A short label of the browser's device cookie (same label: same browser)."
    )
    held_numbers: list[str] = strawberry.field(description="Numbers the account holds now, formatted.")
    paid: bool = strawberry.field(
        description="Has a recharge, fee, charge, application or number beyond a hold: never cleaned up."
    )
    disabled_at: dt.datetime | None
    disabled_by: str | None
    disabled_reason: str | None

    @classmethod
    def of(cls, row: AccountSignup) -> SignupAccountType:
        event = row.disabled
        return cls(
            account_id=strawberry.ID(str(row.account.id)) if row.account else None,
            company_name=row.account.name if row.account else None,
            login=row.login,
            signed_up_at=to_local(row.signup.created_at),
            address=row.signup.address,
            device=row.signup.device[:8] if row.signup.device else None,
            held_numbers=[format_number(n) for n in row.held_numbers],
            paid=row.paid,
            disabled_at=to_local(event.at) if event else None,
            disabled_by=event.actor_label if event else None,
            disabled_reason=event.reason if event else None,
        )


@strawberry.type(
    name="SignupGroup", description="The recent sign-ups from one client address, or one browser."
)
class SignupGroupType:
    key: str = strawberry.field(
        description="The address, or (grouped by browser) a short label of the device cookie."
    )
    addresses: list[str] = strawberry.field(description="The client addresses among them, sorted.")
    signup_count: int
    device_count: int = strawberry.field(description="Distinct browsers (device cookies) among them.")
    first_at: dt.datetime
    last_at: dt.datetime
    accounts: list[SignupAccountType] = strawberry.field(description="Newest first, at most 200.")

    @strawberry.field(description="Numbers held now by the group's accounts.")
    def held_count(self) -> int:
        return sum(len(a.held_numbers) for a in self.accounts)

    @strawberry.field(description="Accounts that could be cleaned up: no paid activity, not yet disabled.")
    def cleanable_count(self) -> int:
        return sum(1 for a in self.accounts if a.account_id and not a.paid and a.disabled_at is None)

    @classmethod
    def of(cls, group: SignupGroup, by: Grouping) -> SignupGroupType:
        assert group.first_at is not None and group.last_at is not None  # a listed group has sign-ups
        return cls(
            key=group.key if by == Grouping.ADDRESS else group.key[:8],
            addresses=sorted(group.addresses),
            signup_count=group.signup_count,
            device_count=len(group.devices),
            first_at=to_local(group.first_at),
            last_at=to_local(group.last_at),
            accounts=[SignupAccountType.of(a) for a in group.accounts],
        )


@strawberry.type(description="Accounts disabled by a clean-up and the numbers it put back on sale.")
class SignupCleanup:
    disabled_account_ids: list[strawberry.ID]
    released_numbers: list[str] = strawberry.field(description="Formatted, e.g. 400-600-0001.")
