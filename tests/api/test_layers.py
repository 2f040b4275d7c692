"""The API wing's layers (docs/architecture.md): no import cycles, and each layer imports only below it.

The graph is read from the source, counting the imports that run when a module loads: those under
``if TYPE_CHECKING:`` only name types, and an import inside a function is how a GraphQL type resolves a
field of a type above it (``strawberry.lazy``), so neither can make module loading order matter.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ASSEMBLY = {"api.app", "api.schema", "api.view", "api.cli", "api.__main__", "api.jobs"}
CORE = {"api.config", "api.errors", "api.clock", "api.db", "api.requestid", "api.migrate"}

#: A domain's edge modules (GraphQL schema and types, HTTP routes) may call any domain; no domain code
#: imports them, so they are left out when domains are compared.
EDGES = ("schema", "types", "routes")

#: Packages that still form a cycle at the domain level: features there call the publishing pipeline
#: (routing settings, reclamation), which reads their models; numbers and reservations use each other.
#: No other package may join one.
PACKAGES_IN_KNOWN_CYCLES = {"api.numbers", "api.plans", "api.reservations", "api.routing"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _load_time_imports(tree: ast.Module) -> list[str]:
    """Modules imported at load time: top-level statements, not functions or TYPE_CHECKING blocks."""
    found: list[str] = []

    def visit(statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, ast.Import):
                found.extend(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.extend(f"{node.module}.{alias.name}" for alias in node.names)
                found.append(node.module)
            elif isinstance(node, ast.If) and not _is_type_checking(node):
                visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)

    visit(tree.body)
    return found


def _graph(package: str) -> dict[str, set[str]]:
    modules = {
        _module_name(path): path for path in (ROOT / package).rglob("*.py") if "migrations" not in path.parts
    }
    return {
        name: {m for m in _load_time_imports(ast.parse(path.read_text())) if m in modules and m != name}
        for name, path in modules.items()
    }


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def _package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _is_edge(module: str) -> bool:
    return module.rsplit(".", 1)[-1] in EDGES or module.startswith("api.graphql")


def domain_graph() -> dict[str, set[str]]:
    """Package → packages its domain code (edges left out) imports."""
    graph: dict[str, set[str]] = {}
    for module, imported in _graph("api").items():
        if _is_edge(module) or module.count(".") < 2:
            continue
        packages = {_package(t) for t in imported if not _is_edge(t) and t.count(".") >= 2}
        graph.setdefault(_package(module), set()).update(packages - {_package(module)})
    return graph


def _describe(found: list[list[str]]) -> str:
    return "\n".join(" ⇄ ".join(c) for c in found) or "(none)"


def test_no_import_cycles_in_the_api_wing() -> None:
    found = _cycles(_graph("api"))
    assert not found, f"import cycles:\n{_describe(found)}"


def test_cycle_finder_sees_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_toolkit_loads_no_domain_and_domains_load_no_assembly() -> None:
    graph = _graph("api")
    toolkit = {m for m in graph if m.startswith("api.graphql")}
    for module in toolkit:
        beyond = {m for m in graph[module] if m not in toolkit and m not in CORE}
        assert not beyond, f"{module} imports {beyond}"
    for module, imports in graph.items():
        if module in ASSEMBLY:
            continue
        assert not imports & ASSEMBLY, f"{module} imports {imports & ASSEMBLY}"


def test_the_pure_libraries_import_nothing_of_the_service() -> None:
    for package in ("ivr_flows", "audio"):
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text())
            for node in ast.walk(tree):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else []
                )
                assert not any(n == "api" or n.startswith("api.") for n in names), path


def _every_import(path: Path, module: str) -> set[str]:
    """Every module a file names in an import, wherever it stands (functions and TYPE_CHECKING too)."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            target = (f"{base}.{node.module}" if node.module else base) if node.level else node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("package", ["ivr_flows", "audio", "telephony"])
def test_no_import_circles_in_the_pure_libraries_and_the_agent(package: str) -> None:
    """These have no GraphQL types to resolve lazily, so even a deferred import back up is a circle."""
    modules = {_module_name(path): path for path in (ROOT / package).rglob("*.py")}
    graph = {
        name: {m for m in _every_import(path, name) if m in modules and m != name}
        for name, path in modules.items()
    }
    found = _cycles(graph)
    assert not found, f"import cycles:\n{_describe(found)}"


def test_no_other_domain_joins_a_package_cycle() -> None:
    found = _cycles(domain_graph())
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
        for module, imported in _graph("api").items()
        if _package(module) == package and not _is_edge(module)
        for target in imported
        if _package(target) in above
    )
    assert not wrong
