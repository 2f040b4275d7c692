"""Files Asterisk reads, written whole or not at all.

Asterisk may open a prompt or re-read an include file at any moment, so nothing is ever written in
place: the bytes go to a temporary file beside the target, are flushed to disk and renamed over it.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["replace_file", "write_bytes_atomically"]


def write_bytes_atomically(path: Path, data: bytes, *, sync: bool = True) -> None:
    """The whole file or none: a reader never sees a partial write, a crash leaves the old file.

    ``sync=False`` for a file that only has to outlive the process (the machine failing takes Asterisk
    with it): no wait for the disk.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as file:
            file.write(data)
            file.flush()
            if sync:
                os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def replace_file(path: Path, text: str) -> bool:
    """Make ``path`` hold ``text``; returns False, writing nothing, when it already does.

    The rename is made durable too (the directory is synced), since a reload follows at once.
    """
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_bytes_atomically(path, data)
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    return True
