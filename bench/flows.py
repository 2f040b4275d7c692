"""Benchmark ivr_flows: validate + compile + render by flow size, simulated calls/s, caller-area look-ups/s.

Run: ``.venv/bin/python bench/flows.py``. Prints readable lines, then as its last line one JSON object
(``compile_ms_1000``, ``sim_calls_per_s``, ``area_lookups_per_s`` …). Targets: 1,000 nodes in
< 100 ms with linear growth; >= 5,000 simulated calls/s on the menu example; >= 200,000 area look-ups/s.
The machine is shared: the figures carry the 1-minute load average at start and end (``load_1m_*``), so a
slow run on a busy machine can be told from a regression.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ivr_flows import (  # noqa: E402
    CallSpec,
    FlowBuilder,
    compile_plan,
    load_flow,
    render_asterisk,
    resolve_caller,
    run_flow_tests,
    simulate,
    tts,
)


def chain_flow(nodes: int) -> FlowBuilder:
    """A realistic mix: a top menu and an order number entry, then units of condition on the order number
    → time switch → dial (two numbers) / announcement → voicemail.

    Units are chained through the dial's no-answer exit and the announcement, so the graph is deep but menus
    are not nested (the analysis would rightly refuse more than five menu levels); every condition reads the
    variable collected at the top, so use-before-set analysis walks the whole flow.
    """
    b = FlowBuilder("bench").node("start", "start").node("menu", "menu", prompt=tts("查号请拨1"))
    b.data["variables"] = [{"name": "order_no", "type": "digits", "label": "订单号"}]
    b.node("bye", "hangup").edge("start", "next", "menu").edge("menu", "timeout", "bye").edge(
        "menu", "invalid", "bye"
    )
    b.node("ask", "collect", prompt=tts("请输入订单号"), variable="order_no")
    b.edge("menu", "digit:1", "ask").edge("ask", "timeout", "bye").edge("ask", "invalid", "bye")
    week = {"windows": [{"days": [1, 2, 3, 4, 5], "start": "08:30", "end": "17:30"}]}
    dests = [{"number": "02088886666", "wait_s": 20}, {"number": "13812345678", "wait_s": 20}]
    links: list[tuple[str, str]] = [("ask", "done")]
    i = 0
    while len(b.data["nodes"]) + 5 <= nodes:
        cond, ts, dial, play, vm = f"c{i}", f"t{i}", f"d{i}", f"p{i}", f"v{i}"
        b.node(cond, "condition", rules=[{"variable": "order_no", "op": "prefix", "value": str(i % 10)}])
        b.node(ts, "time_switch", schedule=week).node(dial, "dial", destinations=dests)
        b.node(play, "play", prompt=tts(f"非工作时间{i}")).node(vm, "voicemail")
        for source, exit_name in links:
            b.edge(source, exit_name, cond)
        b.edge(cond, "rule:1", dial).edge(cond, "else", ts)
        b.edge(ts, "match", dial).edge(ts, "else", play).edge(dial, "busy", vm).edge(dial, "failed", vm)
        b.edge(vm, "done", "bye")
        links = [(dial, "no_answer"), (play, "next")]
        i += 1
    for source, exit_name in links:
        b.edge(source, exit_name, "bye")
    return b


def best_of(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    result: dict[str, float] = {"load_1m_start": round(os.getloadavg()[0], 2)}
    print(f"load average (1 min) at start: {result['load_1m_start']}")
    for size in (10, 100, 1000):
        data = chain_flow(size).data

        def pipeline(data: dict[str, object] = data) -> None:
            # compile_plan runs the full analysis itself and refuses flows with errors
            render_asterisk(compile_plan("4006228300", None, load_flow(data)))

        pipeline()  # warm caches (area index, calendar, templates)
        seconds = best_of(pipeline, 5)
        result[f"compile_ms_{size}"] = round(seconds * 1000, 2)
        print(f"validate + compile + render, {len(data['nodes']):>5} nodes: {seconds * 1000:8.2f} ms")
    growth = result["compile_ms_1000"] / max(result["compile_ms_100"], 1e-9)
    result["growth_100_to_1000"] = round(growth, 2)
    print(f"growth 100 → 1000 nodes: ×{growth:.1f} (linear is ×10)")

    menu = load_flow((ROOT / "ivr_flows" / "examples" / "menu.flow.json").read_text(encoding="utf-8"))
    plan = compile_plan("4006228300", None, menu)
    calls = [t.call for t in menu.tests] + [CallSpec(digits="2"), CallSpec(digits="9-1")]
    for call in calls:
        simulate(plan, call)
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < 1.0:
        for call in calls:
            simulate(plan, call)
        n += len(calls)
    rate = n / (time.perf_counter() - start)
    result["sim_calls_per_s"] = round(rate)
    print(f"simulated calls on the menu example: {rate:,.0f} calls/s")
    assert all(r.passed for r in run_flow_tests(menu))

    callers = [
        "13812345678", "+86 139 1234 5678", "16612345678", "19912345678", "17312345678", "020-8888-6666",
        "0755 8666 1234", "0571-88886666", "17951 13512345678", "+85291234567", "", "0756-2222222",
    ]  # fmt: skip
    for raw in callers:
        resolve_caller(raw)
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < 1.0:
        for raw in callers:
            resolve_caller(raw)
        n += len(callers)
    rate = n / (time.perf_counter() - start)
    result["area_lookups_per_s"] = round(rate)
    print(f"caller area look-ups (after warm-up, repeat callers): {rate:,.0f} /s")
    distinct = [f"1{3 + i % 7}{i:09d}" if i % 2 else f"0{20 + i % 10}{i:08d}" for i in range(1, 100_001)]
    start = time.perf_counter()
    for raw in distinct:
        resolve_caller(raw)
    cold = len(distinct) / (time.perf_counter() - start)
    result["area_lookups_distinct_per_s"] = round(cold)
    print(f"caller area look-ups (100,000 distinct numbers, no result cache hits): {cold:,.0f} /s")
    result["load_1m_end"] = round(os.getloadavg()[0], 2)
    print(f"load average (1 min) at end: {result['load_1m_end']}")
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
