"""The store a configuration names (``STORAGE_URL``), made once per process and shared.

- empty (the default): ``LocalStore(DATA_DIR)``, the embedded set-up, with the paths files always had;
- ``s3://bucket[/prefix]?endpoint=http://host:8333&region=us-east-1``: ``S3Store``, credentials from
  ``AWS_ACCESS_KEY_ID`` / ``AWS_SECRET_ACCESS_KEY`` (or boto3's own lookup when those are unset).
"""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from api.config import Config
from api.storage.base import ObjectStore
from api.storage.local import LocalStore

__all__ = ["object_store", "open_store"]


def open_store(url: str, data_dir: Path, access_key: str = "", secret_key: str = "") -> ObjectStore:
    """The store ``url`` names (see the module docstring).

    Raises:
        ValueError: a URL of another scheme, without a bucket, or with options this module does not know.
    """
    if not url:
        return LocalStore(data_dir)
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc:
        raise ValueError(f"STORAGE_URL must be empty or s3://bucket?endpoint=…, not {url!r}")
    options = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    unknown = set(options) - {"endpoint", "region"}
    if unknown:
        raise ValueError(f"STORAGE_URL: unknown options {sorted(unknown)} (endpoint, region)")
    from api.storage.s3 import S3Store, s3_client  # boto3 loads only when S3 is configured

    client = s3_client(options.get("endpoint"), options.get("region") or "us-east-1", access_key, secret_key)
    return S3Store(client, parts.netloc, parts.path)


@functools.lru_cache(maxsize=8)
def _cached(url: str, data_dir: Path, access_key: str, secret_key: str) -> ObjectStore:
    return open_store(url, data_dir, access_key, secret_key)


def object_store(config: Config) -> ObjectStore:
    """The configured store; one client per process (a boto3 client takes a while to make)."""
    return _cached(config.storage_url, config.data_dir, config.storage_access_key, config.storage_secret_key)
