"""Text from outside (user input, exception messages quoting it) made safe for one log line.

A log line is for people and log shippers: a newline in a login would forge a second line, and a 1 MB
value would flood the log. So anything a user can influence goes through :func:`loggable`: control
characters (newlines included) are escaped and the text is cut to a bounded length.
"""

from __future__ import annotations

import types

__all__ = ["LoggedError", "loggable", "loggable_exc_info"]

MAX_LOGGED_CHARS = 300


def loggable(text: object, limit: int = MAX_LOGGED_CHARS) -> str:
    """``text`` on one line: non-printable characters escaped (``\\n``, ``\\x00``), cut to ``limit``."""
    raw = str(text)
    cut = raw[:limit]
    escaped = "".join(c if c.isprintable() else repr(c)[1:-1] for c in cut)
    return escaped if len(raw) <= limit else f"{escaped}…(+{len(raw) - limit} chars)"


class LoggedError(Exception):
    """Stands in for an exception in a log record: its type and escaped message, the original stack."""


def loggable_exc_info(
    error: BaseException,
) -> tuple[type[LoggedError], LoggedError, types.TracebackType | None]:
    """``exc_info`` for ``log.error(..., exc_info=...)``: the traceback without any raw message.

    The formatted traceback shows code lines from our files and this one escaped line per exception
    of the chain, instead of messages that may quote user input verbatim.
    """
    lines: list[str] = []
    current: BaseException | None = error
    while current is not None and len(lines) < 5:
        lines.append(f"{type(current).__qualname__}: {loggable(current)}")
        current = current.__cause__ or current.__context__
    stand_in = LoggedError(" <- ".join(lines))
    return LoggedError, stand_in, error.__traceback__
