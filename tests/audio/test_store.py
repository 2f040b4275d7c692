"""ContentStore: same audio stored once, atomic writes, nothing left behind on failure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from audio import ContentStore, OutputKind, ProcessedAudio, PromptUse, process_upload


@pytest.fixture(scope="module")
def ringback(uploads: dict[str, bytes]) -> ProcessedAudio:
    return process_upload(uploads["amr"], use=PromptUse.RINGBACK)


def files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_put_stores_each_output_by_hash(tmp_path: Path, ringback: ProcessedAudio) -> None:
    store = ContentStore(tmp_path)
    stored = store.put(ringback)
    for kind, output in ringback.outputs.items():
        assert stored[kind].path == tmp_path / output.sha256[:2] / f"{output.sha256}.{output.extension}"
        assert stored[kind].path.read_bytes() == output.data
        assert stored[kind].created
        assert store.read(output.sha256, output.extension) == output.data


def test_same_audio_twice_is_stored_once(
    tmp_path: Path, ringback: ProcessedAudio, uploads: dict[str, bytes]
) -> None:
    store = ContentStore(tmp_path)
    store.put(ringback)
    before = files(tmp_path)
    again = store.put(process_upload(uploads["amr"], use=PromptUse.RINGBACK))
    assert not any(item.created for item in again.values())
    assert files(tmp_path) == before and len(before) == len(OutputKind)


def test_failed_put_leaves_nothing_behind(
    tmp_path: Path, ringback: ProcessedAudio, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ContentStore(tmp_path)
    real_replace = os.replace
    calls = []

    def failing_replace(source: str, target: Path) -> None:
        calls.append(target)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space"):
        store.put(ringback)
    assert files(tmp_path) == []


def test_paths_come_only_from_hashes(tmp_path: Path) -> None:
    store = ContentStore(tmp_path)
    for sha, ext in [
        ("../../etc/passwd", "wav"),
        ("A" * 64, "wav"),
        ("a" * 64, "wav/../../x"),
        ("a" * 64, "exe"),
    ]:
        with pytest.raises(ValueError):
            store.path_for(sha, ext)


def test_delete_and_exists(tmp_path: Path, ringback: ProcessedAudio) -> None:
    store = ContentStore(tmp_path)
    store.put(ringback)
    wav = ringback.outputs[OutputKind.WAV]
    assert store.exists(wav.sha256, "wav")
    assert store.delete(wav.sha256, "wav")
    assert not store.exists(wav.sha256, "wav")
    assert not store.delete(wav.sha256, "wav")


def test_stale_temporaries_are_cleared(tmp_path: Path) -> None:
    (tmp_path / "ab").mkdir()
    stale = tmp_path / "ab" / ".tmp-crashed"
    stale.write_bytes(b"partial")
    os.utime(stale, (0, 0))
    fresh = tmp_path / "ab" / ".tmp-writing"
    fresh.write_bytes(b"partial")
    assert ContentStore(tmp_path).remove_stale_temporaries() == 1
    assert files(tmp_path) == ["ab/.tmp-writing"]
