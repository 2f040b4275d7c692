"""Simulated calls against a draft, a version or a number's live plan, and a flow's stored test cases.

Drafts and versions compile with the number's policies when a number is given, else the defaults
(active, R9 categories). Prompt files are not checked here — a designer may try a flow before the audio
exists; publishing checks them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ValidationError

import ivr_flows
from api.errors import UserError
from api.flows.versions import refusal

__all__ = ["PLACEHOLDER_NUMBER", "call_spec", "compile_document", "run_tests"]

PLACEHOLDER_NUMBER = "4000000000"


def call_spec(
    *,
    caller: str,
    category: str,
    at: dt.datetime | None,
    digits: str,
    phones: dict[str, dict[str, Any]],
    active_calls: int,
) -> ivr_flows.CallSpec:
    """The library's call from GraphQL input; a bad value is a user error naming the field."""
    data: dict[str, Any] = {
        "caller": caller,
        "category": category,
        "digits": digits,
        "phones": phones,
        "active_calls": active_calls,
    }
    if at is not None:
        data["at"] = at
    try:
        return ivr_flows.CallSpec.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = "call." + str(first["loc"][0]) if first["loc"] else "call"
        raise UserError("invalid_call", f"模拟来电参数有误:{first['msg']}", field) from exc


def compile_document(
    flow: ivr_flows.Flow, number: str | None = None, policies: ivr_flows.NumberPolicies | None = None
) -> ivr_flows.Dialplan:
    try:
        return ivr_flows.compile_plan(number or PLACEHOLDER_NUMBER, policies, flow)
    except ivr_flows.FlowError as error:
        raise refusal(error.diagnostics) from error


def run_tests(flow: ivr_flows.Flow) -> list[ivr_flows.FlowTestResult]:
    """The flow's own test cases (each may carry its own policies)."""
    try:
        return ivr_flows.run_flow_tests(flow, number=PLACEHOLDER_NUMBER)
    except ivr_flows.FlowError as error:
        raise refusal(error.diagnostics) from error
