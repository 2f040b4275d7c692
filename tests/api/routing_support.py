"""Helpers for the flow, routing and telephony tests: an active number of a customer, a service token."""

from __future__ import annotations

from api.numbers.importing import import_numbers
from api.numbers.lifecycle import Actor
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus
from tests.api.support import Client, Env

ERR = "... on UserErrors{errors{code field message}}"


async def active_number(owner: Client, number: str = "4006228300") -> str:
    """A number in service for ``owner``'s account (the application path is tested elsewhere); its id."""
    assert owner.user is not None
    await import_numbers(number, Actor(label="test"))
    await Number.filter(number=number).update(status=NumberStatus.ACTIVE, account_id=owner.user.account_id)
    return str((await Number.get(number=number)).id)


async def service_token(env: Env) -> str:
    op = await env.operator("op-token")
    body = await op.data('mutation{createServiceToken(name:"asterisk-1"){... on CreatedApiToken{secret}}}')
    return body["createServiceToken"]["secret"]


def telephony(env: Env, secret: str) -> Client:
    return Client(env.client(authorization=f"Bearer {secret}"))


WORK_HOURS = {
    "destinations": [{"number": "0756-2222222", "waitS": 50, "name": "办公室"}],
    "workWindows": [
        {"days": [1, 2, 3, 4, 5], "start": "08:30", "end": "17:30"},
        {"days": [6], "start": "08:30", "end": "12:00"},
    ],
    "afterHours": [{"number": "15612345678", "waitS": 55, "name": "值班手机"}],
}

SAVE_SIMPLE = f"""mutation($n:ID!,$s:SimpleRoutingInput!){{saveSimpleRouting(numberId:$n,settings:$s){{
  ... on SimpleRoutingSaved{{routing{{planVersion planEtag flowVersionId}} version{{id version flowId}}
  warnings{{code severity message nodeId}}}} {ERR}}}}}"""

SIMULATION = "outcome hangupCause answeredBy path heard rings{number atS durationS outcome} callerAreaCode"

WHAT_HAPPENS = f"""query($n:ID!,$c:SimulatedCallInput!){{whatHappens(numberId:$n,call:$c){{
  ... on Simulation{{{SIMULATION}}} {ERR}}}}}"""
