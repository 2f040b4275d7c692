"""Storing delivered files by content hash, so the same audio is stored once.

Layout: ``<root>/<first two hex digits>/<sha256>.<extension>`` — two-level fan-out keeps directories
small on any file system. Each file is written to a temporary file in its final directory, flushed to
disk and renamed into place, so a reader sees either the whole file or none, and a crash leaves at
most a ``.tmp-*`` file that :meth:`ContentStore.remove_stale_temporaries` clears. Names are derived
from validated hashes and a fixed set of extensions: no path from a request can reach the file system.

Removing files is the API's decision (it knows which rows still reference a hash); the store only
offers :meth:`ContentStore.delete`.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from audio.formats import EncodedOutput, OutputKind
from audio.result import ProcessedAudio

__all__ = ["ContentStore", "StoredFile", "content_path"]

_SHA256 = re.compile(r"[0-9a-f]{64}")
_EXTENSIONS = frozenset(kind.extension for kind in OutputKind)
_TEMP_PREFIX = ".tmp-"


def content_path(sha256: str, extension: str) -> str:
    """``<first two hex digits>/<sha256>.<extension>``: where a delivered file lives below a store's root.

    One definition for every store, on a disk or in object storage, so files written by one are found by
    the other under the same name.

    Raises:
        ValueError: ``sha256`` is not 64 lowercase hex digits or ``extension`` is not a delivered one.
    """
    if not _SHA256.fullmatch(sha256):
        raise ValueError(f"not a sha256 hex digest: {sha256!r}")
    if extension not in _EXTENSIONS:
        raise ValueError(f"not a stored extension: {extension!r}")
    return f"{sha256[:2]}/{sha256}.{extension}"


@dataclass(frozen=True, slots=True)
class StoredFile:
    """One file in the store.

    Attributes:
        kind: which delivered file it is.
        sha256: its content hash.
        path: where it is.
        created: whether this call wrote it (``False``: the same content was already stored).
    """

    kind: OutputKind
    sha256: str
    path: Path
    created: bool


class ContentStore:
    """Files stored under ``root`` by content hash.

    Example::

        store = ContentStore(data_dir / "audio")
        stored = store.put(process_upload(data, use=PromptUse.RINGBACK))
        stored[OutputKind.ALAW].path  # .../ab/ab12….alaw
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def __repr__(self) -> str:
        return f"ContentStore(root={str(self.root)!r})"

    def path_for(self, sha256: str, extension: str) -> Path:
        """Where the file with this hash and extension lives (whether or not it exists).

        Raises:
            ValueError: ``sha256`` is not 64 lowercase hex digits or ``extension`` is not a delivered one.
        """
        return self.root / content_path(sha256, extension)

    def put(self, audio: ProcessedAudio) -> dict[OutputKind, StoredFile]:
        """Store every output of ``audio``; files already present are left as they are.

        All or nothing: if writing any output fails, the files this call created are removed again
        before the error propagates (files that were already there stay: other prompts may use them).
        """
        stored: dict[OutputKind, StoredFile] = {}
        try:
            for kind, output in audio.outputs.items():
                stored[kind] = self.put_output(output)
        except BaseException:
            for item in stored.values():
                if item.created:
                    item.path.unlink(missing_ok=True)
            raise
        return stored

    def put_output(self, output: EncodedOutput) -> StoredFile:
        """Store one encoded file atomically, unless a file with its hash is already there."""
        path = self.path_for(output.sha256, output.extension)
        if path.exists():
            return StoredFile(output.kind, output.sha256, path, created=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=path.parent)
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(output.data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        return StoredFile(output.kind, output.sha256, path, created=True)

    def exists(self, sha256: str, extension: str) -> bool:
        """Whether the file is stored."""
        return self.path_for(sha256, extension).is_file()

    def read(self, sha256: str, extension: str) -> bytes:
        """The stored file's bytes (``FileNotFoundError`` if it is not stored)."""
        return self.path_for(sha256, extension).read_bytes()

    def delete(self, sha256: str, extension: str) -> bool:
        """Remove a stored file; ``False`` if it was not there."""
        path = self.path_for(sha256, extension)
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        return True

    def remove_stale_temporaries(self, older_than_seconds: float = 3600) -> int:
        """Remove temporary files left by writers that crashed; returns how many were removed."""
        cutoff = time.time() - older_than_seconds
        removed = 0
        for temporary in self._temporaries():
            with contextlib.suppress(FileNotFoundError):
                if temporary.stat().st_mtime < cutoff:
                    temporary.unlink()
                    removed += 1
        return removed

    def _temporaries(self) -> Iterator[Path]:
        """Temporary files in the fan-out directories."""
        if self.root.is_dir():
            yield from self.root.glob(f"*/{_TEMP_PREFIX}*")
