"""Where recordings are stored: WAV (download) and MP3 (player), by content hash; shared files kept.

The files are ``api.storage.AudioFiles`` under ``recordings/`` of the configured store (a local
directory or S3), so retention deletes from whichever back-end is configured.
"""

from __future__ import annotations

from collections.abc import Mapping

from api.config import Config
from api.recordings.models import Recording
from api.storage import AudioFiles, object_store
from audio import OutputKind, ProcessedAudio

__all__ = ["COLUMNS", "recording_store", "release_files", "release_unreferenced"]

#: The delivered files a recording keeps (no G.711 copies: nobody plays a recording back into a call).
COLUMNS: Mapping[OutputKind, str] = {OutputKind.WAV: "wav_sha256", OutputKind.PREVIEW: "preview_sha256"}


def recording_store(config: Config) -> AudioFiles:
    return AudioFiles(object_store(config), "recordings")


async def release_unreferenced(store: AudioFiles, row: Recording) -> int:
    """Remove the row's files unless another live recording has the same audio (e.g. equal silence);
    a row deleted before a worker processed it takes its original upload with it."""
    removed = 0
    if row.original_key and await store.store.delete(row.original_key):
        removed += 1
    for kind, column in COLUMNS.items():
        sha = getattr(row, column)
        if not sha:  # never processed: no delivered files
            continue
        if await Recording.filter(**{column: sha}, deleted_at__isnull=True).exists():
            continue
        if await store.delete(sha, kind.extension):
            removed += 1
    return removed


async def release_files(store: AudioFiles, audio: ProcessedAudio) -> None:
    """After a failed report: remove its files unless a live recording has the same audio."""
    for kind, column in COLUMNS.items():
        sha = audio.outputs[kind].sha256
        if not await Recording.filter(**{column: sha}, deleted_at__isnull=True).exists():
            await store.delete(sha, kind.extension)
