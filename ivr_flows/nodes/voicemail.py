"""The voicemail node: the caller leaves a message (R17)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from ..dialplan import Step
from .base import FROZEN, ExitSpec, NodeBase, NodeKind, PlayedPrompt, PromptRef, StepContext, no_rules, prop


class VoicemailProps(BaseModel):
    model_config = FROZEN
    greeting: PromptRef | None = prop(None, label="留言提示音", widget="prompt", use="greeting")
    max_length_s: int = prop(120, label="最长留言", unit="秒", ge=5, le=600)
    #: Messages go to the 400 number's own mailbox unless another is named (not offered in the editor).
    mailbox: str | None = prop(None, label="留言信箱", form=False, max_length=40)


class VoicemailNode(NodeBase):
    """Leave a message (R17). Exit: ``done``."""

    type: Literal["voicemail"]
    props: VoicemailProps = Field(default_factory=VoicemailProps)

    def prompts(self) -> tuple[PlayedPrompt, ...]:
        return () if self.props.greeting is None else (PlayedPrompt(self.props.greeting),)


def _compile(node: VoicemailNode, ctx: StepContext) -> Step:
    vm = node.props
    args: dict[str, Any] = {
        "mailbox": vm.mailbox or ctx.number,
        "greeting": ctx.prompt(vm.greeting),
        "max_length_s": vm.max_length_s,
    }
    return Step(ctx.step_id, "voicemail", args, ctx.outcomes(KIND.exit_names), node.id)


KIND = NodeKind(
    type="voicemail",
    model=VoicemailNode,
    name="语音留言",
    hint="请在提示音后留言",
    group="end",
    icon="MessageOutlined",
    color="#c41d7f",
    exits=(ExitSpec("done", "留言完成"),),
    check=no_rules,
    compile=_compile,
    ops=("voicemail",),
    defaults={"max_length_s": 120},
    card=("greeting", "max_length_s"),
)
