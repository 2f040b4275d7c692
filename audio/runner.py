"""Running ffmpeg, ffprobe and espeak-ng as subprocesses, with limits.

Every call has a wall-clock timeout (a crafted file can keep a decoder busy without producing any
output) and keeps at most the first few kilobytes of stderr (a broken stream can make ffmpeg print an
error per frame, hundreds of megabytes of it). Tools are looked up on ``PATH`` once.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache

from audio.errors import AudioToolError

__all__ = ["RunningTool", "ToolResult", "run_tool", "start_tool", "tool_path"]

STDERR_KEEP = 8192


@dataclass(frozen=True, slots=True)
class ToolResult:
    """What a finished tool run produced."""

    returncode: int
    stdout: bytes
    stderr: str
    stderr_bytes: int


@cache
def tool_path(name: str) -> str:
    """The absolute path of a tool, or :class:`AudioToolError` naming the Debian package to install."""
    found = shutil.which(name)
    if found is None:
        package = {"ffmpeg": "ffmpeg", "ffprobe": "ffmpeg", "espeak-ng": "espeak-ng"}.get(name, name)
        raise AudioToolError(f"{name} not found on PATH; install the Debian package {package!r}")
    return found


class RunningTool:
    """A tool started in the background (see :func:`start_tool`); finish it with :meth:`wait` or :meth:`kill`.

    Lets the pipeline run ffprobe and the capped decode side by side on two cores, and kill the decode
    at once when the probe refuses the file.
    """

    def __init__(self, name: str, args: list[str]) -> None:
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed when the tool is waited for or killed)
        self.process = subprocess.Popen(
            [tool_path(name), *args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._errors
        )

    def wait(self, timeout: float) -> ToolResult:
        """Wait for the tool; kill it and raise :class:`subprocess.TimeoutExpired` after ``timeout``."""
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise
        try:
            size = self._errors.tell()
            self._errors.seek(0)
            stderr = self._errors.read(STDERR_KEEP).decode("utf-8", "replace")
        finally:
            self._close()
        return ToolResult(self.process.returncode, b"", stderr, size)

    def kill(self) -> None:
        """Stop the tool now (no-op if it has finished)."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self._close()

    def _close(self) -> None:
        self._errors.close()


def start_tool(name: str, args: list[str]) -> RunningTool:
    """Start ``name`` with ``args`` in the background; it must write its results to files."""
    return RunningTool(name, args)


def run_tool(name: str, args: list[str], *, input_data: bytes | None = None, timeout: float) -> ToolResult:
    """Run ``name`` with ``args``; raise :class:`subprocess.TimeoutExpired` after ``timeout`` seconds.

    The process is killed on timeout, so nothing is left running. A non-zero exit is returned, not
    raised: for ffprobe and ffmpeg it usually means bad input, which the caller classifies.
    """
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [tool_path(name), *args],
            stdin=subprocess.PIPE if input_data is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=errors,
        )
        try:
            stdout, _ = process.communicate(input=input_data, timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise
        size = errors.tell()
        errors.seek(0)
        stderr = errors.read(STDERR_KEEP).decode("utf-8", "replace")
    return ToolResult(process.returncode, stdout, stderr, size)
