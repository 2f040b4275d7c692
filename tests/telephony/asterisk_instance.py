"""A private Asterisk for tests: the build cached by ``scripts/asterisk``, every directory in a temp dir.

Asterisk's compiled-in paths are the system ones (``/etc/asterisk``, ``/var/lib/asterisk`` ...), so a test
instance is always started with ``-C`` naming an ``asterisk.conf`` whose directories all lie under the
test's own root: nothing on the machine is read or written, and several instances can run side by side.
Only the modules a test names are loaded (``autoload=no``): nothing binds a network port unless the test
loads a channel driver and configures it on loopback.
"""

from __future__ import annotations

import re
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

import pytest

REPO = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = REPO / "scripts" / "asterisk"

#: asterisk.conf directory settings → sub-directory of the instance root.
DIRECTORIES = {
    "astetcdir": "etc",
    "astvarlibdir": "lib",
    "astdbdir": "lib",
    "astkeydir": "lib/keys",
    "astdatadir": "data",
    "astagidir": "lib/agi-bin",
    "astspooldir": "spool",
    "astrundir": "run",
    "astlogdir": "log",
    "astcachedir": "cache",
}
#: Read-only parts of the build's data directory an instance links to (the sounds directory stays its own).
SHARED_DATA = ("documentation", "rest-api", "static-http")
#: Files the core reads at start-up; without them it logs errors. Tones are China's (indications.conf).
CORE_CONFIGS = {
    "acl.conf": "",
    "ccss.conf": "[general]\n",
    "cdr.conf": "[general]\nenable = no\n",
    "cel.conf": "[general]\nenable = no\n",
    "features.conf": "[general]\n",
    "indications.conf": (
        "[general]\ncountry = cn\n\n[cn]\ndescription = China\nringcadence = 1000,4000\ndial = 450\n"
        "busy = 450/350,0/350\nring = 450/1000,0/4000\ncongestion = 450/700,0/700\n"
        "callwaiting = 450/400,0/10000\ndialrecall = 450\nrecord = 950/400,0/10000\n"
        "info = 450/100,0/100,450/100,0/100,450/100,0/100,450/400,0/400\n"
    ),
    "udptl.conf": "[general]\n",
}
_LOG_PROBLEM = re.compile(r"^\[[^\]]*\] (WARNING|ERROR)\[", re.M)


def free_loopback_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def manager_conf(port: int, username: str, secret: str) -> str:
    """manager.conf: AMI on loopback only, one user allowed to reload (the sync agent's rights)."""
    return (
        f"[general]\nenabled = yes\nbindaddr = 127.0.0.1\nport = {port}\n\n"
        f"[{username}]\nsecret = {secret}\ndeny = 0.0.0.0/0.0.0.0\npermit = 127.0.0.1/255.255.255.255\n"
        "read = system\nwrite = system,config,reporting\n"
    )


def asterisk_prefix() -> Path:
    """The installed tree of the cached build; fails the test (never skips it) when there is none."""
    proc = subprocess.run([str(BUILD_SCRIPT), "--print-prefix"], capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        pytest.fail(
            f"{proc.stderr.strip()}\nBuild it once with scripts/asterisk (scripts/test does this first).",
            pytrace=False,
        )
    return Path(proc.stdout.strip())


class AsteriskInstance:
    """One Asterisk process with its own configuration, started by :meth:`start`, ended by :meth:`stop`.

    Use as a context manager so the process is stopped even when an assertion fails.
    """

    def __init__(
        self,
        prefix: Path,
        root: Path,
        modules: list[str],
        configs: dict[str, str],
        *,
        system_name: str = "",
        high_priority: bool = False,
    ) -> None:
        """``system_name``: asterisk.conf's ``systemname``, which prefixes every channel's Uniqueid (the
        agent's call id), so that several nodes reporting to one service never share an id.
        ``high_priority``: ``highpriority`` (realtime scheduling, as a node runs; needs root)."""
        self.prefix = prefix
        self.root = root
        self.modules = modules
        self.configs = configs
        self.system_name = system_name
        self.high_priority = high_priority
        self.process: subprocess.Popen[bytes] | None = None
        self.exit_code: int | None = None

    @property
    def binary(self) -> Path:
        return self.prefix / "bin" / "asterisk"

    @property
    def etc(self) -> Path:
        return self.root / "etc"

    @property
    def config_file(self) -> Path:
        return self.etc / "asterisk.conf"

    @property
    def log_file(self) -> Path:
        return self.root / "log" / "messages.log"

    def write_configuration(self) -> None:
        """asterisk.conf, modules.conf, logger.conf and the core's files, then the test's own (may override)."""
        for sub in set(DIRECTORIES.values()):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        for name in SHARED_DATA:
            link = self.root / "data" / name
            if not link.exists():
                link.symlink_to(self.prefix / "var/lib/asterisk" / name)
        directories = [f"{key} => {self.root / sub}" for key, sub in DIRECTORIES.items()]
        directories += [
            f"astmoddir => {self.prefix / 'usr/lib/asterisk/modules'}",
            f"astsbindir => {self.prefix / 'usr/sbin'}",
        ]
        files = {
            **CORE_CONFIGS,
            "asterisk.conf": "\n".join(
                [
                    "[directories]",
                    *directories,
                    "",
                    "[options]",
                    "verbose = 0",
                    "debug = 0",
                    "hideconnect = yes",
                    *([f"systemname = {self.system_name}"] if self.system_name else []),
                    *(["highpriority = yes"] if self.high_priority else []),
                    "",
                ]
            ),
            "modules.conf": "\n".join(
                ["[modules]", "autoload = no", *(f"load => {name}.so" for name in self.modules), ""]
            ),
            "logger.conf": "[general]\n\n[logfiles]\nmessages.log => notice,warning,error\n",
        }
        files.update(self.configs)
        for name, text in files.items():
            (self.etc / name).write_text(text, encoding="utf-8")

    def start(self, timeout_s: float = 60) -> None:
        """Start in the foreground of a child process and wait until Asterisk says it is fully booted."""
        self.write_configuration()
        output = (self.root / "log" / "console.out").open("wb")
        self.process = subprocess.Popen(
            [str(self.binary), "-C", str(self.config_file), "-f", "-n"],
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        output.close()
        deadline = time.monotonic() + timeout_s
        while True:
            if self.process.poll() is not None:
                raise AssertionError(f"asterisk exited with {self.process.returncode}:\n{self.console()}")
            control = self.root / "run" / "asterisk.ctl"
            if control.exists() and self._remote("core waitfullybooted").returncode == 0:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"asterisk did not boot within {timeout_s} s:\n{self.console()}")
            time.sleep(0.1)

    def _remote(self, command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.binary), "-C", str(self.config_file), "-n", "-rx", command],
            capture_output=True,
            text=True,
            timeout=30,
        )

    def rx(self, command: str) -> str:
        """Run a CLI command in the running instance (``asterisk -rx``) and return its output."""
        proc = self._remote(command)
        assert proc.returncode == 0, f"asterisk -rx {command!r} failed: {proc.stderr}{proc.stdout}"
        return proc.stdout

    def stop(self) -> int:
        """``core stop now`` and wait for the process; returns its exit code."""
        if self.process is None:
            raise AssertionError("asterisk was not started")
        if self.process.poll() is None:
            self._remote("core stop now")
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.exit_code = self.process.returncode
        return self.exit_code

    def console(self) -> str:
        path = self.root / "log" / "console.out"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def log_problems(self) -> list[str]:
        """Every WARNING and ERROR line Asterisk logged so far."""
        if not self.log_file.exists():
            return []
        text = self.log_file.read_text(encoding="utf-8", errors="replace")
        return [line for line in text.splitlines() if _LOG_PROBLEM.match(line)]

    def __enter__(self) -> AsteriskInstance:
        self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.process is not None:
            self.stop()
