"""The media library over GraphQL: uploads, text prompts, listing, preview links, rename, delete, quota."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from api.billing.models import LedgerEntry
from api.clock import set_clock
from api.media.models import MediaItem
from api.media.storage import media_store
from tests.api import audio_files
from tests.api.media_support import (
    DELETE,
    LEDGER,
    LIST,
    RENAME,
    file_of,
    new_key,
    text_prompt,
    upload,
)
from tests.api.routing_support import service_token, telephony
from tests.api.support import Env


def stored_files(env: Env) -> set[str]:
    root = media_store(env.config).root
    return {p.name for p in root.glob("*/*") if p.is_file()} if root.exists() else set()


async def test_an_mp3_prompt_becomes_telephony_files_at_the_target_level(env: Env) -> None:
    customer = await env.customer("acme")
    item = await upload(customer, "IVR_PROMPT", "欢迎词", audio_files.speech_mp3())
    assert item["kind"] == "IVR_PROMPT" and item["reviewStatus"] == "NOT_REQUIRED"
    assert item["promptId"] == f"media-{item['id']}"
    assert {f["format"] for f in item["files"]} == {"WAV", "ULAW", "ALAW", "MP3"}
    wav = await customer.http.get(file_of(item, "WAV")["url"])
    assert wav.status_code == 200 and wav.headers["content-type"] == "audio/wav"
    assert audio_files.probe(wav.content) == {
        "codec_name": "pcm_s16le",
        "sample_rate": "8000",
        "channels": "1",
    }
    assert -23 <= audio_files.active_level_dbfs(wav.content) <= -21
    for fmt, raw in (("ULAW", audio_files.RAW_ULAW), ("ALAW", audio_files.RAW_ALAW)):
        response = await customer.http.get(file_of(item, fmt)["url"])
        assert response.status_code == 200
        assert len(response.content) == file_of(item, fmt)["sizeBytes"]
        assert -23.5 <= audio_files.active_level_dbfs(response.content, *raw) <= -20.5
    preview = await customer.http.get(item["previewUrl"], headers={"range": "bytes=0-99"})
    assert preview.status_code == 206 and preview.headers["content-type"] == "audio/mpeg"
    assert len(preview.content) == 100
    download = await customer.http.get(file_of(item, "WAV")["url"] + "&download=1")
    assert download.headers["content-disposition"].startswith("attachment;")


async def test_a_text_prompt_keeps_its_text(env: Env) -> None:
    customer = await env.customer("acme")
    item = await text_prompt(customer, "欢迎致电,查号请拨1,值班请拨2,投诉请拨3,传真请拨4")
    assert item["text"] == "欢迎致电,查号请拨1,值班请拨2,投诉请拨3,传真请拨4"
    assert item["durationSeconds"] > 2
    row = await MediaItem.get(id=int(item["id"]))
    assert row.metadata["synthesis"]["engine"] == "espeak-ng"
    wav = await customer.http.get(file_of(item, "WAV")["url"])
    assert -23 <= audio_files.active_level_dbfs(wav.content) <= -21
    refused = await text_prompt(customer, "   ")
    assert refused["errors"][0]["code"] == "text_empty" and refused["errors"][0]["field"] == "text"
    ringback = await text_prompt(customer, "您好", kind="RINGBACK")
    assert ringback["errors"][0]["code"] == "ringback_needs_upload"


def _wav() -> bytes:
    return audio_files.encode(audio_files.speech_wav(), "-f", "wav")


def _corrupt_wav() -> bytes:
    data = bytearray(_wav())
    data[20:22] = b"\xfe\xca"  # fmt chunk: an audio codec id that does not exist
    return bytes(data)


BAD_UPLOADS = {
    "empty_file": lambda: b"",
    "not_audio": lambda: b"%PDF-1.4 this is a document, not a song\n%%EOF\n",
    "unsupported_format": lambda: audio_files.encode(audio_files.speech_wav(), "-f", "aiff"),
    "corrupt": _corrupt_wav,
    "truncated": lambda: _wav()[: len(_wav()) * 6 // 10],
    "decompression_bomb": lambda: b"#!AMR\n" + b"\x7c" * (50 * 600),  # 30 KB declaring 10 minutes
    "silent": lambda: audio_files.silence_wav(3),
    "too_long": lambda: audio_files.tone_wav(61),
}


@pytest.mark.parametrize("code", sorted(BAD_UPLOADS))
async def test_bad_uploads_are_refused_and_leave_nothing_behind(env: Env, code: str) -> None:
    customer = await env.customer("acme")
    refused = await upload(customer, "RINGBACK", "坏文件", BAD_UPLOADS[code]())
    assert refused["errors"][0]["code"] == code, refused
    assert refused["errors"][0]["field"] == "file"
    assert await MediaItem.all().count() == 0
    assert await LedgerEntry.all().count() == 0
    assert stored_files(env) == set()


async def test_an_upload_over_the_size_limit_is_refused_before_processing(env: Env) -> None:
    customer = await env.customer("acme")
    refused = await upload(customer, "RINGBACK", "太大", b"\0" * (20 * 1024 * 1024 + 1))
    assert refused["errors"][0]["code"] == "too_large"


async def test_the_same_audio_is_stored_once_and_deleted_with_its_last_row(env: Env) -> None:
    customer = await env.customer("acme")
    data = audio_files.speech_wav("请稍候")
    first = await upload(customer, "IVR_PROMPT", "一", data)
    files = stored_files(env)
    assert len(files) == 4
    second = await upload(customer, "IVR_PROMPT", "二", data)
    assert second["id"] != first["id"]
    assert file_of(second, "WAV")["sha256"] == file_of(first, "WAV")["sha256"]
    assert stored_files(env) == files
    usage = await customer.data("{mediaUsage{usedBytes quotaBytes}}")
    assert usage["mediaUsage"]["usedBytes"] == first["sizeBytes"]  # counted once, like it is stored
    deleted = (await customer.data(DELETE, {"id": first["id"]}))["deleteMedia"]
    assert deleted["deletedAt"] is not None and deleted["files"] == []
    assert stored_files(env) == files  # the second row still plays them
    assert (await customer.http.get(file_of(second, "WAV")["url"])).status_code == 200
    assert (await customer.http.get(file_of(first, "WAV")["url"])).status_code == 404
    await customer.data(DELETE, {"id": second["id"]})
    assert stored_files(env) == set()
    again = (await customer.data(DELETE, {"id": second["id"]}))["deleteMedia"]
    assert again["errors"][0]["code"] == "not_found"


async def test_list_rename_and_tenancy(env: Env) -> None:
    acme = await env.customer("acme")
    other = await env.customer("other")
    prompt = await text_prompt(acme, "您好")
    greeting = await text_prompt(acme, "请留言", kind="VOICEMAIL_GREETING", name="留言问候")
    await text_prompt(other, "别家的")
    listed = (await acme.data(LIST))["mediaItems"]
    assert listed["totalCount"] == 2
    assert [e["node"]["name"] for e in listed["edges"]] == ["语音导航", "留言问候"]
    only = (await acme.data(LIST, {"k": "VOICEMAIL_GREETING"}))["mediaItems"]
    assert [e["node"]["id"] for e in only["edges"]] == [greeting["id"]]
    renamed = (await acme.data(RENAME, {"id": prompt["id"], "n": "  主菜单  "}))["renameMedia"]
    assert renamed["name"] == "主菜单"
    empty = (await acme.data(RENAME, {"id": prompt["id"], "n": " "}))["renameMedia"]
    assert empty["errors"][0]["code"] == "required"
    assert (await other.data(RENAME, {"id": prompt["id"], "n": "x"}))["renameMedia"]["errors"][0]["code"] == (
        "not_found"
    )
    assert (await other.gql("query($id:ID!){mediaItem(id:$id){id}}", {"id": prompt["id"]}))["data"] == {
        "mediaItem": None
    }
    # Another customer's session does not open the files, even knowing the path; operators see all.
    bare = file_of(prompt, "WAV")["url"].split("?")[0]
    assert (await other.http.get(bare)).status_code == 404
    assert (await acme.http.get(bare)).status_code == 200
    operator = await env.operator()
    assert (await operator.data(LIST))["mediaItems"]["totalCount"] == 3
    assert (await operator.http.get(bare)).status_code == 200
    account = prompt["accountId"]
    assert (await operator.data(LIST, {"a": account}))["mediaItems"]["totalCount"] == 2


async def test_signed_links_expire_and_cannot_be_altered(env: Env) -> None:
    acme = await env.customer("acme")
    item = await text_prompt(acme, "您好")
    anonymous = env.anonymous()
    url = file_of(item, "WAV")["url"]
    assert (await anonymous.http.get(url)).status_code == 200
    assert (await anonymous.http.get(url.replace("/wav?", "/ulaw?"))).status_code == 404
    assert (await anonymous.http.get(url.replace(f"/media/{item['id']}/", "/media/999/"))).status_code == 404
    assert (await anonymous.http.get(url[:-2] + "xx")).status_code == 404
    assert (await anonymous.http.get(f"/media/{item['id']}/..%2F..%2Fsecret.key")).status_code == 404
    try:
        set_clock(dt.timedelta(hours=3))
        assert (await anonymous.http.get(url)).status_code == 404
        assert (await acme.http.get(url)).status_code == 200  # the owner's session still opens it
    finally:
        set_clock(dt.timedelta(0))


async def test_the_telephony_layer_fetches_prompts_but_not_unreviewed_ringbacks(env: Env) -> None:
    acme = await env.customer("acme")
    prompt = await text_prompt(acme, "您好")
    ringback = await upload(acme, "RINGBACK", "彩铃", audio_files.speech_mp3())
    asterisk = telephony(env, await service_token(env))
    assert (await asterisk.http.get(file_of(prompt, "ALAW")["url"].split("?")[0])).status_code == 200
    assert (await asterisk.http.get(file_of(ringback, "ALAW")["url"].split("?")[0])).status_code == 404


async def test_a_retried_upload_returns_the_same_item(env: Env) -> None:
    acme = await env.customer("acme")
    key = new_key()
    data = audio_files.speech_wav("您好")
    first = await upload(acme, "IVR_PROMPT", "一", data, key=key)
    again = await upload(acme, "IVR_PROMPT", "一", data, key=key)
    assert again["id"] == first["id"]
    other_file = await upload(acme, "IVR_PROMPT", "二", audio_files.speech_wav("再见"), key=key)
    assert other_file["errors"][0]["code"] == "idempotency_key_reused"
    other_kind = await upload(acme, "VOICEMAIL_GREETING", "一", data, key=key)
    assert other_kind["errors"][0]["code"] == "idempotency_key_reused"
    bad_key = await upload(acme, "IVR_PROMPT", "三", data, key="x")
    assert bad_key["errors"][0]["field"] == "idempotencyKey"
    assert await MediaItem.all().count() == 1


async def test_the_quota_refuses_new_audio_but_not_audio_already_stored(env: Env) -> None:
    acme = await env.customer("acme")
    operator = await env.operator()
    account = (await acme.data("{me{account{id}}}"))["me"]["account"]["id"]
    body = await operator.data(
        "mutation($a:ID!){setMediaQuota(accountId:$a,quotaMegabytes:1){... on MediaUsage{quotaBytes}}}",
        {"a": account},
    )
    assert body["setMediaQuota"]["quotaBytes"] == 1024 * 1024
    small = await upload(acme, "IVR_PROMPT", "短", audio_files.speech_wav("您好"))
    big = await upload(acme, "IVR_PROMPT", "长", audio_files.tone_wav(40))
    assert big["errors"][0]["code"] == "quota_exceeded", big
    assert "上限 1.0 MB" in big["errors"][0]["message"]
    same = await upload(acme, "IVR_PROMPT", "短二", audio_files.speech_wav("您好"))
    assert file_of(same, "WAV")["sha256"] == file_of(small, "WAV")["sha256"]
    assert len(stored_files(env)) == 4  # the refused upload left nothing
    forbidden = await acme.gql('mutation{setMediaQuota(accountId:"1",quotaMegabytes:9){__typename}}')
    assert forbidden["errors"][0]["message"] == "仅限运营人员使用"
    await operator.data(
        "mutation($a:ID!){setMediaQuota(accountId:$a,quotaMegabytes:null){__typename}}", {"a": account}
    )
    assert "id" in await upload(acme, "IVR_PROMPT", "长", audio_files.tone_wav(40))


async def test_concurrent_uploads_with_one_key_create_one_item(env: Env) -> None:
    acme = await env.customer("acme")
    key = new_key()
    data = audio_files.speech_mp3()
    results = await asyncio.gather(*(upload(acme, "RINGBACK", "彩铃", data, key=key) for _ in range(4)))
    assert {r["id"] for r in results} == {results[0]["id"]}, results
    assert await MediaItem.all().count() == 1
    ledger = (await acme.data(LEDGER))["ledgerEntries"]
    assert ledger["totalCount"] == 1
    assert ledger["edges"][0]["node"]["amountFen"] == -3000
    assert len(stored_files(env)) == 4
