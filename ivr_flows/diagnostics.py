"""Diagnostics: what analysis (and loading) found wrong with a flow, as plain data the editor can mark.

A diagnostic is user-facing data, not an exception: it has a stable ``code`` the editor and tests key on,
a ``severity`` (errors block publishing and compiling, warnings are advice such as R10's wait times), the
node or edge it concerns, and a Chinese message.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

__all__ = ["Diagnostic", "FlowError", "Severity", "errors_in"]

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding.

    Attributes:
        code: stable identifier, e.g. ``menu_digit_duplicate`` (listed in ``docs/dialplan.md``).
        severity: ``error`` blocks compiling; ``warning`` and ``info`` are advice.
        message: Chinese, shown to the flow designer.
        node_id: the node concerned, if any.
        edge_id: the edge concerned, if any.
    """

    code: str
    severity: Severity
    message: str
    node_id: str | None = None
    edge_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def errors_in(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics that block compiling."""
    return [d for d in diagnostics if d.severity == "error"]


class FlowError(ValueError):
    """A flow document that cannot be loaded or compiled; ``diagnostics`` says why, node by node."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        first = diagnostics[0].message if diagnostics else "流程无效"
        more = f" (另有{len(diagnostics) - 1}个问题)" if len(diagnostics) > 1 else ""
        super().__init__(first + more)

    def __repr__(self) -> str:
        return f"FlowError({[d.code for d in self.diagnostics]!r})"
