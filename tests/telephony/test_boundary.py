"""The telephony layer is a deployment of its own: it reaches the service over HTTP, never through ``api``."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "telephony"


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports anywhere (in functions too: those imports run as well)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_telephony_imports_nothing_of_the_api() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert files
    offending = {
        str(path.relative_to(PACKAGE)): sorted(m for m in imported_modules(path) if m.split(".")[0] == "api")
        for path in files
    }
    assert {name: mods for name, mods in offending.items() if mods} == {}
