"""Prompt audio: decoding uploads, normalising for the telephone network, telephony formats, TTS.

A pure library: no database, no HTTP, no import of ``api``. What the API calls::

    from audio import AudioError, ContentStore, OutputKind, PromptUse, process_upload, synthesize

    audio = process_upload(data, use=PromptUse.RINGBACK)   # or raises AudioError(code, message)
    prompt = synthesize("欢迎致电,查号请拨1", use=PromptUse.IVR_PROMPT)
    stored = ContentStore(data_dir / "audio").put(audio)   # {OutputKind.WAV: StoredFile(...), ...}

See ``docs/audio.md`` for the rules (levels, limits, formats) and the error codes.
"""

from __future__ import annotations

from audio.errors import AudioError, AudioToolError, ErrorCode
from audio.formats import EncodedOutput, OutputKind
from audio.pipeline import process_upload
from audio.result import ProcessedAudio, SourceInfo, SynthesisInfo
from audio.store import ContentStore, StoredFile, content_path
from audio.tones import tone
from audio.tts import EspeakNg, SpeechEngine, synthesize
from audio.uses import PromptUse, UsePolicy

__all__ = [
    "AudioError",
    "AudioToolError",
    "ContentStore",
    "EncodedOutput",
    "ErrorCode",
    "EspeakNg",
    "OutputKind",
    "ProcessedAudio",
    "PromptUse",
    "SourceInfo",
    "SpeechEngine",
    "StoredFile",
    "SynthesisInfo",
    "UsePolicy",
    "content_path",
    "process_upload",
    "synthesize",
    "tone",
]
