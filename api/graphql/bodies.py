"""The size of a GraphQL request body, counted before it is read.

Without a cap, an anonymous 100 MB JSON body is read and parsed whole (several times its size in
memory) and a 50 MB upload is spooled before anyone is asked to sign in. The endpoint refuses a body
whose ``Content-Length`` is over its cap at once, and counts the bytes of every body as they arrive, so a
chunked body (no ``Content-Length``) is cut off at the cap too. Either way the answer is 413.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import Message, Receive

from api.graphql.ids import plain_int

__all__ = ["BodyMeter", "BodyTooLarge", "too_large"]

#: What 413 answers carry in ``extensions.code``.
CODE = "body_too_large"


class BodyTooLarge(Exception):
    """The body is over the cap. Not a ValueError: the multipart parser's caller turns those into 400."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"request body over {limit} bytes")
        self.limit = limit


class BodyMeter:
    """Wraps an ASGI ``receive``: counts the body's bytes and raises BodyTooLarge past ``limit``.

    The limit may be raised once the caller is known (uploads), before the body is read.
    """

    def __init__(self, receive: Receive, limit: int) -> None:
        self._receive = receive
        self.limit = limit
        self.seen = 0

    async def receive(self) -> Message:
        message = await self._receive()
        if message["type"] == "http.request":
            self.seen += len(message.get("body", b""))
            if self.seen > self.limit:
                raise BodyTooLarge(self.limit)
        return message

    def check_declared(self, headers: Headers) -> None:
        """Refuse a body whose declared length is over the limit, before reading a byte of it."""
        declared = headers.get("content-length")
        if declared is not None and (plain_int(declared) or 0) > self.limit:
            raise BodyTooLarge(self.limit)


def _size(limit: int) -> str:
    mib = limit / (1024 * 1024)
    return f"{mib:.0f} MB" if mib >= 1 else f"{max(limit // 1024, 1)} KB"


def too_large(error: BodyTooLarge) -> JSONResponse:
    """The 413 answer, shaped like every other top-level GraphQL error."""
    message = f"请求内容过大,上限为{_size(error.limit)}"
    body = {"errors": [{"message": message, "extensions": {"code": CODE, "limitBytes": error.limit}}]}
    # The rest of the body stays unread: the connection is not reused.
    return JSONResponse(body, status_code=413, headers={"Connection": "close"})
