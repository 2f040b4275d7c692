"""A percentage split in a real Asterisk: each call draws 1–100 and takes the branch the weights give it.

The example cases (``test_flow_cases_agree``) name their branches, which the call lab passes as
``SPLIT_BRANCHES``; here nothing is named, so Asterisk draws as in production, and the branch each call
took must be the one its draw falls in (``[70, 30]``: 1–70 the head office, 71–100 the branch office).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from ivr_flows import CallSpec, PhoneBehaviour, compile_plan, load_flow
from ivr_flows.nodes.split import branch_of_draw
from tests.telephony.asterisk_instance import REPO
from tests.telephony.call_lab import CallLab

EXAMPLE = REPO / "ivr_flows" / "examples" / "split.flow.json"
OFFICES = ("01062345678", "02083334444")


async def test_each_call_draws_and_takes_the_branch_its_draw_falls_in(tmp_path: Path) -> None:
    plan = compile_plan("4006228390", None, load_flow(EXAMPLE.read_text(encoding="utf-8")))
    (split,) = [s for s in plan.steps if s.op == "split"]
    weights = split.args["weights"]
    answer = PhoneBehaviour(state="answer", answer_after_s=0.5, talk_s=0.5)
    drawn = CallSpec(phones=dict.fromkeys(OFFICES, answer))
    named = drawn.model_copy(update={"split": [2]})
    async with CallLab(tmp_path, [plan]).running() as lab:
        outlines = await asyncio.gather(*(lab.call(plan.number, drawn) for _ in range(8)))
        pinned = await lab.call(plan.number, named)
    for outline in outlines:
        assert len(outline.split_draws) == 1, outline
        (draw,) = outline.split_draws
        assert 1 <= draw <= 100
        assert outline.rung == [OFFICES[branch_of_draw(weights, draw) - 1]], (draw, outline.rung)
    # a branch the test names replaces the draw: no draw, the branch office rings
    assert pinned.split_draws == [] and pinned.rung == [OFFICES[1]]
