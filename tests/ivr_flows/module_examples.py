"""The example module and the example flow calling it (``ivr_flows/examples/modules/``).

They live in a folder of their own because the flow compiles only with its module: the tests that walk
``examples/*.flow.json`` compile without modules. The registry's completeness test and the telephony
agreement test take them from here.
"""

from __future__ import annotations

from pathlib import Path

from ivr_flows import Flow, Modules, load_flow
from ivr_flows.model import ModuleNode

FOLDER = Path(__file__).resolve().parents[2] / "ivr_flows" / "examples" / "modules"
#: Example flows calling modules; each compiles with :data:`MODULES`.
FLOWS = sorted(FOLDER.glob("*.flow.json"))


def _modules() -> dict[tuple[str, int], Flow]:
    found: dict[tuple[str, int], Flow] = {}
    for path in sorted(FOLDER.glob("*.module.json")):
        module = load_flow(path.read_text(encoding="utf-8"))
        found[(module.id, 1)] = module  # each example module is its own first published version
    return found


#: The example modules, each as version 1 of the module with its document's id.
MODULES: Modules = _modules()


def node_types(flow: Flow, modules: Modules, prefix: str = "") -> dict[str, str]:
    """The type of every node a call may visit, by the id a call's path names it (inlined: ``a/b``)."""
    types: dict[str, str] = {}
    for node in flow.nodes:
        types[prefix + node.id] = node.type
        if isinstance(node, ModuleNode):
            called = modules[(node.props.module, node.props.version)]
            types.update(node_types(called, modules, f"{prefix}{node.id}/"))
    return types
