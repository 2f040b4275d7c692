"""Counting the SQL statements a block of code sends, from Tortoise's own query log.

Used by the N+1 tests and the benchmark: statements per request must not grow with the page size.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

__all__ = ["StatementCounter", "count_statements"]

_VERBS = ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")


class StatementCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = str(record.msg if not record.args else record.args[0]).lstrip()
        if text.upper().startswith(_VERBS):
            self.statements.append(text)

    @property
    def count(self) -> int:
        return len(self.statements)


@contextlib.contextmanager
def count_statements() -> Iterator[StatementCounter]:
    logger = logging.getLogger("tortoise.db_client")
    counter = StatementCounter()
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(counter)
    try:
        yield counter
    finally:
        logger.removeHandler(counter)
        logger.setLevel(previous)
