"""Render a :class:`Dialplan` as an Asterisk ``extensions.conf`` context (jinja2 template).

One main context per 400 number (``[hotline-4006228300]``), plus one small context per menu (its digit,
``i`` and ``t`` extensions), one that normalises the caller number and finds its area code, and one that
classifies today against the plan's day table. The idioms are the ones production dialplans use:
``Progress()`` + ``Playback(…,noanswer)`` for early media, ``Background`` + ``WaitExten`` with retry
counters, ``GotoIfTime`` with an explicit time zone, ``REGEX`` prefix matches, ``GROUP_COUNT`` for line
limits, sequential ``Dial`` with ``${DIALSTATUS}``, ``MixMonitor``, ``VoiceMail`` and ``Hangup(cause)``.

Safety: nothing a caller or customer typed is written verbatim. Numbers and prefixes are digits (checked
again here), prompt ids and mailboxes are reduced to safe file names (or a hash), node ids appear only in
sanitised comments, and every ``GotoIfTime`` spec is validated by :mod:`ivr_flows.timespec` first.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from .areas import _area_index
from .dialplan import PLAN_FORMAT, PLAN_VERSION, Dialplan, Step
from .phones import IP_DIAL_PREFIXES
from .timespec import parse_timespec, weekday_ranges

__all__ = ["AsteriskOptions", "RenderError", "asterisk_prompt_name", "render_asterisk"]

_SAFE_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_CHANNEL = re.compile(r"^[A-Za-z0-9/_.@:-]*\{number\}[A-Za-z0-9/_.@:-]*$")
_PREFIX = re.compile(r"^[a-z][a-z0-9_-]{0,30}$")
_STATUS = {"answered": "ANSWER", "busy": "BUSY", "no_answer": "NOANSWER"}
_CHUNK = 40


class RenderError(ValueError):
    """The plan or the options contain something that cannot be rendered safely."""


@dataclass(frozen=True)
class AsteriskOptions:
    """Deployment details the plan does not know.

    Attributes:
        channel: how to reach a bound number; ``{number}`` becomes its national digits.
        context_prefix: contexts are named ``<prefix>-<400 number>``.
        sound_dir: sounds sub-directory holding prompt files named by :func:`asterisk_prompt_name`.
        voicemail_context: the voicemail.conf context of the mailboxes.
        area_db_family: AstDB family mapping a 7-digit mobile segment to its area code.
        moh_prefix: musiconhold class prefix for ringback tones (彩铃) played while bound phones ring.
        standalone: emit ``[general]`` and ``[globals]`` so the output is a complete extensions.conf.
    """

    channel: str = "PJSIP/{number}@carrier"
    context_prefix: str = "hotline"
    sound_dir: str = "hotline"
    voicemail_context: str = "hotline"
    area_db_family: str = "cnarea"
    moh_prefix: str = "ringback-"
    standalone: bool = True

    def check(self) -> None:
        if not _CHANNEL.match(self.channel):
            raise RenderError(
                f"channel template {self.channel!r} must contain {{number}} and only [A-Za-z0-9/_.@:-]"
            )
        for name in ("context_prefix", "sound_dir", "voicemail_context", "area_db_family"):
            if not _PREFIX.match(getattr(self, name)):
                raise RenderError(f"{name} {getattr(self, name)!r} must match {_PREFIX.pattern}")
        if not re.fullmatch(r"[a-z0-9_-]{0,20}", self.moh_prefix):
            raise RenderError(f"moh_prefix {self.moh_prefix!r} must match [a-z0-9_-]{{0,20}}")


def asterisk_prompt_name(prompt_id: str) -> str:
    """The file name (without extension) of a prompt in the sounds directory.

    Safe ids are kept so operators recognise files; anything else becomes ``x-<sha1>`` so no character
    of a customer's id can reach the dialplan. The audio pipeline must name files the same way.
    """
    if _SAFE_NAME.match(prompt_id):
        return prompt_id
    return "x-" + hashlib.sha1(prompt_id.encode()).hexdigest()[:20]


def _digits(value: str) -> str:
    if not value.isascii() or not value.isdigit():
        raise RenderError(f"expected digits, got {value!r}")
    return value


def _comment(text: str) -> str:
    return re.sub(r"[^\w.:-]", "_", text)[:60]


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@dataclass
class _Line:
    app: str
    data: str
    label: str | None = None
    comment: str | None = None


@dataclass
class _Ext:
    name: str
    lines: list[_Line] = field(default_factory=list)

    def text(self) -> str:
        """The extension's lines in extensions.conf syntax (formatted here: jinja2 loops are too slow for 50k lines)."""
        out = []
        for n, line in enumerate(self.lines):
            head = f"exten => {self.name},1" if n == 0 else " same => n"
            label = f"({line.label})" if line.label else ""
            comment = f" ; {line.comment}" if line.comment else ""
            out.append(f"{head}{label},{line.app}({line.data}){comment}")
        return "\n".join(out)


@dataclass
class _Ctx:
    name: str
    extensions: list[_Ext] = field(default_factory=list)
    purpose: str = ""


def _regex_chunks(values: Iterable[str], anchor_end: bool) -> list[str]:
    items = [v if v == "unknown" else _digits(v) for v in values]
    end = "$" if anchor_end else ""
    return ["^(" + "|".join(items[i : i + _CHUNK]) + ")" + end for i in range(0, len(items), _CHUNK)]


class _Renderer:
    def __init__(self, plan: Dialplan, opts: AsteriskOptions) -> None:
        self.plan = plan
        self.opts = opts
        self.number = _digits(plan.number)
        self.main = f"{opts.context_prefix}-{self.number}"
        self.labels = {s.id: f"s{i}" for i, s in enumerate(plan.steps)}
        self.contexts: list[_Ctx] = []
        self.tz = plan.timezone

    # helpers -------------------------------------------------------------------------------------
    def sound(self, pid: str) -> str:
        return f"{self.opts.sound_dir}/{asterisk_prompt_name(pid)}"

    def goto(self, target: str, local: bool = True) -> str:
        label = self.labels[target]
        return label if local else f"{self.main},s,{label}"

    def channel(self, number: str) -> str:
        return self.opts.channel.replace("{number}", _digits(number))

    def flag_if_match(self, var: str, subject: str, values: list[str], anchor_end: bool) -> list[_Line]:
        lines = [_Line("Set", f"{var}=0")]
        for rx in _regex_chunks(values, anchor_end):
            lines.append(_Line("ExecIf", f'$[${{REGEX("{rx}" ${{{subject}}})}}]?Set({var}=1)'))
        return lines

    def time_goto(self, times: str, days: str, target_label: str) -> _Line:
        spec = f"{times},{days},*,*,{self.tz}"
        parse_timespec(spec)  # Asterisk skips bad specs silently: refuse to emit one
        return _Line("GotoIfTime", f"{spec}?{target_label}")

    # ops ------------------------------------------------------------------------------------------
    def step_lines(self, s: Step, i: int) -> list[_Line]:
        lines: list[_Line] = getattr(self, "op_" + s.op)(s, i)
        lines[0].label = self.labels[s.id]
        lines[0].comment = _comment(s.id)
        return lines

    def op_start(self, s: Step, i: int) -> list[_Line]:
        return [_Line("Goto", self.goto(s.next["next"]))]

    def op_check_category(self, s: Step, i: int) -> list[_Line]:
        allowed = [c for c in s.args["allowed"] if re.fullmatch(r"[a-z]+", c)]
        rx = "^(" + "|".join(allowed) + ")$"
        return [
            _Line("Set", 'CATEGORY=${IF($["${CALLER_CATEGORY}" = ""]?unknown:${CALLER_CATEGORY})}'),
            _Line("GotoIf", f'$[${{REGEX("{rx}" ${{CATEGORY}})}}]?{self.goto(s.next["allowed"])}'),
            _Line("Goto", self.goto(s.next["refused"])),
        ]

    def op_check_list(self, s: Step, i: int) -> list[_Line]:
        lines = self.flag_if_match("LISTED", "CALLER", s.args["prefixes"], anchor_end=False)
        refuse_when = "1" if s.args["mode"] == "black" else "0"
        lines.append(_Line("GotoIf", f"$[${{LISTED}} = {refuse_when}]?{self.goto(s.next['refused'])}"))
        lines.append(_Line("Goto", self.goto(s.next["pass"])))
        return lines

    def area_flags(self, allowed: list[str] | None, refused: list[str]) -> list[_Line]:
        lines = [_Line("Set", "AREA_OK=1")]
        if allowed is not None:
            lines += self.flag_if_match("AREA_IN", "CALLER_AREA", allowed, anchor_end=True)
            lines.append(_Line("ExecIf", "$[${AREA_IN} = 0]?Set(AREA_OK=0)"))
        if refused:
            lines += self.flag_if_match("AREA_OUT", "CALLER_AREA", refused, anchor_end=True)
            lines.append(_Line("ExecIf", "$[${AREA_OUT} = 1]?Set(AREA_OK=0)"))
        return lines

    def op_check_area(self, s: Step, i: int) -> list[_Line]:
        lines = self.area_flags(s.args["allowed"], s.args["refused"])
        lines.append(_Line("GotoIf", f"$[${{AREA_OK}} = 0]?{self.goto(s.next['refused'])}"))
        lines.append(_Line("Goto", self.goto(s.next["pass"])))
        return lines

    def op_check_lines(self, s: Step, i: int) -> list[_Line]:
        limit = int(s.args["max_lines"])
        return [
            _Line("Set", f"GROUP(hotline)={self.number}"),
            _Line(
                "GotoIf", f"$[${{GROUP_COUNT({self.number}@hotline)}} > {limit}]?{self.goto(s.next['full'])}"
            ),
            _Line("Goto", self.goto(s.next["ok"])),
        ]

    def op_play(self, s: Step, i: int) -> list[_Line]:
        if s.args["early_media"]:
            lines = [_Line("Progress", ""), _Line("Playback", f"{self.sound(s.args['prompt'])},noanswer")]
        else:
            lines = [_Line("Answer", ""), _Line("Playback", self.sound(s.args["prompt"]))]
        return [*lines, _Line("Goto", self.goto(s.next["next"]))]

    def op_menu(self, s: Step, i: int) -> list[_Line]:
        a = s.args
        name = f"{self.main}-m{i}"
        counter = f"RETRY_{i}"
        start = _Ext("s", [_Line("Answer", ""), _Line("Background", self.sound(a["prompt"]), "prompt"),
                           _Line("WaitExten", str(int(a["timeout_s"])))])  # fmt: skip
        ctx = _Ctx(name, [start], f"menu {_comment(s.id)}: digits, i (invalid) and t (timeout)")
        for key in a["keys"]:
            if key not in "0123456789*#":
                raise RenderError(f"bad menu key {key!r}")
            ctx.extensions.append(_Ext(key, [_Line("Goto", self.goto(s.next[f"digit:{key}"], local=False))]))
        for ext, failure, prompt in (
            ("i", "invalid", a["invalid_prompt"]),
            ("t", "timeout", a["timeout_prompt"]),
        ):
            ctx.extensions.append(
                _Ext(ext, [
                    _Line("Set", f"{counter}=$[${{{counter}}} + 1]"),
                    _Line("GotoIf", f"$[${{{counter}}} > {int(a['max_retries'])}]?{self.goto(s.next[failure], local=False)}"),
                    _Line("Playback", self.sound(prompt)),
                    _Line("Goto", "s,prompt"),
                ])
            )  # fmt: skip
        self.contexts.append(ctx)
        return [_Line("Set", f"{counter}=0"), _Line("Goto", f"{name},s,1")]

    def op_time_switch(self, s: Step, i: int) -> list[_Line]:
        a = s.args
        match, other = self.goto(s.next["match"]), self.goto(s.next["else"])
        lines = [_Line("Gosub", f"{self.main}-calendar,s,1")]
        exceptions = sorted(a["exceptions"].items())
        for k, (day, _) in enumerate(exceptions):
            lines.append(_Line("GotoIf", f'$["${{TODAY}}" = "{_digits(day.replace("-", ""))}"]?s{i}x{k}'))
        if a["observe_holidays"]:
            lines.append(_Line("GotoIf", f'$["${{DAYKIND}}" = "holiday"]?{other}'))
            lines.append(_Line("GotoIf", f'$["${{DAYKIND}}" = "workday"]?s{i}mk'))
        for seg in a["segments"]:
            times = f"{_hhmm(seg['start'])}-{_hhmm(seg['end'] - 1)}"
            lines += [self.time_goto(times, days, match) for days in weekday_ranges(seg["days"])]
        lines.append(_Line("Goto", other))
        blocks: list[tuple[str, list[list[int]]]] = []
        if a["observe_holidays"]:
            blocks.append((f"s{i}mk", a["makeup"]))
        blocks += [(f"s{i}x{k}", ranges) for k, (_, ranges) in enumerate(exceptions)]
        for label, ranges in blocks:
            block = [self.time_goto(f"{_hhmm(r0)}-{_hhmm(r1 - 1)}", "*", match) for r0, r1 in ranges]
            block.append(_Line("Goto", other))
            block[0].label = label
            lines += block
        return lines

    def op_area_switch(self, s: Step, i: int) -> list[_Line]:
        lines = self.flag_if_match("AREA_IN", "CALLER_AREA", s.args["areas"], anchor_end=True)
        lines.append(_Line("GotoIf", f"$[${{AREA_IN}} = 1]?{self.goto(s.next['match'])}"))
        return [*lines, _Line("Goto", self.goto(s.next["else"]))]

    def op_caller_match(self, s: Step, i: int) -> list[_Line]:
        lines = self.flag_if_match("LISTED", "CALLER", s.args["prefixes"], anchor_end=False)
        lines.append(_Line("GotoIf", f"$[${{LISTED}} = 1]?{self.goto(s.next['match'])}"))
        return [*lines, _Line("Goto", self.goto(s.next["else"]))]

    def dial_options(self, a: dict[str, Any]) -> str:
        if a["ringback"]:
            return f"m({self.opts.moh_prefix}{asterisk_prompt_name(a['ringback'])})"
        return ""

    def op_dial(self, s: Step, i: int) -> list[_Line]:
        a = s.args
        opts = self.dial_options(a)
        restricted = any(d["allowed_areas"] is not None or d["refused_areas"] for d in a["destinations"])
        lines: list[_Line] = [_Line("Set", f"DIALED_{i}=0")]
        if a["record"]:
            lines.append(_Line("MixMonitor", "${UNIQUEID}.wav,b"))
        answered = self.goto(s.next["answered"])
        if a["strategy"] == "ring_all":
            lines.append(_Line("Set", "TARGETS="))
            for d in a["destinations"]:
                add = f"Set(TARGETS=${{TARGETS}}&{self.channel(d['number'])})"
                if d["allowed_areas"] is not None or d["refused_areas"]:
                    lines += self.area_flags(d["allowed_areas"], d["refused_areas"])
                    lines.append(_Line("ExecIf", f"$[${{AREA_OK}} = 1]?{add}"))
                else:
                    lines.append(_Line(add.split("(", 1)[0], add.split("(", 1)[1][:-1]))
            lines.append(_Line("GotoIf", f'$["${{TARGETS}}" = ""]?{self.goto(s.next["area_refused"])}'))
            wait = max(int(d["wait_s"]) for d in a["destinations"])
            lines.append(_Line("Dial", f"${{TARGETS:1}},{wait},{opts}".rstrip(",")))
            lines.append(_Line("Set", f"DIALED_{i}=1"))
        else:
            for k, d in enumerate(a["destinations"]):
                skip = f"s{i}d{k + 1}"
                if d["allowed_areas"] is not None or d["refused_areas"]:
                    lines += self.area_flags(d["allowed_areas"], d["refused_areas"])
                    lines.append(_Line("GotoIf", f"$[${{AREA_OK}} = 0]?{skip}"))
                lines.append(
                    _Line("Dial", f"{self.channel(d['number'])},{int(d['wait_s'])},{opts}".rstrip(","))
                )
                lines.append(_Line("Set", f"DIALED_{i}=1"))
                lines.append(_Line("GotoIf", f'$["${{DIALSTATUS}}" = "ANSWER"]?{answered}'))
                lines.append(_Line("NoOp", f"next {k + 1}", label=skip))
        if restricted:
            lines.append(_Line("GotoIf", f"$[${{DIALED_{i}}} = 0]?{self.goto(s.next['area_refused'])}"))
        for outcome in ("answered", "busy", "no_answer"):
            lines.append(
                _Line("GotoIf", f'$["${{DIALSTATUS}}" = "{_STATUS[outcome]}"]?{self.goto(s.next[outcome])}')
            )
        lines.append(_Line("Goto", self.goto(s.next["failed"])))
        return lines

    def op_voicemail(self, s: Step, i: int) -> list[_Line]:
        a = s.args
        box = asterisk_prompt_name(str(a["mailbox"]))
        lines = [_Line("Answer", "")]
        if a["greeting"]:
            lines.append(_Line("Playback", self.sound(a["greeting"])))
        lines.append(_Line("VoiceMail", f"{box}@{self.opts.voicemail_context},s"))
        lines[-1].comment = f"maxsecs={int(a['max_length_s'])}"
        return [*lines, _Line("Goto", self.goto(s.next["done"]))]

    def op_record(self, s: Step, i: int) -> list[_Line]:
        app = (
            _Line("MixMonitor", "${UNIQUEID}.wav")
            if s.args["action"] == "start"
            else _Line("StopMixMonitor", "")
        )
        return [app, _Line("Goto", self.goto(s.next["next"]))]

    def op_hangup(self, s: Step, i: int) -> list[_Line]:
        lines = []
        if s.args["prompt"]:
            lines = [_Line("Progress", ""), _Line("Playback", f"{self.sound(s.args['prompt'])},noanswer")]
        return [*lines, _Line("Hangup", str(int(s.args["q850"])))]

    # contexts -------------------------------------------------------------------------------------
    def caller_context(self) -> _Ctx:
        ip = "|".join(_digits(p) for p in IP_DIAL_PREFIXES)
        lines = [
            _Line("Set", "CALLER=${FILTER(0123456789,${CALLERID(num)})}"),
            _Line("ExecIf", f'$[${{LEN(${{CALLER}})}} > 11 & ${{REGEX("^({ip})[01]" ${{CALLER}})}}]?Set(CALLER=${{CALLER:5}})'),
            _Line("ExecIf", '$["${CALLER:0:2}" = "00"]?Set(CALLER=${CALLER:2})'),
            _Line("ExecIf", '$[${REGEX("^861[3-9][0-9]{9}$" ${CALLER})}]?Set(CALLER=${CALLER:2})'),
            _Line("ExecIf", '$[${REGEX("^86[2-9][0-9]{9,10}$" ${CALLER})}]?Set(CALLER=0${CALLER:2})'),
            _Line("Set", "CALLER_AREA=unknown"),
        ]  # fmt: skip
        for rx in _regex_chunks(_known_codes(3), anchor_end=False):
            lines.append(
                _Line(
                    "ExecIf",
                    f'$[${{REGEX("{rx}[0-9]{{7,9}}$" ${{CALLER}})}}]?Set(CALLER_AREA=${{CALLER:0:3}})',
                )
            )
        for rx in _regex_chunks(_known_codes(4), anchor_end=False):
            lines.append(
                _Line(
                    "ExecIf",
                    f'$[${{REGEX("{rx}[0-9]{{6,8}}$" ${{CALLER}})}}]?Set(CALLER_AREA=${{CALLER:0:4}})',
                )
            )
        family = self.opts.area_db_family
        lines.append(
            _Line(
                "ExecIf",
                f'$[${{REGEX("^1[3-9][0-9]{{9}}$" ${{CALLER}})}}]?Set(CALLER_AREA=${{DB({family}/${{CALLER:0:7}})}})',
            )
        )
        lines.append(_Line("ExecIf", '$["${CALLER_AREA}" = ""]?Set(CALLER_AREA=unknown)'))
        lines.append(_Line("Return", ""))
        return _Ctx(
            f"{self.main}-caller",
            [_Ext("s", lines)],
            "normalise the caller number; CALLER_AREA = area code or unknown",
        )

    def calendar_context(self) -> _Ctx:
        lines = [
            _Line("Set", f"TODAY=${{STRFTIME(${{EPOCH}},{self.tz},%Y%m%d)}}"),
            _Line("Set", "DAYKIND=normal"),
        ]
        for kind in ("holiday", "workday"):
            days = sorted(_digits(d.replace("-", "")) for d, k in self.plan.day_table.items() if k == kind)
            for rx in _regex_chunks(days, anchor_end=True):
                lines.append(_Line("ExecIf", f'$[${{REGEX("{rx}" ${{TODAY}})}}]?Set(DAYKIND={kind})'))
        lines.append(_Line("Return", ""))
        return _Ctx(
            f"{self.main}-calendar",
            [_Ext("s", lines)],
            "DAYKIND for today: holiday, workday (make-up) or normal",
        )

    def render(self) -> list[_Ctx]:
        entry = [_Line("NoOp", f"hotline {self.number}"), _Line("Gosub", f"{self.main}-caller,s,1"),
                 _Line("Goto", self.goto(self.plan.entry))]  # fmt: skip
        body: list[_Line] = list(entry)
        for i, step in enumerate(self.plan.steps):
            body += self.step_lines(step, i)
        main = _Ctx(
            self.main, [_Ext("s", body), _Ext("h", [_Line("StopMixMonitor", "")])], "policies, then the flow"
        )
        extra = [self.caller_context()]
        if any(s.op == "time_switch" for s in self.plan.steps):
            extra.append(self.calendar_context())
        return [main, *self.contexts, *extra]


@lru_cache(maxsize=2)
def _known_codes(length: int) -> tuple[str, ...]:
    return tuple(
        sorted(
            code for code in _area_index() if code.startswith("0") and code.isdigit() and len(code) == length
        )
    )


@lru_cache(maxsize=1)
def _template() -> Any:
    env = Environment(
        loader=PackageLoader("ivr_flows", "templates"),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env.get_template("extensions.conf.j2")


def render_asterisk(plan: Dialplan, options: AsteriskOptions | None = None) -> str:
    """Render ``plan`` as extensions.conf text; deterministic for the same plan and options.

    Raises:
        RenderError: for unsafe options or plan values that are not what the compiler produces.
    """
    opts = options or AsteriskOptions()
    opts.check()
    renderer = _Renderer(plan, opts)
    contexts = renderer.render()
    return str(
        _template().render(
            plan_format=PLAN_FORMAT,
            plan_version=PLAN_VERSION,
            number=renderer.number,
            digest=_comment(plan.flow_digest[:16]),
            standalone=opts.standalone,
            contexts=contexts,
        )
    )
