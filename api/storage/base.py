"""What every storage back-end offers: objects under keys, written once, read, listed, deleted.

Keys are relative paths (``media/ab/ab12….wav``): the local back-end keeps each under its data
directory at exactly that path, the S3 back-end keeps it as the object of that name, so the same key
names the same file on both and a directory can be copied to a bucket as it is (``storage migrate``).

Objects are written once: a key either names its content (a content hash) or is used for one upload
only, so ``put`` leaves an object that is already there alone. That makes the double write of
``api/media/storage.py`` cheap and lets a retried upload or an interrupted migration simply run again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

__all__ = ["ObjectStore", "check_key", "content_disposition"]

_KEY = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*")


def check_key(key: str) -> str:
    """The key itself, when it is a relative path of plain segments (no ``..``, no hidden names).

    Raises:
        ValueError: anything else; keys come from rows, never from requests, so this is a bug.
    """
    if len(key) > 512 or not _KEY.fullmatch(key):
        raise ValueError(f"not a storage key: {key!r}")
    return key


def content_disposition(filename: str | None, inline: bool) -> str:
    """The ``Content-Disposition`` value Starlette's ``FileResponse`` sends, for a store to send instead."""
    kind = "inline" if inline else "attachment"
    if filename is None:
        return kind
    quoted = quote(filename)
    if quoted != filename:
        return f"{kind}; filename*=utf-8''{quoted}"
    return f'{kind}; filename="{filename}"'


class ObjectStore(Protocol):
    """One storage back-end (``api.storage.local.LocalStore``, ``api.storage.s3.S3Store``)."""

    #: Where the objects are, for logs and reports: a directory or ``s3://bucket/prefix``.
    location: str

    async def put(self, key: str, data: bytes, content_type: str = "application/octet-stream") -> bool:
        """Store ``data`` under ``key`` unless an object is there already; True when this call wrote it."""
        ...

    async def get(self, key: str) -> bytes:
        """The object's bytes (``FileNotFoundError`` when there is none)."""
        ...

    async def open(self, key: str) -> AsyncIterator[bytes]:
        """The object as chunks, for streaming (``FileNotFoundError`` at once when there is none)."""
        ...

    async def exists(self, key: str) -> bool: ...

    async def modified(self, key: str) -> dt.datetime | None:
        """When the object was written (UTC), or None when there is none (orphan sweeping's grace)."""
        ...

    async def delete(self, key: str) -> bool:
        """Remove the object; False when it was not there."""
        ...

    def list(self, prefix: str) -> AsyncIterator[str]:
        """Every key under ``prefix`` (a folder such as ``recordings/``), in no promised order."""
        ...

    def signed_url(
        self, key: str, *, seconds: int, content_type: str, filename: str | None, inline: bool
    ) -> str | None:
        """A short-lived URL the store itself answers for this one object, or None (the service streams)."""
        ...

    def local_path(self, key: str) -> Path | None:
        """The file on this machine's disk holding the object, when the back-end is a directory."""
        ...
