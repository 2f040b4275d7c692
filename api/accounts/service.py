"""Creating accounts and users, signing in, issuing tokens: the rules, without GraphQL."""

from __future__ import annotations

import asyncio

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from api.accounts import throttle
from api.accounts.models import Account, Role, Session, User
from api.accounts.passwords import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, hash_password, verify_password
from api.errors import UserError, UserErrors

__all__ = [
    "MAX_LOGIN_LENGTH",
    "MAX_SEARCH_LENGTH",
    "change_password",
    "check_credentials",
    "check_new_account",
    "checked_search",
    "create_account_with_user",
    "create_user",
    "search_accounts",
]

MAX_LOGIN_LENGTH = 120  # the column's width
#: Longer than any company name (200): a longer search cannot match, and LIKE patterns have limits.
MAX_SEARCH_LENGTH = 200


def _check_login_and_password(login: str, password: str, display_name: str) -> list[UserError]:
    errors = []
    if not (3 <= len(login) <= MAX_LOGIN_LENGTH) or not login.isprintable() or " " in login:
        errors.append(
            UserError("invalid_login", f"登录名应为3到{MAX_LOGIN_LENGTH}个字符,且不含空格", "login")
        )
    if len(password) < MIN_PASSWORD_LENGTH:
        errors.append(UserError("weak_password", f"密码至少需要{MIN_PASSWORD_LENGTH}位", "password"))
    elif len(password) > MAX_PASSWORD_LENGTH:
        errors.append(UserError("password_too_long", f"密码不能超过{MAX_PASSWORD_LENGTH}个字符", "password"))
    if not display_name.strip() or len(display_name) > 100:
        errors.append(UserError("required", "请填写姓名(不超过100个字)", "displayName"))
    return errors


async def create_user(
    *, login: str, password: str, display_name: str, role: Role, account: Account | None
) -> User:
    login = login.strip().lower()
    errors = _check_login_and_password(login, password, display_name)
    if errors:
        raise UserErrors(errors)
    if await User.filter(login=login).exists():
        raise UserError("login_taken", "该登录名已被使用", "login")
    try:
        return await User.create(
            login=login,
            password_hash=await hash_password(password),
            display_name=display_name.strip(),
            role=role,
            account=account,
        )
    except IntegrityError as exc:  # a concurrent sign-up took the login between the check and the insert
        raise UserError("login_taken", "该登录名已被使用", "login") from exc


async def check_new_account(*, company_name: str, login: str, password: str, display_name: str) -> None:
    """Refuse what :func:`create_account_with_user` would refuse, before anything is written or counted
    (a sign-up with a typo must not use up the address's sign-ups).

    Raises:
        UserErrors: every wrong field at once; ``login_taken`` when the login is in use.
    """
    errors = _check_login_and_password(login.strip().lower(), password, display_name)
    if not company_name.strip() or len(company_name.strip()) > 200:
        errors.insert(0, UserError("required", "请填写公司名称(不超过200个字)", "companyName"))
    if errors:
        raise UserErrors(errors)
    if await User.filter(login=login.strip().lower()).exists():
        raise UserError("login_taken", "该登录名已被使用", "login")


async def create_account_with_user(
    *, company_name: str, login: str, password: str, display_name: str
) -> tuple[Account, User]:
    company_name = company_name.strip()
    if not company_name or len(company_name) > 200:
        raise UserError("required", "请填写公司名称(不超过200个字)", "companyName")
    async with in_transaction():
        account = await Account.create(name=company_name)
        user = await create_user(
            login=login, password=password, display_name=display_name, role=Role.CUSTOMER, account=account
        )
    return account, user


async def check_credentials(login: str, password: str, address: str, limits: throttle.LoginLimits) -> User:
    """The user signing in from ``address``, or a user error; failures are throttled (see ``throttle``).

    Lengths are checked before anything else: no lookup, hash or log line sees an oversized input.

    Raises:
        UserError: ``invalid_login`` / ``password_too_long`` for input no account can have,
            ``invalid_credentials`` for a wrong pair (answered after a delay while the address is
            slowed down), ``too_many_attempts`` (a :class:`throttle.TooManyAttempts` with
            ``retry_after``) while the login is locked.
    """
    login = login.strip().lower()
    if not 1 <= len(login) <= MAX_LOGIN_LENGTH or not login.isprintable():
        raise UserError("invalid_login", f"登录名应为3到{MAX_LOGIN_LENGTH}个字符", "login")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise UserError("password_too_long", f"密码不能超过{MAX_PASSWORD_LENGTH}个字符", "password")
    await throttle.begin_attempt(login, limits)
    user = await User.filter(login=login, is_active=True).first()
    if not await verify_password(user.password_hash if user else None, password) or user is None:
        slowed_for = await throttle.attempt_failed(address, limits)
        if slowed_for is None:
            raise UserError("invalid_credentials", "登录名或密码错误", "password")
        # Not a lock: the next attempt is checked too, but every failure from here costs a wait.
        await asyncio.sleep(limits.slow_down_s)
        raise UserError(
            "invalid_credentials",
            "登录名或密码错误。此网络近期登录失败过多,每次失败都需等待片刻,请核对后再试",
            "password",
        )
    await throttle.attempt_succeeded(login)
    return user


async def change_password(
    user: User,
    current: str,
    new: str,
    *,
    address: str,
    limits: throttle.LoginLimits,
    keep_session: str | None,
) -> None:
    """Set a new password after checking the current one, and sign out the user's other sessions.

    The current password goes through the sign-in check, so guessing it from a stolen session is
    throttled like guessing it at the sign-in page. Ending the other sessions is why people change a
    password: whoever else holds one loses access; the session making the change stays.
    """
    if len(new) < MIN_PASSWORD_LENGTH:
        raise UserError("weak_password", f"新密码至少需要{MIN_PASSWORD_LENGTH}位", "newPassword")
    if len(new) > MAX_PASSWORD_LENGTH:
        raise UserError("password_too_long", f"新密码不能超过{MAX_PASSWORD_LENGTH}个字符", "newPassword")
    try:
        await check_credentials(user.login, current, address, limits)
    except throttle.TooManyAttempts:
        raise
    except UserError as refused:
        raise UserError("invalid_credentials", "当前密码不正确", "currentPassword") from refused
    if new == current:
        raise UserError("same_password", "新密码不能与当前密码相同", "newPassword")
    password_hash = await hash_password(new)  # before the transaction: hashing takes a while
    async with in_transaction() as conn:
        await User.filter(id=user.id).using_db(conn).update(password_hash=password_hash)
        others = Session.filter(user_id=user.id).using_db(conn)
        if keep_session is not None:
            others = others.exclude(id=keep_session)
        await others.delete()


def checked_search(search: str) -> str:
    """Search text as typed into a list's search box, refused when it cannot be meant as one.

    Raises:
        UserError: ``too_long`` beyond ``MAX_SEARCH_LENGTH``, ``invalid_search`` with control characters.
    """
    if len(search) > MAX_SEARCH_LENGTH:
        raise UserError("too_long", f"搜索内容不能超过{MAX_SEARCH_LENGTH}个字", "search")
    if not search.isprintable():
        raise UserError("invalid_search", "搜索内容不能包含控制字符", "search")
    return search


def search_accounts(search: str | None) -> QuerySet[Account]:
    """Accounts whose name contains ``search`` (all when empty)."""
    query = Account.all()
    if not search:
        return query
    return query.filter(name__icontains=checked_search(search))
