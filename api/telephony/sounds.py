"""Audio for what plans play besides customers' media items: platform announcements (``sys-*``), a flow's
text-to-speech prompts (``tts-*``) and the sounds Asterisk itself plays during voicemail (``beep``,
``vm-goodbye``).

``GET /telephony/sounds/{name}.{alaw|ulaw}`` (telephony or operator token). A ``tts-*`` name needs the text
in ``?text=``, and the name must be that text's prompt id, so nobody can make the service speak arbitrary
words under an existing name. Speech is synthesised once and kept under ``sounds/`` of the configured store
(``api.storage``); the file name carries a hash of the text, so an announcement whose wording changes in a
new release is made afresh.
"""

from __future__ import annotations

import asyncio
import hashlib
import re

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from api.config import Config
from api.storage import object_store
from api.telephony.routes import refuse_unless_telephony
from audio import AudioError, AudioToolError, OutputKind, synthesize, tone
from ivr_flows import SYSTEM_PROMPTS
from ivr_flows.compiler import tts_prompt_id

__all__ = ["ASTERISK_SOUNDS", "sound"]

#: Asterisk's own prompts that app_voicemail plays with the options the renderer uses, in Chinese.
ASTERISK_SOUNDS: dict[str, str] = {"vm-goodbye": "谢谢您的留言,再见"}
BEEP = "beep"
_FORMATS = {"alaw": OutputKind.ALAW, "ulaw": OutputKind.ULAW}
_MEDIA_TYPES = {"alaw": "audio/x-alaw-basic", "ulaw": "audio/basic"}
_NAME = re.compile(r"(beep|vm-[a-z-]{1,30}|sys-[a-z-]{1,40}|tts-[0-9a-f]{16})\.(alaw|ulaw)")
_LOCKS: dict[str, asyncio.Lock] = {}


def _text_for(name: str, given: str | None) -> str | None:
    """What ``name`` says, or None when the service has nothing by that name (or the text does not match)."""
    if name.startswith("tts-"):
        return given if given and tts_prompt_id(given) == name else None
    return SYSTEM_PROMPTS.get(name) or ASTERISK_SOUNDS.get(name)


def _make(name: str, text: str | None, kind: OutputKind) -> bytes:
    if name == BEEP:
        return tone(1000, 0.25, kind, level_dbfs=-12)
    assert text is not None
    return synthesize(text).outputs[kind].data


async def sound(request: Request) -> Response:
    if (refused := await refuse_unless_telephony(request)) is not None:
        return refused
    found = _NAME.fullmatch(request.path_params["file"])
    if found is None:
        return PlainTextResponse("没有这个声音文件", 404)
    name, fmt = found[1], found[2]
    text = None if name == BEEP else _text_for(name, request.query_params.get("text"))
    if name != BEEP and text is None:
        return PlainTextResponse("没有这个声音文件(文字转语音提示需附上与编号一致的 text 参数)", 404)
    config: Config = request.app.state.config
    digest = hashlib.sha256((text or name).encode()).hexdigest()[:12]
    store = object_store(config)
    key = f"sounds/{name}-{digest}.{fmt}"
    async with _LOCKS.setdefault(key, asyncio.Lock()):  # one synthesis per file, not one per request
        try:
            body = await store.get(key)
        except FileNotFoundError:
            try:
                body = await asyncio.to_thread(_make, name, text, _FORMATS[fmt])
            except (AudioError, AudioToolError) as error:
                return PlainTextResponse(f"无法生成该声音文件:{error}", 422)
            await store.put(key, body, _MEDIA_TYPES[fmt])
    etag = '"' + hashlib.sha256(body).hexdigest() + '"'
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=_MEDIA_TYPES[fmt], headers=headers)
