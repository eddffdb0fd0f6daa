"""Query parameters are bound, never pasted: on every engine a hostile value finds nothing or the
literal match, and changes nothing.

The graph is the real build of ``tests/data/hostile/hostile-plan.txt``, whose platform
``a\\b\\\\c创新实验室`` has quotes' and backslashes' neighbours in its name; it is queried
through the store (Oxigraph and rdflib), a TriG file (both engines) and a real Oxigraph server
on loopback.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from oxigraph_server import oxigraph_server

from plankg import api
from plankg.cli import main
from plankg.errors import InputError
from plankg.queries import named
from plankg.queries.sources import open_source

HOSTILE = Path(__file__).parent / "data" / "hostile" / "hostile-plan.txt"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
VALUES = [
    'a"b', '"""', "'''", "{ } }", "} ; DROP ALL ; {", '" ) } } ; DROP ALL ; SELECT * WHERE { #',
    "line\nbreak", "back\\slash", "\\u0022", "<urn:x> <urn:y> <urn:z>", "?s ?p ?o", "",
]


@pytest.fixture(scope="module")
def ways(tmp_path_factory) -> Iterator[dict[str, object]]:
    root = tmp_path_factory.mktemp("injection")
    store, trig = root / "store", root / "plans.trig"
    built = CliRunner().invoke(main, ["build", str(HOSTILE), "--store", str(store),
                                      "-o", str(trig)])
    assert built.exit_code == 0, built.output
    with oxigraph_server(root / "server") as server:
        pushed = CliRunner().invoke(main, ["push", "--endpoint", server.query_url,
                                           "--store", str(store)])
        assert pushed.exit_code == 0, pushed.output
        yield {
            "store/oxigraph": open_source(store=store),
            "store/rdflib": open_source(store=store, engine="rdflib"),
            "file/oxigraph": open_source(graph=trig),
            "file/rdflib": open_source(graph=trig, engine="rdflib"),
            "endpoint": open_source(endpoint=server.query_url),
        }


def counts(ways: dict[str, object]) -> dict[str, int]:
    return {way: int(source.select(COUNT)[0]["n"]) for way, source in ways.items()}


@pytest.mark.parametrize("value", VALUES)
def test_a_hostile_value_finds_nothing_and_changes_nothing(ways, value: str) -> None:
    before = counts(ways)
    for way, source in ways.items():
        for name in ("entity", "plans"):
            query = named.load(name)
            params = {"label": value} if query.params else {}
            assert api.run(query, source, params) == [] or not query.params, (way, value)
    assert counts(ways) == before


def test_a_label_holding_backslashes_is_found_literally(ways) -> None:
    text = HOSTILE.read_text(encoding="utf-8")
    assert '“a\\"b\\\\c”创新实验室' in text  # printed inside quotes, so the name is a\b\\c…
    for way, source in ways.items():
        name = "a\\b\\\\c创新实验室"
        rows = api.run(named.load("entity"), source, {"label": name})
        assert len(rows) >= 3, way
        assert all(name in (str(r["subject"]), str(r["object"])) for r in rows), way


def test_a_lone_surrogate_is_refused_in_one_line(ways) -> None:
    for way, source in ways.items():
        with pytest.raises(InputError, match="not valid text"):
            api.run(named.load("entity"), source, {"label": "a\ud800b"})
        assert way


def test_the_query_path_refuses_updates_on_every_engine(ways) -> None:
    before = counts(ways)
    for way, source in ways.items():
        for update in ("DROP ALL", "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                       "CLEAR DEFAULT", "DELETE WHERE { ?s ?p ?o }"):
            with pytest.raises(InputError, match="SPARQL update"):
                api.run(named.from_text(update), source, {}, strict=False)
        assert way
    assert counts(ways) == before
