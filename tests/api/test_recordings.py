"""Voicemail (R17) and call recordings (R18): reported by the telephony layer, heard and downloaded by the
number's owner only, deleted by the retention job with a moved clock; the row then says so."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import httpx
import pytest

from api.clock import set_clock, utcnow
from api.jobs import JOBS
from api.recordings.models import Recording
from api.recordings.processing import process_pending
from api.recordings.retention import expire_recordings, month_after
from api.recordings.storage import recording_store
from tests.api import audio_files
from tests.api.routing_support import active_number, service_token, telephony
from tests.api.support import Client, Env, gql_upload

ERR = "... on UserErrors{errors{code field message}}"
RECORDING = """id accountId kind callId caller number display startedAt endedAt durationSeconds sizeBytes expiresAt
deletedAt deletionReason playUrl downloadUrl state failure"""
REPORT = (
    f"""mutation($i:CallAudioInput!){{reportCallAudio(input:$i){{... on Recording{{{RECORDING}}} {ERR}}}}}"""
)
LIST = f"query($k:RecordingKind,$d:Boolean!){{recordings(kind:$k,includeDeleted:$d){{totalCount edges{{node{{{RECORDING}}}}}}}}}"
ONE = f"query($id:ID!){{recording(id:$id){{{RECORDING}}}}}"
DELETE = f"mutation($id:ID!){{deleteRecording(id:$id){{... on Recording{{{RECORDING}}} {ERR}}}}}"


@pytest.fixture(autouse=True)
def _reset_clock() -> Any:
    yield
    set_clock(dt.timedelta(0))


async def report(
    asterisk: Client,
    kind: str,
    call_id: str,
    data: bytes,
    number: str = "4006228300",
    started: dt.datetime | None = None,
) -> dict[str, Any]:
    started = started or utcnow() - dt.timedelta(minutes=5)
    variables = {
        "i": {
            "kind": kind,
            "callId": call_id,
            "number": number,
            "caller": "13912345678",
            "startedAt": started.isoformat(),
            "endedAt": (started + dt.timedelta(seconds=40)).isoformat(),
            "file": None,
        }
    }
    body = await gql_upload(asterisk, REPORT, variables, {"i.file": ("call.wav", data)})
    assert "errors" not in body, body
    row = body["data"]["reportCallAudio"]
    if row.get("state") != "PENDING":
        return row
    # Intake only stores the upload; the worker's code (run here in-process) makes it playable.
    transport = asterisk.http._transport
    assert isinstance(transport, httpx.ASGITransport)
    await process_pending(transport.app.state.config)  # type: ignore[attr-defined]
    body = await gql_upload(asterisk, REPORT, variables, {"i.file": ("call.wav", data)})  # a retry: the row
    return body["data"]["reportCallAudio"]


async def _setup(env: Env) -> tuple[Client, Client, Client]:
    owner = await env.customer("acme")
    await active_number(owner)
    other = await env.customer("other")
    asterisk = telephony(env, await service_token(env))
    return owner, other, asterisk


def stored(env: Env) -> set[str]:
    root = recording_store(env.config).root
    return {p.name for p in root.glob("*/*")} if root.exists() else set()


async def test_a_reported_recording_is_listed_and_downloadable_by_its_owner_only(env: Env) -> None:
    owner, other, asterisk = await _setup(env)
    call = audio_files.speech_wav("您好,我想查询一下订单")
    row = await report(asterisk, "CALL", "call-0001", call)
    assert row["kind"] == "CALL" and row["caller"] == "13912345678" and row["display"] == "400-622-8300"
    assert row["startedAt"].endswith("+08:00")
    assert 1 < row["durationSeconds"] < 10
    again = await report(asterisk, "CALL", "call-0001", call)  # the telephony layer retried
    assert again["id"] == row["id"] and await Recording.all().count() == 1
    listed = (await owner.data(LIST, {"d": False}))["recordings"]
    assert [e["node"]["callId"] for e in listed["edges"]] == ["call-0001"]
    assert (await other.data(LIST, {"d": False}))["recordings"]["totalCount"] == 0
    assert (await other.data(ONE, {"id": row["id"]}))["recording"] is None
    assert row["playUrl"] is None and row["downloadUrl"] is None  # the telephony layer gets no links
    row = (await owner.data(ONE, {"id": row["id"]}))["recording"]
    play = await owner.http.get(row["playUrl"])
    assert play.status_code == 200 and play.headers["content-type"] == "audio/mpeg"
    wav = await owner.http.get(row["downloadUrl"])
    assert wav.status_code == 200 and wav.headers["content-disposition"].startswith("attachment;")
    assert audio_files.probe(wav.content)["sample_rate"] == "8000"
    bare = row["downloadUrl"].split("?")[0]
    assert (await owner.http.get(bare)).status_code == 200  # the owner's session alone is enough
    assert (await other.http.get(bare)).status_code == 404
    assert (await env.anonymous().http.get(bare)).status_code == 404
    assert (await asterisk.http.get(bare)).status_code == 404  # it reports recordings, never reads them
    assert (await env.anonymous().http.get(bare + "?expires=9999999999&signature=forged")).status_code == 404
    assert (await env.anonymous().http.get(row["downloadUrl"])).status_code == 200  # the signed link
    operator = await env.operator()
    assert (await operator.http.get(bare)).status_code == 200


async def test_only_the_telephony_layer_reports_and_only_for_numbers_in_service(env: Env) -> None:
    owner, _, asterisk = await _setup(env)
    data = audio_files.speech_wav("您好")
    with pytest.raises(AssertionError, match="仅限话务系统令牌使用"):
        await report(owner, "VOICEMAIL", "vm-1", data)
    unknown = await report(asterisk, "VOICEMAIL", "vm-1", data, number="4009999999")
    assert unknown["errors"][0]["code"] == "unknown_number"
    bad = await report(asterisk, "VOICEMAIL", "vm-1", b"not audio at all")
    assert bad["state"] == "FAILED" and "音频" in bad["failure"]  # decoded on the worker
    silent = await report(asterisk, "VOICEMAIL", "vm-2", audio_files.silence_wav(4))
    assert silent["durationSeconds"] == pytest.approx(4, abs=0.1)  # a caller who said nothing is kept


async def test_recordings_go_a_month_after_the_call_and_the_row_says_so(env: Env) -> None:
    owner, _, asterisk = await _setup(env)
    row = await report(asterisk, "CALL", "call-1", audio_files.speech_wav("您好"))
    voicemail = await report(asterisk, "VOICEMAIL", "vm-1", audio_files.speech_wav("请回电"))
    assert len(stored(env)) == 4
    started = dt.datetime.fromisoformat(row["startedAt"])
    assert dt.datetime.fromisoformat(row["expiresAt"]) == month_after(started)
    await owner.data("mutation{setVoicemailRetention(days:45){__typename}}")
    set_clock(dt.timedelta(days=27))
    assert await expire_recordings(env.config) == 0
    set_clock(month_after(started) - started + dt.timedelta(minutes=1))
    assert await expire_recordings(env.config) == 1  # the recording; voicemail is kept 45 days here
    assert await expire_recordings(env.config) == 0  # idempotent
    assert owner.user is not None
    owner = await env.login(owner.user)  # the session expired meanwhile
    gone = (await owner.data(ONE, {"id": row["id"]}))["recording"]
    assert gone["deletedAt"] is not None and gone["deletionReason"] == "RETENTION"
    assert gone["playUrl"] is None and gone["downloadUrl"] is None
    assert (await owner.http.get(f"/recordings/{row['id']}/wav")).status_code == 410
    assert (await owner.data(LIST, {"d": False}))["recordings"]["totalCount"] == 1
    assert (await owner.data(LIST, {"d": True}))["recordings"]["totalCount"] == 2
    assert len(stored(env)) == 2
    set_clock(dt.timedelta(days=46))
    assert await JOBS["expire_recordings"](env.config) == 1
    assert (await Recording.get(id=int(voicemail["id"]))).deleted_at is not None
    assert stored(env) == set()


async def test_voicemail_retention_is_set_per_account(env: Env) -> None:
    owner, other, asterisk = await _setup(env)
    await active_number(other, "4006228301")
    mine = await report(asterisk, "VOICEMAIL", "vm-1", audio_files.speech_wav("请回电"))
    theirs = await report(
        asterisk, "VOICEMAIL", "vm-2", audio_files.speech_wav("请回电"), number="4006228301"
    )
    assert len(stored(env)) == 2  # the same message twice is stored once
    set_retention = (
        "mutation($d:Int!){setVoicemailRetention(days:$d){... on MediaUsage{voicemailRetentionDays} "
        + ERR
        + "}}"
    )
    assert (await owner.data(set_retention, {"d": 7}))["setVoicemailRetention"] == {
        "voicemailRetentionDays": 7
    }
    refused = (await owner.data(set_retention, {"d": 0}))["setVoicemailRetention"]
    assert refused["errors"][0]["code"] == "invalid_retention"
    listed = (await owner.data(LIST, {"d": False}))["recordings"]["edges"][0]["node"]
    started = dt.datetime.fromisoformat(listed["startedAt"])
    assert dt.datetime.fromisoformat(listed["expiresAt"]) == started + dt.timedelta(days=7)
    set_clock(dt.timedelta(days=8))
    assert await expire_recordings(env.config) == 1
    assert (await Recording.get(id=int(mine["id"]))).deleted_at is not None
    assert (await Recording.get(id=int(theirs["id"]))).deleted_at is None
    assert len(stored(env)) == 2  # still the other account's message
    assert (await env.anonymous().http.get(f"/recordings/{theirs['id']}/mp3")).status_code == 404
    assert other.user is not None
    other = await env.login(other.user)
    assert (await other.http.get(f"/recordings/{theirs['id']}/mp3")).status_code == 200


async def test_the_owner_may_delete_a_recording_early(env: Env) -> None:
    owner, other, asterisk = await _setup(env)
    row = await report(asterisk, "CALL", "call-1", audio_files.speech_wav("您好"))
    assert (await other.data(DELETE, {"id": row["id"]}))["deleteRecording"]["errors"][0][
        "code"
    ] == "not_found"
    deleted = (await owner.data(DELETE, {"id": row["id"]}))["deleteRecording"]
    assert deleted["deletionReason"] == "CUSTOMER" and deleted["downloadUrl"] is None
    assert stored(env) == set()


async def test_concurrent_reports_of_one_call_make_one_row(env: Env) -> None:
    _, _, asterisk = await _setup(env)
    data = audio_files.speech_wav("请回电")
    rows = await asyncio.gather(*(report(asterisk, "VOICEMAIL", "vm-race", data) for _ in range(3)))
    assert {r["id"] for r in rows} == {rows[0]["id"]}, rows
    assert await Recording.all().count() == 1
    assert len(stored(env)) == 2


async def test_a_call_id_is_not_replayed_across_numbers(env: Env) -> None:
    _, other, asterisk = await _setup(env)
    await active_number(other, "4006228301")
    await report(asterisk, "CALL", "call-7", audio_files.speech_wav("您好"))
    variables = {
        "i": {
            "kind": "CALL",
            "callId": "call-7",
            "number": "4006228301",
            "caller": "13912345678",
            "startedAt": utcnow().isoformat(),
            "file": None,
        }
    }
    body = await gql_upload(asterisk, REPORT, variables, {"i.file": ("call.wav", b"garbage")})
    assert body["data"]["reportCallAudio"]["errors"][0]["code"] == "call_id_taken"
    assert (await other.data(LIST, {"d": False}))["recordings"]["totalCount"] == 0


async def test_racing_reports_with_different_audio_leave_no_orphaned_files(env: Env) -> None:
    _, _, asterisk = await _setup(env)
    takes = [audio_files.speech_wav("第一段留言"), audio_files.speech_wav("第二段完全不同的留言")]
    rows = await asyncio.gather(*(report(asterisk, "VOICEMAIL", "vm-twice", data) for data in takes))
    assert rows[0]["id"] == rows[1]["id"]
    row = await Recording.get(id=int(rows[0]["id"]))
    assert stored(env) == {f"{row.wav_sha256}.wav", f"{row.preview_sha256}.mp3"}


FILTERED = """query($n:ID,$s:DateTime,$u:DateTime){recordings(numberId:$n,since:$s,until:$u){
  totalCount edges{node{callId}}}}"""


async def test_recordings_are_filtered_by_number_and_period_within_the_account(env: Env) -> None:
    owner, other, asterisk = await _setup(env)
    second = await active_number(owner, "4006228302")
    theirs = await active_number(other, "4006228301")
    day = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC)
    data = audio_files.speech_wav("请回电")
    await report(asterisk, "VOICEMAIL", "vm-a", data, started=day)
    await report(asterisk, "VOICEMAIL", "vm-b", data, number="4006228302", started=day)
    await report(asterisk, "CALL", "call-c", data, number="4006228302", started=day + dt.timedelta(days=1))
    await report(asterisk, "CALL", "call-d", data, number="4006228301", started=day)

    async def call_ids(client: Client, **variables: str) -> list[str]:
        body = (await client.data(FILTERED, variables))["recordings"]
        return [e["node"]["callId"] for e in body["edges"]]

    assert await call_ids(owner, n=second) == ["vm-b", "call-c"]
    since, until = "2026-11-03T00:00:00+08:00", "2026-11-04T00:00:00+08:00"  # a day in China
    assert await call_ids(owner, s=since, u=until) == ["call-c"]
    assert await call_ids(owner, n=second, u=since) == ["vm-b"]
    hidden = await owner.gql(FILTERED, {"n": theirs})  # another account's number is not found
    assert hidden["errors"][0]["message"] == "未找到该号码" and hidden["data"] is None
    backwards = await owner.gql(FILTERED, {"s": until, "u": since})
    assert backwards["errors"][0]["message"] == "结束时间应晚于开始时间"
    naive = await owner.gql(FILTERED, {"s": "2026-11-03T00:00:00"})
    assert naive["errors"][0]["message"] == "时间应带时区,且在2000到2100年之间"


NEWEST = """query($a:String){recordings(newestFirst:true,first:2,after:$a){
  totalCount pageInfo{hasNextPage endCursor} edges{node{callId}}}}"""


async def test_recordings_page_newest_first(env: Env) -> None:
    owner, other, asterisk = await _setup(env)
    data = audio_files.speech_wav("请回电")
    rows = [
        await report(asterisk, "VOICEMAIL", call_id, data) for call_id in ("vm-1", "vm-2", "vm-3", "vm-4")
    ]
    await owner.data(DELETE, {"id": rows[-1]["id"]})  # deleted ones are left out, as in id order
    first = (await owner.data(NEWEST))["recordings"]
    assert [e["node"]["callId"] for e in first["edges"]] == ["vm-3", "vm-2"]
    assert first["totalCount"] == 3 and first["pageInfo"]["hasNextPage"] is True
    rest = (await owner.data(NEWEST, {"a": first["pageInfo"]["endCursor"]}))["recordings"]
    assert [e["node"]["callId"] for e in rest["edges"]] == ["vm-1"]
    assert rest["pageInfo"]["hasNextPage"] is False
    assert (await other.data(NEWEST))["recordings"]["totalCount"] == 0
    forged = await owner.gql(NEWEST, {"a": "not a cursor"})
    assert forged["errors"][0]["message"] == "分页游标无效"
