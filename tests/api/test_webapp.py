"""The built web app at /: client-route fallback, real 404s, cache headers, and GraphiQL served offline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from api.app import create_app
from api.config import Config
from api.webapp import IMMUTABLE
from tests.api.support import Env

INDEX = "<!doctype html><title>400 热线</title><div id=root></div>"
GRAPHIQL = "<!doctype html><title>GraphiQL</title><script src=/assets/graphiql-1a2b3c.js></script>"


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text(INDEX)
    (root / "graphiql.html").write_text(GRAPHIQL)
    (root / "assets" / "index-4f5e6d.js").write_text("console.log('app')")
    (root / "favicon.svg").write_text("<svg/>")
    (tmp_path / "secret.txt").write_text("outside")
    return root


def _app(env: Env, dist: Path, **changes: Any) -> Any:
    config = Config(**{**env.config.__dict__, "web_dist": dist, **changes})
    return create_app(config, run_jobs=False, manage_orm=False)


async def test_client_routes_get_the_uncached_index(env: Env, dist: Path) -> None:
    env.app = _app(env, dist)
    async with env.client() as http:
        for path in ("/", "/flows", "/flows/12/editor", "/login"):
            page = await http.get(path)
            assert page.status_code == 200, path
            assert page.text == INDEX
            assert page.headers["cache-control"] == "no-cache"
            assert page.headers["content-type"].startswith("text/html")


async def test_hashed_assets_are_cached_for_good_and_missing_files_are_404(env: Env, dist: Path) -> None:
    env.app = _app(env, dist)
    async with env.client() as http:
        asset = await http.get("/assets/index-4f5e6d.js")
        assert asset.status_code == 200
        assert asset.headers["cache-control"] == IMMUTABLE
        assert "javascript" in asset.headers["content-type"]
        assert (await http.get("/favicon.svg")).headers["cache-control"] == "no-cache"
        for missing in ("/assets/index-000000.js", "/assets/gone", "/robots.txt", "/flows/export.json"):
            response = await http.get(missing)
            assert response.status_code == 404, missing
            assert INDEX not in response.text
        assert (await http.get("/%2e%2e/secret.txt")).status_code == 404
        assert (await http.get("/assets/..%2f..%2fsecret.txt")).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/favicon.svg%00.html",  # an embedded NUL byte: no file can have the name
        "/graphiql.html%00",
        "/assets/index-4f5e6d.js%00",
        f"/assets/{'a' * 5000}.js",  # longer than the file system allows a name to be
        f"/{'a/' * 3000}x.js",
    ],
)
async def test_a_name_no_file_can_have_is_not_found(env: Env, dist: Path, path: str) -> None:
    env.app = _app(env, dist)
    async with env.client() as http:
        response = await http.get(path)
        assert response.status_code == 404, response.text
        assert INDEX not in response.text
        assert (await http.get("/favicon.svg")).status_code == 200


async def test_api_routes_win_over_the_app(env: Env, dist: Path) -> None:
    env.app = _app(env, dist)
    async with env.client() as http:
        assert (await http.get("/healthz")).json() == {"status": "ok"}
        assert (await http.get("/documents/1")).status_code == 401
        body = (await http.post("/graphql", json={"query": "{me{isOperator}}"})).json()
        assert body == {"data": {"me": {"isOperator": False}}}


async def test_graphiql_is_our_own_build_not_a_cdn_page(env: Env, dist: Path) -> None:
    env.app = _app(env, dist)
    async with env.client(accept="text/html") as http:
        page = await http.get("/graphql")
        assert page.status_code == 200
        assert page.text == GRAPHIQL
        assert "cdn" not in page.text.lower() and "unpkg" not in page.text.lower()
        assert (await http.get("/graphiql.html")).status_code == 200


async def test_graphiql_switched_off_serves_neither_page(env: Env, dist: Path) -> None:
    env.app = _app(env, dist, graphiql=False)
    async with env.client(accept="text/html") as http:
        assert (await http.get("/graphql")).status_code == 404
        assert (await http.get("/graphiql.html")).status_code == 404
        assert (await http.get("/flows")).status_code == 200


async def test_an_unbuilt_app_says_how_to_build_it(env: Env, tmp_path: Path) -> None:
    env.app = _app(env, tmp_path / "nothing")
    async with env.client(accept="text/html") as http:
        page = await http.get("/")
        assert page.status_code == 503
        assert "scripts/setup" in page.text
        assert (await http.get("/graphql")).status_code == 503
