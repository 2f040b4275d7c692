"""Notices over GraphQL: customers read theirs and set where they go."""

from __future__ import annotations

from typing import Annotated

import strawberry

from api.accounts.models import Account
from api.billing.types import BillingSettingsType
from api.errors import UserError
from api.graphql.context import Info
from api.graphql.errors import ReturnsUserErrors, UserErrors
from api.graphql.ids import parse_id
from api.graphql.pagination import page_by_id
from api.graphql.permissions import IsSignedIn
from api.notify.contacts import set_contacts
from api.notify.models import Notification
from api.notify.types import NotificationConnection, NotificationType

ContactsResult = Annotated[BillingSettingsType | UserErrors, strawberry.union("BillingContactsResult")]


@strawberry.type
class Query:
    @strawberry.field(
        description="Notices sent or waiting, oldest first (customers: their account's).",
        permission_classes=[IsSignedIn],
    )
    async def notifications(
        self, info: Info, first: int = 50, after: str | None = None
    ) -> NotificationConnection:
        return await page_by_id(
            NotificationConnection,
            Notification.filter(**info.context.tenant_filter()),
            first=first,
            after=after,
            nodes=lambda rows: [NotificationType.of(r) for r in rows],
        )


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Where billing notices go: an email and a mainland phone (SMS and voice); empty: none.",
        permission_classes=[IsSignedIn],
        extensions=[ReturnsUserErrors()],
    )
    async def set_billing_contacts(
        self, info: Info, account_id: strawberry.ID, email: str, phone: str
    ) -> ContactsResult:
        wanted = parse_id(account_id, "accountId")
        scope = info.context.tenant_filter().get("account_id")
        if (scope is not None and scope != wanted) or not await Account.filter(id=wanted).exists():
            raise UserError("not_found", "未找到该账户", "accountId")
        billing = await set_contacts(wanted, email, phone)
        await billing.fetch_related("rate_plan")
        return await BillingSettingsType.of(billing, info.context.config)
