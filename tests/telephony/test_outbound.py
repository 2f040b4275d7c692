"""The guarded client that flows' HTTP requests go through, against a real HTTPS server on loopback."""

from __future__ import annotations

import ipaddress
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from telephony.outbound import OutboundError, OutboundPolicy, address_refusal, guarded_request
from tests.telephony.https_lab import Crm, crm_server


@pytest.fixture
async def crm(tmp_path: Path) -> AsyncIterator[Crm]:
    async with crm_server(tmp_path) as server:
        yield server


def allowing(crm: Crm, *hosts: str) -> OutboundPolicy:
    return OutboundPolicy(allow_hosts=frozenset(hosts or ("127.0.0.1", "localhost")), cafile=crm.cafile)


async def test_an_allowlisted_loopback_host_answers_with_query_body_and_headers(crm: Crm) -> None:
    response = await guarded_request(
        "POST",
        crm.url("/customer?src=ivr", host="localhost"),
        allowing(crm),
        query={"phone": "13812345678"},
        json_body={"order": "123"},
        headers={"Authorization": "Bearer k1"},
    )
    answer = response.json()
    assert response.status == 200
    assert answer == {
        "customer": {"level": "7", "name": "张三"},
        "query": {"src": "ivr", "phone": "13812345678"},
        "body": {"order": "123"},
        "auth": "Bearer k1",
    }
    assert response.address == "127.0.0.1"  # pinned: the socket went to the address that was checked


async def test_loopback_is_refused_unless_the_operator_allowlisted_the_host(crm: Crm) -> None:
    for host in ("127.0.0.1", "localhost"):
        with pytest.raises(OutboundError) as refused:
            await guarded_request("GET", crm.url("/customer", host=host), OutboundPolicy(cafile=crm.cafile))
        assert refused.value.kind == "refused" and "回环" in refused.value.message
    assert crm.requests == []  # nothing was sent


async def test_plain_http_only_to_allowlisted_hosts() -> None:
    with pytest.raises(OutboundError) as refused:
        await guarded_request("GET", "http://crm.example.com/x", OutboundPolicy())
    assert (refused.value.kind, refused.value.code) == ("refused", "not_https")
    assert "https" in refused.value.message


@pytest.mark.parametrize(
    "address",
    [
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "224.0.0.1",
        "0.0.0.0",
        "240.0.0.1",
        "100.64.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::",
    ],
)
def test_every_kind_of_non_public_address_is_refused(address: str) -> None:
    assert address_refusal(ipaddress.ip_address(address)) is not None


def test_public_addresses_pass_but_not_the_services_own() -> None:
    own = (ipaddress.ip_network("203.0.113.0/24"), ipaddress.ip_network("8.8.8.0/24"))
    assert address_refusal(ipaddress.ip_address("1.1.1.1"), own) is None
    assert "本平台" in (address_refusal(ipaddress.ip_address("8.8.8.8"), own) or "")


async def test_a_name_resolving_to_any_private_address_is_refused_and_resolved_once(crm: Crm) -> None:
    asked: list[str] = []

    async def rebinding(host: str, port: int) -> list[str]:
        asked.append(host)  # a rebinding server would answer differently the second time
        return ["93.184.216.34", "10.0.0.5"]

    policy = OutboundPolicy(resolve=rebinding)
    with pytest.raises(OutboundError) as refused:
        await guarded_request("GET", "https://crm.example.com/x", policy)
    assert refused.value.code == "address" and "10.0.0.5" in refused.value.message
    assert asked == ["crm.example.com"]


async def test_the_connection_goes_to_the_checked_address_with_the_name_for_tls(crm: Crm) -> None:
    async def resolver(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    policy = OutboundPolicy(allow_hosts=frozenset({"crm.test"}), cafile=crm.cafile, resolve=resolver)
    # the certificate names localhost, not crm.test: the name is what TLS checks, not the address
    with pytest.raises(OutboundError) as failed:
        await guarded_request("GET", f"https://crm.test:{crm.port}/customer", policy)
    assert failed.value.code == "tls"


async def test_redirects_are_not_followed(crm: Crm) -> None:
    with pytest.raises(OutboundError) as failed:
        await guarded_request("GET", crm.url("/redirect"), allowing(crm))
    assert (failed.value.kind, failed.value.code) == ("failure", "redirect")
    assert len(crm.requests) == 1


async def test_a_body_over_64_kib_is_aborted(crm: Crm) -> None:
    with pytest.raises(OutboundError) as failed:
        await guarded_request("GET", crm.url("/big"), allowing(crm))
    assert failed.value.code == "too_large" and "64 KB" in failed.value.message


async def test_a_slow_server_times_out_within_3_seconds(crm: Crm) -> None:
    started = time.monotonic()
    with pytest.raises(OutboundError) as failed:
        await guarded_request(
            "GET", crm.url("/slow"), OutboundPolicy(**{**allowing(crm).__dict__, "timeout_s": 10})
        )
    assert failed.value.kind == "timeout"
    assert time.monotonic() - started < 3.5  # the 3 s cap holds even when asked for more


async def test_an_untrusted_certificate_fails(crm: Crm) -> None:
    policy = OutboundPolicy(allow_hosts=frozenset({"127.0.0.1"}))  # the test CA not trusted
    with pytest.raises(OutboundError) as failed:
        await guarded_request("GET", crm.url("/customer"), policy)
    assert failed.value.code == "tls"


async def test_credentials_in_the_url_are_refused() -> None:
    with pytest.raises(OutboundError) as refused:
        await guarded_request("GET", "https://user:pw@crm.example.com/x", OutboundPolicy())
    assert refused.value.code == "bad_url"
