"""Queries and mutations of identity: sign-up, sign-in, accounts, users, tokens."""

from __future__ import annotations

import secrets
from typing import Annotated

import strawberry

from api.accounts import auth, models, service, throttle
from api.accounts.types import AccountConnection, AccountType, ApiTokenType, CreatedApiToken, UserType, Viewer
from api.clock import utcnow
from api.errors import UserError
from api.graphql.context import Info
from api.graphql.errors import ReturnsUserErrors, UserErrors
from api.graphql.ids import parse_id
from api.graphql.pagination import page_by_id
from api.graphql.permissions import IsOperator, IsSignedIn
from api.signups import limits as signup_limits
from api.signups import service as signup_service
from api.thresholds.standing import WARN_AT_FEN

AuthResult = Annotated[Viewer | UserErrors, strawberry.union("AuthResult")]
AccountResult = Annotated[AccountType | UserErrors, strawberry.union("AccountResult")]
UserResult = Annotated[UserType | UserErrors, strawberry.union("UserResult")]
TokenResult = Annotated[CreatedApiToken | UserErrors, strawberry.union("CreateTokenResult")]
RevokeResult = Annotated[ApiTokenType | UserErrors, strawberry.union("RevokeTokenResult")]


async def viewer_of(info: Info) -> Viewer:
    v = info.context.viewer
    account = None
    if v.user is not None and v.user.account_id is not None:
        row = await models.Account.get_or_none(id=v.user.account_id)
        account = AccountType.of(row) if row else None
    return Viewer(
        user=UserType.of(v.user) if v.user else None,
        account=account,
        is_operator=v.is_operator,
        is_telephony=v.is_telephony,
    )


def _set_session_cookie(info: Info, token: str | None) -> None:
    config = info.context.config
    if token is None:
        info.context.response.delete_cookie(auth.SESSION_COOKIE, path="/")
        return
    info.context.response.set_cookie(
        auth.SESSION_COOKIE,
        token,
        max_age=config.session_days * 86400,
        httponly=True,
        samesite="lax",
        secure=config.cookie_secure,
        path="/",
    )


@strawberry.type
class Query:
    @strawberry.field(description="Who is calling; null fields when not signed in.")
    async def me(self, info: Info) -> Viewer:
        return await viewer_of(info)

    @strawberry.field(
        description="One account: operators any, customers only their own (else null).",
        permission_classes=[IsSignedIn],
    )
    async def account(self, info: Info, id: strawberry.ID) -> AccountType | None:
        row = await models.Account.filter(id=parse_id(id, "id")).first()
        viewer = info.context.viewer
        if row is None or (not viewer.is_operator and row.id != viewer.account_id):
            return None
        return AccountType.of(row)

    @strawberry.field(description="All customer accounts (operators).", permission_classes=[IsOperator])
    async def accounts(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        search: str | None = None,
        low_balance: Annotated[
            bool | None,
            strawberry.argument(description="True: only balances at or below the R8 notice line (35 元)."),
        ] = None,
    ) -> AccountConnection:
        query = service.search_accounts(search)
        if low_balance is not None:
            key = "balance_fen__lte" if low_balance else "balance_fen__gt"
            query = query.filter(**{key: WARN_AT_FEN})
        return await page_by_id(
            AccountConnection,
            query,
            first=first,
            after=after,
            nodes=lambda rows: [AccountType.of(r) for r in rows],
        )

    @strawberry.field(
        description="The caller's own API tokens (operators: all tokens).", permission_classes=[IsSignedIn]
    )
    async def api_tokens(self, info: Info) -> list[ApiTokenType]:
        viewer = info.context.viewer
        query = (
            models.ApiToken.all()
            if viewer.is_operator
            else models.ApiToken.filter(user_id=info.context.user.id)
        )
        return [ApiTokenType.of(r) for r in await query.order_by("id")]


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description=(
            "A prospect opens an account (company) with its first user and is signed in. Limited per "
            "client address and browser: too_many_signups carries retryAfter."
        ),
        extensions=[ReturnsUserErrors()],
    )
    async def sign_up(
        self, info: Info, company_name: str, login: str, password: str, display_name: str
    ) -> AuthResult:
        request = info.context.request
        cookie = request.cookies.get(signup_limits.DEVICE_COOKIE, "")
        if not 20 <= len(cookie) <= 100:  # none yet, or not one of ours: this browser gets a new one
            cookie = secrets.token_urlsafe(32)
            info.context.response.set_cookie(
                signup_limits.DEVICE_COOKIE,
                cookie,
                max_age=400 * 86400,  # the longest browsers keep a cookie
                httponly=True,
                samesite="lax",
                secure=info.context.config.cookie_secure,
                path="/",
            )
        try:
            _, user = await signup_service.sign_up(
                company_name=company_name,
                login=login,
                password=password,
                display_name=display_name,
                address=request.client.host if request.client else "",
                device=signup_limits.device_id(cookie),
                limits=signup_limits.limits_of(info.context.config),
            )
        except signup_limits.TooManySignups as refused:
            info.context.response.headers["Retry-After"] = str(refused.retry_after)
            raise
        return await _start_session(info, user)

    @strawberry.mutation(
        description="Password sign-in; sets the session cookie.", extensions=[ReturnsUserErrors()]
    )
    async def login(self, info: Info, login: str, password: str) -> AuthResult:
        request = info.context.request
        address = request.client.host if request.client else ""
        try:
            user = await service.check_credentials(
                login, password, address, throttle.limits_of(info.context.config)
            )
        except throttle.TooManyAttempts as refused:
            info.context.response.headers["Retry-After"] = str(refused.retry_after)
            raise
        return await _start_session(info, user)

    @strawberry.mutation
    async def logout(self, info: Info) -> bool:
        token = info.context.request.cookies.get(auth.SESSION_COOKIE)
        if token:
            await models.Session.filter(id=auth.hash_secret(token)).delete()
        _set_session_cookie(info, None)
        return True

    @strawberry.mutation(
        description="Change one's own password; every other session of the user is signed out.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def change_password(self, info: Info, current_password: str, new_password: str) -> UserResult:
        request = info.context.request
        token = request.cookies.get(auth.SESSION_COOKIE)
        await service.change_password(
            info.context.user,
            current_password,
            new_password,
            address=request.client.host if request.client else "",
            limits=throttle.limits_of(info.context.config),
            keep_session=auth.hash_secret(token) if token else None,
        )
        return UserType.of(info.context.user)

    @strawberry.mutation(
        description="Operators open an account for a customer, with its first user.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsOperator],
    )
    async def create_account(
        self, info: Info, company_name: str, login: str, password: str, display_name: str
    ) -> AccountResult:
        account, _ = await service.create_account_with_user(
            company_name=company_name, login=login, password=password, display_name=display_name
        )
        return AccountType.of(account)

    @strawberry.mutation(
        description="Add a user to an account: operators to any, customers to their own.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def create_customer_user(
        self, info: Info, account_id: strawberry.ID, login: str, password: str, display_name: str
    ) -> UserResult:
        viewer = info.context.viewer
        account = await models.Account.filter(id=parse_id(account_id, "accountId")).first()
        if account is None or (not viewer.is_operator and account.id != viewer.account_id):
            raise UserError("not_found", "未找到该账户", "accountId")
        user = await service.create_user(
            login=login,
            password=password,
            display_name=display_name,
            role=models.Role.CUSTOMER,
            account=account,
        )
        return UserType.of(user)

    @strawberry.mutation(
        description="A bearer token acting as the caller, for scripts.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def create_api_token(self, info: Info, name: str) -> TokenResult:
        return await _issue(name, models.TokenScope.USER, info.context.user, info.context.user)

    @strawberry.mutation(
        description="Operators: a token for the telephony layer (fetch flows, report calls only).",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsOperator],
    )
    async def create_service_token(self, info: Info, name: str) -> TokenResult:
        return await _issue(name, models.TokenScope.TELEPHONY, None, info.context.user)

    @strawberry.mutation(extensions=[ReturnsUserErrors()], permission_classes=[IsSignedIn])
    async def revoke_api_token(self, info: Info, id: strawberry.ID) -> RevokeResult:
        viewer = info.context.viewer
        query = models.ApiToken.filter(id=parse_id(id, "id"))
        if not viewer.is_operator:
            query = query.filter(user_id=info.context.user.id)
        row = await query.first()
        if row is None:
            raise UserError("not_found", "未找到该令牌", "id")
        if row.revoked_at is None:
            row.revoked_at = utcnow()
            await row.save(update_fields=["revoked_at"])
        return ApiTokenType.of(row)


async def _start_session(info: Info, user: models.User) -> Viewer:
    token = await auth.create_session(user, info.context.config.session_days)
    _set_session_cookie(info, token)
    info.context.viewer = auth.Viewer(user=user, scope=models.TokenScope.USER)
    return await viewer_of(info)


async def _issue(
    name: str, scope: models.TokenScope, user: models.User | None, created_by: models.User | None
) -> CreatedApiToken:
    name = name.strip()
    if not name or len(name) > 100:
        raise UserError("required", "请填写令牌名称(不超过100个字)", "name")
    row, secret = await auth.create_api_token(name=name, scope=scope, user=user, created_by=created_by)
    return CreatedApiToken(token=ApiTokenType.of(row), secret=secret)
