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
    """Tarjan's strongly connected components, iteratively; components in discovery order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    result: list[list[str]] = []
    counter = 0
    for root in adj:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            children = adj[node]
            recurse = False
            while child < len(children):
                nxt = children[child]
                child += 1
                if nxt not in index:
                    work.append((node, child))
                    work.append((nxt, 0))
                    recurse = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if recurse:
                continue
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                result.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return result
