"""One node of the platform for SIP calls: the service, Asterisk with a carrier trunk, the agent between.

The service runs as its own process on a migrated SQLite database; Asterisk takes SIP on loopback
(:mod:`tests.telephony.sip_lab`); ``python -m telephony asterisk`` keeps Asterisk's plans, prompts and
mailboxes equal to the service's and reports every call back. Tests and the telephony benchmark start it
with :func:`running_node` and act as the platform's users would: a customer's settings are written to
the service's database, calls come from SIPp, and what the customer sees is read over GraphQL.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
from collections.abc import Awaitable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from api.flows.drafts import create_flow
from api.numbers.models import Number
from api.plans import pipeline
from telephony.call_log import CALL_LOG_MODULES
from telephony.service import ServiceClient
from tests.telephony import sip_lab
from tests.telephony.asterisk_instance import REPO, AsteriskInstance, asterisk_prefix, free_loopback_port
from tests.telephony.dialplan_checks import MODULES
from tests.telephony.service_support import (
    ServiceUnderTest,
    agent_running,
    logged_reports,
    node_configs,
    wait_until,
)

T = TypeVar("T")
RECORDS = """query ($numberId: ID) {
  callRecords(numberId: $numberId) { edges { node {
    callId caller callerArea disposition answeredPhone mediaRef talkSeconds startedAt answeredAt endedAt
    attempts { phone outcome ringSeconds }
  } } }
}"""


@dataclass
class Node:
    root: Path
    service: ServiceUnderTest
    asterisk: AsteriskInstance
    sip_port: int
    carrier_port: int
    base_url: str
    agent_log: Path

    @property
    def sounds(self) -> Path:
        return self.root / "data" / "sounds"

    def run(self, work: Awaitable[T]) -> T:
        """Change the service's database as another API process would (customer or operator action)."""

        async def inside() -> T:
            async with self.service.database():
                return await work

        return asyncio.run(inside())

    def holds(self, number: str, text: str, without: str | None = None) -> None:
        """Wait until the node's Asterisk runs a plan for ``number`` containing ``text`` (and not ``without``).

        ``without`` tells a new plan from the one it replaces where ``text`` alone cannot: every plan that
        dials also holds the balance-exhausted announcement, which is what a suspended number plays.
        """

        def loaded() -> bool:
            shown = self.asterisk.rx(f"dialplan show hotline-{number}")
            return text in shown and (without is None or without not in shown)

        wait_until(loaded, f"the plan of {number} with {text!r}", self.agent_log)

    def phones(self, name: str, *phones: sip_lab.Phone) -> sip_lab.Phones:
        return sip_lab.Phones(self.root / "sipp" / name / "phones", self.carrier_port, phones)

    def call(self, name: str, script: sip_lab.CallScript) -> sip_lab.CallResult:
        result = sip_lab.place_call(self.root / "sipp" / name / "caller", self.sip_port, script)
        assert result.status == 0, f"the SIPp caller failed:\n{result.output}"
        return result

    def api(self, query: str, **variables: Any) -> Any:
        """A GraphQL query as the customer, over HTTP."""
        client = ServiceClient(self.base_url, self.service.customer_token)
        return asyncio.run(client.graphql(query, variables))

    def arrived(self, query: str, found: str, what: str, timeout_s: float = 60, **variables: Any) -> Any:
        """Poll the customer's view until ``found`` (a key path like ``callRecords.edges``) is not empty."""
        answer: Any = None

        def present() -> bool:
            nonlocal answer
            answer = self.api(query, **variables)
            for key in found.split("."):
                answer = answer[key]
            return bool(answer)

        wait_until(present, what, self.agent_log, timeout_s)
        return answer

    def record(self, number: str) -> dict[str, Any]:
        numbers = self.api("{ numbers(first: 50) { edges { node { id number } } } }")
        number_id = next(
            e["node"]["id"] for e in numbers["numbers"]["edges"] if e["node"]["number"] == number
        )
        edges = self.arrived(RECORDS, "callRecords.edges", f"the call record of {number}", numberId=number_id)
        (edge,) = edges
        return dict(edge["node"])

    def agrees_with_call_log(self, record: dict[str, Any]) -> None:
        """The node's call log gives ``record`` again: a call the agent had not heard is reported the same."""
        report, _ = logged_reports(self.root)[record["callId"]]
        same = ("caller", "callerArea", "disposition", "answeredPhone", "attempts")
        assert {key: report[key] for key in same} == {key: record[key] for key in same}
        for key in ("startedAt", "answeredAt", "endedAt"):
            logged, reported = (
                dt.datetime.fromisoformat(r[key]) if r[key] else None for r in (report, record)
            )
            assert (logged is None) == (reported is None), key
            assert logged is None or reported is None or abs((logged - reported).total_seconds()) < 0.3, key

    def publish_menu(self, number: str, welcome_audio: bytes) -> None:
        """The seed's menu (查号1 值班2 投诉3 传真4) in service on ``number``.

        Its welcome plays while the call is not yet answered, so it is a ringback tone (彩铃): the customer
        uploads it as a recording and an operator approves it before the menu can go live.
        """
        document = json.loads((REPO / "ivr_flows" / "examples" / "menu.flow.json").read_text())

        async def publish() -> None:
            welcome = await self.service.approved_ringback(number, welcome_audio)
            (step,) = [n for n in document["nodes"] if n["id"] == "welcome"]
            step["props"]["prompt"] = {"prompt": welcome}
            row = await Number.get(number=number)
            flow = await create_flow(row.account_id or 0, "客服热线语音导航", document)
            await pipeline.publish(flow, "上线", "tests", [row])

        self.run(publish())

    def agent_follows_calls(self, connections: int = 1) -> bool:
        """The agent has (re)connected to the manager's call events ``connections`` times: a call the node
        took before would go unreported."""
        return self.agent_log.read_text().count("following call events") >= connections

    def prompt_file(self, name: str) -> bytes:
        return (self.sounds / "hotline" / f"{name}.alaw").read_bytes()


@contextlib.contextmanager
def sip_node(
    root: Path,
    service: ServiceUnderTest,
    base_url: str,
    carrier_port: int,
    *,
    dialplan: str = "",
    rtp_ports: tuple[int, int] = (30000, 31999),
    system_name: str = "",
    high_priority: bool = False,
) -> Iterator[Node]:
    """Asterisk with its agent under ``root``, following the service at ``base_url``; yielded once the
    node holds every number's plan and the caller-area table and its agent follows call events.

    ``dialplan``: contexts of the node's own beside the carrier's (a benchmark's bare ``Dial()``);
    ``rtp_ports`` and ``system_name`` set nodes on one machine apart; ``high_priority`` runs Asterisk at
    realtime priority (:class:`AsteriskInstance`).
    """
    ami_port, sip_port = free_loopback_port(), sip_lab.free_udp_port()
    configs = {
        **node_configs(root, ami_port, sip_lab.FROM_CARRIER + dialplan),
        **sip_lab.sip_configs(sip_port, carrier_port, rtp_ports),
    }
    agent_log = root / "agent.log"
    modules = [*MODULES, *CALL_LOG_MODULES, *sip_lab.SIP_MODULES]
    with (
        AsteriskInstance(
            asterisk_prefix(), root, modules, configs, system_name=system_name, high_priority=high_priority
        ) as asterisk,
        agent_running(base_url, service.token, root, ami_port, agent_log, channel="PJSIP/{number}@carrier"),
    ):
        node = Node(root, service, asterisk, sip_port, carrier_port, base_url, agent_log)
        for number in service.numbers:
            node.holds(number, "Dial(PJSIP/07562222222@carrier,50")
        # Calls are placed by area: wait for the caller-area table once.
        wait_until(lambda: "caller-area table loaded" in agent_log.read_text(), "the area table",
                   agent_log, timeout_s=300)  # fmt: skip
        wait_until(node.agent_follows_calls, "the agent following call events", agent_log)
        yield node


@contextlib.contextmanager
def running_node(
    root: Path,
    numbers: tuple[str, ...],
    dialplan: str = "",
    service_niceness: int = 0,
    high_priority: bool = False,
) -> Iterator[Node]:
    """The service serving ``numbers`` (each first routed to 0756-2222222) and one node (:func:`sip_node`).

    ``service_niceness``: the service's CPU priority (:meth:`ServiceUnderTest.serving`); ``high_priority``:
    the node's Asterisk at realtime priority.
    """
    service = ServiceUnderTest(root / "service", numbers)
    service.root.mkdir(parents=True)
    asyncio.run(service.prepare())
    with (
        service.serving(niceness=service_niceness) as base_url,
        sip_node(
            root, service, base_url, sip_lab.free_udp_port(), dialplan=dialplan, high_priority=high_priority
        ) as node,
    ):
        yield node
