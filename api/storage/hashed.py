"""Audio files named by content hash over any store: ``<folder>/<sha[:2]>/<sha>.<ext>``.

The same layout ``audio.ContentStore`` gives a directory, so the files an embedded service wrote before
are the local store's keys as they are.
"""

from __future__ import annotations

from pathlib import Path

from api.storage.base import ObjectStore
from audio import EncodedOutput, ProcessedAudio, content_path

__all__ = ["AudioFiles"]


class AudioFiles:
    """Delivered audio files (``audio.OutputKind``) under one folder of a store, by content hash."""

    def __init__(self, store: ObjectStore, folder: str) -> None:
        self.store = store
        self.folder = folder

    def __repr__(self) -> str:
        return f"AudioFiles({self.store!r}, {self.folder!r})"

    def key(self, sha256: str, extension: str) -> str:
        """The key of the file with this hash and extension (whether or not it is stored).

        Raises:
            ValueError: ``sha256`` is not 64 lowercase hex digits or ``extension`` is not a delivered one.
        """
        return f"{self.folder}/{content_path(sha256, extension)}"

    @property
    def root(self) -> Path | None:
        """The folder on disk, when the store is a local directory (tests and tools look inside)."""
        path = self.store.local_path(self.folder)
        return path

    async def put_output(self, output: EncodedOutput) -> bool:
        """Store one encoded file unless a file with its hash is there; True when this call wrote it."""
        key = self.key(output.sha256, output.extension)
        return await self.store.put(key, output.data, output.kind.media_type)

    async def put(self, audio: ProcessedAudio) -> None:
        """Store every output of ``audio``; all or nothing (files this call wrote go again on failure)."""
        created: list[str] = []
        try:
            for output in audio.outputs.values():
                if await self.put_output(output):
                    created.append(self.key(output.sha256, output.extension))
        except BaseException:
            for key in created:
                await self.store.delete(key)
            raise

    async def exists(self, sha256: str, extension: str) -> bool:
        return await self.store.exists(self.key(sha256, extension))

    async def read(self, sha256: str, extension: str) -> bytes:
        """The file's bytes (``FileNotFoundError`` if it is not stored)."""
        return await self.store.get(self.key(sha256, extension))

    async def delete(self, sha256: str, extension: str) -> bool:
        """Remove a stored file; False if it was not there."""
        return await self.store.delete(self.key(sha256, extension))
