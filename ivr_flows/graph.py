"""Graph algorithms over a flow's nodes and edges, kept apart from the rules that use them.

Iterative on purpose: flows may have thousands of nodes and Python's recursion limit must not decide
whether a flow can be analysed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping

__all__ = ["reachable", "strongly_connected", "successors"]


def successors(node_ids: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Adjacency lists (in edge order) for the given nodes; edges touching unknown nodes are ignored."""
    adj: dict[str, list[str]] = {n: [] for n in node_ids}
    for source, target in edges:
        if source in adj and target in adj:
            adj[source].append(target)
    return adj


def reachable(adj: Mapping[str, list[str]], roots: Iterable[str]) -> set[str]:
    """Nodes reachable from ``roots`` (included)."""
    seen = {r for r in roots if r in adj}
    queue = deque(seen)
    while queue:
        for nxt in adj[queue.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def strongly_connected(adj: Mapping[str, list[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, iteratively; components in discovery order.

    Every target in ``adj`` must be a key of ``adj`` (:func:`successors` guarantees it). The loop keeps
    one child iterator per open node instead of re-scanning children, and binds its containers to
    locals: analysis runs this on every compile, and flows have thousands of nodes.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    result: list[list[str]] = []
    push, pop = stack.append, stack.pop
    for root in adj:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        push(root)
        on_stack.add(root)
        work = [(root, iter(adj[root]))]
        while work:
            node, children = work[-1]
            for nxt in children:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    push(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(adj[nxt])))
                    break
                if nxt in on_stack and index[nxt] < low[node]:
                    low[node] = index[nxt]
            else:
                work.pop()
                node_low = low[node]
                if node_low == index[node]:
                    component: list[str] = []
                    while True:
                        member = pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    result.append(component)
                if work:
                    parent = work[-1][0]
                    if node_low < low[parent]:
                        low[parent] = node_low
    return result
