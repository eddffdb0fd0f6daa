"""``--timeout`` bounds local queries too: the store and a graph file, on pyoxigraph and rdflib.

A cross product of every quad with itself three times never finishes on the small fixture
graph in any time a test could wait for; each run is a real ``plankg`` process under a hard
subprocess timeout, and must end by itself with one line and exit status 1.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from plankg.queries.deadline import QueryTimeout
from plankg.queries.sources import open_source

PLANKG = Path(sys.executable).with_name("plankg")
MINI = Path(__file__).parent / "data" / "queries" / "mini.trig"
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z . ?d ?s ?w } }"
QUICK = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
HARD_LIMIT = 120  # s: the process must have ended long before this


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("where", ["store", "graph"])
def test_a_local_query_past_the_timeout_is_one_line(
    mini_store: Path, engine: str, where: str
) -> None:
    source = ["--store", str(mini_store)] if where == "store" else ["--graph", str(MINI)]
    named = str(mini_store) if where == "store" else str(MINI)
    done = subprocess.run(
        [str(PLANKG), "query", "-e", ENDLESS, *source, "--engine", engine, "--timeout", "1.5"],
        capture_output=True,
        text=True,
        timeout=HARD_LIMIT,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        f"Error: {named}: no answer within 1.5 s (--timeout)"
    ]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_a_query_within_the_timeout_answers(mini_store: Path, engine: str) -> None:
    done = subprocess.run(
        [
            str(PLANKG),
            "query",
            "-e",
            QUICK,
            "--store",
            str(mini_store),
            "--engine",
            engine,
            "--timeout",
            "60",
            "-f",
            "csv",
        ],
        capture_output=True,
        text=True,
        timeout=HARD_LIMIT,
    )
    assert done.returncode == 0, done.stderr
    count = int(done.stdout.splitlines()[1])
    assert count == len(open_source(store=mini_store).oxigraph())


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_the_api_bounds_local_queries_when_asked(engine: str) -> None:
    source = open_source(graph=MINI, engine=engine, timeout=0.5)
    with pytest.raises(QueryTimeout, match=r"no answer within 0\.5 s"):
        source.select(ENDLESS)
    source.timeout = None
    assert source.select(QUICK)[0]["n"] > 0  # the same source answers a quick query
