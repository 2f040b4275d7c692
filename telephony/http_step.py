"""One HTTP request step run for real: the flow's variables in, the guarded request, the mapped values out.

Used by the agent's FastAGI answer during calls (:mod:`telephony.fastagi`) and by the service's test
request from the editor, so a request is built, guarded and read the same way in both. What the request
looks like is the compiled step's (``docs/dialplan.md``, op ``http``); filling the URL and reading the
answer are :mod:`ivr_flows.nodes.http`'s, which the simulator uses too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

from ivr_flows.nodes.http import json_at, request_parts

from .outbound import OutboundError, OutboundPolicy, guarded_request

__all__ = ["Secret", "StepResult", "run_http_step"]


@dataclass(frozen=True)
class Secret:
    """An account secret as a request needs it: its value and the one host it may be sent to."""

    value: str
    host: str


@dataclass(frozen=True)
class StepResult:
    """How a request step ended (the exit taken), the HTTP status, the mapped values and why it failed."""

    outcome: Literal["success", "failure", "timeout"]
    status: int | None = None
    values: dict[str, str] = field(default_factory=dict)
    #: The Chinese reason of a failure or timeout ("" on success).
    error: str = ""


async def run_http_step(
    args: Mapping[str, Any],
    values: Mapping[str, str],
    policy: OutboundPolicy,
    secret: Secret | None = None,
) -> StepResult:
    """Send the request of a compiled ``http`` step and map its answer (never raises for the request).

    A secret goes only to the host it was saved for: the filled URL naming any other host is refused.
    Success is a 2xx answer whose body is JSON; the result paths are read from it ("" where absent).
    """
    url, fields = request_parts(args, values)
    if args.get("secret"):
        host = (urlsplit(url).hostname or "").lower()
        if secret is None:
            return StepResult("failure", error=f"密钥“{args['secret']}”不存在或已删除")
        if host != secret.host.lower():
            return StepResult(
                "failure", error=f"密钥“{args['secret']}”只能发往 {secret.host},不能发往 {host}"
            )
    headers = {"Authorization": f"Bearer {secret.value}"} if args.get("secret") and secret else {}
    method: Literal["GET", "POST"] = "POST" if args["method"] == "POST" else "GET"
    timed = OutboundPolicy(
        **{**policy.__dict__, "timeout_s": min(policy.timeout_s, float(args["timeout_s"]))}
    )
    try:
        response = await guarded_request(
            method,
            url,
            timed,
            query=fields if method == "GET" else None,
            json_body=fields if method == "POST" else None,
            headers=headers,
        )
        if not 200 <= response.status < 300:
            return StepResult("failure", response.status, error=f"客户系统返回 HTTP {response.status}")
        document = response.json()
    except OutboundError as exc:
        outcome: Literal["failure", "timeout"] = "timeout" if exc.kind == "timeout" else "failure"
        return StepResult(outcome, error=exc.message)
    mapped = {variable: json_at(document, path) for path, variable, *_ in args["results"]}
    return StepResult("success", response.status, mapped)
