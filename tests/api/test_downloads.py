"""File routes (media, recordings, document scans) and the GraphQL endpoint refuse bad requests with
4xx, never 500, and check the caller before reading any row."""

from __future__ import annotations

import json

import pytest

from tests.api.media_support import file_of, text_prompt
from tests.api.support import Env
from tests.sqlcount import count_statements

TOO_BIG = "9223372036854775808"  # 2**63: beyond every integer column


@pytest.mark.parametrize("path", [f"/media/{TOO_BIG}/wav", f"/recordings/{TOO_BIG}/wav", "/media/-1/wav"])
async def test_an_out_of_range_id_is_not_found_for_anyone(env: Env, path: str) -> None:
    customer, operator = await env.customer("acme"), await env.operator()
    for client in (env.anonymous(), customer, operator):
        assert (await client.http.get(path)).status_code == 404


async def test_an_out_of_range_document_id_is_not_found_when_signed_in(env: Env) -> None:
    customer = await env.customer("acme")
    assert (await customer.http.get(f"/documents/{TOO_BIG}")).status_code == 404
    assert (await env.anonymous().http.get(f"/documents/{TOO_BIG}")).status_code == 401


@pytest.mark.parametrize("path", ["/media/{id}/wav", "/recordings/{id}/wav", "/documents/{id}"])
async def test_anonymous_callers_are_turned_away_before_any_row_is_read(env: Env, path: str) -> None:
    acme = await env.customer("acme")
    item = await text_prompt(acme, "您好")
    anonymous = env.anonymous()
    with count_statements() as sql:
        response = await anonymous.http.get(path.format(id=item["id"]))
    assert response.status_code in (401, 404)
    assert sql.statements == []


async def test_the_owner_and_signed_links_still_open_media(env: Env) -> None:
    acme = await env.customer("acme")
    item = await text_prompt(acme, "您好")
    url = file_of(item, "WAV")["url"]
    assert (await env.anonymous().http.get(url)).status_code == 200
    assert (await acme.http.get(url.split("?")[0])).status_code == 200
    assert (await (await env.customer("globex")).http.get(url.split("?")[0])).status_code == 404


#: Expiries no link carries: digits of other scripts (which str.isdigit() admits and int() refuses or
#: reads), more digits than int() converts, signs and underscores.
FORGED_EXPIRIES = (
    "%C2%B2",
    "%E2%91%A0",
    "%D9%A1%D9%A2",
    "1" * 5000,
    "-1",
    "+99999999999",
    "1_000_000_000_000",
)


async def test_a_forged_link_expiry_is_not_found_never_a_crash(env: Env) -> None:
    acme = await env.customer("acme")
    url = file_of(await text_prompt(acme, "您好"), "WAV")["url"]
    path, _, query = url.partition("?")
    signature = dict(p.split("=", 1) for p in query.split("&"))["signature"]
    anonymous = env.anonymous()
    for expires in FORGED_EXPIRIES:
        for forged in (
            f"{path}?expires={expires}&signature={signature}",
            f"{path}?expires={expires}&signature=x",
            f"/recordings/1/wav?expires={expires}&signature=x",
        ):
            assert (await anonymous.http.get(forged)).status_code == 404, forged
    assert (await anonymous.http.get(url)).status_code == 200  # the real link still opens


async def test_a_body_that_is_not_utf8_is_a_bad_request(env: Env) -> None:
    async with env.client() as http:
        response = await http.post(
            "/graphql",
            content=b'{"query":"{me{isOperator}}","variables":{"x":"\xff\xfe"}}',
            headers={"content-type": "application/json"},
        )
    assert response.status_code == 400


@pytest.mark.parametrize("depth", [5_000, 100_000])
async def test_variables_nested_very_deep_are_a_bad_request(env: Env, depth: int) -> None:
    nested = '{"a":' * depth + "1" + "}" * depth
    body = '{"query":"query($v:JSON){me{isOperator}}","variables":{"v":' + nested + "}}"
    async with env.client() as http:
        posted = await http.post(
            "/graphql", content=body.encode(), headers={"content-type": "application/json"}
        )
        shallower = '{"a":' * 1500 + "1" + "}" * 1500  # within a URL's length, beyond the decoder's depth
        got = await http.get(
            "/graphql",
            params={"query": "query($v:JSON){me{isOperator}}", "variables": '{"v":' + shallower + "}"},
        )
    assert posted.status_code == 400
    assert got.status_code == 400
    async with env.client() as http:  # and the service answers the next request
        ok = await http.post("/graphql", json={"query": "{me{isOperator}}"})
    assert json.loads(ok.text) == {"data": {"me": {"isOperator": False}}}
