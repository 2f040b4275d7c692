"""R3, R4: applying for a reserved number with documents; operators approve or reject; nothing half-done."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from api.applications.checks import valid_credit_code
from api.applications.models import Application, Document
from api.numbers.importing import import_numbers
from api.numbers.lifecycle import Actor
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus
from api.reservations.models import Reservation
from tests.api import documents
from tests.api.support import Client, Env, gql_upload

CREDIT_CODE = "91350100M000100Y43"
SUBMIT = """mutation($r:ID!,$c:CompanyInput!,$d:DocumentsInput!){submitApplication(reservationId:$r,company:$c,documents:$d){
  __typename ... on Application{id status number documents{kind filename contentType sizeBytes sha256 url}}
  ... on UserErrors{errors{code field message}}}}"""
RESERVE = "mutation($id:ID!){reserveNumber(numberId:$id){... on Reservation{id}}}"
REVIEW_FIELDS = (
    "__typename ... on Application{status rejectReason} ... on UserErrors{errors{code field message}}"
)


def company(**changes: Any) -> dict[str, Any]:
    data = {
        "companyName": "珠海某某科技有限公司",
        "creditCode": CREDIT_CODE,
        "legalRepName": "张三",
        "contactName": "李四",
        "contactPhone": "13800138000",
        "boundNumbers": ["0756-3331234", "+86 139 2345 6789"],
    }
    return data | changes


def files(*, agreement: bool = False, **override: tuple[str, bytes]) -> dict[str, tuple[str, bytes]]:
    chosen = {
        "d.businessLicence": ("营业执照.pdf", documents.pdf()),
        "d.legalRepIdFront": ("front.png", documents.png()),
        "d.legalRepIdBack": ("back.jpg", documents.jpeg()),
        "d.applicationForm": ("受理单.pdf", documents.pdf()),
    }
    if agreement:
        chosen["d.networkAccessAgreement"] = ("入网协议.pdf", documents.pdf())
    chosen |= {f"d.{k}": v for k, v in override.items()}
    return chosen


async def submit(
    client: Client, reservation_id: str, uploads: dict[str, tuple[str, bytes]], **company_changes: Any
) -> dict[str, Any]:
    variables = {"r": reservation_id, "c": company(**company_changes), "d": {}}
    body = await gql_upload(client, SUBMIT, variables, uploads)
    assert "errors" not in body, body
    return body["data"]["submitApplication"]


async def reserved(env: Env, login: str, number: str) -> tuple[Client, str]:
    await import_numbers(number, Actor(label="test"))
    client = await env.customer(login)
    n = await Number.get(number=number)
    reservation = (await client.data(RESERVE, {"id": str(n.id)}))["reserveNumber"]
    return client, reservation["id"]


def stored_files(env: Env) -> list[Path]:
    root = env.config.documents_dir
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_credit_code_checksum() -> None:
    assert valid_credit_code(CREDIT_CODE)
    assert not valid_credit_code(CREDIT_CODE[:-1] + "X")
    assert not valid_credit_code("91350100M000100Y4")


async def test_full_application_approved_makes_the_number_active(env: Env) -> None:
    client, rid = await reserved(env, "acme", "4006000001")
    app = await submit(client, rid, files())
    assert app["__typename"] == "Application" and app["status"] == "SUBMITTED"
    assert {d["kind"] for d in app["documents"]} == {
        "BUSINESS_LICENCE",
        "LEGAL_REP_ID_FRONT",
        "LEGAL_REP_ID_BACK",
        "APPLICATION_FORM",
    }
    assert {d["contentType"] for d in app["documents"]} == {"application/pdf", "image/png", "image/jpeg"}
    number = await Number.get(number="4006000001")
    assert number.status == NumberStatus.APPLIED
    saved = await Application.get(id=int(app["id"]))
    assert saved.bound_numbers == ["07563331234", "13923456789"]

    licence = next(d for d in app["documents"] if d["kind"] == "BUSINESS_LICENCE")
    download = await client.http.get(licence["url"])
    assert download.status_code == 200 and download.content == documents.pdf()

    op = await env.operator()
    pending = (await op.data("{applications(status:SUBMITTED){totalCount edges{node{id companyName}}}}"))[
        "applications"
    ]
    assert pending["totalCount"] == 1
    approved = (
        await op.data(
            f"mutation($id:ID!){{approveApplication(applicationId:$id){{{REVIEW_FIELDS}}}}}",
            {"id": app["id"]},
        )
    )["approveApplication"]
    assert approved["status"] == "APPROVED"
    number = await Number.get(number="4006000001")
    account_id = (await client.data("{me{account{id}}}"))["me"]["account"]["id"]
    assert (number.status, str(number.account_id)) == (NumberStatus.ACTIVE, account_id)
    assert (await Reservation.get(id=int(rid))).end_reason == "contracted"
    mine = (await client.data("{me{account{numbers{edges{node{number status}}}}}}"))["me"]["account"][
        "numbers"
    ]
    assert mine["edges"] == [{"node": {"number": "4006000001", "status": "ACTIVE"}}]


async def test_telecom_numbers_need_the_network_access_agreement(env: Env) -> None:
    client, rid = await reserved(env, "acme", "4008000001")
    missing = await submit(client, rid, files())
    assert missing["errors"] == [
        {
            "code": "missing_document",
            "field": "networkAccessAgreement",
            "message": "请上传电信400用户入网协议",
        }
    ]
    assert await submit(client, rid, files(agreement=True)) | {"documents": None, "id": None} == {
        "__typename": "Application",
        "status": "SUBMITTED",
        "number": "4008000001",
        "documents": None,
        "id": None,
    }


async def test_other_carriers_do_not_take_the_agreement(env: Env) -> None:
    client, rid = await reserved(env, "acme", "4001000001")
    result = await submit(client, rid, files(agreement=True))
    assert result["errors"][0]["code"] == "document_not_needed"
    assert stored_files(env) == []


@pytest.mark.parametrize(
    ("bound", "message"),
    [
        (["+852 2123 4567"], "+852 2123 4567:仅支持中国大陆号码,不支持港澳台及境外号码"),
        (["00853 2833 3000"], "00853 2833 3000:仅支持中国大陆号码,不支持港澳台及境外号码"),
        (["+886 2 2345 6789"], "+886 2 2345 6789:仅支持中国大陆号码,不支持港澳台及境外号码"),
        (["+1 415 555 0100"], "+1 415 555 0100:仅支持中国大陆号码,不支持港澳台及境外号码"),
    ],
)
async def test_bound_numbers_outside_mainland_china_are_refused(
    env: Env, bound: list[str], message: str
) -> None:
    client, rid = await reserved(env, "acme", "4006000001")
    result = await submit(client, rid, files(), boundNumbers=bound)
    assert result["errors"] == [{"code": "not_mainland", "field": "boundNumbers", "message": message}]
    assert await Application.all().count() == 0
    assert (await Number.get(number="4006000001")).status == NumberStatus.RESERVED
    assert stored_files(env) == []


async def test_every_problem_is_reported_at_once_and_nothing_is_kept(env: Env) -> None:
    client, rid = await reserved(env, "acme", "4006000001")
    result = await submit(
        client,
        rid,
        files(legalRepIdFront=("front.gif", b"GIF89a....")),
        creditCode="123",
        contactPhone="+852 9123 4567",
        companyName=" ",
    )
    assert {(e["code"], e["field"]) for e in result["errors"]} == {("unsupported_file", "legalRepIdFront")}
    result = await submit(
        client, rid, files(), creditCode="123", contactPhone="+852 9123 4567", companyName=" "
    )
    assert {(e["code"], e["field"]) for e in result["errors"]} == {
        ("required", "companyName"),
        ("invalid_credit_code", "creditCode"),
        ("not_mainland", "contactPhone"),
    }
    assert stored_files(env) == []
    assert await Document.all().count() == 0


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (("a.pdf", b"%PDF-1.4 truncated"), "corrupt_file"),
        (("a.png", documents.png()[:-12]), "corrupt_file"),
        (("a.exe", b"MZ\x90\x00"), "unsupported_file"),
        (("a.pdf", b""), "empty_file"),
    ],
)
async def test_files_are_checked_by_content(env: Env, upload: tuple[str, bytes], code: str) -> None:
    client, rid = await reserved(env, "acme", "4006000001")
    result = await submit(client, rid, files(businessLicence=upload))
    assert result["errors"] == [
        {"code": code, "field": "businessLicence", "message": result["errors"][0]["message"]}
    ]
    assert stored_files(env) == []


async def test_oversized_upload_is_refused(env: Env) -> None:
    client, rid = await reserved(env, "acme", "4006000001")
    big = documents.pdf()[:-6] + b"\x00" * (env.config.upload_max_bytes + 10) + b"%%EOF\n"
    result = await submit(client, rid, files(businessLicence=("big.pdf", big)))
    assert result["errors"][0]["code"] == "file_too_large"
    assert stored_files(env) == []


async def test_a_failure_after_files_were_written_removes_them(env: Env) -> None:
    client, rid = await reserved(env, "acme", "4006000001")
    # The hold ends between the checks and the transaction: the files written must go again.
    await Number.filter(number="4006000001").update(status=NumberStatus.AVAILABLE)
    result = await submit(client, rid, files())
    assert result["errors"][0]["code"] == "not_reserved"
    assert stored_files(env) == []
    assert await Application.all().count() == 0


async def test_reject_fix_and_resubmit_then_withdraw(env: Env) -> None:
    client, rid = await reserved(env, "acme", "4006000001")
    app = await submit(client, rid, files())
    op = await env.operator()
    reject = (
        f"mutation($id:ID!,$r:String!){{rejectApplication(applicationId:$id,reason:$r){{{REVIEW_FIELDS}}}}}"
    )
    empty = (await op.data(reject, {"id": app["id"], "r": " "}))["rejectApplication"]
    assert empty["errors"][0]["field"] == "reason"
    rejected = (await op.data(reject, {"id": app["id"], "r": "营业执照扫描件不清晰"}))["rejectApplication"]
    assert rejected == {
        "__typename": "Application",
        "status": "REJECTED",
        "rejectReason": "营业执照扫描件不清晰",
    }
    seen = (await client.data("query($id:ID!){application(id:$id){status rejectReason}}", {"id": app["id"]}))[
        "application"
    ]
    assert seen == {"status": "REJECTED", "rejectReason": "营业执照扫描件不清晰"}
    assert (await Number.get(number="4006000001")).status == NumberStatus.RESERVED

    resubmit = """mutation($id:ID!,$c:CompanyInput!,$d:DocumentsInput){resubmitApplication(applicationId:$id,company:$c,documents:$d){
      __typename ... on Application{status documents{kind replaced}} ... on UserErrors{errors{code message}}}}"""
    body = await gql_upload(
        client,
        resubmit,
        {"id": app["id"], "c": company(), "d": {}},
        {"d.businessLicence": ("clear.pdf", documents.pdf())},
    )
    again = body["data"]["resubmitApplication"]
    assert again["status"] == "SUBMITTED"
    licences = [d for d in again["documents"] if d["kind"] == "BUSINESS_LICENCE"]
    assert sorted(d["replaced"] for d in licences) == [False, True]
    assert (await Number.get(number="4006000001")).status == NumberStatus.APPLIED

    withdrawn = (
        await client.data(
            f"mutation($id:ID!){{withdrawApplication(applicationId:$id){{{REVIEW_FIELDS}}}}}",
            {"id": app["id"]},
        )
    )["withdrawApplication"]
    assert withdrawn["status"] == "WITHDRAWN"
    number = await Number.get(number="4006000001")
    assert (number.status, number.account_id) == (NumberStatus.AVAILABLE, None)


async def test_documents_download_only_for_owner_and_operators(env: Env) -> None:
    client, rid = await reserved(env, "acme", "4006000001")
    app = await submit(client, rid, files())
    url = app["documents"][0]["url"]
    other = await env.customer("globex")
    assert (await other.http.get(url)).status_code == 404
    assert (await env.anonymous().http.get(url)).status_code == 401
    op = await env.operator()
    assert (await op.http.get(url)).status_code == 200
    assert (await client.http.get("/documents/99999")).status_code == 404
    assert (await client.http.get("/documents/..%2F..%2Fsecret.key")).status_code == 404


async def test_documents_open_inline_for_the_review_screen_and_download_otherwise(env: Env) -> None:
    client, rid = await reserved(env, "acme", "4006000001")
    app = await submit(client, rid, files())
    front = next(d for d in app["documents"] if d["kind"] == "LEGAL_REP_ID_FRONT")
    op = await env.operator()
    shown = await op.http.get(f"{front['url']}?inline=1")
    assert shown.status_code == 200
    assert shown.headers["content-type"] == "image/png"
    assert shown.headers["content-disposition"].startswith("inline;")
    assert shown.headers["x-content-type-options"] == "nosniff"
    assert shown.content == documents.png()
    saved = await op.http.get(front["url"])
    assert saved.headers["content-disposition"].startswith("attachment;")
    # Inline is a way of showing, not of access: another customer still finds nothing.
    other = await env.customer("globex")
    assert (await other.http.get(f"{front['url']}?inline=1")).status_code == 404
