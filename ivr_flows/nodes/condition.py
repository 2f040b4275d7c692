"""The condition node: branch on flow variables, several rules in order, then "else".

Each rule compares one variable (declared or built in, :mod:`ivr_flows.variables`): ``equals`` a value,
``in_list`` (one of several values), ``prefix`` (starts with), ``range`` (a number from ``min`` to ``max``,
both included; either may be left open) or ``empty``. The first rule that holds decides: the call leaves
by ``rule:<n>`` (its position, from 1); when none holds, by ``else``.

The compiler does what runtimes should not: a number variable ``equals`` becomes a one-value range (so
``05`` equals ``5``), and the caller's province or city becomes the area codes it covers, compared with
``caller_area`` (as an area switch does), so the plan needs no area names.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any, Final, Literal

from pydantic import BaseModel, Field

from ..diagnostics import Diagnostic
from ..dialplan import Step
from ..variables import VarUse
from .base import FROZEN, ExitSpec, ListExits, NodeBase, NodeKind, StepContext, prop
from .shared import area_codes, check_areas, diagnostic

RULE_PREFIX: Final = "rule:"
RuleOp = Literal["equals", "in_list", "prefix", "range", "empty"]
OP_NAMES: Final[dict[str, str]] = {
    "equals": "等于",
    "in_list": "属于列表",
    "prefix": "开头是",
    "range": "数值范围",
    "empty": "为空",
}
#: What a compared value may hold: it is written into the Asterisk dialplan, so no quotes, brackets,
#: commas or ``$``. Digits, letters, ``_ . + -`` and Chinese characters cover every sensible value.
SAFE_VALUE: Final = re.compile(r"[0-9A-Za-z_.+\-\u4e00-\u9fff]*")
_AREA_BUILTINS: Final = frozenset({"caller_province", "caller_city"})


class NumberRange(BaseModel):
    """A numeric range, both ends included; a missing end is open."""

    model_config = FROZEN
    min: int | None = Field(default=None, ge=-(10**12), le=10**12)
    max: int | None = Field(default=None, ge=-(10**12), le=10**12)


class Rule(BaseModel):
    """One rule: ``variable`` ``op`` ``value``; ``label`` names its exit on the canvas."""

    model_config = FROZEN
    variable: str = Field(default="", max_length=32)
    op: RuleOp = "equals"
    value: NumberRange | list[str] | str | None = None
    label: str = Field(default="", max_length=20)

    def values(self) -> list[str]:
        """The compared text values: equals and prefix have one, in_list several, range and empty none."""
        if isinstance(self.value, str):
            return [self.value]
        if isinstance(self.value, list):
            return list(self.value)
        return []


class ConditionProps(BaseModel):
    model_config = FROZEN
    rules: list[Rule] = prop(
        label="判断规则",
        help="从上到下依次判断,第一条成立的规则决定去向;都不成立走「否则」",
        widget="rules",
        options=OP_NAMES,
        max_length=20,
        default_factory=list,
    )


class ConditionNode(NodeBase):
    """Branches on variables. Exits: ``rule:<n>`` per rule (from 1), ``else``."""

    type: Literal["condition"]
    props: ConditionProps

    def variables_used(self) -> tuple[VarUse, ...]:
        return tuple(
            VarUse(r.variable, r.op, f"条件{i}") for i, r in enumerate(self.props.rules, 1) if r.variable
        )


def _check_rule(rule: Rule, where: str, nid: str) -> list[Diagnostic]:
    if not rule.variable:
        return [diagnostic("condition_rule_incomplete", "error", f"{where}还没有选择变量", nid)]
    value = rule.value
    wanted = {"equals": str, "prefix": str, "in_list": list, "range": NumberRange}.get(rule.op)
    # An empty text is a value not typed yet (the editor's fresh rule), not a comparison with nothing:
    # that is the "empty" comparison.
    if wanted is not None and (not isinstance(value, wanted) or (wanted is str and not value)):
        message = f"{where}“{OP_NAMES[rule.op]}”还没有填写要比较的值"
        return [diagnostic("condition_rule_incomplete", "error", message, nid)]
    if isinstance(value, NumberRange):
        if value.min is None and value.max is None:
            message = f"{where}的数值范围至少要填写最小值或最大值"
            return [diagnostic("condition_rule_incomplete", "error", message, nid)]
        if value.min is not None and value.max is not None and value.min > value.max:
            message = f"{where}的最小值{value.min}大于最大值{value.max}"
            return [diagnostic("condition_rule_incomplete", "error", message, nid)]
    out: list[Diagnostic] = []
    for text in rule.values():
        if not SAFE_VALUE.fullmatch(text):
            message = f"{where}的值“{text}”只能包含数字、字母、汉字和 _ . + -"
            out.append(diagnostic("condition_value_invalid", "error", message, nid))
    if rule.op == "in_list" and not rule.values():
        message = f"{where}的列表还是空的"
        out.append(diagnostic("condition_rule_incomplete", "error", message, nid))
    if rule.variable in _AREA_BUILTINS and rule.op in ("equals", "in_list"):
        out.extend(check_areas(rule.values(), nid, f"{where}中"))
    return out


def _check(node: ConditionNode, exits: Collection[str]) -> list[Diagnostic]:
    rules = node.props.rules
    if not rules:
        message = "条件判断还没有任何规则:添加规则,再把每条规则连到下一步"
        return [diagnostic("condition_no_rules", "error", message, node.id)]
    out: list[Diagnostic] = []
    for i, rule in enumerate(rules, 1):
        out.extend(_check_rule(rule, f"条件{i}", node.id))
    loose = [str(i) for i in range(1, len(rules) + 1) if f"{RULE_PREFIX}{i}" not in exits]
    if loose:
        message = f"条件{'、'.join(loose)}还没有连到下一步,符合时将挂机"
        out.append(diagnostic("condition_rule_unconnected", "warning", message, node.id))
    return out


def _plan_rule(rule: Rule, ctx: StepContext) -> dict[str, Any]:
    """A rule as runtimes evaluate it (see the module docstring for what the compiler rewrites)."""
    info = ctx.variables.get(rule.variable)
    label = info.label if info else rule.variable
    variable, op = rule.variable, rule.op
    value: Any = rule.value.model_dump() if isinstance(rule.value, NumberRange) else rule.value
    if variable in _AREA_BUILTINS:
        variable = "caller_area"
        if op == "empty":
            op, value = "equals", "unknown"
        else:
            op, value = "in_list", list(area_codes(tuple(rule.values())))
    elif op == "equals" and info is not None and info.type == "number" and isinstance(value, str):
        number = int(value) if re.fullmatch(r"-?[0-9]{1,12}", value) else None
        op, value = ("range", {"min": number, "max": number}) if number is not None else ("in_list", [])
    if op == "empty":
        value = None
    rule_args = {"variable": variable, "label": label, "op": op, "value": value}
    if variable != rule.variable:
        rule_args["shows"] = rule.variable  # what the timeline names: the province, not the area code
    return rule_args


def _compile(node: ConditionNode, ctx: StepContext) -> Step:
    rules = [_plan_rule(r, ctx) for r in node.props.rules]
    names = [f"{RULE_PREFIX}{i}" for i in range(1, len(rules) + 1)] + list(KIND.exit_names)
    return Step(ctx.step_id, "condition", {"rules": rules}, ctx.outcomes(names), node.id)


KIND = NodeKind(
    type="condition",
    model=ConditionNode,
    name="条件判断",
    hint="按变量的值分流:等于、属于列表、开头是、数值范围、为空",
    group="data",
    icon="BranchesOutlined",
    color="#13c2c2",
    exits=(ExitSpec("else", "否则"),),
    list_exits=ListExits(prop="rules", prefix=RULE_PREFIX, most=20, label="条件{n}", label_field="label"),
    check=_check,
    compile=_compile,
    ops=("condition",),
    defaults={"rules": []},
    card=("rules",),
    in_palette=True,
)
