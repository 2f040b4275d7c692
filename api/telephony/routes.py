"""HTTP routes of the telephony layer: plans with ETags (304 when unchanged) and a change long-poll.

``GET /telephony/plans/{number}`` returns the plan JSON (``?format=asterisk``: the extensions.conf text)
with ``ETag`` and ``X-Plan-Version``; ``If-None-Match`` with the current ETag gives ``304``.
``GET /telephony/plans?since=V`` lists every plan changed after version V. ``GET /telephony/changes?since=V
&wait=25`` holds the request until a plan changes (or ``wait`` seconds pass) and returns what changed,
without bodies; a withdrawn plan (a reclaimed number's) is listed with ``etag`` null and its number's
plan route answers 404. Bearer telephony tokens (or operators' tokens) only.
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
    """None when the request may read plans, else the refusal."""
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
    fmt = request.query_params.get("format", "json")
    if fmt not in ("json", "asterisk"):
        return PlainTextResponse("format 只能是 json 或 asterisk", 400)
    row = await plans.plan_for(request.path_params["number"])
    if row is None:
        return PlainTextResponse("该号码没有已发布的路由", 404)
    # The Asterisk text is a function of the plan JSON, so it gets a tag derived from the plan's.
    etag = row.etag if fmt == "json" else row.etag[:-1] + '-asterisk"'
    headers = {"ETag": etag, "X-Plan-Version": str(row.version), **_NO_STORE}
    if _matches(request.headers.get("if-none-match", ""), etag):
        return Response(status_code=304, headers=headers)
    if fmt == "asterisk":
        return Response(row.asterisk, media_type="text/plain; charset=utf-8", headers=headers)
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
                "asterisk": r.asterisk,
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
