"""The simulator: run a dialplan for a simulated call — the executable specification of a plan.

It executes exactly the plan a telephony layer gets (not the flow), so what it shows is what callers
get: the ordered trace of what the caller hears, which phones ring for how long, who answers, voicemail,
recording and the hangup cause, each with a simulated timestamp and the reason a branch was taken.

Timing model: a text prompt lasts 0.25 s per character (at least 1 s), an audio prompt 3 s. Per R10 a
busy *landline* fails at once and the next number rings immediately, while a busy or switched-off
*mobile* keeps "ringing" until its whole wait time has passed. A step limit and a loop guard (the same
step reached again without any new input, three times) end every run.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, deque
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from .areas import CallerArea, resolve_caller
from .calls import CallSpec, PhoneBehaviour, Press
from .dialplan import Dialplan, Step
from .nodes.http import json_at, request_parts, variables_read
from .nodes.split import branch_of_draw
from .policies import CATEGORY_NAMES
from .schedules import evaluate

__all__ = ["Event", "SplitShare", "Trace", "simulate", "split_distribution"]

_REJECTING = {"sys:no_permission", "sys:area_busy", "sys:category", "sys:suspended", "sys:unallocated"}
_NO_ANSWER = PhoneBehaviour()
_LOOP_REPEATS = 3


@dataclass(frozen=True, slots=True, init=False)
class Event:
    """One thing that happened. ``kind``: policy, branch, hear, key, ring, answer, voicemail, record,
    hangup, guard, set (a flow variable got a value: ``variable`` names it, ``outcome`` is the value)."""

    t: float
    kind: str
    step: str
    node: str | None = None
    prompt: str | None = None
    text: str | None = None
    number: str | None = None
    duration_s: float = 0.0
    outcome: str | None = None
    reason: str = ""
    variable: str | None = None

    def __init__(
        self,
        t: float,
        kind: str,
        step: str,
        node: str | None = None,
        prompt: str | None = None,
        text: str | None = None,
        number: str | None = None,
        duration_s: float = 0.0,
        outcome: str | None = None,
        reason: str = "",
        variable: str | None = None,
    ) -> None:
        # A call emits about a dozen events; the generated frozen __init__ goes through
        # object.__setattr__ per field, writing the slots directly halves the cost of each.
        (
            set_t,
            set_kind,
            set_step,
            set_node,
            set_prompt,
            set_text,
            set_number,
            set_duration,
            set_outcome,
            set_reason,
            set_variable,
        ) = _EVENT_SLOTS
        set_t(self, t)
        set_kind(self, kind)
        set_step(self, step)
        set_node(self, node)
        set_prompt(self, prompt)
        set_text(self, text)
        set_number(self, number)
        set_duration(self, duration_s)
        set_outcome(self, outcome)
        set_reason(self, reason)
        set_variable(self, variable)


_EVENT_SLOTS = tuple(
    getattr(Event, name).__set__
    for name in (
        "t",
        "kind",
        "step",
        "node",
        "prompt",
        "text",
        "number",
        "duration_s",
        "outcome",
        "reason",
        "variable",
    )
)


@dataclass(frozen=True)
class Trace:
    """The result of a simulated call; ``caller_area`` is the caller as the plan's checks placed them."""

    events: tuple[Event, ...]
    steps: tuple[str, ...]
    path: tuple[str, ...]
    outcome: str
    hangup_cause: str
    answered_by: str | None
    voicemail: bool
    recorded: bool
    duration_s: float
    caller_area: CallerArea

    def heard(self) -> list[str]:
        """Prompt ids the caller heard, in order."""
        return [e.prompt for e in self.events if e.kind == "hear" and e.prompt]

    def heard_texts(self) -> list[str]:
        """Texts of system and TTS prompts the caller heard (audio prompts have none)."""
        return [e.text for e in self.events if e.kind == "hear" and e.text]

    def rung(self) -> list[str]:
        """Bound numbers rung, in order."""
        return [e.number for e in self.events if e.kind == "ring" and e.number]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["events"] = [
            {k: v for k, v in asdict(e).items() if v not in (None, "", 0.0)} for e in self.events
        ]
        data["steps"], data["path"] = list(self.steps), list(self.path)
        return data


@lru_cache(maxsize=4096)
def _duration(text: str | None) -> float:
    """Seconds a prompt plays; cached per text, since ``round`` is among the slowest steps of a call."""
    return max(1.0, round(0.25 * len(text), 2)) if text else 3.0


class _Run:
    def __init__(self, plan: Dialplan, call: CallSpec) -> None:
        self.plan = plan
        self.call = call
        self.area = resolve_caller(call.caller)
        when = call.at
        if when.tzinfo is not None:
            when = when.astimezone(ZoneInfo(plan.timezone)).replace(tzinfo=None)
        self.when = when
        self.t = 0.0
        self.events: list[Event] = []
        self.presses: deque[Press] = deque(call.digits)
        self.answered = False
        self.answered_by: str | None = None
        self.voicemail = False
        self.recording = False
        self.recorded = False
        self.phones = {resolve_caller(k).number or k: v for k, v in call.phones.items()}
        self.splits: deque[int] = deque(call.split)
        self._draws: random.Random | None = None
        self._clock = (0.0, 0.0)  # (self.t, round(self.t, 3)) of the last event
        #: The values of the flow's declared variables (a variable nothing set is empty).
        self.vars: dict[str, str] = {}
        #: HTTP requests sent so far (``MAX_REQUESTS_PER_CALL``).
        self.requests = 0

    def emit(
        self,
        kind: str,
        step: Step,
        *,
        prompt: str | None = None,
        text: str | None = None,
        number: str | None = None,
        duration_s: float = 0.0,
        outcome: str | None = None,
        reason: str = "",
        variable: str | None = None,
    ) -> None:
        t, stamp = self._clock
        if t != self.t:  # several events share a timestamp: round it once
            t = self.t
            stamp = round(t, 3)
            self._clock = (t, stamp)
        self.events.append(
            Event(
                stamp, kind, step.id, step.node, prompt, text, number, duration_s, outcome, reason, variable
            )
        )

    def hear(self, step: Step, pid: str | None) -> float:
        if not pid:
            return 0.0
        prompt = self.plan.prompts.get(pid)
        text = prompt.text if prompt else None
        seconds = _duration(text)
        self.emit("hear", step, prompt=pid, text=text, duration_s=seconds)
        self.t += seconds
        return seconds

    def answer(self, step: Step) -> None:
        if not self.answered:
            self.answered = True
            self.emit("answer", step, reason="平台应答")

    # --- ops: each returns the outcome whose ``next`` entry is followed -------------------------------
    def op_check_category(self, s: Step) -> str:
        ok = self.call.category in s.args["allowed"]
        self.emit(
            "policy",
            s,
            outcome="allowed" if ok else "refused",
            reason=f"来电类型:{CATEGORY_NAMES[self.call.category]}",
        )
        return "allowed" if ok else "refused"

    def _listed(self, prefixes: list[str]) -> str | None:
        number = self.area.number
        return next((p for p in prefixes if number.startswith(p)), None) if number else None

    def op_check_list(self, s: Step) -> str:
        hit = self._listed(s.args["prefixes"])
        black = s.args["mode"] == "black"
        refused = (hit is not None) if black else (hit is None)
        reason = f"{'黑' if black else '白'}名单{'命中' + hit if hit else '未命中'}"
        self.emit("policy", s, outcome="refused" if refused else "pass", reason=reason)
        return "refused" if refused else "pass"

    def op_check_area(self, s: Step) -> str:
        code = self.area.area_code
        allowed = s.args["allowed"]
        refused = code in s.args["refused"] or (allowed is not None and code not in allowed)
        reason = f"来电地区{self.area.province}{self.area.city}({code})"
        self.emit("policy", s, outcome="refused" if refused else "pass", reason=reason)
        return "refused" if refused else "pass"

    def op_check_lines(self, s: Step) -> str:
        full = self.call.active_calls >= s.args["max_lines"]
        reason = f"当前{self.call.active_calls}路通话,上限{s.args['max_lines']}路"
        self.emit("policy", s, outcome="full" if full else "ok", reason=reason)
        return "full" if full else "ok"

    def op_start(self, s: Step) -> str:
        return "next"

    def op_play(self, s: Step) -> str:
        if not s.args["early_media"]:
            self.answer(s)
        self.hear(s, s.args["prompt"])
        return "next"

    def op_menu(self, s: Step) -> str:
        self.answer(s)
        a = s.args
        failures = 0
        while True:
            length = self.hear(s, a["prompt"])
            press = self.presses.popleft() if self.presses else None
            failure = "timeout"
            if press is not None and press.key is not None and press.after_s <= length + a["timeout_s"]:
                self.t += press.after_s - length
                self.emit("key", s, outcome=press.key, reason=f"按键{press.key}")
                if press.key in a["keys"]:
                    return "digit:" + press.key
                failure = "invalid"
            else:
                self.t += a["timeout_s"]
                self.emit("key", s, outcome="timeout", reason=f"{a['timeout_s']}秒内没有按键")
            failures += 1
            if failures > a["max_retries"]:
                self.emit(
                    "branch",
                    s,
                    outcome=failure,
                    reason=f"{'超时未按键' if failure == 'timeout' else '按键错误'},已失败{failures}次,超过重试次数{a['max_retries']}",
                )
                return failure
            self.hear(s, a["invalid_prompt"] if failure == "invalid" else a["timeout_prompt"])

    def _entry(self, s: Step) -> tuple[str, str]:
        """One attempt at a collect step: (keys kept, how it ended: ``end`` by # or the maximum, or
        ``timeout``). The prompt plays (a key interrupts it); the first key may come up to ``timeout_s``
        after the prompt, each next one ``after_s`` after the one before, within ``timeout_s``. A press
        without a key, or a later one, is the caller waiting: the entry ends ``timeout_s`` after the last
        key. ``*`` counts towards the maximum but is not kept."""
        a = s.args
        timeout = float(a["timeout_s"])
        length = self.hear(s, a["prompt"])
        since, limit = self.t - length, length + timeout  # the moment keys are timed from, and the limit
        kept, pressed = "", 0
        while True:
            press = self.presses.popleft() if self.presses else None
            if press is None or press.key is None or press.after_s > limit:
                self.t = max(self.t, since + limit)
                return kept, "timeout"
            self.t = since + press.after_s
            since, limit = self.t, timeout
            if press.key == "#":
                return kept, "end"
            pressed += 1
            kept += press.key if press.key.isdigit() else ""
            if pressed >= int(a["max_digits"]):
                return kept, "end"

    def op_collect(self, s: Step) -> str:
        self.answer(s)
        a = s.args
        failures = 0
        while True:
            value, ended = self._entry(s)
            how = "按#结束" if ended == "end" else f"{a['timeout_s']}秒内没有再按键"
            self.emit("key", s, outcome=value or "timeout", reason=f"输入“{value}”,{how}" if value else how)
            self.set_variable(s, a["variable"], a["label"], value)
            if len(value) >= int(a["min_digits"]):
                self.emit("branch", s, outcome="done", reason=f"{a['label']}={value}")
                return "done"
            failure = "timeout" if not value else "invalid"
            failures += 1
            if failures > a["max_retries"]:
                what = "没有输入" if failure == "timeout" else f"不足{a['min_digits']}位"
                reason = f"{what},已失败{failures}次,超过重试次数{a['max_retries']}"
                self.emit("branch", s, outcome=failure, reason=reason)
                return failure
            self.hear(s, a["invalid_prompt"] if failure == "invalid" else a["timeout_prompt"])

    def set_variable(self, s: Step, name: str, label: str, value: str) -> None:
        self.vars[name] = value
        self.emit("set", s, outcome=value, variable=name, reason=f"{label}={value}")

    def value_of(self, name: str) -> str:
        """A variable's value now, built-in or declared (:mod:`ivr_flows.variables`), as text."""
        builtin = _BUILTINS.get(name)
        return builtin(self) if builtin is not None else self.vars.get(name, "")

    def op_condition(self, s: Step) -> str:
        shown: list[str] = []
        for i, rule in enumerate(s.args["rules"], 1):
            value = self.value_of(rule["variable"])
            seen = self.value_of(rule.get("shows", rule["variable"]))
            shown.append(f"{rule['label']}={seen if seen else '(空)'}")
            if _holds(rule["op"], value, rule["value"]):
                self.emit("branch", s, outcome=f"rule:{i}", reason=f"{shown[-1]},符合条件{i}")
                return f"rule:{i}"
        seen = "、".join(dict.fromkeys(shown))
        self.emit("branch", s, outcome="else", reason=f"{seen},条件都不符合" if seen else "条件都不符合")
        return "else"

    def op_http(self, s: Step) -> str:
        """The customer system's canned answer for this node (``CallSpec.http``); the mapped variables
        get values from its body on success. Past ``limit`` requests in one call, the request is not sent."""
        a = s.args
        self.requests += 1
        values = {name: self.value_of(name) for name in variables_read(a)}
        url, fields = request_parts(a, values)
        sent = "、".join(f"{k}={v}" for k, v in fields.items())
        asked = f"{a['method']} {url}" + (f"({sent})" if sent else "")
        if self.requests > int(a["limit"]):
            reason = f"本通电话已请求{a['limit']}次客户系统,不再发送"
            self.emit("branch", s, outcome="failure", reason=reason)
            return "failure"
        reply = self.call.http.get(s.node or "")
        if reply is None:
            self.emit(
                "branch", s, outcome="failure", reason=f"{asked}:模拟来电没有给出客户系统的回应,按失败处理"
            )
            return "failure"
        if reply.outcome == "timeout":
            self.t += float(a["timeout_s"])
            self.emit("branch", s, outcome="timeout", reason=f"{asked}:{a['timeout_s']}秒内没有回应")
            return "timeout"
        if reply.outcome == "failure":
            self.emit("branch", s, outcome="failure", reason=f"{asked}:客户系统返回失败")
            return "failure"
        for path, variable, label in a["results"]:
            self.set_variable(s, variable, label, json_at(reply.body, path))
        self.emit("branch", s, outcome="success", reason=f"{asked}:成功")
        return "success"

    def op_time_switch(self, s: Step) -> str:
        a = s.args
        segments = [(seg["days"], seg["start"], seg["end"]) for seg in a["segments"]]
        exceptions = {day: [tuple(r) for r in ranges] for day, ranges in a["exceptions"].items()}
        is_open, reason = evaluate(
            segments=segments,
            exceptions=exceptions,
            observe_holidays=a["observe_holidays"],
            makeup=[tuple(r) for r in a["makeup"]],
            day_table=self.plan.day_table,
            when=self.when + dt.timedelta(seconds=self.t),
        )
        self.emit("branch", s, outcome="match" if is_open else "else", reason=reason)
        return "match" if is_open else "else"

    def op_split(self, s: Step) -> str:
        weights: list[int] = s.args["weights"]
        given = self.splits.popleft() if self.splits else None
        if given is not None and 1 <= given <= len(weights):
            self.emit("branch", s, outcome=f"branch:{given}", reason=f"模拟来电指定进入分支{given}")
            return f"branch:{given}"
        if self._draws is None:
            self._draws = random.Random(self.call.split_seed)
        draw = self._draws.randint(1, 100)  # as Asterisk's RAND(1,100)
        n = branch_of_draw(weights, draw)
        low, high = sum(weights[: n - 1]) + 1, sum(weights[:n])
        drawn = f"按种子{self.call.split_seed}随机抽取{draw},落在分支{n}({low}–{high})"
        why = f"未指定分支,{drawn}" if given is None else f"指定的分支{given}不存在,{drawn}"
        self.emit("branch", s, outcome=f"branch:{n}", reason=why)
        return f"branch:{n}"

    def op_area_switch(self, s: Step) -> str:
        hit = self.area.area_code in s.args["areas"]
        reason = f"来电地区{self.area.province}{self.area.city}({self.area.area_code})"
        self.emit("branch", s, outcome="match" if hit else "else", reason=reason)
        return "match" if hit else "else"

    def op_caller_match(self, s: Step) -> str:
        hit = self._listed(s.args["prefixes"])
        self.emit(
            "branch", s, outcome="match" if hit else "else", reason=f"号码前缀{hit}" if hit else "名单未命中"
        )
        return "match" if hit else "else"

    def _ring(self, s: Step, dest: dict[str, Any], wait_s: float | None = None) -> tuple[str, float]:
        """(status, seconds rung) for one destination, following R10; ``wait_s`` overrides its wait."""
        behaviour = self.phones.get(dest["number"], _NO_ANSWER)
        wait = float(dest["wait_s"]) if wait_s is None else wait_s
        mobile = dest["kind"] == "mobile"
        state = behaviour.state
        if state == "answer" and behaviour.answer_after_s < wait:
            return "answered", behaviour.answer_after_s
        if mobile and state in ("busy", "switched_off"):
            return "no_answer", wait  # the network's waiting signal: the mobile keeps "ringing"
        if state == "busy":
            return "busy", 0.0
        if state in ("unreachable", "switched_off"):
            return "failed", 0.0  # a landline has no "switched off": like a dead line, it fails at once
        return "no_answer", wait

    def _area_ok(self, dest: dict[str, Any]) -> bool:
        code = self.area.area_code
        allowed = dest["allowed_areas"]
        return code not in dest["refused_areas"] and (allowed is None or code in allowed)

    def op_dial(self, s: Step) -> str:
        a = s.args
        dests = [d for d in a["destinations"] if self._area_ok(d)]
        for d in a["destinations"]:
            if d not in dests:
                self.emit(
                    "branch",
                    s,
                    number=d["number"],
                    reason=f"来电地区{self.area.area_code}不在该号码的可接听区域",
                )
        if not dests:
            return "area_refused"
        if a["ringback"]:
            self.emit("hear", s, prompt=a["ringback"], reason="彩铃(振铃期间播放)")
        if a["strategy"] == "ring_all":
            # The group rings for the largest wait; the first to answer ends it for every phone.
            group_wait = max(float(d["wait_s"]) for d in dests)
            results = [(d, *self._ring(s, d, group_wait)) for d in dests]
            winners = sorted((sec, i) for i, (_, st, sec) in enumerate(results) if st == "answered")
            states = [self.phones.get(d["number"], _NO_ANSWER).state for d in dests]
            if all(st in ("busy", "switched_off", "unreachable") for st in states):
                return self._group_ended_at_once(s, dests, states, group_wait)
            until = winners[0][0] if winners else group_wait
            for i, (d, st, sec) in enumerate(results):
                if winners and winners[0][1] == i:
                    seconds, st = sec, "answered"
                elif st in ("answered", "no_answer"):  # still ringing when the group ended
                    seconds, st = until, "no_answer"
                else:
                    seconds = 0.0
                self.emit("ring", s, number=d["number"], duration_s=seconds, outcome=st, reason="同时振铃")
            if winners:
                seconds, i = winners[0]
                self.t += seconds
                return self._connected(s, results[i][0]["number"])
            statuses = {st for _, st, _ in results}
            self.t += group_wait if "no_answer" in statuses else 0.0
            outcome = "no_answer" if "no_answer" in statuses else "busy" if "busy" in statuses else "failed"
            self.emit("branch", s, outcome=outcome, reason="所有号码均未接通")
            return outcome
        status = "failed"
        for d in dests:
            status, seconds = self._ring(s, d)
            why = {"answered": "接听", "busy": "固话占线,立即转下一个号码", "failed": "无法接通"}.get(status)
            if status == "no_answer":
                why = f"等待{d['wait_s']}秒无人接听"
            self.emit("ring", s, number=d["number"], duration_s=seconds, outcome=status, reason=why or "")
            self.t += seconds
            if status == "answered":
                return self._connected(s, d["number"])
        self.emit("branch", s, outcome=status, reason="最后一个号码也未接通")
        return status

    def _group_ended_at_once(
        self, s: Step, dests: list[dict[str, Any]], states: Sequence[str], group_wait: float
    ) -> str:
        """A ``ring_all`` group none of whose phones could ring: one status for the group, as Asterisk has.

        The network ends each such phone at once; the group's status is busy if any phone was busy, else
        unreachable if any was, else switched off. Busy or switched off with a mobile among the phones,
        the group "keeps ringing" for its wait (R10) and nobody answered; otherwise the call moves on at
        once: busy, or failed.
        """
        group = "busy" if "busy" in states else "unreachable" if "unreachable" in states else "switched_off"
        rings_out = group != "unreachable" and any(d["kind"] == "mobile" for d in dests)
        for d, state in zip(dests, states, strict=True):
            if rings_out and d["kind"] == "mobile" and state != "unreachable":  # this mobile "rings"
                seconds, outcome = group_wait, "no_answer"
            else:
                seconds, outcome = 0.0, "busy" if state == "busy" else "failed"
            self.emit("ring", s, number=d["number"], duration_s=seconds, outcome=outcome, reason="同时振铃")
        if rings_out:
            self.t += group_wait
            result = "no_answer"
        else:
            result = "busy" if group == "busy" else "failed"
        self.emit("branch", s, outcome=result, reason="所有号码均未接通")
        return result

    def _connected(self, s: Step, number: str) -> str:
        self.answered = True
        self.answered_by = number
        behaviour = self.phones.get(number, _NO_ANSWER)
        self.emit("answer", s, number=number, duration_s=behaviour.talk_s, reason="被叫接听")
        if s.args["record"]:
            self.recorded = True
            self.emit("record", s, outcome="start", reason="通话录音")
        self.t += behaviour.talk_s
        return "answered"

    def op_voicemail(self, s: Step) -> str:
        self.answer(s)
        self.hear(s, s.args["greeting"])
        seconds = min(self.call.message_s, float(s.args["max_length_s"]))
        self.emit("voicemail", s, duration_s=seconds, reason=f"留言信箱{s.args['mailbox']}")
        self.voicemail = True
        self.t += seconds
        return "done"

    def op_record(self, s: Step) -> str:
        self.recording = s.args["action"] == "start"
        self.recorded = self.recorded or self.recording
        self.emit("record", s, outcome=s.args["action"])
        return "next"

    def op_hangup(self, s: Step) -> str:
        self.hear(s, s.args["prompt"])
        self.emit("hangup", s, outcome=s.args["cause"], reason=f"Q.850 {s.args['q850']}")
        return ""


def _now(run: _Run) -> dt.datetime:
    return run.when + dt.timedelta(seconds=run.t)


#: Built-in variables' values (:data:`ivr_flows.variables.BUILTINS`), as both runtimes give them.
_BUILTINS: dict[str, Callable[[_Run], str]] = {
    "caller": lambda r: r.area.number,
    "caller_area": lambda r: r.area.area_code,
    "caller_province": lambda r: "" if r.area.province == "unknown" else r.area.province,
    "caller_city": lambda r: "" if r.area.city == "unknown" else r.area.city,
    "caller_category": lambda r: r.call.category,
    "dialled": lambda r: r.plan.number,
    "hour": lambda r: str(_now(r).hour),
    "weekday": lambda r: str(_now(r).isoweekday()),
}


def _holds(op: str, value: str, wanted: Any) -> bool:
    """Whether a condition rule holds for ``value`` (the ops of ``docs/dialplan.md``)."""
    if op == "equals":
        return value == str(wanted)
    if op == "in_list":
        return value in list(wanted)
    if op == "prefix":
        return value.startswith(str(wanted))
    if op == "empty":
        return value == ""
    if op == "range":  # digits only: a value that is no whole number is in no range
        if not (value.isascii() and value.isdigit()):
            return False
        number = int(value)
        low, high = wanted.get("min"), wanted.get("max")
        return (low is None or number >= low) and (high is None or number <= high)
    return False


# op name → method, looked up once instead of building "op_<name>" and calling getattr on every step
_OPS: dict[str, Callable[[_Run, Step], str]] = {
    name[3:]: method for name, method in vars(_Run).items() if name.startswith("op_")
}


def simulate(plan: Dialplan, call: CallSpec) -> Trace:
    """Run ``plan`` for ``call`` and return the trace; never loops forever."""
    run = _Run(plan, call)
    steps = plan.step_map()
    step_id = plan.entry
    visited: list[str] = []
    seen: dict[tuple[str, int], int] = {}
    outcome = "hangup"
    cause = "normal"
    for _ in range(call.max_steps):
        step = steps[step_id]
        visited.append(step_id)
        key = (step_id, len(run.presses))
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > _LOOP_REPEATS:
            run.emit("guard", step, reason="循环保护:没有新的输入又回到同一步骤")
            outcome = "loop"
            break
        op = _OPS.get(step.op)
        result = op(run, step) if op is not None else getattr(run, "op_" + step.op)(step)
        if step.op == "hangup":
            cause = step.args["cause"]
            outcome = "rejected" if step_id in _REJECTING else "hangup"
            break
        step_id = step.next[result]
    else:
        run.emit("guard", steps[step_id], reason=f"超过步数上限{call.max_steps}")
        outcome = "loop"
    if run.answered_by:
        outcome = "answered"
    elif run.voicemail and outcome == "hangup":
        outcome = "voicemail"
    return Trace(
        events=tuple(run.events),
        steps=tuple(visited),
        path=tuple(node for sid in visited if (node := steps[sid].node) is not None),
        outcome=outcome,
        hangup_cause=cause,
        answered_by=run.answered_by,
        voicemail=run.voicemail,
        recorded=run.recorded,
        duration_s=round(run.t, 3),
        caller_area=run.area,
    )


@dataclass(frozen=True)
class SplitShare:
    """How often simulated calls took one branch of one split step."""

    step: str
    node: str | None
    branch: int
    weight: int
    calls: int
    share: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def split_distribution(
    plan: Dialplan, calls: int = 10_000, seed: int = 0, call: CallSpec | None = None
) -> list[SplitShare]:
    """The branches taken at each split over ``calls`` simulated calls, each drawn with its own seed.

    Every call is ``call`` (default: a plain call) with its splits left to the draw; seeds come from
    ``seed``, so the same arguments give the same figures. ``share`` is the fraction of the calls that
    reached the split which took the branch; over many calls it approaches the branch's weight.
    """
    base = (call or CallSpec()).model_copy(update={"split": []})
    seeds = random.Random(seed)
    taken: Counter[tuple[str, str]] = Counter()
    reached: Counter[str] = Counter()
    for _ in range(calls):
        trace = simulate(plan, base.model_copy(update={"split_seed": seeds.randrange(2**31)}))
        for e in trace.events:
            if e.kind == "branch" and e.outcome and e.outcome.startswith("branch:"):
                taken[e.step, e.outcome] += 1
                reached[e.step] += 1
    out: list[SplitShare] = []
    for step in plan.steps:
        if step.op != "split":
            continue
        for n, weight in enumerate(step.args["weights"], start=1):
            count = taken[step.id, f"branch:{n}"]
            share = count / reached[step.id] if reached[step.id] else 0.0
            out.append(SplitShare(step.id, step.node, n, weight, count, round(share, 4)))
    return out
