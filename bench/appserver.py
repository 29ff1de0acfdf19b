"""Start a Streamlit script as a real server on a free loopback port, and launch Debian's
Chromium for Playwright: shared by the browser tests and the browser benchmarks."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Playwright's own browser download cannot work here; these flags keep Debian's Chromium from
# reaching for the network at start (see TESTING.md in the shared notes).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, timeout: float) -> str:
    """Poll `url`/_stcore/health (Streamlit's, or nginx passing it on) until it answers "ok":
    return "" then, "exited" if `process` ended first, or "timeout"."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return "exited"
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    return ""
        except OSError:
            time.sleep(0.05)
    return "timeout"


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@dataclass
class AppServer:
    """One `streamlit run SCRIPT` process with its own data folder; stop() and start() again
    keep the folder and the port, like a restarted server.

    Its output goes to `server.log` in the data folder (appended to on each start), and the
    log's last lines are in the error when the app does not start. `env` adds to the
    environment it runs in (e.g. RESPONSE_BUILDER_DATABASE_URL).
    """

    data: Path
    script: Path = ROOT / "app.py"
    port: int = 0
    process: subprocess.Popen | None = None
    env: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.data / "server.log"

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return "(no log)"
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:]) or "(empty log)"

    def start(self, timeout: float = 60) -> None:
        self.port = self.port or free_port()
        env = {**os.environ, "RESPONSE_BUILDER_DATA": str(self.data), **self.env}
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "streamlit",
                    "run",
                    str(self.script),
                    "--server.headless",
                    "true",
                    "--server.address",
                    "127.0.0.1",
                    "--server.port",
                    str(self.port),
                    "--server.fileWatcherType",
                    "none",
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        problem = wait_healthy(self.url, self.process, timeout)
        if not problem:
            return
        code = self.process.returncode
        self.stop()
        if problem == "exited":
            raise RuntimeError(
                f"the app exited with status {code} while starting; the end of"
                f" {self.log_path}:\n{self.log_tail()}"
            )
        raise RuntimeError(
            f"the app did not answer /_stcore/health within {timeout:.0f} s; the end of"
            f" {self.log_path}:\n{self.log_tail()}"
        )

    def stop(self, kill: bool = False) -> None:
        """Stop the server by its PID: SIGTERM, or SIGKILL with kill=True (a crash)."""
        if self.process and self.process.poll() is None:
            if kill:
                self.process.kill()
            else:
                self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)
        self.process = None

    def cpu_seconds(self) -> float:
        """The CPU time (user and system) the server process has used so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def resident_mb(self) -> float:
        """The server's resident memory (VmRSS), in MB."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS for the server process")
