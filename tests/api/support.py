"""Test helpers for the API: a GraphQL client over ASGI and ways to get signed-in users."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx

from api.accounts.models import Role, User
from api.accounts.service import create_account_with_user, create_user
from api.config import Config

PASSWORD = "correct-horse-400"


@dataclass
class Client:
    """A signed-in (or anonymous) GraphQL client talking to the app in-process over ASGI."""

    http: httpx.AsyncClient
    user: User | None = None

    async def gql(
        self, query: str, variables: dict[str, Any] | None = None, **headers: str
    ) -> dict[str, Any]:
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        body = response.json()
        return body

    async def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The data of a query that must succeed without top-level errors."""
        body = await self.gql(query, variables)
        assert "errors" not in body, json.dumps(body["errors"], ensure_ascii=False)
        return body["data"]


@dataclass
class Env:
    config: Config
    app: Any

    def client(self, **headers: str) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.app), base_url="http://test", headers=headers
        )

    async def login(self, user: User) -> Client:
        http = self.client()
        body = await Client(http).gql(
            "mutation($l:String!,$p:String!){login(login:$l,password:$p){__typename}}",
            {"l": user.login, "p": PASSWORD},
        )
        assert body["data"]["login"]["__typename"] == "Viewer", body
        return Client(http, user)

    def anonymous(self) -> Client:
        return Client(self.client())

    async def operator(self, login: str = "operator1") -> Client:
        user = await create_user(
            login=login, password=PASSWORD, display_name="运营", role=Role.OPERATOR, account=None
        )
        return await self.login(user)

    async def customer(self, login: str, company: str | None = None) -> Client:
        _, user = await create_account_with_user(
            company_name=company or f"{login}公司", login=login, password=PASSWORD, display_name=login
        )
        return await self.login(user)


async def gql_upload(
    client: Client, query: str, variables: dict[str, Any], files: dict[str, tuple[str, bytes]]
) -> dict[str, Any]:
    """A GraphQL multipart request (files keyed by variable path, e.g. ``documents.businessLicence``)."""
    operations = json.dumps({"query": query, "variables": variables})
    mapping = {str(i): [f"variables.{path}"] for i, path in enumerate(files)}
    parts = {str(i): (name, data) for i, (name, data) in enumerate(files.values())}
    response = await client.http.post(
        "/graphql",
        data={"operations": operations, "map": json.dumps(mapping)},
        files=parts,
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    return response.json()
