"""The node types of flow documents: one module per type, each declaring a :class:`NodeKind`.

:data:`KINDS` lists them in palette order. To add a type, write its module (model, rules, compile
function, editor definition) and add it here and to :data:`ivr_flows.model.Node`; ``docs/node-types.md``
is the checklist and ``tests/ivr_flows/test_node_registry.py`` says what is missing.
"""

from __future__ import annotations

from typing import Final

from . import (
    area_switch,
    caller_list,
    collect,
    condition,
    dial,
    hangup,
    http,
    menu,
    module,
    module_exit,
    play,
    record,
    split,
    start,
    time_switch,
    voicemail,
)
from .base import GROUP_NAMES, ExitSpec, KeyExits, ListExits, NodeKind, PlayedPrompt, Position, PromptRef

__all__ = [
    "GROUP_NAMES",
    "KINDS",
    "ExitSpec",
    "KeyExits",
    "ListExits",
    "NodeKind",
    "PlayedPrompt",
    "Position",
    "PromptRef",
    "kind_of",
]

KINDS: Final[tuple[NodeKind, ...]] = tuple(
    module.KIND
    for module in (
        start,
        play,
        menu,
        time_switch,
        area_switch,
        caller_list,
        split,
        dial,
        voicemail,
        record,
        hangup,
        collect,
        condition,
        http,
        module,
        module_exit,
    )
)
_BY_TYPE: Final = {k.type: k for k in KINDS}


def kind_of(node_type: str) -> NodeKind | None:
    """The definition of a node type; None for a type no flow may use."""
    return _BY_TYPE.get(node_type)
