"""Several Asterisk nodes behind Kamailio: calls spread over the nodes, a stopped node loses no call.

Everything on loopback, as ``docs/telephony.md`` ("Several nodes behind Kamailio") deploys it: one service
process; two Asterisk nodes (``systemname`` node1 and node2, each PJSIP on its own port with its own RTP
range), each with its own agent (own state directory and manager port) following the same service; one
SIPp carrier whose bound phone both nodes ring; and Kamailio with the shipped configuration
(``telephony/kamailio/kamailio.cfg``) and a node list naming both nodes. SIPp callers dial Kamailio's port;
what the customer then reads in the API tells which node took each call (its call id starts with the
node's system name).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from telephony.service import ServiceClient
from tests.telephony import sip_lab
from tests.telephony.asterisk_instance import REPO
from tests.telephony.service_support import ServiceUnderTest, wait_until
from tests.telephony.sip_node import Node, sip_node

KAMAILIO = Path("/usr/sbin/kamailio")
CONFIG = REPO / "telephony" / "kamailio" / "kamailio.cfg"
NUMBERS = ("4006228400", "4006228401")
CALLER = "13926900000"
PHONE = "07562222222"  # every number rings its one bound phone, 0756-2222222 (ServiceUnderTest's routing)
RECORDS = "{ callRecords(first: 100) { edges { node { callId disposition answeredPhone } } } }"


def sip_options(port: int) -> str:
    """Send one OPTIONS to ``127.0.0.1:port`` as a carrier's keep-alive would; the status line, or ""."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.settimeout(0.5)
        local = sock.getsockname()[1]
        tag = uuid.uuid4().hex
        request = (
            f"OPTIONS sip:127.0.0.1:{port} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP 127.0.0.1:{local};branch=z9hG4bK{tag}\r\n"
            f"From: <sip:carrier@127.0.0.1:{local}>;tag={tag[:8]}\r\n"
            f"To: <sip:127.0.0.1:{port}>\r\nCall-ID: {tag}@127.0.0.1\r\nCSeq: 1 OPTIONS\r\n"
            "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n"
        )
        sock.sendto(request.encode(), ("127.0.0.1", port))
        try:
            return sock.recv(4096).split(b"\r\n", 1)[0].decode()
        except TimeoutError:
            return ""


class Kamailio:
    """Kamailio in the foreground with the shipped configuration, every path under ``root``.

    Only ``-A`` defines adapt the file (listen address, node list, keep-alive interval); the keep-alive
    interval is shorter than the default so that a restarted node is back in rotation within seconds, and
    still longer than a keep-alive's own timeout (5 s), as the configuration requires.
    """

    def __init__(self, root: Path, port: int, nodes: dict[str, int]) -> None:
        self.root = root
        self.port = port
        self.nodes = nodes
        self.log = root / "kamailio.log"
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Kamailio:
        self.root.mkdir(parents=True, exist_ok=True)
        node_list = self.root / "nodes.list"
        node_list.write_text(
            "# setid destination flags priority attributes\n"
            + "".join(f"1 sip:127.0.0.1:{port} 0 0 duid={name}\n" for name, port in self.nodes.items())
        )
        argv = [str(KAMAILIO), "-f", str(CONFIG), "-DD", "-E", "-Y", str(self.root / "run"),
                "-w", str(self.root), "-m", "32", "-M", "8", "-n", "2",
                "-A", f"LISTEN=udp:127.0.0.1:{self.port}", "-A", f'DSLIST="{node_list}"',
                "-A", "PING_INTERVAL=6"]  # fmt: skip
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT)

        def answers() -> bool:
            assert self.process is not None and self.process.poll() is None, self.text()
            return sip_options(self.port) == "SIP/2.0 200 OK"

        wait_until(answers, "Kamailio answering OPTIONS", self.log, timeout_s=30)
        return self

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def uri(self, node: str) -> str:
        return f"sip:127.0.0.1:{self.nodes[node]}"

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@dataclass
class Cluster:
    root: Path
    service: ServiceUnderTest
    base_url: str
    nodes: dict[str, Node]
    carrier: sip_lab.Phones
    kamailio: Kamailio
    placed: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def call(self, number: str) -> None:
        """One call from the carrier to ``number`` through Kamailio: the phone answers, the caller talks for
        two seconds and hangs up."""
        name = f"call-{len(self.placed) + 1}"
        script = sip_lab.CallScript(CALLER, number, hangup_after_s=2.0)
        result = sip_lab.place_call(self.root / "calls" / name, self.kamailio.port, script)
        assert result.status == 0, f"{name} failed:\n{result.output}\n{self.kamailio.text()}"
        self.placed.append(name)

    def new_records(self) -> list[dict[str, Any]]:
        """The call records of the calls placed since the last look, as the customer reads them once the
        agents have reported them all; each answered by the bound phone, each with its own call id."""
        client = ServiceClient(self.base_url, self.service.customer_token)
        deadline = time.monotonic() + 120
        while True:
            answer = asyncio.run(client.graphql(RECORDS, {}))
            found = [edge["node"] for edge in answer["callRecords"]["edges"]]
            if len(found) >= len(self.placed):
                break
            if time.monotonic() > deadline:
                agents = "".join(n.agent_log.read_text(errors="replace") for n in self.nodes.values())
                raise AssertionError(f"{len(found)} of {len(self.placed)} calls recorded; agents:\n{agents}")
            time.sleep(0.5)
        assert len({r["callId"] for r in found}) == len(found) == len(self.placed), found
        fresh = [r for r in found if r["callId"] not in self.seen]
        self.seen.update(r["callId"] for r in fresh)
        assert all(r["disposition"] == "ANSWERED" and r["answeredPhone"] == PHONE for r in fresh), fresh
        return fresh


def node_of(record: dict[str, Any]) -> str:
    """The node that took a call: its call id is the channel's Uniqueid, ``<systemname>-<epoch>.<n>``."""
    system_name, _, rest = record["callId"].partition("-")
    assert rest, record
    return system_name


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    if not KAMAILIO.exists():
        pytest.fail(f"{KAMAILIO} is missing: scripts/setup installs Debian's kamailio", pytrace=False)
    root = tmp_path_factory.mktemp("scale-out")
    service = ServiceUnderTest(root / "service", NUMBERS)
    service.root.mkdir()
    asyncio.run(service.prepare())
    carrier_port = sip_lab.free_udp_port()
    rtp_ports = {"node1": (32000, 32499), "node2": (32500, 32999)}
    with service.serving() as base_url, contextlib.ExitStack() as stack:
        nodes = {
            name: stack.enter_context(
                sip_node(root / name, service, base_url, carrier_port, rtp_ports=ports, system_name=name)
            )
            for name, ports in rtp_ports.items()
        }
        phones = [sip_lab.Phone(PHONE, "answer", answer_after_s=1)]
        sip_ports = {name: node.sip_port for name, node in nodes.items()}
        with (
            sip_lab.Phones(root / "carrier", carrier_port, phones) as carrier,
            Kamailio(root / "kamailio", sip_lab.free_udp_port(), sip_ports) as kamailio,
        ):
            yield Cluster(root, service, base_url, nodes, carrier, kamailio)
        for name, node in nodes.items():
            # Kamailio's keep-alives reach a restarting node while it still loads its modules; pjproject
            # warns once that a module registered while its endpoint was already receiving.
            problems = [p for p in node.asterisk.log_problems() if "registered during operation" not in p]
            assert problems == [], name


def test_calls_spread_over_the_nodes_and_a_stopped_node_loses_none(cluster: Cluster) -> None:
    """Round-robin: both nodes take calls. node1 stops: every call still succeeds, on node2 (the first
    one sent to the stopped node moves on after Kamailio's failover timeout). node1 starts again: its
    keep-alive answer brings it back into rotation and it takes calls again."""
    kamailio, node1 = cluster.kamailio, cluster.nodes["node1"]
    for i in range(4):
        cluster.call(NUMBERS[i % 2])
    assert {node_of(r) for r in cluster.new_records()} == {"node1", "node2"}

    # node1 stops. Of the next two calls, round-robin sends one to node1; it does not answer, so Kamailio
    # marks it down and sends that call to node2. Calls after that skip node1.
    log_start = len(kamailio.text())
    node1.asterisk.stop()
    for i in range(3):
        cluster.call(NUMBERS[i % 2])
    assert [node_of(r) for r in cluster.new_records()] == ["node2"] * 3
    since_stop = kamailio.text()[log_start:]
    assert since_stop.count(f"node {kamailio.uri('node1')} failed (408), marked down") == 1, since_stop
    assert since_stop.count(f"to {kamailio.uri('node2')} (failover)") == 1, since_stop

    # node1 starts again; once it answers a keep-alive it is back in rotation and the next two calls are
    # shared again. (Its agent reconnects on its own; the test waits for it so that node1's call is reported.)
    node1.asterisk.start()
    wait_until(lambda: node1.agent_follows_calls(2), "node1's agent following calls again", node1.agent_log)
    back = f"node {kamailio.uri('node1')} answers keep-alives again"
    wait_until(lambda: back in kamailio.text()[log_start:], "node1 back in rotation", kamailio.log)
    for i in range(2):
        cluster.call(NUMBERS[i % 2])
    assert sorted(node_of(r) for r in cluster.new_records()) == ["node1", "node2"]
    assert [i.number for i in cluster.carrier.invites()] == [PHONE] * 9  # every call rang the phone once
