"""Benchmark the prompt pipeline: a 60 s MP3 speech prompt into every telephone output.

Run: ``.venv/bin/python bench/audio.py [--runs N]``. Generates the prompt with espeak-ng and ffmpeg
(44.1 kHz stereo 128 kbit/s MP3, what customers upload), runs :func:`audio.process_upload` on it, and
for comparison times ONE direct ffmpeg command doing the same conversion (``loudnorm``, resample,
encode WAV/µ-law/A-law/MP3). Every output's level and peak is then read by ffmpeg itself (``astats``
after ``silenceremove`` for the active-speech level, ``ebur128`` for loudness), not by the library.
Prints readable lines, then as its last line one JSON object (``x_realtime``, ``ratio_vs_ffmpeg``,
``active_level_dbfs``, ``peak_dbfs``, ``files`` …). Target: >= 100x real time, level
-22 +/- 1 dBFS, peaks <= -3 dBFS. Files are written under ``bench/out/audio/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from audio import OutputKind, PromptUse, process_upload  # noqa: E402

OUT = ROOT / "bench" / "out" / "audio"
SECONDS = 60.0
TEXT = "欢迎致电本公司客服热线,查号请拨1,值班请拨2,投诉请拨3,传真请拨4,人工服务请拨0。"
RAW_INPUT = {
    "ulaw": ["-f", "mulaw", "-ar", "8000", "-ac", "1"],
    "alaw": ["-f", "alaw", "-ar", "8000", "-ac", "1"],
}


def run(*args: str, data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run a command, failing loudly."""
    return subprocess.run(list(args), input=data, check=True, capture_output=True)


def make_prompt(target: Path) -> bytes:
    """A 60 s Mandarin speech MP3 (espeak-ng, repeated menu text), 44.1 kHz stereo, 128 kbit/s."""
    speech = run("espeak-ng", "-v", "cmn", "-b", "1", "--stdout", TEXT * 8).stdout
    run(
        "ffmpeg", "-v", "error", "-y", "-i", "pipe:0", "-t", str(SECONDS), "-ar", "44100", "-ac", "2",
        "-c:a", "libmp3lame", "-b:a", "128k", str(target), data=speech,
    )  # fmt: skip
    return target.read_bytes()


def cpu_seconds() -> float:
    """CPU time used so far by this process and its finished children (ffmpeg, ffprobe)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def time_pipeline(data: bytes, runs: int) -> tuple[float, float, float, object]:
    """Median and best wall time and mean CPU time of ``process_upload`` over ``runs`` runs (after a
    warm-up), and the last result. CPU time does not depend on what else the machine is running."""
    result = process_upload(data, use=PromptUse.IVR_PROMPT)
    times = []
    cpu_before = cpu_seconds()
    for _ in range(runs):
        started = time.perf_counter()
        result = process_upload(data, use=PromptUse.IVR_PROMPT)
        times.append(time.perf_counter() - started)
    cpu = (cpu_seconds() - cpu_before) / runs
    return statistics.median(times), min(times), cpu, result


def time_direct_ffmpeg(source: Path, runs: int) -> float:
    """Median wall time of one ffmpeg command doing loudnorm, resample and all four encodes."""
    graph = (
        "[0:a]loudnorm=I=-22:TP=-3:LRA=11,aresample=8000,aformat=channel_layouts=mono,asplit=4[w][u][a][p];"
        "[p]aresample=16000[mp3]"
    )
    command = [
        "ffmpeg", "-v", "error", "-y", "-i", str(source), "-filter_complex", graph,
        "-map", "[w]", "-c:a", "pcm_s16le", str(OUT / "direct.wav"),
        "-map", "[u]", "-c:a", "pcm_mulaw", "-f", "mulaw", str(OUT / "direct.ulaw"),
        "-map", "[a]", "-c:a", "pcm_alaw", "-f", "alaw", str(OUT / "direct.alaw"),
        "-map", "[mp3]", "-c:a", "libmp3lame", "-b:a", "32k", str(OUT / "direct.mp3"),
    ]  # fmt: skip
    run(*command)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run(*command)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def ffmpeg_meter(path: Path, input_args: list[str]) -> dict[str, float]:
    """Level and peak of a file as ffmpeg reads them (not the library's own meter)."""

    def stats(pre: str) -> dict[str, float]:
        err = run(
            "ffmpeg", "-hide_banner", "-nostats", *input_args, "-i", str(path),
            "-af", f"{pre}astats=measure_perchannel=none", "-f", "null", "-",
        ).stderr.decode()  # fmt: skip
        return {k: float(v) for k, v in re.findall(r"\] (Peak level dB|RMS level dB): (-?[\d.]+)", err)}

    whole = stats("")
    active = stats(
        "silenceremove=start_periods=1:start_threshold=-50dB:stop_periods=-1:stop_duration=0.2:stop_threshold=-50dB,"
    )
    loudness = run(
        "ffmpeg", "-hide_banner", "-nostats", *input_args, "-i", str(path), "-af", "ebur128", "-f", "null", "-"
    ).stderr.decode()  # fmt: skip
    integrated = re.findall(r"I:\s+(-?[\d.]+) LUFS", loudness)
    return {
        "active_level_dbfs": active["RMS level dB"],
        "rms_dbfs": whole["RMS level dB"],
        "peak_dbfs": whole["Peak level dB"],
        "loudness_lufs": float(integrated[-1]),
    }


def main() -> None:
    """Generate, time, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    OUT.mkdir(parents=True, exist_ok=True)
    source = OUT / "prompt-60s.mp3"
    data = make_prompt(source)

    load_before = os.getloadavg()[0]
    seconds, best, cpu, result = time_pipeline(data, runs)
    direct = time_direct_ffmpeg(source, runs)
    files = {}
    for kind, output in result.outputs.items():  # type: ignore[attr-defined]
        path = OUT / f"pipeline.{output.extension}"
        path.write_bytes(output.data)
        files[kind.value] = str(path)
    levels = {kind: ffmpeg_meter(Path(path), RAW_INPUT.get(kind, [])) for kind, path in files.items()}
    direct_wav = ffmpeg_meter(OUT / "direct.wav", [])

    x_realtime = SECONDS / seconds
    print(f"machine: {os.cpu_count()} cores, load average {load_before:.2f} before the runs "
          "(other processes slow the two overlapping ffmpeg runs down)")  # fmt: skip
    print(f"input: {source} ({len(data) / 1024:.0f} KB, {SECONDS:.0f} s, 44.1 kHz stereo MP3 128 kbit/s)")
    print(
        f"pipeline (process_upload, median of {runs}): {seconds * 1000:.0f} ms = {x_realtime:.0f}x real time"
    )
    print(f"  best run {best * 1000:.0f} ms = {SECONDS / best:.0f}x; CPU time per run (all processes) "
          f"{cpu * 1000:.0f} ms = {SECONDS / cpu:.0f}x real time of CPU")  # fmt: skip
    print(f"one direct ffmpeg command (loudnorm, resample, 4 encodes): {direct * 1000:.0f} ms "
          f"= {SECONDS / direct:.0f}x real time")  # fmt: skip
    print(f"ratio pipeline / direct ffmpeg: {seconds / direct:.2f} (below 1: the pipeline is faster)")
    print(f"library's own reading: active {result.active_level_dbfs:.2f} dBFS, peak {result.peak_dbfs:.2f} dBFS, "  # type: ignore[attr-defined]
          f"gain {result.gain_db:+.2f} dB, limiter {'on' if result.limited else 'off'}")  # type: ignore[attr-defined]  # fmt: skip
    for kind, figures in levels.items():
        print(f"ffmpeg reads {kind:8s}: active {figures['active_level_dbfs']:7.2f} dBFS  peak {figures['peak_dbfs']:6.2f} "
              f"dBFS  loudness {figures['loudness_lufs']:6.1f} LUFS")  # fmt: skip
    print(f"ffmpeg reads direct.wav (loudnorm): active {direct_wav['active_level_dbfs']:.2f} dBFS  "
          f"peak {direct_wav['peak_dbfs']:.2f} dBFS")  # fmt: skip
    wav = levels[OutputKind.WAV.value]
    telephone = [levels[k] for k in ("wav", "ulaw", "alaw")]
    ok = (
        x_realtime >= 100
        and all(abs(f["active_level_dbfs"] + 22) <= 1 for f in telephone)
        and all(f["peak_dbfs"] <= -3 for f in telephone)
    )
    print(f"target >= 100x real time, -22 +/- 1 dBFS, peaks <= -3 dBFS: {'met' if ok else 'NOT met'}")
    print(json.dumps({
        "x_realtime": round(x_realtime, 1),
        "pipeline_ms": round(seconds * 1000, 1),
        "pipeline_best_ms": round(best * 1000, 1),
        "pipeline_cpu_ms": round(cpu * 1000, 1),
        "load_average": round(load_before, 2),
        "direct_ffmpeg_ms": round(direct * 1000, 1),
        "ratio_vs_ffmpeg": round(seconds / direct, 3),
        "active_level_dbfs": wav["active_level_dbfs"],
        "peak_dbfs": max(f["peak_dbfs"] for f in telephone),
        "levels": levels,
        "direct_ffmpeg_wav": direct_wav,
        "target_met": ok,
        "files": {"input": str(source), **files},
    }, ensure_ascii=False))  # fmt: skip


if __name__ == "__main__":
    main()
