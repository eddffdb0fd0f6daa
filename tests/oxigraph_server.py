"""Test helper: a real Oxigraph server (the ``oxigraph`` PyPI package) on a free loopback port.

Written apart from ``plankg.queries.serve`` on purpose: the tests that use it check plankg's own
client code against a server plankg did not start.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

READY_WITHIN = 30.0
STOP_WITHIN = 10.0


@dataclass(frozen=True)
class RunningServer:
    url: str
    pid: int

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    @property
    def store_url(self) -> str:
        return self.url + "/store"


def executable() -> str:
    for folder in (Path(sysconfig.get_path("scripts")), Path(sys.executable).parent):
        if (folder / "oxigraph").is_file():
            return str(folder / "oxigraph")
    found = shutil.which("oxigraph")
    if found is None:
        raise RuntimeError("the oxigraph server CLI is not installed (pip install oxigraph)")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def oxigraph_server(
    location: Path, *, union_default_graph: bool = False
) -> Iterator[RunningServer]:
    """Run ``oxigraph serve`` over ``location`` until the block ends, then stop it by PID."""
    port = free_port()
    command = [executable(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    if union_default_graph:
        command.append("--union-default-graph")
    log_path = location.parent / f"{location.name}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
    server = RunningServer(f"http://127.0.0.1:{port}", process.pid)
    try:
        _wait_ready(server, process, log_path)
        yield server
    finally:
        _stop(process)


def _wait_ready(server: RunningServer, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + READY_WITHIN
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph exited: {log.read_text(errors='replace')[-500:]}")
        try:
            with urllib.request.urlopen(server.query_url + "?query=ASK%7B%7D", timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    _stop(process)
    raise RuntimeError(f"oxigraph did not answer on {server.url}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    os.kill(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=STOP_WITHIN)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
