"""Where media audio is stored, and removing a file only when no live row references it.

Files are named by content hash (``audio.ContentStore``), so two rows with the same audio share files.
The write order closes the gaps a concurrent delete could open: an upload writes its files, commits its
row, then writes them again (a no-op unless a delete of another row with the same audio removed them in
between); a delete commits first and then removes each file only if no live row references its hash.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping
from pathlib import Path

from api.config import Config
from api.media.models import MediaItem
from audio import ContentStore, OutputKind, ProcessedAudio

__all__ = [
    "COLUMNS",
    "hashes_of",
    "media_store",
    "put_files",
    "release_unreferenced",
]

#: The row column holding the hash of each delivered file.
COLUMNS: Mapping[OutputKind, str] = {
    OutputKind.WAV: "wav_sha256",
    OutputKind.ULAW: "ulaw_sha256",
    OutputKind.ALAW: "alaw_sha256",
    OutputKind.PREVIEW: "preview_sha256",
}


def media_store(config: Config) -> ContentStore:
    return ContentStore(Path(config.data_dir) / "media")


def hashes_of(item: MediaItem) -> dict[OutputKind, str]:
    return {kind: getattr(item, column) for kind, column in COLUMNS.items()}


async def put_files(store: ContentStore, audio: ProcessedAudio) -> None:
    """Write every output (fsync and rename: blocking, so off the event loop)."""
    await asyncio.to_thread(store.put, audio)


async def release_unreferenced(store: ContentStore, files: Iterable[tuple[OutputKind, str]]) -> int:
    """Remove the files no live media row references any more; returns how many were removed."""
    removed = 0
    for kind, sha in files:
        column = COLUMNS[kind]
        if await MediaItem.filter(**{column: sha}, deleted_at__isnull=True).exists():
            continue
        if await asyncio.to_thread(store.delete, sha, kind.extension):
            removed += 1
    return removed
