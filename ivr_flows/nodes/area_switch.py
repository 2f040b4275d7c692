"""The area switch node: routing by the caller's area (R14)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

from pydantic import BaseModel

from ..diagnostics import Diagnostic
from ..dialplan import Step
from .base import FROZEN, ExitSpec, NodeBase, NodeKind, StepContext, prop
from .shared import area_codes, check_areas, diagnostic


class AreaSwitchProps(BaseModel):
    model_config = FROZEN
    areas: list[str] = prop(
        label="地区",
        help="匹配这些地区(按区号)的来电走「匹配」出口;选整个省或市即选中其下所有区号",
        widget="areas",
        max_length=500,
    )


class AreaSwitchNode(NodeBase):
    """Routing by caller area (R14). Exits: ``match`` (caller in one of the areas), ``else``.

    Areas are area codes ('020'), provinces ('广东'), cities ('广州') or 'unknown'.
    """

    type: Literal["area_switch"]
    props: AreaSwitchProps


def _check(node: AreaSwitchNode, exits: Collection[str]) -> list[Diagnostic]:
    if not node.props.areas:
        return [diagnostic("area_switch_empty", "error", "地区判断还没有选择任何地区", node.id)]
    return check_areas(node.props.areas, node.id, "地区条件中")


def _compile(node: AreaSwitchNode, ctx: StepContext) -> Step:
    args = {"areas": list(area_codes(tuple(node.props.areas)))}
    return Step(ctx.step_id, "area_switch", args, ctx.outcomes(KIND.exit_names), node.id)


KIND = NodeKind(
    type="area_switch",
    model=AreaSwitchNode,
    name="地区判断",
    hint="按来电地区分流",
    group="routing",
    icon="EnvironmentOutlined",
    color="#d48806",
    exits=(ExitSpec("match", "匹配"), ExitSpec("else", "否则")),
    check=_check,
    compile=_compile,
    ops=("area_switch",),
    defaults={"areas": []},
    card=("areas",),
)
