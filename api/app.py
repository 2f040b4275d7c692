"""The Starlette application: GraphQL, file downloads, telephony, health, and the ORM and jobs in the lifespan."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from tortoise.contrib.starlette import RegisterTortoise

from api.accounts.passwords import configure_hashing
from api.config import Config, load_config
from api.db import tortoise_config
from api.downloads import download_routes
from api.jobs import running_jobs
from api.outbound import routes as outbound_routes
from api.recordings.processing import processing_media
from api.requestid import RequestIdMiddleware
from api.schema import build_schema
from api.storage import object_store
from api.telephony import routes as telephony
from api.telephony import sounds
from api.view import GraphQLView
from api.webapp import web_routes

__all__ = ["create_app"]


def create_app(
    config: Config | None = None,
    *,
    run_jobs: bool = True,
    manage_orm: bool = True,
    process_media: bool = True,
) -> Starlette:
    """The service. Tests pass ``manage_orm=False`` after initialising the ORM on their own database.

    ``process_media``: this process also works through pending recordings (``serve --no-worker`` turns it
    off), so the embedded default needs no ``python -m api worker`` beside it."""
    config = config or load_config()
    configure_hashing(config)
    object_store(config)  # a malformed STORAGE_URL stops the start, not the first download
    view = GraphQLView(build_schema(config), config)

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
            await stack.enter_async_context(processing_media(config, enabled=process_media))
            yield

    app = Starlette(
        routes=[
            Route("/graphql", view, methods=["GET", "POST", "PUT", "PATCH", "DELETE"]),
            Route("/healthz", health),
            Route("/telephony/plans", telephony.plans_since),
            Route("/telephony/plans/{number}", telephony.plan),
            Route("/telephony/changes", telephony.changes),
            Route("/telephony/sounds/{file}", sounds.sound, methods=["GET", "HEAD"]),
            Route("/telephony/secrets/{number}", outbound_routes.plan_secrets),
            *download_routes(),
            *web_routes(config.web_dist, graphiql=config.graphiql),  # last: it catches every path
        ],
        lifespan=lifespan,
    )
    app.add_middleware(RequestIdMiddleware)
    app.state.config = config
    return app
