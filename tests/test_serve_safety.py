"""``plankg serve`` shares a store with colleagues: it listens on loopback only and is read-only.

The listening address is read from the kernel's socket table (``/proc/net/tcp``), so no packet
is sent to any address but 127.0.0.1. Updates are sent the three ways SPARQL allows (the update
endpoint, a Graph Store PUT, a Graph Store DELETE); each is refused and the store answers as
before.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from plankg.queries import serve
from plankg.queries.sources import open_source

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
TCP_LISTEN = "0A"


def listening_addresses(port: int) -> set[str]:
    """The local IPv4/IPv6 addresses with a socket listening on ``port``."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address, local_port = fields[1].rsplit(":", 1)
            if int(local_port, 16) == port and fields[3] == TCP_LISTEN:
                raw = bytes.fromhex(address)
                if len(raw) == 4:
                    found.add(socket.inet_ntop(socket.AF_INET, raw[::-1]))
                else:  # four little-endian 32-bit words
                    words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
                    found.add(socket.inet_ntop(socket.AF_INET6, words))
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux's /proc/net/tcp")
def test_serve_listens_on_loopback_only(mini_store: Path) -> None:
    with serve.serving(mini_store, port=0) as server:
        port = urllib.parse.urlsplit(server.url).port
        assert port is not None
        assert listening_addresses(port) == {"127.0.0.1"}


def status_of(request: urllib.request.Request) -> int:
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def test_serve_refuses_every_kind_of_update(mini_store: Path) -> None:
    with serve.serving(mini_store, port=0) as server:
        source = open_source(endpoint=server.query_url)
        before = source.select(COUNT)[0]["n"]
        assert before > 0
        update = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
        graph = urllib.parse.urlencode({"graph": "https://w3id.org/plankg/graph/ontology"})
        attempts = [
            urllib.request.Request(server.url + "/update", data=update, method="POST", headers={
                "Content-Type": "application/x-www-form-urlencoded"}),
            urllib.request.Request(server.url + "/update", data=b"CLEAR ALL", method="POST",
                                   headers={"Content-Type": "application/sparql-update"}),
            urllib.request.Request(f"{server.url}/store?{graph}", data=b"", method="PUT",
                                   headers={"Content-Type": "application/n-triples"}),
            urllib.request.Request(f"{server.url}/store?{graph}", method="DELETE"),
        ]
        for request in attempts:
            assert status_of(request) >= 400, (request.method, request.full_url)
        assert source.select(COUNT)[0]["n"] == before
