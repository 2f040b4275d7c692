"""What the pipeline returns: the encoded files and the facts the media library stores about them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from audio.formats import EncodedOutput, OutputKind
from audio.uses import PromptUse

__all__ = ["ProcessedAudio", "SourceInfo", "SynthesisInfo"]


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What the upload was, before processing (for the media library's detail view and support).

    Attributes:
        format_name: ffmpeg's demuxer name, e.g. ``"mp3"``, ``"mov,mp4,m4a,3gp,3g2,mj2"``.
        codec_name: the audio codec, e.g. ``"aac"``.
        duration_seconds: decoded duration before trimming.
        sample_rate: the upload's sample rate in Hz.
        channels: the upload's channel count.
        size_bytes: the upload's size.
        sha256: hex SHA-256 of the uploaded bytes (to recognise a re-upload before processing it).
    """

    format_name: str
    codec_name: str
    duration_seconds: float
    sample_rate: int
    channels: int
    size_bytes: int
    sha256: str


@dataclass(frozen=True, slots=True)
class SynthesisInfo:
    """How a text prompt was spoken, so it can be re-synthesised later (e.g. by a better engine).

    Attributes:
        text: the text as given (after trimming whitespace).
        engine: the engine's name, e.g. ``"espeak-ng"``.
        voice: the engine's voice, e.g. ``"cmn"``.
        engine_version: the engine's version string, for knowing which prompts a new version would change.
    """

    text: str
    engine: str
    voice: str
    engine_version: str


@dataclass(frozen=True, slots=True)
class ProcessedAudio:
    """A prompt (or recording) ready to store and play, with its measured properties.

    Levels are measured by the library on the 8 kHz 16-bit WAV output, the file the telephony layer plays.

    Attributes:
        use: what the audio is for.
        outputs: every delivered file, by kind.
        duration_seconds: duration of the delivered audio (after trimming, for prompts).
        sample_rate: always 8000.
        peak_dbfs: highest sample of the WAV output.
        active_level_dbfs: active speech level of the WAV output; ``None`` when it is silent (only
            recordings and voicemail messages may be).
        normalised: whether trimming, levelling and fades were applied (prompts), or not (recordings).
        gain_db: gain that was applied (0 when not normalised).
        limited: whether the peak limiter had to run.
        trimmed_start_seconds: how much silence was cut from the start.
        source: what the upload was.
        synthesis: for a text prompt, what was said and by which engine; ``None`` for uploads.
    """

    use: PromptUse
    outputs: Mapping[OutputKind, EncodedOutput]
    duration_seconds: float
    sample_rate: int
    peak_dbfs: float
    active_level_dbfs: float | None
    normalised: bool
    gain_db: float
    limited: bool
    trimmed_start_seconds: float
    source: SourceInfo
    synthesis: SynthesisInfo | None = field(default=None)

    @property
    def content_sha256(self) -> str:
        """The prompt's identity: the SHA-256 of its WAV output. Same audio, same hash."""
        return self.outputs[OutputKind.WAV].sha256

    @property
    def text(self) -> str | None:
        """The synthesised text, for text prompts."""
        return self.synthesis.text if self.synthesis else None

    def metadata(self) -> dict[str, object]:
        """Everything but the bytes, as JSON-serialisable data for a database column or an API field."""
        return {
            "use": self.use.value,
            "duration_seconds": round(self.duration_seconds, 3),
            "sample_rate": self.sample_rate,
            "peak_dbfs": round(self.peak_dbfs, 2),
            "active_level_dbfs": None if self.active_level_dbfs is None else round(self.active_level_dbfs, 2),
            "normalised": self.normalised,
            "gain_db": round(self.gain_db, 2),
            "limited": self.limited,
            "trimmed_start_seconds": round(self.trimmed_start_seconds, 3),
            "outputs": {
                kind.value: {
                    "sha256": out.sha256,
                    "bytes": len(out.data),
                    "extension": out.extension,
                    "media_type": out.media_type,
                }
                for kind, out in self.outputs.items()
            },
            "source": {
                "format_name": self.source.format_name,
                "codec_name": self.source.codec_name,
                "duration_seconds": round(self.source.duration_seconds, 3),
                "sample_rate": self.source.sample_rate,
                "channels": self.source.channels,
                "size_bytes": self.source.size_bytes,
                "sha256": self.source.sha256,
            },
            "synthesis": None
            if self.synthesis is None
            else {
                "text": self.synthesis.text,
                "engine": self.synthesis.engine,
                "voice": self.synthesis.voice,
                "engine_version": self.synthesis.engine_version,
            },
        }
