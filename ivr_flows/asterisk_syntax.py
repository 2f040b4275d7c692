"""extensions.conf syntax: lines, extensions and contexts as text, and the checks that keep input out of it.

Asterisk's dialplan has no quoting worth the name: a comma splits application arguments, ``;`` starts a
comment, ``${…}`` and ``$[…]`` are evaluated, a bad ``GotoIfTime`` spec is silently skipped. So every value
the renderer writes goes through one of the helpers here: numbers and prefixes must be digits
(:func:`digits`), prompt ids and mailboxes become safe file names or a hash (:func:`asterisk_prompt_name`),
ids only appear in comments reduced to word characters (:func:`comment`), and time conditions are parsed
by :mod:`ivr_flows.timespec` before they are written (:func:`time_goto`).

The text model is deliberately small. A priority is a plain string, what follows ``exten => x,1`` or
``same => n``: ``,App(data)``, ``(label),App(data)``, optionally `` ; comment`` (:func:`line`); an
:class:`Extension` joins them, a :class:`Context` is a ``[section]``. Strings rather than objects because a
1,000-node flow renders to thousands of lines: formatting each once is most of the renderer's work.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from operator import itemgetter

from .timespec import parse_timespec, weekday_ranges

__all__ = [
    "Context",
    "Extension",
    "RenderError",
    "asterisk_prompt_name",
    "comment",
    "digits",
    "hhmm",
    "labelled",
    "line",
    "regex_chunks",
    "time_goto",
    "weekdays",
]

_SAFE_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_UNSAFE_IN_COMMENT = re.compile(r"[^\w.:-]")
#: Characters of one ``REGEX()`` pattern at most. Asterisk substitutes an application's arguments into
#: 8 KiB (``EXT_DATA_SIZE``), and compiles the pattern on every call, in time growing with its size.
PATTERN_CHARS = 2000
_HHMM = tuple(f"{minute // 60:02d}:{minute % 60:02d}" for minute in range(1440))


class RenderError(ValueError):
    """The plan or the options contain something that cannot be rendered safely."""


def asterisk_prompt_name(prompt_id: str) -> str:
    """The file name (without extension) of a prompt in the sounds directory.

    Safe ids are kept so operators recognise files; anything else becomes ``x-<sha1>`` so no character
    of a customer's id can reach the dialplan. The audio pipeline must name files the same way.
    """
    if _SAFE_NAME.match(prompt_id):
        return prompt_id
    return "x-" + hashlib.sha1(prompt_id.encode()).hexdigest()[:20]


def digits(value: str) -> str:
    """``value`` itself if it is ASCII digits only (numbers, prefixes, dates); RenderError otherwise."""
    if not value.isascii() or not value.isdigit():
        raise RenderError(f"expected digits, got {value!r}")
    return value


def comment(text: str) -> str:
    """``text`` reduced to what is harmless after ``;`` (word characters, ``.:-``), at most 60 characters."""
    return _UNSAFE_IN_COMMENT.sub("_", text)[:60]


def hhmm(minute: int) -> str:
    """Minute of the day → ``HH:MM`` (a table: the renderer writes two per time condition)."""
    return _HHMM[minute] if 0 <= minute < 1440 else f"{minute // 60:02d}:{minute % 60:02d}"


@lru_cache(maxsize=128)
def weekdays(days: tuple[int, ...]) -> tuple[str, ...]:
    """:func:`ivr_flows.timespec.weekday_ranges`, cached: there are only 127 sets of weekdays."""
    return tuple(weekday_ranges(days))


def regex_chunks(values: Iterable[str], anchor_end: bool) -> list[str]:
    """Patterns matching a subject that starts with one of ``values`` (``$``-anchored: equals one).

    Asterisk compiles a ``REGEX()`` pattern each time a call runs it, so a plain alternation of a few
    hundred numbers costs more CPU than everything else a plan does before the first ring. Sorted values
    share leading digits; each pattern is their prefix tree instead (``^1390000(0[0-9]|1[0-4])``), a
    fraction of the size and of the compile time, and there are as few patterns as fit in
    :data:`PATTERN_CHARS`. ``unknown`` (the area of a caller we cannot place) is the one non-digit value
    allowed. No pattern has ``|`` outside parentheses: a caller may append to it.
    """
    items = sorted({v if v == "unknown" else digits(v) for v in values})
    if not anchor_end:  # a value another one begins with matches all that the longer one would
        kept: list[str] = []
        for value in items:
            if not kept or not value.startswith(kept[-1]):
                kept.append(value)
        items = kept
    patterns: list[str] = []

    def fit(group: list[str]) -> None:
        pattern = "^" + _tree(group, 0) + ("$" if anchor_end else "")
        if len(pattern) <= PATTERN_CHARS or len(group) == 1:
            patterns.append(pattern)
        else:
            fit(group[: len(group) // 2])
            fit(group[len(group) // 2 :])

    # Trees of a few thousand characters of values: compressing them never takes long.
    group: list[str] = []
    size = 0
    for value in items:
        if group and size + len(value) + 1 > 2 * PATTERN_CHARS:
            fit(group)
            group, size = [], 0
        group.append(value)
        size += len(value) + 1
    if group:
        fit(group)
    return patterns


def _tree(values: list[str], depth: int) -> str:
    """The pattern of what may follow the ``depth`` characters all sorted, distinct ``values`` share
    (empty: nothing need follow)."""
    if len(values) == 1:
        return values[0][depth:]
    ends = len(values[0]) == depth  # sorted: a value ending here comes first
    # Branches followed by the same pattern share it behind a class: 0[0-9] … 9[0-9] is [0-9][0-9].
    tails: dict[str, list[str]] = {}
    for _, branch in groupby(values[1:] if ends else values, key=itemgetter(depth)):
        group = list(branch)
        tails.setdefault(_tree(group, depth + 1), []).append(group[0][depth])
    parts = [(chars[0] if len(chars) == 1 else _char_class(chars)) + tail for tail, chars in tails.items()]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(" + "|".join(parts) + ")"
    return f"({body})?" if ends else body


def _char_class(chars: list[str]) -> str:
    """``[…]`` of sorted single characters, runs of three or more written as ranges (``[0-57-9]``)."""
    runs: list[list[str]] = []
    for char in chars:
        if runs and ord(char) == ord(runs[-1][-1]) + 1:
            runs[-1].append(char)
        else:
            runs.append([char])
    return "[" + "".join(f"{r[0]}-{r[-1]}" if len(r) >= 3 else "".join(r) for r in runs) + "]"


def line(app: str, data: str = "", *, label: str | None = None, note: str | None = None) -> str:
    """One priority: ``(label),app(data) ; note``; label and note only when given (and not empty)."""
    text = f"({label}),{app}({data})" if label else f",{app}({data})"
    return f"{text} ; {note}" if note else text


def labelled(label: str | None, priority: str) -> str:
    """``priority`` (written by :func:`line` without a label) behind the priority label ``label``."""
    return f"({label}){priority}" if label else priority


def time_goto(times: str, days: str, timezone: str, target: str) -> str:
    """``GotoIfTime(times,days,*,*,timezone?target)``, refusing a spec Asterisk would silently skip.

    Raises:
        TimeSpecError: when the spec does not parse (a renderer bug, never a user error).
    """
    spec = f"{times},{days},*,*,{timezone}"
    parse_timespec(spec)
    return f",GotoIfTime({spec}?{target})"


@dataclass
class Extension:
    """An extension: its first line gets priority 1, the rest ``same => n``."""

    name: str
    lines: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The extension's lines in extensions.conf syntax."""
        if not self.lines:
            return ""
        return f"exten => {self.name},1" + "\n same => n".join(self.lines)


@dataclass
class Context:
    """A ``[name]`` section with a comment saying what it is for."""

    name: str
    extensions: list[Extension] = field(default_factory=list)
    purpose: str = ""
