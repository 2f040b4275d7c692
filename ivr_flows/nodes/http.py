"""The HTTP request node (查询客户系统): ask the customer's own system (a CRM) during the call.

GET or POST to the customer's https endpoint with flow variables in the URL (``{name}`` placeholders in
the path and query), the query string (GET) or a JSON body (POST); fields of the JSON answer go into
flow variables. Exits: ``success`` (a 2xx JSON answer), ``failure`` (anything else, or a refused
request), ``timeout`` (no answer within ``timeout_s``, at most 3 s).

This library sends nothing: the request is made on the Asterisk node by the telephony agent, through the
guarded client (``telephony/outbound.py``), and the simulator takes a canned answer per node
(``CallSpec.http``). What both need to agree on — filling the URL, reading a JSON path, cleaning a value
before it becomes a channel variable — is here, once (:func:`fill_url`, :func:`json_at`,
:func:`clean_value`, :func:`request_parts`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any, Final, Literal
from urllib.parse import quote, urlsplit

from pydantic import BaseModel

from ..diagnostics import Diagnostic
from ..dialplan import Step
from ..variables import VarUse
from .base import FROZEN, ExitSpec, NodeBase, NodeKind, StepContext, prop
from .shared import diagnostic

__all__ = [
    "MAX_REQUESTS_PER_CALL",
    "HttpNode",
    "clean_value",
    "fill_url",
    "json_at",
    "parse_mappings",
    "request_args",
    "request_parts",
]

#: How many HTTP requests one call may send (a loop in a flow must not hammer a customer's system).
MAX_REQUESTS_PER_CALL: Final = 5
#: The longest a value taken from an answer may be.
MAX_VALUE: Final = 64
_PLACEHOLDER: Final = re.compile(r"\{([^{}]*)\}")
_NAME: Final = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
_FIELD: Final = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_PATH: Final = re.compile(r"^[A-Za-z0-9_\-]{1,64}(\.[A-Za-z0-9_\-]{1,64}){0,9}$")
_SECRET: Final = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")
#: What a value may keep: it becomes a channel variable that conditions compare between quotes.
_UNSAFE: Final = re.compile(r"[^0-9A-Za-z_.+\-\u4e00-\u9fff]")


class HttpProps(BaseModel):
    model_config = FROZEN
    method: Literal["GET", "POST"] = prop(
        "GET", label="请求方式", options={"GET": "GET(查询)", "POST": "POST(提交 JSON)"}
    )
    url: str = prop(
        "",
        label="接口地址",
        help="客户系统的 https 地址;路径和查询参数中可以用 {变量名} 插入变量,如 …/customer?phone={caller}",
        max_length=500,
    )
    params: list[str] = prop(
        label="发送的字段",
        help="每行一个:字段名=变量名。GET 放在查询参数里,POST 放在 JSON 正文里",
        widget="lines",
        max_length=20,
        default_factory=list,
    )
    results: list[str] = prop(
        label="保存返回值",
        help="每行一个:返回 JSON 中的路径=变量名,如 data.level=level",
        widget="lines",
        max_length=20,
        default_factory=list,
    )
    secret: str = prop(
        "",
        label="密钥名称",
        help="在账户的「密钥」中保存的密钥名称(不是密钥本身);以 Authorization: Bearer 发送,只发往保存时填写的域名",
        max_length=64,
    )
    timeout_s: int = prop(3, label="等待回应", unit="秒", help="最多 3 秒,超时走「超时」出口", ge=1, le=3)


def parse_mappings(lines: Collection[str]) -> list[tuple[str, str]]:
    """``left=right`` lines as pairs, blank lines skipped; a line without ``=`` gives ``(line, "")``."""
    pairs: list[tuple[str, str]] = []
    for raw in lines:
        text = raw.strip()
        if not text:
            continue
        left, _, right = text.partition("=")
        pairs.append((left.strip(), right.strip()))
    return pairs


def placeholders(url: str) -> list[str]:
    """The variable names a URL template names, in order."""
    return [m.group(1).strip() for m in _PLACEHOLDER.finditer(url)]


def fill_url(template: str, values: Mapping[str, str]) -> str:
    """The URL with each ``{name}`` replaced by its value, percent-encoded (a value cannot add a path
    segment, a query field or change the host)."""
    return _PLACEHOLDER.sub(lambda m: quote(values.get(m.group(1).strip(), ""), safe=""), template)


def json_at(document: Any, path: str) -> str:
    """The value at a dotted path (``data.items.0.level``) as cleaned text; "" when absent or not a scalar."""
    here = document
    for part in path.split("."):
        if isinstance(here, dict) and part in here:
            here = here[part]
        elif isinstance(here, list) and part.isdigit() and int(part) < len(here):
            here = here[int(part)]
        else:
            return ""
    if isinstance(here, bool):
        return "1" if here else "0"
    if isinstance(here, (str, int, float)):
        return clean_value(str(here))
    return ""


def clean_value(text: str) -> str:
    """A value as a flow variable may hold it: digits, letters, Chinese and ``_ . + -``, at most 64."""
    return _UNSAFE.sub("", text)[:MAX_VALUE]


def request_parts(args: Mapping[str, Any], values: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """The URL and the fields of a compiled ``http`` step for these variable values (both runtimes)."""
    fields = {name: values.get(variable, "") for name, variable in args["params"]}
    return fill_url(str(args["url"]), values), fields


def variables_read(args: Mapping[str, Any]) -> list[str]:
    """Every variable a compiled ``http`` step sends (URL placeholders, then fields), once each."""
    names = placeholders(str(args["url"])) + [variable for _, variable in args["params"]]
    return list(dict.fromkeys(n for n in names if n))


class HttpNode(NodeBase):
    """Asks the customer's system. Exits: ``success``, ``failure``, ``timeout``."""

    type: Literal["http"]
    props: HttpProps

    def variables_used(self) -> tuple[VarUse, ...]:
        p = self.props
        uses = [VarUse(name, "send", "请求地址") for name in placeholders(p.url) if name]
        uses += [VarUse(v, "send", f"发送的字段“{f}”") for f, v in parse_mappings(p.params) if v]
        uses += [VarUse(v, "fill", f"返回值“{path}”") for path, v in parse_mappings(p.results) if v]
        return tuple(uses)

    def variables_set(self, exit_name: str) -> tuple[str, ...]:
        if exit_name != "success":
            return ()
        return tuple(v for _, v in parse_mappings(self.props.results) if v)


def _check_url(url: str, nid: str) -> list[Diagnostic]:
    if not url.strip():
        return [diagnostic("http_no_url", "error", "查询客户系统还没有填写接口地址", nid)]
    if url != url.strip() or any(c.isspace() for c in url):
        return [diagnostic("http_bad_url", "error", "接口地址不能包含空格", nid)]
    parts = urlsplit(_PLACEHOLDER.sub("x", url))
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return [diagnostic("http_bad_url", "error", "接口地址必须以 https:// 开头并包含域名", nid)]
    if parts.username or parts.password:
        message = "接口地址里不能包含用户名或密码,请把密钥保存在账户的「密钥」中"
        return [diagnostic("http_bad_url", "error", message, nid)]
    head = url.split("//", 1)[-1].split("/", 1)[0].split("?", 1)[0]
    out: list[Diagnostic] = []
    if "{" in head:
        message = "变量只能出现在接口地址的路径和查询参数中,不能出现在域名里"
        out.append(diagnostic("http_bad_url", "error", message, nid))
    for name in placeholders(url):
        if not _NAME.match(name):
            out.append(diagnostic("http_bad_url", "error", f"接口地址中的“{{{name}}}”不是变量名", nid))
    if parts.scheme == "http":
        message = "接口地址不是 https:只有运营方加入允许名单的地址才能使用 http,否则请求将失败"
        out.append(diagnostic("http_not_https", "warning", message, nid))
    return out


def _check_lines(lines: list[str], left: re.Pattern[str], what: str, nid: str) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: set[str] = set()
    for name, variable in parse_mappings(lines):
        if not left.match(name) or not _NAME.match(variable):
            message = f"{what}“{name}={variable}”格式不对,应为 名称=变量名"
            out.append(diagnostic("http_bad_mapping", "error", message, nid))
        elif name in seen:
            out.append(diagnostic("http_bad_mapping", "error", f"{what}“{name}”写了两次", nid))
        seen.add(name)
    return out


def _check(node: HttpNode, exits: Collection[str]) -> list[Diagnostic]:
    p, nid = node.props, node.id
    out = _check_url(p.url, nid)
    out += _check_lines(p.params, _FIELD, "发送的字段", nid)
    out += _check_lines(p.results, _PATH, "保存返回值", nid)
    if p.secret and not _SECRET.match(p.secret):
        message = "密钥名称只能包含字母、数字、_ 和 -"
        out.append(diagnostic("http_bad_secret", "error", message, nid))
    if "success" not in exits:
        message = "查询客户系统没有连接“成功”出口,查询成功后将挂机"
        out.append(diagnostic("http_missing_success", "warning", message, nid))
    return out


def request_args(p: HttpProps, labels: Mapping[str, str] | None = None) -> dict[str, Any]:
    """What a compiled ``http`` step holds (``docs/dialplan.md``); ``labels`` names variables for timelines.
    The service's test request builds the same from a draft's node without compiling the whole flow."""
    labels = labels or {}
    results = [
        [path, variable, labels.get(variable, variable)] for path, variable in parse_mappings(p.results)
    ]
    return {
        "method": p.method,
        "url": p.url,
        "params": [list(pair) for pair in parse_mappings(p.params)],
        "results": results,
        "secret": p.secret,
        "timeout_s": p.timeout_s,
        "limit": MAX_REQUESTS_PER_CALL,
    }


def _compile(node: HttpNode, ctx: StepContext) -> Step:
    labels = {name: info.label for name, info in ctx.variables.items()}
    args = request_args(node.props, labels)
    return Step(ctx.step_id, "http", args, ctx.outcomes(KIND.exit_names), node.id)


KIND = NodeKind(
    type="http",
    model=HttpNode,
    name="查询客户系统",
    hint="通话中向客户自己的系统(CRM)发请求,把返回值存入变量",
    group="data",
    # ApiOutlined suits it better, once the editor's icons.tsx imports it (it shows only icons it imports)
    icon="ApiOutlined",
    color="#13c2c2",
    exits=(ExitSpec("success", "成功"), ExitSpec("failure", "失败"), ExitSpec("timeout", "超时")),
    check=_check,
    compile=_compile,
    ops=("http",),
    defaults={"method": "GET", "url": "", "params": [], "results": [], "secret": "", "timeout_s": 3},
    card=("method", "url"),
    in_palette=False,
)
