"""The scale-out back-end: S3-compatible object storage (AWS S3, SeaweedFS, MinIO, Ceph …) through boto3.

boto3 blocks, so every call that talks to the store runs in a worker thread; one client per store is
shared by all threads (boto3 clients are thread-safe). Pre-signing is a local computation (an HMAC
over the request with the secret key), so ``signed_url`` needs no round trip.

Path-style addressing (``http://host/bucket/key``) is used whenever an endpoint is given, since
self-hosted stores rarely have a DNS name per bucket.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config as BotoConfig
from botocore.exceptions import ClientError

from api.storage.base import check_key, content_disposition

__all__ = ["S3Store", "s3_client"]

_CHUNK = 64 * 1024
_MISSING = {"404", "NoSuchKey", "NotFound"}


def s3_client(endpoint: str | None, region: str, access_key: str, secret_key: str) -> Any:
    """A boto3 S3 client; empty credentials leave boto3 to find them (environment, profile, role)."""
    return boto3.session.Session().client(
        "s3",
        endpoint_url=endpoint or None,
        region_name=region,
        aws_access_key_id=access_key or None,
        aws_secret_access_key=secret_key or None,
        config=BotoConfig(
            signature_version="s3v4",
            s3={"addressing_style": "path" if endpoint else "auto"},
            retries={"mode": "standard", "max_attempts": 4},
            connect_timeout=5,
            read_timeout=60,
            max_pool_connections=32,
        ),
    )


def _missing(error: ClientError) -> bool:
    return str(error.response.get("Error", {}).get("Code")) in _MISSING


class S3Store:
    def __init__(self, client: Any, bucket: str, prefix: str = "") -> None:
        self.client = client
        self.bucket = bucket
        self.prefix = f"{prefix.strip('/')}/" if prefix.strip("/") else ""
        self.location = f"s3://{bucket}/{self.prefix}"

    def __repr__(self) -> str:
        return f"S3Store({self.location!r})"

    def _name(self, key: str) -> str:
        return self.prefix + check_key(key)

    def _stat(self, name: str) -> dict[str, Any] | None:
        try:
            return dict(self.client.head_object(Bucket=self.bucket, Key=name))
        except ClientError as error:
            if _missing(error):
                return None
            raise

    def _head(self, name: str) -> bool:
        return self._stat(name) is not None

    def _put(self, name: str, data: bytes, content_type: str) -> bool:
        if self._head(name):
            return False
        self.client.put_object(Bucket=self.bucket, Key=name, Body=data, ContentType=content_type)
        return True

    async def put(self, key: str, data: bytes, content_type: str = "application/octet-stream") -> bool:
        return await asyncio.to_thread(self._put, self._name(key), data, content_type)

    def _body(self, name: str) -> Any:
        try:
            return self.client.get_object(Bucket=self.bucket, Key=name)["Body"]
        except ClientError as error:
            if _missing(error):
                raise FileNotFoundError(name) from error
            raise

    async def get(self, key: str) -> bytes:
        name = self._name(key)

        def read() -> bytes:
            body = self._body(name)
            try:
                return bytes(body.read())
            finally:
                body.close()

        return await asyncio.to_thread(read)

    async def open(self, key: str) -> AsyncIterator[bytes]:
        body = await asyncio.to_thread(self._body, self._name(key))

        async def chunks() -> AsyncIterator[bytes]:
            try:
                while chunk := await asyncio.to_thread(body.read, _CHUNK):
                    yield bytes(chunk)
            finally:
                body.close()

        return chunks()

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self._head, self._name(key))

    async def modified(self, key: str) -> dt.datetime | None:
        found = await asyncio.to_thread(self._stat, self._name(key))
        return None if found is None else found["LastModified"].astimezone(dt.UTC)

    def _delete(self, name: str) -> bool:
        if not self._head(name):
            return False
        self.client.delete_object(Bucket=self.bucket, Key=name)
        return True

    async def delete(self, key: str) -> bool:
        return await asyncio.to_thread(self._delete, self._name(key))

    async def list(self, prefix: str) -> AsyncIterator[str]:
        token: str | None = None
        while True:
            arguments: dict[str, Any] = {
                "Bucket": self.bucket,
                "Prefix": self.prefix + prefix,
                "MaxKeys": 1000,
            }
            if token:
                arguments["ContinuationToken"] = token
            page = await asyncio.to_thread(functools.partial(self.client.list_objects_v2, **arguments))
            for item in page.get("Contents", []):
                yield str(item["Key"])[len(self.prefix) :]
            token = page.get("NextContinuationToken")
            if not page.get("IsTruncated") or not token:
                return

    def signed_url(
        self, key: str, *, seconds: int, content_type: str, filename: str | None, inline: bool
    ) -> str:
        """A pre-signed GET for this one object, valid ``seconds``, answering with the service's headers."""
        return str(
            self.client.generate_presigned_url(
                "get_object",
                Params={
                    "Bucket": self.bucket,
                    "Key": self._name(key),
                    "ResponseContentType": content_type,
                    "ResponseContentDisposition": content_disposition(filename, inline),
                    "ResponseCacheControl": "private, max-age=60",
                },
                ExpiresIn=seconds,
            )
        )

    def local_path(self, key: str) -> Path | None:
        return None

    def create_bucket(self) -> bool:
        """Create the bucket unless it exists (``storage migrate``, tests); True when it was created."""
        try:
            self.client.head_bucket(Bucket=self.bucket)
            return False
        except ClientError as error:
            if not _missing(error) and str(error.response.get("Error", {}).get("Code")) != "NoSuchBucket":
                raise
        self.client.create_bucket(Bucket=self.bucket)
        return True
