"""The outbox: messages are written with the event that causes them, then delivered with retries.

Writing a message never waits for a mail server or gateway; :func:`deliver_due` (a job) sends what is
due, each message claimed by a conditional UPDATE so several processes never send one twice at once.
A failed attempt is retried after ``NOTIFY_RETRY_SECONDS`` × 2^(attempts−1); after
``NOTIFY_MAX_ATTEMPTS`` the message is marked failed with its last error.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any, cast

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from api.clock import utcnow
from api.config import Config
from api.notify.models import Channel, Delivery, Notification
from api.notify.senders import DeliveryError, sender_for
from api.notify.templates import Notice

__all__ = ["deliver_due", "enqueue", "enqueue_all"]

log = logging.getLogger("api.notify")

#: How long a sender holds a message it claimed before another process may try it.
LEASE = dt.timedelta(minutes=5)


async def enqueue(
    account_id: int,
    channel: Channel,
    recipient: str,
    notice: Notice,
    template: str,
    dedupe_key: str,
    *,
    using: BaseDBAsyncClient | None = None,
    now: dt.datetime | None = None,
) -> Notification | None:
    """Queue one message; None when there is no recipient, or the key was queued already (no-op).

    Inside a transaction (``using``) a repeated key raises ``IntegrityError`` instead, rolling the
    caller's work back with it: the event and its message happen together, once.
    """
    if not recipient:
        return None
    now = now or utcnow()
    fields: dict[str, Any] = {
        "account_id": account_id,
        "channel": channel,
        "recipient": recipient,
        "subject": notice.subject if channel == Channel.EMAIL else "",
        "body": notice.body if channel == Channel.EMAIL else notice.text,
        "template": template,
        "dedupe_key": f"{dedupe_key}:{channel.value}",
        "next_attempt_at": now,
        "created_at": now,
    }
    if using is not None:
        return await Notification.create(**fields, using_db=using)
    try:
        return await Notification.create(**fields)
    except IntegrityError:
        return None


async def enqueue_all(
    account_id: int, email: str, phone: str, notice: Notice, template: str, dedupe_key: str, *, voice: bool
) -> int:
    """The notice by email and SMS (and a voice call when ``voice``) to whichever contacts are known."""
    queued = 0
    targets = [(Channel.EMAIL, email), (Channel.SMS, phone)] + ([(Channel.VOICE, phone)] if voice else [])
    for channel, recipient in targets:
        if await enqueue(account_id, channel, recipient, notice, template, dedupe_key) is not None:
            queued += 1
    return queued


def _backoff(config: Config, attempts: int) -> dt.timedelta:
    return dt.timedelta(seconds=config.notify_retry_seconds * 2 ** max(attempts - 1, 0))


async def deliver_due(config: Config, now: dt.datetime | None = None, limit: int = 100) -> int:
    """Send the messages that are due; how many were delivered."""
    now = now or utcnow()
    due = cast(
        "list[tuple[int, int]]",
        await Notification.filter(state=Delivery.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "id")
        .limit(limit)
        .values_list("id", "attempts"),
    )
    delivered = 0
    for message_id, attempts in due:
        claimed = await Notification.filter(
            id=message_id, state=Delivery.PENDING, attempts=attempts, next_attempt_at__lte=now
        ).update(attempts=attempts + 1, next_attempt_at=now + LEASE)
        if not claimed:  # another process took it
            continue
        message = await Notification.get(id=message_id)
        try:
            await sender_for(message.channel, config).send(message)
        except DeliveryError as error:
            failed = message.attempts >= config.notify_max_attempts
            log.warning("notification %s (%s) not delivered: %s", message.id, message.channel, error)
            await Notification.filter(id=message_id).update(
                state=Delivery.FAILED if failed else Delivery.PENDING,
                next_attempt_at=now + _backoff(config, message.attempts),
                last_error=str(error)[:500],
            )
            continue
        await Notification.filter(id=message_id).update(state=Delivery.SENT, sent_at=utcnow(), last_error="")
        delivered += 1
    return delivered
