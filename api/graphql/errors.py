"""User errors as schema types: every mutation returns ``<Success> | UserErrors``.

Domain code raises ``UserError``; the field extension ``ReturnsUserErrors`` turns it into data on the
fields whose result type is a ``<Success> | UserErrors`` union, so resolvers stay straight-line code::

    @strawberry.mutation(permission_classes=[IsCustomer], extensions=[ReturnsUserErrors()])
    async def rename_flow(self, info: Info, id: strawberry.ID, name: str) -> FlowResult:
        return FlowType.of(await drafts.rename_flow(await visible_flow(info, id), name))
"""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import FieldExtension
from strawberry.extensions.field_extension import AsyncExtensionResolver
from strawberry.types import Info

from api.errors import NotAuthenticated, NotAuthorized, UserError
from api.errors import UserErrors as UserErrorsException

__all__ = ["FieldError", "ReturnsUserErrors", "UserErrors", "add_error_code"]


@strawberry.type(description="One thing the user can fix: a stable code, the input field, a Chinese message.")
class FieldError:
    code: str
    field: str | None
    message: str
    retry_after: int | None = strawberry.field(
        default=None,
        description="Seconds until the same request may succeed (throttled requests); null otherwise.",
    )


@strawberry.type(description="The mutation was refused; nothing was changed.")
class UserErrors:
    errors: list[FieldError]


def _to_type(error: UserError) -> FieldError:
    return FieldError(
        code=error.code, field=error.field, message=error.message, retry_after=error.retry_after
    )


class ReturnsUserErrors(FieldExtension):
    """The user errors a resolver raises become its ``UserErrors`` result; anything else stays a bug."""

    async def resolve_async(
        self, next_: AsyncExtensionResolver, source: Any, info: Info, **kwargs: Any
    ) -> Any:
        try:
            return await next_(source, info, **kwargs)
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
