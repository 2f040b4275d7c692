"""Static analysis: everything wrong or risky in a flow and its number's policies, found at once.

Each check returns :class:`Diagnostic` data so the editor can mark the node or edge; analysis never
raises on a flow that loaded. Errors block compiling; warnings carry the provider FAQ's advice (R10 wait times).
The codes are stable and documented in ``docs/dialplan.md``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from .areas import expand_areas
from .diagnostics import Diagnostic
from .graph import reachable, strongly_connected
from .model import EXITS, Flow, Node, PlayedPrompt, PromptRef, exits_of, node_has_exit
from .modules import Modules, check_modules, resolve_modules
from .nodes import KeyExits, kind_of
from .nodes.dial import MULTI_WAIT_MIN_S, SINGLE_WAIT_ADVICE_S
from .nodes.shared import check_areas, check_list_entries
from .nodes.shared import diagnostic as _d
from .policies import NumberPolicies
from .variables import check_variables

__all__ = ["MAX_MENU_DEPTH", "MULTI_WAIT_MIN_S", "SINGLE_WAIT_ADVICE_S", "AnalysisContext", "analyse"]

MAX_MENU_DEPTH = 5


@dataclass(frozen=True)
class AnalysisContext:
    """What the caller of the library knows about prompts; ``None`` skips the corresponding check.

    Attributes:
        prompts: ids of prompts that exist (uploaded or recorded).
        approved_ringbacks: ids of ringback tones that passed content review (R16).
        publishing: the flow is about to become a new version (a draft checked or published): a
            flow node's list entry no caller can match (R15) is then an error, ``list_entry_unmatchable``.
            Left ``False`` when versions already published are recompiled, so a version saved before such
            entries were refused keeps compiling (the entry is left out of its plan, with a warning).
    """

    prompts: frozenset[str] | None = None
    approved_ringbacks: frozenset[str] | None = None
    publishing: bool = False


def _takes_input(node_type: str) -> bool:
    """Whether nodes of the type wait for the caller's keys (a menu level, R19; a way out of a loop)."""
    kind = kind_of(node_type)
    return kind is not None and kind.takes_input


def _key_exits(node_type: str) -> KeyExits | None:
    kind = kind_of(node_type)
    return kind.key_exits if kind else None


def _exit_label(node_type: str, exit_name: str) -> str:
    """An exit as designers name it ("分支5", "条件3", "按#"), else as the document names it."""
    kind = kind_of(node_type)
    if kind is not None:
        listed, keys = kind.list_exits, kind.key_exits
        if listed is not None and exit_name.startswith(listed.prefix):
            return listed.label.replace("{n}", exit_name[len(listed.prefix) :])
        if keys is not None and exit_name.startswith(keys.prefix):
            return keys.label.replace("{key}", exit_name[len(keys.prefix) :])
    return exit_name


def _graph(flow: Flow, nodes: dict[str, Node]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    if len(nodes) != len(flow.nodes):
        for node_id, count in Counter(n.id for n in flow.nodes).items():
            if count > 1:
                out.append(_d("node_duplicate_id", "error", f"节点编号“{node_id}”重复了{count}次", node_id))
    types = {n.id: n.type for n in flow.nodes}
    starts = [n.id for n in flow.nodes if n.type == "start"]
    if not starts:
        out.append(_d("no_start", "error", "流程没有开始节点"))
    for extra in starts[1:]:
        out.append(_d("multiple_starts", "error", "流程只能有一个开始节点", extra))
    seen_exits: dict[tuple[str, str], str] = {}
    edge_ids = Counter(e.id for e in flow.edges)
    if len(edge_ids) != len(flow.edges):
        for edge_id, count in edge_ids.items():
            if count > 1:
                out.append(_d("edge_duplicate_id", "error", f"连线编号“{edge_id}”重复", edge=edge_id))
    # adjacency in edge order, built in the same pass (what graph.successors would build)
    adj: dict[str, list[str]] = {n: [] for n in types}
    for e in flow.edges:
        source, target, exit_name = e.source, e.target, e.exit
        source_type = types.get(source)
        if source_type is None:
            out.append(_d("edge_unknown_source", "error", f"连线起点“{source}”不存在", edge=e.id))
            continue
        target_type = types.get(target)
        if target_type is None:
            out.append(_d("edge_dangling", "error", f"连线终点“{target}”不存在", source, e.id))
        else:
            adj[source].append(target)
        if exit_name not in exits_of(source_type) and not node_has_exit(
            nodes[source], source_type, exit_name
        ):
            message = f"节点没有“{_exit_label(source_type, exit_name)}”这个出口,从它连出的线不起作用,可以删掉"
            out.append(_d("edge_unknown_exit", "error", message, source, e.id))
        if target_type == "start":
            out.append(_d("edge_into_start", "error", "不能连回开始节点", source, e.id))
        key = (source, exit_name)
        if key in seen_exits:
            keys = _key_exits(source_type)
            if keys is not None and exit_name.startswith(keys.prefix):
                message = f"按键{exit_name[len(keys.prefix) :]}被使用了两次"
                out.append(_d("menu_digit_duplicate", "error", message, source, e.id))
            else:
                out.append(_d("edge_duplicate", "error", f"出口“{exit_name}”连了多条线", source, e.id))
        else:
            seen_exits[key] = e.id
    live = reachable(adj, starts[:1])
    if starts and len(live) != len(adj):
        for node in flow.nodes:
            if node.id not in live:
                out.append(_d("unreachable_node", "warning", "该节点从开始节点无法到达", node.id))
    components = strongly_connected(adj)
    out.extend(_loops(flow, nodes, adj, components, seen_exits, live))
    # A level is a count of menus, so a flow with few menus cannot nest too deep: skip the walk.
    if sum(_takes_input(n.type) for n in flow.nodes) > MAX_MENU_DEPTH:
        # only live nodes count; when every node is live that is the graph just decomposed
        live_components = (
            components if len(live) == len(adj) else strongly_connected({n: adj[n] for n in adj if n in live})
        )
        out.extend(_menu_depth(flow, nodes, adj, live_components))
    return out


def _loops(
    flow: Flow,
    nodes: dict[str, Node],
    adj: dict[str, list[str]],
    components: list[list[str]],
    exits: dict[tuple[str, str], str],
    live: set[str],
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for component in components:
        if len(component) == 1 and component[0] not in adj[component[0]]:
            continue
        members = set(component)
        if not members & live:
            continue
        first = next(n.id for n in flow.nodes if n.id in members)
        if not any(_takes_input(nodes[m].type) for m in members):
            message = "流程存在死循环:循环中没有按键菜单(没有输入也没有重试次数限制)"
            out.append(_d("endless_loop", "error", message, first))
            continue
        way_out = False
        for m in members:
            for name in EXITS[nodes[m].type]:  # a menu's keys are input, not a way out
                if (m, name) not in exits:
                    way_out = True  # an exit nobody drew ends the call
            if any(t not in members for t in adj[m]):
                way_out = True
        if not way_out:
            out.append(_d("loop_no_exit", "error", "循环没有出口,来电者只能挂机", first))
    return out


def _menu_depth(
    flow: Flow, nodes: dict[str, Node], adj: dict[str, list[str]], components: list[list[str]]
) -> list[Diagnostic]:
    """Menus nested deeper than five levels, counted over the graph of strongly connected components.

    A loop back to a parent menu ("0 returns to the main menu") is not extra depth, so each component
    counts its menus once; the longest chain of components from the start gives each menu its level.
    ``components`` are those of the part of the graph reachable from the start, as Tarjan emits them.
    """
    component_of = {n: i for i, comp in enumerate(components) for n in comp}
    depth: dict[int, int] = {}
    out: list[Diagnostic] = []
    # Tarjan emits components in reverse topological order: walk them backwards so parents come first.
    for i in range(len(components) - 1, -1, -1):
        members = components[i]
        menus = [n for n in members if _takes_input(nodes[n].type)]
        above = depth.get(i, 0)
        level = above + len(menus)
        if menus and level > MAX_MENU_DEPTH:
            first = next(n for n in flow.nodes if n.id in set(menus))
            message = f"菜单层级过深(第{level}层),最多{MAX_MENU_DEPTH}层"
            out.append(_d("menu_too_deep", "error", message, first.id))
        if not level:
            continue  # no menu above or here: nothing to pass down
        for member in members:
            for target in adj[member]:
                j = component_of[target]
                if j != i and depth.get(j, 0) < level:
                    depth[j] = level
    return out


def _unfinished_prompts(node: Node) -> list[Diagnostic]:
    """Prompts a draft left empty: text not written yet, or a file not chosen yet."""
    out: list[Diagnostic] = []
    kind = kind_of(node.type)
    for field, role in (kind.prompt_roles if kind else {}).items():
        ref = getattr(node.props, field, None)
        if not isinstance(ref, PromptRef):
            continue
        if ref.tts is not None and not ref.tts.strip():
            out.append(_d("prompt_empty", "error", f"{role}还没有填写要播放的文字", node.id))
        elif ref.prompt is not None and not ref.prompt:
            out.append(_d("prompt_empty", "error", f"{role}还没有选择语音文件", node.id))
    return out


def _prompt(played: PlayedPrompt, node_id: str, ctx: AnalysisContext) -> list[Diagnostic]:
    ref = played.ref
    if ref.prompt == "" or (ref.tts is not None and not ref.tts.strip()):
        return []  # reported as prompt_empty
    if played.ringback and ctx.approved_ringbacks is not None and ref.prompt not in ctx.approved_ringbacks:
        name = ref.prompt or "文字转语音"
        return [_d("ringback_not_approved", "error", f"彩铃“{name}”未通过审核,不能播放", node_id)]
    if ref.prompt is not None and ctx.prompts is not None and ref.prompt not in ctx.prompts:
        return [_d("prompt_missing", "error", f"语音文件“{ref.prompt}”不存在", node_id)]
    return []


def _as_published(found: list[Diagnostic]) -> list[Diagnostic]:
    """A node's list entries that no caller can match block a new version (R15); see ``publishing``."""
    return [replace(d, severity="error") if d.code == "list_entry_unmatchable" else d for d in found]


def _nodes(flow: Flow, ctx: AnalysisContext) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    exits: dict[str, set[str]] = {}
    for e in flow.edges:
        exits.setdefault(e.source, set()).add(e.exit)
    # without a prompt inventory _prompt finds nothing: skip it (the common case on big flows)
    check_prompts = ctx.prompts is not None or ctx.approved_ringbacks is not None
    none: set[str] = set()
    for node in flow.nodes:
        has = exits.get(node.id, none)
        nid = node.id
        kind = kind_of(node.type)
        if kind is not None:
            found = kind.check(node, has)
            out.extend(_as_published(found) if ctx.publishing else found)
        out.extend(_unfinished_prompts(node))
        if check_prompts:
            for played in node.prompts():
                out.extend(_prompt(played, nid, ctx))
    return out


def _policies(policies: NumberPolicies) -> list[Diagnostic]:
    out = check_list_entries(policies.caller_list.entries, None, "黑白名单号码")
    if policies.caller_list.mode == "white" and not policies.caller_list.entries:
        out.append(_d("whitelist_empty", "warning", "白名单为空:任何人都无法拨打该号码"))
    out.extend(check_areas(policies.areas.allowed + policies.areas.refused, None, "接听区域设置中"))
    allowed, _ = expand_areas(policies.areas.allowed)
    refused, _ = expand_areas(policies.areas.refused)
    both = sorted(set(allowed) & set(refused))
    if both:
        message = f"区号{'、'.join(both[:5])}同时出现在可接听和不可接听区域中"
        out.append(_d("area_conflict", "warning", message))
    return out


def _inside_modules(flow: Flow, modules: Modules, ctx: AnalysisContext) -> list[Diagnostic]:
    """A called module version's own errors, on the node calling it: the call cannot compile either."""
    out: list[Diagnostic] = []
    for node_id, resolved in resolve_modules(flow, modules).items():
        if resolved.module is None:
            continue  # missing or part of a cycle: check_modules says so
        errors = [d for d in analyse(resolved.module, None, ctx, modules) if d.severity == "error"]
        if errors:
            name = resolved.module.name or resolved.key[0]
            where = f"节点“{errors[0].node_id}”:" if errors[0].node_id else ""
            message = f"子流程“{name}”第{resolved.key[1]}版有{len(errors)}个问题,{where}{errors[0].message}"
            out.append(_d("module_invalid", "error", message, node_id))
    return out


def analyse(
    flow: Flow,
    policies: NumberPolicies | None = None,
    context: AnalysisContext | None = None,
    modules: Modules | None = None,
) -> list[Diagnostic]:
    """Check a flow (and its number's policies); returns diagnostics, errors first, in a stable order.

    ``modules`` are the module versions the flow may call (:mod:`ivr_flows.modules`); None checks module
    nodes only as far as the document itself can tell (a draft analysed without its account).
    Never raises for a flow that :func:`ivr_flows.load_flow` accepted.
    """
    ctx = context or AnalysisContext()
    found = _graph(flow, flow.node_map()) + _nodes(flow, ctx) + check_variables(flow)
    found += check_modules(flow, modules)
    if modules is not None:
        found += _inside_modules(flow, modules, ctx)
    found += _policies(policies) if policies else []
    rank = {"error": 0, "warning": 1, "info": 2}
    return sorted(found, key=lambda d: rank[d.severity])
