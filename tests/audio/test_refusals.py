"""Every kind of bad upload is refused with its own code and a Chinese message, before costly work."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from audio import AudioError, ErrorCode, PromptUse, process_upload
from audio import decode as decode_module

if TYPE_CHECKING:
    from conftest import AudioTools


def refusal(data: bytes, use: PromptUse = PromptUse.RINGBACK, **kwargs: int) -> AudioError:
    """The error ``process_upload`` raises for ``data`` (failing the test if it accepts it)."""
    with pytest.raises(AudioError) as caught:
        process_upload(data, use=use, **kwargs)
    error = caught.value
    assert error.message and any("\u4e00" <= char <= "\u9fff" for char in error.message)  # Chinese
    return error


def test_empty_file() -> None:
    assert refusal(b"").code is ErrorCode.EMPTY_FILE


def test_larger_than_the_use_allows() -> None:
    error = refusal(b"\0" * (20 * 1024 * 1024 + 1))
    assert error.code is ErrorCode.TOO_LARGE
    assert "20.0 MB" in error.message


def test_larger_than_the_callers_limit(uploads: dict[str, bytes]) -> None:
    assert refusal(uploads["mp3"], max_bytes=1000).code is ErrorCode.TOO_LARGE


@pytest.mark.parametrize(
    "data",
    [
        "欢迎致电 not audio at all\n".encode() * 50,
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        b"#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://127.0.0.1:9/a.ts\n#EXT-X-ENDLIST\n",
        b"ffconcat version 1.0\nfile '/etc/passwd'\n",
        b"%PDF-1.4\n" + b"0" * 2000,
    ],
    ids=["text", "png", "hls-playlist", "concat-script", "pdf"],
)
def test_not_audio(data: bytes) -> None:
    assert refusal(data).code is ErrorCode.NOT_AUDIO


def test_random_bytes_are_not_audio() -> None:
    error = refusal(bytes((i * 7919 + 13) % 251 for i in range(20000)))
    assert error.code in (ErrorCode.NOT_AUDIO, ErrorCode.CORRUPT)


def test_video_without_sound_is_not_audio(tools: AudioTools) -> None:
    with tempfile.TemporaryDirectory() as workdir:
        target = Path(workdir) / "v.mkv"
        tools.ffmpeg(
            "-f", "lavfi", "-i", "color=c=red:s=32x32:d=1", "-c:v", "ffv1", "-f", "matroska", str(target)
        )
        data = target.read_bytes()
    error = refusal(data)
    assert error.code is ErrorCode.NOT_AUDIO
    assert "音轨" in error.message


def test_audio_format_we_do_not_take(speech_wav: bytes, tools: AudioTools) -> None:
    aiff = tools.transcode(speech_wav, "-f", "aiff")
    error = refusal(aiff)
    assert error.code is ErrorCode.UNSUPPORTED_FORMAT
    assert "aiff" in error.message


@pytest.mark.parametrize("name", ["mp3", "wav", "ogg", "opus", "amr"])
def test_truncated_upload(uploads: dict[str, bytes], name: str) -> None:
    data = uploads[name]
    assert refusal(data[: len(data) * 6 // 10]).code is ErrorCode.TRUNCATED


def test_truncated_m4a_without_its_index(speech_wav: bytes, tools: AudioTools) -> None:
    m4a = tools.transcode(speech_wav, "-c:a", "aac", "-f", "ipod")  # index (moov) written at the end
    assert refusal(m4a[: len(m4a) // 2]).code is ErrorCode.TRUNCATED


def test_truncated_m4a_with_its_index_first(uploads: dict[str, bytes]) -> None:
    m4a = uploads["m4a"]  # +faststart: the index promises more audio than the file still holds
    assert refusal(m4a[: len(m4a) // 2]).code is ErrorCode.TRUNCATED


@pytest.mark.parametrize("name", ["m4a", "ogg", "wav", "aac"])
def test_corrupt_upload(uploads: dict[str, bytes], name: str) -> None:
    data = bytearray(uploads[name])
    if name == "wav":
        data[20:22] = b"\xfe\xca"  # fmt chunk: an audio codec id that does not exist
    else:
        data[16 : len(data) - 16] = bytes((i * 31 + 7) % 256 for i in range(len(data) - 32))
    assert refusal(bytes(data)).code is ErrorCode.CORRUPT


def test_all_silence(tools: AudioTools) -> None:
    silence = tools.ffmpeg(
        "-f", "lavfi", "-i", "anullsrc=r=44100:cl=stereo", "-t", "5", "-f", "wav", "pipe:1"
    )
    assert refusal(silence).code is ErrorCode.SILENT


def test_quiet_hiss_is_silence(tools: AudioTools) -> None:
    hiss = tools.ffmpeg(
        "-f", "lavfi", "-i", "anoisesrc=a=0.0005:c=white:seed=1:r=8000", "-t", "3", "-f", "wav", "pipe:1"
    )  # fmt: skip
    assert refusal(hiss).code is ErrorCode.SILENT


def test_header_without_audio(tools: AudioTools) -> None:
    empty = tools.ffmpeg("-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", "0", "-f", "wav", "pipe:1")
    assert refusal(empty).code in (ErrorCode.EMPTY_AUDIO, ErrorCode.CORRUPT)


@pytest.mark.parametrize(
    ("use", "seconds"),
    [(PromptUse.RINGBACK, 61), (PromptUse.VOICEMAIL_GREETING, 61), (PromptUse.IVR_PROMPT, 301)],
)
def test_too_long_for_its_use(tools: AudioTools, use: PromptUse, seconds: int) -> None:
    tone = tools.ffmpeg(
        "-f", "lavfi", "-i", f"sine=frequency=440:sample_rate=8000:duration={seconds}",
        "-c:a", "libmp3lame", "-b:a", "8k", "-f", "mp3", "pipe:1",
    )  # fmt: skip
    error = refusal(tone, use)
    assert error.code is ErrorCode.TOO_LONG
    assert use.policy.label in error.message and f"{use.policy.max_seconds:g} 秒" in error.message


def test_exactly_at_the_limit_is_accepted(tools: AudioTools) -> None:
    tone = tools.ffmpeg(
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000:duration=59.9", "-f", "wav", "pipe:1"
    )  # fmt: skip
    assert process_upload(tone, use=PromptUse.RINGBACK).duration_seconds <= 60


def test_header_that_understates_the_length_is_stopped_by_the_decode_cap(tools: AudioTools) -> None:
    # Raw AAC has no duration field: ffprobe estimates it from the first frames' bit rate. Six loud
    # seconds at 160 kbit/s followed by two quiet minutes at 8 kbit/s "last" about 25 s by that estimate,
    # so only the capped decode can catch it.
    loud = tools.ffmpeg(
        "-f", "lavfi", "-i", "anoisesrc=a=0.5:r=16000:seed=2", "-t", "6",
        "-c:a", "aac", "-b:a", "160k", "-f", "adts", "pipe:1",
    )  # fmt: skip
    quiet = tools.ffmpeg(
        "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=16000", "-t", "120",
        "-c:a", "aac", "-b:a", "8k", "-f", "adts", "pipe:1",
    )  # fmt: skip
    started = time.perf_counter()
    error = refusal(loud + quiet)
    assert error.code is ErrorCode.TOO_LONG
    assert "仍未结束" in error.message
    assert time.perf_counter() - started < 5


def test_decompression_bomb_is_refused_before_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    # 527 KB of AMR "no data" frames: three hours of audio, 320x larger once decoded. The decode starts
    # beside the probe; the probe's verdict must kill it, never wait for it.
    bomb = b"#!AMR\n" + b"\x7c" * (50 * 3 * 3600)
    cancelled = []

    def no_decoding(self: object) -> None:
        raise AssertionError("the pipeline waited for the bomb's decode")

    real_cancel = decode_module.PendingDecode.cancel

    def cancel(self: decode_module.PendingDecode) -> None:
        cancelled.append(self)
        real_cancel(self)

    monkeypatch.setattr(decode_module.PendingDecode, "finish", no_decoding)
    monkeypatch.setattr(decode_module.PendingDecode, "cancel", cancel)
    error = refusal(bomb, PromptUse.CALL_RECORDING)
    assert error.code is ErrorCode.DECOMPRESSION_BOMB
    assert "3.0 小时" in error.message
    assert len(cancelled) == 1 and cancelled[0]._tool.process.returncode is not None


def test_small_file_that_declares_hours_for_a_prompt_is_a_bomb() -> None:
    bomb = b"#!AMR\n" + b"\x7c" * (50 * 600)  # 30 KB declaring 10 minutes
    assert refusal(bomb).code is ErrorCode.DECOMPRESSION_BOMB


def test_long_but_honest_file_is_too_long_not_a_bomb(tools: AudioTools) -> None:
    wav = tools.ffmpeg(
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000:duration=70", "-f", "wav", "pipe:1"
    )
    assert refusal(wav).code is ErrorCode.TOO_LONG


def test_decoder_that_hangs_is_stopped(uploads: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    class Hanging:
        def wait(self, timeout: float) -> None:
            raise subprocess.TimeoutExpired("ffmpeg", timeout)

        def kill(self) -> None:
            pass

    monkeypatch.setattr(decode_module, "start_tool", lambda *args, **kwargs: Hanging())
    assert refusal(uploads["mp3"]).code is ErrorCode.DECODE_TIMEOUT


def test_refusals_leave_no_temporary_files(
    uploads: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    with tempfile.TemporaryDirectory() as workdir:
        monkeypatch.setattr(tempfile, "tempdir", workdir)
        for data in [uploads["mp3"][:5000], b"not audio" * 100, b"#!AMR\n" + b"\x7c" * 30000]:
            with pytest.raises(AudioError):
                process_upload(data, use=PromptUse.RINGBACK)
        process_upload(uploads["amr"], use=PromptUse.RINGBACK)
        assert os.listdir(workdir) == []


def test_error_repr_names_code_and_message() -> None:
    error = AudioError(ErrorCode.SILENT, "音频中没有声音", detail="max -91 dB")
    assert repr(error) == "AudioError(code='silent', message='音频中没有声音', detail='max -91 dB')"
    assert str(error) == "音频中没有声音"
