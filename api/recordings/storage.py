"""Where recordings are stored: WAV (download) and MP3 (player), by content hash; shared files kept."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from pathlib import Path

from api.config import Config
from api.recordings.models import Recording
from audio import ContentStore, OutputKind, ProcessedAudio

__all__ = ["COLUMNS", "recording_store", "release_files", "release_unreferenced"]

#: The delivered files a recording keeps (no G.711 copies: nobody plays a recording back into a call).
COLUMNS: Mapping[OutputKind, str] = {OutputKind.WAV: "wav_sha256", OutputKind.PREVIEW: "preview_sha256"}


def recording_store(config: Config) -> ContentStore:
    return ContentStore(Path(config.data_dir) / "recordings")


async def release_unreferenced(store: ContentStore, row: Recording) -> int:
    """Remove the row's files unless another live recording has the same audio (e.g. equal silence)."""
    removed = 0
    for kind, column in COLUMNS.items():
        sha = getattr(row, column)
        if await Recording.filter(**{column: sha}, deleted_at__isnull=True).exists():
            continue
        if await asyncio.to_thread(store.delete, sha, kind.extension):
            removed += 1
    return removed


async def release_files(store: ContentStore, audio: ProcessedAudio) -> None:
    """After a failed report: remove its files unless a live recording has the same audio."""
    for kind, column in COLUMNS.items():
        sha = audio.outputs[kind].sha256
        if not await Recording.filter(**{column: sha}, deleted_at__isnull=True).exists():
            await asyncio.to_thread(store.delete, sha, kind.extension)
