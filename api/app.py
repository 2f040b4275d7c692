"""The Starlette application: GraphQL, document downloads, health, and the ORM and jobs in the lifespan."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from tortoise.contrib.starlette import RegisterTortoise

from api.accounts.auth import InvalidToken, authenticate_request
from api.applications.models import Document
from api.config import Config, load_config
from api.db import tortoise_config
from api.graphql.schema import build_schema
from api.graphql.view import GraphQLView
from api.jobs import running_jobs
from api.media.routes import media_routes
from api.recordings.routes import recording_routes
from api.requestid import RequestIdMiddleware
from api.telephony import routes as telephony
from api.webapp import web_routes

__all__ = ["create_app"]


def _inside(root: Path, relative: str) -> Path | None:
    """The stored file's path, or None if the stored path would escape the storage root."""
    target = (root / relative).resolve()
    return target if target.is_relative_to(root.resolve()) and target.is_file() else None


def create_app(config: Config | None = None, *, run_jobs: bool = True, manage_orm: bool = True) -> Starlette:
    """The service. Tests pass ``manage_orm=False`` after initialising the ORM on their own database."""
    config = config or load_config()
    view = GraphQLView(build_schema(config), config)

    async def document(request: Request) -> Response:
        try:
            principal = await authenticate_request(request)
        except InvalidToken:
            return PlainTextResponse("访问令牌无效", 401)
        if not principal.is_authenticated or principal.is_telephony:
            return PlainTextResponse("请先登录", 401)
        try:
            doc_id = int(request.path_params["doc_id"])
        except ValueError:
            return PlainTextResponse("未找到该文件", 404)
        query = Document.filter(id=doc_id)
        if not principal.is_operator:
            query = query.filter(application__account_id=principal.account_id)
        doc = await query.first()
        path = _inside(config.documents_dir, doc.path) if doc else None
        if doc is None or path is None:
            return PlainTextResponse("未找到该文件", 404)
        return FileResponse(
            path,
            media_type=doc.content_type,
            filename=doc.filename,
            headers={"Cache-Control": "private, no-store"},
        )

    async def health(_: Request) -> Response:
        return JSONResponse({"status": "ok"})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with contextlib.AsyncExitStack() as stack:
            if manage_orm:
                await stack.enter_async_context(
                    RegisterTortoise(app, config=tortoise_config(config.database_url))
                )
            await stack.enter_async_context(
                running_jobs(config, config.job_interval_seconds if run_jobs else 0)
            )
            yield

    app = Starlette(
        routes=[
            Route("/graphql", view, methods=["GET", "POST", "PUT", "PATCH", "DELETE"]),
            Route("/documents/{doc_id}", document),
            Route("/healthz", health),
            Route("/telephony/plans", telephony.plans_since),
            Route("/telephony/plans/{number}", telephony.plan),
            Route("/telephony/changes", telephony.changes),
            *media_routes(),
            *recording_routes(),
            *web_routes(config.web_dist, graphiql=config.graphiql),  # last: it catches every path
        ],
        lifespan=lifespan,
    )
    app.add_middleware(RequestIdMiddleware)
    app.state.config = config
    return app
