"""Spotting truncated uploads that decoders would silently accept.

A WAV, Ogg or AMR file cut short by an interrupted upload still decodes: ffmpeg plays what is there
and says nothing. Each container has its own tell — a WAV ``data`` chunk that declares more bytes than
follow, an Ogg stream whose last page is not marked end-of-stream, an AMR file ending inside a frame —
and checking it costs a few microseconds on bytes already in memory. (MP3 and M4A truncation shows up
as a decoded duration well short of the declared one; see :func:`audio.pipeline.process_upload`.)
"""

from __future__ import annotations

import struct

__all__ = ["is_truncated"]

# Frame sizes in bytes, including the one-byte frame header, indexed by frame type (RFC 4867 §5.3).
_AMR_NB_SIZES = (13, 14, 16, 18, 20, 21, 27, 32, 6, 1, 1, 1, 1, 1, 1, 1)
_AMR_WB_SIZES = (18, 24, 33, 37, 41, 47, 51, 59, 61, 6, 1, 1, 1, 1, 1, 1)
_OGG_MAX_PAGE = 27 + 255 + 255 * 255
# Streaming writers that cannot seek back put a placeholder in the size field: 0, 0xFFFFFFFF, or (espeak-ng,
# sox) 0x7FFFF000. No upload limit allows a real 2 GB data chunk, so any size that large is a placeholder.
_WAV_PLACEHOLDER_SIZE = 0x7FFF0000


def is_truncated(data: bytes, container: str | None) -> bool:
    """Whether ``data``, sniffed as ``container``, ends before its own structure says it should."""
    if container == "wav":
        return _wav_truncated(data)
    if container == "ogg":
        return _ogg_truncated(data)
    if container == "amr":
        return _amr_truncated(data)
    return False


def _wav_truncated(data: bytes) -> bool:
    """The ``data`` chunk declares more bytes than the file holds."""
    offset = 12
    while offset + 8 <= len(data):
        chunk_id = data[offset : offset + 4]
        size: int = struct.unpack_from("<I", data, offset + 4)[0]
        if chunk_id == b"data":
            return 0 < size < _WAV_PLACEHOLDER_SIZE and offset + 8 + size > len(data)
        offset += 8 + size + (size & 1)
    return False


def _ogg_truncated(data: bytes) -> bool:
    """The last Ogg page is incomplete or is not flagged end-of-stream."""
    start = data.rfind(b"OggS", max(0, len(data) - _OGG_MAX_PAGE))
    if start < 0 or start + 27 > len(data):
        return True
    header_type = data[start + 5]
    segments = data[start + 26]
    lacing_end = start + 27 + segments
    if lacing_end > len(data):
        return True
    body = sum(data[start + 27 : lacing_end])
    if lacing_end + body > len(data):
        return True
    return not header_type & 0x04


def _amr_truncated(data: bytes) -> bool:
    """The last AMR frame runs past the end of the file."""
    if data.startswith(b"#!AMR-WB\n"):
        offset, sizes = 9, _AMR_WB_SIZES
    elif data.startswith(b"#!AMR\n"):
        offset, sizes = 6, _AMR_NB_SIZES
    else:  # multichannel variants: no cheap check, let the decoder judge
        return False
    while offset < len(data):
        offset += sizes[(data[offset] >> 3) & 0x0F]
    return offset > len(data)
