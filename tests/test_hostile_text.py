"""Hostile text from scraped documents: formulas, markup, quotes, backslashes, control characters.

The plan ``tests/data/hostile/hostile-plan.txt`` is built for real; its programs and platforms
are named ``=HYPERLINK("http://x")``, ``+1+1``, ``-2+3``, ``@SUM(A1)``, ``<script>…``,
``a"b\\c`` and one holds a bell character (U+0007). Whatever a label holds, the CSV/TSV answers
do not run in a spreadsheet and every export stays valid for pyoxigraph, rdflib and XML parsers.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Dataset

from plankg.cli import main
from plankg.queries import named

HOSTILE = Path(__file__).parent / "data" / "hostile" / "hostile-plan.txt"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# names as printed inside the plan's quotes (typed from the fixture)
PRINTED = ['=HYPERLINK(\\"http://x\\")', "+1+1", "-2+3", "@SUM(A1)",
           "<script>alert(1)</script>", 'a\\"b\\\\c']


def invoke(*args: str | Path):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    text = HOSTILE.read_text(encoding="utf-8")
    assert all(name in text for name in PRINTED) and "\x07" in text
    store = tmp_path_factory.mktemp("hostile") / "store"
    invoke("build", HOSTILE, "--store", store)
    return store


def cells(output: str, delimiter: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(output), delimiter=delimiter) for c in row]


@pytest.mark.parametrize("fmt, delimiter", [("csv", ","), ("tsv", "\t")])
def test_no_answer_cell_runs_as_a_formula(built: Path, fmt: str, delimiter: str) -> None:
    seen = []
    for name in ("programs", "platforms", "program-industries", "departments"):
        result = CliRunner().invoke(main, ["query", name, "--store", str(built), "-f", fmt])
        assert result.exit_code == 0, result.output
        found = cells(result.stdout, delimiter)
        assert not [c for c in found if c.startswith(FORMULA_START)], name
        seen += found
    # the labels are all there, each behind one apostrophe that spreadsheets do not print
    neutralised = [c for c in seen if c.startswith("'")]
    assert any(c.startswith("'=HYPERLINK(") for c in neutralised)
    assert any(c.startswith("'+1+1") for c in neutralised)
    assert any(c.startswith("'-2+3") for c in neutralised)
    assert any(c.startswith("'@SUM(A1)") for c in neutralised)
    assert any("<script>alert(1)</script>" in c for c in seen)


def test_numbers_are_not_touched(tmp_path: Path) -> None:
    graph = tmp_path / "n.ttl"
    graph.write_text('<urn:a> <urn:v> -3.5 .\n<urn:a> <urn:t> "-x" .\n', encoding="utf-8")
    query = "SELECT ?v ?t WHERE { GRAPH ?g { ?s <urn:v> ?v ; <urn:t> ?t } }"
    result = CliRunner().invoke(main, ["query", "-e", query, "--graph", str(graph), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["v,t", "-3.5,'-x"]


@pytest.mark.parametrize("suffix, fmt", [(".ttl", "turtle"), (".trig", "trig"), (".nt", "nt"),
                                          (".nq", "nquads"), (".jsonld", "json-ld")])
def test_every_rdf_export_reparses_with_both_libraries(built: Path, tmp_path: Path, suffix: str,
                                                        fmt: str) -> None:
    out = tmp_path / f"plans{suffix}"
    invoke("export", "--store", built, "-o", out)
    data = out.read_bytes()
    assert b"<script>alert(1)</script>" in data or "\\u003Cscript" in data.decode("utf-8")
    oxi_format = {".ttl": pyoxigraph.RdfFormat.TURTLE, ".trig": pyoxigraph.RdfFormat.TRIG,
                  ".nt": pyoxigraph.RdfFormat.N_TRIPLES, ".nq": pyoxigraph.RdfFormat.N_QUADS,
                  ".jsonld": pyoxigraph.RdfFormat.JSON_LD}[suffix]
    quads = list(pyoxigraph.parse(data, format=oxi_format))
    assert len(quads) > 100
    dataset = Dataset().parse(data=data.decode("utf-8"), format=fmt)
    assert len(dataset) > 100
    labels = {str(q.object.value) for q in quads if isinstance(q.object, pyoxigraph.Literal)}
    assert any("\x07" in label for label in labels)  # kept in RDF: N-Triples escapes it
    assert any(label.startswith("=HYPERLINK(") for label in labels)


def test_graphml_stays_well_formed_with_control_characters(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "plans.graphml"
    invoke("export", "--store", built, "-o", out, "-f", "graphml")
    ET.parse(out)  # raises on a character XML 1.0 cannot hold
    graph = nx.read_graphml(out)
    labels = [data["label"] for _, data in graph.nodes(data=True)]
    assert any("\ufffd铃声" in label for label in labels)
    assert any(label.startswith("=HYPERLINK(") for label in labels)


def test_named_queries_answer_on_the_hostile_plan(built: Path) -> None:
    for name in named.names():
        query = named.load(name)
        if query.params:
            continue
        result = CliRunner().invoke(main, ["query", name, "--store", str(built), "-f", "json"])
        assert result.exit_code == 0, (name, result.output)
