"""Browser tests: the real service (uvicorn on a loopback port, SQLite, demo data) driven by Debian's
Chromium through Playwright, in zh-CN and Asia/Shanghai.

Every page fails its test on a console error, an uncaught exception, or a request to any host but the
service (the app must work offline). Screenshots go to ``tests/web/screenshots/`` (git-ignored).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Route,
    ViewportSize,
    expect,
    sync_playwright,
)

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
expect.set_options(timeout=15_000)  # the machine is shared; waits end as soon as the page is ready
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CUSTOMER = ("customer", "customer-demo-400")
OPERATOR = ("operator", "operator-demo-400")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running_service(data: Path, **env_extra: str) -> Iterator[str]:
    """The service on a loopback port with the demo data in ``data``; its base URL."""
    if not (ROOT / "web" / "dist" / "index.html").exists():
        pytest.fail("web/dist is missing: run scripts/setup (it builds the web app)")
    env = {
        **os.environ,
        "DATA_DIR": str(data),
        "DATABASE_URL": f"sqlite://{data / 'hotline.sqlite3'}",
        "SECRET_KEY": "browser-tests",
        "PYTHONWARNINGS": "ignore",
        **env_extra,
    }
    subprocess.run([sys.executable, "-m", "api", "demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    port = _free_port()
    log = (data / "service.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "api", "serve", "--host", "127.0.0.1", "--port", str(port), "--no-jobs"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=1):
                    break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"the service exited: {(data / 'service.log').read_text()}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()


@pytest.fixture(scope="session")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The service on a loopback port with the demo data; its base URL.

    Every browser test connects from 127.0.0.1, as if the whole suite sat in one office: the per-address
    limits on sign-ups and holds are raised to fit it (their own tests run them at the defaults).
    """
    limits = {
        "SIGNUPS_PER_ADDRESS_HOUR": "100",
        "SIGNUPS_PER_ADDRESS_DAY": "1000",
        "HOLDS_PER_ADDRESS": "100",
    }
    with running_service(tmp_path_factory.mktemp("web-data"), **limits) as base:
        yield base


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    yield browser
    browser.close()


@dataclass
class Guard:
    """What a page did that a test must not allow."""

    service: str
    problems: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def on_route(self, route: Route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        # chrome://: the built-in PDF viewer's own files (scans shown in frames), from inside the browser.
        inside = parts.scheme in ("data", "blob", "chrome", "chrome-extension")
        if inside or f"{parts.scheme}://{parts.netloc}" == self.service:
            route.continue_()
        else:
            self.problems.append(f"request to another host: {url}")
            route.abort()


def new_browser_context(browser: Browser, service: str) -> BrowserContext:
    """A desktop browser in zh-CN and Asia/Shanghai that prefers reduced motion.

    The app honours that preference by switching Ant Design's animations off, so a dialog that closes is
    gone at once: no test waits on (or is blocked by) an animation that the browser never finishes.
    """
    return browser.new_context(
        base_url=service,
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
        viewport={"width": 1440, "height": 900},
        reduced_motion="reduce",
    )


@pytest.fixture
def context(browser: Browser, service: str) -> Iterator[BrowserContext]:
    context = new_browser_context(browser, service)
    yield context
    context.close()


def guarded_page(context: BrowserContext, service: str) -> tuple[Page, Guard]:
    guard = Guard(service)
    page = context.new_page()
    page.on("console", guard.on_console)
    page.on("pageerror", lambda error: guard.problems.append(f"uncaught: {error}"))
    page.route("**/*", guard.on_route)
    page.set_default_timeout(15_000)
    return page, guard


@pytest.fixture
def page(context: BrowserContext, service: str) -> Iterator[Page]:
    page, guard = guarded_page(context, service)
    yield page
    assert guard.problems == []


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def sign_in(page: Page, who: tuple[str, str] = CUSTOMER) -> None:
    page.goto("/")
    page.get_by_label("登录名").fill(who[0])
    page.get_by_label("密码").fill(who[1])
    page.get_by_role("button", name="登 录").or_(page.get_by_role("button", name="登录")).click()
    page.get_by_role("button", name="退出登录").wait_for()


AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page: Page, screen: str) -> list[str]:
    """Run axe-core on the page as it is now; its serious and critical violations, named by screen.

    axe is injected from web/node_modules (a dev dependency), so the check needs no network.
    """
    # Let opening dialogs and tabs finish their animations: half-faded text is not what users read.
    page.wait_for_function(
        "!document.querySelector('[class*=-appear-active], [class*=-enter-active], [class*=-leave-active]')"
    )
    page.wait_for_timeout(100)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => {
            const result = await axe.run(document, { resultTypes: ["violations"] });
            return result.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " " + (n.any[0]?.message ?? "")).join(" | ")}`);
        }"""
    )
    return [f"{screen}: {v}" for v in violations]


PHONE: ViewportSize = {"width": 390, "height": 844}


def check_screen(page: Page, name: str, *, phone: bool = False) -> None:
    """What every main screen owes its users: a screenshot artefact, no serious or critical axe finding,
    and (for the portal, which customers open on their phones) no horizontal scrolling at 390 px."""
    screenshot(page, name)
    assert axe_violations(page, name) == []
    if phone:
        size = page.viewport_size
        page.set_viewport_size(PHONE)
        try:
            page.wait_for_timeout(200)  # let the layout settle at the new width
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            screenshot(page, f"{name}-phone")
            assert overflow <= 0, f"{name}: {overflow}px of horizontal scrolling at 390 px wide"
        finally:
            if size:
                page.set_viewport_size(size)
