"""Where the service's files live: one interface (``ObjectStore``), a local directory or S3.

``object_store(config)`` is the configured store (``STORAGE_URL``, see ``docs/storage.md``);
``AudioFiles`` names audio by content hash inside it.
"""

from api.storage.base import ObjectStore, check_key, content_disposition
from api.storage.factory import object_store, open_store
from api.storage.hashed import AudioFiles
from api.storage.local import LocalStore

__all__ = [
    "AudioFiles",
    "LocalStore",
    "ObjectStore",
    "check_key",
    "content_disposition",
    "object_store",
    "open_store",
]
