"""GraphQL types of the outbox."""

from __future__ import annotations

import datetime as dt

import strawberry

from api.clock import to_local
from api.graphql.pagination import Connection
from api.notify import models
from api.notify.models import Channel, Delivery


@strawberry.type(name="Notification", description="A notice to the account and how its delivery went.")
class NotificationType:
    id: strawberry.ID
    account_id: strawberry.ID
    channel: Channel
    recipient: str
    subject: str
    body: str
    template: str
    state: Delivery
    attempts: int
    last_error: str
    created_at: dt.datetime
    sent_at: dt.datetime | None

    @classmethod
    def of(cls, row: models.Notification) -> NotificationType:
        return cls(
            id=strawberry.ID(str(row.id)),
            account_id=strawberry.ID(str(row.account_id)),
            channel=row.channel,
            recipient=row.recipient,
            subject=row.subject,
            body=row.body,
            template=row.template,
            state=row.state,
            attempts=row.attempts,
            last_error=row.last_error,
            created_at=to_local(row.created_at),
            sent_at=to_local(row.sent_at) if row.sent_at else None,
        )


@strawberry.type
class NotificationConnection(Connection[NotificationType]):
    pass
