"""The start node: where the flow begins, after the number-level policies."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..dialplan import Step
from .base import ExitSpec, NodeBase, NodeKind, NoProps, StepContext, no_rules


class StartNode(NodeBase):
    """Where the flow begins, after the number-level policies. Exit: ``next``."""

    type: Literal["start"]
    props: NoProps = Field(default_factory=NoProps)


def _compile(node: StartNode, ctx: StepContext) -> Step:
    return Step(ctx.step_id, "start", {}, ctx.outcomes(KIND.exit_names), node.id)


KIND = NodeKind(
    type="start",
    model=StartNode,
    name="开始",
    hint="来电从这里进入流程",
    group="basic",
    icon="PlayCircleOutlined",
    color="#389e0d",
    exits=(ExitSpec("next", "下一步"),),
    check=no_rules,
    compile=_compile,
    ops=("start",),
    in_palette=False,
)
