"""Calls reported by the telephony layer into the browser tests' service, as Asterisk's agent would."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from playwright.sync_api import APIRequestContext, Page

from tests.web.conftest import OPERATOR, new_browser_context

REPORT = "mutation($c:CallReportInput!){reportCall(call:$c){__typename}}"


def gql(
    request: APIRequestContext, query: str, variables: dict[str, object] | None = None, token: str = ""
) -> dict[str, Any]:
    headers = {"Accept": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    body = request.post(
        "/graphql", data={"query": query, "variables": variables or {}}, headers=headers
    ).json()
    assert "errors" not in body, body
    return body["data"]


def service_token(page: Page, service: str) -> str:
    """A telephony token, made by the operator in a context of its own (the page stays the customer's)."""
    browser = page.context.browser
    assert browser is not None
    operator = new_browser_context(browser, service)
    try:
        gql(
            operator.request,
            f'mutation{{login(login:"{OPERATOR[0]}",password:"{OPERATOR[1]}"){{__typename}}}}',
        )
        name = f"dashboard-{uuid.uuid4().hex[:6]}"
        made = gql(
            operator.request,
            f'mutation{{createServiceToken(name:"{name}"){{... on CreatedApiToken{{secret}}}}}}',
        )
        return str(made["createServiceToken"]["secret"])
    finally:
        operator.close()


def report(page: Page, token: str, disposition: str, talk: int, caller: str = "13812345678") -> str:
    """One finished call to the demo number; its call id."""
    now = dt.datetime.now(dt.UTC)
    call = {
        "callId": f"dash-{uuid.uuid4().hex}",
        "number": "4006000001",
        "caller": caller,
        "startedAt": (now - dt.timedelta(seconds=talk + 20)).isoformat(),
        "answeredAt": (now - dt.timedelta(seconds=talk)).isoformat() if disposition == "ANSWERED" else None,
        "endedAt": now.isoformat(),
        "disposition": disposition,
    }
    assert gql(page.request, REPORT, {"c": call}, token)["reportCall"]["__typename"] == "CallReportOutcome"
    return str(call["callId"])
