"""Accounts' secrets for flows' HTTP requests: stored encrypted, written and deleted, never read back by
the API. The key is ``HTTP_SECRETS_KEY`` (a Fernet key), or derived from the service's ``SECRET_KEY``
when unset so the embedded set-up needs no setting; rotating it makes stored secrets unreadable (set
them again)."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from typing import Final

from cryptography.fernet import Fernet, InvalidToken

from api.clock import utcnow
from api.config import Config
from api.errors import UserError
from api.outbound.models import AccountSecret
from telephony.http_step import Secret

__all__ = ["SecretInfo", "delete_secret", "list_secrets", "secret_for", "set_secret"]

_NAME: Final = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")
_HOST: Final = re.compile(r"^[a-z0-9]([a-z0-9\-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9\-]{0,61}[a-z0-9])?)*$")
MAX_VALUE: Final = 4096


@dataclass(frozen=True)
class SecretInfo:
    """What the API shows of a secret: its name, where it may go, when it was set — never its value."""

    name: str
    host: str
    set_at: object


def _fernet(config: Config) -> Fernet:
    if config.http_secrets_key:
        return Fernet(config.http_secrets_key.encode())
    digest = hashlib.sha256(b"hotline400 http secrets\0" + config.secret_key.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def check_host(host: str, field: str = "host") -> str:
    name = host.strip().lower().rstrip(".")
    if not _HOST.match(name) or len(name) > 253:
        raise UserError("invalid_host", "请填写域名或 IP 地址,如 crm.example.com", field)
    return name


async def set_secret(config: Config, account_id: int, name: str, host: str, value: str) -> SecretInfo:
    """Save (or replace) a secret; it will only ever be sent to ``host``."""
    if not _NAME.match(name):
        raise UserError("invalid_name", "密钥名称只能包含字母、数字、_ 和 -,最多64个字符", "name")
    if not value or len(value) > MAX_VALUE or any(c in value for c in "\r\n"):
        raise UserError("invalid_value", f"密钥不能为空、不能换行,最多{MAX_VALUE}个字符", "value")
    host = check_host(host)
    token = _fernet(config).encrypt(value.encode("utf-8")).decode()
    row, _ = await AccountSecret.update_or_create(
        account_id=account_id, name=name, defaults={"host": host, "ciphertext": token, "set_at": utcnow()}
    )
    return SecretInfo(row.name, row.host, row.set_at)


async def delete_secret(account_id: int, name: str) -> bool:
    deleted = await AccountSecret.filter(account_id=account_id, name=name).delete()
    if not deleted:
        raise UserError("not_found", f"没有名为“{name}”的密钥", "name")
    return True


async def list_secrets(account_id: int) -> list[SecretInfo]:
    rows = await AccountSecret.filter(account_id=account_id).order_by("name")
    return [SecretInfo(r.name, r.host, r.set_at) for r in rows]


async def secret_for(config: Config, account_id: int, name: str) -> Secret | None:
    """The secret to send with a request (None when absent or unreadable with the current key)."""
    row = await AccountSecret.filter(account_id=account_id, name=name).first()
    if row is None:
        return None
    try:
        value = _fernet(config).decrypt(row.ciphertext.encode()).decode("utf-8")
    except InvalidToken:
        return None
    return Secret(value, row.host)
