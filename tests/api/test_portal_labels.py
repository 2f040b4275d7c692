"""What the portal shows people instead of machine references: ledger references in Chinese with the
ringback's name and the 400 number, and the customer's own phones, which caller lists show unmasked."""

from __future__ import annotations

from api.billing.models import EntryKind
from api.statements.monthly import FEE_NAMES_ZH
from tests.api import audio_files
from tests.api.billing_support import ADJUST, account_of, recharge
from tests.api.media_support import upload
from tests.api.routing_support import SAVE_SIMPLE, active_number
from tests.api.support import Env

LEDGER = "{ledgerEntries(newestFirst:true){edges{node{kind reference referenceLabel description}}}}"


async def test_ledger_references_read_as_names_and_chinese_labels(env: Env) -> None:
    op = await env.operator()
    acme = await env.customer("acme")
    account = await account_of(acme)
    await recharge(op, account.id, 50_000, "HX-2026-0042")
    item = await upload(acme, "RINGBACK", "公司彩铃", audio_files.speech_mp3())
    await op.data(ADJUST, {"a": str(account.id), "f": -100, "r": "补扣", "k": "adjust-key-0001"})
    entries = [e["node"] for e in (await acme.data(LEDGER))["ledgerEntries"]["edges"]]
    labels = {e["kind"]: e["referenceLabel"] for e in entries}
    assert labels == {
        "ADJUSTMENT": "人工调账(经办:operator1)",
        "RINGBACK_FEE": "彩铃「公司彩铃」",
        "RECHARGE": "银行转账 流水号 HX-2026-0042",
    }
    assert {e["reference"] for e in entries} >= {f"media:{item['id']}", "bank_transfer:HX-2026-0042"}
    assert all(":" not in e["referenceLabel"].replace("经办:", "") for e in entries)


async def test_the_ringback_fee_has_one_name_in_the_ledger_and_the_statement(env: Env) -> None:
    acme = await env.customer("acme")
    await upload(acme, "RINGBACK", "公司彩铃", audio_files.speech_mp3())
    entry = (await acme.data(LEDGER))["ledgerEntries"]["edges"][0]["node"]
    assert entry["description"] == "彩铃审核费:公司彩铃"
    assert FEE_NAMES_ZH[EntryKind.RINGBACK_FEE] == "彩铃审核费"


async def test_own_phones_are_the_bound_and_contact_phones_of_the_account(env: Env) -> None:
    acme = await env.customer("acme")
    other = await env.customer("other")
    number_id = await active_number(acme)
    settings = {
        "destinations": [{"number": "010-8888 6666", "waitS": 30}, {"number": "13912345678", "waitS": 30}]
    }
    saved = (await acme.data(SAVE_SIMPLE, {"n": number_id, "s": settings}))["saveSimpleRouting"]
    assert "version" in saved, saved
    assert (await acme.data("{ownPhones}"))["ownPhones"] == ["01088886666", "13912345678"]
    assert (await other.data("{ownPhones}"))["ownPhones"] == []  # tenants see only their own
    refused = await (await env.operator("op2")).gql("{ownPhones}")
    assert refused["errors"]
