"""The play node: an announcement, or a ringback played before the call is answered."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from ..dialplan import Step
from .base import FROZEN, ExitSpec, NodeBase, NodeKind, PlayedPrompt, PromptRef, StepContext, no_rules, prop


class PlayProps(BaseModel):
    model_config = FROZEN
    prompt: PromptRef = prop(
        label="提示音", widget="prompt", use="prompt", use_when={"early_media": "ringback"}
    )
    early_media: bool = prop(False, label="作为彩铃播放", help="不摘机、不计费")


class PlayNode(NodeBase):
    """An announcement, or early-media ringback when ``early_media``. Exit: ``next``."""

    type: Literal["play"]
    props: PlayProps

    def prompts(self) -> tuple[PlayedPrompt, ...]:
        return (PlayedPrompt(self.props.prompt, ringback=self.props.early_media),)


def _compile(node: PlayNode, ctx: StepContext) -> Step:
    args: dict[str, Any] = {"prompt": ctx.prompt(node.props.prompt), "early_media": node.props.early_media}
    return Step(ctx.step_id, "play", args, ctx.outcomes(KIND.exit_names), node.id)


KIND = NodeKind(
    type="play",
    model=PlayNode,
    name="放音",
    hint="播放提示音或彩铃",
    group="basic",
    icon="SoundOutlined",
    color="#1464c8",
    exits=(ExitSpec("next", "下一步"),),
    check=no_rules,
    compile=_compile,
    ops=("play",),
    defaults={"prompt": {"tts": "欢迎致电"}, "early_media": False},
    card=("prompt",),
)
