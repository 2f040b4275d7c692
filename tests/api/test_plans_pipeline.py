"""The publishing pipeline: one load and one analysis per publication, one transaction, wake-ups after it."""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

import ivr_flows
from api.errors import UserError
from api.flows.models import Flow, FlowVersion
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus
from api.plans import pipeline
from api.plans.wakeups import wait_for_change
from api.routing.models import CompiledPlan, NumberRouting, PlanChange
from tests.api.routing_support import SAVE_SIMPLE, WHAT_HAPPENS, WORK_HOURS, active_number
from tests.api.support import Client, Env
from tests.sqlcount import count_statements

WEEKDAY_10 = "2026-03-04T10:00:00+08:00"


@contextmanager
def counting(*functions: Callable[..., Any]) -> Iterator[Counter[str]]:
    """Count calls of ``functions`` however they are reached: every binding in ``api`` and ``ivr_flows``
    modules that is the function itself is wrapped for the block (instrumentation, not a stand-in)."""
    calls: Counter[str] = Counter()
    patches: list[tuple[object, str, object]] = []
    for function in functions:

        def wrapper(*args: Any, _f: Callable[..., Any] = function, **kwargs: Any) -> Any:
            calls[_f.__name__] += 1
            return _f(*args, **kwargs)

        for name, module in list(sys.modules.items()):
            if module is None or not name.startswith(("api", "ivr_flows")):
                continue
            for attribute, value in list(vars(module).items()):
                if value is function:
                    patches.append((module, attribute, value))
                    setattr(module, attribute, wrapper)
    try:
        yield calls
    finally:
        for module, attribute, value in patches:
            setattr(module, attribute, value)


async def _save(client: Client, number_id: str) -> dict[str, Any]:
    body = await client.data(SAVE_SIMPLE, {"n": number_id, "s": {**WORK_HOURS, "voicemail": True}})
    assert "version" in body["saveSimpleRouting"], body
    return body["saveSimpleRouting"]


async def test_saving_the_simple_form_parses_analyses_and_reads_prompts_once(env: Env) -> None:
    client = await env.customer("owner")
    number_id = await active_number(client)
    for version in (1, 2):  # the first save creates the flow, the second regenerates it
        with counting(ivr_flows.load_flow, ivr_flows.analyse) as calls, count_statements() as sql:
            saved = await _save(client, number_id)
        assert saved["version"]["version"] == version
        assert calls == {"load_flow": 1, "analyse": 1}
        assert sum("media_items" in s for s in sql.statements) == 1
        assert sum("holiday_overrides" in s for s in sql.statements) == 1
    plan = await CompiledPlan.get(number_id=int(number_id))
    assert plan.compiled_status == "active"


async def test_putting_a_version_on_several_numbers_is_all_or_nothing(env: Env) -> None:
    client = await env.customer("owner")
    first_id = await active_number(client, "4006228300")
    second_id = await active_number(client, "4006228301")
    await _save(client, first_id)
    await _save(client, first_id)
    older = await FlowVersion.get(version=1)
    before = await CompiledPlan.get(number_id=int(first_id))
    await Number.filter(id=int(second_id)).update(status=NumberStatus.RESERVED)
    numbers = [await Number.get(id=int(first_id)), await Number.get(id=int(second_id))]
    with pytest.raises(UserError) as refused:
        await pipeline.assign(older, numbers)
    assert refused.value.code == "number_not_in_service"
    routing = await NumberRouting.get(number_id=int(first_id)).prefetch_related("flow_version")
    assert routing.flow_version is not None and routing.flow_version.version == 2
    assert (await CompiledPlan.get(number_id=int(first_id))).version == before.version
    assert await NumberRouting.filter(number_id=int(second_id)).count() == 0

    # A failure after the pipeline's own writes, inside a caller's transaction, undoes them too.
    flow = await Flow.get(id=older.flow_id)
    with pytest.raises(RuntimeError):
        async with pipeline.transaction():
            await pipeline.publish(flow, "回滚测试", "owner", numbers[:1])
            raise RuntimeError("the caller's next step failed")
    assert await FlowVersion.filter(flow_id=flow.id).count() == 2
    assert (await CompiledPlan.get(number_id=int(first_id))).version == before.version


async def _settle(task: asyncio.Task[None]) -> bool:
    """Let the loop run the wake-up callbacks; whether the waiter has returned."""
    for _ in range(20):
        if task.done():
            return True
        await asyncio.sleep(0)
    return task.done()


async def test_long_polls_wake_after_the_commit_and_not_for_a_rollback(env: Env) -> None:
    client = await env.customer("owner")
    number_id = await active_number(client)
    await _save(client, number_id)
    number = await Number.get(id=int(number_id))
    flow = await Flow.get(account_id=number.account_id)
    flow.draft = flow.draft.replace("办公室", "前台")
    await flow.save(update_fields=["draft"])
    changes = await PlanChange.all().count()

    waiter = asyncio.create_task(wait_for_change(60))
    await asyncio.sleep(0)
    with pytest.raises(RuntimeError):
        async with pipeline.transaction():
            await pipeline.publish(flow, "", "owner", [number])
            raise RuntimeError("rolled back")
    assert not await _settle(waiter)
    assert await PlanChange.all().count() == changes

    async with pipeline.transaction():
        await pipeline.publish(flow, "", "owner", [number])
        assert not await _settle(waiter)  # recorded, not yet committed: nobody may read it yet
    assert await _settle(waiter)
    assert await PlanChange.all().count() == changes + 1


async def test_recompiling_an_account_puts_a_suspension_into_its_plans(env: Env) -> None:
    client = await env.customer("owner")
    number_id = await active_number(client)
    await _save(client, number_id)
    before = await CompiledPlan.get(number_id=int(number_id))
    assert client.user is not None and client.user.account_id is not None
    # What billing does when the balance runs out: the status changes, then the account's plans follow.
    await Number.filter(id=int(number_id)).update(status=NumberStatus.SUSPENDED)
    assert await pipeline.recompile_account(client.user.account_id) == 1
    after = await CompiledPlan.get(number_id=int(number_id))
    assert after.compiled_status == "suspended" and after.version > before.version
    assert await pipeline.recompile_account(client.user.account_id) == 0  # nothing changed since
    body = await client.data(WHAT_HAPPENS, {"n": number_id, "c": {"at": WEEKDAY_10}})
    assert body["whatHappens"]["heard"] == ["您拨打的号码已停机"]
