"""Sounds for Asterisk that are not customers' media: announcements, text-to-speech prompts, the beep."""

from __future__ import annotations

import ivr_flows
from ivr_flows.compiler import tts_prompt_id
from tests.api.routing_support import service_token
from tests.api.support import Env


async def test_the_telephony_layer_fetches_announcements_tts_prompts_and_the_beep(env: Env) -> None:
    http = env.client(authorization=f"Bearer {await service_token(env)}")
    refusal = await http.get("/telephony/sounds/sys-no-permission.alaw")
    assert refusal.status_code == 200 and refusal.headers["content-type"] == "audio/x-alaw-basic"
    assert 8000 * 0.8 < len(refusal.content) < 8000 * 6  # "您无权拨打该号码", spoken
    again = await http.get("/telephony/sounds/sys-no-permission.alaw")
    assert again.content == refusal.content and again.headers["etag"] == refusal.headers["etag"]
    cached = await http.get(
        "/telephony/sounds/sys-no-permission.alaw", headers={"If-None-Match": refusal.headers["etag"]}
    )
    assert cached.status_code == 304
    ulaw = await http.get("/telephony/sounds/sys-no-permission.ulaw")
    assert ulaw.headers["content-type"] == "audio/basic" and len(ulaw.content) == len(refusal.content)

    beep = await http.get("/telephony/sounds/beep.alaw")
    assert beep.status_code == 200 and len(beep.content) == 2000  # 250 ms
    goodbye = await http.get("/telephony/sounds/vm-goodbye.ulaw")
    assert goodbye.status_code == 200 and len(goodbye.content) > 4000

    text = "查号请拨1,值班请拨2,投诉请拨3,传真请拨4"
    name = tts_prompt_id(text)
    menu = await http.get(f"/telephony/sounds/{name}.alaw", params={"text": text})
    assert menu.status_code == 200 and len(menu.content) > 8000 * 2
    # The name must be the text's own id: nobody makes the service say other words under a known name.
    other = await http.get(f"/telephony/sounds/{name}.alaw", params={"text": "别的话"})
    assert other.status_code == 404
    assert (await http.get(f"/telephony/sounds/{name}.alaw")).status_code == 404
    assert (await http.get("/telephony/sounds/sys-unknown.alaw")).status_code == 404
    assert (await http.get("/telephony/sounds/beep.wav")).status_code == 404
    assert (await http.get("/telephony/sounds/..%2Fsecret.key")).status_code == 404
    assert set(ivr_flows.SYSTEM_PROMPTS) >= {"sys-no-permission", "sys-suspended"}


async def test_only_the_telephony_layer_and_operators_fetch_sounds(env: Env) -> None:
    assert (await env.client().get("/telephony/sounds/beep.alaw")).status_code == 401
    customer = await env.customer("listener")
    token = await customer.data('mutation{createApiToken(name:"x"){... on CreatedApiToken{secret}}}')
    secret = token["createApiToken"]["secret"]
    own = env.client(authorization=f"Bearer {secret}")
    assert (await own.get("/telephony/sounds/beep.alaw")).status_code == 403
