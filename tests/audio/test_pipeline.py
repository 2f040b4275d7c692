"""process_upload: every accepted format becomes levelled 8 kHz telephone audio, deterministically."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from audio import OutputKind, ProcessedAudio, PromptUse, process_upload
from audio.normalize import PEAK_CEILING_DBFS, TARGET_DBFS, TOLERANCE_DB

if TYPE_CHECKING:
    from conftest import AudioTools

FORMATS = ["wav", "mp3", "m4a", "aac", "ogg", "opus", "amr"]


@pytest.fixture(scope="module")
def processed(uploads: dict[str, bytes]) -> dict[str, ProcessedAudio]:
    """Each upload processed once as a ringback tone (the module's tests only read the results)."""
    return {name: process_upload(data, use=PromptUse.RINGBACK) for name, data in uploads.items()}


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_becomes_8khz_mono_16bit_wav(
    processed: dict[str, ProcessedAudio], name: str, tools: AudioTools
) -> None:
    wav = processed[name].outputs[OutputKind.WAV].data
    measured = tools.meter(wav)
    assert (measured.sample_rate, measured.channels) == (8000, 1)
    assert wav[:4] == b"RIFF" and wav[8:12] == b"WAVE"
    assert int.from_bytes(wav[34:36], "little") == 16  # bits per sample
    assert processed[name].sample_rate == 8000
    assert measured.duration == pytest.approx(processed[name].duration_seconds, abs=0.01)


@pytest.mark.parametrize("name", FORMATS)
def test_level_meets_the_telephone_target_by_an_independent_meter(
    processed: dict[str, ProcessedAudio], name: str, tools: AudioTools
) -> None:
    audio = processed[name]
    assert audio.active_level_dbfs == pytest.approx(TARGET_DBFS, abs=TOLERANCE_DB)
    assert audio.peak_dbfs <= PEAK_CEILING_DBFS
    for data, input_args in [
        (audio.outputs[OutputKind.WAV].data, ()),
        (audio.outputs[OutputKind.ALAW].data, tools.RAW_ALAW),
        (audio.outputs[OutputKind.ULAW].data, tools.RAW_ULAW),
    ]:
        measured = tools.meter(data, *input_args)
        assert measured.active_dbfs == pytest.approx(TARGET_DBFS, abs=TOLERANCE_DB)
        assert measured.peak_dbfs <= PEAK_CEILING_DBFS


def test_quiet_stereo_upload_is_raised_to_target(processed: dict[str, ProcessedAudio]) -> None:
    # The WAV fixture is stereo 44.1 kHz at -18 dB: it needs gain, and is down-mixed.
    assert processed["wav"].source.channels == 2
    assert processed["wav"].gain_db > 10


def test_g711_outputs_hold_the_same_samples_as_the_wav(processed: dict[str, ProcessedAudio]) -> None:
    audio = processed["mp3"]
    samples = (len(audio.outputs[OutputKind.WAV].data) - 44) // 2
    assert len(audio.outputs[OutputKind.ULAW].data) == samples
    assert len(audio.outputs[OutputKind.ALAW].data) == samples


def test_preview_is_an_mp3_browsers_play(processed: dict[str, ProcessedAudio], tools: AudioTools) -> None:
    preview = processed["ogg"].outputs[OutputKind.PREVIEW]
    assert preview.media_type == "audio/mpeg"
    measured = tools.meter(preview.data, "-f", "mp3")
    assert (measured.sample_rate, measured.channels) == (16000, 1)
    assert measured.duration == pytest.approx(processed["ogg"].duration_seconds, abs=0.1)


def test_metadata_carries_hashes_of_each_output(processed: dict[str, ProcessedAudio]) -> None:
    audio = processed["amr"]
    metadata = audio.metadata()
    assert set(metadata["outputs"]) == {"wav", "ulaw", "alaw", "preview"}  # type: ignore[arg-type]
    assert metadata["outputs"]["alaw"]["sha256"] == audio.outputs[OutputKind.ALAW].sha256  # type: ignore[index]
    assert metadata["source"]["codec_name"] == "amr_nb"  # type: ignore[index]
    assert audio.content_sha256 == audio.outputs[OutputKind.WAV].sha256


@pytest.mark.parametrize("name", ["mp3", "opus", "m4a"])
def test_same_input_gives_byte_identical_outputs(
    uploads: dict[str, bytes], processed: dict[str, ProcessedAudio], name: str
) -> None:
    again = process_upload(uploads[name], use=PromptUse.RINGBACK)
    for kind in OutputKind:
        assert again.outputs[kind].data == processed[name].outputs[kind].data, kind


def test_leading_and_trailing_silence_is_trimmed(speech_wav: bytes, tools: AudioTools) -> None:
    padded = tools.transcode(speech_wav, "-af", "adelay=2000,apad=pad_dur=3", "-f", "wav")
    plain = process_upload(speech_wav, use=PromptUse.IVR_PROMPT)
    trimmed = process_upload(padded, use=PromptUse.IVR_PROMPT)
    assert trimmed.source.duration_seconds == pytest.approx(plain.source.duration_seconds + 5, abs=0.1)
    assert trimmed.duration_seconds == pytest.approx(plain.duration_seconds, abs=0.1)
    assert trimmed.trimmed_start_seconds == pytest.approx(2.0, abs=0.1)


def test_edges_fade_instead_of_clicking(tools: AudioTools) -> None:
    # A loud tone cut abruptly at both ends: the outputs must start and end near zero.
    tone = tools.ffmpeg(
        "-f", "lavfi", "-i", "sine=frequency=440:duration=2:sample_rate=8000", "-f", "wav", "pipe:1"
    )
    wav = process_upload(tone, use=PromptUse.IVR_PROMPT).outputs[OutputKind.WAV].data
    samples = memoryview(wav[44:]).cast("h")
    assert abs(samples[0]) < 200 and abs(samples[-1]) < 200
    assert max(abs(s) for s in samples[4000:4100]) > 3000  # a sine at -22 dBFS RMS peaks near 3700


def test_downsampling_filters_instead_of_aliasing(tools: AudioTools) -> None:
    # A 6 kHz tone cannot exist at 8 kHz: a proper resampler removes it; audioop.ratecv would fold it
    # to 2 kHz at almost full level. Recordings are not levelled, so the residue is measured as is.
    tone = tools.ffmpeg(
        "-f", "lavfi", "-i", "sine=frequency=6000:duration=1:sample_rate=44100", "-af", "volume=-6dB",
        "-f", "wav", "pipe:1",
    )  # fmt: skip
    audio = process_upload(tone, use=PromptUse.CALL_RECORDING)
    # (RMS, not peak: the tone's abrupt start and end are clicks with energy in the telephone band.)
    assert tools.meter(audio.outputs[OutputKind.WAV].data).rms_dbfs < -60


def test_recordings_are_transcoded_not_normalised(uploads: dict[str, bytes]) -> None:
    audio = process_upload(uploads["wav"], use=PromptUse.CALL_RECORDING)
    assert not audio.normalised and audio.gain_db == 0 and audio.trimmed_start_seconds == 0
    assert audio.duration_seconds == pytest.approx(audio.source.duration_seconds, abs=0.01)
    # Still at the quiet upload's level (-18 dB below the speech), as heard on the call.
    assert audio.active_level_dbfs is not None and audio.active_level_dbfs < TARGET_DBFS - 10


def test_silent_voicemail_message_is_kept(tools: AudioTools) -> None:
    silence = tools.ffmpeg("-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", "3", "-f", "wav", "pipe:1")
    audio = process_upload(silence, use=PromptUse.VOICEMAIL_MESSAGE)
    assert audio.active_level_dbfs is None
    assert audio.duration_seconds == pytest.approx(3.0, abs=0.01)
