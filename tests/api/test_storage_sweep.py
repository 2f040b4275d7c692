"""Orphan sweeping on both back-ends: files left behind by a crash between a row and its files go; files
a live row (or any document row) references, recent files and cached announcements stay."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from api.app import create_app
from api.clock import set_clock, utcnow
from api.config import Config
from api.media.models import MediaItem
from api.orphans import sweep_orphans
from api.recordings.models import Recording
from api.storage import ObjectStore, object_store
from tests.api import audio_files
from tests.api.media_support import upload
from tests.api.routing_support import active_number, service_token, telephony
from tests.api.seaweed import Seaweed, seaweed_server  # noqa: F401 (the fixture)
from tests.api.support import Env
from tests.api.test_applications import files, reserved, submit
from tests.api.test_recordings import report

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["local", "s3"])
def storage_settings(request: pytest.FixtureRequest) -> dict[str, Any]:
    if request.param == "local":
        return {}
    seaweed: Seaweed = request.getfixturevalue("seaweed")
    settings = seaweed.env(seaweed.new_bucket())
    return {
        "storage_url": settings["STORAGE_URL"],
        "storage_access_key": settings["AWS_ACCESS_KEY_ID"],
        "storage_secret_key": settings["AWS_SECRET_ACCESS_KEY"],
    }


@pytest.fixture
async def stored_env(config: Config, storage_settings: dict[str, Any]) -> AsyncIterator[Env]:
    configured = dataclasses.replace(config, **storage_settings)
    yield Env(configured, create_app(configured, run_jobs=False, manage_orm=False))
    set_clock(dt.timedelta(0))


async def keys(store: ObjectStore) -> set[str]:
    return {
        key
        for folder in ("media/", "recordings/", "documents/", "sounds/")
        async for key in store.list(folder)
    }


def hashed(folder: str, row: Any, columns: tuple[str, ...]) -> set[str]:
    return {
        f"{folder}/{getattr(row, c)[:2]}/{getattr(row, c)}.{ext}"
        for c, ext in zip(columns, ("wav", "mp3", "ulaw", "alaw"), strict=False)
    }


MEDIA_COLUMNS = ("wav_sha256", "preview_sha256", "ulaw_sha256", "alaw_sha256")
RECORDING_COLUMNS = ("wav_sha256", "preview_sha256")


def sweep_command(env: Env, *args: str) -> subprocess.CompletedProcess[str]:
    config = env.config
    variables = {k: v for k, v in os.environ.items() if k not in {"TEST_DATABASE_URL"}}
    variables |= {
        "DATA_DIR": str(config.data_dir),
        "DATABASE_URL": config.database_url,
        "SECRET_KEY": "test-secret",
        "STORAGE_URL": config.storage_url,
        "AWS_ACCESS_KEY_ID": config.storage_access_key,
        "AWS_SECRET_ACCESS_KEY": config.storage_secret_key,
    }
    return subprocess.run(
        [sys.executable, "-m", "api", "storage", "sweep", *args],
        cwd=ROOT,
        env=variables,
        capture_output=True,
        text=True,
        timeout=120,
    )


async def test_files_no_row_references_are_found_and_removed_after_their_grace(stored_env: Env) -> None:
    env = stored_env
    store = object_store(env.config)
    customer = await env.customer("acme")
    await active_number(customer, "4006228300")
    agent = telephony(env, await service_token(env))
    kept_prompt = await upload(customer, "IVR_PROMPT", "欢迎词", audio_files.speech_mp3())
    lost_prompt = await upload(customer, "IVR_PROMPT", "下班提示", audio_files.tone_wav(2.0))
    kept_call = await report(agent, "CALL", "call-1", audio_files.speech_wav("您好"))
    lost_call = await report(agent, "CALL", "call-2", audio_files.speech_wav("再见"))
    client, reservation = await reserved(env, "scans", "4006000001")
    assert (await submit(client, reservation, files()))["__typename"] == "Application"
    assert (await agent.http.get("/telephony/sounds/sys-no-permission.alaw")).status_code == 200
    # Crashes between a row and its files: rows marked deleted whose files were never released, and a
    # scan whose application was never saved.
    await MediaItem.filter(id=int(lost_prompt["id"])).update(deleted_at=utcnow())
    await Recording.filter(id=int(lost_call["id"])).update(deleted_at=utcnow())
    stray_scan = (
        f"documents/account-{customer.user.account_id if customer.user else 0}/{uuid.uuid4().hex}.pdf"
    )
    await store.put(stray_scan, b"%PDF-1.4 never saved")
    before = await keys(store)
    lost = (
        hashed("media", await MediaItem.get(id=int(lost_prompt["id"])), MEDIA_COLUMNS)
        | hashed("recordings", await Recording.get(id=int(lost_call["id"])), RECORDING_COLUMNS)
        | {stray_scan}
    )
    assert lost < before and len(lost) == 4 + 2 + 1

    fresh = await sweep_orphans(store, delete=True)  # everything was written just now
    assert fresh.orphans == [] and set(fresh.recent) == lost and await keys(store) == before

    listed = sweep_command(env, "--grace-hours", "0")
    assert listed.returncode == 0, listed.stderr
    assert {
        line.split(": ", 1)[1] for line in listed.stdout.splitlines() if line.startswith("orphan: ")
    } == lost
    assert "7 orphan(s) (run with --delete to remove them)" in listed.stdout
    assert await keys(store) == before  # listing removes nothing

    set_clock(dt.timedelta(hours=2))
    swept = await sweep_orphans(store, delete=True)
    assert set(swept.orphans) == lost and swept.removed == 7 and swept.restored == []
    assert await keys(store) == before - lost
    # What is left still plays and downloads.
    assert customer.user is not None
    customer = await env.login(customer.user)
    kept = hashed("media", await MediaItem.get(id=int(kept_prompt["id"])), MEDIA_COLUMNS)
    kept |= hashed("recordings", await Recording.get(id=int(kept_call["id"])), RECORDING_COLUMNS)
    assert kept <= await keys(store)
    assert (await agent.http.get(f"/media/{kept_prompt['id']}/alaw")).status_code == 200


class _UploadDuringSweep:
    """The store, with an upload of the same audio committing just as the sweep deletes a file."""

    def __init__(self, store: ObjectStore, item_id: int) -> None:
        self._store = store
        self._item_id = item_id

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    async def delete(self, key: str) -> bool:
        removed = await self._store.delete(key)
        await MediaItem.filter(id=self._item_id).update(deleted_at=None)
        return removed


async def test_a_file_referenced_again_during_the_sweep_is_written_back(stored_env: Env) -> None:
    env = stored_env
    store = object_store(env.config)
    customer = await env.customer("acme")
    item = await upload(customer, "IVR_PROMPT", "欢迎词", audio_files.speech_mp3())
    await MediaItem.filter(id=int(item["id"])).update(deleted_at=utcnow())
    before = await keys(store)
    set_clock(dt.timedelta(hours=2))
    racing: Any = _UploadDuringSweep(store, int(item["id"]))
    swept = await sweep_orphans(racing, delete=True)
    assert len(swept.orphans) == 4 and sorted(swept.restored) == sorted(swept.orphans) and swept.removed == 0
    assert await keys(store) == before
    agent = telephony(env, await service_token(env))
    assert (await agent.http.get(f"/media/{item['id']}/wav")).status_code == 200
