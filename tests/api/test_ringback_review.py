"""Ringback review and fee (R16): pending until an operator approves or rejects; 3000 fen per upload,
charged once; only approved tones publish; a prompt a published flow plays cannot be deleted."""

from __future__ import annotations

from typing import Any

from api.media.models import MediaItem
from api.plans.context import analysis_context
from tests.api import audio_files
from tests.api.media_support import APPROVE, DELETE, ERR, LEDGER, LIST, REJECT, new_key, text_prompt, upload
from tests.api.support import Client, Env

IMPORT = f"mutation($n:String!,$d:JSON!){{importFlow(name:$n,document:$d){{... on Flow{{id}} {ERR}}}}}"
PUBLISH = f'mutation($id:ID!){{publishFlow(id:$id,message:""){{... on FlowVersion{{version}} {ERR}}}}}'


def flow_document(ringback: str, welcome: str) -> dict[str, Any]:
    dial = {
        "id": "d",
        "type": "dial",
        "props": {
            "destinations": [{"number": "13812345678", "wait_s": 55}],
            "ringback": {"prompt": ringback},
        },
    }
    play = {"id": "welcome", "type": "play", "props": {"prompt": {"prompt": welcome}}}
    return {
        "format_version": 1,
        "nodes": [{"id": "start", "type": "start"}, play, dial],
        "edges": [
            {"id": "e1", "source": "start", "exit": "next", "target": "welcome"},
            {"id": "e2", "source": "welcome", "exit": "next", "target": "d"},
        ],
    }


async def _ringback(client: Client, key: str | None = None) -> dict[str, Any]:
    return await upload(client, "RINGBACK", "公司彩铃", audio_files.speech_mp3(), key=key)


async def test_a_ringback_upload_is_pending_and_charged_once(env: Env) -> None:
    acme = await env.customer("acme")
    fee = (await acme.data("{mediaUsage{ringbackFeeFen}}"))["mediaUsage"]["ringbackFeeFen"]
    assert fee == 3000  # what the upload screen announces before the upload
    key = new_key()
    item = await _ringback(acme, key)
    assert item["reviewStatus"] == "PENDING" and item["rejectReason"] is None
    assert (await _ringback(acme, key))["id"] == item["id"]  # the retry
    ledger = (await acme.data(LEDGER))["ledgerEntries"]
    assert ledger["totalCount"] == 1
    entry = ledger["edges"][0]["node"]
    assert entry == {
        "accountId": item["accountId"],
        "amountFen": -3000,
        "kind": "RINGBACK_FEE",
        "description": "彩铃审核费:公司彩铃",
        "reference": f"media:{item['id']}",
    }
    second = await _ringback(acme)  # a new upload (new key) of the same file is a new review and fee
    assert second["id"] != item["id"]
    assert (await acme.data(LEDGER))["ledgerEntries"]["totalCount"] == 2
    balance = await acme.data("{me{account{balanceFen}}}")
    assert balance["me"]["account"]["balanceFen"] == -6000  # each fee is taken from the balance at once
    prompt = await text_prompt(acme, "您好")
    assert prompt["reviewStatus"] == "NOT_REQUIRED"
    assert (await acme.data(LEDGER))["ledgerEntries"]["totalCount"] == 2


async def test_operators_approve_or_reject_with_a_reason_the_customer_sees(env: Env) -> None:
    acme = await env.customer("acme")
    operator = await env.operator()
    good = await _ringback(acme)
    bad = await upload(acme, "RINGBACK", "另一首", audio_files.speech_mp3("促销活动,全场五折"))
    queue = (await operator.data(LIST, {"s": "PENDING"}))["mediaItems"]
    assert {e["node"]["id"] for e in queue["edges"]} == {good["id"], bad["id"]}
    denied = await acme.gql(APPROVE, {"id": good["id"]})
    assert denied["errors"][0]["message"] == "仅限运营人员使用"
    approved = (await operator.data(APPROVE, {"id": good["id"]}))["approveRingback"]
    assert approved["reviewStatus"] == "APPROVED" and approved["reviewedAt"] is not None
    twice = (await operator.data(APPROVE, {"id": good["id"]}))["approveRingback"]
    assert twice["errors"][0]["code"] == "not_pending"
    no_reason = (await operator.data(REJECT, {"id": bad["id"], "r": "  "}))["rejectRingback"]
    assert no_reason["errors"][0] == {
        "code": "required",
        "field": "reason",
        "message": "请填写驳回原因,客户将看到此原因",
    }
    rejected = (await operator.data(REJECT, {"id": bad["id"], "r": "含有夸大宣传用语"}))["rejectRingback"]
    assert rejected["reviewStatus"] == "REJECTED"
    seen = (await acme.data(LIST, {"k": "RINGBACK"}))["mediaItems"]["edges"]
    assert {e["node"]["name"]: (e["node"]["reviewStatus"], e["node"]["rejectReason"]) for e in seen} == {
        "公司彩铃": ("APPROVED", None),
        "另一首": ("REJECTED", "含有夸大宣传用语"),
    }
    prompt = await text_prompt(acme, "您好")
    not_ringback = (await operator.data(APPROVE, {"id": prompt["id"]}))["approveRingback"]
    assert not_ringback["errors"][0]["code"] == "not_ringback"


async def test_only_approved_ringbacks_publish_and_a_used_prompt_cannot_be_deleted(env: Env) -> None:
    acme = await env.customer("acme")
    operator = await env.operator()
    ringback = await _ringback(acme)
    welcome = await text_prompt(acme, "欢迎致电")
    account_id = int(ringback["accountId"])
    context = await analysis_context(account_id)
    assert context.prompts == {welcome["promptId"]}
    assert context.approved_ringbacks == frozenset()
    document = flow_document(ringback["promptId"], welcome["promptId"])
    flow = (await acme.data(IMPORT, {"n": "总机流程", "d": document}))["importFlow"]
    refused = (await acme.data(PUBLISH, {"id": flow["id"]}))["publishFlow"]
    assert [e["code"] for e in refused["errors"]] == ["ringback_not_approved"]
    await operator.data(APPROVE, {"id": ringback["id"]})
    context = await analysis_context(account_id)
    assert context.approved_ringbacks == {ringback["promptId"]}
    assert context.prompts == {welcome["promptId"], ringback["promptId"]}
    assert (await acme.data(PUBLISH, {"id": flow["id"]}))["publishFlow"] == {"version": 1}
    for item in (welcome, ringback):
        in_use = (await acme.data(DELETE, {"id": item["id"]}))["deleteMedia"]
        assert in_use["errors"][0]["code"] == "in_use"
        assert "总机流程" in in_use["errors"][0]["message"]
    # A new version without them frees both prompts.
    document["nodes"][1]["props"]["prompt"] = {"tts": "欢迎致电"}
    del document["nodes"][2]["props"]["ringback"]
    save = f"mutation($id:ID!,$d:JSON!){{saveFlowDraft(id:$id,document:$d,baseRevision:1){{... on Flow{{id}} {ERR}}}}}"
    assert (await acme.data(save, {"id": flow["id"], "d": document}))["saveFlowDraft"] == {"id": flow["id"]}
    assert (await acme.data(PUBLISH, {"id": flow["id"]}))["publishFlow"] == {"version": 2}
    deleted = (await acme.data(DELETE, {"id": welcome["id"]}))["deleteMedia"]
    assert deleted["deletedAt"] is not None
    assert await MediaItem.filter(deleted_at__isnull=True).count() == 1
    assert (await analysis_context(account_id)).prompts == {ringback["promptId"]}


async def test_the_review_queue_is_first_come_first_served_and_the_decided_list_newest_first(
    env: Env,
) -> None:
    acme = await env.customer("acme")
    operator = await env.operator()
    first = await _ringback(acme)
    second = await upload(acme, "RINGBACK", "第二首", audio_files.speech_mp3("欢迎致电"))
    page = (
        "query($n:Boolean!){mediaItems(kind:RINGBACK,reviewStatus:PENDING,newestFirst:$n){edges{node{id}}}}"
    )
    oldest = (await operator.data(page, {"n": False}))["mediaItems"]["edges"]
    assert [e["node"]["id"] for e in oldest] == [first["id"], second["id"]]
    newest = (await operator.data(page, {"n": True}))["mediaItems"]["edges"]
    assert [e["node"]["id"] for e in newest] == [second["id"], first["id"]]
