"""The compiled dialplan: a versioned, JSON-serialisable step machine a telephony layer executes.

This is the contract between the compiler and every runtime (the simulator, the Asterisk renderer, any
future engine): ``docs/dialplan.md`` documents it field by field. A plan is a flat list of steps; each
step has an ``op``, its ``args`` and a ``next`` table from the op's outcome (``match``, ``digit:1``,
``busy`` …) to the following step. Steps without a ``next`` entry for an outcome never happen: the
compiler fills every outcome, sending missing exits to system steps (``sys:*``).

Serialisation is canonical (sorted keys, no whitespace, UTF-8), so the same plan is always the same bytes
and its SHA-256 makes a stable ETag.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

__all__ = ["PLAN_FORMAT", "PLAN_VERSION", "Dialplan", "PlanPrompt", "Step"]

PLAN_FORMAT = "hotline400.dialplan"
PLAN_VERSION = 1
_FRESH: Any = object()  # Step's "no next table given": each step then gets its own empty dict


@dataclass(frozen=True, slots=True)
class PlanPrompt:
    """A prompt the plan may play; ``kind`` is ``system`` (platform text), ``audio`` (a file) or ``tts``."""

    kind: str
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text}


@dataclass(frozen=True, slots=True, init=False)
class Step:
    """One executable step. ``node`` is the flow node it came from (None for policy/system steps)."""

    id: str
    op: str
    args: dict[str, Any]
    next: dict[str, str] = field(default_factory=dict)
    node: str | None = None

    def __init__(
        self, id: str, op: str, args: dict[str, Any], next: dict[str, str] = _FRESH, node: str | None = None
    ) -> None:
        # A 1,000-node flow compiles to over 1,000 steps; the generated frozen __init__ goes through
        # object.__setattr__ per field, writing the slots directly halves the cost of each.
        set_id, set_op, set_args, set_next, set_node = _STEP_SLOTS
        set_id(self, id)
        set_op(self, op)
        set_args(self, args)
        set_next(self, {} if next is _FRESH else next)
        set_node(self, node)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "op": self.op, "node": self.node, "args": self.args, "next": self.next}


_STEP_SLOTS = tuple(getattr(Step, name).__set__ for name in ("id", "op", "args", "next", "node"))


@dataclass(frozen=True)
class Dialplan:
    """A compiled plan for one 400 number."""

    number: str
    entry: str
    steps: tuple[Step, ...]
    prompts: dict[str, PlanPrompt]
    day_table: dict[str, str]
    flow_id: str = ""
    flow_name: str = ""
    flow_digest: str = ""
    timezone: str = "Asia/Shanghai"
    version: int = PLAN_VERSION

    def step_map(self) -> dict[str, Step]:
        """Steps by id (built once per plan; runtimes look steps up on every transition)."""
        cached: dict[str, Step] | None = self.__dict__.get("_step_map")
        if cached is None:
            cached = {s.id: s for s in self.steps}
            object.__setattr__(self, "_step_map", cached)
        return cached

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": PLAN_FORMAT,
            "version": self.version,
            "number": self.number,
            "flow": {"id": self.flow_id, "name": self.flow_name, "digest": self.flow_digest},
            "timezone": self.timezone,
            "entry": self.entry,
            "day_table": self.day_table,
            "prompts": {pid: p.to_dict() for pid, p in self.prompts.items()},
            "steps": [s.to_dict() for s in self.steps],
        }

    def to_json(self) -> bytes:
        """Canonical bytes: same plan, same bytes."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()

    @property
    def etag(self) -> str:
        """A strong ETag for serving the plan: the SHA-256 of :meth:`to_json`."""
        return '"' + hashlib.sha256(self.to_json()).hexdigest() + '"'

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Dialplan:
        """Read a plan produced by :meth:`to_dict` (e.g. stored by the API).

        Raises:
            ValueError: for another format or an unsupported version.
        """
        if data.get("format") != PLAN_FORMAT:
            raise ValueError(f"not a {PLAN_FORMAT} document")
        if data.get("version") != PLAN_VERSION:
            raise ValueError(f"unsupported dialplan version {data.get('version')!r}")
        flow = data.get("flow") or {}
        return cls(
            number=data["number"],
            entry=data["entry"],
            steps=tuple(
                Step(s["id"], s["op"], dict(s["args"]), dict(s.get("next") or {}), s.get("node"))
                for s in data["steps"]
            ),
            prompts={pid: PlanPrompt(p["kind"], p.get("text")) for pid, p in data["prompts"].items()},
            day_table=dict(data.get("day_table") or {}),
            flow_id=flow.get("id", ""),
            flow_name=flow.get("name", ""),
            flow_digest=flow.get("digest", ""),
            timezone=data.get("timezone", "Asia/Shanghai"),
        )

    @classmethod
    def from_json(cls, raw: bytes | str) -> Dialplan:
        return cls.from_dict(json.loads(raw))
