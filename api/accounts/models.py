"""Who may act: operators (the provider's staff), customer accounts (enterprises) and their users."""

from __future__ import annotations

from enum import StrEnum

import strawberry
from tortoise import fields
from tortoise.models import Model


@strawberry.enum(name="Role")
class Role(StrEnum):
    OPERATOR = "operator"
    CUSTOMER = "customer"


@strawberry.enum(name="TokenScope")
class TokenScope(StrEnum):
    """What a bearer token may do: act as its user, or only what the telephony layer needs."""

    USER = "user"
    TELEPHONY = "telephony"


class Account(Model):
    """An enterprise customer (终端用户); a prospect's account owns no number yet."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    balance_fen = fields.BigIntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "accounts"


class User(Model):
    id = fields.IntField(primary_key=True)
    login = fields.CharField(max_length=120, unique=True)
    display_name = fields.CharField(max_length=100)
    password_hash = fields.CharField(max_length=200)
    role = fields.CharEnumField(Role, max_length=16)
    account: fields.ForeignKeyNullableRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="users", null=True, on_delete=fields.RESTRICT
    )
    account_id: int | None
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "users"

    @property
    def is_operator(self) -> bool:
        return self.role == Role.OPERATOR


class Session(Model):
    """A web session; the cookie holds a random token, the table only its SHA-256."""

    id = fields.CharField(max_length=64, primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE
    )
    user_id: int
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "sessions"
        indexes = (("user_id",),)


class ApiToken(Model):
    """A bearer token for scripts or the telephony layer; stored hashed, shown once at creation."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100)
    token_hash = fields.CharField(max_length=64, unique=True)
    prefix = fields.CharField(max_length=16)
    scope = fields.CharEnumField(TokenScope, max_length=16)
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="tokens", null=True, on_delete=fields.CASCADE
    )
    user_id: int | None
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="created_tokens", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_tokens"
        indexes = (("user_id",),)


@strawberry.enum(name="AccountAction")
class AccountAction(StrEnum):
    DISABLED = "disabled"


class AccountEvent(Model):
    """An operator's action on a whole account: who, when, why, what it changed. Never updated or deleted."""

    id = fields.IntField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="events", on_delete=fields.CASCADE
    )
    account_id: int
    action = fields.CharEnumField(AccountAction, max_length=16)
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="account_events", null=True, on_delete=fields.SET_NULL
    )
    actor_id: int | None
    actor_label = fields.CharField(max_length=120)
    reason = fields.CharField(max_length=500)
    detail = fields.CharField(max_length=2000, default="")
    at = fields.DatetimeField()

    class Meta:
        table = "account_events"
        indexes = (("account_id", "at"),)


class LoginFailure(Model):
    """Recent failed sign-ins of one throttle key: a login (from any address), or a client address.

    Kept in the database so every API process sees the same count. The key is a SHA-256, so attempted
    logins (often a password typed into the wrong box) are not stored in clear.
    """

    key = fields.CharField(max_length=64, primary_key=True)
    failures = fields.IntField(default=0)
    last_failed_at = fields.DatetimeField()
    blocked_until = fields.DatetimeField(null=True)

    class Meta:
        table = "login_failures"
