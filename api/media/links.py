"""Signed, expiring download links: what a browser's ``<audio src>`` can open without a session.

A link names one row and one format and carries an expiry and an HMAC-SHA256 over all three (keyed by
``config.secret_key``), so it cannot be altered to reach another row. Expiries are rounded up to the
link lifetime, so a page re-rendered within that time gets the same URL and the browser's cache works.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from api.clock import utcnow
from api.config import Config
from api.graphql.ids import plain_int

__all__ = ["signed_url", "verify"]


def _signature(secret: str, scope: str, row_id: int, fmt: str, expires: int) -> str:
    message = f"{scope}:{row_id}:{fmt}:{expires}".encode()
    digest = hmac.new(secret.encode(), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:20]).decode().rstrip("=")


def signed_url(config: Config, scope: str, row_id: int, fmt: str) -> str:
    """``/<scope>/<id>/<fmt>?expires=…&signature=…``, valid between one and two link lifetimes."""
    lifetime = max(config.media_link_seconds, 60)
    now = int(utcnow().timestamp())
    expires = (now // lifetime + 2) * lifetime
    signature = _signature(config.secret_key, scope, row_id, fmt, expires)
    return f"/{scope}/{row_id}/{fmt}?expires={expires}&signature={signature}"


def verify(
    config: Config, scope: str, row_id: int, fmt: str, expires: str | None, signature: str | None
) -> bool:
    until = plain_int(expires or "")
    if until is None or not signature or until < utcnow().timestamp():
        return False
    expected = _signature(config.secret_key, scope, row_id, fmt, until)
    return hmac.compare_digest(expected, signature)
