"""A module's return point (返回): where a module (子流程) gives the call back to the flow calling it.

Only a flow document of kind ``module`` may hold one (:mod:`ivr_flows.modules`); its name becomes the exit
``exit:<name>`` of every node calling the module, and the compiler wires it to what that exit leads to.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

from pydantic import BaseModel, Field

from ..diagnostics import Diagnostic
from .base import FROZEN, NodeBase, NodeKind, prop
from .module import MAX_EXIT_NAME, pass_through
from .shared import diagnostic

__all__ = ["ModuleExitNode"]


class ModuleExitProps(BaseModel):
    model_config = FROZEN
    name: str = prop(
        "", label="返回名称", help="调用这个子流程的节点上,以此名称出现一个出口", max_length=MAX_EXIT_NAME
    )


class ModuleExitNode(NodeBase):
    """A module's return point: the call goes on at the calling node's exit of the same name. No exits."""

    type: Literal["module_exit"]
    props: ModuleExitProps = Field(default_factory=ModuleExitProps)


def _check_exit(node: ModuleExitNode, exits: Collection[str]) -> list[Diagnostic]:
    if not node.props.name.strip():
        return [diagnostic("module_exit_unnamed", "error", "返回节点还没有填写名称", node.id)]
    return []


KIND = NodeKind(
    type="module_exit",
    model=ModuleExitNode,
    name="返回",
    hint="子流程在此结束,回到调用它的流程",
    group="end",
    icon="RollbackOutlined",
    color="#2f54eb",
    exits=(),
    check=_check_exit,
    compile=pass_through,
    ops=("start",),
    defaults={"name": "完成"},
    card=("name",),
    in_palette=False,
)
