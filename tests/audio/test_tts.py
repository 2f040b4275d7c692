"""Text-to-speech: a menu text becomes a levelled prompt, with the text kept for re-synthesis."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from audio import AudioError, ErrorCode, EspeakNg, OutputKind, PromptUse, SpeechEngine, synthesize
from audio.normalize import PEAK_CEILING_DBFS, TARGET_DBFS, TOLERANCE_DB
from audio.tts import MAX_TEXT_CHARS, clean_text

if TYPE_CHECKING:
    from conftest import AudioTools

MENU = "欢迎致电,查号请拨1,值班请拨2,投诉请拨3,传真请拨4"


def test_menu_text_becomes_a_levelled_prompt(tools: AudioTools) -> None:
    prompt = synthesize(MENU)
    assert prompt.text == MENU
    assert prompt.synthesis is not None and prompt.synthesis.engine == "espeak-ng"
    assert prompt.synthesis.voice == "cmn" and prompt.synthesis.engine_version
    measured = tools.meter(prompt.outputs[OutputKind.ALAW].data, *tools.RAW_ALAW)
    assert measured.active_dbfs == pytest.approx(TARGET_DBFS, abs=TOLERANCE_DB)
    assert measured.peak_dbfs <= PEAK_CEILING_DBFS
    assert 3 < prompt.duration_seconds < 20
    assert prompt.metadata()["synthesis"]["text"] == MENU  # type: ignore[index]


def test_same_text_gives_the_same_prompt() -> None:
    first, second = synthesize("查号请拨1"), synthesize("查号请拨1")
    assert first.content_sha256 == second.content_sha256
    assert first.outputs[OutputKind.PREVIEW].data == second.outputs[OutputKind.PREVIEW].data


def test_engine_is_replaceable(speech_wav: bytes) -> None:
    class Recorded:
        name = "recorded"
        voice = "studio"
        version = "1"

        def __init__(self) -> None:
            self.texts: list[str] = []

        def render(self, text: str) -> bytes:
            self.texts.append(text)
            return speech_wav

    engine = Recorded()
    assert isinstance(engine, SpeechEngine) and isinstance(EspeakNg(), SpeechEngine)
    prompt = synthesize("  欢迎\t致电 ", engine=engine, use=PromptUse.VOICEMAIL_GREETING)
    assert engine.texts == ["欢迎 致电"]
    assert prompt.synthesis is not None and prompt.synthesis.engine == "recorded"
    assert prompt.use is PromptUse.VOICEMAIL_GREETING


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", ErrorCode.TEXT_EMPTY),
        (" \n\t\x00", ErrorCode.TEXT_EMPTY),
        ("请" * (MAX_TEXT_CHARS + 1), ErrorCode.TEXT_TOO_LONG),
        ("……,。!", ErrorCode.SILENT),
    ],
)
def test_bad_text_is_refused(text: str, code: ErrorCode) -> None:
    with pytest.raises(AudioError) as caught:
        synthesize(text)
    assert caught.value.code is code


def test_speech_longer_than_the_use_allows_is_refused() -> None:
    with pytest.raises(AudioError) as caught:
        synthesize("欢迎致电本公司," * 30, use=PromptUse.RINGBACK)
    assert caught.value.code is ErrorCode.TEXT_TOO_LONG
    assert "60 秒" in caught.value.message


def test_text_with_option_like_dashes_is_spoken_not_parsed() -> None:
    assert synthesize("--help 请拨1").text == "--help 请拨1"


def test_clean_text_normalises_and_strips_control_characters() -> None:
    assert clean_text("Ａ\u200b欢迎\r\n致电") == "Ａ 欢迎 致电"
