"""The agent holds the account secrets its plans' HTTP request steps name, fetched from a real service
process over HTTP with its telephony token, and its FastAGI answer finds them by number and name."""

from __future__ import annotations

from pathlib import Path

from api.config import load_config
from api.flows.drafts import create_flow
from api.numbers.models import Number
from api.outbound.secrets import set_secret
from api.plans import pipeline
from ivr_flows import Dialplan
from telephony.agent import Agent, AgentConfig
from telephony.http_step import Secret
from telephony.service import ServiceClient
from tests.telephony.service_support import ServiceUnderTest

TOKEN = "sk-agent-5a4b3c2d1e"


def crm_flow(secret: str) -> dict[str, object]:
    return {
        "format_version": 1,
        "nodes": [
            {"id": "start", "type": "start"},
            {"id": "crm", "type": "http", "props": {"url": "https://crm.example.com/c", "secret": secret}},
        ],
        "edges": [{"id": "e1", "source": "start", "exit": "next", "target": "crm"}],
    }


async def test_the_agent_holds_only_the_secrets_its_plans_name(tmp_path: Path) -> None:
    service = ServiceUnderTest(tmp_path / "service")
    service.root.mkdir(parents=True)
    await service.prepare()
    number = service.numbers[0]
    async with service.database():
        row = await Number.get(number=number)
        assert row.account_id is not None
        config = load_config(service.env)
        await set_secret(config, row.account_id, "crm_token", "crm.example.com", TOKEN)
        await set_secret(config, row.account_id, "other", "crm.example.com", "sk-not-named")
        flow = await create_flow(row.account_id, "查询客户", crm_flow("crm_token"))
        await pipeline.publish(flow, "上线", "tests", [row])
    with service.serving() as url:
        client = ServiceClient(url, service.token)
        plan = (await client.plan(number)).plan
        assert isinstance(plan, Dialplan)
        assert TOKEN not in plan.to_json().decode()
        agent = Agent(
            AgentConfig(
                service_url=url,
                token=service.token,
                include_file=tmp_path / "plans.conf",
                moh_file=tmp_path / "moh.conf",
                voicemail_file=tmp_path / "voicemail.conf",
                sounds_dir=tmp_path / "sounds",
                state_dir=tmp_path / "state",
            )
        )
        await agent._sync_secrets([plan])
        assert agent._secret(number, "crm_token") == Secret(TOKEN, "crm.example.com")
        assert agent._secret(number, "other") is None
        # a customer's token reads no secrets
        refused = ServiceClient(url, service.customer_token)
        before = agent.errors
        agent.service = refused
        await agent._sync_secrets()
        assert agent.errors == before + 1
        assert agent._secret(number, "crm_token") == Secret(TOKEN, "crm.example.com")  # kept
