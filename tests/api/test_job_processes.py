"""Two API processes running the billing jobs at the same moment: nothing is done twice."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from api.billing.ledger import reconcile
from api.billing.models import EntryKind, LedgerEntry
from api.billing.recharges import RechargeMethod, recharge
from api.calls.reports import CallReport, record_calls
from api.claims.leases import claim, release
from api.clock import set_clock, to_local, utcnow
from api.config import Config
from api.notify.contacts import set_contacts
from api.notify.models import Channel, Delivery, Notification
from api.notify.outbox import deliver_due
from api.numbers.models import Number, NumberEvent
from api.numbers.numbering import NumberStatus
from api.routing.models import LineYear, NumberRouting
from api.statements.models import Statement
from tests.api.billing_support import account_of, call
from tests.api.notify_support import smtp_server, webhook_server
from tests.api.routing_support import SAVE_SIMPLE, WORK_HOURS, active_number
from tests.api.support import Env
from tests.api.test_calls import _domain

ROOT = Path(__file__).resolve().parents[2]


async def _prepare(env: Env, config: Config) -> tuple[int, int]:
    """An account suspended at least 4 days ago and last month (to reclaim, and a statement to issue), one
    whose line year ended."""
    acme, beta = await env.customer("acme"), await env.customer("beta")
    acme_number = await active_number(acme)
    beta_number = await active_number(beta, "4006228301")
    await acme.data(SAVE_SIMPLE, {"n": acme_number, "s": WORK_HOURS})
    acme_id, beta_id = (await account_of(acme)).id, (await account_of(beta)).id
    await set_contacts(acme_id, "finance@acme.example", "13800138000")
    local = to_local(utcnow())
    into_month = local - local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    set_clock(-max(dt.timedelta(days=4), into_month + dt.timedelta(days=1)))
    await recharge(acme_id, 1500, RechargeMethod.CASH, "acme-1", actor="test")
    await recharge(beta_id, 50_000, RechargeMethod.CASH, "beta-1", actor="test")
    await record_calls([CallReport(**_domain(call("c-1", talk=60)))], config)  # type: ignore[arg-type]
    set_clock(dt.timedelta(0))
    assert (await Number.get(id=int(acme_number))).status == NumberStatus.SUSPENDED
    await NumberRouting.filter(number_id=int(beta_number)).update(extra_lines=2)
    if not await NumberRouting.filter(number_id=int(beta_number)).exists():
        await NumberRouting.create(number_id=int(beta_number), extra_lines=2, updated_at=utcnow())
    await LineYear.create(
        number_id=int(beta_number), paid_lines=2, paid_until=utcnow() - dt.timedelta(days=1)
    )
    return int(acme_number), beta_id


def _run_two(mode: str, config: Config, environment: dict[str, str]) -> list[dict[str, int]]:
    start_at = time.time() + 2.0
    script = str(ROOT / "tests" / "api" / "job_process.py")
    processes = [
        subprocess.Popen(
            [sys.executable, script, mode, str(start_at)],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


@pytest.mark.parametrize("mode", ["claimed", "unclaimed"])
async def test_two_processes_running_the_jobs_at_once_do_nothing_twice(
    env: Env, config: Config, mode: str
) -> None:
    acme_number, beta_id = await _prepare(env, config)
    with smtp_server() as (port, mailbox), webhook_server() as gateway:
        environment = {
            **os.environ,
            "DATABASE_URL": config.database_url,
            "DATA_DIR": str(config.data_dir),
            "SECRET_KEY": "test-secret",
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": str(port),
            "SMTP_TLS": "none",
            "SMS_WEBHOOK_URL": gateway.url,
            "VOICE_WEBHOOK_URL": gateway.url,
        }
        results = _run_two(mode, config, environment)
        # A notice queued while the other process held the delivery job waits for the next interval's run.
        late = dataclasses.replace(
            config, smtp_host="127.0.0.1", smtp_port=port, smtp_tls="none", sms_webhook_url=gateway.url,
            voice_webhook_url=gateway.url,
        )  # fmt: skip
        delivered_late = await deliver_due(late)

    # The number was reclaimed once, with one audit row.
    number = await Number.get(id=acme_number)
    assert number.status == NumberStatus.RECLAIMED
    assert await NumberEvent.filter(number_id=acme_number, to_status=NumberStatus.RECLAIMED).count() == 1
    assert sum(r["reclaim_unpaid_numbers"] for r in results) == 1
    # The line year was renewed once.
    renewals = await LedgerEntry.filter(account_id=beta_id, kind=EntryKind.LINE_FEE).count()
    assert renewals == 1 and sum(r["renew_line_fees"] for r in results) == 1
    # Last month's statements were issued once per account.
    assert await Statement.all().count() == 2 and sum(r["issue_statements"] for r in results) == 2
    # Every notice was delivered exactly once: by the gateway's and the mail server's count.
    messages = await Notification.all()
    assert {m.state for m in messages} == {Delivery.SENT}
    texts = [m for m in messages if m.channel != Channel.EMAIL]
    assert sorted(r["id"] for r in gateway.received) == sorted(m.id for m in texts)
    emails = sorted(m.template for m in messages if m.channel == Channel.EMAIL)
    assert emails == ["low_balance", "reclaimed", "suspended"] and len(mailbox) == 3
    assert sum(r["deliver_notifications"] for r in results) + delivered_late == len(messages)
    assert await reconcile() == []


async def test_one_claim_at_a_time_until_released_or_the_lease_passes(env: Env) -> None:
    lease = dt.timedelta(minutes=10)
    assert await claim("job", lease, holder="a")
    assert not await claim("job", lease, holder="b")
    await release("job", holder="b")  # not b's to release
    assert not await claim("job", lease, holder="b")
    await release("job", holder="a")
    assert await claim("job", lease, holder="b")
    assert await claim("job", lease, now=utcnow() + lease, holder="c")  # b died: the lease passed
