"""The collect node: the caller keys in a number (order number, extension) and a flow variable keeps it.

The caller ends the entry with ``#``, or it ends by itself at the maximum number of digits or when no
key follows within the timeout. ``*`` counts as a key pressed but is not kept (a variable holds digits
only). Fewer than the minimum digits is an invalid entry, none at all a timeout; each failure is
retried with a prompt, as a menu is.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Literal

from pydantic import BaseModel

from ..diagnostics import Diagnostic
from ..dialplan import Step
from ..variables import VarUse
from .base import FROZEN, ExitSpec, NodeBase, NodeKind, PlayedPrompt, PromptRef, StepContext, prop
from .shared import diagnostic


class CollectProps(BaseModel):
    model_config = FROZEN
    prompt: PromptRef = prop(label="输入提示音", widget="prompt", use="prompt")
    variable: str = prop(
        "",
        label="保存到变量",
        help="输入的号码存入这个变量,之后的条件判断可以使用;变量在「变量」页中添加",
        widget="variable",
        max_length=32,
    )
    min_digits: int = prop(1, label="最少输入", unit="位", ge=1, le=32)
    max_digits: int = prop(
        8, label="最多输入", unit="位", help="按满位数自动结束;也可以按#号结束输入", ge=1, le=32
    )
    timeout_s: int = prop(5, label="等待按键", unit="秒", help="两次按键之间最长等待的时间", ge=1, le=60)
    max_retries: int = prop(2, label="重试次数", help="没有输入或位数不够后重新提示的次数", ge=0, le=9)
    invalid_prompt: PromptRef | None = prop(None, label="位数不够时的提示", widget="prompt", use="prompt")


class CollectNode(NodeBase):
    """Reads digits into a variable. Exits: ``done``, ``timeout`` (nothing entered), ``invalid``."""

    type: Literal["collect"]
    props: CollectProps

    def prompts(self) -> tuple[PlayedPrompt, ...]:
        p = self.props
        return tuple(PlayedPrompt(r) for r in (p.prompt, p.invalid_prompt) if r is not None)

    def variables_used(self) -> tuple[VarUse, ...]:
        return (VarUse(self.props.variable, "set", "输入号码"),) if self.props.variable else ()

    def variables_set(self, exit_name: str) -> tuple[str, ...]:
        return (self.props.variable,) if exit_name == "done" and self.props.variable else ()


def _check(node: CollectNode, exits: Collection[str]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    if not node.props.variable:
        message = "输入号码还没有选择保存到哪个变量"
        out.append(diagnostic("collect_no_variable", "error", message, node.id))
    if node.props.min_digits > node.props.max_digits:
        message = (
            f"最少输入{node.props.min_digits}位,多于最多输入的{node.props.max_digits}位,来电者无法输入完成"
        )
        out.append(diagnostic("collect_digits_order", "error", message, node.id))
    if "done" not in exits:
        message = "输入号码没有连接“输入完成”出口,输入后将挂机"
        out.append(diagnostic("collect_missing_done", "warning", message, node.id))
    return out


def _compile(node: CollectNode, ctx: StepContext) -> Step:
    p = node.props
    info = ctx.variables.get(p.variable)
    args: dict[str, Any] = {
        "prompt": ctx.prompt(p.prompt),
        "variable": p.variable,
        "label": info.label if info else p.variable,
        "min_digits": p.min_digits,
        "max_digits": p.max_digits,
        "timeout_s": p.timeout_s,
        "max_retries": p.max_retries,
        "invalid_prompt": ctx.prompt(p.invalid_prompt) or ctx.system("sys-menu-invalid"),
        "timeout_prompt": ctx.system("sys-menu-timeout"),
    }
    return Step(ctx.step_id, "collect", args, ctx.outcomes(KIND.exit_names), node.id)


KIND = NodeKind(
    type="collect",
    model=CollectNode,
    name="输入号码",
    hint="让来电者输入订单号、分机号等",
    group="data",
    icon="FieldNumberOutlined",
    color="#13c2c2",
    exits=(ExitSpec("done", "输入完成"), ExitSpec("timeout", "未输入"), ExitSpec("invalid", "位数不够")),
    check=_check,
    compile=_compile,
    ops=("collect",),
    defaults={
        "prompt": {"tts": "请输入您的订单号,以井号键结束"},
        "variable": "",
        "min_digits": 1,
        "max_digits": 8,
        "timeout_s": 5,
        "max_retries": 2,
    },
    card=("prompt", "variable"),
    takes_input=True,
)
