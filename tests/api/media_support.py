"""GraphQL documents and helpers shared by the media, review and recordings tests."""

from __future__ import annotations

import uuid
from typing import Any

from tests.api.support import Client, gql_upload

ERR = "... on UserErrors{errors{code field message}}"
ITEM = """id accountId promptId kind name reviewStatus rejectReason reviewedAt text durationSeconds peakDbfs
activeLevelDbfs sizeBytes createdAt deletedAt previewUrl files{format mediaType sizeBytes sha256 url}"""

UPLOAD = f"""mutation($k:MediaKind!,$n:String!,$f:Upload!,$key:String!){{
  uploadMedia(kind:$k,name:$n,file:$f,idempotencyKey:$key){{... on MediaItem{{{ITEM}}} {ERR}}}}}"""
TEXT_PROMPT = f"""mutation($k:MediaKind!,$n:String!,$t:String!){{
  createTextPrompt(kind:$k,name:$n,text:$t){{... on MediaItem{{{ITEM}}} {ERR}}}}}"""
APPROVE = f"mutation($id:ID!){{approveRingback(id:$id){{... on MediaItem{{{ITEM}}} {ERR}}}}}"
REJECT = (
    f"mutation($id:ID!,$r:String!){{rejectRingback(id:$id,reason:$r){{... on MediaItem{{{ITEM}}} {ERR}}}}}"
)
DELETE = f"mutation($id:ID!){{deleteMedia(id:$id){{... on MediaItem{{{ITEM}}} {ERR}}}}}"
RENAME = f"mutation($id:ID!,$n:String!){{renameMedia(id:$id,name:$n){{... on MediaItem{{{ITEM}}} {ERR}}}}}"
LIST = f"""query($k:MediaKind,$s:ReviewStatus,$a:ID){{mediaItems(kind:$k,reviewStatus:$s,accountId:$a){{
  totalCount edges{{node{{{ITEM}}}}}}}}}"""
LEDGER = "{ledgerEntries{totalCount edges{node{accountId amountFen kind description reference}}}}"


def new_key() -> str:
    return f"upload-{uuid.uuid4().hex}"


async def upload(
    client: Client, kind: str, name: str, data: bytes, key: str | None = None, filename: str = "tone.mp3"
) -> dict[str, Any]:
    """The ``uploadMedia`` result (a MediaItem or UserErrors)."""
    body = await gql_upload(
        client, UPLOAD, {"k": kind, "n": name, "f": None, "key": key or new_key()}, {"f": (filename, data)}
    )
    assert "errors" not in body, body
    return body["data"]["uploadMedia"]


async def text_prompt(
    client: Client, text: str, kind: str = "IVR_PROMPT", name: str = "语音导航"
) -> dict[str, Any]:
    return (await client.data(TEXT_PROMPT, {"k": kind, "n": name, "t": text}))["createTextPrompt"]


def file_of(item: dict[str, Any], fmt: str) -> dict[str, Any]:
    return next(f for f in item["files"] if f["format"] == fmt)
