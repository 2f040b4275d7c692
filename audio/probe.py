"""Finding out what an uploaded file is before anything decodes it.

ffprobe reads only headers (and, for some formats, a few frames), so its answer is cheap and comes
before the expensive decode: a file that claims to last for hours is refused here. Only the demuxers
in :data:`ACCEPTED_DEMUXERS` may open an upload (``-format_whitelist``), and only the ``file``
protocol (``-protocol_whitelist``): a playlist or a concat script uploaded as "audio" must not make
ffmpeg open other files or URLs.
"""

from __future__ import annotations

import json
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

from audio.errors import AudioError, ErrorCode
from audio.runner import run_tool

__all__ = ["ACCEPTED_DEMUXERS", "ProbeResult", "probe_file", "sniff_container"]

# ffmpeg demuxer names. "mov" opens M4A/MP4/3GP, "aac" raw ADTS, "amr" AMR-NB/WB with the #!AMR header,
# "matroska" WebM (what browsers' MediaRecorder produces), "flac" lossless uploads.
ACCEPTED_DEMUXERS = ("wav", "mp3", "mov", "aac", "ogg", "amr", "flac", "matroska")
ACCEPTED_LABEL = "WAV、MP3、M4A/AAC、OGG、AMR"

# Audio formats ffmpeg knows but we do not accept: refusing them as "unsupported" is more helpful than
# "not audio". Anything else ffmpeg recognises (images, video-only, playlists) is "not audio".
_OTHER_AUDIO_DEMUXERS = frozenset((
    "asf", "aiff", "ape", "wv", "ac3", "eac3", "dts", "au", "caf", "voc", "mpc", "mpc8", "tta", "w64", "dsf",
    "tak", "truehd", "mlp", "gsm", "g722", "g723_1", "g729", "mp2", "mp1", "xwma", "rm", "sox", "vqf", "shorten",
    "iff",
))  # fmt: skip

_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"RIFF", "wav"),
    (0, b"ID3", "mp3"),
    (4, b"ftyp", "mp4"),
    (0, b"OggS", "ogg"),
    (0, b"#!AMR", "amr"),
    (0, b"fLaC", "flac"),
    (0, b"\x1a\x45\xdf\xa3", "matroska"),
)

PROBE_TIMEOUT = 15.0


@dataclass(frozen=True, slots=True)
class ProbeResult:
    """What ffprobe says about an upload's container and first audio stream.

    Attributes:
        format_name: ffmpeg's demuxer name, e.g. ``"mp3"`` or ``"mov,mp4,m4a,3gp,3g2,mj2"``.
        codec_name: codec of the first audio stream, e.g. ``"aac"``, ``"amr_nb"``.
        duration: declared duration in seconds, or ``None`` when the container does not say.
        sample_rate: the stream's sample rate in Hz.
        channels: the stream's channel count.
        size: the file size in bytes.
    """

    format_name: str
    codec_name: str
    duration: float | None
    sample_rate: int
    channels: int
    size: int

    @property
    def demuxer(self) -> str:
        """The short demuxer name to force when decoding (``-f``), so ffmpeg does not guess again."""
        return self.format_name.split(",")[0]


def sniff_container(head: bytes) -> str | None:
    """The container a file's first bytes announce, or ``None`` when they announce none we accept.

    Used only to tell "corrupt" from "not audio" when ffprobe cannot open a file: a file that starts
    like a WAV or an M4A but cannot be read is a damaged audio file, not some other kind of file.
    """
    for offset, magic, name in _MAGIC:
        if head[offset : offset + len(magic)] == magic:
            if name == "wav" and head[8:12] != b"WAVE":
                continue
            return name
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return "mpeg-audio"
    return None


def probe_file(path: Path) -> ProbeResult:
    """Probe ``path`` (a private temporary copy of the upload) or refuse it with an :class:`AudioError`."""
    args = [
        "-v", "error",
        "-protocol_whitelist", "file",
        "-format_whitelist", ",".join(ACCEPTED_DEMUXERS),
        "-show_entries",
        "format=format_name,duration:stream=index,codec_type,codec_name,sample_rate,channels,duration",
        "-of", "json",
        str(path),
    ]  # fmt: skip
    try:
        result = run_tool("ffprobe", args, timeout=PROBE_TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        raise AudioError(ErrorCode.DECODE_TIMEOUT, "读取音频文件超时,文件可能已损坏或结构异常。") from exc
    size = path.stat().st_size
    if result.returncode != 0:
        _refuse_unreadable(path, result.stderr)
    info = json.loads(result.stdout or b"{}")
    fmt = info.get("format", {})
    audio = [s for s in info.get("streams", []) if s.get("codec_type") == "audio"]
    if not audio:
        raise AudioError(
            ErrorCode.NOT_AUDIO, "文件中没有音频内容(没有音轨)。", detail=str(fmt.get("format_name"))
        )
    stream = audio[0]
    duration = _seconds(fmt.get("duration")) or _seconds(stream.get("duration"))
    return ProbeResult(
        format_name=str(fmt.get("format_name", "")),
        codec_name=str(stream.get("codec_name", "")),
        duration=duration,
        sample_rate=int(stream.get("sample_rate") or 0),
        channels=int(stream.get("channels") or 0),
        size=size,
    )


def _refuse_unreadable(path: Path, stderr: str) -> None:
    """Raise the most specific refusal for a file ffprobe could not open."""
    if "not on whitelist" in stderr:
        demuxer = stderr.split("[", 1)[-1].split(" @", 1)[0].strip()
        if demuxer in _OTHER_AUDIO_DEMUXERS:
            raise AudioError(
                ErrorCode.UNSUPPORTED_FORMAT,
                f"不支持该音频格式({demuxer}),请上传 {ACCEPTED_LABEL} 格式的文件。",
                detail=stderr,
            )
        raise AudioError(
            ErrorCode.NOT_AUDIO, f"文件不是音频文件,请上传 {ACCEPTED_LABEL} 格式的文件。", detail=stderr
        )
    with path.open("rb") as file:
        container = sniff_container(file.read(16))
    if container is None:
        raise AudioError(
            ErrorCode.NOT_AUDIO, f"无法识别为音频文件,请上传 {ACCEPTED_LABEL} 格式的文件。", detail=stderr
        )
    if container == "mp4" and "moov atom not found" in stderr and _mp4_media_cut_short(path):
        raise AudioError(
            ErrorCode.TRUNCATED, "音频文件不完整(可能上传中断),请重新上传完整的文件。", detail=stderr
        )
    raise AudioError(ErrorCode.CORRUPT, "音频文件已损坏,无法读取。", detail=stderr)


def _mp4_media_cut_short(path: Path) -> bool:
    """An MP4 whose top-level boxes are intact up to a box that runs past the end of the file.

    That is what an interrupted upload of an M4A with its index (``moov``) at the end looks like; an
    MP4 with a damaged box structure is corrupt rather than truncated.
    """
    data = path.read_bytes()
    offset = 0
    while offset + 8 <= len(data):
        size, kind = struct.unpack_from(">I4s", data, offset)
        if size == 1 and offset + 16 <= len(data):
            (size,) = struct.unpack_from(">Q", data, offset + 8)
        if size < 8 or not kind.isalnum():
            return False
        if offset + size > len(data):
            return kind in (b"mdat", b"moov", b"free", b"wide")
        offset += size
    return False


def _seconds(value: object) -> float | None:
    """ffprobe's duration string as seconds, or ``None`` for "N/A" and missing values."""
    if not isinstance(value, str | int | float):
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if seconds >= 0 else None
