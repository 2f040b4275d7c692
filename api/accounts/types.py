"""GraphQL types of identity: accounts, users, the viewer, API tokens."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry

from api.accounts import models
from api.accounts.models import Role, TokenScope
from api.clock import to_local
from api.graphql.context import Info
from api.graphql.pagination import Connection
from api.numbers.numbering import NumberStatus

if TYPE_CHECKING:
    from api.media.types import MediaUsageType
    from api.numbers.holdings import AccountStage
    from api.numbers.types import NumberConnection
    from api.thresholds.balance_state import BalanceState


@strawberry.type(name="Account", description="An enterprise customer (终端用户).")
class AccountType:
    id: strawberry.ID
    name: str
    balance_fen: int = strawberry.field(description="Prepaid balance in fen (分).")
    created_at: dt.datetime

    @classmethod
    def of(cls, row: models.Account) -> AccountType:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            balance_fen=row.balance_fen,
            created_at=to_local(row.created_at),
        )

    @strawberry.field(description="The account's numbers (reserved, applied, active, suspended).")
    async def numbers(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        status: NumberStatus | None = None,
    ) -> Annotated[NumberConnection, strawberry.lazy("api.numbers.types")]:
        from api.numbers.queries import account_numbers

        return await account_numbers(info, int(self.id), first=first, after=after, status=status)

    @strawberry.field(description="Media storage use, quota and voicemail retention.")
    async def media_usage(self, info: Info) -> Annotated[MediaUsageType, strawberry.lazy("api.media.types")]:
        # Whoever can read the account (operators, its own users) may read its storage use.
        from api.media.quota import usage_of
        from api.media.types import MediaUsageType

        return MediaUsageType.of(await usage_of(int(self.id), info.context.config))

    @strawberry.field(description="Numbers it holds: reserved, under review, in service or suspended.")
    async def number_count(self, info: Info) -> int:
        from api.numbers.holdings import holdings_loader

        return (await holdings_loader(info).load(int(self.id))).count

    @strawberry.field(description="How far the customer has come, read from its numbers.")
    async def stage(self, info: Info) -> Annotated[AccountStage, strawberry.lazy("api.numbers.holdings")]:
        from api.numbers.holdings import holdings_loader

        return (await holdings_loader(info).load(int(self.id))).stage

    @strawberry.field(description="The stage in Chinese (未选号, 已预占, 申请审核中, 已开通).")
    async def stage_name(self, info: Info) -> str:
        from api.numbers.holdings import STAGE_NAMES_ZH, holdings_loader

        return STAGE_NAMES_ZH[(await holdings_loader(info).load(int(self.id))).stage]

    @strawberry.field(description="R8: normal, at or below the 35 元 notice line, or suspended by billing.")
    async def balance_state(
        self, info: Info
    ) -> Annotated[BalanceState, strawberry.lazy("api.thresholds.balance_state")]:
        from api.thresholds.balance_state import balance_state, suspended_loader

        return balance_state(self.balance_fen, await suspended_loader(info).load(int(self.id)))

    @strawberry.field(description="The balance state in Chinese (正常, 余额不足(≤35元), 欠费停机).")
    async def balance_state_name(self, info: Info) -> str:
        from api.thresholds.balance_state import BALANCE_STATE_NAMES_ZH, balance_state, suspended_loader

        state = balance_state(self.balance_fen, await suspended_loader(info).load(int(self.id)))
        return BALANCE_STATE_NAMES_ZH[state]

    @strawberry.field
    async def users(self, info: Info) -> list[UserType]:
        rows = await models.User.filter(account_id=int(self.id)).order_by("id")
        return [UserType.of(r) for r in rows]


@strawberry.type
class AccountConnection(Connection[AccountType]):
    pass


@strawberry.type(name="User")
class UserType:
    id: strawberry.ID
    login: str
    display_name: str
    role: Role
    account_id: strawberry.ID | None
    is_active: bool

    @classmethod
    def of(cls, row: models.User) -> UserType:
        return cls(
            id=strawberry.ID(str(row.id)),
            login=row.login,
            display_name=row.display_name,
            role=row.role,
            account_id=strawberry.ID(str(row.account_id)) if row.account_id else None,
            is_active=row.is_active,
        )


@strawberry.type
class Viewer:
    user: UserType | None
    account: AccountType | None
    is_operator: bool
    is_telephony: bool


@strawberry.type(name="ApiToken")
class ApiTokenType:
    id: strawberry.ID
    name: str
    prefix: str
    scope: TokenScope
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None

    @classmethod
    def of(cls, row: models.ApiToken) -> ApiTokenType:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            prefix=row.prefix,
            scope=row.scope,
            created_at=to_local(row.created_at),
            last_used_at=to_local(row.last_used_at) if row.last_used_at else None,
            revoked_at=to_local(row.revoked_at) if row.revoked_at else None,
        )


@strawberry.type(description="A new token; `secret` is shown this once and cannot be read again.")
class CreatedApiToken:
    token: ApiTokenType
    secret: str
