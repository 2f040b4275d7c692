"""Render a :class:`Dialplan` as an Asterisk ``extensions.conf`` (jinja2 template for the file's frame).

One main context per 400 number (``[hotline-4006228300]``) holding every step in extension ``s``, one
small context per menu (its digit, ``i`` and ``t`` extensions), one that normalises the caller number and
finds its area code, and one that classifies today against the plan's day table. This module assembles
them; :mod:`ivr_flows.asterisk_steps` translates each step and :mod:`ivr_flows.asterisk_syntax` writes the
text and keeps customer input out of it.

Safety: nothing a caller or customer typed is written verbatim. Numbers and prefixes are digits (checked
again here), prompt ids and mailboxes are reduced to safe file names (or a hash), node ids appear only in
sanitised comments, and every ``GotoIfTime`` spec is validated by :mod:`ivr_flows.timespec` first.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from .areas import _area_index
from .asterisk_options import AsteriskOptions
from .asterisk_steps import StepLines
from .asterisk_syntax import (
    Context,
    Extension,
    RenderError,
    asterisk_prompt_name,
    comment,
    digits,
    labelled,
    line,
    regex_chunks,
)
from .compiler import HANGUP_CAUSES
from .dialplan import PLAN_FORMAT, PLAN_VERSION, Dialplan
from .phones import IP_DIAL_PREFIXES

__all__ = ["AsteriskOptions", "RenderError", "asterisk_prompt_name", "render_asterisk"]

#: The priority label of a call whose allowance is 0, and what the caller hears there (as when suspended).
EXHAUSTED = "exhausted"
SUSPENDED_PROMPT = "sys-suspended"


class _Renderer:
    """The contexts of one plan: the main context (policies, then the flow), menus and subroutines."""

    def __init__(self, plan: Dialplan, opts: AsteriskOptions) -> None:
        self.plan = plan
        self.opts = opts
        self.number = digits(plan.number)
        self.main = f"{opts.context_prefix}-{self.number}"
        self.tz = plan.timezone
        self.steps = StepLines(plan, opts, self.number, self.main)

    # contexts -------------------------------------------------------------------------------------
    def caller_context(self) -> Context:
        """A ``Gosub`` that sets ``CALLER`` (national form), ``CALLER_AREA`` (area code or unknown) and
        ``CATEGORY`` (what the carrier said, else unknown)."""
        # The steps of ivr_flows.phones.classify, in its order. An international form is marked by a
        # leading "+" while it is worked on: a "+" the carrier sent, or one put in place of 00 / 86.
        lines = [
            line("Set", 'CATEGORY=${IF($["${CALLER_CATEGORY}" = ""]?unknown:${CALLER_CATEGORY})}'),
            line("Set", "CALLER=${FILTER(+0123456789,${CALLERID(num)})}"),
            line("Set", 'CALLER=${IF($["${CALLER:0:1}" = "+"]?+:)}${FILTER(0123456789,${CALLER})}'),
            line("ExecIf", f'$[${{LEN(${{CALLER}})}} > 11 & ${{REGEX("^({_ip_prefixes()})[01]" ${{CALLER}})}}]?Set(CALLER=${{CALLER:5}})'),
            line("ExecIf", '$["${CALLER:0:2}" = "00"]?Set(CALLER=+${CALLER:2})'),
            line("ExecIf", '$[${REGEX("^86(1[0-9]{10}|[2-9][0-9]{9,10})$" ${CALLER})}]?Set(CALLER=+${CALLER})'),
            # after +86 a landline has lost its trunk 0 (+86 20 …), a mobile and 400/800 never had one
            line("ExecIf", '$[${REGEX("^[+]86[2-9]" ${CALLER})} & ${REGEX("^[+]86[48]00" ${CALLER})} = 0]?Set(CALLER=+860${CALLER:3})'),
            line("ExecIf", '$[${REGEX("^[+]86" ${CALLER})}]?Set(CALLER=${CALLER:3})'),
            # a mobile written with a long-distance 0 (013926900000) is the mobile: no area code is 01x
            line("ExecIf", '$[${REGEX("^01[3-9][0-9]{9}$" ${CALLER})}]?Set(CALLER=${CALLER:1})'),
            line("Set", "CALLER_AREA=unknown"),
        ]  # fmt: skip
        # A landline: an allocated area code, then 7–9 digits after a 3-digit code, 6–8 after a 4-digit
        # one (10–12 in all; CALLER is digits but for a leading "+"). A mobile: 11 digits, 13–19, placed by
        # its first seven. Patterns are compiled on every call: a mobile caller skips the code tables.
        length = "${LEN(${CALLER})}"
        lines.append(line("GotoIf", '$["${CALLER:0:1}" != "0"]?mobile'))
        for size in (3, 4):
            lines += [
                line(
                    "ExecIf",
                    f'$[{length} >= 10 & {length} <= 12 & ${{REGEX("{rx}" ${{CALLER}})}}]'
                    f"?Set(CALLER_AREA=${{CALLER:0:{size}}})",
                )
                for rx in _known_code_patterns(size)
            ]
        lines.append(line("Return", ""))
        family = self.opts.area_db_family
        lines.append(
            line(
                "ExecIf",
                f'$[{length} = 11 & ${{REGEX("^1[3-9]" ${{CALLER}})}}]?Set(CALLER_AREA=${{DB({family}/${{CALLER:0:7}})}})',
                label="mobile",
            )
        )
        lines.append(line("ExecIf", '$["${CALLER_AREA}" = ""]?Set(CALLER_AREA=unknown)'))
        lines.append(line("Return", ""))
        return Context(
            f"{self.main}-caller",
            [Extension("s", lines)],
            "normalise the caller number; CALLER_AREA = area code or unknown; CATEGORY",
        )

    def calendar_context(self) -> Context:
        """A ``Gosub`` that sets ``TODAY`` (YYYYMMDD) and ``DAYKIND`` from the plan's day table."""
        lines = [
            line("Set", f"TODAY=${{STRFTIME(${{EPOCH}},{self.tz},%Y%m%d)}}"),
            line("Set", "DAYKIND=normal"),
        ]
        for kind in ("holiday", "workday"):
            days = sorted(digits(d.replace("-", "")) for d, k in self.plan.day_table.items() if k == kind)
            for rx in regex_chunks(days, anchor_end=True):
                lines.append(line("ExecIf", f'$[${{REGEX("{rx}" ${{TODAY}})}}]?Set(DAYKIND={kind})'))
        lines.append(line("Return", ""))
        return Context(
            f"{self.main}-calendar",
            [Extension("s", lines)],
            "DAYKIND for today: holiday, workday (make-up) or normal",
        )

    def allowance_lines(self) -> tuple[list[str], list[str]]:
        """The allowance check on entry, and the ending of a call the balance no longer pays for.

        The key is read once per call, so the limit a call gets is the allowance when it arrived (the
        agent rewrites keys as balances move; a call in progress keeps its own). Only digits are kept
        from the stored value: the agent writes plain seconds, anything else counts as no limit rather
        than reaching ``Dial()``'s options. ``DIAL_LIMIT`` is the option every ``Dial()`` of the plan
        appends: ``S(<seconds>)`` hangs the bridged phone up that many seconds after it answered, which
        is the talk time billing charges for; empty when the key is missing (not synced yet).
        """
        family = self.opts.allowance_db_family
        check = [
            line("Set", "ALLOWANCE="),
            line("ExecIf", f"${{DB_EXISTS({family}/{self.number})}}?Set(ALLOWANCE=${{FILTER(0123456789,${{DB_RESULT}})}})"),
            line("GotoIf", f'$["${{ALLOWANCE}}" != "" & 0${{ALLOWANCE}} = 0]?{EXHAUSTED}'),
            line("Set", "DIAL_LIMIT="),
            line("ExecIf", '$["${ALLOWANCE}" != ""]?Set(DIAL_LIMIT=S(${ALLOWANCE}))'),
        ]  # fmt: skip
        announce = self.steps.announce(SUSPENDED_PROMPT)
        exhausted = [
            labelled(EXHAUSTED, announce[0]),
            *announce[1:],
            line("Hangup", str(HANGUP_CAUSES["rejected"])),
        ]
        return check, exhausted

    def render(self) -> list[Context]:
        """Every context of the plan, main context first."""
        steps = self.steps
        # The call as the telephony layer reports it: its number and what the caller normalisation found.
        body = [
            line("Gosub", f"{self.main}-caller,s,1"),
            line(
                "UserEvent",
                f"HotlineCall,Number: {self.number},Area: ${{CALLER_AREA}},Category: ${{FILTER(a-z,${{CATEGORY}})}}",
            ),
        ]
        exhausted: list[str] = []
        # A plan that rings nobody (a suspended or reclaimed number's announcement, a voicemail-only
        # flow) bridges no call, so no allowance applies: it keeps its own words.
        if self.opts.allowance_db_family and any(s.op == "dial" for s in self.plan.steps):
            check, exhausted = self.allowance_lines()
            body += check
        body.append(line("Goto", steps.goto(self.plan.entry)))
        for i, step in enumerate(self.plan.steps):
            body += steps.step_lines(step, i)
        body += exhausted
        main = Context(
            self.main,
            [Extension("s", body), Extension("h", [line("StopMixMonitor", "")])],
            "policies, then the flow",
        )
        extra = [self.caller_context()]
        if any(s.op == "time_switch" for s in self.plan.steps):
            extra.append(self.calendar_context())
        return [main, *steps.contexts, *extra]


@lru_cache(maxsize=1)
def _ip_prefixes() -> str:
    return "|".join(digits(p) for p in IP_DIAL_PREFIXES)


@lru_cache(maxsize=2)
def _known_code_patterns(length: int) -> tuple[str, ...]:
    """``REGEX`` alternations of every allocated area code of ``length`` characters (constant data)."""
    codes = sorted(
        code for code in _area_index() if code.startswith("0") and code.isdigit() and len(code) == length
    )
    return tuple(regex_chunks(codes, anchor_end=False))


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
            digest=comment(plan.flow_digest[:16]),
            standalone=opts.standalone,
            contexts=contexts,
        )
    )
