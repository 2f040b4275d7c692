"""Command line: ``python -m ivr_flows validate|compile|asterisk|simulate|test|schema FILE …``.

JSON goes to stdout where a program reads it (``compile``, ``schema``, and any command with ``--json``);
people get readable lines. A FILE is a flow document, or a bundle ``{"number", "policies", "flow"}``;
``asterisk`` and ``simulate`` also accept a compiled dialplan. Exit status: 0 fine, 1 the flow has
errors or a test failed, 2 bad usage or an unreadable file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from .analysis import analyse
from .asterisk import AsteriskOptions, RenderError, render_asterisk
from .calls import CallSpec, PhoneBehaviour
from .compiler import compile_plan
from .diagnostics import FlowError
from .dialplan import PLAN_FORMAT, Dialplan
from .flowtests import run_flow_tests
from .model import Flow, load_flow
from .policies import NumberPolicies
from .schema import flow_json_schema
from .simulator import Trace, simulate, split_distribution

__all__ = ["main"]

DEFAULT_NUMBER = "4000000000"


class _Doc:
    def __init__(self, path: str, number: str | None, policies_path: str | None) -> None:
        raw: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
        self.plan: Dialplan | None = None
        self.flow: Flow | None = None
        self.number = number or raw.get("number") or DEFAULT_NUMBER
        policies = raw.get("policies")
        if policies_path:
            policies = json.loads(Path(policies_path).read_text(encoding="utf-8"))
        self.policies = NumberPolicies.model_validate(policies) if policies is not None else None
        if raw.get("format") == PLAN_FORMAT:
            self.plan = Dialplan.from_dict(raw)
        else:
            self.flow = load_flow(raw["flow"] if "flow" in raw and "nodes" not in raw else raw)

    def compiled(self) -> Dialplan:
        if self.plan is not None:
            return self.plan
        assert self.flow is not None
        return compile_plan(self.number, self.policies, self.flow)


def _print_diagnostics(path: str, diagnostics: list[Any]) -> None:
    for d in diagnostics:
        where = f" [节点 {d.node_id}]" if d.node_id else ""
        where += f" [连线 {d.edge_id}]" if d.edge_id else ""
        print(f"{path}: {d.severity} {d.code}{where}: {d.message}")


def _cmd_validate(args: argparse.Namespace) -> int:
    status = 0
    report: dict[str, Any] = {}
    for path in args.files:
        doc = _Doc(path, args.number, args.policies)
        if doc.flow is None:
            print(f"{path}: 这是已编译的拨号计划,不是流程", file=sys.stderr)
            return 2
        found = analyse(doc.flow, doc.policies)
        if any(d.severity == "error" for d in found):
            status = 1
        report[path] = [d.to_dict() for d in found]
        if not args.json:
            _print_diagnostics(path, found)
            errors = sum(d.severity == "error" for d in found)
            print(
                f"{path}: {'有' + str(errors) + '个错误' if errors else '通过'},{len(found) - errors}个提示"
            )
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    return status


def _cmd_compile(args: argparse.Namespace) -> int:
    data = _Doc(args.file, args.number, args.policies).compiled().to_json()
    if args.output:
        Path(args.output).write_bytes(data)
    else:
        sys.stdout.write(data.decode() + "\n")
    return 0


def _cmd_asterisk(args: argparse.Namespace) -> int:
    plan = _Doc(args.file, args.number, args.policies).compiled()
    options = AsteriskOptions(channel=args.channel, standalone=not args.context_only)
    text = render_asterisk(plan, options)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _phone(spec: str) -> tuple[str, PhoneBehaviour]:
    number, _, behaviour = spec.partition("=")
    state, _, seconds = (behaviour or "answer").partition(":")
    data: dict[str, Any] = {"state": state}
    if seconds:
        data["answer_after_s"] = float(seconds)
    return number, PhoneBehaviour.model_validate(data)


def _print_trace(trace: Trace) -> None:
    area = trace.caller_area
    print(f"来电 {area.number or '(未知)'} · {area.province} {area.city} ({area.area_code})")
    for e in trace.events:
        what = e.text or e.prompt or e.number or e.outcome or ""
        extra = f" {e.duration_s:g}s" if e.duration_s else ""
        reason = f" — {e.reason}" if e.reason else ""
        print(f"{e.t:7.1f}s  {e.kind:<9} {e.node or e.step:<14} {what}{extra}{reason}")
    print(
        f"结果: {trace.outcome} · 挂机原因 {trace.hangup_cause} · 接听 {trace.answered_by or '-'} · 时长 {trace.duration_s:g}s"
    )


def _cmd_simulate(args: argparse.Namespace) -> int:
    plan = _Doc(args.file, args.number, args.policies).compiled()
    call = CallSpec(
        caller=args.caller,
        category=args.category,
        at=dt.datetime.fromisoformat(args.at) if args.at else CallSpec().at,
        digits=args.digits,  # the model accepts the string shorthand
        phones=dict(_phone(p) for p in args.phone),
        active_calls=args.active_calls,
        split=[int(n) for n in args.split.split(",") if n.strip()],
        split_seed=args.split_seed,
    )
    if args.distribution:
        shares = split_distribution(plan, calls=args.distribution, seed=args.split_seed, call=call)
        if args.json:
            print(json.dumps([s.to_dict() for s in shares], ensure_ascii=False, indent=2))
        else:
            if not shares:
                print("流程中没有按比例分流")
            for share in shares:
                print(
                    f"{share.node or share.step} 分支{share.branch}: 设定{share.weight}%,"
                    f"实际{share.share * 100:.1f}%({share.calls}/{args.distribution}通)"
                )
        return 0
    trace = simulate(plan, call)
    if args.json:
        print(json.dumps(trace.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_trace(trace)
    return 0


def _cmd_test(args: argparse.Namespace) -> int:
    failed = 0
    report: dict[str, Any] = {}
    for path in args.files:
        doc = _Doc(path, args.number, args.policies)
        assert doc.flow is not None
        results = run_flow_tests(doc.flow, number=doc.number, policies=doc.policies)
        failed += sum(not r.passed for r in results)
        report[path] = [{"name": r.name, "passed": r.passed, "message": r.message} for r in results]
        if not args.json:
            for r in results:
                print(
                    f"{'PASS' if r.passed else 'FAIL'} {path} · {r.name}"
                    + ("" if r.passed else f": {r.message}")
                )
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        total = sum(len(v) for v in report.values())
        print(f"{total - failed} passed, {failed} failed")
    return 1 if failed else 0


def _cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(flow_json_schema(), ensure_ascii=False, indent=2, sort_keys=True))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ivr_flows", description="IVR flows for 400 hotlines.")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--number", help=f"the 400 number (default: from the file or {DEFAULT_NUMBER})")
        p.add_argument("--policies", metavar="FILE", help="number policies JSON (overrides the file's)")

    p = sub.add_parser("validate", help="analyse flows and list diagnostics")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    common(p)
    p.set_defaults(run=_cmd_validate)

    p = sub.add_parser("compile", help="compile a flow to the JSON dialplan")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", help="write to this file instead of stdout")
    common(p)
    p.set_defaults(run=_cmd_compile)

    p = sub.add_parser("asterisk", help="render a flow or dialplan as Asterisk extensions.conf")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", help="write to this file instead of stdout")
    p.add_argument("--channel", default=AsteriskOptions.channel, help="bound-number channel template")
    p.add_argument("--context-only", action="store_true", help="omit [general] and [globals]")
    common(p)
    p.set_defaults(run=_cmd_asterisk)

    p = sub.add_parser("simulate", help="simulate one call")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--caller", default="13812345678")
    p.add_argument("--category", default="mobile")
    p.add_argument("--at", help="local time, ISO format (default 2026-03-02T10:00, a Monday)")
    p.add_argument("--digits", default="", help="keys pressed at successive menus; '-' lets one time out")
    p.add_argument("--phone", action="append", default=[], metavar="NUMBER=STATE[:SECONDS]",
                   help="how a bound phone behaves, e.g. 02088886666=answer:5 or 13912345678=busy")  # fmt: skip
    p.add_argument("--active-calls", type=int, default=0)
    p.add_argument(
        "--split", default="", metavar="N[,N…]", help="branch taken at each percentage split, in order"
    )
    p.add_argument("--split-seed", type=int, default=0, help="seed of the draws at splits not named")
    p.add_argument("--distribution", type=int, default=0, metavar="CALLS",
                   help="simulate this many calls with drawn splits and print each branch's share")  # fmt: skip
    p.add_argument("--json", action="store_true")
    common(p)
    p.set_defaults(run=_cmd_simulate)

    p = sub.add_parser("test", help="run the test cases a flow carries")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true")
    common(p)
    p.set_defaults(run=_cmd_test)

    p = sub.add_parser("schema", help="print the flow JSON Schema")
    p.set_defaults(run=_cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except FlowError as exc:
        _print_diagnostics(getattr(args, "file", "flow"), exc.diagnostics)
        return 1
    except (OSError, ValueError, KeyError, RenderError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
