"""The files a prompt is delivered as, and what each is for.

- ``wav``: 8 kHz 16-bit mono PCM WAV, what Asterisk plays for ``Playback(name)`` with a ``.wav`` file.
- ``ulaw`` / ``alaw``: headerless G.711 µ-law and A-law at 8 kHz (Asterisk's ``.ulaw``/``.alaw``).
  A-law is the law of the Chinese network, so a call to a 400 number plays it without transcoding.
- ``preview``: MP3 for the web player. MPEG-2 Layer III at 16 kHz, 32 kbit/s: every browser decodes it,
  unlike 8 kHz MP3 (MPEG-2.5, not in the standard), and it is made from the normalised 8 kHz audio so
  the customer hears what callers will hear.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["EncodedOutput", "OutputKind"]


class OutputKind(StrEnum):
    """One delivered file of a prompt."""

    WAV = "wav"
    ULAW = "ulaw"
    ALAW = "alaw"
    PREVIEW = "preview"

    @property
    def extension(self) -> str:
        """File name extension, without the dot, as Asterisk and browsers expect it."""
        return "mp3" if self is OutputKind.PREVIEW else self.value

    @property
    def media_type(self) -> str:
        """The HTTP ``Content-Type`` to serve it with."""
        return _MEDIA_TYPES[self]


_MEDIA_TYPES = {
    OutputKind.WAV: "audio/wav",
    OutputKind.ULAW: "audio/basic",  # RFC 2046: 8 kHz single-channel µ-law
    OutputKind.ALAW: "audio/PCMA",  # RFC 4856
    OutputKind.PREVIEW: "audio/mpeg",
}


@dataclass(frozen=True, slots=True)
class EncodedOutput:
    """One encoded file, in memory, with its content hash.

    Attributes:
        kind: which delivered file this is.
        data: the file's bytes.
        sha256: hex SHA-256 of ``data``; the file's name in a :class:`audio.store.ContentStore`.
    """

    kind: OutputKind
    data: bytes
    sha256: str

    @classmethod
    def of(cls, kind: OutputKind, data: bytes) -> EncodedOutput:
        """Wrap ``data``, hashing it."""
        return cls(kind, data, hashlib.sha256(data).hexdigest())

    @property
    def extension(self) -> str:
        """File name extension, without the dot."""
        return self.kind.extension

    @property
    def media_type(self) -> str:
        """The HTTP ``Content-Type`` to serve it with."""
        return self.kind.media_type

    def __repr__(self) -> str:
        return f"EncodedOutput(kind={self.kind.value!r}, bytes={len(self.data)}, sha256={self.sha256[:12]}…)"
