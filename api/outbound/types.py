"""GraphQL types of flows' HTTP requests: allowlisted hosts, account secrets (never their values), test results."""

from __future__ import annotations

import datetime as dt

import strawberry

from api.clock import to_local
from api.outbound.models import AllowedHost
from api.outbound.secrets import SecretInfo
from telephony.http_step import StepResult


@strawberry.type(
    name="HttpAllowedHost",
    description="A host flows may ask over plain http or on a non-public address (operators' allowlist).",
)
class AllowedHostType:
    host: str
    note: str
    created_at: dt.datetime

    @classmethod
    def of(cls, row: AllowedHost) -> AllowedHostType:
        return cls(host=row.host, note=row.note, created_at=to_local(row.created_at))


@strawberry.type(name="HttpHostRemoved")
class HostRemoved:
    host: str


@strawberry.type(
    name="AccountSecret",
    description="An API key or token flows send to one host; its value is write-only and never returned.",
)
class AccountSecretType:
    name: str
    host: str = strawberry.field(description="The only host the secret is ever sent to.")
    set_at: dt.datetime

    @classmethod
    def of(cls, info: SecretInfo) -> AccountSecretType:
        assert isinstance(info.set_at, dt.datetime)
        return cls(name=info.name, host=info.host, set_at=to_local(info.set_at))


@strawberry.type(name="AccountSecretDeleted")
class SecretDeleted:
    name: str


@strawberry.type(name="HttpMappedValue", description="A flow variable and the value the answer gave it.")
class MappedValue:
    variable: str
    value: str


@strawberry.type(
    name="HttpTestResult",
    description="How a test request of an HTTP request node ended: the exit a call would take "
    "(success, failure, timeout), the HTTP status, the mapped values and a Chinese reason.",
)
class HttpTestResultType:
    outcome: str
    status: int | None
    values: list[MappedValue]
    error: str

    @classmethod
    def of(cls, result: StepResult) -> HttpTestResultType:
        values = [MappedValue(variable=k, value=v) for k, v in result.values.items()]
        return cls(outcome=result.outcome, status=result.status, values=values, error=result.error)
