"""How each dialplan op becomes extensions.conf lines — the translation half of the Asterisk renderer.

One method per op of ``docs/dialplan.md``. Each returns the lines of one step; the renderer puts them in
extension ``s`` of the number's main context, the first behind the priority label ``s<i>`` (``i`` = the
step's index), so every ``next`` entry becomes a ``Goto`` to a label. The idioms are the ones production
dialplans use: ``Progress()`` + ``Playback(…,noanswer)`` for early media, ``Background`` + ``WaitExten``
with retry counters, ``GotoIfTime`` with an explicit time zone, ``REGEX`` prefix matches, ``GROUP_COUNT``
for line limits, sequential ``Dial`` with ``${DIALSTATUS}``, ``MixMonitor``, ``VoiceMail`` and
``Hangup(cause)``. A menu needs extensions of its own (digits, ``i``, ``t``), so :meth:`StepLines.op_menu`
also adds a context to :attr:`StepLines.contexts`.

Values from the plan only reach the text through :mod:`ivr_flows.asterisk_syntax`'s checks.
"""

from __future__ import annotations

import re
from typing import Any

from .asterisk_options import AsteriskOptions
from .asterisk_syntax import (
    Context,
    Extension,
    RenderError,
    asterisk_prompt_name,
    comment,
    digits,
    hhmm,
    labelled,
    line,
    regex_chunks,
    time_goto,
    weekdays,
)
from .dialplan import Dialplan, Step
from .nodes.http import variables_read

__all__ = ["StepLines"]

_STATUS = {"answered": "ANSWER", "busy": "BUSY", "no_answer": "NOANSWER"}
#: The channel variables holding built-in flow variables (:mod:`ivr_flows.variables`); the caller
#: normalisation sets the first three, a condition step the others.
_BUILTIN_VARS = {
    "caller": "CALLER",
    "caller_area": "CALLER_AREA",
    "caller_category": "CATEGORY",
    "dialled": "DIALLED",
    "hour": "HOUR_NOW",
    "weekday": "WEEKDAY_NOW",
}
_VARIABLE_NAME = re.compile(r"[a-z][a-z0-9_]{0,31}")
_SAFE_VALUE = re.compile(r"[0-9A-Za-z_.+\-\u4e00-\u9fff]*")


def plan_tag(plan: Dialplan) -> str:
    """A short name of a plan's exact content (its etag's first 16 hex digits): an HTTP step's ``AGI()``
    names it, so the agent answers from the plan the call runs."""
    return plan.etag.strip('"')[:16]


def channel_variable(name: str) -> str:
    """The channel variable holding a flow variable, built-in (``CALLER`` …) or declared (``FV_<name>``)."""
    return _BUILTIN_VARS.get(name) or flow_variable(name)


def flow_variable(name: str) -> str:
    """The channel variable of a declared flow variable: ``FV_<name>``."""
    if not _VARIABLE_NAME.fullmatch(name):
        raise RenderError(f"bad variable name {name!r}")
    return f"FV_{name}"


def safe_value(value: object) -> str:
    """A compared value, refused unless it can stand between double quotes in an expression."""
    if not isinstance(value, str) or not _SAFE_VALUE.fullmatch(value):
        raise RenderError(f"unsafe condition value {value!r}")
    return value


class StepLines:
    """Translates the steps of one plan; ``contexts`` collects the menu contexts the steps jump to.

    Every op returns its priorities as :func:`ivr_flows.asterisk_syntax.line` strings; the first one
    carries no label or note, :meth:`step_lines` gives it the step's.
    """

    def __init__(self, plan: Dialplan, opts: AsteriskOptions, number: str, main: str) -> None:
        self.opts = opts
        self.number = number
        self.main = main
        self.tz = plan.timezone
        self.plan = plan
        self.labels = {s.id: f"s{i}" for i, s in enumerate(plan.steps)}
        self.contexts: list[Context] = []
        self._sounds: dict[str, str] = {}

    # helpers -------------------------------------------------------------------------------------
    def sound(self, pid: str) -> str:
        """The sound file of a prompt; memoised per render, plans play the same system prompts often."""
        found = self._sounds.get(pid)
        if found is None:
            found = self._sounds[pid] = f"{self.opts.sound_dir}/{asterisk_prompt_name(pid)}"
        return found

    def goto(self, target: str, local: bool = True) -> str:
        label = self.labels[target]
        return label if local else f"{self.main},s,{label}"

    def channel(self, number: str) -> str:
        return self.opts.channel.replace("{number}", digits(number))

    def flag_if_match(self, var: str, subject: str, values: list[str], anchor_end: bool) -> list[str]:
        lines = [line("Set", f"{var}=0")]
        for rx in regex_chunks(values, anchor_end):
            lines.append(line("ExecIf", f'$[${{REGEX("{rx}" ${{{subject}}})}}]?Set({var}=1)'))
        return lines

    def area_flags(self, allowed: list[str] | None, refused: list[str]) -> list[str]:
        lines = [line("Set", "AREA_OK=1")]
        if allowed is not None:
            lines += self.flag_if_match("AREA_IN", "CALLER_AREA", allowed, anchor_end=True)
            lines.append(line("ExecIf", "$[${AREA_IN} = 0]?Set(AREA_OK=0)"))
        if refused:
            lines += self.flag_if_match("AREA_OUT", "CALLER_AREA", refused, anchor_end=True)
            lines.append(line("ExecIf", "$[${AREA_OUT} = 1]?Set(AREA_OK=0)"))
        return lines

    def step_lines(self, s: Step, i: int) -> list[str]:
        """The lines of step ``s`` (index ``i``), the first labelled and commented with the step id."""
        lines: list[str] = getattr(self, "op_" + s.op)(s, i)
        first = labelled(self.labels[s.id], lines[0])  # no op labels or annotates its first line itself
        note = comment(s.id)
        lines[0] = f"{first} ; {note}" if note else first
        return lines

    # ops ------------------------------------------------------------------------------------------
    def op_start(self, s: Step, i: int) -> list[str]:
        return [line("Goto", self.goto(s.next["next"]))]

    def op_check_category(self, s: Step, i: int) -> list[str]:
        allowed = [c for c in s.args["allowed"] if re.fullmatch(r"[a-z]+", c)]
        rx = "^(" + "|".join(allowed) + ")$"
        return [  # CATEGORY: set by the caller normalisation
            line("GotoIf", f'$[${{REGEX("{rx}" ${{CATEGORY}})}}]?{self.goto(s.next["allowed"])}'),
            line("Goto", self.goto(s.next["refused"])),
        ]

    def op_check_list(self, s: Step, i: int) -> list[str]:
        lines = self.flag_if_match("LISTED", "CALLER", s.args["prefixes"], anchor_end=False)
        refuse_when = "1" if s.args["mode"] == "black" else "0"
        lines.append(line("GotoIf", f"$[${{LISTED}} = {refuse_when}]?{self.goto(s.next['refused'])}"))
        lines.append(line("Goto", self.goto(s.next["pass"])))
        return lines

    def op_check_area(self, s: Step, i: int) -> list[str]:
        lines = self.area_flags(s.args["allowed"], s.args["refused"])
        lines.append(line("GotoIf", f"$[${{AREA_OK}} = 0]?{self.goto(s.next['refused'])}"))
        lines.append(line("Goto", self.goto(s.next["pass"])))
        return lines

    def op_check_lines(self, s: Step, i: int) -> list[str]:
        limit = int(s.args["max_lines"])
        return [
            line("Set", f"GROUP(hotline)={self.number}"),
            line(
                "GotoIf", f"$[${{GROUP_COUNT({self.number}@hotline)}} > {limit}]?{self.goto(s.next['full'])}"
            ),
            line("Goto", self.goto(s.next["ok"])),
        ]

    def op_play(self, s: Step, i: int) -> list[str]:
        if s.args["early_media"]:
            lines = [line("Progress", ""), line("Playback", f"{self.sound(s.args['prompt'])},noanswer")]
        else:
            lines = [line("Answer", ""), line("Playback", self.sound(s.args["prompt"]))]
        lines.append(line("Goto", self.goto(s.next["next"])))
        return lines

    def op_menu(self, s: Step, i: int) -> list[str]:
        a = s.args
        name = f"{self.main}-m{i}"
        counter = f"RETRY_{i}"
        start = Extension("s", [line("Answer", ""), line("Background", self.sound(a["prompt"]), label="prompt"),
                                line("WaitExten", str(int(a["timeout_s"])))])  # fmt: skip
        ctx = Context(name, [start], f"menu {comment(s.id)}: digits, i (invalid) and t (timeout)")
        for key in a["keys"]:
            if key not in "0123456789*#":
                raise RenderError(f"bad menu key {key!r}")
            ctx.extensions.append(
                Extension(key, [line("Goto", self.goto(s.next[f"digit:{key}"], local=False))])
            )
        for ext, failure, prompt in (
            ("i", "invalid", a["invalid_prompt"]),
            ("t", "timeout", a["timeout_prompt"]),
        ):
            ctx.extensions.append(
                Extension(ext, [
                    line("Set", f"{counter}=$[${{{counter}}} + 1]"),
                    line("GotoIf", f"$[${{{counter}}} > {int(a['max_retries'])}]?{self.goto(s.next[failure], local=False)}"),
                    line("Playback", self.sound(prompt)),
                    line("Goto", "s,prompt"),
                ])
            )  # fmt: skip
        self.contexts.append(ctx)
        return [line("Set", f"{counter}=0"), line("Goto", f"{name},s,1")]

    def op_collect(self, s: Step, i: int) -> list[str]:
        """``Read()`` into the variable's channel variable (:func:`flow_variable`), one attempt at a time.

        ``Read`` ends the entry at ``#``, at ``max_digits`` keys, or when no key follows within the
        timeout (the first key may come during the prompt or up to the timeout after it). Only digits are
        kept (``*`` counts as a key but is filtered out, as in the simulator). Nothing entered is a
        ``timeout``, fewer than ``min_digits`` an ``invalid``; each is retried ``max_retries`` times.
        """
        a = s.args
        var = flow_variable(a["variable"])
        counter = f"RETRY_{i}"
        entry, nothing = f"s{i}r", f"s{i}t"
        retries = int(a["max_retries"])
        read = f"{var},{self.sound(a['prompt'])},{int(a['max_digits'])},,1,{int(a['timeout_s'])}"
        length = f"${{LEN(${{{var}}})}}"
        return [
            line("Answer", ""),
            line("Set", f"{counter}=0"),
            line("Read", read, label=entry),
            line("Set", f"{var}=${{FILTER(0123456789,${{{var}}})}}"),
            line("GotoIf", f"$[{length} >= {int(a['min_digits'])}]?{self.goto(s.next['done'])}"),
            line("Set", f"{counter}=$[${{{counter}}} + 1]"),
            line("GotoIf", f"$[{length} = 0]?{nothing}"),
            line("GotoIf", f"$[${{{counter}}} > {retries}]?{self.goto(s.next['invalid'])}"),
            line("Playback", self.sound(a["invalid_prompt"])),
            line("Goto", entry),
            line("GotoIf", f"$[${{{counter}}} > {retries}]?{self.goto(s.next['timeout'])}", label=nothing),
            line("Playback", self.sound(a["timeout_prompt"])),
            line("Goto", entry),
        ]

    def op_condition(self, s: Step, i: int) -> list[str]:
        """A ``GotoIf`` chain over channel variables, one rule after another, then ``else``.

        Built-ins read what the caller normalisation set (``CALLER``, ``CALLER_AREA``, ``CATEGORY``) or
        what this step sets first (``DIALLED``, ``HOUR_NOW``, ``WEEKDAY_NOW``, without leading zeros);
        declared variables are ``FV_<name>``. A range first checks the value is a whole number.
        """
        rules = s.args["rules"]
        used = {r["variable"] for r in rules}
        lines: list[str] = []
        if "dialled" in used:
            lines.append(line("Set", f"DIALLED={self.number}"))
        for name, fmt in (("hour", "%H"), ("weekday", "%u")):
            if name in used:
                lines.append(
                    line("Set", f"{_BUILTIN_VARS[name]}=$[${{STRFTIME(${{EPOCH}},{self.tz},{fmt})}} + 0]")
                )
        for k, rule in enumerate(rules, 1):
            target = self.goto(s.next[f"rule:{k}"])
            var = _BUILTIN_VARS.get(rule["variable"]) or flow_variable(rule["variable"])
            subject = f"${{{var}}}"
            op, value = rule["op"], rule["value"]
            if op == "equals":
                lines.append(line("GotoIf", f'$["{subject}" = "{safe_value(value)}"]?{target}'))
            elif op == "empty":
                lines.append(line("GotoIf", f'$["{subject}" = ""]?{target}'))
            elif op == "prefix" and not value:
                lines.append(line("Goto", target))
            elif op == "prefix":
                start = f"${{{var}:0:{len(value)}}}"
                lines.append(line("GotoIf", f'$["{start}" = "{safe_value(value)}"]?{target}'))
            elif op == "in_list" and rule["variable"] == "caller_area" and len(value) > 8:
                lines += self.flag_if_match("AREA_IN", "CALLER_AREA", value, anchor_end=True)
                lines.append(line("GotoIf", f"$[${{AREA_IN}} = 1]?{target}"))
            elif op == "in_list":
                lines += [line("GotoIf", f'$["{subject}" = "{safe_value(v)}"]?{target}') for v in value]
            elif op == "range":
                skip = f"s{i}c{k}"
                bounds = [f"{subject} >= {int(value['min'])}"] if value.get("min") is not None else []
                bounds += [f"{subject} <= {int(value['max'])}"] if value.get("max") is not None else []
                lines += [
                    line("GotoIf", f'$[${{REGEX("^[0-9]+$" {subject})}} = 0]?{skip}'),
                    line("GotoIf", f"$[{' & '.join(bounds)}]?{target}"),
                    line("NoOp", f"rule {k} done", label=skip),
                ]
            else:
                raise RenderError(f"unknown condition op {op!r}")
        lines.append(line("Goto", self.goto(s.next["else"])))
        return lines

    def op_http(self, s: Step, i: int) -> list[str]:
        """``AGI()`` to the telephony agent on this node (FastAGI, ``AsteriskOptions.agi_address``) with the
        400 number, the plan's etag and the step's index; the agent reads the step from that plan (another
        plan since loaded: ``failure``), the variables it sends from the channel, makes the guarded
        request (``telephony/outbound.py``) and sets ``HTTP_OUTCOME`` and the result variables.

        ``HTTP_OUTCOME`` starts as ``failure``, so an agent that is down (``AGI`` fails at once) sends the
        call out of ``failure``. ``HTTP_COUNT`` counts the call's requests: past ``limit`` none is sent.
        Built-ins computed at the step (``dialled``, ``hour``, ``weekday``) are set first, as a condition does.
        """
        a = s.args
        used = set(variables_read(a))
        lines = [
            line("Set", "HTTP_COUNT=$[0${HTTP_COUNT} + 1]"),
            line("Set", "HTTP_OUTCOME=failure"),
            line("GotoIf", f"$[${{HTTP_COUNT}} > {int(a['limit'])}]?{self.goto(s.next['failure'])}"),
        ]
        if "dialled" in used:
            lines.append(line("Set", f"DIALLED={self.number}"))
        for name, fmt in (("hour", "%H"), ("weekday", "%u")):
            if name in used:
                lines.append(
                    line("Set", f"{_BUILTIN_VARS[name]}=$[${{STRFTIME(${{EPOCH}},{self.tz},{fmt})}} + 0]")
                )
        lines += [
            line("AGI", f"agi://{self.opts.agi_address}/http,{self.number},{plan_tag(self.plan)},{i}"),
            line("GotoIf", f'$["${{HTTP_OUTCOME}}" = "success"]?{self.goto(s.next["success"])}'),
            line("GotoIf", f'$["${{HTTP_OUTCOME}}" = "timeout"]?{self.goto(s.next["timeout"])}'),
            line("Goto", self.goto(s.next["failure"])),
        ]
        return lines

    def op_time_switch(self, s: Step, i: int) -> list[str]:
        a = s.args
        tz = self.tz
        match, other = self.goto(s.next["match"]), self.goto(s.next["else"])
        lines = [line("Gosub", f"{self.main}-calendar,s,1")]
        exceptions = sorted(a["exceptions"].items())
        for k, (day, _) in enumerate(exceptions):
            lines.append(line("GotoIf", f'$["${{TODAY}}" = "{digits(day.replace("-", ""))}"]?s{i}x{k}'))
        if a["observe_holidays"]:
            lines.append(line("GotoIf", f'$["${{DAYKIND}}" = "holiday"]?{other}'))
            lines.append(line("GotoIf", f'$["${{DAYKIND}}" = "workday"]?s{i}mk'))
        for seg in a["segments"]:
            times = f"{hhmm(seg['start'])}-{hhmm(seg['end'] - 1)}"
            lines += [time_goto(times, days, tz, match) for days in weekdays(tuple(seg["days"]))]
        lines.append(line("Goto", other))
        blocks: list[tuple[str, list[list[int]]]] = []
        if a["observe_holidays"]:
            blocks.append((f"s{i}mk", a["makeup"]))
        blocks += [(f"s{i}x{k}", ranges) for k, (_, ranges) in enumerate(exceptions)]
        for label, ranges in blocks:
            block = [time_goto(f"{hhmm(r0)}-{hhmm(r1 - 1)}", "*", tz, match) for r0, r1 in ranges]
            block.append(line("Goto", other))
            block[0] = labelled(label, block[0])
            lines += block
        return lines

    def op_area_switch(self, s: Step, i: int) -> list[str]:
        lines = self.flag_if_match("AREA_IN", "CALLER_AREA", s.args["areas"], anchor_end=True)
        lines.append(line("GotoIf", f"$[${{AREA_IN}} = 1]?{self.goto(s.next['match'])}"))
        lines.append(line("Goto", self.goto(s.next["else"])))
        return lines

    def op_split(self, s: Step, i: int) -> list[str]:
        """Draw 1–100 per call (``RAND``) and take the first branch whose running total reaches it.

        ``SPLIT_BRANCHES`` lets a test name the branches instead: ``2-1`` takes branch 2 at the first split
        the call reaches and branch 1 at the next (``SHIFT`` takes one per split; a number the split has
        no branch for is drawn). The call lab sets it as a channel variable, as the simulator takes
        ``CallSpec.split``; production never sets it (a caller's channel carries no such variable), so
        every real call draws.
        """
        weights = [int(w) for w in s.args["weights"]]
        if not weights or any(w < 0 for w in weights):
            raise RenderError(f"bad split weights {weights!r}")
        targets = [self.goto(s.next[f"branch:{n}"]) for n in range(1, len(weights) + 1)]
        lines = [line("Set", "SPLIT_PICK=${SHIFT(SPLIT_BRANCHES,-)}")]
        for n, target in enumerate(targets, start=1):
            lines.append(line("GotoIf", f'$["${{SPLIT_PICK}}" = "{n}"]?{target}'))
        lines.append(line("Set", "SPLIT_DRAW=${RAND(1,100)}"))
        total = 0
        for weight, target in zip(weights[:-1], targets[:-1], strict=True):
            total += weight
            lines.append(line("GotoIf", f"$[${{SPLIT_DRAW}} <= {total}]?{target}"))
        lines.append(line("Goto", targets[-1]))
        return lines

    def op_caller_match(self, s: Step, i: int) -> list[str]:
        lines = self.flag_if_match("LISTED", "CALLER", s.args["prefixes"], anchor_end=False)
        lines.append(line("GotoIf", f"$[${{LISTED}} = 1]?{self.goto(s.next['match'])}"))
        lines.append(line("Goto", self.goto(s.next["else"])))
        return lines

    def dial_options(self, a: dict[str, Any]) -> str:
        """``m(<class>)`` for a ringback tone; with an allowance family, ``${DIAL_LIMIT}`` after it (the
        main context sets it on entry: ``S(<seconds>)``, or empty for no limit)."""
        opts = f"m({self.opts.moh_prefix}{asterisk_prompt_name(a['ringback'])})" if a["ringback"] else ""
        if self.opts.allowance_db_family:
            opts += "${DIAL_LIMIT}"
        return opts

    def ring_out(self, wait: str, past: str, ringback: str) -> list[str]:
        """R10 for mobiles: a busy or switched-off mobile "keeps ringing" until its wait time has passed.

        The network ends such a call at once (``BUSY``, or ``CHANUNAVAIL`` for switched off), but the
        platform lets the rest of the wait go by, the caller still hearing ringing (or the ringback
        tone), then carries on as if nobody answered (``DIALSTATUS`` becomes ``NOANSWER``). A mobile that
        cannot be reached at all (``CONGESTION``) still fails at once. ``wait`` is the wait in seconds (a
        number or a variable; 0: nothing to ring out), ``past`` the label after the block.
        """
        tone = [line("Ringing", "")]
        if ringback:
            tone.append(line("StartMusicOnHold", ringback))
        lines = [
            line("GotoIf", f'$[("${{DIALSTATUS}}" != "BUSY" & "${{DIALSTATUS}}" != "CHANUNAVAIL") | {wait} = 0]?{past}'),
            line("Set", f"RING_LEFT=$[{wait} - 0${{DIALEDTIME_MS}} / 1000]"),
            *tone,
            line("ExecIf", "$[${RING_LEFT} > 0]?Wait(${RING_LEFT})"),
        ]  # fmt: skip
        if ringback:
            lines.append(line("StopMusicOnHold", ""))
        lines += [line("Set", "DIALSTATUS=NOANSWER"), line("UserEvent", "HotlineRingOut")]
        return lines

    def op_dial(self, s: Step, i: int) -> list[str]:
        a = s.args
        nxt = s.next
        opts = self.dial_options(a)
        ringback = f"{self.opts.moh_prefix}{asterisk_prompt_name(a['ringback'])}" if a["ringback"] else ""
        restricted = any(d["allowed_areas"] is not None or d["refused_areas"] for d in a["destinations"])
        dialed = f"DIALED_{i}=1"
        lines: list[str] = [line("Set", f"DIALED_{i}=0")]
        if a["record"]:
            lines += [line("MixMonitor", "${UNIQUEID}.wav,b"), line("UserEvent", "HotlineRecording")]
        answered = self.goto(nxt["answered"])
        if a["strategy"] == "ring_all":
            # RING_WAIT: the largest wait of the phones rung (the group's); RING_MOBILE: a mobile among them.
            mobiles = any(d["kind"] == "mobile" for d in a["destinations"])
            lines += [line("Set", "TARGETS="), line("Set", "RING_WAIT=0")]
            if mobiles:
                lines.append(line("Set", "RING_MOBILE=0"))
            for d in a["destinations"]:
                wait = int(d["wait_s"])
                restricted_here = d["allowed_areas"] is not None or d["refused_areas"]
                when = "${AREA_OK} = 1 & " if restricted_here else ""
                if restricted_here:
                    lines += self.area_flags(d["allowed_areas"], d["refused_areas"])
                    lines.append(
                        line(
                            "ExecIf",
                            f"$[${{AREA_OK}} = 1]?Set(TARGETS=${{TARGETS}}&{self.channel(d['number'])})",
                        )
                    )
                else:
                    lines.append(line("Set", f"TARGETS=${{TARGETS}}&{self.channel(d['number'])}"))
                lines.append(line("ExecIf", f"$[{when}${{RING_WAIT}} < {wait}]?Set(RING_WAIT={wait})"))
                if d["kind"] == "mobile" and restricted_here:
                    lines.append(line("ExecIf", "$[${AREA_OK} = 1]?Set(RING_MOBILE=1)"))
                elif d["kind"] == "mobile":
                    lines.append(line("Set", "RING_MOBILE=1"))
            lines.append(line("GotoIf", f'$["${{TARGETS}}" = ""]?{self.goto(nxt["area_refused"])}'))
            lines.append(line("Dial", f"${{TARGETS:1}},${{RING_WAIT}},{opts}".rstrip(",")))
            lines.append(line("Set", dialed))
            if mobiles:
                lines.append(line("Set", "MOBILE_WAIT=$[${RING_MOBILE} * ${RING_WAIT}]"))
                lines += self.ring_out("${MOBILE_WAIT}", f"s{i}ro", ringback)
                lines.append(line("NoOp", "rung out", label=f"s{i}ro"))
        else:
            answered_goto = f'$["${{DIALSTATUS}}" = "ANSWER"]?{answered}'
            for k, d in enumerate(a["destinations"]):
                skip = f"s{i}d{k + 1}"
                if d["allowed_areas"] is not None or d["refused_areas"]:
                    lines += self.area_flags(d["allowed_areas"], d["refused_areas"])
                    lines.append(line("GotoIf", f"$[${{AREA_OK}} = 0]?{skip}"))
                lines.append(
                    line("Dial", f"{self.channel(d['number'])},{int(d['wait_s'])},{opts}".rstrip(","))
                )
                lines.append(line("Set", dialed))
                lines.append(line("GotoIf", answered_goto))
                if d["kind"] == "mobile":
                    lines += self.ring_out(str(int(d["wait_s"])), skip, ringback)
                lines.append(line("NoOp", f"next {k + 1}", label=skip))
        if restricted:
            lines.append(line("GotoIf", f"$[${{DIALED_{i}}} = 0]?{self.goto(nxt['area_refused'])}"))
        for outcome in ("answered", "busy", "no_answer"):
            lines.append(
                line("GotoIf", f'$["${{DIALSTATUS}}" = "{_STATUS[outcome]}"]?{self.goto(nxt[outcome])}')
            )
        lines.append(line("Goto", self.goto(nxt["failed"])))
        return lines

    def op_voicemail(self, s: Step, i: int) -> list[str]:
        a = s.args
        box = asterisk_prompt_name(str(a["mailbox"]))
        lines = [line("Answer", "")]
        if a["greeting"]:
            lines.append(line("Playback", self.sound(a["greeting"])))
        mailbox = f"{box}@{self.opts.voicemail_context}"
        lines.append(line("UserEvent", f"HotlineVoicemail,Mailbox: {mailbox}"))
        lines.append(line("VoiceMail", f"{mailbox},s", note=f"maxsecs={int(a['max_length_s'])}"))
        lines.append(line("Goto", self.goto(s.next["done"])))
        return lines

    def op_record(self, s: Step, i: int) -> list[str]:
        if s.args["action"] == "start":
            apps = [line("MixMonitor", "${UNIQUEID}.wav"), line("UserEvent", "HotlineRecording")]
        else:
            apps = [line("StopMixMonitor", "")]
        return [*apps, line("Goto", self.goto(s.next["next"]))]

    def op_hangup(self, s: Step, i: int) -> list[str]:
        lines = self.announce(s.args["prompt"]) if s.args["prompt"] else []
        lines.append(line("Hangup", str(int(s.args["q850"]))))
        return lines

    def announce(self, prompt: str) -> list[str]:
        """An announcement before hanging up, as early media; its name is told to the telephony layer
        (a refusal's announcement names the refusal in the call's report)."""
        return [
            line("UserEvent", f"HotlinePrompt,Prompt: {asterisk_prompt_name(prompt)}"),
            line("Progress", ""),
            line("Playback", f"{self.sound(prompt)},noanswer"),
        ]
