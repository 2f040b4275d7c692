"""Simulated calls against a draft, a version or a number's live plan, and a flow's stored test cases.

Drafts and versions compile with the number's policies when a number is given, else the defaults
(active, R9 categories). Prompt files are not checked here — a designer may try a flow before the audio
exists; publishing checks them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from pydantic import ValidationError

import ivr_flows
from api.clock import SHANGHAI
from api.errors import UserError
from api.flows.flow_json import _deeper_than
from api.flows.versions import refusal
from ivr_flows import PhoneNumberError, mainland_number, parse_phone

__all__ = ["PLACEHOLDER_NUMBER", "call_spec", "compile_document", "run_tests", "told"]

PLACEHOLDER_NUMBER = "4000000000"
#: Simulated calls happen in years the calendar and the plans can speak about.
FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_PHONE_CHARS = 40
MAX_DIGITS = 100
MAX_PHONES = 50
#: Splits a simulated call names branches for, and the most branches a split has (the flow model's limit).
MAX_SPLITS, MAX_BRANCHES = 20, 10
MAX_HTTP_REPLIES = 20
#: A simulated answer is no larger than a real one may be (the guarded client stops at 64 KiB).
MAX_HTTP_BODY = 64 * 1024


def _caller(raw: str) -> str:
    """A caller ID as a carrier could present it (mainland, foreign or a service number), or empty for a
    withheld number; anything else is refused, as every number a user types elsewhere in the API."""
    if raw == "":
        return raw
    parsed = parse_phone(raw) if len(raw) <= MAX_PHONE_CHARS and raw.isprintable() else None
    if parsed is None or parsed.kind == "unknown":
        raise UserError(
            "invalid", "主叫号码格式不正确,请填写手机号、带区号的固定电话或国际号码", "call.caller"
        )
    return parsed.number if parsed.kind != "foreign" else raw.strip()


def _bound_phone(raw: str) -> str:
    """A bound phone in the national form the plan uses; the same rule (R4) as binding one."""
    try:
        if len(raw) > MAX_PHONE_CHARS or not raw.isprintable():
            raise PhoneNumberError("invalid", "号码格式不正确")
        return mainland_number(raw)
    except PhoneNumberError as exc:
        raise UserError(exc.code, f"{raw[:MAX_PHONE_CHARS]}:{exc.message}", "call.phones") from exc


def _moment(at: dt.datetime) -> dt.datetime:
    try:
        local = at.astimezone(SHANGHAI) if at.tzinfo is not None else at
    except OverflowError:
        local = None
    if local is None or not FIRST_YEAR <= local.year <= LAST_YEAR:
        raise UserError("invalid_call", f"模拟时间应在{FIRST_YEAR}年到{LAST_YEAR}年之间", "call.at")
    return at


def call_spec(
    *,
    caller: str,
    category: str,
    at: dt.datetime | None,
    digits: str,
    phones: dict[str, dict[str, Any]],
    active_calls: int,
    split: list[int] | None = None,
    http: dict[str, dict[str, Any]] | None = None,
) -> ivr_flows.CallSpec:
    """The library's call from GraphQL input; a bad value is a user error naming the field."""
    if len(digits) > MAX_DIGITS:
        raise UserError("invalid_call", f"按键不能超过{MAX_DIGITS}个", "call.digits")
    if len(phones) > MAX_PHONES:
        raise UserError("invalid_call", f"最多模拟{MAX_PHONES}个绑定号码", "call.phones")
    data: dict[str, Any] = {
        "caller": _caller(caller),
        "category": category,
        "digits": digits,
        "phones": {_bound_phone(number): behaviour for number, behaviour in phones.items()},
        "active_calls": active_calls,
    }
    if split:
        if len(split) > MAX_SPLITS or any(not 1 <= n <= MAX_BRANCHES for n in split):
            message = f"分流分支应是1到{MAX_BRANCHES}的数字,最多{MAX_SPLITS}个"
            raise UserError("invalid_call", message, "call.split")
        data["split"] = split
    if at is not None:
        data["at"] = _moment(at)
    if http:
        if len(http) > MAX_HTTP_REPLIES:
            raise UserError(
                "invalid_call", f"最多模拟{MAX_HTTP_REPLIES}个查询客户系统节点的回应", "call.http"
            )
        for reply in http.values():
            body = reply.get("body")
            if _deeper_than(body, 20) or len(json.dumps(body, ensure_ascii=False)) > MAX_HTTP_BODY:
                raise UserError("invalid_call", "模拟的客户系统回应太大或层级太深", "call.http")
        data["http"] = http
    try:
        return ivr_flows.CallSpec.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = "call." + str(first["loc"][0]) if first["loc"] else "call"
        raise UserError("invalid_call", f"模拟来电参数有误:{first['msg']}", field) from exc


def compile_document(
    flow: ivr_flows.Flow,
    number: str | None = None,
    policies: ivr_flows.NumberPolicies | None = None,
    modules: ivr_flows.Modules | None = None,
) -> ivr_flows.Dialplan:
    try:
        return ivr_flows.compile_plan(number or PLACEHOLDER_NUMBER, policies, flow, modules=modules)
    except ivr_flows.FlowError as error:
        raise refusal(error.diagnostics) from error


def run_tests(
    flow: ivr_flows.Flow, modules: ivr_flows.Modules | None = None
) -> list[ivr_flows.FlowTestResult]:
    """The flow's own test cases (each may carry its own policies)."""
    try:
        return ivr_flows.run_flow_tests(flow, number=PLACEHOLDER_NUMBER, modules=modules)
    except ivr_flows.FlowError as error:
        raise refusal(error.diagnostics) from error


def told(trace: ivr_flows.Trace, number: str | None) -> ivr_flows.Trace:
    """The trace as the designer reads it: without a number, a message goes to the mailbox of whichever
    number will use the flow, not to the placeholder the plan was compiled for."""
    if number is not None:
        return trace
    placeholder = f"留言信箱{PLACEHOLDER_NUMBER}"
    events = tuple(
        dataclasses.replace(e, reason="留言存入使用该流程的号码的信箱") if e.reason == placeholder else e
        for e in trace.events
    )
    return dataclasses.replace(trace, events=events)
