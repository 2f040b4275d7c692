"""A designer simulating a percentage split names the branch the call takes, or leaves it to the draw."""

from __future__ import annotations

from tests.api.routing_support import ERR
from tests.api.support import Env
from tests.api.test_flows import IMPORT, example

SIMULATE = (
    "query($f:ID!,$c:SimulatedCallInput!){simulateFlow(flowId:$f,call:$c){... on Simulation{"
    f"path events{{kind outcome reason}}}} {ERR}}}}}"
)


async def test_a_named_branch_is_taken_and_a_bad_one_refused_in_chinese(env: Env) -> None:
    client = await env.customer("cust1")
    flow = (await client.data(IMPORT, {"n": "分流", "d": example("split.flow.json")}))["importFlow"]
    for branch, office in ((1, "head_office"), (2, "branch_office")):
        result = (await client.data(SIMULATE, {"f": flow["id"], "c": {"split": [branch]}}))["simulateFlow"]
        assert result["path"][:4] == ["start", "welcome", "share", office]
        taken = next(
            e for e in result["events"] if e["kind"] == "branch" and e["outcome"].startswith("branch:")
        )
        assert taken["outcome"] == f"branch:{branch}" and f"分支{branch}" in taken["reason"]
    drawn = (await client.data(SIMULATE, {"f": flow["id"], "c": {}}))["simulateFlow"]
    assert drawn["path"][3] in ("head_office", "branch_office")
    assert any("随机" in e["reason"] for e in drawn["events"])
    for bad in ([0], [11], [1] * 21):
        refused = (await client.data(SIMULATE, {"f": flow["id"], "c": {"split": bad}}))["simulateFlow"]
        error = refused["errors"][0]
        assert (error["code"], error["field"]) == ("invalid_call", "call.split")
        assert "分流分支" in error["message"]
