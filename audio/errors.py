"""Why an audio file or a text was refused: stable codes with messages in Chinese.

The API turns an :class:`AudioError` into a field-keyed user error (``code`` + ``message``), so the codes
are part of the public contract: add new ones, never rename. Messages are written for the customer who
uploaded the file; ``detail`` carries the English technical reason (ffmpeg's words) for logs only.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["AudioError", "AudioToolError", "ErrorCode"]


class ErrorCode(StrEnum):
    """Stable reasons for refusing an upload or a text-to-speech request."""

    EMPTY_FILE = "empty_file"
    TOO_LARGE = "too_large"
    NOT_AUDIO = "not_audio"
    UNSUPPORTED_FORMAT = "unsupported_format"
    CORRUPT = "corrupt"
    TRUNCATED = "truncated"
    DECOMPRESSION_BOMB = "decompression_bomb"
    DECODE_TIMEOUT = "decode_timeout"
    TOO_LONG = "too_long"
    EMPTY_AUDIO = "empty_audio"
    SILENT = "silent"
    TEXT_EMPTY = "text_empty"
    TEXT_TOO_LONG = "text_too_long"


class AudioError(ValueError):
    """Bad input: the file or text cannot become a prompt, for a reason the customer can act on.

    Example::

        try:
            audio = process_upload(data, use=PromptUse.RINGBACK)
        except AudioError as error:
            return UploadErrors(code=error.code, message=error.message)
    """

    def __init__(self, code: ErrorCode, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.detail = detail

    def __repr__(self) -> str:
        return f"AudioError(code={self.code.value!r}, message={self.message!r}, detail={self.detail!r})"


class AudioToolError(RuntimeError):
    """A tool the library needs (ffmpeg, ffprobe, espeak-ng) is missing or failed on good input.

    This is a deployment bug, not a user error: it must reach the logs and the operators, never be shown
    to a customer as if their file were at fault.
    """
