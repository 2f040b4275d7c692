"""IVR flows: the flow graph model, static analysis, the compiler to dialplans and the call simulator.

A pure library: no database, no HTTP, no import of ``api`` or ``audio``. Plain data in, plain data out.

Public API (what the API layer and the command line use)::

    load_flow(data: dict | str | bytes) -> Flow             # raises FlowError(diagnostics) on bad shape
    flow_json_schema() -> dict                              # JSON Schema for the web editor's forms
    analyse(flow, policies=None, context=None, modules=None) -> list[Diagnostic]
        # Diagnostic(code, severity, message (Chinese), node_id, edge_id); never raises
    compile_plan(number, policies, flow, *, context=None, calendar=None, years=None, modules=None) -> Dialplan
        # modules: {(module id, version): Flow}, the module versions the flow may call, compiled inline
    modules_used(flow, modules) -> {(module id, version): Flow}  # every version it calls, transitively
    module_calls(flow) -> {node id: (module id, version)}   # what each module node calls
    return_points(module) -> tuple[str, ...]                # a module's return points: a caller's exits
        # raises FlowError when analysis finds errors; Dialplan.to_json() -> canonical bytes,
        # Dialplan.etag, Dialplan.from_json(bytes) — format documented in docs/dialplan.md
    render_asterisk(plan, options=None) -> str              # extensions.conf text (AsteriskOptions)
    simulate(plan, call: CallSpec) -> Trace                 # the executable specification
    split_distribution(plan, calls=10_000, seed=0) -> list[SplitShare]  # branch shares of drawn splits
    run_flow_tests(flow, number=..., policies=None) -> list[FlowTestResult]
    mainland_number(raw) -> str                             # R4; raises PhoneNumberError(code, message)
    resolve_caller(raw) -> CallerArea                       # province / city / area code or "unknown"

    parse_400_number(raw) -> str                            # R1; raises Invalid400Number(raw, message)
    prompts_played(flow) -> frozenset[str]                  # uploaded prompt ids the flow may play
    node_title(node: dict) -> str                           # a document node's name as designers know it
    flow_digest(flow) -> str                                # what the flow does, without canvas and tests
    expand_areas(names) -> (codes, unrecognised)            # R14 area expressions → area codes
    read_list_entry(raw) -> ListEntry | None                # R15 black/white list entry
    check_list_entry(raw) -> ListEntry                      # the same; raises ListEntryError(raw, message)

``AnalysisContext(prompts=…, approved_ringbacks=…, publishing=…)`` tells analysis which prompt ids exist,
which ringback tones passed review and whether the flow is about to become a new version; ``NumberPolicies``
carries the number-level rules (R9, R12, R14, R15) and the operator's holiday table. Node types are declared
once in :mod:`ivr_flows.nodes` (``EXITS`` and ``MENU_DIGIT_EXITS`` are read off them).
Everything other packages use is exported here; the submodules are the library's own business.
Command line: ``python -m ivr_flows validate|compile|asterisk|simulate|test``.
"""

from __future__ import annotations

from .analysis import AnalysisContext, analyse
from .areas import UNKNOWN, CallerArea, expand_areas, resolve_caller
from .asterisk import AsteriskOptions, RenderError, asterisk_prompt_name, render_asterisk
from .builder import FlowBuilder, tts
from .calendar import DayOverride, WorkCalendar
from .calls import CallSpec, HttpReply, PhoneBehaviour, Press
from .compiler import SYSTEM_PROMPTS, compile_plan, flow_digest
from .diagnostics import Diagnostic, FlowError
from .dialplan import PLAN_FORMAT, PLAN_VERSION, Dialplan
from .flowtests import FlowTestResult, run_flow_tests
from .hotlines import CARRIER_PREFIXES, Invalid400Number, parse_400_number
from .load_errors import NODE_TYPE_NAMES, node_title
from .model import DIAL_FAILURE_EXITS, EXITS, MENU_DIGIT_EXITS, Flow, exits_of, load_flow, prompts_played
from .modules import EXIT_PREFIX as MODULE_EXIT_PREFIX
from .modules import ModuleKey, Modules, module_calls, modules_used, return_points
from .nodes.http import HttpNode
from .nodes.http import request_args as http_request_args
from .phones import ParsedNumber, PhoneNumberError, mainland_number, parse_phone
from .policies import (
    ALLOWED_CATEGORIES,
    AreaPolicy,
    CalendarDay,
    CallerListPolicy,
    ListEntry,
    ListEntryError,
    NumberPolicies,
    check_list_entry,
    read_list_entry,
)
from .schema import flow_json_schema
from .simulator import Event, SplitShare, Trace, simulate, split_distribution

__all__ = [
    "ALLOWED_CATEGORIES",
    "CARRIER_PREFIXES",
    "DIAL_FAILURE_EXITS",
    "EXITS",
    "MENU_DIGIT_EXITS",
    "MODULE_EXIT_PREFIX",
    "NODE_TYPE_NAMES",
    "PLAN_FORMAT",
    "PLAN_VERSION",
    "SYSTEM_PROMPTS",
    "UNKNOWN",
    "AnalysisContext",
    "AreaPolicy",
    "AsteriskOptions",
    "CalendarDay",
    "CallSpec",
    "CallerArea",
    "CallerListPolicy",
    "DayOverride",
    "Diagnostic",
    "Dialplan",
    "Event",
    "Flow",
    "FlowBuilder",
    "FlowError",
    "FlowTestResult",
    "HttpNode",
    "HttpReply",
    "Invalid400Number",
    "ListEntry",
    "ListEntryError",
    "ModuleKey",
    "Modules",
    "NumberPolicies",
    "ParsedNumber",
    "PhoneBehaviour",
    "PhoneNumberError",
    "Press",
    "RenderError",
    "SplitShare",
    "Trace",
    "WorkCalendar",
    "analyse",
    "asterisk_prompt_name",
    "check_list_entry",
    "compile_plan",
    "exits_of",
    "expand_areas",
    "flow_digest",
    "flow_json_schema",
    "http_request_args",
    "load_flow",
    "mainland_number",
    "module_calls",
    "modules_used",
    "node_title",
    "parse_400_number",
    "parse_phone",
    "prompts_played",
    "read_list_entry",
    "render_asterisk",
    "resolve_caller",
    "return_points",
    "run_flow_tests",
    "simulate",
    "split_distribution",
    "tts",
]
