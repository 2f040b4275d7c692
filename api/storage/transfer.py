"""Copying a data directory's files into another store (``python -m api storage migrate --to s3://…``).

Every file keeps its key (its path under ``DATA_DIR``), so the service reads the copy as it read the
file once ``STORAGE_URL`` names the new store. Each copy is read back and its SHA-256 compared with the
source's; a file named by its hash (media and recordings) is first checked against its own name, so a
damaged file is reported instead of being copied on. Running the command again resumes: an object that
is already there with the right hash is skipped, one with the wrong hash (an interrupted upload on a
store without atomic writes, a damaged copy) is written again.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from dataclasses import dataclass, field

from api.storage.base import ObjectStore
from api.storage.local import LocalStore

__all__ = ["FOLDERS", "TransferReport", "copy_store"]

#: The folders of DATA_DIR that hold stored files (the database, keys and logs are not among them).
FOLDERS = ("media", "recordings", "documents", "sounds")
_HASH_NAMED = re.compile(r"([0-9a-f]{64})\.[a-z0-9]+")
#: Left by a write that never finished (documents write ``.part`` files and rename them into place).
_UNFINISHED = (".part",)


@dataclass
class TransferReport:
    copied: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    #: Source files whose content no longer matches the hash in their name: not copied.
    damaged: list[str] = field(default_factory=list)
    #: Copies that read back differently, or errors: key → reason.
    failed: dict[str, str] = field(default_factory=dict)
    bytes_copied: int = 0

    @property
    def ok(self) -> bool:
        return not self.damaged and not self.failed

    def summary(self) -> str:
        return (
            f"copied {len(self.copied)} file(s) ({self.bytes_copied} bytes), "
            f"{len(self.present)} already there, {len(self.replaced)} replaced, "
            f"{len(self.damaged)} damaged, {len(self.failed)} failed"
        )


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def _copy_one(source: LocalStore, target: ObjectStore, key: str, report: TransferReport) -> None:
    data = await source.get(key)
    digest = _sha(data)
    named = _HASH_NAMED.fullmatch(key.rsplit("/", 1)[-1])
    if named and named.group(1) != digest:
        report.damaged.append(key)
        return
    replacing = False
    if await target.exists(key):
        if _sha(await target.get(key)) == digest:
            report.present.append(key)
            return
        await target.delete(key)
        replacing = True
    await target.put(key, data)
    if _sha(await target.get(key)) != digest:
        report.failed[key] = "the copy reads back with another hash"
        return
    (report.replaced if replacing else report.copied).append(key)
    report.bytes_copied += len(data)


async def copy_store(
    source: LocalStore, target: ObjectStore, folders: tuple[str, ...] = FOLDERS, parallel: int = 8
) -> TransferReport:
    """Copy every file under ``folders`` of ``source`` to ``target``; see the module docstring."""
    report = TransferReport()
    gate = asyncio.Semaphore(parallel)

    async def one(key: str) -> None:
        async with gate:
            try:
                await _copy_one(source, target, key, report)
            except Exception as error:  # reported per file; the others still go
                report.failed[key] = f"{type(error).__name__}: {error}"

    for folder in folders:
        keys = sorted([key async for key in source.list(f"{folder}/") if not key.endswith(_UNFINISHED)])
        for start in range(0, len(keys), 1000):  # a million recordings need not be a million tasks at once
            await asyncio.gather(*(one(key) for key in keys[start : start + 1000]))
    return report
