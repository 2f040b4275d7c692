"""The command line: every subcommand on the example flows, JSON where programs read, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ivr_flows.cli import main

ROOT = Path(__file__).resolve().parents[2]
MENU = str(ROOT / "ivr_flows" / "examples" / "menu.flow.json")
HOURS = str(ROOT / "ivr_flows" / "examples" / "work_hours.flow.json")


def test_validate_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", MENU, HOURS]) == 0
    assert "通过" in capsys.readouterr().out
    assert main(["validate", "--json", MENU]) == 0
    assert json.loads(capsys.readouterr().out) == {MENU: []}


def test_validate_reports_errors_with_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"nodes": [{"id": "h", "type": "hangup"}]}), encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    assert "no_start" in capsys.readouterr().out


def test_compile_prints_the_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compile", MENU, "--number", "400-622-8300"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["format"] == "hotline400.dialplan" and plan["number"] == "4006228300"
    out = tmp_path / "plan.json"
    assert main(["compile", MENU, "-o", str(out)]) == 0
    assert main(["asterisk", str(out), "--context-only"]) == 0  # a compiled plan is accepted too
    text = capsys.readouterr().out
    assert "[hotline-4000000000]" in text and "[general]" not in text


def test_asterisk_and_simulate(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["asterisk", HOURS, "--channel", "PJSIP/{number}@ct"]) == 0
    assert "Dial(PJSIP/07562222222@ct,50)" in capsys.readouterr().out
    args = [
        "simulate",
        MENU,
        "--digits",
        "1",
        "--phone",
        "02088886666=busy",
        "--phone",
        "13912345678=answer:7",
    ]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "固话占线" in out and "接听 13912345678" in out
    assert main([*args, "--json"]) == 0
    trace = json.loads(capsys.readouterr().out)
    assert trace["answered_by"] == "13912345678" and trace["path"][:4] == [
        "start",
        "welcome",
        "menu",
        "query",
    ]
    assert main(["simulate", HOURS, "--at", "2026-03-07T13:00", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["path"][2] == "mobile"


def test_test_command_passes_examples_and_fails_a_wrong_expectation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["test", MENU, HOURS]) == 0
    assert "9 passed, 0 failed" in capsys.readouterr().out
    data = json.loads(Path(HOURS).read_text(encoding="utf-8"))
    data["tests"][0]["expect"]["path"] = ["start", "hours", "mobile"]
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["test", str(wrong)]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out and "第3步:期望进入节点“mobile”,实际进入“office”" in out and "在时段内" in out


def test_bad_usage_and_unreadable_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compile", str(tmp_path / "missing.json")]) == 2
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "validate" in capsys.readouterr().out


def test_module_entry_point_runs() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "ivr_flows", "schema"], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert proc.returncode == 0 and json.loads(proc.stdout)["title"].startswith("IVR flow")
