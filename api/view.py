"""The GraphQL-over-HTTP endpoint: authentication, media types and status codes.

Follows the GraphQL-over-HTTP specification: GET (queries only) and POST, ``application/json`` and
``application/graphql-response+json`` responses by the ``Accept`` header, 400 for a request that is not
a valid GraphQL request when the client accepts the latter, 405 for other methods, 406/415 for media
types we do not speak.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from api.accounts.auth import InvalidToken, Viewer, authenticate_request
from api.applications.models import DocumentKind
from api.config import Config
from api.graphql.bodies import BodyMeter, BodyTooLarge, too_large
from api.graphql.context import Context
from api.media import library
from api.media.models import MediaKind
from api.recordings import intake
from api.recordings.models import RecordingKind
from api.webapp import graphiql_page

__all__ = ["GraphQLView"]

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
MULTIPART = "multipart/form-data"
#: Where the request's body meter waits for the caller to be known (uploads get a larger cap).
_METER = "hotline.body_meter"


class UploadNeedsSignIn(Exception):
    """An upload from a caller who may not upload anything: refused before its body is read."""


def upload_body_limit(config: Config, viewer: Viewer) -> int:
    """The largest multipart body ``viewer`` may need: the files of its largest upload, each at its own
    limit (all five application documents; the longest prompt; the telephony layer's call recording),
    plus at most a plain request's worth of operations and multipart framing."""
    if viewer.is_telephony:
        files = max(intake.read_limit(kind) for kind in RecordingKind)
    else:
        documents = len(DocumentKind) * (config.upload_max_bytes + 1)
        files = max(documents, *(library.read_limit(kind) for kind in MediaKind))
    return files + config.request_max_bytes


def _is_multipart(request: Request) -> bool:
    return request.headers.get("content-type", "").split(";")[0].strip().lower() == MULTIPART


def _preferred_media_type(accept: str) -> str | None:
    """The response media type for an Accept header; None when we can offer neither."""
    if not accept.strip():
        return JSON
    best: tuple[float, str] | None = None
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        candidate = {
            GRAPHQL_RESPONSE: GRAPHQL_RESPONSE,
            JSON: JSON,
            "application/*": GRAPHQL_RESPONSE,
            "*/*": JSON,
        }.get(media.lower())
        if candidate and q > 0 and (best is None or q > best[0]):
            best = (q, candidate)
    return best[1] if best else None


class GraphQLView(GraphQL[Context, None]):
    def __init__(self, schema: Any, config: Config) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if config.graphiql else None,
            multipart_uploads_enabled=True,
        )
        self.config = config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            request = Request(scope, receive)
            refusal = self._refuse(request)
            if refusal is not None:
                await refusal(scope, receive, send)
                return
            # Every body is counted as it is read; an upload's cap is raised once its caller is known.
            meter = BodyMeter(receive, self.config.request_max_bytes)
            if not _is_multipart(request):
                try:
                    meter.check_declared(request.headers)
                except BodyTooLarge as error:
                    await too_large(error)(scope, receive, send)
                    return
            scope[_METER] = meter
            receive = meter.receive
        await super().__call__(scope, receive, send)

    def _refuse(self, request: Request) -> Response | None:
        if request.method not in ("GET", "POST"):
            return PlainTextResponse(
                "GraphQL only supports GET and POST", 405, headers={"Allow": "GET, POST"}
            )
        if "text/html" in request.headers.get("accept", "") and request.method == "GET":
            return None  # GraphiQL (or 404 when switched off)
        if _preferred_media_type(request.headers.get("accept", "")) is None:
            return PlainTextResponse(f"Acceptable media types: {GRAPHQL_RESPONSE}, {JSON}", 406)
        if request.method == "POST":
            content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type not in (JSON, "multipart/form-data"):
                return PlainTextResponse("POST bodies must be application/json (or multipart uploads)", 415)
        return None

    async def render_graphql_ide(self, request: Request) -> Response:
        # Our own GraphiQL build (web/), served from this service: Strawberry's page loads a CDN.
        return graphiql_page(self.config.web_dist)

    async def get_context(self, request: Request, response: Response) -> Context:  # type: ignore[override]
        # A cookie rides along on cross-site form posts; only trust it where a browser could not forge the
        # request: JSON bodies (preflighted), GET (queries only) or uploads with our custom header.
        forgeable = request.method == "POST" and JSON not in request.headers.get("content-type", "")
        viewer = await authenticate_request(
            request, trust_cookie=not forgeable or bool(request.headers.get("x-requested-with"))
        )
        meter: BodyMeter | None = request.scope.get(_METER)
        if meter is not None and _is_multipart(request):
            # Strawberry asks for the context before it reads the body: an upload nobody may send is
            # refused unread, and a signed-in caller's is capped at what its uploads may need.
            if not viewer.is_authenticated:
                raise UploadNeedsSignIn
            meter.limit = upload_body_limit(self.config, viewer)
            meter.check_declared(request.headers)
        return Context(request=request, response=response, viewer=viewer, config=self.config)

    async def run(self, request: Any, context: Any = None, root_value: Any = None) -> Any:
        try:
            return await super().run(request)
        except InvalidToken:
            return JSONResponse(
                {"errors": [{"message": "访问令牌无效或已撤销", "extensions": {"code": "UNAUTHENTICATED"}}]},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        except UploadNeedsSignIn:
            return JSONResponse(
                {"errors": [{"message": "请先登录", "extensions": {"code": "UNAUTHENTICATED"}}]},
                status_code=401,
                headers={"Connection": "close"},
            )
        except BodyTooLarge as error:
            return too_large(error)
        finally:
            if isinstance(request, Request):
                await request.close()  # closes the temporary files of multipart uploads

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        processed = await super().process_result(request, result)
        if result.data is None and result.errors and all(e.path is None for e in result.errors):
            # A request error (parse, validation, operation not allowed): no execution happened.
            processed.pop("data", None)
        return processed

    def decode_json(self, data: str | bytes) -> object:
        # Bytes that are not UTF-8 and nesting deeper than the decoder's recursion limit are malformed
        # JSON too; as JSONDecodeError they get the 400 the base view gives that, not a 500.
        try:
            return json.loads(data)
        except (UnicodeDecodeError, RecursionError) as exc:
            raise json.JSONDecodeError(
                f"not JSON in UTF-8 or nested too deep: {type(exc).__name__}", "", 0
            ) from exc

    def encode_json(self, data: object) -> bytes:
        # Chinese text as UTF-8 rather than \uXXXX escapes: smaller bodies, and faster to encode.
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()

    def create_response(self, response_data: Any, sub_response: Response) -> Response:
        response = super().create_response(response_data, sub_response)
        request: Request | None = getattr(sub_response, "graphql_request", None)
        media = _preferred_media_type(request.headers.get("accept", "")) if request is not None else JSON
        if media == GRAPHQL_RESPONSE:
            response.headers["content-type"] = f"{GRAPHQL_RESPONSE}; charset=utf-8"
            if (
                isinstance(response_data, dict)
                and "data" not in response_data
                and sub_response.status_code is None
            ):
                response.status_code = 400
        else:
            response.headers["content-type"] = f"{JSON}; charset=utf-8"
        return response

    async def get_sub_response(self, request: Request) -> Response:  # type: ignore[override]
        sub = await super().get_sub_response(request)
        sub.graphql_request = request  # type: ignore[attr-defined]
        return sub
