"""Delivering one message: email over SMTP, SMS and voice through an HTTP-webhook gateway.

To add a provider, write a class with ``async def send(self, message: Notification) -> None`` that
raises :class:`DeliveryError` when the provider refuses or cannot be reached (the outbox then retries
with back-off), and return it from :func:`sender_for` for its channel. The webhook gateway POSTs JSON
``{"id", "channel", "to", "text"}`` with ``Authorization: Bearer <WEBHOOK_TOKEN>`` and treats any 2xx as
delivered; most SMS and voice providers can be reached through a small adapter speaking that.
"""

from __future__ import annotations

import asyncio
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Protocol

import httpx

from api.config import Config
from api.notify.models import Channel, Notification

__all__ = ["DeliveryError", "Sender", "SmtpSender", "WebhookSender", "sender_for"]

TIMEOUT_S = 15.0


class DeliveryError(Exception):
    """The message was not delivered this time; the outbox tries again later."""


class Sender(Protocol):
    async def send(self, message: Notification) -> None: ...


class SmtpSender:
    """Email through the configured SMTP server (STARTTLS, implicit TLS, or plain for a local relay)."""

    def __init__(self, config: Config) -> None:
        self.config = config

    def _message(self, message: Notification) -> EmailMessage:
        email = EmailMessage()
        email["From"] = self.config.smtp_from
        email["To"] = message.recipient
        email["Subject"] = message.subject
        email["Date"] = formatdate(localtime=False)
        email["Message-ID"] = make_msgid(idstring=f"notification-{message.id}")
        email.set_content(message.body)
        return email

    def _send(self, email: EmailMessage) -> None:
        c = self.config
        context = ssl.create_default_context()
        client: smtplib.SMTP
        if c.smtp_tls == "ssl":
            client = smtplib.SMTP_SSL(c.smtp_host, c.smtp_port, timeout=TIMEOUT_S, context=context)
        else:
            client = smtplib.SMTP(c.smtp_host, c.smtp_port, timeout=TIMEOUT_S)
        with client:
            if c.smtp_tls == "starttls":
                client.starttls(context=context)
            if c.smtp_user:
                client.login(c.smtp_user, c.smtp_password)
            client.send_message(email)

    async def send(self, message: Notification) -> None:
        if not self.config.smtp_host:
            raise DeliveryError("SMTP_HOST is not configured")
        try:
            await asyncio.to_thread(self._send, self._message(message))
        except (OSError, smtplib.SMTPException) as error:
            raise DeliveryError(f"SMTP: {error}") from error


class WebhookSender:
    """SMS or voice through a gateway's HTTP webhook."""

    def __init__(self, url: str, token: str) -> None:
        self.url, self.token = url, token

    async def send(self, message: Notification) -> None:
        if not self.url:
            raise DeliveryError(f"no webhook configured for {message.channel}")
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        payload = {
            "id": message.id,
            "channel": message.channel.value,
            "to": message.recipient,
            "text": message.body,
        }
        try:
            async with httpx.AsyncClient(timeout=TIMEOUT_S) as client:
                response = await client.post(self.url, json=payload, headers=headers)
        except httpx.HTTPError as error:
            raise DeliveryError(f"webhook: {error}") from error
        if not response.is_success:
            raise DeliveryError(f"webhook answered HTTP {response.status_code}")


def sender_for(channel: Channel, config: Config) -> Sender:
    if channel == Channel.EMAIL:
        return SmtpSender(config)
    url = config.sms_webhook_url if channel == Channel.SMS else config.voice_webhook_url
    return WebhookSender(url, config.webhook_token)
