"""Orphan sweeping: stored files no row references any more (``python -m api storage sweep``).

Files are written before their rows commit and removed after their rows are marked deleted, so a crash
between the two steps leaves a file behind: audio whose every row is deleted (or never committed), a
scan whose application was never saved. The sweep finds them in whichever store is configured:

- ``media/`` and ``recordings/``: a hash-named file is kept while a live row holds its hash in the
  column of its format (``api/media/storage.py``, ``api/recordings/storage.py``);
- ``documents/``: a scan is kept while any document row (replaced ones too) names its path;
- ``sounds/`` is a cache of announcements, never swept.

Files younger than the grace period are left alone: an upload writes its files a moment before its row
commits. Deleting follows the rules of ``api/media/storage.py`` the other way round: the sweep reads the
file, deletes it, and checks the rows again; should an upload of the same audio have committed in
between, the file is written back (and that upload's own second write covers a commit after the check).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from tortoise.models import Model

from api.applications.documents import FOLDER as DOCUMENTS
from api.applications.models import Document
from api.clock import utcnow
from api.media import storage as media_storage
from api.media.models import MediaItem
from api.recordings import storage as recording_storage
from api.recordings.models import Recording
from api.storage import ObjectStore
from audio import OutputKind

__all__ = ["SweepReport", "sweep_orphans"]

_HASHED = re.compile(r"[0-9a-f]{2}/([0-9a-f]{64})\.([a-z0-9]+)")
_BATCH = 500


@dataclass(frozen=True)
class _Audio:
    model: type[Model]
    columns: Mapping[OutputKind, str]


_AUDIO = {
    "media": _Audio(MediaItem, media_storage.COLUMNS),
    "recordings": _Audio(Recording, recording_storage.COLUMNS),
}


@dataclass
class SweepReport:
    checked: int = 0
    #: Keys no row references (removed when the sweep was told to delete).
    orphans: list[str] = field(default_factory=list)
    #: Unreferenced, but written within the grace period: left for a later sweep.
    recent: list[str] = field(default_factory=list)
    #: Orphans found referenced again at the last moment and written back.
    restored: list[str] = field(default_factory=list)
    removed: int = 0


async def _live_hashes(audio: _Audio, column: str, hashes: list[str]) -> set[str]:
    rows = await audio.model.filter(**{f"{column}__in": hashes, "deleted_at__isnull": True}).values_list(
        column, flat=True
    )
    return {str(value) for value in rows}


async def _referenced_audio(folder: str, keys: list[str]) -> set[str]:
    """The keys of ``keys`` (all under ``folder``) that a live row references."""
    audio = _AUDIO[folder]
    by_column: dict[str, dict[str, list[str]]] = {}
    kinds = {kind.extension: kind for kind in audio.columns}
    for key in keys:
        found = _HASHED.fullmatch(key[len(folder) + 1 :])
        kind = kinds.get(found.group(2)) if found else None
        if found and kind is not None:
            by_column.setdefault(audio.columns[kind], {}).setdefault(found.group(1), []).append(key)
    referenced: set[str] = set()
    for column, hashes in by_column.items():
        for sha in await _live_hashes(audio, column, list(hashes)):
            referenced.update(hashes[sha])
    return referenced


async def _referenced_documents(keys: list[str]) -> set[str]:
    paths = {key[len(DOCUMENTS) + 1 :]: key for key in keys}
    found = await Document.filter(path__in=list(paths)).values_list("path", flat=True)
    return {paths[str(path)] for path in found}


async def _referenced(folder: str, keys: list[str]) -> set[str]:
    return await (_referenced_documents(keys) if folder == DOCUMENTS else _referenced_audio(folder, keys))


async def _remove(store: ObjectStore, folder: str, key: str, report: SweepReport) -> None:
    try:
        data = await store.get(key)
    except FileNotFoundError:
        return
    if not await store.delete(key):
        return
    if await _referenced(folder, [key]):
        await store.put(key, data)
        report.restored.append(key)
        return
    report.removed += 1


async def sweep_orphans(
    store: ObjectStore, *, grace: dt.timedelta = dt.timedelta(hours=1), delete: bool = False
) -> SweepReport:
    """Find (and with ``delete``, remove) the files of ``store`` no row references; see the docstring."""
    report = SweepReport()
    cutoff = utcnow() - grace
    for folder in (*_AUDIO, DOCUMENTS):
        keys = sorted([key async for key in store.list(f"{folder}/")])
        for start in range(0, len(keys), _BATCH):
            batch = keys[start : start + _BATCH]
            report.checked += len(batch)
            referenced = await _referenced(folder, batch)
            for key in batch:
                if key in referenced:
                    continue
                written = await store.modified(key)
                if written is None:
                    continue
                if written > cutoff:
                    report.recent.append(key)
                    continue
                report.orphans.append(key)
                if delete:
                    await _remove(store, folder, key, report)
    return report
