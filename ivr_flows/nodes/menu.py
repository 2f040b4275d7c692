"""The menu node: IVR navigation (R19), "查询请拨1,人工服务请拨2"."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Final, Literal

from pydantic import BaseModel

from ..diagnostics import Diagnostic
from ..dialplan import Step
from .base import FROZEN, ExitSpec, KeyExits, NodeBase, NodeKind, PlayedPrompt, PromptRef, StepContext, prop
from .shared import diagnostic

#: Keys in the order the compiler lays out a menu's outcomes.
MENU_KEYS: Final = "0123456789*#"
MenuKey = Literal["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#"]
DIGIT_PREFIX: Final = "digit:"


class MenuProps(BaseModel):
    model_config = FROZEN
    prompt: PromptRef = prop(label="菜单提示音", widget="prompt", use="prompt")
    #: The keys the designer offers. Only connected keys reach the caller (the compiler reads the edges);
    #: a ticked key without a connection is kept so the designer can connect it later, and analysis says so.
    #: None in documents saved before keys were kept: the editor then offers the connected keys.
    keys: list[MenuKey] | None = prop(None, label="可按的键", widget="keys", max_length=12)
    timeout_s: int = prop(5, label="等待按键", unit="秒", ge=1, le=60)
    max_retries: int = prop(2, label="重试次数", help="按错键或未按键后重新提示的次数", ge=0, le=9)
    invalid_prompt: PromptRef | None = prop(None, label="按错键时的提示", widget="prompt", use="prompt")
    timeout_prompt: PromptRef | None = prop(None, label="未按键时的提示", widget="prompt", use="prompt")


class MenuNode(NodeBase):
    """IVR navigation (R19). Exits: ``digit:<key>`` for 0–9, * and #, ``timeout``, ``invalid``."""

    type: Literal["menu"]
    props: MenuProps

    def prompts(self) -> tuple[PlayedPrompt, ...]:
        p = self.props
        return tuple(PlayedPrompt(r) for r in (p.prompt, p.invalid_prompt, p.timeout_prompt) if r is not None)


def _check(node: MenuNode, exits: Collection[str]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    nid = node.id
    connected = {x[len(DIGIT_PREFIX) :] for x in exits if x.startswith(DIGIT_PREFIX)}
    offered = node.props.keys
    if not connected:
        if offered:
            message = f"按键{'、'.join(k for k in KIND_KEYS if k in offered)}还没有连到下一步"
        elif offered is not None:
            message = "菜单还没有可按的键:在「可按的键」中勾选,再把按键连到下一步"
        else:
            message = "菜单没有任何按键连到下一步"
        out.append(diagnostic("menu_no_options", "error", message, nid))
    elif offered:
        loose = [k for k in KIND_KEYS if k in offered and k not in connected]
        if loose:
            message = f"按键{'、'.join(loose)}还没有连到下一步,来电者按了会当作按错键"
            out.append(diagnostic("menu_key_unconnected", "warning", message, nid))
    if "timeout" not in exits:
        out.append(diagnostic("menu_missing_timeout", "warning", "菜单没有“超时”出口,超时后将挂机", nid))
    if "invalid" not in exits:
        message = "菜单没有“按键错误”出口,多次输入错误后将挂机"
        out.append(diagnostic("menu_missing_invalid", "warning", message, nid))
    return out


def _compile(node: MenuNode, ctx: StepContext) -> Step:
    menu = node.props
    keys = "".join(k for k in MENU_KEYS if f"{DIGIT_PREFIX}{k}" in ctx.exits)
    args: dict[str, Any] = {
        "prompt": ctx.prompt(menu.prompt),
        "keys": keys,
        "timeout_s": menu.timeout_s,
        "max_retries": menu.max_retries,
        "invalid_prompt": ctx.prompt(menu.invalid_prompt) or ctx.system("sys-menu-invalid"),
        "timeout_prompt": ctx.prompt(menu.timeout_prompt) or ctx.system("sys-menu-timeout"),
    }
    outcomes = ctx.outcomes([f"{DIGIT_PREFIX}{k}" for k in keys] + list(KIND.exit_names))
    return Step(ctx.step_id, "menu", args, outcomes, node.id)


#: Keys in the order designers see them (on the phone's keypad).
KIND_KEYS: Final = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#")

KIND = NodeKind(
    type="menu",
    model=MenuNode,
    name="按键菜单",
    hint="请拨1、请拨2……",
    group="basic",
    icon="NumberOutlined",
    color="#722ed1",
    exits=(ExitSpec("timeout", "超时"), ExitSpec("invalid", "输入错误")),
    key_exits=KeyExits(prop="keys", prefix=DIGIT_PREFIX, keys=KIND_KEYS, label="按{key}"),
    check=_check,
    compile=_compile,
    ops=("menu",),
    defaults={
        "prompt": {"tts": "查询请拨1,人工服务请拨2"},
        "keys": ["1", "2"],
        "timeout_s": 5,
        "max_retries": 2,
    },
    card=("prompt",),
    takes_input=True,
)
