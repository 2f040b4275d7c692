"""The percentage split node (按比例分流): callers shared out among branches by weight, drawn per call.

A designer sends, say, 70 % of calls to the head office and 30 % to a branch office. Each call draws a
whole number from 1 to 100 and takes the first branch whose running total of weights reaches it, so a
branch of weight *w* gets *w* % of calls. The simulator takes the branch as an input of the call (or draws
it from a seeded generator and says so); Asterisk draws with ``RAND(1,100)``.
"""

from __future__ import annotations

from collections.abc import Collection
from itertools import accumulate
from typing import Final, Literal

from pydantic import BaseModel

from ..diagnostics import Diagnostic
from ..dialplan import Step
from .base import FROZEN, ListExits, NodeBase, NodeKind, StepContext, prop
from .shared import diagnostic

__all__ = ["BRANCH_PREFIX", "MAX_BRANCHES", "MIN_BRANCHES", "SplitBranch", "SplitNode", "branch_of_draw"]

BRANCH_PREFIX: Final = "branch:"
MIN_BRANCHES: Final = 2
MAX_BRANCHES: Final = 10
#: Weights are percentages: they must add up to this.
TOTAL: Final = 100


class SplitBranch(BaseModel):
    """One branch: what the designer calls it and its share of calls in percent."""

    model_config = FROZEN
    label: str = prop("", label="分支名称", max_length=20)
    weight: int = prop(label="比例", unit="%", ge=1, le=TOTAL)


class SplitProps(BaseModel):
    model_config = FROZEN
    #: Up to ten branches load; fewer than two is a draft the rules report (``split_branches_few``).
    branches: list[SplitBranch] = prop(
        label="分流分支",
        help="每通来电按比例随机进入一个分支,各分支比例之和须为100%",
        widget="branches",
        max_length=MAX_BRANCHES,
    )


class SplitNode(NodeBase):
    """Percentage split. Exits: ``branch:<n>`` for each branch, numbered from 1."""

    type: Literal["split"]
    props: SplitProps


def branch_of_draw(weights: list[int], draw: int) -> int:
    """The branch (from 1) a draw of 1–100 takes: the first whose running total of weights reaches it.

    The last branch takes whatever is left, so the runtimes never need a total of exactly 100.
    """
    for n, total in enumerate(accumulate(weights), start=1):
        if draw <= total:
            return n
    return len(weights)


def _check(node: SplitNode, exits: Collection[str]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    nid = node.id
    branches = node.props.branches
    if len(branches) < MIN_BRANCHES:
        message = f"按比例分流至少需要{MIN_BRANCHES}个分支,现在只有{len(branches)}个"
        out.append(diagnostic("split_branches_few", "error", message, nid))
    total = sum(b.weight for b in branches)
    if branches and total != TOTAL:
        message = f"各分支比例之和须为100%,现在是{total}%"
        out.append(diagnostic("split_weights", "error", message, nid))
    count = len(branches)
    loose = [str(n) for n in range(1, count + 1) if f"{BRANCH_PREFIX}{n}" not in exits]
    if loose:
        message = f"分支{'、'.join(loose)}还没有连到下一步,分到这些分支的来电将挂机"
        out.append(diagnostic("split_branch_unconnected", "warning", message, nid))
    return out


def _compile(node: SplitNode, ctx: StepContext) -> Step:
    weights = [b.weight for b in node.props.branches]
    outcomes = ctx.outcomes([f"{BRANCH_PREFIX}{n}" for n in range(1, len(weights) + 1)])
    return Step(ctx.step_id, "split", {"weights": weights}, outcomes, node.id)


KIND = NodeKind(
    type="split",
    model=SplitNode,
    name="按比例分流",
    hint="按设定比例把来电分到不同分支",
    group="routing",
    icon="ForkOutlined",
    color="#13a8a8",
    exits=(),
    list_exits=ListExits(
        prop="branches", prefix=BRANCH_PREFIX, most=MAX_BRANCHES, label="分支{n}", label_field="label"
    ),
    check=_check,
    compile=_compile,
    ops=("split",),
    defaults={"branches": [{"label": "", "weight": 50}, {"label": "", "weight": 50}]},
    card=("branches",),
    in_palette=True,
)
