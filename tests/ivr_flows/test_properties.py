"""Property-based robustness over generated flows, valid and broken (hypothesis)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ivr_flows import CallSpec, FlowError, analyse, compile_plan, load_flow, render_asterisk, simulate
from ivr_flows.diagnostics import errors_in
from ivr_flows.model import EXITS

LINTER = Path(sys.executable).parent / "asterisklint"
NUMBERS = ["13812345678", "02088886666", "07562222222", "+85291234567", "15612345678", "bad"]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

prompt = st.one_of(
    st.builds(lambda t: {"tts": t}, st.text(min_size=1, max_size=8)),
    st.builds(lambda p: {"prompt": p}, st.text(min_size=1, max_size=8)),
)
window = st.fixed_dictionaries(
    {
        "days": st.lists(st.integers(1, 7), min_size=1, max_size=7),
        "start": st.sampled_from(["00:00", "08:30", "12:00", "22:00"]),
        "end": st.sampled_from(["00:00", "02:00", "12:00", "17:30", "24:00"]),
    }
)
destination = st.fixed_dictionaries(
    {
        "number": st.sampled_from(NUMBERS),
        "wait_s": st.integers(1, 60),
        "allowed_areas": st.lists(st.sampled_from(["广东", "020", "北京", "unknown"]), max_size=2),
    }
)
PROPS: dict[str, st.SearchStrategy[dict[str, Any]]] = {
    "start": st.just({}),
    "play": st.fixed_dictionaries({"prompt": prompt, "early_media": st.booleans()}),
    "menu": st.fixed_dictionaries({"prompt": prompt, "max_retries": st.integers(0, 3)}),
    "time_switch": st.fixed_dictionaries(
        {
            "schedule": st.fixed_dictionaries(
                {"windows": st.lists(window, max_size=3), "observe_holidays": st.booleans()}
            )
        }
    ),
    "area_switch": st.fixed_dictionaries(
        {"areas": st.lists(st.sampled_from(["广东", "0756", "unknown", "火星"]), min_size=1)}
    ),
    "caller_list": st.fixed_dictionaries(
        {"entries": st.lists(st.sampled_from(["138", "0755", "*1", "020"]), min_size=1)}
    ),
    "dial": st.fixed_dictionaries(
        {
            "destinations": st.lists(destination, max_size=3),
            "strategy": st.sampled_from(["sequential", "ring_all"]),
        }
    ),
    "voicemail": st.just({}),
    "record": st.fixed_dictionaries({"action": st.sampled_from(["start", "stop"])}),
    "hangup": st.just({}),
}


@st.composite
def flows(draw: st.DrawFn) -> dict[str, Any]:
    count = draw(st.integers(1, 10))
    types = ["start"] + [draw(st.sampled_from(sorted(PROPS))) for _ in range(count)]
    ids = [f"n{i}" if draw(st.integers(0, 9)) else f"n,{i};$[x]" for i in range(len(types))]
    nodes = [{"id": i, "type": t, "props": draw(PROPS[t])} for i, t in zip(ids, types, strict=True)]
    edges = []
    for node_id, node_type in zip(ids, types, strict=True):
        exits = list(EXITS[node_type]) + (["digit:1", "digit:2", "digit:#"] if node_type == "menu" else [])
        for exit_name in exits:
            if draw(st.integers(0, 3)):
                target = draw(st.sampled_from([*ids[1:], "ghost"] if len(ids) > 1 else ["ghost"]))
                edges.append({"id": f"e{len(edges)}", "source": node_id, "exit": exit_name, "target": target})
    return {"format_version": 1, "nodes": nodes, "edges": edges}


calls = st.builds(
    CallSpec,
    caller=st.sampled_from(["13812345678", "020-8888-1234", "", "+85291234567", "075512345678"]),
    at=st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2027, 12, 31)),
    digits=st.lists(st.builds(dict, key=st.sampled_from(["1", "2", "#", "9", None])), max_size=6),
    phones=st.dictionaries(
        st.sampled_from(NUMBERS[:3]),
        st.builds(dict, state=st.sampled_from(["answer", "busy", "no_answer", "switched_off"])),
    ),
    max_steps=st.integers(5, 60),
)


@SETTINGS
@given(flows(), calls)
def test_analysis_never_raises_compile_is_deterministic_and_simulation_ends(
    data: dict[str, Any], call: CallSpec
) -> None:
    flow = load_flow(data)
    found = analyse(flow)
    if errors_in(found):
        try:
            compile_plan("4006228300", None, flow)
        except FlowError as exc:
            assert exc.diagnostics == errors_in(found)
        else:  # pragma: no cover - would be a bug
            raise AssertionError("a flow with errors compiled")
        return
    plan = compile_plan("4006228300", None, flow)
    assert plan.to_json() == compile_plan("4006228300", None, load_flow(data)).to_json()
    trace = simulate(plan, call)
    assert len(trace.steps) <= call.max_steps
    assert trace.outcome in {"answered", "voicemail", "hangup", "rejected", "loop"}
    assert [e.t for e in trace.events] == sorted(e.t for e in trace.events)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flows())
def test_asterisk_output_of_every_valid_flow_lints_clean(data: dict[str, Any]) -> None:
    flow = load_flow(data)
    if errors_in(analyse(flow)):
        return
    text = render_asterisk(compile_plan("4006228300", None, flow))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "extensions.conf"
        path.write_text(text, encoding="utf-8")
        proc = subprocess.run(
            [str(LINTER), "dialplan-check", str(path)], capture_output=True, text=True, timeout=120
        )
    assert proc.returncode == 0, proc.stderr + proc.stdout
