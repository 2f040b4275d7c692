"""The operators' allowlist of hosts and the accounts' secrets for flows' HTTP requests."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from api.accounts.models import Account


class AllowedHost(Model):
    """A host (exact name or IP literal) flows may ask over plain http or on a non-public address:
    a test server on loopback, an intranet CRM. Operators keep the list; agents get the same list in
    their own configuration (``TELEPHONY_HTTP_ALLOW_HOSTS``)."""

    id = fields.IntField(primary_key=True)
    host = fields.CharField(max_length=253, unique=True)
    note = fields.CharField(max_length=200, default="")
    created_at = fields.DatetimeField()

    class Meta:
        table = "http_allowed_hosts"


class AccountSecret(Model):
    """An API key or bearer token of an account, encrypted (Fernet, :mod:`api.outbound.secrets`), and the
    one host it may be sent to. Write-only: no API returns ``ciphertext`` or what it decrypts to."""

    id = fields.IntField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="http_secrets", on_delete=fields.CASCADE
    )
    account_id: int
    name = fields.CharField(max_length=64)
    host = fields.CharField(max_length=253)
    ciphertext = fields.TextField()
    set_at = fields.DatetimeField()

    class Meta:
        table = "account_secrets"
        unique_together = (("account_id", "name"),)
