"""Text-to-speech prompts: a designer types the menu text and gets a playable prompt at once.

The engine sits behind :class:`SpeechEngine`, a one-method interface (text in, audio file bytes out),
so a better engine can replace espeak-ng without touching the pipeline: whatever an engine returns goes
through the same decoding, trimming, levelling and encoding as an upload. The text, the engine, its
voice and version are returned with the prompt (:class:`audio.result.SynthesisInfo`) so the API can
store them and re-synthesise the prompt later.

Example::

    prompt = synthesize("欢迎致电,查号请拨1,值班请拨2,投诉请拨3,传真请拨4")
    prompt.outputs[OutputKind.ALAW].data  # 8 kHz A-law, levelled like every other prompt
    prompt.synthesis.text                 # stored with the prompt
"""

from __future__ import annotations

import subprocess
import tempfile
import unicodedata
from functools import cached_property
from pathlib import Path
from typing import Protocol, runtime_checkable

from audio.errors import AudioError, AudioToolError, ErrorCode
from audio.pipeline import process_audio
from audio.result import ProcessedAudio, SynthesisInfo
from audio.runner import run_tool
from audio.uses import PromptUse

__all__ = ["MAX_TEXT_CHARS", "EspeakNg", "SpeechEngine", "clean_text", "synthesize"]

MAX_TEXT_CHARS = 500  # a long IVR menu is ~60 characters; 500 is minutes of speech, under any prompt limit


@runtime_checkable
class SpeechEngine(Protocol):
    """A text-to-speech engine: turns text into an audio file in any format ffmpeg decodes.

    Attributes:
        name: the engine's name, stored with each prompt (e.g. ``"espeak-ng"``).
        voice: the voice used, stored with each prompt (e.g. ``"cmn"``).
        version: the engine's version string, stored with each prompt.
    """

    name: str
    voice: str

    @property
    def version(self) -> str:
        """The engine's version string."""
        ...

    def render(self, text: str) -> bytes:
        """Speak ``text`` (already cleaned, non-empty) and return the audio file's bytes."""
        ...


class EspeakNg:
    """Mandarin speech from espeak-ng (Debian package ``espeak-ng``), voice ``cmn`` by default.

    Deterministic: the same text, voice, rate and version give the same samples, so the same prompt
    text always yields the same content hash.
    """

    name = "espeak-ng"

    def __init__(self, voice: str = "cmn", *, words_per_minute: int = 150, timeout: float = 60.0) -> None:
        self.voice = voice
        self.words_per_minute = words_per_minute
        self.timeout = timeout

    @cached_property
    def version(self) -> str:
        """espeak-ng's version, e.g. ``"1.51"``."""
        result = run_tool("espeak-ng", ["--version"], timeout=10)
        words = result.stdout.decode("utf-8", "replace").split()
        return words[words.index("text-to-speech:") + 1] if "text-to-speech:" in words else "unknown"

    def render(self, text: str) -> bytes:
        """Speak ``text`` to a WAV file. The text goes through stdin, never the command line."""
        with tempfile.TemporaryDirectory(prefix="audio-tts-") as workdir:
            target = Path(workdir) / "speech.wav"
            args = [
                "-v",
                self.voice,
                "-s",
                str(self.words_per_minute),
                "-b",
                "1",
                "--stdin",
                "-w",
                str(target),
            ]
            try:
                result = run_tool("espeak-ng", args, input_data=text.encode("utf-8"), timeout=self.timeout)
            except subprocess.TimeoutExpired as exc:
                raise AudioToolError(f"espeak-ng timed out after {self.timeout:.0f} s") from exc
            if result.returncode != 0 or not target.exists():
                raise AudioToolError(f"espeak-ng failed ({result.returncode}): {result.stderr}")
            return target.read_bytes()


def clean_text(text: str) -> str:
    """The text as it will be spoken and stored: NFC-normalised, control characters dropped, trimmed.

    Refuses empty and overlong text with an :class:`AudioError`.
    """
    normalised = unicodedata.normalize("NFC", text)
    kept = "".join(" " if unicodedata.category(char).startswith("C") else char for char in normalised)
    cleaned = " ".join(kept.split())
    if not cleaned:
        raise AudioError(ErrorCode.TEXT_EMPTY, "请输入要合成的文字。")
    if len(cleaned) > MAX_TEXT_CHARS:
        raise AudioError(ErrorCode.TEXT_TOO_LONG, f"文字过长({len(cleaned)} 字),最多 {MAX_TEXT_CHARS} 字。")
    return cleaned


def synthesize(
    text: str, *, use: PromptUse = PromptUse.IVR_PROMPT, engine: SpeechEngine | None = None
) -> ProcessedAudio:
    """Speak ``text`` and normalise the speech exactly like an uploaded prompt.

    Args:
        text: what to say, e.g. a menu: "欢迎致电……,查号请拨1,值班请拨2".
        use: what the prompt is for (its duration limit applies to the speech).
        engine: the engine; espeak-ng's Mandarin voice by default.

    Raises:
        AudioError: empty or overlong text, text with nothing to say, or speech longer than the use allows.
        AudioToolError: the engine or ffmpeg is missing or failed.
    """
    cleaned = clean_text(text)
    engine = engine or EspeakNg()
    info = SynthesisInfo(text=cleaned, engine=engine.name, voice=engine.voice, engine_version=engine.version)
    speech = engine.render(cleaned)
    try:
        return process_audio(speech, use=use, max_bytes=None, synthesis=info)
    except AudioError as error:
        if error.code in (ErrorCode.EMPTY_AUDIO, ErrorCode.EMPTY_FILE, ErrorCode.SILENT):
            raise AudioError(
                ErrorCode.SILENT, "合成结果没有声音,请检查文字内容(需包含可朗读的文字)。", detail=error.detail
            ) from error
        if error.code in (ErrorCode.TOO_LONG, ErrorCode.TOO_LARGE):
            raise AudioError(
                ErrorCode.TEXT_TOO_LONG,
                f"文字朗读时长超过{use.policy.label}的上限 {use.policy.max_seconds:g} 秒,请缩短文字。",
                detail=error.message,
            ) from error
        raise
