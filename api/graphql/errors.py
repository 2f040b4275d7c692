"""User errors as schema types: every mutation returns ``<Success> | UserErrors``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import strawberry
from graphql import GraphQLError

from api.errors import NotAuthenticated, NotAuthorized, UserError
from api.errors import UserErrors as UserErrorsException

__all__ = ["FieldError", "UserErrors", "add_error_code", "user_errors"]

T = TypeVar("T")


@strawberry.type(description="One thing the user can fix: a stable code, the input field, a Chinese message.")
class FieldError:
    code: str
    field: str | None
    message: str


@strawberry.type(description="The mutation was refused; nothing was changed.")
class UserErrors:
    errors: list[FieldError]


def _to_type(error: UserError) -> FieldError:
    return FieldError(code=error.code, field=error.field, message=error.message)


async def user_errors(action: Callable[[], Awaitable[T]]) -> T | UserErrors:
    """Run a domain action; the user errors it raises become data, anything else stays a bug."""
    try:
        return await action()
    except UserError as error:
        return UserErrors(errors=[_to_type(error)])
    except UserErrorsException as many:
        return UserErrors(errors=[_to_type(e) for e in many.errors])


def add_error_code(error: GraphQLError) -> None:
    """Give a top-level error a stable ``extensions.code`` clients can branch on.

    Fields returning a plain type (lists, connections) cannot return ``UserErrors``; a user error there
    (a bad cursor, a year out of range) becomes a top-level error carrying its code and field here.
    """
    original = error.original_error
    if error.extensions:
        return
    if isinstance(original, UserError):
        error.extensions = {"code": original.code, "field": original.field}
    elif isinstance(original, NotAuthenticated):
        error.extensions = {"code": "UNAUTHENTICATED"}
    elif isinstance(original, NotAuthorized):
        error.extensions = {"code": "FORBIDDEN"}
