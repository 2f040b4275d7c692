"""Who is calling: a session cookie (web app), a user bearer token (scripts) or a telephony token.

Secrets are random; only their SHA-256 is stored, so a leaked database holds no usable credential.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from starlette.requests import HTTPConnection

from api.accounts.models import ApiToken, Role, Session, TokenScope, User
from api.clock import utcnow

__all__ = [
    "SESSION_COOKIE",
    "InvalidToken",
    "Viewer",
    "authenticate_request",
    "authenticate_session",
    "authenticate_token",
    "create_api_token",
    "create_session",
    "hash_secret",
]

SESSION_COOKIE = "hotline_session"
TOKEN_PREFIX = "h4_"
_LAST_USED_GRANULARITY = dt.timedelta(minutes=5)


class InvalidToken(Exception):
    """A bearer token that is unknown, revoked or malformed: the request is refused with 401."""


@dataclass(frozen=True, slots=True)
class Viewer:
    """The principal of one request. ``account_id`` is the tenant a customer is confined to."""

    user: User | None = None
    scope: TokenScope | None = None

    @property
    def is_authenticated(self) -> bool:
        return self.scope is not None

    @property
    def is_operator(self) -> bool:
        return self.scope == TokenScope.USER and self.user is not None and self.user.role == Role.OPERATOR

    @property
    def is_customer(self) -> bool:
        return self.scope == TokenScope.USER and self.user is not None and self.user.role == Role.CUSTOMER

    @property
    def is_telephony(self) -> bool:
        return self.scope == TokenScope.TELEPHONY

    @property
    def account_id(self) -> int | None:
        return self.user.account_id if self.user is not None else None


ANONYMOUS = Viewer()


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


async def create_session(user: User, days: int) -> str:
    token = secrets.token_urlsafe(32)
    await Session.create(id=hash_secret(token), user=user, expires_at=utcnow() + dt.timedelta(days=days))
    return token


async def authenticate_session(token: str) -> Viewer:
    session = (
        await Session.filter(id=hash_secret(token), expires_at__gt=utcnow(), user__is_active=True)
        .select_related("user")
        .first()
    )
    if session is None:
        return ANONYMOUS
    return Viewer(user=session.user, scope=TokenScope.USER)


async def create_api_token(
    *, name: str, scope: TokenScope, user: User | None, created_by: User | None
) -> tuple[ApiToken, str]:
    """Returns the row and the plaintext, which is shown to its owner once and never again."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = await ApiToken.create(
        name=name,
        token_hash=hash_secret(secret),
        prefix=secret[:10],
        scope=scope,
        user=user,
        created_by=created_by,
    )
    return row, secret


async def authenticate_token(secret: str) -> Viewer:
    row = (
        await ApiToken.filter(token_hash=hash_secret(secret), revoked_at__isnull=True)
        .select_related("user")
        .first()
    )
    if row is None:
        raise InvalidToken
    if row.scope == TokenScope.USER and (row.user is None or not row.user.is_active):
        raise InvalidToken
    now = utcnow()
    if row.last_used_at is None or now - row.last_used_at > _LAST_USED_GRANULARITY:
        await ApiToken.filter(id=row.id).update(last_used_at=now)
    return Viewer(user=row.user, scope=row.scope)


async def authenticate_request(request: HTTPConnection, *, trust_cookie: bool = True) -> Viewer:
    """The caller of an HTTP request: a bearer token first, else the session cookie (when trusted).

    Raises:
        InvalidToken: a bearer token was sent but is unknown or revoked.
    """
    authorization = request.headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        return await authenticate_token(authorization[7:].strip())
    token = request.cookies.get(SESSION_COOKIE)
    return await authenticate_session(token) if token and trust_cookie else ANONYMOUS
