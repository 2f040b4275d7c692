"""The media library end to end: a customer uploads an MP3 ringback and a text prompt; an operator approves the
ringback; both are 8 kHz WAV/µ-law/A-law at the target level; the 30-yuan charge is on the ledger once;
a recording reported by the telephony layer is downloadable by its owner only and gone after a month."""

from __future__ import annotations

import datetime as dt

from api.clock import set_clock
from api.recordings.retention import expire_recordings, month_after
from tests.api import audio_files
from tests.api.media_support import APPROVE, LEDGER, file_of, new_key, text_prompt, upload
from tests.api.routing_support import active_number, service_token, telephony
from tests.api.support import Env
from tests.api.test_recordings import ONE, report


async def test_done_means(env: Env) -> None:
    customer = await env.customer("acme")
    await active_number(customer)
    operator = await env.operator()
    intruder = await env.customer("intruder")

    key = new_key()
    ringback = await upload(customer, "RINGBACK", "公司彩铃", audio_files.speech_mp3(), key=key)
    assert ringback["reviewStatus"] == "PENDING"
    assert (await upload(customer, "RINGBACK", "公司彩铃", audio_files.speech_mp3(), key=key))[
        "id"
    ] == ringback["id"]
    menu = await text_prompt(customer, "欢迎致电,查号请拨1,值班请拨2,投诉请拨3,传真请拨4")
    approved = (await operator.data(APPROVE, {"id": ringback["id"]}))["approveRingback"]
    assert approved["reviewStatus"] == "APPROVED"

    for item in (approved, menu):
        wav = (await customer.http.get(file_of(item, "WAV")["url"])).content
        assert audio_files.probe(wav) == {"codec_name": "pcm_s16le", "sample_rate": "8000", "channels": "1"}
        assert -23 <= audio_files.active_level_dbfs(wav) <= -21
        assert item["peakDbfs"] <= -3
        for fmt, raw in (("ULAW", audio_files.RAW_ULAW), ("ALAW", audio_files.RAW_ALAW)):
            data = (await customer.http.get(file_of(item, fmt)["url"])).content
            assert -23.5 <= audio_files.active_level_dbfs(data, *raw) <= -20.5

    ledger = (await customer.data(LEDGER))["ledgerEntries"]
    assert [(e["node"]["amountFen"], e["node"]["kind"]) for e in ledger["edges"]] == [(-3000, "RINGBACK_FEE")]

    asterisk = telephony(env, await service_token(env))
    call = await report(asterisk, "CALL", "call-42", audio_files.speech_wav("你好,我想咨询一下"))
    assert (await customer.http.get(f"/recordings/{call['id']}/wav")).status_code == 200
    assert (await intruder.http.get(f"/recordings/{call['id']}/wav")).status_code == 404
    assert (await intruder.data(ONE, {"id": call["id"]}))["recording"] is None

    try:
        started = dt.datetime.fromisoformat(call["startedAt"])
        set_clock(month_after(started) - started + dt.timedelta(minutes=1))
        assert await expire_recordings(env.config) == 1
        assert customer.user is not None
        customer = await env.login(customer.user)
        gone = (await customer.data(ONE, {"id": call["id"]}))["recording"]
        assert gone["deletedAt"] is not None and gone["downloadUrl"] is None
        assert (await customer.http.get(f"/recordings/{call['id']}/wav")).status_code == 410
    finally:
        set_clock(dt.timedelta(0))
