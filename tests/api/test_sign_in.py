"""Signing in: input checked before anything else, nothing raw in the log, hashing off the event loop,
and failed attempts throttled per (login, address) and per address without locking the owner out."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
from typing import Any

import httpx
import pytest

from api.accounts import passwords
from api.accounts.models import LoginFailure, Role
from api.accounts.service import create_user
from api.accounts.throttle import ADDRESS_RULE, PAIR_RULE
from api.clock import set_clock
from api.config import Config, load_config
from api.jobs import run_jobs_once
from tests.api.support import PASSWORD, Env

LOGIN = """mutation($l:String!,$p:String!){login(login:$l,password:$p){__typename
  ... on Viewer{user{login}} ... on UserErrors{errors{code field message}}}}"""


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


async def test_repeated_failures_are_throttled_with_retry_after(env: Env) -> None:
    await _user()
    async with _from(env, "203.0.113.9") as attacker:
        for _ in range(PAIR_RULE.free_attempts):
            result, _ = await _login(attacker, "wang", "wrong-password")
            assert result["errors"][0]["code"] == "invalid_credentials"
        result, _ = await _login(attacker, "wang", "wrong-password")  # one more failure starts the wait
        assert result["errors"][0]["code"] == "invalid_credentials"
        refused, response = await _login(attacker, "wang", PASSWORD)  # even the right password waits
    assert refused["errors"][0]["code"] == "too_many_attempts"
    assert "请" in refused["errors"][0]["message"] and "后再试" in refused["errors"][0]["message"]
    assert 0 < int(response.headers["retry-after"]) <= PAIR_RULE.first_wait_s


async def test_the_owner_signs_in_while_another_address_is_being_throttled(env: Env) -> None:
    await _user()
    async with _from(env, "203.0.113.9") as attacker:
        for _ in range(PAIR_RULE.free_attempts + 2):
            await _login(attacker, "wang", "wrong-password")
        assert (await _login(attacker, "wang", PASSWORD))[0]["errors"][0]["code"] == "too_many_attempts"
    async with _from(env, "198.51.100.7") as owner:
        result, response = await _login(owner, "wang", PASSWORD)
    assert result["__typename"] == "Viewer"
    assert "retry-after" not in response.headers


async def test_one_address_trying_many_logins_is_throttled(env: Env) -> None:
    await _user()
    async with _from(env, "203.0.113.9") as stuffer:
        for i in range(ADDRESS_RULE.free_attempts + 1):
            await _login(stuffer, f"guess{i:03d}", "wrong-password")
        result, response = await _login(stuffer, "wang", PASSWORD)
    assert result["errors"][0]["code"] == "too_many_attempts"
    assert int(response.headers["retry-after"]) > 0


async def test_a_success_clears_the_count_of_its_own_address(env: Env) -> None:
    await _user()
    async with _from(env, "198.51.100.7") as owner:
        for _ in range(PAIR_RULE.free_attempts):
            await _login(owner, "wang", "typo-password")
        assert (await _login(owner, "wang", PASSWORD))[0]["__typename"] == "Viewer"
        for _ in range(PAIR_RULE.free_attempts):
            assert (await _login(owner, "wang", "typo-password"))[0]["errors"][0]["code"] == (
                "invalid_credentials"
            )
    assert await LoginFailure.all().count() == 2  # the pair and the address; nothing holds a login in clear


async def test_a_burst_of_parallel_guesses_gets_no_more_than_the_free_attempts(env: Env) -> None:
    await _user()
    async with _from(env, "203.0.113.9") as attacker:
        results = await asyncio.gather(*(_login(attacker, "wang", f"guess-{i:04d}") for i in range(20)))
    codes = [result["errors"][0]["code"] for result, _ in results]
    assert codes.count("invalid_credentials") <= PAIR_RULE.free_attempts + 1
    assert codes.count("too_many_attempts") >= 20 - PAIR_RULE.free_attempts - 1


async def test_after_the_wait_one_more_attempt_is_allowed_and_the_next_wait_is_longer(env: Env) -> None:
    await _user()
    async with _from(env, "203.0.113.9") as attacker:
        for _ in range(PAIR_RULE.free_attempts + 1):
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
