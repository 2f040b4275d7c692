"""Schema violations of a flow document, told in the designer's words.

Pydantic reports ``nodes.6.voicemail.props.greeting.tts: String should have at least 1 character``; a
designer reads neither English nor field paths. Each violation becomes an ``invalid_document``
diagnostic on the node it concerns, naming the field as the editor's form labels it ("留言提示音的文字")
and the problem in Chinese ("不能超过500个字").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from .diagnostics import Diagnostic
from .nodes import KINDS, NodeKind

__all__ = ["NODE_TYPE_NAMES", "load_diagnostics", "node_title"]

#: The editor's names of node types (its palette), from the node definitions.
NODE_TYPE_NAMES: Final[dict[str, str]] = {kind.type: kind.name for kind in KINDS}


def _form_name(info: FieldInfo) -> str | None:
    """A property as its form names it: the accessible name, else the label with its unit ("等待按键秒数")."""
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    label, unit, aria = extra.get("x-label"), extra.get("x-unit"), extra.get("x-aria")
    if isinstance(aria, str):
        return aria
    if isinstance(label, str):
        return f"{label}{unit}数" if isinstance(unit, str) else label
    return None


def _props_names(kind: NodeKind) -> dict[str, str]:
    return {name: word for name, info in kind.props_fields.items() if (word := _form_name(info))}


#: Per node type, its properties as the form names them; nested fields fall back to ``_PROPS``.
_TYPE_PROPS: Final[dict[str, dict[str, str]]] = {kind.type: _props_names(kind) for kind in KINDS}

_TOP: Final = {
    "format_version": "格式版本",
    "id": "流程编号",
    "name": "流程名称",
    "nodes": "节点列表",
    "edges": "连线",
    "tests": "测试用例",
    "variables": "变量",
}
_NODE: Final = {
    "id": "节点编号",
    "type": "节点类型",
    "label": "节点名称",
    "note": "备注",
    "position": "画布位置",
    "props": "属性",
}
#: Fields inside properties (schedules, phones, positions), by name.
_PROPS: Final = {
    "tts": "文字",
    "windows": "时段",
    "exceptions": "特殊日期",
    "observe_holidays": "节假日设置",
    "makeup_weekday": "调休上班日",
    "days": "星期",
    "start": "开始时间",
    "end": "结束时间",
    "name": "名称",
    "date": "日期",
    "open": "营业时段",
    "number": "号码",
    "wait_s": "等待秒数",
    "weight": "比例",
    "allowed_areas": "可接听地区",
    "refused_areas": "不接听地区",
    "x": "横坐标",
    "y": "纵坐标",
}
#: Inside a prompt reference its ``prompt`` is the chosen file, not the prompt as a whole.
_IN_PROMPT: Final = {"prompt": "语音文件", "tts": "文字"}
#: Containers the form does not show as such: "时段1的开始时间", not "时间安排的时段1的开始时间".
_SILENT: Final = frozenset({"schedule"})
#: Properties holding a prompt reference, whose ``prompt`` means the chosen file.
_PROMPT_FIELDS: Final = frozenset(name for kind in KINDS for name in kind.prompt_roles)


def _problem(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if kind == "string_too_short":
        return "不能为空"
    if kind == "string_too_long":
        return f"不能超过{ctx.get('max_length')}个字"
    if kind == "too_short":
        return f"至少要有{ctx.get('min_length')}项"
    if kind == "too_long":
        return f"最多{ctx.get('max_length')}项"
    if kind in ("greater_than_equal", "greater_than"):
        return f"不能小于{ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"不能大于{ctx.get('le', ctx.get('lt'))}"
    if kind.startswith(("int_", "float_")) or kind == "decimal_parsing":
        return "应填写数字"
    if kind.startswith("bool_"):
        return "应是开或关"
    if kind == "string_pattern_mismatch":
        return "格式不对,应写成 09:00 这样的时间"
    if kind in ("literal_error", "enum"):
        return "不是可选的值"
    if kind == "missing":
        return "未填写"
    if kind == "extra_forbidden":
        return "是无法识别的内容"
    if kind.startswith("date"):
        return "不是有效的日期"
    if kind == "union_tag_invalid":
        return f"类型“{str(ctx.get('tag', ''))[:20]}”无法识别"
    if kind == "union_tag_not_found":
        return "没有写明类型"
    if kind == "value_error":
        return "应在“文字转语音”和“语音文件”中选一种"
    return "格式不对"


def _node_at(data: object, index: int) -> Mapping[str, Any] | None:
    nodes = data.get("nodes") if isinstance(data, Mapping) else None
    node: object = nodes[index] if isinstance(nodes, list) and 0 <= index < len(nodes) else None
    return node if isinstance(node, Mapping) else None


def node_title(node: Mapping[str, Any]) -> str:
    """How a designer knows a node: its name, else its type's name."""
    label = node.get("label")
    if isinstance(label, str) and label.strip():
        return label.strip()
    kind = node.get("type")
    return NODE_TYPE_NAMES.get(kind, "节点") if isinstance(kind, str) else "节点"


def _field(parts: Sequence[int | str], names: Mapping[str, str]) -> str:
    """``("destinations", 1, "number")`` → ``电话2的号码``; tags pydantic adds for unions are skipped."""
    words: list[str] = []
    in_prompt = False
    for part in parts:
        if isinstance(part, int):
            if words:
                words[-1] += str(part + 1)
            continue
        lookup = _IN_PROMPT if in_prompt else names
        if part in _SILENT:
            continue
        word = lookup.get(part) or _PROPS.get(part)
        if word is None:
            continue  # a union tag such as the node type or "PromptRef"
        words.append(word)
        in_prompt = part in _PROMPT_FIELDS and not in_prompt
    return "的".join(words)


def _one(error: ErrorDetails, data: object) -> Diagnostic:
    loc = tuple(error["loc"])
    problem = _problem(error)
    if len(loc) >= 2 and loc[0] == "nodes" and isinstance(loc[1], int):
        node = _node_at(data, loc[1])
        rest = loc[2:]
        if node is not None and rest and rest[0] == node.get("type"):
            rest = rest[1:]
        if rest and rest[0] == "props":
            kind = node.get("type") if node is not None else None
            names = _TYPE_PROPS.get(kind, _PROPS) if isinstance(kind, str) else _PROPS
            field = _field(rest[1:], names) or "属性"
        else:
            field = _field(rest, _NODE) or "节点"
        node_id = node.get("id") if node is not None else None
        if isinstance(node_id, str) and node_id:
            return Diagnostic("invalid_document", "error", f"{field}{problem}", node_id)
        where = f"第{loc[1] + 1}个节点" + (f"({node_title(node)})" if node is not None else "")
        return Diagnostic("invalid_document", "error", f"{where}的{field}{problem}")
    if loc and loc[0] == "variables" and len(loc) >= 2 and isinstance(loc[1], int):
        if error["type"] == "string_pattern_mismatch":
            problem = "只能用小写字母、数字和下划线,以字母开头,最多32个字符"
        field = (
            {"name": "名称", "type": "类型", "label": "显示名称"}.get(str(loc[2]), "") if len(loc) > 2 else ""
        )
        return Diagnostic("invalid_document", "error", f"第{loc[1] + 1}个变量的{field or '内容'}{problem}")
    if loc and loc[0] in ("edges", "tests") and len(loc) >= 2 and isinstance(loc[1], int):
        what = "连线" if loc[0] == "edges" else "测试用例"
        return Diagnostic("invalid_document", "error", f"第{loc[1] + 1}条{what}格式不对")
    field = _field(loc[:1], _TOP) if loc else "流程文件"
    return Diagnostic("invalid_document", "error", f"{field or '流程文件'}{problem}")


def load_diagnostics(errors: Sequence[ErrorDetails], data: object) -> list[Diagnostic]:
    """One Chinese diagnostic per violation, on its node when the node has an id; repeats dropped."""
    out: list[Diagnostic] = []
    for error in errors:
        diagnostic = _one(error, data)
        if diagnostic not in out:
            out.append(diagnostic)
    return out
