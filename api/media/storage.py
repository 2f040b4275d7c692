"""Where media audio is stored, and removing a file only when no live row references it.

Files are named by content hash (``api.storage.AudioFiles`` under ``media/`` of the configured store, a
local directory or S3), so two rows with the same audio share files.
The write order closes the gaps a concurrent delete could open: an upload writes its files, commits its
row, then writes them again (a no-op unless a delete of another row with the same audio removed them in
between); a delete commits first and then removes each file only if no live row references its hash.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from api.config import Config
from api.media.models import MediaItem
from api.storage import AudioFiles, object_store
from audio import OutputKind, ProcessedAudio

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


def media_store(config: Config) -> AudioFiles:
    return AudioFiles(object_store(config), "media")


def hashes_of(item: MediaItem) -> dict[OutputKind, str]:
    return {kind: getattr(item, column) for kind, column in COLUMNS.items()}


async def put_files(store: AudioFiles, audio: ProcessedAudio) -> None:
    """Write every output that is not stored yet."""
    await store.put(audio)


async def release_unreferenced(store: AudioFiles, files: Iterable[tuple[OutputKind, str]]) -> int:
    """Remove the files no live media row references any more; returns how many were removed."""
    removed = 0
    for kind, sha in files:
        column = COLUMNS[kind]
        if await MediaItem.filter(**{column: sha}, deleted_at__isnull=True).exists():
            continue
        if await store.delete(sha, kind.extension):
            removed += 1
    return removed
