"""R8 end to end: told at 35 yuan (email at a real SMTP server, SMS and voice at a gateway), suspended below
15 (callers hear the suspension), resumed by a recharge, reclaimed after 3 days without one."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator

import pytest

from api.accounts.models import Account
from api.clock import set_clock, utcnow
from api.config import Config
from api.jobs import run_jobs_once
from api.notify.models import Channel, Delivery, Notification
from api.notify.outbox import deliver_due
from api.numbers.models import Number, NumberEvent
from api.numbers.numbering import NumberStatus
from api.routing.models import CompiledPlan
from api.thresholds import standing
from tests.api.billing_support import ALLOWANCE, REPORT, account_of, balance, call, recharge
from tests.api.notify_support import Gateway, notifying_env, smtp_server, webhook_server
from tests.api.routing_support import (
    SAVE_SIMPLE,
    WHAT_HAPPENS,
    WORK_HOURS,
    active_number,
    service_token,
    telephony,
)
from tests.api.support import Client, Env

PLAN = """mutation{createRatePlan(name:"整分钟1元",pricePerMinuteFen:100,incrementSeconds:60,minimumFen:0){
  ... on RatePlan{id}}}"""
ASSIGN = "mutation($a:ID!,$p:ID!){assignRatePlan(accountId:$a,ratePlanId:$p){__typename}}"
CONTACTS = """mutation($a:ID!,$e:String!,$p:String!){setBillingContacts(accountId:$a,email:$e,phone:$p){
  __typename ... on UserErrors{errors{code field}}}}"""
WEEKDAY_10 = "2026-03-04T10:00:00+08:00"


@pytest.fixture
def clock() -> Iterator[None]:
    yield
    set_clock(dt.timedelta(0))


@pytest.fixture
def servers() -> Iterator[tuple[int, list, Gateway]]:  # type: ignore[type-arg]
    with smtp_server() as (port, mailbox), webhook_server() as gateway:
        yield port, mailbox, gateway


class World:
    def __init__(self, env: Env, op: Client, acme: Client, phone: Client, number_id: str, account_id: int):
        self.env, self.op, self.acme, self.phone = env, op, acme, phone
        self.number_id, self.account_id = number_id, account_id
        self.calls = 0

    async def talk(self, minutes: int) -> None:
        self.calls += 1
        body = await self.phone.data(REPORT, {"c": call(f"call-{self.calls}", talk=minutes * 60 - 5)})
        assert body["reportCall"]["__typename"] == "CallReportOutcome", body

    async def status(self) -> NumberStatus:
        return (await Number.get(id=int(self.number_id))).status

    async def heard(self) -> list[str]:
        body = await self.acme.data(WHAT_HAPPENS, {"n": self.number_id, "c": {"at": WEEKDAY_10}})
        return body["whatHappens"]["heard"]


async def _world(env: Env, opening_fen: int) -> World:
    op = await env.operator()
    acme = await env.customer("acme")
    account = await account_of(acme)
    number_id = await active_number(acme)
    await acme.data(SAVE_SIMPLE, {"n": number_id, "s": WORK_HOURS})
    plan = (await op.data(PLAN))["createRatePlan"]["id"]
    await op.data(ASSIGN, {"a": str(account.id), "p": plan})
    contacts = {"a": str(account.id), "e": "finance@acme.example", "p": "138-0013-8000"}
    assert (await acme.data(CONTACTS, contacts))["setBillingContacts"]["__typename"] == "BillingSettings"
    await recharge(op, account.id, opening_fen, "opening")
    return World(env, op, acme, telephony(env, await service_token(env)), number_id, account.id)


async def _messages(template: str) -> list[Notification]:
    return await Notification.filter(template=template).order_by("id")


async def test_a_customer_at_40_yuan_is_warned_suspended_resumed_and_called_again(
    config: Config,
    servers: tuple[int, list, Gateway],  # type: ignore[type-arg]
) -> None:
    port, mailbox, gateway = servers
    env = notifying_env(config, port, gateway)
    world = await _world(env, 4000)
    assert await world.heard() != ["您拨打的号码已停机"]

    for _ in range(4):
        await world.talk(1)
    assert await balance(world.acme) == 3600 and await _messages("low_balance") == []
    await world.talk(1)  # 35.00 yuan: told once, by email, SMS and phone
    warned = await _messages("low_balance")
    assert sorted(m.channel for m in warned) == [Channel.EMAIL, Channel.SMS, Channel.VOICE]
    assert await deliver_due(env.config) == 3
    assert len(mailbox) == 1
    email = mailbox[0]
    assert email["To"] == "finance@acme.example" and email["From"] == "billing@hotline.test"
    assert "话费余额不足35元提醒" in email["Subject"]
    assert "话费余额为35.00元" in email.get_content()
    assert sorted(r["channel"] for r in gateway.received) == ["sms", "voice"]
    assert {r["to"] for r in gateway.received} == {"13800138000"}
    assert all("已不足35元" in r["text"] for r in gateway.received)
    assert gateway.headers[0]["Authorization"] == "Bearer gateway-secret"
    assert {m.state for m in await Notification.all()} == {Delivery.SENT}
    await world.talk(1)  # still below 35: no second warning for the same crossing
    assert len(await _messages("low_balance")) == 3

    await world.talk(20)  # 34.00 − 20.00 = 14.00 yuan: below 15, suspended at once
    assert await balance(world.acme) == 1400
    assert await world.status() == NumberStatus.SUSPENDED
    assert await world.heard() == ["您拨打的号码已停机"]
    plan = await CompiledPlan.get(number_id=int(world.number_id))
    assert plan.compiled_status == "suspended" and "您拨打的号码已停机" in plan.plan_json
    allowance = await world.phone.data(ALLOWANCE, {"n": "4006228300"})
    assert allowance["callAllowance"]["seconds"] == 0
    told = await _messages("suspended")
    assert sorted(m.channel for m in told) == [Channel.EMAIL, Channel.SMS]
    assert "400-622-8300" in told[0].body

    await recharge(world.op, world.account_id, 1000, "pay-after-suspension")  # 24.00 yuan ≥ 15: resumed
    assert await world.status() == NumberStatus.ACTIVE
    assert await world.heard() != ["您拨打的号码已停机"]
    assert len(await _messages("resumed")) == 2
    assert (await world.phone.data(ALLOWANCE, {"n": "4006228300"}))["callAllowance"]["seconds"] == 24 * 60
    await world.talk(2)  # called again, and charged
    assert await balance(world.acme) == 2200

    events = await NumberEvent.filter(number_id=int(world.number_id)).order_by("id")
    billing = [
        (e.from_status, e.to_status, e.actor_label) for e in events if e.actor_label == "system:billing"
    ]
    assert billing == [
        (NumberStatus.ACTIVE, NumberStatus.ACTIVE, "system:billing"),  # the warning
        (NumberStatus.ACTIVE, NumberStatus.SUSPENDED, "system:billing"),
        (NumberStatus.SUSPENDED, NumberStatus.ACTIVE, "system:billing"),
    ]
    assert "不足35元" in events[-3].reason

    # Above 35 yuan the next crossing warns again.
    await recharge(world.op, world.account_id, 2000, "pay-3")
    await world.talk(8)
    assert await balance(world.acme) == 3400
    assert len(await _messages("low_balance")) == 6


async def test_an_unrecharged_account_loses_its_numbers_after_three_days(env: Env, clock: None) -> None:
    world = await _world(env, 2000)
    await world.talk(6)  # 14.00 yuan
    assert await world.status() == NumberStatus.SUSPENDED
    set_clock(dt.timedelta(days=2, hours=23))
    await run_jobs_once(env.config)
    assert await world.status() == NumberStatus.SUSPENDED
    set_clock(dt.timedelta(days=3, minutes=1))
    results = await run_jobs_once(env.config)
    assert results["reclaim_unpaid_numbers"] == 1
    number = await Number.get(id=int(world.number_id))
    assert number.status == NumberStatus.RECLAIMED and number.account_id is None
    assert number.available_from is not None and number.available_from > utcnow() + dt.timedelta(days=29)
    assert not await CompiledPlan.filter(number_id=number.id).exists()
    last = await NumberEvent.filter(number_id=number.id).order_by("-id").first()
    assert (
        last is not None
        and last.reason == "停机满3天未续费,自动回收"
        and last.actor_label == "system:billing"
    )
    reclaimed = await _messages("reclaimed")
    assert [m.channel for m in reclaimed] == [Channel.EMAIL, Channel.SMS] and "400-622-8300" in reclaimed[
        0
    ].body
    assert (await run_jobs_once(env.config))["reclaim_unpaid_numbers"] == 0
    # A recharge now resumes nothing: the number is gone.
    await recharge(world.op, world.account_id, 5000, "too-late")
    assert (await Number.get(id=number.id)).status == NumberStatus.RECLAIMED


async def test_concurrent_balance_checks_warn_and_suspend_once(env: Env) -> None:
    world = await _world(env, 2000)
    await Account.filter(id=world.account_id).update(balance_fen=1000)  # as if charges raced past both lines
    await asyncio.gather(*[standing.apply(world.account_id) for _ in range(10)])
    assert len(await _messages("low_balance")) == 3
    assert len(await _messages("suspended")) == 2
    suspensions = await NumberEvent.filter(to_status=NumberStatus.SUSPENDED).count()
    assert suspensions == 1


async def test_a_failed_delivery_is_retried_with_back_off_then_given_up(
    config: Config,
    clock: None,
    servers: tuple[int, list, Gateway],  # type: ignore[type-arg]
) -> None:
    port, _, gateway = servers
    env = notifying_env(config, port, gateway)
    world = await _world(env, 3600)
    await world.talk(1)
    gateway.fail = 2
    await deliver_due(env.config)
    sms = await Notification.filter(channel=Channel.SMS).first()
    assert sms is not None and (sms.state, sms.attempts) == (Delivery.PENDING, 1)
    assert "HTTP 500" in sms.last_error
    voice = await Notification.get(channel=Channel.VOICE)
    assert voice.attempts == 1 and voice.state == Delivery.PENDING
    assert await deliver_due(env.config) == 0  # not due before its back-off (60 s)
    set_clock(dt.timedelta(seconds=61))
    assert await deliver_due(env.config) == 2
    assert {m.state for m in await Notification.filter(channel__in=[Channel.SMS, Channel.VOICE])} == {
        Delivery.SENT
    }
    # A gateway that never answers: after NOTIFY_MAX_ATTEMPTS the message is marked failed.
    gone = dataclasses_replace(env.config, sms_webhook_url="http://127.0.0.1:9/none", notify_max_attempts=2)
    await recharge(world.op, world.account_id, 1000, "again")
    await world.talk(11)
    sms = await Notification.filter(channel=Channel.SMS).order_by("-id").first()
    assert sms is not None
    for minutes in (2, 4, 8):
        set_clock(dt.timedelta(minutes=minutes))
        await deliver_due(gone)
    sms = await Notification.get(id=sms.id)
    assert (sms.state, sms.attempts) == (Delivery.FAILED, 2)


def dataclasses_replace(config: Config, **changes: object) -> Config:
    import dataclasses

    return dataclasses.replace(config, **changes)  # type: ignore[arg-type]


MISSED = "mutation($n:ID!,$e:Boolean!){setMissedCallSms(numberId:$n,enabled:$e){__typename}}"


async def test_missed_calls_are_texted_for_10_fen_when_opted_in(env: Env) -> None:
    world = await _world(env, 10_000)
    await world.phone.data(REPORT, {"c": call("m-0")})
    assert await Notification.filter(template="missed_call").count() == 0  # not opted in yet
    await world.acme.data(MISSED, {"n": world.number_id, "e": True})
    await world.phone.data(REPORT, {"c": call("m-1", caller="02087654321")})
    await world.phone.data(REPORT, {"c": call("m-1", caller="02087654321")})  # a retry
    await world.phone.data(REPORT, {"c": call("m-2", talk=30)})  # answered: no text
    texts = await _messages("missed_call")
    assert len(texts) == 1 and texts[0].channel == Channel.SMS and texts[0].recipient == "13800138000"
    assert (
        "02087654321" in texts[0].body
        and "12月01日 10:00" in texts[0].body
        and "400-622-8300" in texts[0].body
    )
    assert await balance(world.acme) == 10_000 - 10 - 100
    await world.acme.data(MISSED, {"n": world.number_id, "e": False})
    await world.phone.data(REPORT, {"c": call("m-3")})
    assert len(await _messages("missed_call")) == 1
