"""The import structure of ``api``: no module imports itself back, and the lower domains stay below.

The graph is read from the source (``ast``), not by importing, so a cycle Python happens to tolerate
today (because of import order) is found too. Failures list every cycle, not just the first.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

API = Path(__file__).resolve().parents[2] / "api"

#: Module cycles that remain, all outside the publishing pipeline's area (the GraphQL layer's
#: restructuring removes them). A cycle fixed must leave this list, so the list never hides a new one.
KNOWN_MODULE_CYCLES = {
    frozenset({"api.accounts.types", "api.numbers.queries", "api.numbers.types"}),
}

#: A domain's edge modules (GraphQL schema and types, HTTP routes) may call any domain; no domain code
#: imports them, so they are left out when domains are compared.
EDGES = ("schema", "types", "routes")

#: Packages that still form a cycle at the domain level: features there call the publishing pipeline
#: (routing settings, reclamation), which reads their models; numbers and reservations use each other.
#: No other package may join one.
PACKAGES_IN_KNOWN_CYCLES = {"api.numbers", "api.plans", "api.reservations", "api.routing"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in API.rglob("*.py"):
        parts = path.relative_to(API.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imported(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The ``api`` modules ``name`` imports (``from a import b`` counts ``a.b`` when it is a module)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        out |= {t for t in targets if t in modules and t != name}
    return out


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imported(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> set[frozenset[str]]:
    """The strongly connected components with more than one member (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[frozenset[str]] = set()
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.add(frozenset(component))
    return found


def _package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _is_edge(module: str) -> bool:
    return module.rsplit(".", 1)[-1] in EDGES or module.startswith("api.graphql")


def domain_graph() -> dict[str, set[str]]:
    """Package → packages its domain code (edges left out) imports."""
    graph: dict[str, set[str]] = {}
    for module, imported in import_graph().items():
        if _is_edge(module) or module.count(".") < 2:
            continue
        packages = {_package(t) for t in imported if not _is_edge(t) and t.count(".") >= 2}
        graph.setdefault(_package(module), set()).update(packages - {_package(module)})
    return graph


def _describe(found: set[frozenset[str]]) -> str:
    return "\n".join(" ⇄ ".join(sorted(c)) for c in sorted(found, key=sorted)) or "(none)"


def test_no_module_of_api_imports_itself_back() -> None:
    found = cycles(import_graph())
    assert not found - KNOWN_MODULE_CYCLES, f"new import cycles:\n{_describe(found - KNOWN_MODULE_CYCLES)}"
    assert not KNOWN_MODULE_CYCLES - found, (
        f"fixed, remove from KNOWN_MODULE_CYCLES:\n{_describe(KNOWN_MODULE_CYCLES - found)}"
    )


def test_no_other_domain_joins_a_package_cycle() -> None:
    found = cycles(domain_graph())
    joined = {p for c in found for p in c} - PACKAGES_IN_KNOWN_CYCLES
    assert not joined, f"package cycles (domain code, edges left out):\n{_describe(found)}"


@pytest.mark.parametrize(
    ("package", "above"),
    [
        ("api.flows", {"api.routing", "api.media", "api.plans", "api.numbers"}),
        ("api.media", {"api.routing", "api.plans"}),
    ],
)
def test_flows_and_media_do_not_import_the_pipeline_or_routing(package: str, above: set[str]) -> None:
    """Flows and media sit below the publishing pipeline: it reads them, they never call back up."""
    wrong = sorted(
        f"{module} → {target}"
        for module, imported in import_graph().items()
        if _package(module) == package and not _is_edge(module)
        for target in imported
        if _package(target) in above
    )
    assert not wrong
