"""Modules (子流程): reusable sub-flows a flow calls by id and published version, compiled inline.

The library stays pure: whoever compiles or analyses a flow passes the module versions it may call as a
mapping ``(module id, version) → Flow`` (:data:`Modules`); the API loads them from the account's published
module versions. This module resolves a flow's module nodes against that mapping (recursively, since
modules may call modules), refusing a missing version (``module_missing``) and a module calling itself
directly or through others (``module_cycle``, the message naming the chain), and says which return
points (``module_exit`` nodes) a module has: each becomes an exit ``exit:<name>`` of the calling node.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeAlias

from .diagnostics import Diagnostic
from .model import Flow, ModuleExitNode, ModuleNode
from .nodes.module import EXIT_PREFIX
from .nodes.shared import diagnostic as _d

__all__ = [
    "EXIT_PREFIX",
    "ModuleKey",
    "Modules",
    "Resolved",
    "check_modules",
    "module_calls",
    "modules_used",
    "resolve_modules",
    "return_points",
]

#: A module version: the module's id (its flow id as the caller names it) and the version number.
ModuleKey: TypeAlias = tuple[str, int]
#: The module versions a flow may call.
Modules: TypeAlias = Mapping[ModuleKey, Flow]


def module_calls(flow: Flow) -> dict[str, ModuleKey]:
    """The module version each of the flow's module nodes calls, by node id (nodes with one chosen)."""
    return {
        node.id: (node.props.module, node.props.version)
        for node in flow.nodes
        if isinstance(node, ModuleNode) and node.props.module
    }


def return_points(module: Flow) -> tuple[str, ...]:
    """The names of a module's return points, in document order, each once: the calling node's exits."""
    names: dict[str, None] = {}
    for node in module.nodes:
        if isinstance(node, ModuleExitNode) and node.props.name.strip():
            names.setdefault(node.props.name.strip(), None)
    return tuple(names)


@dataclass(frozen=True)
class Resolved:
    """What a module node calls: the module's document, or why it cannot be called."""

    key: ModuleKey
    module: Flow | None
    problem: Diagnostic | None = None


def _walk(
    flow: Flow, modules: Modules, chain: tuple[str, ...], node_id: str | None, names: Mapping[str, str]
) -> tuple[dict[str, Resolved], Diagnostic | None]:
    """Each module node of ``flow`` resolved, and the first problem below it (reported on ``node_id``)."""
    out: dict[str, Resolved] = {}
    first: Diagnostic | None = None
    for node in flow.nodes:
        if not isinstance(node, ModuleNode) or not node.props.module:
            continue
        key = (node.props.module, node.props.version)
        report_on = node_id if node_id is not None else node.id
        problem: Diagnostic | None = None
        module = modules.get(key)
        if key[0] in chain:
            loop = [names.get(mid, mid) for mid in (*chain[chain.index(key[0]) :], key[0])]
            message = f"子流程循环调用:{' → '.join(loop)},子流程不能直接或间接调用自己"
            problem = _d("module_cycle", "error", message, report_on)
        elif module is None:
            message = f"子流程“{names.get(key[0], key[0])}”没有已发布的第{key[1]}版,无法调用"
            problem = _d("module_missing", "error", message, report_on)
        else:
            _, problem = _walk(module, modules, (*chain, key[0]), report_on, names)
        out[node.id] = Resolved(key, None if problem else module, problem)
        first = first or problem
    return out, first


def resolve_modules(flow: Flow, modules: Modules) -> dict[str, Resolved]:
    """The flow's module nodes (by node id) resolved against ``modules``, checked all the way down.

    A node whose module, or any module below it, is missing or part of a cycle carries the problem
    (on the node) and no module. A module document calling itself counts as a cycle from the start:
    its own id heads the chain.
    """
    names = {mid: module.name for (mid, _), module in modules.items() if module.name}
    chain: tuple[str, ...] = ()
    if flow.kind == "module" and flow.id:
        chain = (flow.id,)
        names[flow.id] = flow.name or flow.id
    return _walk(flow, modules, chain, None, names)[0]


def modules_used(flow: Flow, modules: Modules) -> dict[ModuleKey, Flow]:
    """Every module version the flow calls, directly or through other modules (what a version pins)."""
    used: dict[ModuleKey, Flow] = {}
    for resolved in resolve_modules(flow, modules).values():
        if resolved.module is not None and resolved.key not in used:
            used[resolved.key] = resolved.module
            used.update(modules_used(resolved.module, modules))
    return used


def check_modules(flow: Flow, modules: Modules | None) -> list[Diagnostic]:
    """What is wrong with the flow's use of modules that no single node can see.

    Return points belong in modules only (``module_exit_in_flow``) and their names must differ
    (``module_exit_duplicate``). With ``modules`` given, each module node's version must exist and lead
    to no cycle, and each edge from it must leave by one of the module's return points
    (``module_exit_unknown``). Problems inside a module's own nodes are checked by analysing the module
    (:func:`ivr_flows.analyse` does, see there).
    """
    out: list[Diagnostic] = []
    seen: set[str] = set()
    for node in flow.nodes:
        if not isinstance(node, ModuleExitNode):
            continue
        if flow.kind != "module":
            out.append(_d("module_exit_in_flow", "error", "只有子流程里才能放置返回节点", node.id))
            continue
        name = node.props.name.strip()
        if name and name in seen:
            out.append(_d("module_exit_duplicate", "error", f"返回名称“{name}”重复了", node.id))
        seen.add(name)
    if modules is None:
        return out
    resolved = resolve_modules(flow, modules)
    out.extend(r.problem for r in resolved.values() if r.problem is not None)
    for edge in flow.edges:
        item = resolved.get(edge.source)
        if item is None or item.module is None or not edge.exit.startswith(EXIT_PREFIX):
            continue
        name = edge.exit[len(EXIT_PREFIX) :]
        if name not in return_points(item.module):
            message = f"子流程“{item.module.name or item.key[0]}”第{item.key[1]}版没有名为“{name}”的返回"
            out.append(_d("module_exit_unknown", "error", message, edge.source, edge.id))
    return out
