"""The record node: start or stop recording the call (R18)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ..dialplan import Step
from .base import FROZEN, ExitSpec, NodeBase, NodeKind, StepContext, no_rules, prop


class RecordProps(BaseModel):
    model_config = FROZEN
    action: Literal["start", "stop"] = prop(
        "start", label="录音", aria="录音动作", options={"start": "开始录音", "stop": "停止录音"}
    )


class RecordNode(NodeBase):
    """Start or stop recording the call (R18). Exit: ``next``."""

    type: Literal["record"]
    props: RecordProps = Field(default_factory=RecordProps)


def _compile(node: RecordNode, ctx: StepContext) -> Step:
    return Step(ctx.step_id, "record", {"action": node.props.action}, ctx.outcomes(KIND.exit_names), node.id)


KIND = NodeKind(
    type="record",
    model=RecordNode,
    name="录音",
    hint="开始或停止通话录音",
    group="basic",
    icon="AudioOutlined",
    color="#595959",
    exits=(ExitSpec("next", "下一步"),),
    check=no_rules,
    compile=_compile,
    ops=("record",),
    defaults={"action": "start"},
    card=("action",),
)
