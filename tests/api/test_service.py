"""The whole foundation over real HTTP: the service as `python -m api serve` runs it for a newcomer.

An operator imports numbers, a prospect signs up, reserves one and applies with documents, the operator
approves, and the number is active on the prospect's account.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api import documents

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "TEST_DATABASE_URL"}}
    env["DATA_DIR"] = str(tmp_path / "data")
    subprocess.run([sys.executable, "-m", "api", "demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "api", "serve", "--port", str(port), "--no-access-log"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise AssertionError("service did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        assert process.stdout is not None
        process.stdout.close()


def gql(http: httpx.Client, query: str, variables: dict[str, object] | None = None) -> dict[str, object]:
    body = http.post("/graphql", json={"query": query, "variables": variables or {}}).json()
    assert "errors" not in body, body
    return body["data"]


def test_graphiql_loads_in_a_browser(server: str) -> None:
    page = httpx.get(f"{server}/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert "GraphiQL" in page.text
    # Our own build: every script comes from this service, so it renders without internet.
    scripts = re.findall(r'src="([^"]+)"', page.text)
    assert scripts and all(src.startswith("/assets/") for src in scripts)
    assert httpx.get(f"{server}{scripts[0]}").status_code == 200


def test_import_reserve_apply_approve_over_http(server: str) -> None:
    with httpx.Client(base_url=server) as op, httpx.Client(base_url=server) as prospect:
        gql(op, 'mutation{login(login:"operator",password:"operator-demo-400"){__typename}}')
        imported = gql(
            op,
            'mutation{importNumbers(text:"4009990000-4009990009"){... on ImportNumbersResult{importedCount}}}',
        )
        assert imported["importNumbers"] == {"importedCount": 10}

        signed = gql(
            prospect,
            'mutation{signUp(companyName:"厦门某某贸易有限公司",login:"xm-trade",password:"trade-password-1",'
            'displayName:"陈经理"){__typename}}',
        )
        assert signed["signUp"]["__typename"] == "Viewer"
        found = gql(
            prospect,
            '{availableNumbers(search:{prefix:"400999"},first:1){edges{node{id number carrierName}}}}',
        )
        node = found["availableNumbers"]["edges"][0]["node"]
        assert node["carrierName"] == "中国电信"
        reservation = gql(
            prospect,
            "mutation($id:ID!){reserveNumber(numberId:$id){... on Reservation{id}}}",
            {"id": node["id"]},
        )

        operations = {
            "query": """mutation($r:ID!,$c:CompanyInput!,$d:DocumentsInput!){submitApplication(reservationId:$r,company:$c,documents:$d){
              __typename ... on Application{id status}}}""",
            "variables": {
                "r": reservation["reserveNumber"]["id"],
                "c": {
                    "companyName": "厦门某某贸易有限公司",
                    "creditCode": "91350100M000100Y43",
                    "legalRepName": "陈某",
                    "contactName": "陈经理",
                    "contactPhone": "0592-5551234",
                    "boundNumbers": ["13959212345"],
                },
                "d": {},
            },
        }
        kinds = [
            "businessLicence",
            "legalRepIdFront",
            "legalRepIdBack",
            "applicationForm",
            "networkAccessAgreement",
        ]
        response = prospect.post(
            "/graphql",
            data={
                "operations": json.dumps(operations),
                "map": json.dumps({str(i): [f"variables.d.{k}"] for i, k in enumerate(kinds)}),
            },
            files={str(i): (f"{k}.pdf", documents.pdf()) for i, k in enumerate(kinds)},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        application = response.json()["data"]["submitApplication"]
        assert application["status"] == "SUBMITTED"

        approved = gql(
            op,
            "mutation($id:ID!){approveApplication(applicationId:$id){... on Application{status}}}",
            {"id": application["id"]},
        )
        assert approved["approveApplication"] == {"status": "APPROVED"}
        mine = gql(prospect, "{me{account{name numbers{edges{node{number status}}}}}}")
        assert mine["me"]["account"]["numbers"]["edges"] == [
            {"node": {"number": node["number"], "status": "ACTIVE"}}
        ]
