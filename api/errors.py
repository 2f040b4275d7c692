"""Errors a user can cause: raised by domain code, returned by mutations as typed data.

Top-level GraphQL ``errors`` are kept for bugs and authentication; everything a user can fix is a
``UserError`` with a stable ``code``, the ``field`` it concerns and a Chinese message.
"""

from __future__ import annotations

__all__ = ["NotAuthenticated", "NotAuthorized", "UserError"]


class UserError(Exception):
    """``retry_after``: seconds until the same request may succeed, for refusals that end by themselves
    (throttled sign-ins and sign-ups); ``None`` when waiting would not help."""

    def __init__(
        self, code: str, message: str, field: str | None = None, *, retry_after: int | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.retry_after = retry_after

    def __repr__(self) -> str:
        return f"UserError(code={self.code!r}, field={self.field!r}, message={self.message!r})"


class UserErrors(Exception):
    """Several field errors at once, e.g. a form with three wrong inputs."""

    def __init__(self, errors: list[UserError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors


class NotAuthenticated(Exception):
    """No valid session or token: a top-level error, shown as a request to sign in."""

    def __init__(self, message: str = "请先登录") -> None:
        super().__init__(message)


class NotAuthorized(Exception):
    """Signed in, but this principal may not do this at all (not a tenancy miss: those read as not found)."""

    def __init__(self, message: str = "无权执行此操作") -> None:
        super().__init__(message)
