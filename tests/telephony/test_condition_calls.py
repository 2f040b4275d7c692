"""Each way a condition node compares, in a real Asterisk and in the simulator: the same branch.

The example flow (``order_lookup.flow.json``, called by ``test_flow_cases_agree.py``) covers a prefix on
collected digits, a province, a caller category and a range; here every other op and built-in is called
too — the time of day and weekday (read from Asterisk's clock, so the simulator is asked about now), the
dialled number, a caller prefix, a list, a never-set variable and a number equals. Each plan rings one
phone when its rule holds and another when it does not.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ivr_flows import CallSpec, Dialplan, compile_plan, load_flow, simulate
from tests.telephony.call_lab import CallLab, simulated, steps_agree

YES, NO = "02083334444", "01062345678"


def plan(number: str, rule: dict[str, Any], collect: bool = False) -> Dialplan:
    """start → [collect order_no] → condition(rule) → rings YES on rule:1, NO on else."""
    answer = {"destinations": [{"number": YES, "wait_s": 30}]}
    nodes: list[dict[str, Any]] = [
        {"id": "start", "type": "start"},
        {"id": "route", "type": "condition", "props": {"rules": [rule]}},
        {"id": "yes", "type": "dial", "props": answer},
        {"id": "no", "type": "dial", "props": {"destinations": [{"number": NO, "wait_s": 30}]}},
    ]
    edges = [("route", "rule:1", "yes"), ("route", "else", "no")]
    if collect:
        prompt = {"tts": "请输入"}
        props = {"prompt": prompt, "variable": "order_no", "min_digits": 1, "max_digits": 6, "timeout_s": 3}
        nodes.append({"id": "ask", "type": "collect", "props": props})
        edges += [("start", "next", "ask"), ("ask", "done", "route")]
    else:
        edges.append(("start", "next", "route"))
    doc = {
        "format_version": 1,
        "variables": [
            {"name": "order_no", "type": "number", "label": "订单号"},
            {"name": "note", "type": "text", "label": "备注"},
        ],
        "nodes": nodes,
        "edges": [{"id": f"e{i}", "source": s, "exit": x, "target": t} for i, (s, x, t) in enumerate(edges)],
    }
    return compile_plan(number, None, load_flow(doc))


async def test_every_op_and_built_in_takes_the_same_branch_in_asterisk(tmp_path: Path) -> None:
    now = dt.datetime.now(ZoneInfo("Asia/Shanghai"))
    if now.minute == 59 and now.second > 30:  # the hour must not change between here and the calls
        await asyncio.sleep(61 - now.second)
        now = dt.datetime.now(ZoneInfo("Asia/Shanghai"))
    phones = {
        YES: {"state": "answer", "answer_after_s": 1, "talk_s": 1},
        NO: {"state": "answer", "answer_after_s": 1, "talk_s": 1},
    }
    cases: list[tuple[str, dict[str, Any], dict[str, Any], bool, bool]] = [
        ("hour", {"variable": "hour", "op": "range", "value": {"min": now.hour, "max": now.hour}}, {}, False, True),
        ("weekday", {"variable": "weekday", "op": "equals", "value": str(now.isoweekday())}, {}, False, True),
        ("other weekday", {"variable": "weekday", "op": "equals", "value": str(now.isoweekday() % 7 + 1)}, {}, False, False),
        ("dialled", {"variable": "dialled", "op": "prefix", "value": "4006228"}, {}, False, True),
        ("caller prefix", {"variable": "caller", "op": "prefix", "value": "0755"}, {"caller": "075588886666"}, False, True),
        ("category list", {"variable": "caller_category", "op": "in_list", "value": ["pbx", "did"]}, {"category": "pbx"}, False, True),
        ("not in list", {"variable": "caller_category", "op": "in_list", "value": ["pbx", "did"]}, {"category": "office"}, False, False),
        ("province", {"variable": "caller_province", "op": "equals", "value": "广东"}, {"caller": "075588886666"}, False, True),
        ("other province", {"variable": "caller_province", "op": "equals", "value": "广东"}, {"caller": "01087654321"}, False, False),
        ("unknown city", {"variable": "caller_city", "op": "empty"}, {"caller": "+12125550100"}, False, True),
        ("never set", {"variable": "note", "op": "empty"}, {}, False, True),
        ("number equals", {"variable": "order_no", "op": "equals", "value": "150"}, {"digits": "0150#"}, True, True),
        ("number range", {"variable": "order_no", "op": "range", "value": {"min": 100, "max": 200}}, {"digits": "250#"}, True, False),
    ]  # fmt: skip
    staged = []
    for k, (name, rule, call, collect, holds) in enumerate(cases):
        p = plan(f"40062284{k:02d}", rule, collect)
        spec = CallSpec.model_validate({"phones": phones, "at": now.replace(tzinfo=None), **call})
        expected = simulated(p, simulate(p, spec))
        assert expected.rung == [YES if holds else NO], name  # the simulator decides as the case says
        staged.append((name, p, spec, expected))
    async with CallLab(tmp_path, [p for _, p, _, _ in staged]).running() as lab:
        outlines = await asyncio.gather(*(lab.call(p.number, spec) for _, p, spec, _ in staged))
    problems = {}
    for (name, _, _, expected), outline in zip(staged, outlines, strict=True):
        if outline.shape() != expected.shape():
            problems[name] = f"asterisk {outline.shape()}\n  simulator {expected.shape()}"
        elif late := steps_agree(outline, expected):
            problems[name] = "; ".join(late)
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())
