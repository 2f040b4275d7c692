"""The GraphQL-over-HTTP contract, query limits, configuration switches and masked internal errors."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from api.app import create_app
from api.config import Config
from api.numbers import queries
from tests.api.support import Env

GQL_RESPONSE = "application/graphql-response+json"


async def test_get_runs_queries(env: Env) -> None:
    client = await env.customer("acme")
    response = await client.http.get("/graphql", params={"query": "{me{user{login}}}"})
    assert response.status_code == 200
    assert response.json() == {"data": {"me": {"user": {"login": "acme"}}}}
    assert response.headers["content-type"].startswith("application/json")


async def test_get_may_not_run_mutations(env: Env) -> None:
    client = await env.customer("acme")
    response = await client.http.get("/graphql", params={"query": "mutation{logout}"})
    assert response.status_code in (400, 405)
    assert (await client.data("{me{user{login}}}"))["me"]["user"]["login"] == "acme"


async def test_graphql_response_media_type_and_status_codes(env: Env) -> None:
    async with env.client(accept=GQL_RESPONSE) as http:
        ok = await http.post("/graphql", json={"query": "{me{isOperator}}"})
        assert ok.status_code == 200
        assert ok.headers["content-type"].startswith(GQL_RESPONSE)
        invalid = await http.post("/graphql", json={"query": "{me{noSuchField}}"})
        assert invalid.status_code == 400
        assert "data" not in invalid.json()
        unparsable = await http.post("/graphql", json={"query": "{me{"})
        assert unparsable.status_code == 400
    async with env.client() as http:
        legacy = await http.post("/graphql", json={"query": "{me{noSuchField}}"})
        assert legacy.status_code == 200
        assert legacy.json()["errors"][0]["message"].startswith("Cannot query field 'noSuchField'")


async def test_methods_and_media_types_we_do_not_speak(env: Env) -> None:
    async with env.client() as http:
        put = await http.put("/graphql", json={"query": "{me{isOperator}}"})
        assert put.status_code == 405
        assert put.headers["allow"] == "GET, POST"
        text = await http.post(
            "/graphql", content=b"{me{isOperator}}", headers={"content-type": "text/plain"}
        )
        assert text.status_code == 415
        xml = await http.post(
            "/graphql", json={"query": "{me{isOperator}}"}, headers={"accept": "application/xml"}
        )
        assert xml.status_code == 406
        bad_json = await http.post("/graphql", content=b"{", headers={"content-type": "application/json"})
        assert bad_json.status_code == 400


def _app_with(env: Env, **changes: Any) -> Any:
    config = Config(**{**env.config.__dict__, **changes})
    return create_app(config, run_jobs=False, manage_orm=False)


async def test_introspection_and_graphiql_can_be_switched_off(env: Env) -> None:
    env.app = _app_with(env, graphiql=False, introspection=False)
    async with env.client(accept="text/html") as http:
        assert (await http.get("/graphql")).status_code == 404
    async with env.client() as http:
        body = (await http.post("/graphql", json={"query": "{__schema{types{name}}}"})).json()
    assert "introspection" in body["errors"][0]["message"].lower()


async def test_query_depth_alias_and_token_limits(env: Env) -> None:
    env.app = _app_with(env, max_query_depth=4, max_aliases=3, max_tokens=40)
    client = await env.customer("acme")
    deep = await client.gql("{me{account{numbers{edges{node{account{name}}}}}}}")
    assert "exceeds maximum operation depth" in deep["errors"][0]["message"]
    aliases = await client.gql("{a:me{isOperator} b:me{isOperator} c:me{isOperator} d:me{isOperator}}")
    assert "aliases" in aliases["errors"][0]["message"]
    tokens = await client.gql("{" + " __typename" * 45 + "}")
    assert "token" in tokens["errors"][0]["message"].lower()


async def test_unexpected_errors_are_masked_and_logged_with_the_request_id(
    env: Env, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("connection to 10.0.0.7 failed: password=hunter2")

    monkeypatch.setattr(queries, "available_numbers", broken)
    client = await env.customer("acme")
    with caplog.at_level(logging.ERROR, logger="api.graphql"):
        response = await client.http.post(
            "/graphql",
            json={"query": "{availableNumbers{totalCount}}"},
            headers={"x-request-id": "req-12345678"},
        )
    body = response.json()
    assert response.headers["x-request-id"] == "req-12345678"
    assert body["errors"][0]["message"] == "服务器内部错误,请稍后重试(请求编号 req-12345678)"
    assert "hunter2" not in json.dumps(body)
    assert any("req-12345678" in r.getMessage() and r.exc_info for r in caplog.records)


async def test_user_errors_are_data_not_top_level_errors(env: Env) -> None:
    client = await env.customer("acme")
    body = await client.gql(
        'mutation{reserveNumber(numberId:"abc"){... on UserErrors{errors{code field message}}}}'
    )
    assert "errors" not in body
    assert body["data"]["reserveNumber"]["errors"] == [
        {"code": "invalid_id", "field": "numberId", "message": "ID格式无效"}
    ]
