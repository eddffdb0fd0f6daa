"""A real SPARQL endpoint over the local store: the Oxigraph server of the ``oxigraph`` package.

pyoxigraph and the server both lock a store directory, and a read-only server must not read a
directory someone writes. So the server gets its own snapshot: a RocksDB backup of the store
(hard links where the file system allows, so it costs next to nothing) in a temporary
directory beside it, served with ``oxigraph serve-read-only`` on 127.0.0.1 only. Rebuilding the
store while it runs is safe; the endpoint keeps answering from the snapshot until restarted.
The snapshot is removed when the server stops.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from plankg.errors import InputError
from plankg.queries.defaults import DEFAULT_PORT
from plankg.queries.store import default_store_dir, open_store

HOST = "127.0.0.1"
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


class ServeError(InputError):
    """The server could not be started."""


@dataclass(frozen=True)
class Server:
    """A running Oxigraph server: its base URL and process."""

    url: str
    process: subprocess.Popen[bytes]

    @property
    def query_url(self) -> str:
        return self.url + "/query"


def oxigraph_executable() -> str:
    """The ``oxigraph`` CLI installed with this Python, else the first one on PATH."""
    scripts = Path(sysconfig.get_path("scripts"))
    for candidate in (scripts / "oxigraph", Path(sys.executable).parent / "oxigraph"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which("oxigraph")
    if found is None:
        raise ServeError("the Oxigraph server is not installed: pip install oxigraph")
    return found


def port_is_free(port: int, host: str = HOST) -> bool:
    """No one listens on ``port`` (connections of a server just stopped do not count)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # as the server binds: a port held only by TIME_WAIT connections is free for it
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def free_port(host: str = HOST) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serving(
    store: Path | str | None = None,
    *,
    port: int = DEFAULT_PORT,
    start_timeout: float = START_TIMEOUT,
) -> Iterator[Server]:
    """Serve a snapshot of ``store`` (default: the default store) read-only; stop on exit.

    ``port`` 0 picks a free port.
    """
    path = Path(store) if store is not None else default_store_dir()
    source = open_store(path)  # fails with a one-line message if there is no store
    if port == 0:
        port = free_port()
    if not 0 < port < 65536:
        raise ServeError(f"port {port} is out of range")
    if not port_is_free(port):
        raise ServeError(f"port {port} on {HOST} is in use; choose another with --port")
    executable = oxigraph_executable()
    try:
        workdir = Path(tempfile.mkdtemp(prefix=f".{path.name}.serve-", dir=path.parent))
    except OSError as err:
        raise ServeError(f"{path}: cannot snapshot the store beside it: {err}") from err
    try:
        snapshot = workdir / "store"
        try:
            source.backup(str(snapshot))
        except OSError as err:
            raise ServeError(f"{path}: cannot snapshot the store: {err}") from err
        del source
        command = ["serve-read-only", "--location", str(snapshot), "--bind", f"{HOST}:{port}"]
        try:
            with (workdir / "server.log").open("wb") as log:
                process = subprocess.Popen(
                    [executable, *command],
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
        except OSError as err:
            raise ServeError(f"cannot start the Oxigraph server {executable}: {err}") from err
        server = Server(f"http://{HOST}:{port}", process)
        try:
            _wait_until_ready(server, workdir / "server.log", start_timeout)
            yield server
        finally:
            stop(process)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server process by its PID: SIGTERM, then SIGKILL if it lingers."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_until_ready(server: Server, log: Path, timeout: float) -> None:
    probe = server.query_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            last = lines[-1] if lines else f"exit status {server.process.returncode}"
            raise ServeError(f"the Oxigraph server stopped at once: {last[:160]}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.1)
    raise ServeError(f"the Oxigraph server did not answer on {server.url} within {timeout:g} s")
