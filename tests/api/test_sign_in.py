"""Signing in: input checked before anything else, nothing raw in the log, hashing off the event loop,
and failed attempts throttled per login (a lock) and per address (a slow-down, never a lock on a right
password), so an office behind one address keeps signing in while a guesser there is held back."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import httpx
import pytest

from api.accounts import passwords
from api.accounts.models import LoginFailure, Role
from api.accounts.service import create_user
from api.accounts.throttle import address_key, login_key
from api.app import create_app
from api.clock import set_clock
from api.config import Config, load_config
from api.jobs import run_jobs_once
from tests.api.support import PASSWORD, Env

LOGIN = """mutation($l:String!,$p:String!){login(login:$l,password:$p){__typename
  ... on Viewer{user{login}} ... on UserErrors{errors{code field message retryAfter}}}}"""
#: The defaults (``LOGIN_ACCOUNT_FREE_FAILURES``, ``LOGIN_ADDRESS_FREE_FAILURES``).
LOGIN_FREE = 5
ADDRESS_FREE = 30


@pytest.fixture
async def env(config: Config) -> AsyncIterator[Env]:
    """The service without the slow-down's delay (one test puts it back): the answers are the same."""
    assert (config.login_account_free_failures, config.login_address_free_failures) == (
        LOGIN_FREE,
        ADDRESS_FREE,
    )
    yield Env(
        config, create_app(replace(config, login_slow_down_seconds=0), run_jobs=False, manage_orm=False)
    )
    await asyncio.sleep(0)


def _from(env: Env, address: str) -> httpx.AsyncClient:
    """A client whose connection comes from ``address``."""
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=env.app, client=(address, 50000)), base_url="http://test"
    )


async def _login(http: httpx.AsyncClient, login: str, password: str) -> tuple[dict[str, Any], httpx.Response]:
    response = await http.post("/graphql", json={"query": LOGIN, "variables": {"l": login, "p": password}})
    body = response.json()
    assert "errors" not in body, body
    return body["data"]["login"], response


async def _user(login: str = "wang") -> None:
    await create_user(login=login, password=PASSWORD, display_name="王", role=Role.OPERATOR, account=None)


@pytest.mark.parametrize(
    ("login", "password", "code", "field"),
    [
        ("x" * 121, "whatever-pass", "invalid_login", "login"),
        ("", "whatever-pass", "invalid_login", "login"),
        ("wang\x00", "whatever-pass", "invalid_login", "login"),
        ("wang\nroot", "whatever-pass", "invalid_login", "login"),
        ("wang", "p" * 257, "password_too_long", "password"),
    ],
)
async def test_oversized_input_is_a_user_error(
    env: Env, login: str, password: str, code: str, field: str
) -> None:
    async with env.client() as http:
        result, _ = await _login(http, login, password)
    assert result["__typename"] == "UserErrors"
    assert (result["errors"][0]["code"], result["errors"][0]["field"]) == (code, field)


async def test_raw_input_never_reaches_the_log(env: Env, caplog: pytest.LogCaptureFixture) -> None:
    forged = "x\nERROR forged line\n" * 60_000  # ~1 MB with newlines
    with caplog.at_level(logging.DEBUG):
        async with env.client() as http:
            result, _ = await _login(http, forged, forged)
    assert result["__typename"] == "UserErrors"
    text = "\n".join(logging.Formatter().format(r) for r in caplog.records)
    assert "forged line" not in text


async def test_an_unexpected_error_quoting_input_is_logged_on_one_escaped_line(
    env: Env, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from api.numbers import queries

    async def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("bad value 'a\nERROR forged line" + "y" * 100_000 + "'")

    monkeypatch.setattr(queries, "available_numbers", broken)
    client = await env.customer("acme")
    with caplog.at_level(logging.ERROR, logger="api.graphql"):
        body = await client.gql("{availableNumbers{totalCount}}")
    assert body["errors"][0]["extensions"]["code"] == "INTERNAL"
    [record] = [r for r in caplog.records if r.name == "api.graphql"]
    formatted = logging.Formatter().format(record)
    assert "\nERROR forged line" not in formatted and "a\\nERROR forged line" in formatted
    assert len(formatted) < 10_000
    assert "ValueError" in formatted and "broken" in formatted  # still useful: the type and the stack


async def test_repeated_failures_lock_the_login_with_retry_after(env: Env) -> None:
    await _user()
    async with _from(env, "203.0.113.9") as attacker:
        for _ in range(LOGIN_FREE):
            result, _ = await _login(attacker, "wang", "wrong-password")
            assert result["errors"][0]["code"] == "invalid_credentials"
        result, _ = await _login(attacker, "wang", "wrong-password")  # one more failure starts the wait
        assert result["errors"][0]["code"] == "invalid_credentials"
        refused, response = await _login(attacker, "wang", PASSWORD)  # even the right password waits
    [error] = refused["errors"]
    assert error["code"] == "too_many_attempts"
    assert "请" in error["message"] and "后再试" in error["message"]
    assert 0 < int(response.headers["retry-after"]) <= 30
    assert error["retryAfter"] == int(response.headers["retry-after"])


async def test_a_targeted_login_is_locked_from_every_address_and_only_that_login(env: Env) -> None:
    await _user()
    await _user("liu")
    for i in range(LOGIN_FREE + 1):  # a guesser rotating addresses gains nothing
        async with _from(env, f"203.0.113.{i + 1}") as attacker:
            await _login(attacker, "wang", "wrong-password")
    async with _from(env, "198.51.100.7") as elsewhere:
        refused, response = await _login(elsewhere, "wang", PASSWORD)
        assert refused["errors"][0]["code"] == "too_many_attempts"
        assert int(response.headers["retry-after"]) > 0
        assert (await _login(elsewhere, "liu", PASSWORD))[0]["__typename"] == "Viewer"
    async with _from(env, "203.0.113.1") as attacker:  # nor is the guessers' address locked for others
        assert (await _login(attacker, "liu", PASSWORD))[0]["__typename"] == "Viewer"


async def test_a_success_clears_the_count_of_its_login(env: Env) -> None:
    await _user()
    async with _from(env, "198.51.100.7") as owner:
        for _ in range(LOGIN_FREE):
            await _login(owner, "wang", "typo-password")
        assert (await _login(owner, "wang", PASSWORD))[0]["__typename"] == "Viewer"
        for _ in range(LOGIN_FREE):
            assert (await _login(owner, "wang", "typo-password"))[0]["errors"][0]["code"] == (
                "invalid_credentials"
            )
    assert await LoginFailure.all().count() == 2  # the login and the address; nothing holds a login in clear


async def test_a_burst_of_parallel_guesses_gets_no_more_than_the_free_attempts(env: Env) -> None:
    await _user()
    async with _from(env, "203.0.113.9") as attacker:
        results = await asyncio.gather(*(_login(attacker, "wang", f"guess-{i:04d}") for i in range(20)))
    codes = [result["errors"][0]["code"] for result, _ in results]
    assert codes.count("invalid_credentials") <= LOGIN_FREE + 1
    assert codes.count("too_many_attempts") >= 20 - LOGIN_FREE - 1


async def test_after_the_wait_one_more_attempt_is_allowed_and_the_next_wait_is_longer(env: Env) -> None:
    await _user()
    async with _from(env, "203.0.113.9") as attacker:
        for _ in range(LOGIN_FREE + 1):
            await _login(attacker, "wang", "wrong-password")
        first_wait = int((await _login(attacker, "wang", "wrong-password"))[1].headers["retry-after"])
        set_clock(dt.timedelta(seconds=first_wait + 1))
        try:
            allowed, _ = await _login(attacker, "wang", "wrong-password")
            assert allowed["errors"][0]["code"] == "invalid_credentials"
            refused, response = await _login(attacker, "wang", "wrong-password")
        finally:
            set_clock(dt.timedelta(0))
    assert refused["errors"][0]["code"] == "too_many_attempts"
    assert int(response.headers["retry-after"]) > first_wait


async def test_an_address_spraying_many_logins_is_slowed_but_a_right_password_still_signs_in(
    env: Env,
) -> None:
    await _user()
    async with _from(env, "203.0.113.9") as stuffer:
        for i in range(ADDRESS_FREE):
            result, _ = await _login(stuffer, f"guess{i:03d}", "wrong-password")
            assert result["errors"][0]["message"] == "登录名或密码错误"
        slowed, response = await _login(stuffer, "guess-next", "wrong-password")
        [error] = slowed["errors"]
        assert error["code"] == "invalid_credentials" and "等待" in error["message"]
        assert "retry-after" not in response.headers  # not a lock: nothing to wait for before trying
        result, response = await _login(stuffer, "wang", PASSWORD)
    assert result["__typename"] == "Viewer"
    assert "retry-after" not in response.headers


async def test_each_failure_of_a_slowed_address_is_answered_after_the_delay(config: Config) -> None:
    slow = Env(
        config, create_app(replace(config, login_slow_down_seconds=0.3), run_jobs=False, manage_orm=False)
    )
    await _user()
    async with _from(slow, "203.0.113.9") as stuffer:
        for i in range(ADDRESS_FREE):
            await _login(stuffer, f"guess{i:03d}", "wrong-password")
        started = time.monotonic()
        await _login(stuffer, "guess-next", "wrong-password")
        assert time.monotonic() - started >= 0.3


async def test_an_office_signs_in_while_a_guesser_at_its_address_sprays_wrong_passwords(env: Env) -> None:
    """Twenty colleagues behind one NAT address, and a guesser at the same address spraying logins (some
    unknown, some real accounts of other companies): every colleague gets in at the first try, the
    guesser's failures are slowed, and each account it keeps guessing at gets locked."""
    office_address = "198.51.100.20"
    colleagues = [f"staff{i:02d}" for i in range(20)]
    for login in colleagues:
        await _user(login)
    victims = [f"victim{i}" for i in range(3)]
    for login in victims:
        await _user(login)
    # Every fourth guess at a real account (ten at each), the others at logins that do not exist.
    guesses = iter([victims[k // 4 % 3] if k % 4 == 0 else f"nobody{k:03d}" for k in range(120)])

    guesser_codes: list[str] = []
    guesser_messages: list[str] = []

    async def guess(http: httpx.AsyncClient, n: int) -> None:
        for _ in range(n):
            result, _ = await _login(http, next(guesses), "Password123")
            guesser_codes.append(result["errors"][0]["code"])
            guesser_messages.append(result["errors"][0]["message"])

    async with _from(env, office_address) as guesser:
        signed_in: list[str] = []
        for i, login in enumerate(colleagues):
            await guess(guesser, 5)  # the guesser runs between and beside the colleagues' sign-ins
            async with _from(env, office_address) as colleague:
                if i % 2:
                    (result, response), _ = await asyncio.gather(
                        _login(colleague, login, PASSWORD), guess(guesser, 2)
                    )
                else:
                    result, response = await _login(colleague, login, PASSWORD)
            assert result["__typename"] == "Viewer", (login, result)
            assert "retry-after" not in response.headers
            signed_in.append(login)
    assert signed_in == colleagues
    assert len(guesser_codes) == 20 * 5 + 10 * 2
    # Every failure past the address's free ones is slowed, and the real accounts it kept guessing at
    # are locked (their own owners wait, as they would from any address).
    failures = [m for c, m in zip(guesser_codes, guesser_messages, strict=True) if c == "invalid_credentials"]
    assert not any("等待" in m for m in failures[:ADDRESS_FREE])
    assert all("等待" in m for m in failures[ADDRESS_FREE:]) and len(failures) > ADDRESS_FREE
    assert guesser_codes.count("too_many_attempts") >= 3 * (10 - LOGIN_FREE - 1)
    async with _from(env, "192.0.2.50") as owner:
        assert (await _login(owner, "victim0", PASSWORD))[0]["errors"][0]["code"] == "too_many_attempts"
    address_row = await LoginFailure.get(key=address_key(office_address))
    assert address_row.failures == sum(c == "invalid_credentials" for c in guesser_codes)


async def test_after_the_waits_end_a_right_password_sets_no_new_wait(env: Env) -> None:
    """Once an address's slow-down and a login's lock have run out, successful sign-ins from that
    address start nothing: the next colleague, and the next, sign in without a Retry-After."""
    office_address = "198.51.100.20"
    for login in ("wang", *(f"staff{i:02d}" for i in range(20))):
        await _user(login)
    async with _from(env, office_address) as guesser:
        for i in range(ADDRESS_FREE + 5):
            await _login(guesser, f"guess{i:03d}", "wrong-password")
        for _ in range(LOGIN_FREE + 1):
            await _login(guesser, "wang", "wrong-password")
    address_before = await LoginFailure.get(key=address_key(office_address))
    assert address_before.blocked_until is not None
    set_clock(dt.timedelta(hours=0, minutes=31))  # past the longest wait of either
    try:
        async with _from(env, office_address) as office:
            for i in range(20):
                result, response = await _login(office, f"staff{i:02d}", PASSWORD)
                assert result["__typename"] == "Viewer", result
                assert "retry-after" not in response.headers
            result, response = await _login(office, "wang", PASSWORD)
            assert result["__typename"] == "Viewer", result
            result, response = await _login(office, "staff00", PASSWORD)  # and again: nothing was set
            assert result["__typename"] == "Viewer", result
    finally:
        set_clock(dt.timedelta(0))
    address_after = await LoginFailure.get(key=address_key(office_address))
    assert (address_after.failures, address_after.blocked_until) == (
        address_before.failures,
        address_before.blocked_until,
    )
    assert not await LoginFailure.filter(key=login_key("wang")).exists()


async def test_old_failures_are_forgotten_by_the_jobs(env: Env) -> None:
    await _user()
    async with _from(env, "203.0.113.9") as http:
        await _login(http, "wang", "wrong-password")
    assert await LoginFailure.all().count() == 2
    set_clock(dt.timedelta(days=2))
    try:
        assert (await run_jobs_once(env.config))["forget_login_failures"] == 2
    finally:
        set_clock(dt.timedelta(0))
    assert await LoginFailure.all().count() == 0


async def test_a_query_is_answered_while_a_password_is_being_hashed(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _user()
    started, release = threading.Event(), threading.Event()
    verify = passwords._verify

    def held_verify(password_hash: str | None, password: str) -> bool:
        started.set()
        release.wait(30)  # a safety net only: the test releases it
        return verify(password_hash, password)

    monkeypatch.setattr(passwords, "_verify", held_verify)
    async with env.client() as signing_in, env.client() as other:
        login = asyncio.create_task(_login(signing_in, "wang", PASSWORD))
        assert await asyncio.to_thread(started.wait, 30)
        # Had the hash run on the event loop, nothing else would run until it finished.
        answered = (await other.post("/graphql", json={"query": "{me{isOperator}}"})).json()
        assert answered == {"data": {"me": {"isOperator": False}}}
        assert not login.done()
        release.set()
        assert (await login)[0]["__typename"] == "Viewer"


def test_production_keeps_argon2s_cost_and_tests_configure_a_cheap_one(config: Config) -> None:
    production = load_config({"DATA_DIR": str(config.data_dir), "SECRET_KEY": "x"})
    assert (production.password_time_cost, production.password_memory_kib) == (3, 64 * 1024)
    assert (config.password_time_cost, config.password_memory_kib) == (1, 64)
