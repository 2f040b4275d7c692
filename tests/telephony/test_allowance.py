"""Call allowances end to end: the service's seconds in AstDB, a bridged call cut when they run out.

The agent runs as its own process between the service (its own process) and Asterisk. Three customers:
the usual one with a large balance (an allowance of a day, the service's cap), one whose balance pays
for a single 6-second increment at 100 yuan a minute (an allowance of 6 s), and one whose balance is
above the suspension threshold but below one 60-second increment at that price (an allowance of 0: the
number is active, the balance exhausted). Calls go over Local channels to a phone that answers and
would talk for a minute. Deadlines are generous; no speed is asserted.
"""

from __future__ import annotations

import re
import signal
from pathlib import Path

from api.calls.models import CallRecord
from telephony.allowance import worth_writing
from telephony.service import ServiceClient
from tests.telephony.asterisk_instance import (
    AsteriskInstance,
    asterisk_prefix,
    free_loopback_port,
)
from tests.telephony.service_support import (
    LOCAL_NODE_MODULES,
    NUMBERS,
    ServiceUnderTest,
    agent_running,
    arrived,
    node_configs,
    wait_until,
)
from tests.telephony.test_agent import holds

FAMILY = "hotline-allowance"
SHORT, EXHAUSTED = "4006228310", "4006228320"
PHONES = """
[inbound]
exten => _400XXXXXXX,1,Set(CALLERID(num)=13926900000)
 same => n,Goto(hotline-${EXTEN},s,1)

[phones]
; Answers and would talk for a minute.
exten => 07568888888,1,Answer()
 same => n,Wait(60)
"""
#: 100 yuan a minute (the highest price an operator may set): one 6 s increment costs 10 yuan.
PRICE_FEN = 10_000


def astdb(asterisk: AsteriskInstance) -> dict[str, str]:
    """The allowance family as Asterisk holds it: number → value."""
    shown = asterisk.rx(f"database show {FAMILY}")
    return dict(re.findall(rf"/{FAMILY}/(\d+)\s*:\s*(\S+)", shown))


async def test_asterisk_holds_each_numbers_allowance_and_cuts_the_call_when_it_runs_out(
    tmp_path: Path,
) -> None:
    service = ServiceUnderTest(tmp_path / "service")
    service.root.mkdir()
    await service.prepare()
    await service.add_customer(
        "short", SHORT, "0756-8888888", balance_fen=1_500, price_per_minute_fen=PRICE_FEN, increment_seconds=6
    )
    exhausted = await service.add_customer(
        "broke",
        EXHAUSTED,
        "0756-8888888",
        balance_fen=5_000,
        price_per_minute_fen=PRICE_FEN,
        increment_seconds=60,
    )

    root = tmp_path / "asterisk"
    ami_port = free_loopback_port()
    configs = node_configs(root, ami_port, PHONES)
    log = tmp_path / "agent.log"
    served = [*NUMBERS, SHORT, EXHAUSTED]
    with (
        AsteriskInstance(asterisk_prefix(), root, LOCAL_NODE_MODULES, configs) as asterisk,
        service.serving() as base_url,
    ):
        # A key left from a number this node no longer serves.
        asterisk.rx(f"database put {FAMILY} 4009999999 120")
        environment = {"TELEPHONY_ALLOWANCE_SECONDS": "2"}
        with agent_running(base_url, service.token, root, ami_port, log, environment=environment) as agent:
            wait_until(lambda: all(holds(asterisk, n, "Dial(") for n in served), "the first sync", log)
            # Each served number's allowance, as the service computes it; the stale key is gone.
            client = ServiceClient(base_url, service.token)
            computed = {}
            for number in served:
                answer = await client.graphql(
                    "query($n:String!){callAllowance(number:$n){seconds}}", {"n": number}
                )
                computed[number] = str(answer["callAllowance"]["seconds"])
            assert computed == {NUMBERS[0]: "86400", NUMBERS[1]: "86400", SHORT: "6", EXHAUSTED: "0"}
            wait_until(lambda: astdb(asterisk) == computed, "the allowances in AstDB", log)
            # Every plan plays the suspension announcement once a balance is exhausted: it is installed.
            for fmt in ("alaw", "ulaw"):
                assert (root / "data" / "sounds" / "hotline" / f"sys-suspended.{fmt}").stat().st_size > 4000

            # Calls are placed once the caller-area table is in: the agent, whose clock times the calls,
            # is then not busy with half a million puts.
            wait_until(
                lambda: "caller-area table loaded" in log.read_text(), "the area table", log, timeout_s=300
            )

            # Allowance 0: the caller hears 您拨打的号码已停机 and the call ends; no phone rings.
            asterisk.rx(f"channel originate Local/{EXHAUSTED}@inbound application Wait 20")
            refused = await arrived(
                service, lambda: CallRecord.filter(number_text=EXHAUSTED).first(), "the refused call", log
            )
            assert refused.disposition.value == "suspended", refused.disposition
            assert refused.attempts == [] and refused.answered_at is None and refused.charge_fen == 0

            # Allowance 6 s: the phone answers and would talk a minute; Asterisk hangs up after 6 s.
            asterisk.rx(f"channel originate Local/{SHORT}@inbound application Wait 60")
            cut = await arrived(
                service,
                lambda: CallRecord.filter(number_text=SHORT).first(),
                "the call cut by its allowance",
                log,
                timeout_s=90,
            )
            assert cut.disposition.value == "answered" and cut.answered_phone == "07568888888"
            assert cut.caller_area == "0756" and cut.answered_at is not None
            # Talk time as the agent timed it from the manager's events: the allowance, give or take the
            # events' delivery.
            talked = (cut.ended_at - cut.answered_at).total_seconds()
            assert 5 <= talked <= 8, talked
            assert cut.charge_fen >= PRICE_FEN // 10  # the 6 s increment: 10 yuan
            # The report moved the balance (5 yuan left at most): the agent asks again at once, and the
            # next call would be refused.
            wait_until(lambda: astdb(asterisk).get(SHORT) == "0", "the allowance after the report", log)
            # Below 15 yuan billing also suspends the number; its new plan is fetched alone, by ETag.
            wait_until(
                lambda: "Dial(" not in asterisk.rx(f"dialplan show hotline-{SHORT}"), "the suspension", log
            )
            assert "hotline/sys-suspended" in asterisk.rx(f"dialplan show hotline-{SHORT}")

            # A recharge changes no plan: the periodic refresh brings the new allowance (one minute).
            await service.recharge(exhausted, 10_000, "broke-0002")
            wait_until(lambda: astdb(asterisk).get(EXHAUSTED) == "60", "the allowance after a recharge", log)
            assert astdb(asterisk)[NUMBERS[0]] == "86400"
            # Four plans came in the first sync's page, then the suspended number's plan alone.
            health = re.compile(r"health: .*plans=4 .*plans_fetched=5 plans_unchanged=0 allowances=4 ")
            wait_until(lambda: health.search(log.read_text()) is not None, "the health line", log)
            agent.send_signal(signal.SIGTERM)
            assert agent.wait(timeout=60) == 0
        text = log.read_text()
        assert "Traceback" not in text and "call allowances not synced" not in text
        assert asterisk.log_problems() == []


def test_an_allowance_is_rewritten_only_when_the_change_matters() -> None:
    """Every AstDB write stalls the node's calls while Asterisk commits: small drops of large
    allowances wait; a missing key, zero on either side, any rise and low balances are exact."""
    assert worth_writing(None, 200_000) and worth_writing("junk", 10)
    assert worth_writing("200000", 0) and worth_writing("0", 6)
    assert worth_writing("200000", 200_006)  # a recharge never waits
    assert not worth_writing("200000", 199_880)  # two minutes of talk off 55 hours
    assert worth_writing("200000", 189_999)  # a twentieth gone
    assert worth_writing("3000", 2_994)  # under an hour: exact
    assert not worth_writing("3600", 3_600)
