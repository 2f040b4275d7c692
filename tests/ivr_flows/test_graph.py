"""Graph algorithms: Tarjan's components against a brute-force reference on random graphs."""

from __future__ import annotations

import random

from ivr_flows.graph import reachable, strongly_connected, successors


def random_graph(rng: random.Random) -> dict[str, list[str]]:
    ids = [f"n{i}" for i in range(rng.randint(1, 25))]
    edges = [(rng.choice(ids), rng.choice(ids)) for _ in range(rng.randint(0, 40))]
    return successors(ids, edges)


def test_components_match_mutual_reachability_in_reverse_topological_order() -> None:
    rng = random.Random(400)
    for _ in range(300):
        adj = random_graph(rng)
        components = strongly_connected(adj)
        assert sorted(n for c in components for n in c) == sorted(adj)
        reach = {n: reachable(adj, [n]) for n in adj}
        position = {n: i for i, c in enumerate(components) for n in c}
        for a in adj:
            for b in adj:
                mutual = b in reach[a] and a in reach[b]
                assert mutual == (position[a] == position[b])
                if b in adj[a] and position[a] != position[b]:
                    assert position[b] < position[a]  # successors' components come first


def test_deep_chains_do_not_hit_the_recursion_limit() -> None:
    chain = {f"n{i}": [f"n{i + 1}"] for i in range(5000)} | {"n5000": ["n0"]}
    assert len(strongly_connected(chain)) == 1
    assert len(strongly_connected({f"n{i}": [f"n{i + 1}"] for i in range(5000)} | {"n5000": []})) == 5001


def test_successors_ignore_edges_touching_unknown_nodes() -> None:
    assert successors(["a", "b"], [("a", "b"), ("a", "x"), ("y", "b"), ("b", "a")]) == {
        "a": ["b"],
        "b": ["a"],
    }
