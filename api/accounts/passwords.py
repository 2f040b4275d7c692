"""Password hashing with argon2id, off the event loop; verification never raises on a malformed hash.

argon2 is deliberately slow (tens of milliseconds and 64 MiB per hash at the production cost), so it
runs in a worker thread: a sign-in never stalls the other requests the process is serving. The cost
comes from the configuration (``PASSWORD_TIME_COST``, ``PASSWORD_MEMORY_KIB``) so production keeps
argon2's recommended cost while the test suite hashes cheaply; a stored hash carries its own cost, so
changing it never locks anyone out.
"""

from __future__ import annotations

import asyncio
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from api.config import Config

__all__ = [
    "MAX_PASSWORD_LENGTH",
    "MIN_PASSWORD_LENGTH",
    "configure_hashing",
    "hash_password",
    "verify_password",
]

MIN_PASSWORD_LENGTH = 8
#: Longer input is refused before hashing: nobody types more, and hashing megabytes is a free DoS.
MAX_PASSWORD_LENGTH = 256

_cost: tuple[int, int] = (Config.password_time_cost, Config.password_memory_kib)


def configure_hashing(config: Config) -> None:
    """Hash new passwords at the configured cost (the app and the command line call this on start)."""
    global _cost
    _cost = (config.password_time_cost, config.password_memory_kib)


@cache
def _hasher(time_cost: int, memory_kib: int) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_kib)


@cache
def _dummy_hash(time_cost: int, memory_kib: int) -> str:
    # Verified against when the login does not exist, so timing does not reveal which logins do.
    return _hasher(time_cost, memory_kib).hash("not-a-real-password")


def _hash(password: str) -> str:
    return _hasher(*_cost).hash(password)


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher(*_cost).verify(password_hash or _dummy_hash(*_cost), password) and (
            password_hash is not None
        )
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches; ``None`` (no such user) costs the same and is never a match."""
    return await asyncio.to_thread(_verify, password_hash, password)
