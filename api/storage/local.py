"""The embedded back-end: files under one directory (``DATA_DIR``), at the path their key names.

Writes go to a temporary file beside the target, are flushed to disk and renamed into place, so a
reader never sees half a file and a crash leaves at most a ``.tmp-*`` file, which ``list`` skips.
File work blocks, so it runs in a worker thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

from api.storage.base import check_key

__all__ = ["LocalStore"]

_TEMP_PREFIX = ".tmp-"
_CHUNK = 64 * 1024


class LocalStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.location = str(self.root)

    def __repr__(self) -> str:
        return f"LocalStore({self.location!r})"

    def path(self, key: str) -> Path:
        return self.root / check_key(key)

    def local_path(self, key: str) -> Path | None:
        return self.path(key)

    def _put(self, path: Path, data: bytes) -> bool:
        if path.exists():
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=path.parent)
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        return True

    async def put(self, key: str, data: bytes, content_type: str = "application/octet-stream") -> bool:
        return await asyncio.to_thread(self._put, self.path(key), data)

    async def get(self, key: str) -> bytes:
        return await asyncio.to_thread(self.path(key).read_bytes)

    async def open(self, key: str) -> AsyncIterator[bytes]:
        file = await asyncio.to_thread(self.path(key).open, "rb")

        async def chunks() -> AsyncIterator[bytes]:
            try:
                while chunk := await asyncio.to_thread(file.read, _CHUNK):
                    yield chunk
            finally:
                file.close()

        return chunks()

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self.path(key).is_file)

    def _modified(self, path: Path) -> dt.datetime | None:
        try:
            return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
        except FileNotFoundError:
            return None

    async def modified(self, key: str) -> dt.datetime | None:
        return await asyncio.to_thread(self._modified, self.path(key))

    def _delete(self, path: Path) -> bool:
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        return True

    async def delete(self, key: str) -> bool:
        return await asyncio.to_thread(self._delete, self.path(key))

    def _walk(self, folder: Path) -> Iterator[str]:
        for directory, subdirectories, files in os.walk(folder):
            subdirectories.sort()
            for name in sorted(files):
                if not name.startswith("."):
                    yield (Path(directory) / name).relative_to(self.root).as_posix()

    async def list(self, prefix: str) -> AsyncIterator[str]:
        """Keys under ``prefix``: a folder (``media/``) or the start of names in one (``media/ab``)."""
        folder = prefix.rpartition("/")[0]
        base = self.root / check_key(folder) if folder else self.root
        names = await asyncio.to_thread(lambda: list(self._walk(base)) if base.is_dir() else [])
        for key in names:
            if key.startswith(prefix):
                yield key

    def signed_url(
        self, key: str, *, seconds: int, content_type: str, filename: str | None, inline: bool
    ) -> str | None:
        """None: a directory answers no requests; the service serves its files (with ranges) itself."""
        return None
