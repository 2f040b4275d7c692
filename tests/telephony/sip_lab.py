"""Real SIP calls on loopback: Asterisk's PJSIP between SIPp callers and SIPp bound phones.

The node is set up as a provider's would be (``docs/telephony.md``, "A node's SIP side"): one trunk,
``carrier``, both delivers the 400 calls (context ``from-carrier`` sends each to the number's plan) and
carries the calls to bound phones (the plans dial ``PJSIP/{number}@carrier``). Here the carrier is
played by SIPp:

* :class:`Phones` — one SIPp process answering every INVITE the trunk sends out, as the bound phone its
  request URI names behaves (:class:`Phone`: answers after N s and plays audio, 486 busy, rings until
  cancelled, 480 switched off, 503 unreachable). Each INVITE's arrival is logged with its time.
* :func:`place_call` — one SIPp caller: INVITE with G.711 A-law and RFC 2833 telephone events, keys sent
  as RTP events at given moments, speech played from a capture file, then a hang-up on either side.
  The SDP names the port of an :class:`RtpReceiver`, so Asterisk's audio to the caller is kept and the
  test measures what the caller really heard (its duration and level against the prompt file).

Asterisk learns no RTP source (``strictrtp = no``, ``rtp_symmetric = no``): SIPp sends from its own
media port while the caller's audio goes to the receiver's.
"""

from __future__ import annotations

import array
import csv
import math
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

SIPP = "/usr/bin/sipp"
#: Captures shipped with SIPp (Debian's sip-tester): 7 s of A-law speech, and one RFC 2833 event per key.
SIPP_CAPTURES = Path("/usr/share/sip-tester")
SPEECH = SIPP_CAPTURES / "g711a.pcap"
KEY_FILES = {**{str(d): f"dtmf_2833_{d}.pcap" for d in range(10)}, "*": "dtmf_2833_star.pcap",
             "#": "dtmf_2833_pound.pcap"}  # fmt: skip

#: Modules of a node's SIP side, beyond the dialplan's own.
SIP_MODULES = [
    "res_pjproject",
    "res_sorcery_config",
    "res_sorcery_memory",
    "res_sorcery_astdb",
    "res_pjsip",
    "res_pjsip_session",
    "res_pjsip_pubsub",
    "res_pjsip_authenticator_digest",
    "res_pjsip_sdp_rtp",
    "res_pjsip_endpoint_identifier_ip",
    "res_pjsip_caller_id",
    "res_pjsip_rfc3326",
    "res_rtp_asterisk",
    "chan_pjsip",
    "codec_alaw",
    "codec_ulaw",
    "format_pcm",
    "bridge_simple",
    "bridge_native_rtp",
    "res_musiconhold",
    "res_timing_timerfd",
]


def free_udp_port() -> int:
    """A UDP port on 127.0.0.1 that nothing is bound to right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def sip_configs(sip_port: int, carrier_port: int, rtp_ports: tuple[int, int]) -> dict[str, str]:
    """pjsip.conf and rtp.conf of a node whose carrier trunk is at ``127.0.0.1:carrier_port``."""
    pjsip = f"""
[global]
type = global
user_agent = hotline400-node

[transport-udp]
type = transport
protocol = udp
bind = 127.0.0.1:{sip_port}

[carrier]
type = endpoint
transport = transport-udp
context = from-carrier
disallow = all
allow = alaw,ulaw
dtmf_mode = rfc4733
direct_media = no
rtp_symmetric = no
aors = carrier

[carrier]
type = aor
contact = sip:127.0.0.1:{carrier_port}

[carrier]
type = identify
endpoint = carrier
match = 127.0.0.1
"""
    rtp = f"[general]\nrtpstart = {rtp_ports[0]}\nrtpend = {rtp_ports[1]}\nstrictrtp = no\n"
    # pjproject.conf: the library's own log goes to Asterisk's at its defaults.
    return {"pjsip.conf": pjsip, "rtp.conf": rtp, "pjproject.conf": "[startup]\ntype = startup\n"}


#: The carrier delivers a 400 number's calls; each goes to its plan's context.
FROM_CARRIER = """
[from-carrier]
exten => _400XXXXXXX,1,Goto(hotline-${EXTEN},s,1)
"""


# -- the bound phones --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Phone:
    """A bound phone at the carrier: ``number`` in national digits, ``action`` what it does when rung.

    ``answer`` rings for ``answer_after_s`` and answers, playing ``audio`` (a SIPp capture) to the caller;
    ``no_answer`` rings until the call is cancelled; ``busy`` 486; ``switched_off`` 480; ``unreachable``
    503.
    """

    number: str
    action: str = "answer"
    answer_after_s: float = 1.0
    audio: Path = SPEECH


_REPLY_HEADERS = """[last_Via:]
[last_From:]
[last_To:];tag=[pid]SIPpTag[call_number]
[last_Call-ID:]
[last_CSeq:]
Contact: <sip:[local_ip]:[local_port];transport=[transport]>"""

_SDP = """v=0
o=sipp 1 1 IN IP[local_ip_type] [local_ip]
s=-
c=IN IP[media_ip_type] [media_ip]
t=0 0
m=audio {port} RTP/AVP 8 101
a=rtpmap:8 PCMA/8000
a=rtpmap:101 telephone-event/8000
a=fmtp:101 0-15
a=sendrecv"""


def _send(message: str, *, next_label: str = "", retrans: bool = False) -> str:
    attrs = (f' next="{next_label}"' if next_label else "") + (' retrans="500"' if retrans else "")
    return f"<send{attrs}><![CDATA[\n\n{message}\n\n]]></send>"


def _reply(status: str, sdp: bool = False, *, next_label: str = "", retrans: bool = False) -> str:
    head = f"SIP/2.0 {status}\n{_REPLY_HEADERS}\n"
    if sdp:
        message = f"{head}Content-Type: application/sdp\nContent-Length: [len]\n\n{_SDP.format(port='[media_port]')}"
    else:
        message = f"{head}Content-Length: 0"
    return _send(message, next_label=next_label, retrans=retrans)


def phones_scenario(phones: Sequence[Phone]) -> str:
    """A SIPp server scenario that behaves, per request URI, as ``phones`` say (404 for any other)."""
    matchers = "\n".join(
        f'<ereg regexp="^INVITE sip:{p.number}@" search_in="msg" check_it="false" assign_to="p{i}"/>'
        for i, p in enumerate(phones)
    )
    matchers += (
        '\n<ereg regexp="[0-9]{5,}" search_in="hdr" header="From:" check_it="false" assign_to="from"/>'
    )
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<scenario name="carrier phones">',
        f'<recv request="INVITE" crlf="true"><action>{matchers}</action></recv>',
        _reply("100 Trying"),
        *(f'<nop test="p{i}" next="phone{i}"/>' for i in range(len(phones))),
        _reply("404 Not Found"),
        '<recv request="ACK" next="end"/>',
    ]
    for i, p in enumerate(phones):
        parts.append(f'<label id="phone{i}"/>')
        stamp = f"invite {p.number} [$s] [$us] [$from]"
        parts.append(f'<nop><action><gettimeofday assign_to="s,us"/><log message="{stamp}"/></action></nop>')
        if p.action == "answer":
            parts += [
                _reply("180 Ringing"),
                f'<pause milliseconds="{int(p.answer_after_s * 1000)}"/>',
                _reply("200 OK", sdp=True, retrans=True),
                f'<recv request="ACK" crlf="true"><action><exec play_pcap_audio={quoteattr(str(p.audio))}/>'
                "</action></recv>",
                '<recv request="BYE"/>',
                _reply("200 OK", next_label="end"),
            ]
        elif p.action == "no_answer":
            cseq = '<ereg regexp="[0-9]+" search_in="hdr" header="CSeq:" check_it="true" assign_to="cseq"/>'
            parts += [
                _reply("180 Ringing"),
                f'<recv request="CANCEL"><action>{cseq}</action></recv>',
                _reply("200 OK"),
                _reply("487 Request Terminated").replace("[last_CSeq:]", "CSeq: [$cseq] INVITE"),
                '<recv request="ACK" next="end"/>',
            ]
        else:
            status = {"busy": "486 Busy Here", "switched_off": "480 Temporarily Unavailable",
                      "unreachable": "503 Service Unavailable"}[p.action]  # fmt: skip
            parts += [_reply(status), '<recv request="ACK" next="end"/>']
    parts += ['<label id="end"/>', "</scenario>"]
    return "\n".join(parts)


@dataclass
class Invite:
    """An INVITE the carrier received for a bound phone, at ``t`` (seconds since the epoch), from the
    caller the node presented (the digits of its From header)."""

    number: str
    t: float
    caller: str = ""


#: A command run at realtime priority just below the one Asterisk takes with ``highpriority`` (SCHED_RR
#: 10): where SIPp stands for other machines (the carrier, callers) beside a node at that priority, it
#: neither takes the node's CPU when the node wants it nor waits behind the machine's other processes.
REALTIME = ("chrt", "--rr", "5")


class Phones:
    """SIPp as the carrier's bound phones on ``127.0.0.1:port``; a context manager (stopped on exit)."""

    def __init__(self, root: Path, port: int, phones: Sequence[Phone], *, realtime: bool = False) -> None:
        """``realtime``: SIPp at the realtime priority of a node's Asterisk (:data:`REALTIME`)."""
        self.root = root
        self.port = port
        self.phones = list(phones)
        self.realtime = realtime
        self.process: subprocess.Popen[bytes] | None = None
        self.log = root / "phones-actions.log"
        self.errors = root / "phones-errors.log"
        self.stats = root / "phones-stats.csv"

    def __enter__(self) -> Phones:
        self.root.mkdir(parents=True, exist_ok=True)
        scenario = self.root / "phones.xml"
        scenario.write_text(phones_scenario(self.phones), encoding="utf-8")
        argv = [*(REALTIME if self.realtime else ()), SIPP, "-sf", str(scenario), "-i", "127.0.0.1", "-p", str(self.port), "-mi", "127.0.0.1",
                "-mp", str(free_udp_port()), "-nostdin", "-trace_logs", "-log_file", str(self.log),
                "-trace_err", "-error_file", str(self.errors), "-trace_stat", "-stf", str(self.stats), "-fd", "1"]  # fmt: skip
        with (self.root / "phones.out").open("wb") as out:
            self.process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, cwd=self.root)
        time.sleep(0.3)
        if self.process.poll() is not None:
            raise AssertionError(f"SIPp phones did not start: {(self.root / 'phones.out').read_text()}")
        return self

    def invites(self) -> list[Invite]:
        found = []
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        for line in text.splitlines():
            words = line.split()
            if len(words) == 5 and words[0] == "invite":
                found.append(Invite(words[1], float(words[2]) + float(words[3]) / 1e6, words[4]))
        return found

    def failed(self) -> int:
        """Calls the phones' scenario did not run as written (SIPp's count, written when it stops)."""
        with self.stats.open() as handle:
            rows = list(csv.DictReader(handle, delimiter=";"))
        return int(rows[-1]["FailedCall(C)"]) if rows else 0

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGUSR1)  # SIPp: quit now, calls or not
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# -- the caller --------------------------------------------------------------------------------------


class RtpReceiver:
    """The caller's side of the audio: a UDP socket on loopback keeping every RTP packet it receives."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = int(self.sock.getsockname()[1])
        self.packets: list[tuple[float, int, bytes]] = []  # (arrival, payload type, payload)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                data = self.sock.recv(2048)
            except TimeoutError:
                continue
            if len(data) > 12 and data[0] >> 6 == 2:
                self.packets.append((time.time(), data[1] & 0x7F, data[12:]))

    def __enter__(self) -> RtpReceiver:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()

    def alaw(self) -> bytes:
        """The A-law audio received, in arrival order."""
        return b"".join(payload for _, pt, payload in self.packets if pt == 8)


@dataclass
class CallScript:
    """What one SIPp caller does.

    ``caller`` is presented in From; ``answered``: the call is expected to be answered (200), else
    ``refused_with`` is the final status expected. Once answered, ``keys`` are pressed at (seconds after
    the answer, key); ``speech_at`` plays the speech capture at that moment; the caller hangs up
    ``hangup_after_s`` after the answer, or waits (up to ``wait_bye_s``) for the node to hang up when it
    is None.
    """

    caller: str
    number: str
    answered: bool = True
    refused_with: int = 0
    keys: list[tuple[float, str]] = field(default_factory=list)
    speech_at: float | None = None
    hangup_after_s: float | None = None
    wait_bye_s: float = 120
    #: Log ``sent <caller> <seconds> <microseconds>`` as the INVITE goes out (SIPp's ``-log_file``).
    log_sent: bool = False


def caller_scenario(script: CallScript, rtp_port: int | str = "[media_port]") -> str:
    """A SIPp client scenario for ``script`` whose SDP sends the node's audio to ``rtp_port``.

    ``caller`` and ``number`` may be SIPp keywords (``[field0]`` of an injection file) for a load run.
    """
    sdp = _SDP.format(port=rtp_port)
    invite = f"""INVITE sip:{script.number}@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: <sip:{script.caller}@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]
To: <sip:{script.number}@[remote_ip]:[remote_port]>
Call-ID: [call_id]
CSeq: 1 INVITE
Contact: <sip:{script.caller}@[local_ip]:[local_port]>
Max-Forwards: 70
Content-Type: application/sdp
Content-Length: [len]

{sdp}"""
    dialog = f"From: <sip:{script.caller}@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]\n[last_To:]\nCall-ID: [call_id]\nMax-Forwards: 70"
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', '<scenario name="caller">']
    if script.log_sent:
        stamp = f"sent {script.caller} [$s] [$us]"
        parts.append(f'<nop><action><gettimeofday assign_to="s,us"/><log message="{stamp}"/></action></nop>')
    parts.append(_send(invite, retrans=True))
    # Provisional answers in any order and number (a plan may ring, then play early media, then ring).
    for _ in range(4):
        parts += [f'<recv response="{code}" optional="true"/>' for code in (100, 180, 183)]
    if not script.answered:
        # The ACK of a refusal belongs to the INVITE's transaction: its Via, its branch.
        ack = f"ACK sip:{script.number}@[remote_ip]:[remote_port] SIP/2.0\n[last_Via:]\n{dialog}\nCSeq: 1 ACK"
        parts += [f'<recv response="{script.refused_with}"/>', _send(ack + "\nContent-Length: 0")]
        parts.append("</scenario>")
        return "\n".join(parts)

    def request(method: str, cseq: int) -> str:
        # [routes]: the Record-Route a proxy in front of the node added (SIPp drops the line when none).
        via = "Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]"
        head = f"{method} [next_url] SIP/2.0\n{via}\n[routes]"
        return f"{head}\n{dialog}\nCSeq: {cseq} {method}\nContent-Length: 0"

    parts += ['<recv response="200" rrs="true"/>', _send(request("ACK", 1))]
    moments = [(t, str(SIPP_CAPTURES / KEY_FILES[k])) for t, k in script.keys]
    if script.speech_at is not None:
        moments.append((script.speech_at, str(SPEECH)))
    now = 0.0
    for t, capture in sorted(moments):
        if t > now:
            parts.append(f'<pause milliseconds="{int((t - now) * 1000)}"/>')
            now = t
        parts.append(f"<nop><action><exec play_pcap_audio={quoteattr(capture)}/></action></nop>")
    if script.hangup_after_s is not None:
        parts.append(f'<pause milliseconds="{max(0, int((script.hangup_after_s - now) * 1000))}"/>')
        parts += [_send(request("BYE", 2), retrans=True), '<recv response="200"/>']
    else:
        ok = "SIP/2.0 200 OK\n[last_Via:]\n[last_From:]\n[last_To:]\n[last_Call-ID:]\n[last_CSeq:]\nContent-Length: 0"
        parts += [f'<recv request="BYE" timeout="{int(script.wait_bye_s * 1000)}"/>', _send(ok)]
    parts.append("</scenario>")
    return "\n".join(parts)


@dataclass
class CallResult:
    """A finished SIPp call: its exit status (0: the scenario ran as written), the audio it received and
    when the INVITE went out (seconds since the epoch)."""

    status: int
    output: str
    started: float
    alaw: bytes


def place_call(root: Path, sip_port: int, script: CallScript, timeout_s: float = 180) -> CallResult:
    """Run one SIPp caller against the node at ``127.0.0.1:sip_port`` until its scenario ends."""
    root.mkdir(parents=True, exist_ok=True)
    with RtpReceiver() as receiver:
        scenario = root / "caller.xml"
        scenario.write_text(caller_scenario(script, receiver.port), encoding="utf-8")
        argv = [SIPP, f"127.0.0.1:{sip_port}", "-sf", str(scenario), "-i", "127.0.0.1", "-p", str(free_udp_port()),
                "-mi", "127.0.0.1", "-mp", str(free_udp_port()), "-m", "1", "-nostdin", "-trace_err",
                "-error_file", str(root / "caller-errors.log"), "-timeout", f"{int(timeout_s)}s",
                "-timeout_error"]  # fmt: skip
        started = time.time()
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout_s + 30, cwd=root)
        time.sleep(0.3)  # the last packets in flight
    errors = root / "caller-errors.log"
    output = (
        proc.stdout[-3000:] + proc.stderr + (errors.read_text(errors="replace") if errors.exists() else "")
    )
    return CallResult(proc.returncode, output, started, receiver.alaw())


# -- what the caller heard ---------------------------------------------------------------------------


def _alaw_sample(byte: int) -> int:
    byte ^= 0x55
    sign, exponent, mantissa = byte & 0x80, (byte >> 4) & 0x07, byte & 0x0F
    magnitude = (mantissa << 4) + 8 if exponent == 0 else ((mantissa << 4) + 0x108) << (exponent - 1)
    return magnitude if sign else -magnitude


_ALAW = [_alaw_sample(b) for b in range(256)]


def alaw_to_linear(data: bytes) -> array.array[int]:
    """G.711 A-law to 16-bit linear samples."""
    return array.array("h", (_ALAW[b] for b in data))


@dataclass(frozen=True)
class Heard:
    """Audio measured in 20 ms frames: from the first to the last frame above -45 dBFS, and its level."""

    seconds: float
    level_dbfs: float


def heard(alaw: bytes) -> Heard:
    """What G.711 A-law audio (a prompt file, the RTP a caller received) sounds like, measured."""
    return measure(alaw_to_linear(alaw))


def measure(samples: Sequence[int]) -> Heard:
    """16-bit linear samples at 8 kHz, measured."""
    frame = 160
    loud: list[int] = []
    energies: list[float] = []
    for i in range(0, len(samples) - frame + 1, frame):
        chunk = samples[i : i + frame]
        energy = sum(s * s for s in chunk) / frame
        energies.append(energy)
        if energy > (32768 * 10 ** (-45 / 20)) ** 2:
            loud.append(i // frame)
    if not loud:
        return Heard(0.0, -120.0)
    span = energies[loud[0] : loud[-1] + 1]
    mean = sum(span) / len(span)
    return Heard((loud[-1] - loud[0] + 1) * 0.02, 10 * math.log10(mean / 32768**2))
