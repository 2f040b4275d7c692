"""The caller list node: routing by the caller's number or its leading digits (R15 in a flow)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

from pydantic import BaseModel

from ..diagnostics import Diagnostic
from ..dialplan import Step
from ..policies import normalise_list_entry
from .base import FROZEN, ExitSpec, NodeBase, NodeKind, StepContext, prop
from .shared import check_list_entries, diagnostic


class CallerListProps(BaseModel):
    model_config = FROZEN
    entries: list[str] = prop(
        label="来电号码或号段",
        help="每行一个,可批量粘贴;整号或号码开头的几位(不能是结尾)",
        widget="lines",
        max_length=10000,
    )


class CallerListNode(NodeBase):
    """Routing by caller number or prefix (R15 in a flow). Exits: ``match``, ``else``."""

    type: Literal["caller_list"]
    props: CallerListProps


def _check(node: CallerListNode, exits: Collection[str]) -> list[Diagnostic]:
    if not node.props.entries:
        return [diagnostic("caller_list_empty", "error", "来电号码判断还没有填写任何号码或号段", node.id)]
    return check_list_entries(node.props.entries, node.id, "名单号码")


def _compile(node: CallerListNode, ctx: StepContext) -> Step:
    prefixes = sorted({e for e in map(normalise_list_entry, node.props.entries) if e})
    return Step(ctx.step_id, "caller_match", {"prefixes": prefixes}, ctx.outcomes(KIND.exit_names), node.id)


KIND = NodeKind(
    type="caller_list",
    model=CallerListNode,
    name="来电号码判断",
    hint="按来电号码或号段分流",
    group="routing",
    icon="UnorderedListOutlined",
    color="#d48806",
    exits=(ExitSpec("match", "匹配"), ExitSpec("else", "否则")),
    check=_check,
    compile=_compile,
    ops=("caller_match",),
    defaults={"entries": []},
    card=("entries",),
)
