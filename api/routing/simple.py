"""Simple routing: the provider FAQ's self-service settings, turned into a flow, published and put in service.

For customers who never open the editor: bound numbers in order with a wait time each (R10), callers
from chosen areas to other numbers (R14: a branch office answers its own region), a weekly
work schedule (R13) with, outside it, other numbers, voicemail (the provider FAQ's answer to "can callers leave a
message outside working hours") or a closing announcement, forward on busy / on no answer (R11),
voicemail (R17), recording (R18) and a ringback tone (R16). Saving generates a flow — one per number, the
form's own: kept out of the customer's flow lists, changed only by saving the form again (a designer who
wants to extend it copies it) — and hands it to the publishing pipeline, which publishes it as a new
version and puts it in service. A designed flow the form replaces on the number is remembered, so the
customer can put it back in one step. The R10 wait-time advice comes back as warnings; nothing is saved
if the flow does not publish.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import strawberry

import ivr_flows
from api.clock import utcnow
from api.errors import UserError
from api.flows.drafts import create_generated_flow
from api.flows.flow_json import canonical
from api.flows.models import Flow, FlowVersion
from api.numbers.models import Number
from api.numbers.numbering import format_number
from api.plans import pipeline
from api.routing.models import NumberRouting
from api.routing.records import current_routing

__all__ = [
    "AfterHours",
    "AreaRoute",
    "Bound",
    "SimpleRouting",
    "WorkWindow",
    "build_document",
    "save_simple_routing",
]

MAX_MESSAGE = 200
MAX_AREA_ROUTES = 10
#: What callers hear outside work hours when the form gives no text of its own.
DEFAULT_CLOSED_GREETING = "您好,现在是非工作时间,请在提示音后留言,我们将在工作时间尽快回复"
DEFAULT_CLOSED_ANNOUNCEMENT = "您好,现在是非工作时间,请在工作时间内来电,谢谢"


@strawberry.enum(
    name="AfterHoursAction",
    description="Outside the work windows: RING the after-hours numbers, take a VOICEMAIL, or play an "
    "ANNOUNCEMENT and end the call.",
)
class AfterHours(StrEnum):
    """What happens to a call outside the work windows."""

    RING = "ring"  # the after-hours numbers ring
    VOICEMAIL = "voicemail"  # the caller leaves a message (R17)
    ANNOUNCEMENT = "announcement"  # the caller hears a closing announcement, then the call ends


@dataclass(frozen=True)
class Bound:
    number: str
    wait_s: int = 30
    name: str = ""


@dataclass(frozen=True)
class WorkWindow:
    days: list[int]
    start: str
    end: str


@dataclass(frozen=True)
class AreaRoute:
    """Callers from ``areas`` (codes, cities or provinces) ring ``destinations`` instead of the default."""

    areas: list[str]
    destinations: list[Bound]
    name: str = ""


@dataclass(frozen=True)
class SimpleRouting:
    destinations: list[Bound]
    work_windows: list[WorkWindow] = field(default_factory=list)
    after_hours: list[Bound] = field(default_factory=list)
    observe_holidays: bool = True
    busy_forward: Bound | None = None
    no_answer_forward: Bound | None = None
    voicemail: bool = False
    recording: bool = False
    ringback: str | None = None
    after_hours_action: AfterHours = AfterHours.RING
    after_hours_message: str = ""
    area_routes: list[AreaRoute] = field(default_factory=list)

    def closed_text(self) -> str:
        """The off-hours greeting or announcement: the form's text, else the default for the action."""
        default = (
            DEFAULT_CLOSED_GREETING
            if self.after_hours_action == AfterHours.VOICEMAIL
            else DEFAULT_CLOSED_ANNOUNCEMENT
        )
        return self.after_hours_message.strip() or default


def _dial(
    node_id: str, label: str, bound: list[Bound], settings: SimpleRouting, x: int, y: int
) -> dict[str, Any]:
    props: dict[str, Any] = {
        "destinations": [{"number": b.number, "wait_s": b.wait_s, "name": b.name} for b in bound],
        "record": settings.recording,
    }
    if settings.ringback:
        props["ringback"] = {"prompt": settings.ringback}
    return {"id": node_id, "type": "dial", "label": label, "position": {"x": x, "y": y}, "props": props}


def _area_routes(
    settings: SimpleRouting, nodes: list[dict[str, Any]], edge: Any, dials: list[str], x: int, y: int
) -> str:
    """The area switches in front of the default dial, one per route, tried in order; the first node."""
    routes = settings.area_routes
    for i, route in enumerate(routes, 1):
        label = route.name.strip() or f"地区分流{i}"
        nodes.append(
            {
                "id": f"area_{i}",
                "type": "area_switch",
                "label": label,
                "position": {"x": x, "y": y + (i - 1) * 160},
                "props": {"areas": list(route.areas)},
            }
        )
        nodes.append(
            _dial(f"area_{i}_dial", label, route.destinations, settings, x + 200, y + (i - 1) * 160 - 60)
        )
        edge(f"area_{i}", "match", f"area_{i}_dial")
        edge(f"area_{i}", "else", f"area_{i + 1}" if i < len(routes) else "work")
        dials.append(f"area_{i}_dial")
    return "area_1" if routes else "work"


def build_document(settings: SimpleRouting, name: str) -> dict[str, Any]:
    """The flow the settings mean; deterministic, so saving the same settings twice changes nothing."""
    nodes: list[dict[str, Any]] = [{"id": "start", "type": "start", "position": {"x": 0, "y": 0}}]
    edges: list[dict[str, Any]] = []

    def edge(source: str, exit_name: str, target: str) -> None:
        edges.append({"id": f"e{len(edges) + 1}", "source": source, "exit": exit_name, "target": target})

    dials = ["work"]
    # Area routes apply in work hours (or always, without a schedule); after hours is one rule for all.
    shift = 400 if settings.area_routes else 0
    if settings.work_windows:
        windows = [{"days": w.days, "start": w.start, "end": w.end} for w in settings.work_windows]
        schedule = {"windows": windows, "observe_holidays": settings.observe_holidays}
        nodes.append(
            {
                "id": "hours",
                "type": "time_switch",
                "label": "工作时间",
                "position": {"x": 200, "y": 0},
                "props": {"schedule": schedule},
            }
        )
        nodes.append(_dial("work", "工作时间", settings.destinations, settings, 400 + shift, -100))
        edge("start", "next", "hours")
        edge("hours", "match", _area_routes(settings, nodes, edge, dials, 400, -300))
        if settings.after_hours_action == AfterHours.RING:
            nodes.append(_dial("after_hours", "非工作时间", settings.after_hours, settings, 400, 100))
            edge("hours", "else", "after_hours")
            dials.append("after_hours")
        elif settings.after_hours_action == AfterHours.VOICEMAIL:
            nodes.append(
                {
                    "id": "closed_voicemail",
                    "type": "voicemail",
                    "label": "非工作时间留言",
                    "position": {"x": 400, "y": 100},
                    "props": {"greeting": {"tts": settings.closed_text()}},
                }
            )
            edge("hours", "else", "closed_voicemail")
            edge("closed_voicemail", "done", "bye")
        else:
            nodes.append(
                {
                    "id": "closed",
                    "type": "hangup",
                    "label": "非工作时间提示",
                    "position": {"x": 400, "y": 100},
                    "props": {"announcement": {"tts": settings.closed_text()}},
                }
            )
            edge("hours", "else", "closed")
    else:
        nodes.append(_dial("work", "绑定号码", settings.destinations, settings, 200 + shift, 0))
        edge("start", "next", _area_routes(settings, nodes, edge, dials, 200, -200))
    if settings.voicemail:
        nodes.append(
            {
                "id": "voicemail",
                "type": "voicemail",
                "label": "留言",
                "position": {"x": 800, "y": 0},
                "props": {"greeting": {"tts": "您好,现在无人接听,请在提示音后留言"}},
            }
        )
        edge("voicemail", "done", "bye")
    if any(e["target"] == "bye" for e in edges):
        nodes.append({"id": "bye", "type": "hangup", "position": {"x": 1000, "y": 0}})
    fallback = "voicemail" if settings.voicemail else None
    forwards = {"busy": settings.busy_forward, "no_answer": settings.no_answer_forward}
    for exit_name, bound in forwards.items():
        if bound is not None:
            node_id = f"forward_{exit_name}"
            label = "遇忙前转" if exit_name == "busy" else "无应答前转"
            nodes.append(_dial(node_id, label, [bound], settings, 600, 200 if exit_name == "busy" else 300))
            if fallback:
                for failure in ivr_flows.DIAL_FAILURE_EXITS:
                    edge(node_id, failure, fallback)
    for dial in dials:
        for failure in ivr_flows.DIAL_FAILURE_EXITS:
            bound = forwards.get(failure)
            target = f"forward_{failure}" if bound is not None else fallback
            if target:
                edge(dial, failure, target)
    return {"format_version": 1, "name": name, "nodes": nodes, "edges": edges}


def _check_area_routes(routes: list[AreaRoute]) -> None:
    if len(routes) > MAX_AREA_ROUTES:
        raise UserError("too_many", f"按地区转接最多设置{MAX_AREA_ROUTES}组", "areaRoutes")
    for i, route in enumerate(routes, 1):
        if not route.areas:
            raise UserError("required", f"按地区转接第{i}组:请选择地区", "areaRoutes")
        _, unknown = ivr_flows.expand_areas(list(route.areas))
        if unknown:
            raise UserError(
                "invalid_area", f"按地区转接第{i}组:无法识别的地区 {'、'.join(unknown)}", "areaRoutes"
            )
        if not route.destinations:
            raise UserError("required", f"按地区转接第{i}组:请至少绑定一个号码", "areaRoutes")


def _check(settings: SimpleRouting) -> None:
    if not settings.destinations:
        raise UserError("required", "请至少绑定一个号码", "destinations")
    _check_area_routes(settings.area_routes)
    ringing = settings.after_hours_action == AfterHours.RING
    if settings.work_windows and ringing and not settings.after_hours:
        raise UserError(
            "required",
            "设置了工作时间,请填写非工作时间接听的号码,或选择非工作时间留言或播放提示音",
            "afterHours",
        )
    if settings.after_hours and not settings.work_windows:
        raise UserError("required", "填写了非工作时间号码,请设置工作时间", "workWindows")
    if not ringing and not settings.work_windows:
        raise UserError("required", "选择了非工作时间留言或提示音,请设置工作时间", "workWindows")
    if not ringing and settings.after_hours:
        raise UserError(
            "invalid_settings", "非工作时间选择了留言或提示音,请不要再填写非工作时间接听的号码", "afterHours"
        )
    if ringing and settings.after_hours_message.strip():
        raise UserError(
            "invalid_settings",
            "非工作时间转接号码时不播放提示语,请清空提示语或选择留言、提示音",
            "afterHoursMessage",
        )
    if len(settings.after_hours_message.strip()) > MAX_MESSAGE:
        raise UserError("too_long", f"非工作时间提示语不能超过{MAX_MESSAGE}个字", "afterHoursMessage")


async def save_simple_routing(
    number: Number, settings: SimpleRouting, publisher: str
) -> tuple[NumberRouting, FlowVersion, list[ivr_flows.Diagnostic]]:
    """Generate the flow, then publish it and put it in service through the pipeline, all in one
    transaction with the form's own record; returns the settings, the version and the warnings.

    The document is built and loaded here once; the pipeline analyses it once with the account's
    prompts and this number's policies, so what the form returns is what the number runs.
    """
    _check(settings)
    assert number.account_id is not None
    name = f"简单路由 {format_number(number.number)}"
    document = build_document(settings, name)
    try:
        loaded = ivr_flows.load_flow(document)
    except ivr_flows.FlowError as error:
        raise UserError("invalid_settings", error.diagnostics[0].message, "settings") from error
    current = await current_routing(number)
    flow_id = (current.simple or {}).get("flowId")
    async with pipeline.transaction():
        flow = await Flow.filter(id=flow_id, account_id=number.account_id).first() if flow_id else None
        replaced = await _replaced(current, flow)
        if flow is None:
            flow = await create_generated_flow(number.account_id, name, document, number.id)
        else:
            # Saving the form regenerates the flow; edits made in the editor since are kept in older versions.
            flow.draft = canonical(document)
            flow.revision += 1
            flow.updated_at = utcnow()
            await flow.save(update_fields=["draft", "revision", "updated_at"])
        published = await pipeline.publish(flow, "简单路由设置", publisher, [number], loaded=loaded)
        routing = published.routings[0]
        routing.simple = {"flowId": flow.id, "settings": _as_json(settings), "replacedVersionId": replaced}
        await routing.save(update_fields=["simple"])
    return routing, published.version, published.warnings


async def _replaced(current: NumberRouting, own: Flow | None) -> int | None:
    """The designed flow's version the form is about to replace, kept so the customer can put it back in
    one step; saving the form again while it runs keeps the one it first replaced."""
    version_id = current.flow_version_id
    if version_id is None:
        return None
    running = await FlowVersion.filter(id=version_id).values_list("flow_id", flat=True)
    if own is not None and running and running[0] == own.id:
        kept = (current.simple or {}).get("replacedVersionId")
        return kept if isinstance(kept, int) else None
    return version_id


def _bound_json(b: Bound | None) -> dict[str, Any] | None:
    return None if b is None else {"number": b.number, "waitS": b.wait_s, "name": b.name}


def _as_json(s: SimpleRouting) -> dict[str, Any]:
    return {
        "destinations": [_bound_json(b) for b in s.destinations],
        "workWindows": [{"days": w.days, "start": w.start, "end": w.end} for w in s.work_windows],
        "afterHours": [_bound_json(b) for b in s.after_hours],
        "observeHolidays": s.observe_holidays,
        "busyForward": _bound_json(s.busy_forward),
        "noAnswerForward": _bound_json(s.no_answer_forward),
        "voicemail": s.voicemail,
        "recording": s.recording,
        "ringback": s.ringback,
        "afterHoursAction": s.after_hours_action.value,
        "afterHoursMessage": s.after_hours_message.strip(),
        "areaRoutes": [
            {"areas": list(r.areas), "destinations": [_bound_json(b) for b in r.destinations], "name": r.name}
            for r in s.area_routes
        ],
    }
