"""The hang-up node: end the call, optionally after an announcement."""

from __future__ import annotations

from typing import Any, Final, Literal

from pydantic import BaseModel, Field

from ..dialplan import Step
from .base import FROZEN, NodeBase, NodeKind, PlayedPrompt, PromptRef, StepContext, no_rules, prop

#: Hangup causes and their Q.850 codes (what Asterisk's ``Hangup()`` takes).
HANGUP_CAUSES: Final[dict[str, int]] = {
    "normal": 16,
    "busy": 17,
    "rejected": 21,
    "unallocated": 1,
    "congestion": 34,
}


class HangupProps(BaseModel):
    model_config = FROZEN
    announcement: PromptRef | None = prop(None, label="结束语", widget="prompt", use="prompt")
    cause: Literal["normal", "busy", "rejected", "unallocated", "congestion"] = prop(
        "normal",
        label="挂机原因",
        options={
            "normal": "正常结束",
            "busy": "忙",
            "rejected": "拒接",
            "unallocated": "空号",
            "congestion": "线路拥塞",
        },
    )


class HangupNode(NodeBase):
    """End the call, optionally after an announcement. No exits."""

    type: Literal["hangup"]
    props: HangupProps = Field(default_factory=HangupProps)

    def prompts(self) -> tuple[PlayedPrompt, ...]:
        return () if self.props.announcement is None else (PlayedPrompt(self.props.announcement),)


def _compile(node: HangupNode, ctx: StepContext) -> Step:
    cause = node.props.cause
    args: dict[str, Any] = {
        "prompt": ctx.prompt(node.props.announcement),
        "cause": cause,
        "q850": HANGUP_CAUSES[cause],
    }
    return Step(ctx.step_id, "hangup", args, {}, node.id)


KIND = NodeKind(
    type="hangup",
    model=HangupNode,
    name="挂机",
    hint="结束通话,可先播放结束语",
    group="end",
    icon="PoweroffOutlined",
    color="#cf1322",
    exits=(),
    check=no_rules,
    compile=_compile,
    ops=("hangup",),
    defaults={"cause": "normal"},
    card=("announcement", "cause"),
)
