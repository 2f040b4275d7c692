"""Operators' allowlist of hosts, customers' secrets (write-only) and the editor's test request."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.scalars import JSON

from api.graphql.context import Info
from api.graphql.errors import ReturnsUserErrors, UserErrors
from api.graphql.permissions import IsCustomer, IsOperator, IsSignedIn
from api.outbound import allowlist, secrets, testing
from api.outbound.types import (
    AccountSecretType,
    AllowedHostType,
    HostRemoved,
    HttpTestResultType,
    SecretDeleted,
)
from api.visible import visible_flow

AllowedHostResult = Annotated[AllowedHostType | UserErrors, strawberry.union("HttpAllowedHostResult")]
HostRemovedResult = Annotated[HostRemoved | UserErrors, strawberry.union("HttpHostRemovedResult")]
SecretResult = Annotated[AccountSecretType | UserErrors, strawberry.union("AccountSecretResult")]
SecretDeletedResult = Annotated[SecretDeleted | UserErrors, strawberry.union("AccountSecretDeletedResult")]
HttpTestResult = Annotated[HttpTestResultType | UserErrors, strawberry.union("TestHttpRequestResult")]


@strawberry.type
class Query:
    @strawberry.field(
        description="Hosts flows may ask over plain http or on non-public addresses (operators).",
        permission_classes=[IsOperator],
    )
    async def http_allowed_hosts(self, info: Info) -> list[AllowedHostType]:
        return [AllowedHostType.of(r) for r in await allowlist.allowed_hosts()]

    @strawberry.field(
        description="The account's secrets for flows' HTTP requests: names, hosts and when set, never values.",
        permission_classes=[IsCustomer],
    )
    async def account_secrets(self, info: Info) -> list[AccountSecretType]:
        return [AccountSecretType.of(s) for s in await secrets.list_secrets(info.context.account_id)]


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Operators: allow flows to ask this exact host over plain http or on a non-public "
        "address (an intranet CRM, a test server). Agents need the same host in TELEPHONY_HTTP_ALLOW_HOSTS.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsOperator],
    )
    async def allow_http_host(self, info: Info, host: str, note: str = "") -> AllowedHostResult:
        return AllowedHostType.of(await allowlist.allow_host(host, note))

    @strawberry.mutation(extensions=[ReturnsUserErrors()], permission_classes=[IsOperator])
    async def remove_http_host(self, info: Info, host: str) -> HostRemovedResult:
        await allowlist.remove_host(host)
        return HostRemoved(host=host)

    @strawberry.mutation(
        description="Save (or replace) a secret flows send as a bearer token, only ever to `host`. "
        "Write-only: no query returns the value.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsCustomer],
    )
    async def set_account_secret(self, info: Info, name: str, host: str, value: str) -> SecretResult:
        saved = await secrets.set_secret(info.context.config, info.context.account_id, name, host, value)
        return AccountSecretType.of(saved)

    @strawberry.mutation(extensions=[ReturnsUserErrors()], permission_classes=[IsCustomer])
    async def delete_account_secret(self, info: Info, name: str) -> SecretDeletedResult:
        await secrets.delete_secret(info.context.account_id, name)
        return SecretDeleted(name=name)

    @strawberry.mutation(
        description="Send the request of a draft's HTTP request node now, through the same guards as "
        "calls (https only unless allowlisted, no private addresses, no redirects, 3 s, 64 KiB), with "
        "`variables` (name → value) standing in for the call's values.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsSignedIn],
    )
    async def test_http_request(
        self, info: Info, flow_id: strawberry.ID, node_id: str, variables: JSON | None = None
    ) -> HttpTestResult:
        flow = await visible_flow(info, flow_id, "flowId")
        result = await testing.test_request(info.context.config, flow, node_id, variables)
        return HttpTestResultType.of(result)
