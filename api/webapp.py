"""The built single-page app (``web/dist``) and the offline GraphiQL page.

The app is served at ``/`` after every API route: a path without a file extension is a client route and
gets ``index.html`` (never cached, so a deploy is picked up at once); files under ``assets/`` carry a
content hash in their names and are cached for a year; a missing file stays a real 404 so a broken
deploy shows up as such instead of as an HTML page parsed as JavaScript. GraphiQL is built into the
same ``dist`` by Vite (``graphiql.html``) so it works without internet; ``GET /graphql`` from a
browser renders it, and both disappear when the ``GRAPHIQL`` switch is off.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

__all__ = ["graphiql_page", "web_routes"]

IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"
GRAPHIQL_HTML = "graphiql.html"

_NOT_BUILT = (
    "<!doctype html><html lang='zh-CN'><meta charset='utf-8'><title>前端尚未构建</title>"
    "<p>网页前端尚未构建:请在项目目录运行 <code>scripts/setup</code>(需要 Node.js 20)。</p></html>"
)


def _file(dist: Path, relative: str) -> Path | None:
    """The file under ``dist``, or None when missing, when the path would leave ``dist``, or when no file
    could have the name (an embedded NUL byte, a name longer than the file system allows)."""
    try:
        root = dist.resolve()
        target = (root / relative).resolve()
        return target if target.is_relative_to(root) and target.is_file() else None
    except (OSError, ValueError):
        return None


def _html(dist: Path, name: str) -> Response:
    path = _file(dist, name)
    if path is None:
        return HTMLResponse(_NOT_BUILT, 503, headers={"Cache-Control": NO_CACHE})
    return FileResponse(path, media_type="text/html; charset=utf-8", headers={"Cache-Control": NO_CACHE})


def graphiql_page(dist: Path) -> Response:
    """Our own GraphiQL build; its assets come from this service, not from a CDN."""
    return _html(dist, GRAPHIQL_HTML)


def web_routes(dist: Path, *, graphiql: bool = True) -> list[Route]:
    """The catch-all route; mount it after every other route."""

    async def serve(request: Request) -> Response:
        relative = request.path_params["path"]
        last = relative.rsplit("/", 1)[-1]
        if "." not in last and not relative.startswith("assets/"):
            return _html(dist, "index.html")  # a client route
        if relative == GRAPHIQL_HTML and not graphiql:
            return PlainTextResponse("未找到", 404)
        path = _file(dist, relative)
        if path is None:
            return PlainTextResponse("未找到", 404, headers={"Cache-Control": NO_CACHE})
        hashed = relative.startswith("assets/")
        return FileResponse(path, headers={"Cache-Control": IMMUTABLE if hashed else NO_CACHE})

    return [Route("/{path:path}", serve, methods=["GET", "HEAD"])]
