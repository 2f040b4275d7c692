"""The service with its files in object storage (``STORAGE_URL=s3://…``, a real SeaweedFS).

A prompt and a call recording are uploaded through the API, land in the bucket (and nowhere on the
service's disk), are downloaded through the service's links as before (a browser is sent on to a
short-lived pre-signed URL, the telephony agent gets the bytes through the service), and leave the
bucket when they are deleted or expire. Application scans and cached announcements live there too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from api.app import create_app
from api.clock import set_clock
from api.config import Config
from api.recordings.retention import expire_recordings, month_after
from tests.api import audio_files
from tests.api.media_support import DELETE as DELETE_MEDIA
from tests.api.media_support import file_of, upload
from tests.api.routing_support import active_number, service_token, telephony
from tests.api.seaweed import Seaweed, seaweed_server  # noqa: F401 (the fixture)
from tests.api.support import Env
from tests.api.test_applications import files, reserved, submit
from tests.api.test_recordings import DELETE as DELETE_RECORDING
from tests.api.test_recordings import ONE, report


@dataclasses.dataclass
class Bucketed:
    env: Env
    seaweed: Seaweed
    bucket: str

    def objects(self, prefix: str = "") -> set[str]:
        return self.seaweed.keys(self.bucket, prefix)

    def sha_of(self, key: str) -> str:
        body = self.seaweed.client().get_object(Bucket=self.bucket, Key=key)["Body"].read()
        return hashlib.sha256(body).hexdigest()


@pytest.fixture
async def s3_env(config: Config, seaweed: Seaweed) -> AsyncIterator[Bucketed]:
    bucket = seaweed.new_bucket()
    settings = seaweed.env(bucket)
    s3_config = dataclasses.replace(
        config,
        storage_url=settings["STORAGE_URL"],
        storage_access_key=settings["AWS_ACCESS_KEY_ID"],
        storage_secret_key=settings["AWS_SECRET_ACCESS_KEY"],
        storage_link_seconds=60,
    )
    yield Bucketed(Env(s3_config, create_app(s3_config, run_jobs=False, manage_orm=False)), seaweed, bucket)
    set_clock(dt.timedelta(0))


def _hashed_keys(folder: str, item: dict[str, Any], columns: dict[str, str]) -> set[str]:
    return {f"{folder}/{item[c][:2]}/{item[c]}.{ext}" for ext, c in columns.items()}


async def _follow(response: httpx.Response) -> httpx.Response:
    """What a browser does with the service's answer: follow the redirect to the store (real HTTP)."""
    assert response.status_code == 302, response.text
    assert response.headers["cache-control"] == "no-store"
    location = response.headers["location"]
    assert location.startswith("http://127.0.0.1:") and "X-Amz-Signature=" in location
    assert "X-Amz-Expires=60&" in location or location.endswith("X-Amz-Expires=60")
    async with httpx.AsyncClient() as http:
        return await http.get(location)


async def test_a_prompt_lives_in_the_bucket_is_downloaded_through_the_service_and_deleted(
    s3_env: Bucketed,
) -> None:
    env = s3_env.env
    customer = await env.customer("acme")
    other = await env.customer("other")
    item = await upload(customer, "IVR_PROMPT", "欢迎词", audio_files.speech_mp3())
    assert item["kind"] == "IVR_PROMPT"
    stored = s3_env.objects("media/")
    assert len(stored) == 4 and {k.rsplit(".", 1)[1] for k in stored} == {"wav", "ulaw", "alaw", "mp3"}
    assert not (env.config.data_dir / "media").exists()  # nothing on the service's disk
    for key in stored:
        assert key.split("/")[2].startswith(s3_env.sha_of(key))  # named by the hash of what it holds

    wav_url = file_of(item, "WAV")["url"]
    wav = await _follow(await customer.http.get(wav_url))
    assert wav.status_code == 200 and wav.headers["content-type"] == "audio/wav"
    assert audio_files.probe(wav.content)["sample_rate"] == "8000"
    wav_key = next(k for k in stored if k.endswith(".wav"))
    assert hashlib.sha256(wav.content).hexdigest() == s3_env.sha_of(wav_key)
    # The signed link works without a session, ?download=1 names the file, ranges come from the store.
    anonymous = env.anonymous()
    attachment = await _follow(await anonymous.http.get(wav_url + "&download=1"))
    assert attachment.headers["content-disposition"] == (
        "attachment; filename*=utf-8''%E6%AC%A2%E8%BF%8E%E8%AF%8D.wav"
    )
    bare = wav_url.split("?")[0]
    assert (await anonymous.http.get(bare)).status_code == 404  # tenancy checks come first, as before
    assert (await other.http.get(bare)).status_code == 404
    assert (await anonymous.http.get(bare + "?expires=9999999999&signature=forged")).status_code == 404

    # The telephony agent (a bearer token) gets the bytes through the service, no redirect.
    agent = telephony(env, await service_token(env))
    alaw = await agent.http.get(bare.replace("/wav", "/alaw"))
    assert alaw.status_code == 200 and alaw.headers["content-type"] == "audio/PCMA"
    alaw_key = next(k for k in stored if k.endswith(".alaw"))
    assert hashlib.sha256(alaw.content).hexdigest() == s3_env.sha_of(alaw_key)

    # The same audio uploaded twice shares its objects; deleting one row keeps them for the other.
    twin = await upload(customer, "IVR_PROMPT", "欢迎词二", audio_files.speech_mp3())
    assert s3_env.objects("media/") == stored
    deleted = await customer.data(DELETE_MEDIA, {"id": twin["id"]})
    assert deleted["deleteMedia"]["deletedAt"] is not None
    assert s3_env.objects("media/") == stored
    await customer.data(DELETE_MEDIA, {"id": item["id"]})
    assert s3_env.objects("media/") == set()
    assert (await customer.http.get(bare)).status_code == 404


async def test_a_call_recording_is_stored_downloaded_and_expired_in_the_bucket(s3_env: Bucketed) -> None:
    env = s3_env.env
    owner = await env.customer("acme")
    await active_number(owner)
    other = await env.customer("other")
    asterisk = telephony(env, await service_token(env))
    call = audio_files.speech_wav("您好,我想查询一下订单")
    row = await report(asterisk, "CALL", "call-0001", call)
    early = await report(asterisk, "CALL", "call-0002", audio_files.speech_wav("请帮我转人工"))
    assert len(s3_env.objects("recordings/")) == 4
    assert not (env.config.data_dir / "recordings").exists()

    row = (await owner.data(ONE, {"id": row["id"]}))["recording"]
    play = await _follow(await owner.http.get(row["playUrl"]))
    assert play.status_code == 200 and play.headers["content-type"] == "audio/mpeg"
    wav = await _follow(await owner.http.get(row["downloadUrl"]))
    assert wav.headers["content-disposition"].startswith('attachment; filename="call-4006228300-')
    assert audio_files.probe(wav.content)["sample_rate"] == "8000"
    assert hashlib.sha256(wav.content).hexdigest() in {
        k.split("/")[2].split(".")[0] for k in s3_env.objects()
    }
    bare = row["downloadUrl"].split("?")[0]
    assert (await other.http.get(bare)).status_code == 404
    assert (await asterisk.http.get(bare)).status_code == 404  # it reports recordings, never reads them

    # The owner deletes one early: its objects go, the other recording's stay.
    await owner.data(DELETE_RECORDING, {"id": early["id"]})
    remaining = s3_env.objects("recordings/")
    assert len(remaining) == 2
    # Retention (R18): a month after the call the job deletes the audio from the bucket.
    started = dt.datetime.fromisoformat(row["startedAt"])
    set_clock(month_after(started) - started + dt.timedelta(minutes=1))
    assert await expire_recordings(env.config) == 1
    assert s3_env.objects("recordings/") == set()
    assert owner.user is not None
    owner = await env.login(owner.user)
    assert (await owner.http.get(bare)).status_code == 410


async def test_application_scans_and_announcements_live_in_the_bucket(s3_env: Bucketed) -> None:
    """Scans are streamed by the service to signed-in people only (no pre-signed URL ever leaves it)."""
    env = s3_env.env
    client, reservation = await reserved(env, "acme", "4006000001")
    other = await env.customer("other")
    application = await submit(client, reservation, files())
    assert application["__typename"] == "Application", application
    scans = s3_env.objects("documents/")
    assert len(scans) == 4 and all(k.startswith("documents/account-") for k in scans)
    assert not env.config.documents_dir.exists()
    licence = next(d for d in application["documents"] if d["kind"] == "BUSINESS_LICENCE")
    response = await client.http.get(licence["url"])
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert response.headers["cache-control"] == "private, no-store"
    assert response.headers["content-disposition"].startswith("attachment; filename*=utf-8''")
    assert hashlib.sha256(response.content).hexdigest() == licence["sha256"]
    assert licence["sha256"] in {s3_env.sha_of(k) for k in scans}
    assert (await other.http.get(licence["url"])).status_code == 404
    assert (await env.anonymous().http.get(licence["url"])).status_code == 401

    # A spoken announcement is made once and kept in the bucket for every API process to share.
    agent = telephony(env, await service_token(env))
    busy = await agent.http.get("/telephony/sounds/sys-no-permission.alaw")
    assert busy.status_code == 200
    (kept,) = s3_env.objects("sounds/")
    assert (
        kept.startswith("sounds/sys-no-permission-")
        and s3_env.sha_of(kept) == hashlib.sha256(busy.content).hexdigest()
    )
    again = await agent.http.get("/telephony/sounds/sys-no-permission.alaw")
    assert again.content == busy.content
