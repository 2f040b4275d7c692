"""Recordings and voicemail off the request path: intake answers at once with a pending row, worker
processes (``python -m api worker``) make it playable, never twice, and take over from a killed one."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from api.config import Config
from api.recordings.models import EPOCH, Recording, RecordingState
from api.recordings.processing import GAVE_UP, MAX_ATTEMPTS, process_pending
from api.recordings.storage import recording_store
from tests.api import audio_files
from tests.api.support import Client, Env, gql_upload
from tests.api.test_recordings import REPORT, _setup

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def asterisk(env: Env) -> Client:
    """The telephony layer's client, for a customer with number 400-622-8300 in service."""
    return (await _setup(env))[2]


async def _send(asterisk: Client, call_id: str, data: bytes, kind: str = "CALL") -> dict[str, Any]:
    started = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    variables = {
        "i": {
            "kind": kind,
            "callId": call_id,
            "number": "4006228300",
            "caller": "13912345678",
            "startedAt": started.isoformat(),
            "endedAt": (started + dt.timedelta(seconds=40)).isoformat(),
            "file": None,
        }
    }
    body = await gql_upload(asterisk, REPORT, variables, {"i.file": ("call.wav", data)})
    assert "errors" not in body, body
    row: dict[str, Any] = body["data"]["reportCallAudio"]
    return row


def _environment(config: Config, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": config.database_url,
        "DATA_DIR": str(config.data_dir),
        "SECRET_KEY": "test-secret",
        **extra,
    }


def _worker(config: Config, *args: str, **extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "api", "worker", *args],
        cwd=ROOT,
        env=_environment(config, **extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen[str]) -> str:
    out, err = process.communicate(timeout=180)
    assert process.returncode == 0, err
    return out


def _originals(config: Config) -> list[Path]:
    root = config.data_dir / "incoming"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


async def test_intake_answers_at_once_and_a_worker_process_makes_the_recording_playable(
    env: Env, asterisk: Client
) -> None:
    data = audio_files.encode(audio_files.tone_wav(120), "-f", "mp3")  # two minutes: a real transcode
    started = time.monotonic()
    row = await _send(asterisk, "call-1", data)
    took = time.monotonic() - started
    assert row["state"] == "PENDING" and row["durationSeconds"] == 0 and row["playUrl"] is None
    assert took < 1.0, took
    assert len(_originals(env.config)) == 1  # the upload as it came, waiting in the store

    out = await asyncio.to_thread(_finish, _worker(env.config, "--once"))
    assert "processed 1 recording(s)" in out
    stored = await Recording.get(id=int(row["id"]))
    assert stored.state == RecordingState.READY and abs(stored.duration_seconds - 120) < 0.5
    assert stored.attempts == 1 and stored.original_key == "" and _originals(env.config) == []
    wav = await recording_store(env.config).read(stored.wav_sha256, "wav")
    assert audio_files.probe(wav)["sample_rate"] == "8000"


async def test_two_workers_never_process_the_same_recording_twice(env: Env, asterisk: Client) -> None:
    data = audio_files.speech_wav("您好,我想查询一下订单")
    ids = [int((await _send(asterisk, f"call-{n}", data))["id"]) for n in range(10)]
    workers = [_worker(env.config, "--once", "--concurrency", "2") for _ in range(2)]
    outs = await asyncio.gather(*(asyncio.to_thread(_finish, w) for w in workers))
    counts = [int(out.split("processed ")[1].split()[0]) for out in outs]
    assert sum(counts) == 10  # each recording finished by exactly one of them
    rows = await Recording.filter(id__in=ids)
    assert {r.state for r in rows} == {RecordingState.READY}
    assert [r.attempts for r in rows] == [1] * 10  # and claimed exactly once
    assert _originals(env.config) == []


async def test_a_killed_worker_loses_its_claim_when_it_expires_and_another_finishes(
    env: Env, asterisk: Client
) -> None:
    long = audio_files.encode(audio_files.tone_wav(600), "-f", "mp3")  # ten minutes: seconds of work
    row_id = int((await _send(asterisk, "call-long", long))["id"])
    first = _worker(env.config, MEDIA_CLAIM_SECONDS="6")
    try:
        deadline = time.monotonic() + 60
        while not (await Recording.get(id=row_id)).claimed_by:
            assert time.monotonic() < deadline and first.poll() is None
            await asyncio.sleep(0.02)
        first.send_signal(signal.SIGKILL)  # mid-job: ffmpeg is still decoding
        first.communicate(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
        first.communicate()
    killed = await Recording.get(id=row_id)
    assert killed.state == RecordingState.PENDING and killed.attempts == 1

    # While the claim holds, nobody else takes the recording …
    assert await process_pending(env.config) == 0
    # … once it has expired, another worker finishes it.
    await asyncio.sleep(max(0.0, (killed.claim_until - dt.datetime.now(dt.UTC)).total_seconds()) + 0.2)
    out = await asyncio.to_thread(_finish, _worker(env.config, "--once"))
    assert "processed 1 recording(s)" in out
    done = await Recording.get(id=row_id)
    assert done.state == RecordingState.READY and done.attempts == 2 and abs(done.duration_seconds - 600) < 1
    assert _originals(env.config) == []


async def test_a_corrupt_upload_ends_failed_with_a_reason_and_is_not_retried(
    env: Env, asterisk: Client
) -> None:
    row = await _send(asterisk, "vm-bad", b"RIFF\x00\x00\x00\x00WAVEnot really audio" * 10, kind="VOICEMAIL")
    assert row["state"] == "PENDING"
    assert await process_pending(env.config) == 1
    failed = await Recording.get(id=int(row["id"]))
    assert failed.state == RecordingState.FAILED and failed.attempts == 1
    assert any("\u4e00" <= ch <= "\u9fff" for ch in failed.failure), failed.failure  # said in Chinese
    assert _originals(env.config) == []
    assert await process_pending(env.config) == 0  # nothing left to loop on
    again = await _send(asterisk, "vm-bad", b"whatever", kind="VOICEMAIL")  # the agent's retry: the same row
    assert again["state"] == "FAILED" and again["failure"] == failed.failure


async def test_a_recording_that_keeps_killing_its_workers_is_given_up(env: Env, asterisk: Client) -> None:
    row_id = int((await _send(asterisk, "call-x", audio_files.speech_wav("您好")))["id"])
    # As if MAX_ATTEMPTS workers had died on it, each claim expired.
    await Recording.filter(id=row_id).update(attempts=MAX_ATTEMPTS, claim_until=EPOCH, claimed_by="dead")
    assert await process_pending(env.config) == 1
    row = await Recording.get(id=row_id)
    assert row.state == RecordingState.FAILED and row.failure == GAVE_UP


async def test_a_working_worker_keeps_its_claim_on_a_long_recording(env: Env, asterisk: Client) -> None:
    long = audio_files.encode(audio_files.tone_wav(600), "-f", "mp3")  # seconds of work, claims of 1 s
    row_id = int((await _send(asterisk, "call-long", long))["id"])
    workers = [_worker(env.config, MEDIA_CLAIM_SECONDS="1", MEDIA_POLL_SECONDS="0.1") for _ in range(2)]
    try:
        deadline = time.monotonic() + 120
        while (await Recording.get(id=row_id)).state == RecordingState.PENDING:
            assert time.monotonic() < deadline
            await asyncio.sleep(0.1)
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        for worker in workers:
            worker.communicate(timeout=60)
    done = await Recording.get(id=row_id)
    assert done.state == RecordingState.READY and done.attempts == 1  # renewed, never taken over
