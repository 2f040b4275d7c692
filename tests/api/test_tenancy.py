"""Tenant isolation: every operation that takes an id, called by another customer with the victim's ids.

The matrix is checked against the schema itself, so an operation added later without a case here fails.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from api.accounts.models import ApiToken, User
from api.applications.models import Application, Document
from api.billing.models import AccountBilling, LedgerEntry
from api.billing.recharges import RechargeMethod, recharge
from api.clock import utcnow
from api.media.models import MediaItem, MediaKind, MediaSettings, ReviewStatus
from api.numbers.importing import import_numbers
from api.numbers.lifecycle import Actor
from api.numbers.models import Number, NumberEvent
from api.numbers.numbering import NumberStatus
from api.recordings.models import Recording, RecordingKind
from api.reservations.models import Reservation
from api.schema import build_schema
from api.statements.models import Statement
from tests.api import documents
from tests.api.support import Env, gql_upload
from tests.api.tenancy_checks import Case, World, empty, not_found, null, operators_only, refused
from tests.api.test_applications import SUBMIT, company
from tests.api.test_routing_tenancy import CASES as ROUTING_CASES


async def _world(env: Env) -> World:
    await import_numbers("4006000001\n4006000002\n4006000003", Actor(label="test"))
    victim = await env.customer("victim")
    intruder = await env.customer("intruder")
    numbers = {n.number: str(n.id) for n in await Number.all()}
    reserve = "mutation($id:ID!){reserveNumber(numberId:$id){... on Reservation{id}}}"
    held = (await victim.data(reserve, {"id": numbers["4006000001"]}))["reserveNumber"]["id"]
    applied = (await victim.data(reserve, {"id": numbers["4006000002"]}))["reserveNumber"]["id"]
    uploads = {
        "d.businessLicence": ("l.pdf", documents.pdf()),
        "d.legalRepIdFront": ("f.png", documents.png()),
        "d.legalRepIdBack": ("b.png", documents.png()),
        "d.applicationForm": ("a.pdf", documents.pdf()),
    }
    app = (await gql_upload(victim, SUBMIT, {"r": applied, "c": company(), "d": {}}, uploads))["data"]
    token = await victim.data('mutation{createApiToken(name:"ci"){... on CreatedApiToken{token{id}}}}')
    account = (await victim.data("{me{account{id}}}"))["me"]["account"]["id"]
    receipt = await recharge(int(account), 1000, RechargeMethod.CASH, "tenancy-1", actor="test")
    await Number.filter(number="4006000003").update(status=NumberStatus.ACTIVE, account_id=int(account))
    media, recording = await _media_and_recording(int(account), int(numbers["4006000003"]))
    statement = await Statement.create(
        account_id=int(account), month=dt.date(2026, 11, 1), opening_fen=0, recharges_fen=0, call_charges_fen=0,
        fees_fen=0, adjustments_fen=0, closing_fen=0, calls=0, billed_seconds=0, issued_at=utcnow(),
    )  # fmt: skip
    return World(
        victim,
        intruder,
        {
            "account": account,
            "held_number": numbers["4006000001"],
            "active_number": numbers["4006000003"],
            "reservation": held,
            "applied_reservation": applied,
            "application": app["submitApplication"]["id"],
            "token": token["createApiToken"]["token"]["id"],
            "media": str(media.id),
            "recording": str(recording.id),
            "statement": str(statement.id),
            "recharge_entry": str(receipt.entry.id),
        },
    )


async def _media_and_recording(account_id: int, number_id: int) -> tuple[MediaItem, Recording]:
    """A pending ringback and a call recording of the victim (rows only: no audio is needed here)."""
    now, sha = utcnow(), "0" * 64
    media = await MediaItem.create(
        account_id=account_id, kind=MediaKind.RINGBACK, name="彩铃", review_status=ReviewStatus.PENDING,
        duration_seconds=1.0, peak_dbfs=-3.0, wav_sha256=sha, ulaw_sha256=sha, alaw_sha256=sha,
        preview_sha256=sha, size_bytes=1, source_sha256=sha, metadata={}, created_at=now, updated_at=now,
    )  # fmt: skip
    recording = await Recording.create(
        account_id=account_id, number_id=number_id, number_text="4006000003", kind=RecordingKind.CALL,
        call_id="call-1", caller="13912345678", started_at=now, duration_seconds=1.0, wav_sha256=sha,
        preview_sha256=sha, size_bytes=1, created_at=now,
    )  # fmt: skip
    return media, recording


async def _snapshot() -> dict[str, Any]:
    """Everything an intruder might try to change."""
    return {
        "numbers": sorted(await Number.all().values_list("number", "status", "account_id")),
        "events": await NumberEvent.all().count(),
        "reservations": sorted(
            await Reservation.all().values_list("id", "ended_at", "end_reason", "expires_at")
        ),
        "applications": sorted(
            await Application.all().values_list("id", "status", "company_name", "reject_reason")
        ),
        "documents": await Document.all().count(),
        "users": await User.all().count(),
        "tokens": sorted(await ApiToken.all().values_list("id", "revoked_at")),
        "media": sorted(
            await MediaItem.all().values_list("id", "name", "review_status", "reject_reason", "deleted_at")
        ),
        "media_settings": sorted(await MediaSettings.all().values_list("account_id", "quota_bytes")),
        "recordings": sorted(await Recording.all().values_list("id", "deleted_at")),
        "ledger": await LedgerEntry.all().count(),
        "billing": sorted(
            await AccountBilling.all().values_list("account_id", "notify_email", "missed_call_numbers")
        ),
    }


ERR = "... on UserErrors{errors{code}}"
CASES: dict[str, Case] = {
    "Query.account": (
        "query($id:ID!){account(id:$id){name}}",
        lambda i: {"id": i["account"]},
        null("account"),
    ),
    "Query.number": (
        "query($id:ID!){number(id:$id){number}}",
        lambda i: {"id": i["active_number"]},
        null("number"),
    ),
    "Query.numberEvents": (
        "query($id:ID!){numberEvents(numberId:$id){reason}}",
        lambda i: {"id": i["held_number"]},
        empty("numberEvents"),
    ),
    "Query.reservation": (
        "query($id:ID!){reservation(id:$id){id}}",
        lambda i: {"id": i["reservation"]},
        null("reservation"),
    ),
    "Query.application": (
        "query($id:ID!){application(id:$id){id}}",
        lambda i: {"id": i["application"]},
        null("application"),
    ),
    "Mutation.createCustomerUser": (
        f'mutation($id:ID!){{createCustomerUser(accountId:$id,login:"mole",password:"password-123",displayName:"x"){{{ERR}}}}}',
        lambda i: {"id": i["account"]},
        not_found("createCustomerUser"),
    ),
    "Mutation.revokeApiToken": (
        f"mutation($id:ID!){{revokeApiToken(id:$id){{{ERR}}}}}",
        lambda i: {"id": i["token"]},
        not_found("revokeApiToken"),
    ),
    "Mutation.changeNumberStatus": (
        'mutation($id:ID!){changeNumberStatus(id:$id,status:SUSPENDED,reason:"x"){__typename}}',
        lambda i: {"id": i["active_number"]},
        operators_only,
    ),
    "Mutation.reserveNumber": (
        f"mutation($id:ID!){{reserveNumber(numberId:$id){{{ERR}}}}}",
        lambda i: {"id": i["held_number"]},
        not_found("reserveNumber", "not_available"),
    ),
    "Mutation.releaseReservation": (
        f"mutation($id:ID!){{releaseReservation(id:$id){{{ERR}}}}}",
        lambda i: {"id": i["reservation"]},
        not_found("releaseReservation"),
    ),
    "Mutation.submitApplication": (
        f"mutation($id:ID!,$c:CompanyInput!){{submitApplication(reservationId:$id,company:$c,documents:{{}}){{{ERR}}}}}",
        lambda i: {"id": i["reservation"], "c": company()},
        not_found("submitApplication"),
    ),
    "Mutation.resubmitApplication": (
        f"mutation($id:ID!,$c:CompanyInput!){{resubmitApplication(applicationId:$id,company:$c){{{ERR}}}}}",
        lambda i: {"id": i["application"], "c": company(companyName="偷梁换柱有限公司")},
        not_found("resubmitApplication"),
    ),
    "Mutation.withdrawApplication": (
        f"mutation($id:ID!){{withdrawApplication(applicationId:$id){{{ERR}}}}}",
        lambda i: {"id": i["application"]},
        not_found("withdrawApplication"),
    ),
    "Mutation.approveApplication": (
        "mutation($id:ID!){approveApplication(applicationId:$id){__typename}}",
        lambda i: {"id": i["application"]},
        operators_only,
    ),
    "Mutation.rejectApplication": (
        'mutation($id:ID!){rejectApplication(applicationId:$id,reason:"x"){__typename}}',
        lambda i: {"id": i["application"]},
        operators_only,
    ),
    "Query.mediaItem": (
        "query($id:ID!){mediaItem(id:$id){id}}",
        lambda i: {"id": i["media"]},
        null("mediaItem"),
    ),
    "Query.mediaItems": (
        "query($id:ID!){mediaItems(accountId:$id){totalCount}}",
        lambda i: {"id": i["account"]},
        empty("mediaItems"),
    ),
    "Query.recording": (
        "query($id:ID!){recording(id:$id){id}}",
        lambda i: {"id": i["recording"]},
        null("recording"),
    ),
    "Mutation.renameMedia": (
        f'mutation($id:ID!){{renameMedia(id:$id,name:"偷换"){{{ERR}}}}}',
        lambda i: {"id": i["media"]},
        not_found("renameMedia"),
    ),
    "Mutation.deleteMedia": (
        f"mutation($id:ID!){{deleteMedia(id:$id){{{ERR}}}}}",
        lambda i: {"id": i["media"]},
        not_found("deleteMedia"),
    ),
    "Mutation.approveRingback": (
        "mutation($id:ID!){approveRingback(id:$id){__typename}}",
        lambda i: {"id": i["media"]},
        operators_only,
    ),
    "Mutation.rejectRingback": (
        'mutation($id:ID!){rejectRingback(id:$id,reason:"x"){__typename}}',
        lambda i: {"id": i["media"]},
        operators_only,
    ),
    "Mutation.cleanUpSignups": (
        'mutation($id:ID!){cleanUpSignups(accountIds:[$id],reason:"x"){__typename}}',
        lambda i: {"id": i["account"]},
        operators_only,
    ),
    "Mutation.setMediaQuota": (
        "mutation($id:ID!){setMediaQuota(accountId:$id,quotaMegabytes:1){__typename}}",
        lambda i: {"id": i["account"]},
        operators_only,
    ),
    "Mutation.rechargeAccount": (
        'mutation($id:ID!){rechargeAccount(accountId:$id,amountFen:100,method:CASH,reference:"x"){__typename}}',
        lambda i: {"id": i["account"]},
        operators_only,
    ),
    "Mutation.adjustBalance": (
        'mutation($id:ID!){adjustBalance(accountId:$id,amountFen:100,reason:"x",idempotencyKey:"k"){__typename}}',
        lambda i: {"id": i["account"]},
        operators_only,
    ),
    "Mutation.assignRatePlan": (
        "mutation($id:ID!){assignRatePlan(accountId:$id,ratePlanId:null){__typename}}",
        lambda i: {"id": i["account"]},
        operators_only,
    ),
    "Query.rechargeReceipt": (
        "query($id:ID!){rechargeReceipt(entryId:$id){number}}",
        lambda i: {"id": i["recharge_entry"]},
        null("rechargeReceipt"),
    ),
    "Query.flows": (
        "query($id:ID!){flows(accountId:$id){totalCount}}",
        lambda i: {"id": i["account"]},
        empty("flows"),
    ),
    "Query.flowModules": (
        "query($id:ID!){flowModules(accountId:$id){totalCount}}",
        lambda i: {"id": i["account"]},
        empty("flowModules"),
    ),
    "Query.ledgerEntries": (
        "query($id:ID!){ledgerEntries(accountId:$id){totalCount}}",
        lambda i: {"id": i["account"]},
        empty("ledgerEntries"),
    ),
    "Query.billingSettings": (
        "query($id:ID!){billingSettings(accountId:$id){accountId}}",
        lambda i: {"id": i["account"]},
        null("billingSettings"),
    ),
    "Query.callRecords": (
        "query($id:ID!){callRecords(numberId:$id){totalCount}}",
        lambda i: {"id": i["active_number"]},
        refused("callRecords"),
    ),
    "Query.recordings": (
        "query($id:ID!){recordings(numberId:$id){totalCount}}",
        lambda i: {"id": i["active_number"]},
        refused("recordings"),
    ),
    "Query.callStatistics": (
        'query($id:ID!){callStatistics(numberId:$id,since:"2026-01-01T00:00:00+08:00",'
        'until:"2026-02-01T00:00:00+08:00"){periods{number}}}',
        lambda i: {"id": i["active_number"]},
        refused("callStatistics"),
    ),
    "Mutation.setBillingContacts": (
        f'mutation($id:ID!){{setBillingContacts(accountId:$id,email:"mole@x.example",phone:""){{{ERR}}}}}',
        lambda i: {"id": i["account"]},
        not_found("setBillingContacts"),
    ),
    "Mutation.setMissedCallSms": (
        f"mutation($id:ID!){{setMissedCallSms(numberId:$id,enabled:true){{{ERR}}}}}",
        lambda i: {"id": i["active_number"]},
        not_found("setMissedCallSms"),
    ),
    "Query.statement": (
        "query($id:ID!){statement(id:$id){month}}",
        lambda i: {"id": i["statement"]},
        null("statement"),
    ),
    "Mutation.deleteRecording": (
        f"mutation($id:ID!){{deleteRecording(id:$id){{{ERR}}}}}",
        lambda i: {"id": i["recording"]},
        not_found("deleteRecording"),
    ),
}


def _operations_taking_ids() -> set[str]:
    schema = build_schema()._schema
    found = set()
    for root in (schema.query_type, schema.mutation_type, schema.subscription_type):
        if root is None:
            continue
        for name, field in root.fields.items():
            if any("ID" in str(arg.type) for arg in field.args.values()):
                found.add(f"{root.name}.{name}")
    return found


def test_every_operation_taking_an_id_has_a_tenancy_case() -> None:
    covered = set(CASES) | {name.split(" ")[0] for name in ROUTING_CASES}
    missing = _operations_taking_ids() - covered
    assert not missing, (
        f"add tenancy cases for {sorted(missing)} (tests/api/test_tenancy.py or the domain's tenancy file)"
    )


@pytest.mark.parametrize("operation", sorted(CASES))
async def test_another_tenants_id_reveals_and_changes_nothing(env: Env, operation: str) -> None:
    world = await _world(env)
    query, variables, check = CASES[operation]
    before = await _snapshot()
    check(await world.intruder.gql(query, variables(world.ids)))
    assert await _snapshot() == before
    # The same ids work for their owner, so the case really points at existing objects.
    if operation.startswith("Query."):
        body = await world.victim.gql(query, variables(world.ids))
        assert body["data"][operation.split(".")[1]] not in (None, []), body


async def test_account_numbers_of_another_tenant_are_not_reachable(env: Env) -> None:
    world = await _world(env)
    mine = await world.intruder.data("{me{account{numbers{totalCount}}}}")
    assert mine["me"]["account"]["numbers"]["totalCount"] == 0
    listed = await world.intruder.data(
        "{numbers{totalCount} reservations{totalCount} applications{totalCount}}"
    )
    assert listed == {
        "numbers": {"totalCount": 0},
        "reservations": {"totalCount": 0},
        "applications": {"totalCount": 0},
    }
    theirs = await world.victim.data(
        "{numbers{totalCount} reservations{totalCount} applications{totalCount}}"
    )
    assert theirs == {
        "numbers": {"totalCount": 3},
        "reservations": {"totalCount": 2},
        "applications": {"totalCount": 1},
    }


async def test_operators_see_every_tenant(env: Env) -> None:
    world = await _world(env)
    op = await env.operator()
    body = await op.data(
        "query($id:ID!){account(id:$id){name} application(id:$a){companyName}}".replace(
            "query($id:ID!)", "query($id:ID!,$a:ID!)"
        ),
        {"id": world.ids["account"], "a": world.ids["application"]},
    )
    assert body == {"account": {"name": "victim公司"}, "application": {"companyName": "珠海某某科技有限公司"}}
