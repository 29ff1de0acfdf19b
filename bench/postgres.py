"""A throw-away PostgreSQL server from Debian's `postgresql` package, for the tests and the
benchmarks: a fresh cluster in a temporary folder, on a free loopback port, stopped by its PID.

    server = PostgresServer()
    server.start()
    url = server.create_database("drafts")  # postgresql://postgres@127.0.0.1:PORT/drafts
    ...
    server.stop()

`initdb` refuses to run as root, so under root every step runs as the `postgres` user that the
Debian package creates, in a folder that user owns.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.appserver import free_port


class PostgresUnavailable(RuntimeError):
    """PostgreSQL is not installed here, or its server would not start; the message says why."""


def find_bindir() -> Path:
    """The folder of PostgreSQL's server programs: Debian's newest, or `pg_ctl` on the PATH."""
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if debian:
        return debian[-1].parent
    if found := shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    raise PostgresUnavailable(
        "PostgreSQL's server programs are not installed: `make test` installs Debian's"
        " postgresql (or run `apt-get install postgresql`)."
    )


@dataclass
class PostgresServer:
    """One PostgreSQL cluster of its own. `durable=False` turns off fsync: for tests only, where
    a lost write on a power cut does not matter and every test's set-up is faster."""

    durable: bool = True
    folder: Path | None = None
    port: int = 0
    pid: int = 0

    @property
    def _as_owner(self) -> list[str]:
        return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, *command: str | Path) -> None:
        result = subprocess.run(
            [*self._as_owner, *map(str, command)], capture_output=True, text=True, timeout=120
        )
        if result.returncode:
            raise PostgresUnavailable(
                f"{Path(command[0]).name} failed ({result.returncode}):"
                f" {(result.stderr or result.stdout).strip()[-2000:]}"
            )

    def start(self) -> None:
        """Make a new cluster in a new temporary folder and start it on a free port."""
        self._bindir = find_bindir()
        self.folder = Path(tempfile.mkdtemp(prefix="rb-postgres-"))
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(self._bindir / "initdb", "-D", self.folder / "data", "-U", "postgres",
                  "--auth=trust", "-E", "UTF8")  # fmt: skip
        self.port = free_port()
        self.start_again()

    def start_again(self) -> None:
        """Start the cluster (made by `start`, stopped with `stop(remove=False)`) on its port."""
        data = self.folder / "data"
        options = f"-p {self.port} -h 127.0.0.1 -k {self.folder}"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        try:
            self._run(self._bindir / "pg_ctl", "-D", data, "-o", options, "-l",
                      self.folder / "server.log", "-w", "-t", "60", "start")  # fmt: skip
        except PostgresUnavailable as e:
            raise PostgresUnavailable(f"{e}\n{self.log_tail()}") from e
        self.pid = int((data / "postmaster.pid").read_text().split()[0])

    def log_tail(self, lines: int = 20) -> str:
        log = (self.folder or Path("/nonexistent")) / "server.log"
        if not log.exists():
            return "(no server log)"
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])

    def create_database(self, name: str) -> str:
        """Create an empty database; return its address for RESPONSE_BUILDER_DATABASE_URL."""
        self._run(self._bindir / "createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U",
                  "postgres", name)  # fmt: skip
        return self.url(name)

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def cpu_seconds(self) -> float:
        """The CPU time (user and system) the server and its live backends have used so far."""
        tick = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:  # a process that has just ended
                continue
            if int(stat.parent.name) == self.pid or int(fields[1]) == self.pid:
                total += (int(fields[11]) + int(fields[12])) / tick
        return total

    def running(self) -> bool:
        """Whether the server process is alive (a zombie left for its parent to reap is not)."""
        try:
            stat = Path(f"/proc/{self.pid}/stat").read_text()
        except OSError:
            return False
        return stat.rsplit(")", 1)[1].split()[0] != "Z"

    def stop(self, remove: bool = True) -> None:
        """Stop the server by its PID (SIGINT: PostgreSQL's fast shutdown, which writes all it
        has to disk) and wait for it to go; then remove its folder unless `remove` is False."""
        if self.pid and self.running():
            os.kill(self.pid, signal.SIGINT)
            deadline = time.monotonic() + 60
            while self.running() and time.monotonic() < deadline:
                time.sleep(0.05)
            if self.running():
                os.kill(self.pid, signal.SIGKILL)
        self.pid = 0
        if remove and self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def restart(self) -> None:
        """Stop and start the same cluster on the same port: a restarted database server."""
        self.stop(remove=False)
        self.start_again()
