"""The library stays a library: importable with warnings as errors, and never reaching into the API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

AUDIO = Path(__file__).resolve().parents[2] / "audio"


def test_import_raises_no_warnings() -> None:
    # pydub imports the deprecated audioop; audio.segments must keep that from failing strict runs.
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", "import audio, audio.tts, audio.store"],
        capture_output=True, text=True, cwd=AUDIO.parent,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_no_database_http_or_api_imports() -> None:
    forbidden = (
        "import api",
        "from api",
        "import ivr_flows",
        "from ivr_flows",
        "tortoise",
        "starlette",
        "httpx",
    )
    for source in AUDIO.rglob("*.py"):
        text = source.read_text()
        assert not any(word in text for word in forbidden), source
