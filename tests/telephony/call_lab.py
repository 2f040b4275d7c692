"""Calls through rendered plans in a real Asterisk, told as the simulator tells them: the agreement harness.

A :class:`CallLab` is a private Asterisk (:mod:`tests.telephony.asterisk_instance`) holding rendered plans
plus three contexts of its own:

* ``lab-inbound`` — a caller reaching a 400 number: ``CALLERID(num)`` is whatever the test presents
  (``+86 139 …``, ``0086…``, ``013926900000`` …), ``CALLER_CATEGORY`` the caller category.
  ``SPLIT_BRANCHES`` (``2-1``) names the branch taken at each percentage split, from ``CallSpec.split``.
* ``lab-phones`` — the bound phones (the plans dial ``Local/{number}@lab-phones``). Each call says how each
  phone behaves, as :class:`ivr_flows.PhoneBehaviour` does for the simulator; the behaviour is stored in
  AstDB per call and read by the phone's channel, so calls with different phones can run side by side:

  ========================  ==============================================  ==========================
  simulator state            what the phone does                             Dial() status
  ========================  ==============================================  ==========================
  ``answer`` after N s       rings, answers after N s, talks ``talk_s``      ``ANSWER``
  ``no_answer``              rings until the dial gives up                   ``NOANSWER``
  ``busy``                   ``Busy()`` (SIP 486)                            ``BUSY``
  ``switched_off``           hangs up with cause 20, subscriber absent       ``CHANUNAVAIL``
                             (SIP 480, what a switched-off mobile gives)
  ``unreachable``            ``Congestion()`` (SIP 503/404)                  ``CONGESTION``
  ========================  ==============================================  ==========================

* every prompt of a plan is a file of silence exactly as long as the simulator says it plays, so
  timings can be compared; keys are sent (AMI ``PlayDTMF``) ``after_s`` seconds into a menu prompt,
  as the simulator presses them; a collect step's ``Read()`` gets the keys of one entry, each
  ``after_s`` after the one before.

:meth:`CallLab.call` places one call and returns a :class:`Outline` built from the manager events
(``Timestamp`` of each event, so time is Asterisk's own); :func:`simulated` builds the same outline from a
simulator trace, so a test compares the two.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import itertools
import random
import re
import threading
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ivr_flows import AsteriskOptions, CallSpec, Dialplan, HttpReply, PhoneBehaviour, render_asterisk
from ivr_flows.areas import mobile_segment, resolve_caller
from ivr_flows.asterisk_syntax import asterisk_prompt_name
from ivr_flows.simulator import Trace, _duration
from telephony import AmiClient
from telephony.fastagi import HttpAgi
from telephony.outbound import OutboundPolicy
from tests.telephony.asterisk_instance import AsteriskInstance, asterisk_prefix, free_loopback_port
from tests.telephony.dialplan_checks import MODULES
from tests.telephony.https_lab import crm_server

USER, SECRET = "lab", "lab-secret-400"
OPTIONS = AsteriskOptions(channel="Local/{number}@lab-phones", standalone=False)
#: What a call needs beyond the plan's own modules: Local channels bridged, audio timed and translated,
#: ringback classes, keys sent by the manager.
LAB_MODULES = [
    *MODULES,
    "bridge_simple",
    "codec_ulaw",
    "format_pcm",
    "res_musiconhold",
    "res_timing_timerfd",
    "app_senddtmf",
    "func_cut",
]
LAB_CONTEXTS = """
[lab-inbound]
exten => _X.,1,Set(CALLERID(num)=${RAW_CALLER})
 same => n,Goto(hotline-${EXTEN},s,1)

[lab-phones]
exten => _X.,1,Set(HOW=${DB(lab/${LAB}-${EXTEN})})
 same => n,Goto(${IF($["${HOW}" = ""]?no_answer:${CUT(HOW,:,1)})})
 same => n(answer),Ringing()
 same => n,Wait(${CUT(HOW,:,2)})
 same => n,Answer()
 same => n,Wait(${CUT(HOW,:,3)})
 same => n,Hangup()
 same => n(no_answer),Ringing()
 same => n,Wait(3600)
 same => n(busy),Busy()
 same => n(switched_off),Hangup(20)
 same => n(unreachable),Congestion()
"""
#: q850 cause of the hangup when the plan's channel ends otherwise (the caller hung up: normal clearing).
NORMAL_CLEARING = 16


@dataclass
class Ring:
    """One bound phone tried: when it began ringing and how long, both in seconds from the call's start."""

    number: str
    t: float
    duration_s: float = 0.0
    status: str = ""


@dataclass
class Outline:
    """What a caller and the bound phones went through, the part simulator and Asterisk must agree on.

    ``caller``/``area``: the caller as the plan placed it; ``prompts``: (seconds, prompt id) the caller
    heard, ringback tones left out; ``rings``: bound phones tried in order; ``voicemail_t``: when the
    voicemail step began recording (None: no voicemail); ``q850``: the cause the call ended with.
    """

    caller: str = ""
    area: str = ""
    prompts: list[tuple[float, str]] = field(default_factory=list)
    rings: list[Ring] = field(default_factory=list)
    voicemail_t: float | None = None
    q850: int | None = None
    #: Percentage splits Asterisk drew (``SPLIT_DRAW``, 1–100), in order; a split a test named draws none.
    split_draws: list[int] = field(default_factory=list)

    @property
    def heard(self) -> list[str]:
        return [pid for _, pid in self.prompts]

    @property
    def rung(self) -> list[str]:
        return [r.number for r in self.rings]

    def shape(self) -> dict[str, object]:
        """Everything but the times."""
        return {
            "caller": self.caller,
            "area": self.area,
            "heard": self.heard,
            "rung": self.rung,
            "voicemail": self.voicemail_t is not None,
            "q850": self.q850,
        }

    def times(self) -> list[tuple[str, float]]:
        """The moments to compare: each prompt, each phone's ring (start and end), voicemail."""
        moments = [(f"hear {pid}", t) for t, pid in self.prompts]
        for ring in self.rings:
            moments += [(f"ring {ring.number}", ring.t), (f"end {ring.number}", ring.t + ring.duration_s)]
        if self.voicemail_t is not None:
            moments.append(("voicemail", self.voicemail_t))
        return moments


def simulated(plan: Dialplan, trace: Trace) -> Outline:
    """The outline of a simulator trace."""
    steps = plan.step_map()
    # What Asterisk keeps of a caller ID is its digits (and a leading +); a number with anything else
    # (``anonymous``) can match no list or prefix either way, so it counts as empty.
    number = trace.caller_area.number
    caller = number if re.fullmatch(r"\+?[0-9]*", number) else ""
    outline = Outline(caller=caller, area=trace.caller_area.area_code)
    for event in trace.events:
        op = steps[event.step].op
        if event.kind == "hear" and event.prompt and op != "dial":  # a dial's "hear" is its ringback
            outline.prompts.append((event.t, event.prompt))
        elif event.kind == "ring" and event.number:
            outline.rings.append(Ring(event.number, event.t, event.duration_s, event.outcome or ""))
        elif event.kind == "voicemail":
            outline.voicemail_t = event.t
        elif event.kind == "hangup":
            outline.q850 = int(steps[event.step].args["q850"])
    if outline.q850 is None and trace.outcome in ("answered", "voicemail"):
        outline.q850 = NORMAL_CLEARING  # Asterisk's call ends when a party hangs up
    return outline


def times_agree(asterisk: Outline, simulator: Outline, tolerance_s: float = 1.0) -> list[str]:
    """The moments where the two differ by more than ``tolerance_s`` (empty: they agree)."""
    ours, theirs = asterisk.times(), simulator.times()
    if [name for name, _ in ours] != [name for name, _ in theirs]:
        return [f"different moments: asterisk {ours} simulator {theirs}"]
    return [
        f"{name}: asterisk {a:.2f} s, simulator {s:.2f} s"
        for (name, a), (_, s) in zip(ours, theirs, strict=True)
        if abs(a - s) > tolerance_s
    ]


def steps_agree(asterisk: Outline, simulator: Outline, tolerance_s: float = 1.0) -> list[str]:
    """Like :func:`times_agree`, for the time from each moment to the next (in the simulator's order).

    Asterisk spends some time on every application it runs (a key is only a key once its 80 ms of DTMF
    are over, a file is opened, a manager event sent), which the simulator's model leaves out: over a
    long menu call this adds up to more than a second, while every single step still agrees.
    """
    ours, theirs = asterisk.times(), simulator.times()
    if [name for name, _ in ours] != [name for name, _ in theirs]:
        return [f"different moments: asterisk {ours} simulator {theirs}"]
    order = sorted(range(len(theirs)), key=lambda k: theirs[k][1])
    problems = []
    for before, after in itertools.pairwise([None, *order]):
        a0, s0 = (0.0, 0.0) if before is None else (ours[before][1], theirs[before][1])
        (name, a), (_, s) = ours[after], theirs[after]
        if abs((a - a0) - (s - s0)) > tolerance_s:
            problems.append(
                f"{name}: asterisk {a - a0:+.2f} s after the moment before, simulator {s - s0:+.2f} s"
            )
    return problems


def phone_setting(behaviour: PhoneBehaviour) -> str:
    """The AstDB value ``lab-phones`` reads: ``state[:answer after:talk]``."""
    if behaviour.state == "answer":
        return f"answer:{behaviour.answer_after_s:g}:{behaviour.talk_s:g}"
    return behaviour.state


def silence_ulaw(seconds: float) -> bytes:
    return b"\xff" * round(8000 * seconds)


class _Call:
    """One call in progress: its events (by ``Linkedid``), keys still to press, the outline so far."""

    def __init__(self, lab: CallLab, call_id: str, spec: CallSpec, number: str) -> None:
        self.lab = lab
        self.id = call_id
        self.spec = spec
        self.main = f"{OPTIONS.context_prefix}-{number}"
        self.presses = list(spec.digits)
        self.caller_channel = ""
        self.plan_uid = ""
        self.t0 = 0.0
        self.outline = Outline()
        self.dials: dict[str, Ring] = {}
        self.ringing_out: list[Ring] = []  # busy or switched-off mobiles of the current dial (R10)
        self.dial_over = False
        self.done = asyncio.Event()
        self.tasks: set[asyncio.Task[None]] = set()

    def feed(self, event: dict[str, str]) -> None:
        kind = event.get("Event", "")
        uid = event.get("Uniqueid", "")
        stamp = float(event.get("Timestamp", "0"))
        if kind == "Newchannel" and uid == self.id:
            self.caller_channel = event["Channel"]
        if kind == "Newexten" and not self.plan_uid and event.get("Context") == self.main:
            self.plan_uid, self.t0 = uid, stamp
        if not self.plan_uid or uid != self.plan_uid:
            return
        t = round(stamp - self.t0, 3)
        if kind == "Newexten":
            app = event.get("Application", "").lower()
            data = event.get("AppData", "")
            if app == "read":  # a collect step: its prompt, then the keys of one entry
                _, sound, max_digits, _, _, timeout = data.split(",")[:6]
                name = sound.rsplit("/", 1)[-1]
                self.outline.prompts.append((t, self.lab.prompt_ids.get(name, name)))
                self.enter(self.lab.prompt_seconds.get(name, 0.0), int(max_digits), float(timeout))
            elif app in ("playback", "background"):
                name = data.split(",")[0].rsplit("/", 1)[-1]
                self.outline.prompts.append((t, self.lab.prompt_ids.get(name, name)))
                if app == "background":
                    prompt_s = self.lab.prompt_seconds.get(name, 0.0)
                    self.press(prompt_s + self.lab.menu_timeouts.get(event.get("Context", ""), 0.0))
            elif app == "voicemail":
                self.outline.voicemail_t = t
                self.later("#", self.spec.message_s)
            elif app == "hangup":
                self.outline.q850 = int(data or NORMAL_CLEARING)
            elif app == "set" and data.startswith("DIALED_"):
                # the dial is over: a busy or switched-off mobile "rang" as long as the group did
                self.dial_over = True
                for ring in self.ringing_out:
                    ring.duration_s = round(t - ring.t, 3)
            elif app == "set" and data == "DIALSTATUS=NOANSWER":
                # ... or it rang out its wait after the dial (R10): its ring ends only now
                for ring in self.ringing_out:
                    ring.duration_s, ring.status = round(t - ring.t, 3), "NOANSWER"
                self.ringing_out.clear()
        elif kind == "VarSet" and event.get("Variable") == "SPLIT_DRAW":
            self.outline.split_draws.append(int(event.get("Value") or 0))
        elif kind == "VarSet" and event.get("Variable") in ("CALLER", "CALLER_AREA"):
            value = event.get("Value", "")
            if event["Variable"] == "CALLER":
                self.outline.caller = value
            else:
                self.outline.area = value
        elif kind == "DialBegin":
            if self.dial_over:
                self.ringing_out.clear()
                self.dial_over = False
            number = event.get("DialString", "").split("@")[0]
            ring = self.dials[event.get("DestUniqueid", "")] = Ring(number, t)
            self.outline.rings.append(ring)
        elif kind == "DialEnd" and (ended := self.dials.get(event.get("DestUniqueid", ""))):
            ring = ended
            ring.duration_s = round(t - ring.t, 3)
            ring.status = event.get("DialStatus", "")
            if ring.status in ("BUSY", "CHANUNAVAIL") and ring.number in self.lab.mobiles:
                self.ringing_out.append(ring)
            elif ring.status == "ANSWER":  # the others stop "ringing" now, as ringing phones are cancelled
                for other in self.ringing_out:
                    other.duration_s, other.status = round(t - other.t, 3), "CANCEL"
                self.ringing_out.clear()
        elif kind == "Hangup":
            if self.outline.q850 is None:
                self.outline.q850 = int(event.get("Cause", NORMAL_CLEARING))
            self.done.set()

    def press(self, limit_s: float) -> None:
        """A menu prompt started: press the next key ``after_s`` into it, as the simulator does (a key
        later than the prompt plus the menu's timeout is no key: the menu timed out first)."""
        if not self.presses:
            return
        press = self.presses.pop(0)
        if press.key is not None and press.after_s <= limit_s:
            self.later(press.key, press.after_s)

    def enter(self, prompt_s: float, max_digits: int, timeout_s: float) -> None:
        """A collect prompt started: press the keys of one entry as the simulator's ``_Run._entry`` takes
        them — the first ``after_s`` into the prompt (up to the prompt plus the timeout), each next one
        ``after_s`` after the one before (up to the timeout); the entry ends at ``#``, at ``max_digits``
        keys, or at a press without a key or too late (that press is used up, as in the simulator)."""
        at, limit, pressed = 0.0, prompt_s + timeout_s, 0
        while self.presses:
            press = self.presses.pop(0)
            if press.key is None or press.after_s > limit:
                return
            at += press.after_s
            limit = timeout_s
            self.later(press.key, at)
            if press.key == "#":
                return
            pressed += 1
            if pressed >= max_digits:
                return

    def later(self, key: str, after_s: float) -> None:
        """Press ``key`` on the caller's phone ``after_s`` seconds from now."""
        task = asyncio.get_running_loop().create_task(self._send(key, after_s))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _send(self, key: str, after_s: float) -> None:
        await asyncio.sleep(after_s)
        with contextlib.suppress(Exception):  # the call may be over: the simulator would not press either
            await self.lab.act("PlayDTMF", Channel=self.caller_channel, Digit=key, Duration="80")


class CallLab:
    """A private Asterisk with plans loaded and a manager connection that follows every call."""

    def __init__(self, root: Path, plans: list[Dialplan]) -> None:
        self.root = root
        self.plans = plans
        self.port = free_loopback_port()
        self.prompt_ids: dict[str, str] = {}
        self.prompt_seconds: dict[str, float] = {}
        self.menu_timeouts = {
            f"{OPTIONS.context_prefix}-{p.number}-m{i}": float(s.args["timeout_s"])
            for p in plans
            for i, s in enumerate(p.steps)
            if s.op == "menu"
        }
        self.mobiles = {
            d["number"]
            for p in plans
            for s in p.steps
            if s.op == "dial"
            for d in s.args["destinations"]
            if d["kind"] == "mobile"
        }
        #: The agent's FastAGI answer for http steps, and the customer system (CRM) it asks.
        self.options = dataclasses.replace(OPTIONS, agi_address=f"127.0.0.1:{free_loopback_port()}")
        self.http_hosts = sorted(
            {
                (urlsplit(str(s.args["url"])).hostname or "").lower()
                for p in plans
                for s in p.steps
                if s.op == "http"
            }
        )
        self._http_replies: dict[str, dict[str, HttpReply]] = {}
        self.asterisk: AsteriskInstance | None = None
        self._actions: AmiClient | None = None
        self._lock = asyncio.Lock()
        self._calls: dict[str, _Call] = {}
        self._ids = itertools.count(1)

    def write_files(self) -> dict[str, str]:
        """The plans' include file, prompt audio, ringback classes; returns the configuration files."""
        etc = self.root / "etc"
        sounds = self.root / "data" / "sounds"
        (sounds / "hotline").mkdir(parents=True, exist_ok=True)
        etc.mkdir(parents=True, exist_ok=True)
        # VoiceMail beeps before recording and thanks the caller after "#": short silences stand in.
        for word in ("beep", "auth-thankyou"):
            (sounds / f"{word}.ulaw").write_bytes(silence_ulaw(0.1))
        moh = self.root / "data" / "moh"
        moh.mkdir(parents=True, exist_ok=True)
        (moh / "silence.ulaw").write_bytes(silence_ulaw(10))
        classes = ["default"]
        for plan in self.plans:
            for pid, prompt in plan.prompts.items():
                name = asterisk_prompt_name(pid)
                self.prompt_ids[name] = pid
                self.prompt_seconds[name] = _duration(prompt.text)
                (sounds / "hotline" / f"{name}.ulaw").write_bytes(silence_ulaw(_duration(prompt.text)))
            for step in plan.steps:
                if step.op == "dial" and step.args["ringback"]:
                    classes.append(OPTIONS.moh_prefix + asterisk_prompt_name(step.args["ringback"]))
        include = etc / "lab-plans.conf"
        include.write_text("\n".join(render_asterisk(p, self.options) for p in self.plans), encoding="utf-8")
        mailboxes = sorted(
            {
                asterisk_prompt_name(str(s.args["mailbox"]))
                for p in self.plans
                for s in p.steps
                if s.op == "voicemail"
            }
        )
        return {
            "extensions.conf": f'[general]\nstatic = yes\nwriteprotect = yes\n\n[globals]\n\n#include "{include}"\n'
            + LAB_CONTEXTS,
            "musiconhold.conf": "[general]\n\n"
            + "".join(f"[{c}]\nmode = files\ndirectory = {moh}\n\n" for c in sorted(set(classes))),
            "voicemail.conf": "[general]\nformat = wav\nmaxsilence = 0\n\n[hotline]\n"
            + "".join(f"{box} => 0000,热线留言\n" for box in mailboxes),
            "manager.conf": f"[general]\nenabled = yes\nbindaddr = 127.0.0.1\nport = {self.port}\n"
            f"timestampevents = yes\n\n[{USER}]\nsecret = {SECRET}\ndeny = 0.0.0.0/0.0.0.0\n"
            "permit = 127.0.0.1/255.255.255.255\nread = all\nwrite = all\n",
        }

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[CallLab]:
        """Start Asterisk and follow the events of every call."""
        configs = self.write_files()
        self.asterisk = AsteriskInstance(asterisk_prefix(), self.root, LAB_MODULES, configs)
        with contextlib.ExitStack() as stack:
            if self.http_hosts:
                stack.enter_context(self._customer_system())
            with self.asterisk:
                async with self._following():
                    yield self

    @contextlib.contextmanager
    def _customer_system(self) -> Iterator[None]:
        """:meth:`_serve_http` in a thread of its own: the agent's FastAGI answer runs in its own process on a
        node, so the lab keeps it off the loop that follows the calls' manager events."""
        ready, stop = threading.Event(), threading.Event()
        failed: list[BaseException] = []

        def run() -> None:
            try:
                asyncio.run(self._serve_http(ready, stop))
            except BaseException as exc:
                failed.append(exc)
                ready.set()

        thread = threading.Thread(target=run, name="lab customer system", daemon=True)
        thread.start()
        ready.wait(30)
        if failed:
            raise failed[0]
        try:
            yield
        finally:
            stop.set()
            thread.join(10)

    async def _serve_http(self, ready: threading.Event, stop: threading.Event) -> None:
        """The customer's system the example flows ask (``https://crm.example.com/…``): a real HTTPS server
        on a loopback address of its own at port 443, answering each call as its ``CallSpec.http`` says,
        and the agent's real FastAGI answer with a policy that allowlists the flows' hosts (so loopback is
        allowed) and resolves them to that address."""
        address = f"127.{random.randint(1, 254)}.{random.randint(1, 254)}.{random.randint(2, 254)}"
        crm_dir = self.root / "crm"
        crm_dir.mkdir(parents=True, exist_ok=True)
        async with crm_server(crm_dir, address, 443, tuple(self.http_hosts), self._canned) as crm:

            async def resolve(host: str, port: int) -> list[str]:
                return [address]

            policy = OutboundPolicy(
                allow_hosts=frozenset(self.http_hosts), cafile=crm.cafile, resolve=resolve
            )
            plans = {p.number: p for p in self.plans}
            host, port = self.options.agi_address.split(":")
            server = await HttpAgi(plans.get, policy).serve(host, int(port))
            ready.set()
            try:
                while not stop.is_set():
                    await asyncio.sleep(0.1)
            finally:
                server.close()
                await server.wait_closed()

    def _canned(self, path: str, query: dict[str, str], body: object) -> tuple[int, object, float] | None:
        """The reply of the call whose 400 number the request carries (a query or body field)."""
        fields = [*query.values(), *(body.values() if isinstance(body, dict) else ())]
        number = next((f for f in fields if f in self._http_replies), None)
        replies = self._http_replies.get(number or "", {})
        reply = replies.get(path.rsplit("/", 1)[-1]) or (
            next(iter(replies.values())) if len(replies) == 1 else None
        )
        if reply is None or reply.outcome == "failure":
            return 500, {"error": "failure"}, 0.0
        if reply.outcome == "timeout":
            return 200, {}, 5.0
        return 200, reply.body, 0.0

    @contextlib.asynccontextmanager
    async def _following(self) -> AsyncIterator[None]:
        """The manager connections: one for actions, one following every call's events."""
        actions = await AmiClient.connect("127.0.0.1", self.port, USER, SECRET, timeout_s=30)
        events = await AmiClient.connect("127.0.0.1", self.port, USER, SECRET, events="call,dialplan")
        self._actions = actions
        reader = asyncio.get_running_loop().create_task(self._follow(events))
        try:
            yield
        finally:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader
            await events.close()
            await actions.close()

    async def _follow(self, events: AmiClient) -> None:
        while True:
            event = await events.next_event()
            call = self._calls.get(event.get("Linkedid", ""))
            if call is not None:
                call.feed(event)

    async def act(self, name: str, **fields: str) -> dict[str, str]:
        assert self._actions is not None
        async with self._lock:
            return await self._actions.action(name, **fields)

    async def call(self, number: str, spec: CallSpec, *, timeout_s: float = 300) -> Outline:
        """Place ``spec``'s call to ``number`` (its caller, category, keys, phones) and wait for its end.

        The caller's side plays silence (music on hold of class ``default``) once the plan answers, so
        recordings get audio; a caller who reaches voicemail ends the message with ``#`` after
        ``spec.message_s`` seconds, as the simulator's caller leaves a message that long.
        """
        if "," in spec.caller:
            raise ValueError("a caller number with a comma cannot be presented")
        call_id = f"lab-{next(self._ids):05d}"  # fixed width: Asterisk matches unique ids by prefix
        call = self._calls[call_id] = _Call(self, call_id, spec, number)
        self._http_replies[number] = dict(spec.http)
        if (segment := _segment_of(spec.caller)) is not None:  # the agent loads them all; a call needs one
            await self.act("DBPut", Family=OPTIONS.area_db_family, Key=segment[0], Val=segment[1])
        for phone, behaviour in spec.phones.items():
            await self.act("DBPut", Family="lab", Key=f"{call_id}-{phone}", Val=phone_setting(behaviour))
        variables = f"RAW_CALLER={spec.caller},__LAB={call_id},CALLER_CATEGORY={spec.category}"
        if spec.split:  # the branch at each percentage split, as the simulator takes it (docs/dialplan.md)
            variables += ",SPLIT_BRANCHES=" + "-".join(str(n) for n in spec.split)
        try:
            await self.act(
                "Originate",
                Channel=f"Local/{number}@lab-inbound",
                Application="MusicOnHold",
                Data="default",
                Timeout=str(int(timeout_s * 1000)),
                Async="true",
                ChannelId=call_id,
                OtherChannelId=call_id.replace("lab-", "plan-"),
                Variable=variables,
            )
            async with asyncio.timeout(timeout_s):
                await call.done.wait()
        finally:
            del self._calls[call_id]
        return call.outline


def _segment_of(caller: str) -> tuple[str, str] | None:
    """(7-digit segment, area code) of a mobile caller, however it is written (the simulator's reading)."""
    found = resolve_caller(caller)
    segment = mobile_segment(found.number) if found.kind == "mobile" else None
    return (found.number[:7], segment[2]) if segment is not None else None
