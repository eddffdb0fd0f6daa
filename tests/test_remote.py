"""Remote endpoints for real: an Oxigraph server on loopback, and tiny HTTP stubs for failures.

Every named query must give the same rows from the server (after a push) as from the local
store, a graph file and rdflib; on a server whose default graph is not the union (Oxigraph's
default) and on one where it is (as Virtuoso's).
"""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner
from http_stub import StubHandler, answering
from oxigraph_server import RunningServer, free_port, oxigraph_server

import plankg.api as api
from plankg.cli.query import export_command, push_command, query_command
from plankg.graph.rdf.build import build_dataset
from plankg.graph.rdf.vocab import ONTOLOGY_GRAPH
from plankg.queries import export, remote, serve, store
from plankg.queries import named as queries
from plankg.queries.sources import load_file, open_source

pytestmark = pytest.mark.server

DATA = Path(__file__).parent / "data" / "queries"
MINI = DATA / "mini.trig"
PARAMS = {"entity": {"label": "鲲鹏行动计划"}}
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
GRAPH_NAMES = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"


def graphs_on(server: RunningServer) -> list[str]:
    """The named graphs the server holds, asked of the server (not read from console text)."""
    return [str(row["g"]) for row in open_source(endpoint=server.query_url).select(GRAPH_NAMES)]


def push(server: RunningServer, local: Path) -> CliRunner:
    result = CliRunner().invoke(
        push_command, ["--endpoint", server.query_url, "--store", str(local)]
    )
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def server(tmp_path_factory, mini_store) -> Iterator[RunningServer]:
    with oxigraph_server(tmp_path_factory.mktemp("remote") / "db") as running:
        push(running, mini_store)
        yield running


@pytest.fixture(scope="module")
def union_server(tmp_path_factory, mini_store) -> Iterator[RunningServer]:
    location = tmp_path_factory.mktemp("union") / "db"
    with oxigraph_server(location, union_default_graph=True) as running:
        push(running, mini_store)
        yield running


def rows_of(name: str, source) -> list[tuple]:
    return api.run(queries.load(name), source, PARAMS.get(name, {})).tuples()


# --- push -----------------------------------------------------------------------------------


def test_push_sends_one_graph_per_plan_and_the_ontology(tmp_path, mini_store):
    with oxigraph_server(tmp_path / "db") as fresh:
        result = push(fresh, mini_store)
        expected = [
            "https://w3id.org/plankg/graph/ontology",
            "https://w3id.org/plankg/graph/wu-xing-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua",
            "https://w3id.org/plankg/graph/xiu-zhou-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua",
        ]
        assert graphs_on(fresh) == expected
        assert all(name in result.output for name in expected)  # and says what it sent
        remote_source = open_source(endpoint=fresh.query_url)
        local_count = len(store.open_store(mini_store))
        assert remote_source.select(COUNT_QUADS)[0]["n"] == local_count
        push(fresh, mini_store)  # a second push replaces, it does not add
        assert remote_source.select(COUNT_QUADS)[0]["n"] == local_count


def test_push_from_a_graph_file_with_an_explicit_graph_store(tmp_path):
    with oxigraph_server(tmp_path / "db") as fresh:
        result = CliRunner().invoke(
            push_command, ["--graph-store", fresh.store_url, "--graph", str(MINI)]
        )
        assert result.exit_code == 0, result.output
        counted = open_source(endpoint=fresh.query_url).select(COUNT_QUADS)[0]["n"]
        assert counted == len(load_file(MINI).oxigraph())


def test_push_needs_a_target():
    result = CliRunner().invoke(push_command, ["--graph", str(MINI)])
    assert result.exit_code == 2
    assert "give --endpoint URL (or --graph-store URL)" in result.output


def test_graph_store_url_cannot_be_guessed_for_other_layouts():
    with pytest.raises(remote.RemoteError, match="pass --graph-store"):
        remote.graph_store_url("http://127.0.0.1:3030/ds")


# --- the same rows everywhere ---------------------------------------------------------------


@pytest.mark.parametrize("name", queries.names())
def test_remote_rows_equal_local_rows(server, union_server, mini_store, name):
    local = rows_of(name, open_source(store=mini_store))
    assert local, name  # agreement on nothing would prove nothing
    assert rows_of(name, open_source(endpoint=server.query_url)) == local
    assert rows_of(name, open_source(endpoint=union_server.query_url)) == local
    assert rows_of(name, open_source(graph=MINI)) == local
    assert rows_of(name, open_source(graph=MINI, engine="rdflib")) == local


def test_union_server_really_has_a_union_default_graph(server, union_server):
    plain = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert open_source(endpoint=server.query_url).select(plain)[0]["n"] == 0
    assert open_source(endpoint=union_server.query_url).select(plain)[0]["n"] > 0


def test_remote_parameters_are_bound_not_pasted(server):
    hostile = '鲲鹏行动计划" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o # '
    source = open_source(endpoint=server.query_url)
    assert api.run(queries.load("entity"), source, {"label": hostile}) == []
    assert source.select(COUNT_QUADS)[0]["n"] > 0
    rows = api.run(queries.load("entity"), source, {"label": "“鲲鹏行动”计划"})
    assert [row["predicate"] for row in rows] == ["pk:mentions", "pk:mentions", "pk:partOfProgram"]


def test_query_command_against_the_server(server):
    result = CliRunner().invoke(
        query_command, ["shared-entities", "--endpoint", server.query_url, "-f", "tsv"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:] == [
        "新能源\tIndustry\t吴兴区人才发展“十四五”规划; 秀洲区人才发展“十四五”规划",
        "鲲鹏行动计划\tProgram\t吴兴区人才发展“十四五”规划; 秀洲区人才发展“十四五”规划",
    ]


def test_export_from_the_server(server, mini_store, tmp_path):
    out = tmp_path / "copy.nq"
    result = CliRunner().invoke(export_command, ["--endpoint", server.query_url, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(load_file(out).oxigraph()) == len(store.open_store(mini_store))


def test_an_error_the_server_finds_is_one_line(server):
    # parses locally, but the prefix is unknown: the server answers 400
    result = CliRunner().invoke(
        query_command, ["-e", "SELECT ?x WHERE { ?x a ex:Plan }", "--endpoint", server.query_url]
    )
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {server.query_url}: HTTP 400 bad query: ")
    assert len(result.output.splitlines()) == 1


def test_engine_option_does_not_apply_to_an_endpoint(server):
    result = CliRunner().invoke(
        query_command, ["plans", "--endpoint", server.query_url, "--engine", "rdflib"]
    )
    assert result.output == (
        "Error: --engine applies to --store and --graph; an endpoint runs its own\n"
    )


# --- failures against stub servers ----------------------------------------------------------

SELECT_JSON = {"head": {"vars": ["n"]}, "results": {"bindings": [
    {"n": {"type": "literal", "value": "7", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}
]}}  # fmt: skip


class Stub(StubHandler):
    """Answers by path: /401, /500, /slow, /auth (user "ana", password "秘密"), /ok."""

    seen: ClassVar[list[dict[str, str]]] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        path = urllib.parse.urlsplit(self.path).path
        Stub.seen.append({"method": self.command, "path": path, "body": body, **self.headers})
        if path == "/slow":
            Stub.release.wait(5)
            return self._send(200, json.dumps(SELECT_JSON))
        if path == "/500":
            return self._send(500, "boom: the store is on fire", "text/plain")
        expected = "Basic " + base64.b64encode("ana:秘密".encode()).decode()
        if path == "/401" or (path == "/auth" and self.headers.get("Authorization") != expected):
            return self._send(401, "who are you?", "text/plain")
        return self._send(200 if self.command == "POST" else 204, json.dumps(SELECT_JSON))

    do_POST = do_PUT = do_GET = _answer


@pytest.fixture(scope="module")
def stub() -> Iterator[str]:
    with answering(Stub) as url:
        yield url


def query_at(url: str, *extra: str):
    return CliRunner().invoke(query_command, ["plans", "--endpoint", url, *extra])


def test_unreachable_endpoint(tmp_path):
    url = f"http://127.0.0.1:{free_port()}/query"
    result = query_at(url)
    assert result.exit_code == 1
    assert result.output == f"Error: {url}: connection refused (is the server running?)\n"


def test_endpoint_timeout(stub):
    result = query_at(stub + "/slow", "--timeout", "0.5")
    assert result.exit_code == 1
    assert result.output == f"Error: {stub}/slow: no answer within 0.5 s (timeout)\n"


def test_endpoint_401(stub):
    result = query_at(stub + "/401")
    assert result.exit_code == 1
    assert result.output == f"Error: {stub}/401: HTTP 401 unauthorized (check --user/--password)\n"
    wrong = query_at(stub + "/auth", "--user", "ana", "--password", "wrong")
    assert wrong.output == f"Error: {stub}/auth: HTTP 401 unauthorized (wrong user or password?)\n"


def test_endpoint_500(stub):
    result = query_at(stub + "/500")
    assert result.exit_code == 1
    assert (
        result.output == f"Error: {stub}/500: HTTP 500 server error: boom: the store is on fire\n"
    )


def test_queries_are_posted_as_json_requests_with_user_agent_and_basic_auth(stub):
    Stub.seen.clear()
    result = CliRunner().invoke(
        query_command,
        ["-e", "SELECT ?n WHERE {}", "--endpoint", stub + "/auth", "-f", "csv"],
        env={"PLANKG_USER": "ana", "PLANKG_PASSWORD": "秘密"},
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["n", "7"]
    request = Stub.seen[-1]
    assert request["method"] == "POST"
    assert request["User-Agent"] == "plankg/0.1.0"
    assert "application/sparql-results+json" in request["Accept"]
    assert urllib.parse.parse_qs(request["body"])["query"] == ["SELECT ?n WHERE {}"]


def test_push_errors_are_one_line(stub, tmp_path):
    denied = CliRunner().invoke(
        push_command, ["--graph-store", stub + "/401", "--graph", str(MINI)]
    )
    assert denied.exit_code == 1
    assert denied.output == f"Error: {stub}/401: HTTP 401 unauthorized (check --user/--password)\n"
    url = f"http://127.0.0.1:{free_port()}/store"
    refused = CliRunner().invoke(push_command, ["--graph-store", url, "--graph", str(MINI)])
    assert refused.output == f"Error: {url}: connection refused (is the server running?)\n"


def test_push_sends_n_triples_by_put(stub):
    Stub.seen.clear()
    result = CliRunner().invoke(
        push_command,
        [
            "--graph-store",
            stub + "/auth",
            "--graph",
            str(MINI),
            "--user",
            "ana",
            "--password",
            "秘密",
        ],
    )
    assert result.exit_code == 0, result.output
    puts = [r for r in Stub.seen if r["method"] == "PUT"]
    assert len(puts) == 3
    assert all(r["Content-Type"].startswith("application/n-triples") for r in puts)
    assert urllib.parse.unquote(Stub.seen[0]["path"]) == "/auth"


# --- serve ----------------------------------------------------------------------------------


def test_serve_prints_a_working_url_and_stops_cleanly(mini_store):
    port = free_port()
    code = "from plankg.cli.query import serve_command; serve_command()"
    process = subprocess.Popen(
        [sys.executable, "-c", code, "--port", str(port), "--store", str(mini_store)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()
        assert line == f"SPARQL endpoint: http://127.0.0.1:{port}/query\n", process.stderr.read()
        served = open_source(endpoint=line.split()[-1])
        assert rows_of("plans", served) == rows_of("plans", open_source(store=mini_store))
    finally:
        os.kill(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    assert process.returncode == 0
    with pytest.raises(ConnectionRefusedError):  # the Oxigraph server went with it
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
    assert sorted(p.name for p in mini_store.parent.iterdir()) == ["store"]  # snapshot removed


def test_serve_refuses_a_port_in_use(mini_store, server):
    port = int(urllib.parse.urlsplit(server.url).port)
    refused = pytest.raises(serve.ServeError, match=f"port {port} on 127.0.0.1 is in use")
    with refused, serve.serving(mini_store, port=port):
        pass


def test_serve_without_a_store(tmp_path):
    with (
        pytest.raises(store.StoreError, match="no graph store here"),
        serve.serving(tmp_path / "none", port=0),
    ):
        pass


# --- the bundled corpus, built for real -----------------------------------------------------

CORPUS = Path(__file__).parents[1] / "corpus"
CORPUS_PARAMS: dict[str, dict[str, str]] = {"entity": {"label": "太湖实验室"}}


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory) -> tuple[Path, Path]:
    """The bundled plans built once: the store and a TriG file of the same graph."""
    paths = sorted(CORPUS.glob("*.txt"))
    assert len(paths) == 2, paths
    root = tmp_path_factory.mktemp("corpus")
    store.write_store(build_dataset(paths).dataset, root / "store")
    trig = root / "corpus.trig"
    export.write_atomically(trig, export.serialize(store.open_store(root / "store"), "trig"))
    return root / "store", trig


def test_corpus_answers_every_query_the_same_everywhere(corpus_build, tmp_path):
    built, trig = corpus_build
    opened = store.open_store(built)
    assert ONTOLOGY_GRAPH.toPython() in {g.value for g in opened.named_graphs()}
    with (
        oxigraph_server(tmp_path / "db") as plain,
        oxigraph_server(tmp_path / "union", union_default_graph=True) as union,
    ):
        push(plain, built)
        assert str(ONTOLOGY_GRAPH) in graphs_on(plain)
        assert set(graphs_on(plain)) == {g.value for g in opened.named_graphs()}
        push(union, built)
        ways = {
            "store/oxigraph": open_source(store=built),
            "store/rdflib": open_source(store=built, engine="rdflib"),
            "file/oxigraph": open_source(graph=trig),
            "file/rdflib": open_source(graph=trig, engine="rdflib"),
            "endpoint": open_source(endpoint=plain.query_url),
            "endpoint, union default graph": open_source(endpoint=union.query_url),
        }
        answers = {}
        for name in queries.names():
            query = queries.load(name)
            params = CORPUS_PARAMS.get(name, {})
            results = {way: api.run(query, source, params).tuples() for way, source in ways.items()}
            for way, rows in results.items():
                assert rows == results["store/oxigraph"], (name, way)
            answers[name] = results["store/oxigraph"]
    for name in queries.names():
        assert answers[name], name  # agreement on nothing would prove nothing
    # expected values typed from the plan texts in corpus/
    wu, xiu = "吴兴区人才发展“十四五”规划", "秀洲区人才发展“十四五”规划"
    assert [row[:4] for row in answers["plans"]] == [
        (wu, "吴兴区", date(2022, 4, 14), None),  # 发布机构: 局办公室 names no department
        (xiu, "秀洲区", date(2021, 12, 31), "秀洲区发展和改革局; 秀洲区委组织部"),
    ]
    lab = "聚焦新材料、新能源、智能装备三个领域,高标准推进太湖实验室建设,争取融入全省实验室布局。"
    assert {
        (wu, "太湖实验室", industry, lab) for industry in ("新材料", "新能源", "智能装备")
    } <= set(answers["platform-industries"])
    assert {
        ("太湖实验室", "pk:targetsIndustry", industry, lab)
        for industry in ("新材料", "新能源", "智能装备")
    } <= set(answers["entity"])
    # one sentence, three targets: kept in the order the sentence gives them
    sentence = [row for row in answers["targets"] if row[1] == "2.人才结构持续优化"]
    assert [row[3:7] for row in sentence][:3] == [
        (120, "人", "以上", 2025),
        (35, "%", "以上", 2025),
        (35, "%", "左右", 2025),
    ]
    levels = {(row[0], row[1]): row[2] for row in answers["programs"]}
    assert levels[(xiu, "鲲鹏行动计划")] == "provincial"
    assert ("鲲鹏行动计划", "Program", f"{wu}; {xiu}") in answers["shared-entities"]


@pytest.mark.parametrize("name", ["targets", "departments", "observations"])
def test_plan_filter_and_limit_on_the_server(server, mini_store, name):
    # plankg runs beside the endpoint: it finds the plan's graph there, binds it, and sorts
    # the rows (`# order:`) as it does locally
    plan = "xiu-zhou-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua"
    local = api.run(queries.load(name), open_source(store=mini_store), {"plan": plan})
    assert local and {row["plan"] for row in local} == {"秀洲区人才发展“十四五”规划"}
    remote = open_source(endpoint=server.query_url)
    assert api.run(queries.load(name), remote, {"plan": plan}).tuples() == local.tuples()
    first = api.run(queries.load(name), remote, {}, limit=1)
    assert first.tuples() == rows_of(name, open_source(store=mini_store))[:1]
