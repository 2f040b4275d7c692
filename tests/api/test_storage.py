"""The storage interface on both back-ends: a directory under DATA_DIR and S3 (a real SeaweedFS)."""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import os
import time
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
import pytest

from api.config import load_config
from api.media.storage import media_store
from api.recordings.storage import recording_store
from api.storage import AudioFiles, LocalStore, ObjectStore, object_store, open_store
from audio import EncodedOutput, PromptUse, process_upload
from tests.api import audio_files
from tests.api.seaweed import Seaweed, seaweed_server  # noqa: F401 (the fixture)

_prefixes = itertools.count(1)


@pytest.fixture(scope="module")
def shared_bucket(seaweed: Seaweed) -> str:
    return seaweed.new_bucket()


@pytest.fixture(params=["local", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> ObjectStore:
    """Each test gets an empty store: a fresh directory, or its own prefix of a bucket."""
    if request.param == "local":
        return open_store("", tmp_path / "data")
    seaweed: Seaweed = request.getfixturevalue("seaweed")
    bucket: str = request.getfixturevalue("shared_bucket")
    url = seaweed.storage_url(bucket, prefix=f"case-{os.getpid()}-{next(_prefixes)}")
    return open_store(url, tmp_path / "data", seaweed.access_key, seaweed.secret_key)


async def _all(keys: AsyncIterator[str]) -> set[str]:
    return {key async for key in keys}


async def test_an_object_is_written_once_read_back_and_deleted(store: ObjectStore) -> None:
    key = "recordings/ab/" + "ab" * 32 + ".wav"
    data = os.urandom(200_000)  # several chunks when streamed
    assert not await store.exists(key)
    assert await store.put(key, data, "audio/wav") is True
    assert await store.exists(key)
    assert await store.get(key) == data
    # Keys name their content: a second write leaves the object alone and says so.
    assert await store.put(key, b"something else") is False
    assert await store.get(key) == data
    chunks = [chunk async for chunk in await store.open(key)]
    assert len(chunks) > 1 and b"".join(chunks) == data
    assert await store.delete(key) is True
    assert await store.delete(key) is False
    assert not await store.exists(key)
    with pytest.raises(FileNotFoundError):
        await store.get(key)
    with pytest.raises(FileNotFoundError):
        await store.open(key)


async def test_listing_a_prefix_returns_exactly_the_keys_under_it(store: ObjectStore) -> None:
    keys = {
        "recordings/ab/ab1.wav",
        "recordings/ab/ab1.mp3",
        "recordings/cd/cd2.wav",
        "media/ab/ab1.wav",
        "documents/account-1/licence.pdf",
    }
    for key in keys:
        await store.put(key, key.encode())
    assert await _all(store.list("recordings/")) == {k for k in keys if k.startswith("recordings/")}
    assert await _all(store.list("recordings/ab/")) == {"recordings/ab/ab1.wav", "recordings/ab/ab1.mp3"}
    assert await _all(store.list("media/")) == {"media/ab/ab1.wav"}
    assert await _all(store.list("voicemail/")) == set()
    await store.delete("media/ab/ab1.wav")
    assert await _all(store.list("media/")) == set()


async def test_keys_that_could_escape_their_folder_are_refused(store: ObjectStore) -> None:
    for key in ("../secret.key", "/etc/passwd", "media/../secret.key", ".hidden", "media//x", ""):
        with pytest.raises(ValueError):
            await store.put(key, b"x")


def _with(url: str, **changes: str) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query.update(changes)
    return urlunsplit(parts._replace(query=urlencode(query)))


async def test_a_signed_url_opens_its_one_object_until_it_expires(store: ObjectStore) -> None:
    key, other = "media/ab/prompt.wav", "media/ab/other.wav"
    data = os.urandom(5000)
    await store.put(key, data, "audio/wav")
    await store.put(other, b"not yours", "audio/wav")
    url = store.signed_url(key, seconds=2, content_type="audio/wav", filename="欢迎词.wav", inline=False)
    if isinstance(store, LocalStore):
        assert url is None  # a directory answers no requests: the service sends the file itself
        return
    assert url is not None
    async with httpx.AsyncClient() as http:
        response = await http.get(url)
        assert response.status_code == 200 and response.content == data
        assert response.headers["content-type"] == "audio/wav"
        assert (
            response.headers["content-disposition"]
            == "attachment; filename*=utf-8''%E6%AC%A2%E8%BF%8E%E8%AF%8D.wav"
        )
        ranged = await http.get(url, headers={"Range": "bytes=100-199"})
        assert ranged.status_code == 206 and ranged.content == data[100:200]
        # Bound to the object: another key, or an altered signature or expiry, is refused.
        assert (await http.get(url.replace("prompt.wav", "other.wav"))).status_code == 403
        signature = dict(parse_qsl(urlsplit(url).query))["X-Amz-Signature"]
        assert (await http.get(_with(url, **{"X-Amz-Signature": signature[::-1]}))).status_code == 403
        assert (await http.get(_with(url, **{"X-Amz-Expires": "3600"}))).status_code == 403
        time.sleep(3)
        assert (await http.get(url)).status_code == 403


async def test_a_signed_url_is_refused_when_signed_with_the_wrong_secret(
    seaweed: Seaweed, shared_bucket: str
) -> None:
    honest = open_store(
        seaweed.storage_url(shared_bucket), Path("unused"), seaweed.access_key, seaweed.secret_key
    )
    await honest.put("media/ab/real.wav", b"real")
    forged = open_store(seaweed.storage_url(shared_bucket), Path("unused"), seaweed.access_key, "guessed")
    url = forged.signed_url(
        "media/ab/real.wav", seconds=60, content_type="audio/wav", filename=None, inline=True
    )
    assert url is not None
    async with httpx.AsyncClient() as http:
        assert (await http.get(url)).status_code == 403
    with pytest.raises(Exception, match="SignatureDoesNotMatch"):
        await forged.get("media/ab/real.wav")


async def test_audio_files_keep_the_paths_the_embedded_service_always_used(tmp_path: Path) -> None:
    """Unset STORAGE_URL: DATA_DIR/media/ab/ab….wav as before, so existing data keeps working."""
    config = load_config({"DATA_DIR": str(tmp_path / "data"), "SECRET_KEY": "k"})
    data = b"RIFF old prompt"
    sha = hashlib.sha256(data).hexdigest()
    old = tmp_path / "data" / "media" / sha[:2] / f"{sha}.wav"
    old.parent.mkdir(parents=True)
    old.write_bytes(data)
    files = media_store(config)
    assert isinstance(object_store(config), LocalStore)
    assert files.root == tmp_path / "data" / "media"
    assert await files.read(sha, "wav") == data
    assert recording_store(config).root == tmp_path / "data" / "recordings"


async def test_audio_files_stored_together_go_together(store: ObjectStore) -> None:
    """A failed write of one output removes the files this call wrote, and only those."""
    audio = await asyncio.to_thread(process_upload, audio_files.tone_wav(1.0), use=PromptUse.IVR_PROMPT)
    files = AudioFiles(store, "media")
    kinds = list(audio.outputs)
    first, last = audio.outputs[kinds[0]], audio.outputs[kinds[-1]]
    shared = files.key(first.sha256, first.extension)
    await store.put(shared, first.data)  # another row's file with the same audio

    class FailsOnTheLast(AudioFiles):
        async def put_output(self, output: EncodedOutput) -> bool:
            if output.kind == last.kind:
                raise OSError("disk full")
            return await super().put_output(output)

    with pytest.raises(OSError):
        await FailsOnTheLast(store, "media").put(audio)
    assert await _all(store.list("media/")) == {shared}
    await files.put(audio)
    assert await _all(store.list("media/")) == {
        files.key(o.sha256, o.extension) for o in audio.outputs.values()
    }
    assert await files.read(last.sha256, last.extension) == last.data


def test_a_storage_url_of_another_kind_is_refused(tmp_path: Path) -> None:
    for url in ("http://bucket", "s3://", "s3://bucket?endpoint=http://x&secret=y"):
        with pytest.raises(ValueError):
            open_store(url, tmp_path)
