"""Who may call a field, declared on the field itself (``permission_classes=[IsCustomer]``).

Declaring it beside the field keeps the rule visible in review and in the exported schema (each class
becomes a directive on the fields it guards). The checks raise the service's own ``NotAuthenticated`` and
``NotAuthorized`` so an anonymous caller is asked to sign in and a signed-in one is told it may not.

Example::

    @strawberry.mutation(permission_classes=[IsCustomer])
    async def create_flow(self, info: Info, name: str) -> FlowResult: ...
"""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from api.graphql.context import Info

__all__ = ["IsCustomer", "IsOperator", "IsSignedIn", "IsTelephony"]


class IsSignedIn(BasePermission):
    """A person (operator or customer); telephony tokens are refused."""

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        info.context.require_user()
        return True


class IsCustomer(BasePermission):
    """A customer user: the field acts on the viewer's own account."""

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        info.context.require_customer()
        return True


class IsOperator(BasePermission):
    """One of the provider's staff."""

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        info.context.require_operator()
        return True


class IsTelephony(BasePermission):
    """The telephony layer's token, which may only report calls, ask allowances and upload recordings.

    Plans are not fetched through GraphQL: their one door is ``api/telephony/routes.py``.
    """

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        info.context.require_telephony()
        return True
