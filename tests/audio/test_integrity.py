"""Truncation tells of WAV, Ogg and AMR containers, on bytes."""

from __future__ import annotations

import struct

from audio.integrity import is_truncated
from audio.probe import sniff_container


def wav(data_size: int, payload: int) -> bytes:
    fmt = struct.pack("<HHIIHH", 1, 1, 8000, 16000, 2, 16)
    return b"RIFF" + struct.pack("<I", 36 + payload) + b"WAVEfmt " + struct.pack("<I", 16) + fmt + \
        b"data" + struct.pack("<I", data_size) + b"\0" * payload  # fmt: skip


def test_wav_declaring_more_than_it_holds_is_truncated() -> None:
    assert is_truncated(wav(1000, 400), "wav")
    assert not is_truncated(wav(400, 400), "wav")


def test_wav_size_placeholders_from_streaming_writers_are_not_truncation() -> None:
    for placeholder in (0, 0xFFFFFFFF, 0x7FFFF000):
        assert not is_truncated(wav(placeholder, 400), "wav")


def ogg_page(flags: int, body: bytes) -> bytes:
    return b"OggS\0" + bytes([flags]) + b"\0" * 20 + bytes([1, len(body)]) + body


def test_ogg_without_end_of_stream_is_truncated() -> None:
    assert not is_truncated(ogg_page(2, b"a" * 10) + ogg_page(4, b"b" * 10), "ogg")
    assert is_truncated(ogg_page(2, b"a" * 10) + ogg_page(0, b"b" * 10), "ogg")
    assert is_truncated(ogg_page(2, b"a" * 10) + ogg_page(4, b"b" * 10)[:-3], "ogg")


def test_amr_ending_inside_a_frame_is_truncated() -> None:
    frame = bytes([7 << 3 | 4]) + b"\0" * 31  # 12.2 kbit/s frame, 32 bytes
    assert not is_truncated(b"#!AMR\n" + frame * 5, "amr")
    assert is_truncated(b"#!AMR\n" + frame * 5 + frame[:10], "amr")


def test_sniffing() -> None:
    assert sniff_container(wav(0, 0)[:16]) == "wav"
    assert sniff_container(b"RIFF\0\0\0\0AVI LIST") is None
    assert sniff_container(b"\0\0\0\x1cftypM4A ") == "mp4"
    assert sniff_container(b"\xff\xfb\x90\x00") == "mpeg-audio"
    assert sniff_container(b"hello") is None
