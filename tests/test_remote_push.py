"""``push`` touches only the plans' own graphs, and a push failing half-way says what was sent.

The first on the real Oxigraph server (``tests/oxigraph_server.py``) holding a graph of a
colleague's put there first; the second on a loopback Graph Store that takes two PUTs and
then breaks the connection.
"""

from __future__ import annotations

import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner
from http_stub import StubHandler, answering
from oxigraph_server import oxigraph_server

from plankg.cli.query import push_command
from plankg.queries import remote
from plankg.queries.sources import open_source

pytestmark = pytest.mark.server

FOREIGN = "http://example.org/colleague/notes"
FOREIGN_TRIPLES = (
    '<http://example.org/colleague/n1> <http://www.w3.org/2000/01/rdf-schema#label> "笔记一" .\n'
    '<http://example.org/colleague/n2> <http://www.w3.org/2000/01/rdf-schema#label> "笔记二" .\n'
)
DEFAULT_TRIPLE = '<http://example.org/d> <http://example.org/p> "in the default graph" .\n'
PLAN_GRAPHS = [
    "https://w3id.org/plankg/graph/ontology",
    "https://w3id.org/plankg/graph/wu-xing-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua",
    "https://w3id.org/plankg/graph/xiu-zhou-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua",
]
FOREIGN_ROWS = f"SELECT ?s ?o WHERE {{ GRAPH <{FOREIGN}> {{ ?s ?p ?o }} }} ORDER BY ?s"
DEFAULT_ROWS = "SELECT ?o WHERE { ?s <http://example.org/p> ?o }"
GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"


def test_push_leaves_the_other_graphs_on_the_server_as_they_were(tmp_path, mini_store) -> None:
    with oxigraph_server(tmp_path / "db") as server:
        remote.put_graph(server.store_url, FOREIGN, FOREIGN_TRIPLES.encode("utf-8"))
        insert = f"INSERT DATA {{ {DEFAULT_TRIPLE} }}".encode()
        request = urllib.request.Request(
            server.url + "/update",
            data=insert,
            method="POST",
            headers={"Content-Type": "application/sparql-update"},
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert answer.status in (200, 204)
        for _ in range(2):  # a first push and a second one that replaces
            result = CliRunner().invoke(
                push_command, ["--endpoint", server.query_url, "--store", str(mini_store)]
            )
            assert result.exit_code == 0, result.output
        source = open_source(endpoint=server.query_url)
        assert [str(row["g"]) for row in source.select(GRAPHS)] == sorted([*PLAN_GRAPHS, FOREIGN])
        assert [(str(r["s"]), str(r["o"])) for r in source.select(FOREIGN_ROWS)] == [
            ("http://example.org/colleague/n1", "笔记一"),
            ("http://example.org/colleague/n2", "笔记二"),
        ]
        assert [str(r["o"]) for r in source.select(DEFAULT_ROWS)] == ["in the default graph"]


class BreaksAfterTwo(StubHandler):
    """A Graph Store that replaces two graphs (204), then closes the connection unanswered."""

    received: ClassVar[list[str]] = []

    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        graph = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["graph"][0]
        if len(self.received) >= 2:
            self.close_connection = True
            return  # no status line at all
        self.received.append(graph)
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def breaking() -> Iterator[str]:
    BreaksAfterTwo.received.clear()
    with answering(BreaksAfterTwo) as url:
        yield url + "/store"


def test_a_push_failing_half_way_names_the_graphs_sent(breaking: str, mini_store: Path) -> None:
    result = CliRunner().invoke(
        push_command, ["--graph-store", breaking, "--store", str(mini_store)]
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    line = lines[0]
    assert BreaksAfterTwo.received == PLAN_GRAPHS[:2]
    assert line.startswith(f"Error: {breaking}: cannot reach the endpoint")
    assert f"2 of 3 graphs were sent before the failure: {PLAN_GRAPHS[0]} {PLAN_GRAPHS[1]};" in line
    assert f"not sent: {PLAN_GRAPHS[2]} (push again to send all)" in line
