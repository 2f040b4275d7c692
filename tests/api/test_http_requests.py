"""Flows' HTTP requests through the service: the operators' allowlist, write-only account secrets, and the
editor's test request against a real HTTPS server on loopback (a certificate made in the test)."""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from api.app import create_app
from api.outbound.models import AccountSecret
from tests.api.routing_support import ERR, active_number, service_token
from tests.api.support import Client, Env
from tests.api.test_flows import IMPORT
from tests.telephony.https_lab import Crm, crm_server

TEST = (
    "mutation($f:ID!,$n:String!,$v:JSON){testHttpRequest(flowId:$f,nodeId:$n,variables:$v){"
    f"... on HttpTestResult{{outcome status error values{{variable value}}}} {ERR}}}}}"
)
ALLOW = f'mutation($h:String!){{allowHttpHost(host:$h,note:"测试"){{... on HttpAllowedHost{{host}} {ERR}}}}}'
SET_SECRET = (
    "mutation($n:String!,$h:String!,$v:String!){setAccountSecret(name:$n,host:$h,value:$v){"
    f"... on AccountSecret{{name host setAt}} {ERR}}}}}"
)
TOKEN = "sk-live-9f8e7d6c5b4a"


@pytest.fixture
async def crm(tmp_path: Path) -> AsyncIterator[Crm]:
    async with crm_server(tmp_path) as server:
        yield server


@pytest.fixture
def trusting(env: Env, crm: Crm) -> Env:
    """The service trusting the test server's self-signed certificate (``HTTP_CAFILE``)."""
    config = dataclasses.replace(env.config, http_cafile=crm.cafile)
    return Env(config, create_app(config, run_jobs=False, manage_orm=False))


def flow_doc(url: str, **props: Any) -> dict[str, Any]:
    return {
        "format_version": 1,
        "variables": [{"name": "level", "type": "digits", "label": "客户等级"}],
        "nodes": [
            {"id": "start", "type": "start"},
            {
                "id": "crm",
                "type": "http",
                "props": {
                    "url": url,
                    "params": ["phone=caller"],
                    "results": ["customer.level=level"],
                    **props,
                },
            },
        ],
        "edges": [{"id": "e1", "source": "start", "exit": "next", "target": "crm"}],
    }


async def flow_with(client: Client, url: str, **props: Any) -> str:
    body = await client.data(IMPORT, {"n": "查询客户", "d": flow_doc(url, **props)})
    return str(body["importFlow"]["id"])


async def send_test(client: Client, flow_id: str, variables: dict[str, str] | None = None) -> dict[str, Any]:
    body = await client.data(TEST, {"f": flow_id, "n": "crm", "v": variables or {"caller": "13812345678"}})
    return dict(body["testHttpRequest"])


async def test_an_allowlisted_loopback_server_answers_and_the_values_are_mapped(
    trusting: Env, crm: Crm
) -> None:
    operator = await trusting.operator()
    assert (await operator.data(ALLOW, {"h": "127.0.0.1"}))["allowHttpHost"] == {"host": "127.0.0.1"}
    customer = await trusting.customer("cust1")
    flow = await flow_with(customer, crm.url("/customer"))
    result = await send_test(customer, flow)
    assert result == {
        "outcome": "success",
        "status": 200,
        "error": "",
        "values": [{"variable": "level", "value": "7"}],
    }
    assert b"phone=13812345678" in crm.requests[0]


async def test_refusals_name_the_reason_in_chinese(trusting: Env, crm: Crm) -> None:
    customer = await trusting.customer("cust1")
    # loopback without the operator's allowlist: refused before anything is sent
    result = await send_test(customer, await flow_with(customer, crm.url("/customer")))
    assert result["outcome"] == "failure" and "回环" in result["error"]
    private = await send_test(customer, await flow_with(customer, "https://10.1.2.3/customer"))
    assert private["outcome"] == "failure" and "内网" in private["error"]
    plain = await send_test(customer, await flow_with(customer, "http://crm.example.com/customer"))
    assert plain["outcome"] == "failure" and "https" in plain["error"]
    assert crm.requests == []

    operator = await trusting.operator()
    await operator.data(ALLOW, {"h": "127.0.0.1"})
    redirect = await send_test(customer, await flow_with(customer, crm.url("/redirect")))
    assert redirect["outcome"] == "failure" and "跳转" in redirect["error"]
    big = await send_test(customer, await flow_with(customer, crm.url("/big")))
    assert big["outcome"] == "failure" and "64 KB" in big["error"]
    error = await send_test(customer, await flow_with(customer, crm.url("/error")))
    assert (error["outcome"], error["status"]) == ("failure", 500)
    started = time.monotonic()
    slow = await send_test(customer, await flow_with(customer, crm.url("/slow")))
    assert slow["outcome"] == "timeout" and "秒内没有回应" in slow["error"]
    assert time.monotonic() - started < 3.6


async def test_a_secret_is_sent_only_to_its_host_and_never_shown(
    trusting: Env, crm: Crm, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    operator = await trusting.operator()
    await operator.data(ALLOW, {"h": "127.0.0.1"})
    await operator.data(ALLOW, {"h": "localhost"})
    customer = await trusting.customer("cust1")
    saved = await customer.gql(SET_SECRET, {"n": "crm_token", "h": "127.0.0.1", "v": TOKEN})
    listed = await customer.gql("{accountSecrets{name host setAt}}")
    flow = await flow_with(customer, crm.url("/customer"), secret="crm_token")
    result = await send_test(customer, flow)
    assert result["outcome"] == "success"
    assert f"Authorization: Bearer {TOKEN}".encode() in crm.requests[0]
    # the same secret named by a flow asking another host is not sent there
    elsewhere = await send_test(
        customer, await flow_with(customer, crm.url("/customer", host="localhost"), secret="crm_token")
    )
    assert elsewhere["outcome"] == "failure" and "只能发往 127.0.0.1" in elsewhere["error"]
    assert len(crm.requests) == 1
    # nothing the API answers, no log line and no stored column holds the value
    assert saved["data"]["setAccountSecret"]["name"] == "crm_token"
    assert listed["data"]["accountSecrets"][0]["host"] == "127.0.0.1"
    draft = await customer.gql("query($id:ID!){flow(id:$id){draft}}", {"id": flow})
    for answer in (saved, listed, result, elsewhere, draft):
        assert TOKEN not in json.dumps(answer, ensure_ascii=False)
    assert TOKEN not in caplog.text
    row = await AccountSecret.get(name="crm_token")
    assert TOKEN not in row.ciphertext
    # another account cannot use it
    other = await trusting.customer("cust2")
    foreign = await send_test(other, await flow_with(other, crm.url("/customer"), secret="crm_token"))
    assert foreign["outcome"] == "failure" and "不存在" in foreign["error"]
    deleted = await customer.gql(
        'mutation{deleteAccountSecret(name:"crm_token"){... on AccountSecretDeleted{name}}}'
    )
    assert deleted["data"]["deleteAccountSecret"] == {"name": "crm_token"}
    assert (await customer.data("{accountSecrets{name}}"))["accountSecrets"] == []


async def test_only_operators_keep_the_allowlist_and_another_accounts_flow_is_not_found(
    trusting: Env, crm: Crm
) -> None:
    customer = await trusting.customer("cust1")
    refused = await customer.gql(ALLOW, {"h": "127.0.0.1"})
    assert refused["data"] is None or refused["data"]["allowHttpHost"] is None
    assert refused.get("errors")
    flow = await flow_with(customer, crm.url("/customer"))
    other = await trusting.customer("cust2")
    body = await other.data(TEST, {"f": flow, "n": "crm", "v": {}})
    assert body["testHttpRequest"]["errors"][0]["code"] == "not_found"
    bad = await customer.data(TEST, {"f": flow, "n": "start", "v": {}})
    assert bad["testHttpRequest"]["errors"][0]["message"] == "流程中没有这个查询客户系统节点"
    operator = await trusting.operator()
    wrong = await operator.data(ALLOW, {"h": "not a host"})
    assert wrong["allowHttpHost"]["errors"][0]["field"] == "host"


SIMULATE = (
    "query($f:ID!,$c:SimulatedCallInput!){simulateFlow(flowId:$f,call:$c){... on Simulation{"
    f"path events{{kind outcome reason variable}}}} {ERR}}}}}"
)


async def test_a_simulated_call_takes_the_answer_the_designer_gives(env: Env) -> None:
    customer = await env.customer("cust1")
    flow = await flow_with(customer, "https://crm.example.com/api/customer")
    call = {"http": [{"nodeId": "crm", "outcome": "success", "body": {"customer": {"level": 8}}}]}
    result = (await customer.data(SIMULATE, {"f": flow, "c": call}))["simulateFlow"]
    assert result["path"][:2] == ["start", "crm"]
    assert {"kind": "set", "outcome": "8", "reason": "客户等级=8", "variable": "level"} in result["events"]
    timeout = {"http": [{"nodeId": "crm", "outcome": "timeout"}]}
    events = (await customer.data(SIMULATE, {"f": flow, "c": timeout}))["simulateFlow"]["events"]
    assert any(e["kind"] == "branch" and e["outcome"] == "timeout" for e in events)
    wrong = {"http": [{"nodeId": "crm", "outcome": "maybe"}]}
    refused = (await customer.data(SIMULATE, {"f": flow, "c": wrong}))["simulateFlow"]
    assert refused["errors"][0]["field"].startswith("call.http")


PUBLISH = (
    'mutation($id:ID!,$n:[ID!]){publishFlow(id:$id,message:"上线",numberIds:$n){'
    f"... on FlowVersion{{version}} {ERR}}}}}"
)


async def test_agents_get_only_the_secrets_their_numbers_plans_name(env: Env) -> None:
    owner = await env.customer("owner1")
    number_id = await active_number(owner, "4006228300")
    await owner.gql(SET_SECRET, {"n": "crm_token", "h": "crm.example.com", "v": TOKEN})
    await owner.gql(SET_SECRET, {"n": "unused", "h": "crm.example.com", "v": "sk-other-1234"})
    flow = await flow_with(owner, "https://crm.example.com/api/customer", secret="crm_token")
    published = await owner.data(PUBLISH, {"id": flow, "n": [number_id]})
    assert published["publishFlow"]["version"] == 1
    agent = env.client(authorization=f"Bearer {await service_token(env)}")
    plan = await agent.get("/telephony/plans/4006228300")
    assert plan.status_code == 200 and TOKEN not in plan.text and "crm_token" in plan.text
    answer = await agent.get("/telephony/secrets/4006228300")
    assert answer.status_code == 200 and answer.headers["cache-control"] == "no-store"
    assert answer.json() == {"secrets": {"crm_token": {"value": TOKEN, "host": "crm.example.com"}}}
    assert (await agent.get("/telephony/secrets/4006228301")).status_code == 404
    # operators may read plans, never customers' secrets; customers' tokens and no token neither
    operator = await env.operator("op-secrets")
    token = await operator.data('mutation{createApiToken(name:"op"){... on CreatedApiToken{secret}}}')
    as_operator = env.client(authorization=f"Bearer {token['createApiToken']['secret']}")
    assert (await as_operator.get("/telephony/secrets/4006228300")).status_code == 403
    assert (await env.client().get("/telephony/secrets/4006228300")).status_code == 401
