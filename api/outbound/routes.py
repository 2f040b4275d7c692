"""``GET /telephony/secrets/{number}``: the secrets a number's plan names, for the agent on each node.

A plan holds a secret's name only (``docs/dialplan.md``, op ``http``); the agent asks here for the values
of the names its plan uses and keeps them in memory to send with calls' requests. Only telephony tokens
pass (an operator's token, which may read plans, may not read customers' secrets); only the secrets of the
number's own account that an ``http`` step of its current plan names are given, each with the one host
it may be sent to.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from api.accounts.auth import InvalidToken, authenticate_token
from api.outbound.secrets import secret_for
from api.telephony import plans

__all__ = ["plan_secrets"]


async def plan_secrets(request: Request) -> Response:
    authorization = request.headers.get("authorization", "")
    if not authorization.lower().startswith("bearer "):
        return PlainTextResponse("请提供话务系统令牌", 401, headers={"WWW-Authenticate": "Bearer"})
    try:
        viewer = await authenticate_token(authorization[7:].strip())
    except InvalidToken:
        return PlainTextResponse("访问令牌无效", 401, headers={"WWW-Authenticate": "Bearer"})
    if not viewer.is_telephony:
        return PlainTextResponse("仅限话务系统令牌使用", 403)
    row = await plans.plan_for(request.path_params["number"])
    if row is None or row.number.account_id is None:
        return PlainTextResponse("该号码没有已发布的路由", 404)
    steps = json.loads(row.plan_json).get("steps", [])
    names = sorted(
        {str(s["args"]["secret"]) for s in steps if s.get("op") == "http" and s["args"].get("secret")}
    )
    config = request.app.state.config
    found = {}
    for name in names:
        secret = await secret_for(config, row.number.account_id, name)
        if secret is not None:
            found[name] = {"value": secret.value, "host": secret.host}
    return JSONResponse({"secrets": found}, headers={"Cache-Control": "no-store"})
