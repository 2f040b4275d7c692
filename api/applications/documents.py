"""Application documents: checked by content, size-limited, stored outside the database.

Files are written before the rows that point at them and deleted again if the rows are not committed,
so a failed request leaves neither an orphaned file nor a row pointing at nothing. They live under
``documents/`` of the configured store (``api.storage``); a row keeps the path below that folder.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from api.errors import UserError
from api.storage import ObjectStore

__all__ = ["FOLDER", "StoredFile", "UploadedDocument", "document_key", "sniff_document", "stage_files"]

#: The store's folder for document scans (``config.documents_dir`` in the embedded set-up).
FOLDER = "documents"

_PDF = b"%PDF-"
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


@dataclass(frozen=True)
class UploadedDocument:
    field: str
    filename: str
    data: bytes
    content_type: str
    extension: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def sniff_document(field: str, filename: str, data: bytes, max_bytes: int) -> UploadedDocument:
    """Accept a PDF, PNG or JPEG scan judged by its bytes, never by its name or declared type."""
    if not data:
        raise UserError("empty_file", "上传的文件为空", field)
    if len(data) > max_bytes:
        raise UserError("file_too_large", f"文件超过{max_bytes // (1024 * 1024)}MB的大小限制", field)
    if data.startswith(_PDF):
        if b"%%EOF" not in data[-1024:]:
            raise UserError("corrupt_file", "PDF文件不完整或已损坏,请重新扫描上传", field)
        return UploadedDocument(field, filename, data, "application/pdf", "pdf")
    if data.startswith(_PNG):
        if b"IEND" not in data[-16:]:
            raise UserError("corrupt_file", "PNG图片不完整或已损坏,请重新上传", field)
        return UploadedDocument(field, filename, data, "image/png", "png")
    if data.startswith(_JPEG):
        if not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
            raise UserError("corrupt_file", "JPEG图片不完整或已损坏,请重新上传", field)
        return UploadedDocument(field, filename, data, "image/jpeg", "jpg")
    raise UserError("unsupported_file", "仅支持PDF、JPG或PNG格式的扫描件", field)


@dataclass(frozen=True)
class StoredFile:
    document: UploadedDocument
    relative_path: str


def document_key(relative_path: str) -> str:
    """The store key of a document row's file (``Document.path`` is relative to the folder)."""
    return f"{FOLDER}/{relative_path}"


@asynccontextmanager
async def stage_files(
    store: ObjectStore, folder: str, documents: list[UploadedDocument]
) -> AsyncIterator[list[StoredFile]]:
    """Write the files; if the block raises, remove them again and re-raise."""
    written: list[str] = []
    stored: list[StoredFile] = []
    try:
        for doc in documents:
            relative = f"{folder}/{uuid.uuid4().hex}.{doc.extension}"
            key = document_key(relative)
            written.append(key)
            await store.put(key, doc.data, doc.content_type)
            stored.append(StoredFile(doc, relative))
        yield stored
    except BaseException:
        for key in written:
            await store.delete(key)
        raise
