"""The request's account loader: rows that name an account (flows, …) get it for a page in one query."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from api.accounts.models import Account
from api.graphql.context import Info
from api.graphql.loaders import request_loader

__all__ = ["account_loader"]


async def _accounts(ids: list[int]) -> list[Account | None]:
    found = await Account.in_bulk(set(ids))
    return [found.get(i) for i in ids]


def account_loader(info: Info) -> DataLoader[int, Account | None]:
    return request_loader(info, "accounts", _accounts)
