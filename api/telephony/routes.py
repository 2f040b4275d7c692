"""The one door to compiled plans: HTTP routes for the telephony layer, behind one permission check.

``GET /telephony/plans/{number}`` returns the plan JSON with ``ETag`` and ``X-Plan-Version``;
``If-None-Match`` with the current ETag gives ``304``. ``GET /telephony/plans?since=V`` lists every plan
changed after version V. ``GET /telephony/changes?since=V&wait=25`` holds the request until a plan changes
(or ``wait`` seconds pass) and returns what changed, without bodies; a withdrawn plan (a reclaimed
number's) is listed with ``etag`` null and its number's plan route answers 404. Bearer telephony tokens
(or operators' tokens) only: :func:`refuse_unless_telephony` is the check, for these routes and the
sounds route alike; GraphQL serves no plans (customers see theirs through ``numberRouting`` and
``whatHappens``).

Plans are served as JSON only: each node renders the Asterisk text itself with its own options
(``telephony.dialplan_file``), so the service neither stores nor sends one. Every route only reads:
a plan compiled for a status its number no longer has is served as stored with ``X-Plan-Stale: true``
and recompiled by the pipeline's job, never here.
"""

from __future__ import annotations

import json
import time

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from api.accounts.auth import InvalidToken, Viewer, authenticate_token
from api.graphql.ids import plain_int
from api.plans.wakeups import wait_for_change
from api.telephony import plans

__all__ = ["changes", "plan", "plans_since", "refuse_unless_telephony"]

MAX_WAIT_S = 60.0
_NO_STORE = {"Cache-Control": "no-cache"}


async def refuse_unless_telephony(request: Request) -> Response | None:
    """None when the request may read plans, else the refusal: the one check of every telephony route.

    A bearer token of the telephony layer or of an operator passes; no token, an invalid one (401) or a
    customer's (403) is refused.
    """
    authorization = request.headers.get("authorization", "")
    if not authorization.lower().startswith("bearer "):
        return PlainTextResponse("请提供话务系统令牌", 401, headers={"WWW-Authenticate": "Bearer"})
    try:
        viewer: Viewer = await authenticate_token(authorization[7:].strip())
    except InvalidToken:
        return PlainTextResponse("访问令牌无效", 401, headers={"WWW-Authenticate": "Bearer"})
    if not (viewer.is_telephony or viewer.is_operator):
        return PlainTextResponse("仅限话务系统令牌使用", 403)
    return None


def _int_param(request: Request, name: str, default: int) -> int | None:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    return plain_int(raw)


def _matches(if_none_match: str, etag: str) -> bool:
    if not if_none_match:
        return False
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in candidates or etag in candidates


async def plan(request: Request) -> Response:
    if (refused := await refuse_unless_telephony(request)) is not None:
        return refused
    if request.query_params.get("format", "json") != "json":
        return PlainTextResponse("只提供 JSON 格式的路由计划;Asterisk 配置由各话务节点按自身设置生成", 400)
    row = await plans.plan_for(request.path_params["number"])
    if row is None:
        return PlainTextResponse("该号码没有已发布的路由", 404)
    headers = {"ETag": row.etag, "X-Plan-Version": str(row.version), **_NO_STORE}
    if plans.is_stale(row):
        headers["X-Plan-Stale"] = "true"
    if _matches(request.headers.get("if-none-match", ""), row.etag):
        return Response(status_code=304, headers=headers)
    return Response(row.plan_json, media_type="application/json", headers=headers)


async def plans_since(request: Request) -> Response:
    if (refused := await refuse_unless_telephony(request)) is not None:
        return refused
    since = _int_param(request, "since", 0)
    if since is None:
        return PlainTextResponse("since 应为非负整数", 400)
    found = await plans.changes_since(since)
    body = {
        "latest_version": found.latest_version,
        "has_more": found.has_more,
        "plans": [
            {
                "number": found.numbers[r.number_id],
                "version": r.version,
                "etag": r.etag,
                "plan": json.loads(r.plan_json),
            }
            for r in found.plans
        ],
    }
    return JSONResponse(body, headers=_NO_STORE)


async def changes(request: Request) -> Response:
    """Long-poll: answers as soon as some plan's version exceeds ``since``, or empty after ``wait`` s."""
    if (refused := await refuse_unless_telephony(request)) is not None:
        return refused
    since = _int_param(request, "since", 0)
    wait = _int_param(request, "wait", 25)
    if since is None or wait is None:
        return PlainTextResponse("since 和 wait 应为非负整数", 400)
    deadline = time.monotonic() + min(float(wait), MAX_WAIT_S)
    while True:
        found = await plans.feed_since(since)
        remaining = deadline - time.monotonic()
        if found.entries or remaining <= 0:
            break
        # Another API process may record the change: look again at least once a second.
        await wait_for_change(min(remaining, 1.0))
    body = {
        "latest_version": found.latest_version,
        "has_more": found.has_more,
        "changes": [{"number": e.number, "version": e.version, "etag": e.etag} for e in found.entries],
    }
    return JSONResponse(body, headers=_NO_STORE)
