"""A prospect's self-service sign-up: checked, counted against its address and browser, then created."""

from __future__ import annotations

from api.accounts.models import Account, User
from api.accounts.service import check_new_account, create_account_with_user
from api.signups.limits import SignupLimits, claim_signup
from api.signups.models import Signup

__all__ = ["sign_up"]


async def sign_up(
    *,
    company_name: str,
    login: str,
    password: str,
    display_name: str,
    address: str,
    device: str | None,
    limits: SignupLimits,
) -> tuple[Account, User]:
    """Open an account with its first user for a client at ``address`` using browser ``device``.

    Raises:
        UserError: wrong input (checked first, so it uses up nothing), ``too_many_signups`` over a
            limit (with ``retry_after``), ``login_taken``.
    """
    fields = {
        "company_name": company_name,
        "login": login,
        "password": password,
        "display_name": display_name,
    }
    await check_new_account(**fields)
    claim = await claim_signup(address, device, limits)
    try:
        account, user = await create_account_with_user(**fields)
    except BaseException:
        await Signup.filter(id=claim.id).delete()
        raise
    await Signup.filter(id=claim.id).update(account_id=account.id)
    return account, user
