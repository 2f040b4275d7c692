"""Drafts are work in progress: an autosave of an unfinished form is stored and told as Chinese diagnostics
on its node; the editor's unsaved document is analysed without saving it; publishing still refuses, in
Chinese; a simulated voicemail names no placeholder mailbox."""

from __future__ import annotations

import itertools
import re
from typing import Any

from api.flows.models import Flow
from tests.api.routing_support import ERR
from tests.api.support import Env

FLOW = "id revision draft"
IMPORT = f"mutation($n:String!,$d:JSON!){{importFlow(name:$n,document:$d){{... on Flow{{{FLOW}}} {ERR}}}}}"
SAVE = f"mutation($id:ID!,$d:JSON!,$r:Int!){{saveFlowDraft(id:$id,document:$d,baseRevision:$r){{... on Flow{{{FLOW}}} {ERR}}}}}"
PUBLISH = f'mutation($id:ID!){{publishFlow(id:$id,message:""){{... on FlowVersion{{version}} {ERR}}}}}'
VALIDATE = "query($id:ID!,$d:JSON){validateFlow(id:$id,document:$d){code severity message nodeId}}"
ENGLISH = re.compile(r"[A-Za-z]{2,}|\w+\.\d+\.\w+")


def menu_with_voicemail(greeting: dict[str, Any]) -> dict[str, Any]:
    """Seven nodes, so the voicemail is ``nodes.6`` as in the designer's complaint."""
    nodes: list[dict[str, Any]] = [{"id": "start", "type": "start"}]
    nodes += [{"id": f"p{i}", "type": "play", "props": {"prompt": {"tts": f"第{i}段"}}} for i in range(1, 6)]
    nodes.append({"id": "vm", "type": "voicemail", "label": "投诉留言", "props": {"greeting": greeting}})
    chain = [n["id"] for n in nodes]
    edges = [
        {"id": f"e{i}", "source": a, "exit": "next", "target": b}
        for i, (a, b) in enumerate(itertools.pairwise(chain))
    ]
    return {"format_version": 1, "nodes": nodes, "edges": edges}


async def test_an_autosave_with_an_empty_greeting_is_stored_and_told_on_the_node(env: Env) -> None:
    client = await env.customer("cust1")
    flow = (await client.data(IMPORT, {"n": "投诉热线", "d": menu_with_voicemail({"tts": "请留言"})}))[
        "importFlow"
    ]
    emptied = menu_with_voicemail({"tts": ""})
    saved = (await client.data(SAVE, {"id": flow["id"], "d": emptied, "r": flow["revision"]}))[
        "saveFlowDraft"
    ]
    assert saved["revision"] == flow["revision"] + 1
    assert saved["draft"]["nodes"][6]["props"]["greeting"] == {"tts": ""}

    found = (await client.data(VALIDATE, {"id": flow["id"]}))["validateFlow"]
    assert {
        "code": "prompt_empty",
        "severity": "error",
        "message": "留言提示音还没有填写要播放的文字",
        "nodeId": "vm",
    } in found
    refused = (await client.data(PUBLISH, {"id": flow["id"]}))["publishFlow"]["errors"]
    assert [(e["code"], e["field"], e["message"]) for e in refused] == [
        ("prompt_empty", "node:vm", "留言提示音还没有填写要播放的文字")
    ]


async def test_the_editors_unsaved_document_is_analysed_and_the_draft_left_alone(env: Env) -> None:
    client = await env.customer("cust1")
    flow = (await client.data(IMPORT, {"n": "投诉热线", "d": menu_with_voicemail({"tts": "请留言"})}))[
        "importFlow"
    ]
    assert (await client.data(VALIDATE, {"id": flow["id"]}))["validateFlow"] == []
    unsaved = menu_with_voicemail({"prompt": ""})
    found = (await client.data(VALIDATE, {"id": flow["id"], "d": unsaved}))["validateFlow"]
    assert [(d["code"], d["message"], d["nodeId"]) for d in found] == [
        ("prompt_empty", "留言提示音还没有选择语音文件", "vm")
    ]
    [stored] = await Flow.all()
    assert '"请留言"' in stored.draft and stored.revision == flow["revision"]

    # A document that cannot even be read comes back as its reasons, in Chinese, on the node.
    too_long = menu_with_voicemail({"tts": "请" * 501})
    found = (await client.data(VALIDATE, {"id": flow["id"], "d": too_long}))["validateFlow"]
    assert found == [
        {
            "code": "invalid_document",
            "severity": "error",
            "message": "留言提示音的文字不能超过500个字",
            "nodeId": "vm",
        }
    ]
    # Another account's flow: nothing, as for its draft.
    other = await env.customer("cust2")
    assert (await other.data(VALIDATE, {"id": flow["id"], "d": unsaved}))["validateFlow"] is None


async def test_a_save_or_import_that_cannot_be_read_is_refused_in_chinese_naming_the_node(env: Env) -> None:
    client = await env.customer("cust1")
    flow = (await client.data(IMPORT, {"n": "投诉热线", "d": menu_with_voicemail({"tts": "请留言"})}))[
        "importFlow"
    ]
    bad = menu_with_voicemail({"tts": "请" * 501})
    for refused in (
        (await client.data(SAVE, {"id": flow["id"], "d": bad, "r": flow["revision"]}))["saveFlowDraft"],
        (await client.data(IMPORT, {"n": "坏的", "d": bad}))["importFlow"],
    ):
        messages = [e["message"] for e in refused["errors"]]
        assert messages == ["投诉留言:留言提示音的文字不能超过500个字"]
        assert [m for m in messages if ENGLISH.search(m)] == []


async def test_a_simulated_voicemail_without_a_number_names_no_placeholder_mailbox(env: Env) -> None:
    client = await env.customer("cust1")
    flow = (await client.data(IMPORT, {"n": "留言", "d": menu_with_voicemail({"tts": "请留言"})}))[
        "importFlow"
    ]
    body = await client.data(
        "query($f:ID!){simulateFlow(flowId:$f,call:{}){... on Simulation{events{kind outcome reason}}}}",
        {"f": flow["id"]},
    )
    events = body["simulateFlow"]["events"]
    reasons = [e["reason"] for e in events]
    assert "留言存入使用该流程的号码的信箱" in reasons
    assert not [r for r in reasons if "4000000000" in r]
    assert "来电类型:手机" in reasons  # the caller category in Chinese
