"""Telephony under load: SIPp calls through one Asterisk node of the platform, on this machine.

The node is the one the SIP tests run (``tests/telephony/sip_node.py``): the service, Asterisk with a
carrier trunk on loopback, and the sync agent following every call's events and reporting it back.
Two streams of calls run at once:

* **load** — callers reach the seed's menu (查号1 值班2 投诉3 传真4): the welcome ringback, the menu
  prompt, key 1 as an RFC 2833 event, the recorded forward to 查号台, which answers; both sides then
  send G.711 speech until the caller hangs up. ``--rate`` new calls per second for ``--seconds``; each
  call lasts about 13 s, so a rate of 20 holds over 250 calls at once.
* **probe** — a few calls per second, alternating between a number whose plan forwards at once (simple
  routing, with a black list of 200 entries to check) and a bare ``Dial()`` context of the node's own. For
  each, the time from the caller's INVITE to the bound phone's INVITE, both as the kernel timestamped
  them on the loopback interface (tcpdump); the platform's added delay is the plan's p99 minus the bare
  context's p99. Probes run first alone (the quiet phase: what the plan costs,
  ``added_delay_p99_ms``), then among the load (``added_delay_p99_ms_loaded``: what a caller sees when the
  node is busy).

Targets: ≥ 20 calls/s, ≥ 200 concurrent calls with media, 0 failed calls, added delay p99 < 20 ms.
The last line is JSON: ``cps``, ``concurrent``, ``failed``, ``added_delay_p99_ms`` and the figures
behind them.

    .venv/bin/python bench/telephony.py [--rate 20] [--seconds 60] [--probe-rate 4]   # as root

Asterisk runs at realtime priority (``highpriority``), as a node should; SIPp at a realtime priority just
below it (``docs/telephony.md``, "Load").
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import re
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from api.numbers.models import Number
from api.routing.models import LinePackage, ListMode
from api.routing.settings import set_caller_list, set_line_package
from tests.telephony import sip_lab
from tests.telephony.service_support import tone_wav
from tests.telephony.sip_node import Node, running_node

MENU, DIRECT = "4006228320", "4006228321"
BARE = "4009999999"
PHONE = "07562222222"
#: The node's own context: the carrier's bare Dial() to the same phone, no plan in between.
BARE_DIALPLAN = f"""
[from-carrier](+)
exten => {BARE},1,Goto(bare-dial,s,1)

[bare-dial]
exten => s,1,Dial(PJSIP/{PHONE}@carrier,30)
 same => n,Hangup()
"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def injection_file(path: Path, rows: list[tuple[str, str]]) -> Path:
    """A SIPp injection file: one call per line, ``caller;number``."""
    with path.open("w", newline="") as out:
        out.write("SEQUENTIAL\n")
        csv.writer(out, delimiter=";", lineterminator="\n").writerows(rows)
    return path


def run_sipp(
    node: Node, root: Path, script: sip_lab.CallScript, rows: list[tuple[str, str]], rate: float, limit: int
) -> subprocess.Popen[bytes]:
    """A SIPp caller placing ``rows`` at ``rate`` calls/s, at most ``limit`` at once; statistics every second."""
    root.mkdir(parents=True, exist_ok=True)
    scenario = root / "caller.xml"
    scenario.write_text(sip_lab.caller_scenario(script), encoding="utf-8")
    argv = [*sip_lab.REALTIME, sip_lab.SIPP, f"127.0.0.1:{node.sip_port}", "-sf", str(scenario),
            "-inf", str(injection_file(root / "calls.csv", rows)), "-i", "127.0.0.1",
            "-p", str(sip_lab.free_udp_port()), "-mi", "127.0.0.1", "-mp", str(sip_lab.free_udp_port()),
            "-r", f"{rate:g}", "-l", str(limit), "-m", str(len(rows)), "-nostdin",
            "-trace_stat", "-stf", str(root / "stat.csv"), "-fd", "1",
            "-trace_logs", "-log_file", str(root / "sent.log"),
            "-trace_err", "-error_file", str(root / "errors.log"),
            "-timeout", "600s", "-timeout_error", "-max_socket", "2000"]  # fmt: skip
    with (root / "sipp.out").open("wb") as out:
        return subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, cwd=root)


def statistics_of(root: Path) -> tuple[int, int, int]:
    """(calls that succeeded, calls that failed, most calls in progress at once) from SIPp's stat file."""
    with (root / "stat.csv").open() as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    last = rows[-1]
    return (
        int(last["SuccessfulCall(C)"]),
        int(last["FailedCall(C)"]),
        max(int(r["CurrentCall"]) for r in rows),
    )


def sent_times(root: Path) -> dict[str, float]:
    found = {}
    for line in (root / "sent.log").read_text().splitlines():
        words = line.split()
        if len(words) == 4 and words[0] == "sent":
            found[words[1]] = float(words[2]) + float(words[3]) / 1e6
    return found


#: A probe call: answered by the phone, hung up a second later.
PROBE = sip_lab.CallScript("[field0]", "[field1]", hangup_after_s=1.0, log_sent=True)


def probe_rows(count: int, series: int) -> list[tuple[str, str]]:
    """Probe calls alternating between the plan and the bare context; each caller unique in the run."""
    return [(f"138{series}{i:07d}", DIRECT if i % 2 == 0 else BARE) for i in range(count)]


@contextlib.contextmanager
def wire(path: Path, ports: tuple[int, ...]) -> Iterator[None]:
    """tcpdump on loopback, keeping the packets sent to ``ports`` with the kernel's time of each: the
    delay is measured between the INVITEs on the wire, not when the SIPp processes (busy with hundreds of
    RTP streams on the same cores) got round to logging them."""
    wanted = " or ".join(f"dst port {port}" for port in ports)
    argv = ["tcpdump", "-i", "lo", "-n", "-s", "2048", "-B", "16384", "-w", str(path), f"udp and ({wanted})"]
    dump = subprocess.Popen(argv, stderr=subprocess.PIPE)
    assert dump.stderr is not None
    dump.stderr.readline()  # "listening on lo, ...": capturing from here on
    try:
        yield
    finally:
        time.sleep(0.5)
        dump.send_signal(signal.SIGINT)
        print(f"  capture: {dump.communicate(timeout=30)[1].decode().strip().splitlines()[-1]}")


def invites_on_wire(path: Path) -> dict[int, dict[str, float]]:
    """Each destination port's first INVITE per caller (the From user), at its kernel time (pcap file)."""
    data = path.read_bytes()
    (magic,) = struct.unpack_from("<I", data)
    scale = 1e-9 if magic == 0xA1B23C4D else 1e-6
    found: dict[int, dict[str, float]] = {}
    offset = 24
    while offset + 16 <= len(data):
        seconds, fraction, length, _ = struct.unpack_from("<IIII", data, offset)
        packet = data[offset + 16 : offset + 16 + length]
        offset += 16 + length
        ip = packet[14:]  # loopback frames carry an Ethernet header
        header = (ip[0] & 0x0F) * 4
        (port,) = struct.unpack_from("!H", ip, header + 2)
        payload = ip[header + 8 :]
        if payload.startswith(b"INVITE ") and (caller := FROM_USER.search(payload)):
            found.setdefault(port, {}).setdefault(caller[1].decode(), seconds + fraction * scale)
    return found


FROM_USER = re.compile(rb"^(?:From|f):[^\r\n]*?sip:([^@;>\r\n]+)@", re.MULTILINE | re.IGNORECASE)


def probe_delays(
    rows: list[tuple[str, str]], invites: dict[int, dict[str, float]], node: Node
) -> dict[str, list[float]]:
    """Milliseconds from each probe's INVITE to the node to its bound phone's INVITE, by number called."""
    sent, rung = invites.get(node.sip_port, {}), invites.get(node.carrier_port, {})
    delays: dict[str, list[float]] = {DIRECT: [], BARE: []}
    for caller, number in rows:
        if caller in sent and caller in rung:
            delays[number].append((rung[caller] - sent[caller]) * 1000)
    return delays


def records_arriving(node: Node, placed: int, timeout_s: float = 120) -> tuple[int, float]:
    """How many calls the service recorded (the agent reports them), polled until all or ``timeout_s``."""
    started = time.monotonic()
    while True:
        count = int(node.api("{ callRecords(first: 1) { totalCount } }")["callRecords"]["totalCount"])
        if count >= placed or time.monotonic() - started > timeout_s:
            return count, time.monotonic() - started
        time.sleep(1)


def sample_calls(node: Node, stop: threading.Event, peaks: list[int]) -> None:
    """Asterisk's own count of calls in progress, once a second."""
    while not stop.wait(1.0):
        out = node.asterisk.rx("core show calls")
        words = out.split()
        if words and words[0].isdigit():
            peaks.append(int(words[0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=20.0, help="menu calls per second")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long new menu calls start")
    parser.add_argument("--probe-rate", type=float, default=4.0, help="delay probe calls per second")
    parser.add_argument("--work-dir", type=Path, help="keep the node's files and SIPp's logs here")
    args = parser.parse_args()
    load_calls = int(args.rate * args.seconds)
    probe_calls = int(args.probe_rate * args.seconds)
    quiet_calls = max(100, probe_calls // 2)

    with contextlib.ExitStack() as stack:
        tmp = args.work_dir or stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-telephony-"))
        # Asterisk runs as a node runs it, at realtime priority (highpriority): its threads are not
        # preempted by the other processes here, and a call's plan runs through without waiting behind
        # the media of hundreds of calls in time slices. SIPp (the callers and the carrier's phones, other
        # machines in truth) runs at a realtime priority just below it: it never holds up the node, and
        # the node's spare CPU goes to it first. The service belongs on a machine of its own (it
        # transcodes every recording uploaded); here it shares the node's two cores at a lower priority.
        # The agent runs as deployed, at normal priority.
        node = stack.enter_context(
            running_node(Path(tmp), (MENU, DIRECT), BARE_DIALPLAN, service_niceness=10, high_priority=True)
        )
        node.publish_menu(MENU, tone_wav(seconds=2.5, hertz=600))
        black_list = "\n".join(f"1390000{i:04d}" for i in range(200))

        async def policies() -> None:
            # The menu number takes every call at once (中继, no line limit); the other checks a black list.
            await set_line_package(await Number.get(number=MENU), LinePackage.TRUNK, 0)
            await set_caller_list(await Number.get(number=DIRECT), ListMode.BLACK, black_list)

        node.run(policies())
        node.holds(MENU, "Dial(PJSIP/02088886666@carrier,20")
        node.holds(DIRECT, "Set(LISTED=0)")  # the black list is checked
        print(f"node ready: menu on {MENU}, simple routing on {DIRECT}, bare Dial() on {BARE}")

        phones = [
            sip_lab.Phone("02088886666", "answer", answer_after_s=0.5),
            sip_lab.Phone(PHONE, "answer", answer_after_s=0.2),
        ]
        menu_rows = [(f"139{20000000 + i:08d}", MENU) for i in range(load_calls)]
        menu = sip_lab.CallScript("[field0]", "[field1]", keys=[(1.0, "1")], speech_at=3.0,
                                  hangup_after_s=11.0, log_sent=True)  # fmt: skip
        peaks: list[int] = []
        stop = threading.Event()
        sampler = threading.Thread(target=sample_calls, args=(node, stop, peaks), daemon=True)
        capture = Path(tmp) / "sip.pcap"
        with (
            sip_lab.Phones(Path(tmp) / "phones", node.carrier_port, phones, realtime=True) as carrier,
            wire(capture, (node.sip_port, node.carrier_port)),
        ):
            # The quiet phase: probe calls alone, what the plan itself costs.
            quiet = Path(tmp) / "quiet"
            quiet_rows = probe_rows(quiet_calls, 1)
            run_sipp(node, quiet / "probe", PROBE, quiet_rows, args.probe_rate, 200).wait(timeout=600)
            # The loaded phase: the menu's stream with probe calls among it.
            loaded = Path(tmp) / "loaded"
            loaded_rows = probe_rows(probe_calls, 2)
            started = time.monotonic()
            sampler.start()
            load = run_sipp(node, loaded / "menu", menu, menu_rows, args.rate, 2000)
            probing = run_sipp(node, loaded / "probe", PROBE, loaded_rows, args.probe_rate, 200)
            load.wait(timeout=args.seconds + 300)
            probing.wait(timeout=args.seconds + 300)
            stop.set()
            elapsed = time.monotonic() - started
            invites = carrier.invites()
        phones_failed = carrier.failed()
        on_wire = invites_on_wire(capture)

        ok, failed, concurrent = statistics_of(loaded / "menu")
        sent = sent_times(loaded / "menu")
        cps = (len(sent) - 1) / (max(sent.values()) - min(sent.values()))
        problems = node.asterisk.log_problems()
        print(f"menu calls: {ok} answered and hung up as scripted, {failed} failed, in {elapsed:.0f} s")
        asterisk_peak = max(peaks, default=0)
        print(
            f"  started at {cps:.1f} calls/s; most at once: {concurrent} (SIPp), {asterisk_peak} (Asterisk)"
        )
        print(f"bound phones: {len(invites)} INVITEs, {phones_failed} calls failed at the phones")
        figures: dict[str, float] = {
            "cps": round(cps, 1),
            "concurrent": concurrent,
            "failed": failed + phones_failed,
        }
        for phase, rows, suffix in (("quiet", quiet_rows, ""), ("loaded", loaded_rows, "_loaded")):
            probe_ok, probe_failed, _ = statistics_of(Path(tmp) / phase / "probe")
            delays = probe_delays(rows, on_wire, node)
            plan, bare = delays[DIRECT], delays[BARE]
            added = percentile(plan, 99) - percentile(bare, 99)
            print(f"probe calls, {phase}: {probe_ok} ok, {probe_failed} failed; INVITE in → INVITE out (ms):")
            for name, values in (("plan", plan), ("bare Dial()", bare)):
                print(f"  {name:12} n={len(values)} p50={statistics.median(values):.1f} "
                      f"p99={percentile(values, 99):.1f} max={max(values):.1f}")  # fmt: skip
            # The median difference is the plan's own work, steady from run to run; the p99 difference also
            # holds which of the two a burst of the load happened to meet (n is 60 or 120 a side).
            added_p50 = statistics.median(plan) - statistics.median(bare)
            print(f"  added delay p99: {added:.1f} ms (p50: {added_p50:.1f} ms)")
            figures["failed"] += probe_failed
            figures[f"added_delay_p99_ms{suffix}"] = round(added, 1)
            figures[f"added_delay_p50_ms{suffix}"] = round(added_p50, 1)
            figures[f"delay_p99_ms_plan{suffix}"] = round(percentile(plan, 99), 1)
            figures[f"delay_p99_ms_bare{suffix}"] = round(percentile(bare, 99), 1)
        # The bare context is the node's own, not a platform number: its calls are not reported.
        placed = load_calls + sum(number == DIRECT for _, number in quiet_rows + loaded_rows)
        recorded, drain_s = records_arriving(node, placed)
        health = [line for line in node.agent_log.read_text().splitlines() if "health:" in line][-1]
        backlog = int(health.split("audio_unsent=")[1].split()[0])
        print(f"call records in the service: {recorded} of {placed} platform calls, {drain_s:.0f} s after the last call; "
              f"recordings still to upload: {backlog}")  # fmt: skip
        print(f"Asterisk warnings and errors: {len(problems)}")
        for line in problems[:5]:
            print(f"  {line}")
        figures.update(calls=ok + failed, asterisk_concurrent=asterisk_peak, asterisk_problems=len(problems),
                       records=recorded, records_drain_s=round(drain_s, 1), recordings_backlog=backlog)  # fmt: skip
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
