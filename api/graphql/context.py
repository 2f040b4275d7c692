"""Per-request context: the viewer and the small caches one request shares between resolvers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from strawberry.types import Info as _Info

from api.config import Config
from api.errors import NotAuthenticated, NotAuthorized

if TYPE_CHECKING:
    # Type-only: the toolkit must not load a domain at run time (the view builds the viewer).
    from api.accounts.auth import Viewer
    from api.accounts.models import User

__all__ = ["Context", "Info"]


@dataclass
class Context:
    request: Request
    response: Response
    viewer: Viewer
    config: Config
    cache: dict[str, Any] = field(default_factory=dict)

    def require_user(self) -> Viewer:
        """A signed-in person (operator or customer); telephony tokens are refused here."""
        if not self.viewer.is_authenticated:
            raise NotAuthenticated
        if self.viewer.is_telephony:
            raise NotAuthorized("话务系统令牌不能执行此操作")
        return self.viewer

    def require_customer(self) -> Viewer:
        viewer = self.require_user()
        if not viewer.is_customer or viewer.account_id is None:
            raise NotAuthorized("仅限客户账户使用")
        return viewer

    @property
    def user(self) -> User:
        """The signed-in person: who an audit row, a publication or a review names."""
        user = self.require_user().user
        if user is None:
            raise NotAuthenticated
        return user

    @property
    def account_id(self) -> int:
        """The signed-in customer's account: the tenant every customer-only field acts on."""
        account_id = self.require_customer().account_id
        assert account_id is not None
        return account_id

    def require_operator(self) -> Viewer:
        viewer = self.require_user()
        if not viewer.is_operator:
            raise NotAuthorized("仅限运营人员使用")
        return viewer

    def require_telephony(self) -> Viewer:
        if not self.viewer.is_authenticated:
            raise NotAuthenticated
        if not self.viewer.is_telephony:
            raise NotAuthorized("仅限话务系统令牌使用")
        return self.viewer

    def tenant_filter(self) -> dict[str, int]:
        """Filter kwargs that confine a query to what this viewer may see (nothing extra for operators)."""
        viewer = self.require_user()
        if viewer.is_operator:
            return {}
        assert viewer.account_id is not None
        return {"account_id": viewer.account_id}


if TYPE_CHECKING:
    Info = _Info[Context, None]
else:
    Info = _Info
