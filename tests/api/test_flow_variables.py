"""A flow with variables through the service: it imports, its cases pass, and the simulated timeline tells
the designer the values the caller entered and the condition compared."""

from __future__ import annotations

from tests.api.routing_support import ERR
from tests.api.support import Env
from tests.api.test_flows import IMPORT, example

SIMULATE = (
    "query($f:ID!,$c:SimulatedCallInput!){simulateFlow(flowId:$f,call:$c){... on Simulation{"
    f"path events{{kind outcome reason variable}}}} {ERR}}}}}"
)


async def test_an_order_number_shows_in_the_simulated_timeline(env: Env) -> None:
    client = await env.customer("cust1")
    flow = (await client.data(IMPORT, {"n": "订单查询", "d": example("order_lookup.flow.json")}))[
        "importFlow"
    ]
    assert flow["draft"]["variables"] == [{"name": "order_no", "type": "digits", "label": "订单号"}]
    body = await client.data(SIMULATE, {"f": flow["id"], "c": {"caller": "15012345678", "digits": "1500#"}})
    result = body["simulateFlow"]
    assert result["path"] == ["start", "ask", "route", "archive"]
    events = result["events"]
    assert {"kind": "set", "outcome": "1500", "reason": "订单号=1500", "variable": "order_no"} in events
    branch = next(e for e in events if e["kind"] == "branch" and e["outcome"] == "rule:4")
    assert branch["reason"] == "订单号=1500,符合条件4"
    run = "query($f:ID!){runFlowTests(flowId:$f){... on FlowTestRun{passed failed}}}"
    assert (await client.data(run, {"f": flow["id"]}))["runFlowTests"] == {"passed": 7, "failed": 0}
