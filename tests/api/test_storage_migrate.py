"""``python -m api storage migrate --to s3://…``: an embedded service's files move to object storage.

The data directory is made by the service itself (a prompt uploaded, a call recording reported), plus
an application scan and a cached announcement; the command runs as an operator would run it, in its own
process, against a real SeaweedFS. Afterwards the service, pointed at the bucket, serves the same bytes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from api.app import create_app
from tests.api import audio_files
from tests.api.media_support import upload
from tests.api.routing_support import active_number, service_token, telephony
from tests.api.seaweed import Seaweed, seaweed_server  # noqa: F401 (the fixture)
from tests.api.support import Env
from tests.api.test_recordings import report

ROOT = Path(__file__).resolve().parents[2]


def migrate(seaweed: Seaweed, bucket: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    settings = seaweed.env(bucket)
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "STORAGE_URL"}}
    env |= {
        "DATA_DIR": str(data_dir),
        "AWS_ACCESS_KEY_ID": settings["AWS_ACCESS_KEY_ID"],
        "AWS_SECRET_ACCESS_KEY": settings["AWS_SECRET_ACCESS_KEY"],
    }
    return subprocess.run(
        [sys.executable, "-m", "api", "storage", "migrate", "--to", settings["STORAGE_URL"]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def local_files(data_dir: Path) -> dict[str, str]:
    """Every stored file of the directory: key → SHA-256."""
    return {
        path.relative_to(data_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in ("media", "recordings", "documents", "sounds")
        for path in (data_dir / folder).rglob("*")
        if path.is_file()
    }


def bucket_files(seaweed: Seaweed, bucket: str) -> dict[str, str]:
    client = seaweed.client()
    return {
        key: hashlib.sha256(client.get_object(Bucket=bucket, Key=key)["Body"].read()).hexdigest()
        for key in seaweed.keys(bucket)
    }


async def test_a_data_directory_is_copied_checked_resumed_and_then_served_from_the_bucket(
    env: Env, seaweed: Seaweed
) -> None:
    data_dir = env.config.data_dir
    customer = await env.customer("acme")
    await active_number(customer)
    token = await service_token(env)
    agent = telephony(env, token)
    item = await upload(customer, "IVR_PROMPT", "欢迎词", audio_files.speech_mp3())
    await report(agent, "CALL", "call-1", audio_files.speech_wav("您好"))
    scan = data_dir / "documents" / "account-1" / ("0" * 32 + ".pdf")
    scan.parent.mkdir(parents=True)
    scan.write_bytes(b"%PDF-1.4 licence scan")
    sound = data_dir / "sounds" / "sys-busy-0123456789abcdef.alaw"
    sound.parent.mkdir(parents=True)
    sound.write_bytes(os.urandom(4000))
    (data_dir / "documents" / "account-1" / "unfinished.part").write_bytes(b"half")  # a crashed write
    files = local_files(data_dir)
    files.pop("documents/account-1/unfinished.part")
    assert len(files) == 4 + 2 + 2

    bucket = seaweed.new_bucket()
    first = migrate(seaweed, bucket, data_dir)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "copied 8 file(s)" in first.stdout and "0 already there" in first.stdout
    assert bucket_files(seaweed, bucket) == files  # same keys, same bytes; the unfinished file stays behind

    # Interrupted and tampered with: one object missing, one holding other bytes. A second run mends both.
    client = seaweed.client()
    missing, wrong = sorted(files)[0], sorted(files)[-1]
    client.delete_object(Bucket=bucket, Key=missing)
    client.put_object(Bucket=bucket, Key=wrong, Body=b"not the file")
    second = migrate(seaweed, bucket, data_dir)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "copied 1 file(s)" in second.stdout and "6 already there, 1 replaced" in second.stdout
    assert bucket_files(seaweed, bucket) == files

    # A file on disk whose bytes no longer match the hash in its name is reported, never copied on.
    recording = next(k for k in files if k.startswith("recordings/") and k.endswith(".mp3"))
    (data_dir / recording).write_bytes(b"bit rot")
    client.delete_object(Bucket=bucket, Key=recording)
    third = migrate(seaweed, bucket, data_dir)
    assert third.returncode == 1
    assert f"damaged (content differs from the hash in its name, not copied): {recording}" in third.stdout
    assert recording not in seaweed.keys(bucket)

    # The service pointed at the bucket reads what the embedded one wrote, under the same keys.
    settings = seaweed.env(bucket)
    s3_config = dataclasses.replace(
        env.config,
        storage_url=settings["STORAGE_URL"],
        storage_access_key=settings["AWS_ACCESS_KEY_ID"],
        storage_secret_key=settings["AWS_SECRET_ACCESS_KEY"],
    )
    moved = Env(s3_config, create_app(s3_config, run_jobs=False, manage_orm=False))
    for path in (data_dir / "media").rglob("*.*"):
        path.unlink()  # gone from the disk: what the service sends now comes from the bucket
    agent = telephony(moved, token)
    alaw = await agent.http.get(f"/media/{item['id']}/alaw")
    assert alaw.status_code == 200
    assert hashlib.sha256(alaw.content).hexdigest() == next(
        sha for key, sha in files.items() if key.startswith("media/") and key.endswith(".alaw")
    )
