"""The module node (子流程) and a module's return point (返回).

A module is a customer's reusable sub-flow (a shared after-hours menu): a flow document of kind
``module`` whose ``start`` is its entry and whose ``module_exit`` nodes are its ways back. A flow calls a
*published* module version with a ``module`` node; each return point's name becomes an exit of that
node, ``exit:<name>``. The compiler inlines the module's nodes (:mod:`ivr_flows.modules`), so neither
runtime knows modules exist: both nodes compile to a pass-through step (the ``start`` op), which keeps
them on a call's path.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final, Literal

from pydantic import BaseModel, Field

from ..diagnostics import Diagnostic
from ..dialplan import Step
from .base import FROZEN, NodeBase, NodeKind, StepContext, prop
from .shared import diagnostic

__all__ = ["EXIT_PREFIX", "MAX_EXIT_NAME", "ModuleNode", "pass_through"]

#: A module node's exits: one per return point of the module, ``exit:<return point's name>``.
EXIT_PREFIX: Final = "exit:"
#: Edge exits hold at most 32 characters, prefix included.
MAX_EXIT_NAME: Final = 20


class ModuleProps(BaseModel):
    model_config = FROZEN
    #: Empty in a node fresh from the palette: the rules ask for a choice (``module_unset``).
    module: str = prop("", label="子流程", widget="module", max_length=64)
    version: int = prop(1, label="版本", help="调用子流程的哪个已发布版本", ge=1)


class ModuleNode(NodeBase):
    """Calls a published module version. Exits: ``exit:<name>`` for each of the module's return points."""

    type: Literal["module"]
    props: ModuleProps = Field(default_factory=ModuleProps)


def _check_module(node: ModuleNode, exits: Collection[str]) -> list[Diagnostic]:
    if not node.props.module:
        return [diagnostic("module_unset", "error", "还没有选择要调用的子流程", node.id)]
    return []


def pass_through(node: NodeBase, ctx: StepContext) -> Step:
    """Outside inlining (a module analysed or compiled on its own) both nodes simply go on."""
    return Step(ctx.step_id, "start", {}, ctx.outcomes(("next",)), node.id)


KIND = NodeKind(
    type="module",
    model=ModuleNode,
    name="子流程",
    hint="调用本账户已发布的子流程(如公共的下班菜单)",
    group="basic",
    icon="ApartmentOutlined",
    color="#2f54eb",
    exits=(),
    open_exits=EXIT_PREFIX,
    check=_check_module,
    compile=pass_through,
    ops=("start",),
    defaults={"module": "", "version": 1},
    card=("module", "version"),
    in_palette=False,
)
