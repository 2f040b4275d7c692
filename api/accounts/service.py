"""Creating accounts and users, signing in, issuing tokens: the rules, without GraphQL."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from api.accounts.models import Account, Role, User
from api.accounts.passwords import MIN_PASSWORD_LENGTH, hash_password, verify_password
from api.errors import UserError, UserErrors

__all__ = ["check_credentials", "create_account_with_user", "create_user"]


def _check_login_and_password(login: str, password: str, display_name: str) -> list[UserError]:
    errors = []
    if not (3 <= len(login) <= 120) or any(c.isspace() for c in login):
        errors.append(UserError("invalid_login", "登录名应为3到120个字符,且不含空格", "login"))
    if len(password) < MIN_PASSWORD_LENGTH:
        errors.append(UserError("weak_password", f"密码至少需要{MIN_PASSWORD_LENGTH}位", "password"))
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
            password_hash=hash_password(password),
            display_name=display_name.strip(),
            role=role,
            account=account,
        )
    except IntegrityError as exc:  # a concurrent sign-up took the login between the check and the insert
        raise UserError("login_taken", "该登录名已被使用", "login") from exc


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


async def check_credentials(login: str, password: str) -> User:
    user = await User.filter(login=login.strip().lower(), is_active=True).first()
    if not verify_password(user.password_hash if user else None, password) or user is None:
        raise UserError("invalid_credentials", "登录名或密码错误", "password")
    return user
