"""The editor's test request: one HTTP request node of a flow's draft, sent from the service through the
same guards (``telephony/outbound.py``) and the same request building (``telephony/http_step.py``) as a
call's, with variable values the designer types."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

import ivr_flows
from api.config import Config
from api.errors import UserError
from api.flows.flow_json import parse_stored
from api.flows.models import Flow
from api.outbound.allowlist import policy
from api.outbound.secrets import secret_for
from telephony.http_step import StepResult, run_http_step

__all__ = ["test_request"]

_NAME: Final = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


def _values(variables: object) -> dict[str, str]:
    if variables is None:
        return {}
    if not isinstance(variables, Mapping) or len(variables) > 50:
        raise UserError("invalid_variables", "变量值应为“变量名: 值”的对象,最多50个", "variables")
    values: dict[str, str] = {}
    for name, value in variables.items():
        if not isinstance(name, str) or not _NAME.match(name):
            raise UserError("invalid_variables", f"“{name}”不是变量名", "variables")
        if not isinstance(value, (str, int, float)) or len(str(value)) > 200:
            raise UserError(
                "invalid_variables", f"变量“{name}”的值应为200个字符以内的文字或数字", "variables"
            )
        values[name] = str(value)
    return values


async def test_request(config: Config, flow: Flow, node_id: str, variables: object) -> StepResult:
    """Send the node's request as a call would, with ``variables`` standing in for the call's values."""
    values = _values(variables)
    document = parse_stored(flow.draft)
    node = document.node_map().get(node_id)
    if not isinstance(node, ivr_flows.HttpNode):
        raise UserError("unknown_node", "流程中没有这个查询客户系统节点", "nodeId")
    args = ivr_flows.http_request_args(node.props)
    secret = await secret_for(config, flow.account_id, args["secret"]) if args["secret"] else None
    return await run_http_step(args, values, await policy(config), secret)
