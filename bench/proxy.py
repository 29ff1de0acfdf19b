"""Run nginx from the repository's own proxy config (`deploy/response-builder.nginx.conf`) on
loopback ports, in front of app processes: for the proxy test and the scale benchmark.

The site file is used as written, with three changes only: its `listen` line becomes a free
loopback port, its upstream lists the given app processes, and its access log is written in
this folder. nginx runs in the foreground
(`daemon off`) as a child of this process, with its pid file, logs and temporary files in a
folder of its own, and is stopped by its PID.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bench.appserver import ROOT, free_port, wait_healthy

SITE = ROOT / "deploy" / "response-builder.nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

_MAIN = """\
pid {folder}/nginx.pid;
error_log {folder}/error.log;
worker_processes 1;
events {{ worker_connections 4096; }}
http {{
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/site.conf;
}}
"""


def site_for(ports: list[int], listen: int, folder: Path) -> str:
    """The repository's site config, listening on 127.0.0.1:`listen`, in front of `ports`,
    logging its requests to `folder`/access.log."""
    site = SITE.read_text(encoding="utf-8")
    # The upstream's run of `server 127.0.0.1:PORT ...;` lines, written again for `ports`.
    block = re.compile(r"^([ \t]*)server 127\.0\.0\.1:\d+( [^;\n]*)?;\n(?:\1server .*\n)*", re.M)
    match = block.search(site)
    if not match:
        raise ValueError(f"no `server 127.0.0.1:PORT ...;` line in {SITE}")
    indent, options = match.group(1), match.group(2) or ""
    servers = "".join(f"{indent}server 127.0.0.1:{port}{options};\n" for port in ports)
    site = site[: match.start()] + servers + site[match.end() :]
    site, listens = re.subn(r"^(\s*)listen \d+;$", rf"\1listen 127.0.0.1:{listen};", site,
                            flags=re.MULTILINE)  # fmt: skip
    if listens != 1:
        raise ValueError(f"expected one `listen PORT;` line in {SITE}, found {listens}")
    site, logs = re.subn(r"^(\s*)access_log \S+", rf"\1access_log {folder}/access.log", site,
                         flags=re.MULTILINE)  # fmt: skip
    if logs != 1:
        raise ValueError(f"expected one `access_log PATH ...;` line in {SITE}, found {logs}")
    return site


@dataclass
class Proxy:
    """nginx from the site config, in `folder`, in front of the app processes on `ports`."""

    folder: Path
    ports: list[int]
    port: int = 0
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 20) -> None:
        if not Path(NGINX).exists():
            raise RuntimeError("nginx is not installed: `make test` installs Debian's nginx")
        self.port = self.port or free_port()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.folder.chmod(0o755)  # nginx's workers drop root for an unprivileged user
        (self.folder / "site.conf").write_text(
            site_for(self.ports, self.port, self.folder), encoding="utf-8"
        )
        conf = self.folder / "nginx.conf"
        conf.write_text(_MAIN.format(folder=self.folder), encoding="utf-8")
        command = [NGINX, "-e", str(self.folder / "error.log"), "-c", str(conf)]
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
        if checked.returncode:
            raise RuntimeError(f"nginx rejected the config: {checked.stderr.strip()}")
        self.process = subprocess.Popen(
            [*command, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        problem = wait_healthy(self.url, self.process, timeout)
        if problem == "exited":
            raise RuntimeError(f"nginx exited while starting: {self.error_tail()}")
        if not problem:
            return
        self.stop()
        raise RuntimeError(f"nginx did not pass /_stcore/health on: {self.error_tail()}")

    def error_tail(self, lines: int = 20) -> str:
        log = self.folder / "error.log"
        text = log.read_text(errors="replace") if log.exists() else "(no error log)"
        return "\n".join(text.splitlines()[-lines:])

    def upstreams_used(self) -> list[str]:
        """The app process (`127.0.0.1:PORT`) each request so far went to, in order."""
        return re.findall(r" upstream=(\S+)", self.access_log())

    def access_log(self) -> str:
        log = self.folder / "access.log"
        return log.read_text(encoding="utf-8") if log.exists() else ""

    def stop(self) -> None:
        """Stop nginx by its PID (SIGTERM: its fast shutdown; open websockets stay open for
        hours, so a graceful one would wait for them)."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None
