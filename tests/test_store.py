"""The embedded store: where it lives, atomic replacement, read-only sharing, export."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef

from plankg.cli.query import export_command
from plankg.errors import InputError
from plankg.graph.rdf.vocab import ONTOLOGY_GRAPH
from plankg.queries import export, store
from plankg.queries.sources import load_file, open_source

DATA = Path(__file__).parent / "data" / "queries"
MINI = DATA / "mini.trig"
WUXING_GRAPH = "https://w3id.org/plankg/graph/wu-xing-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua"
XIUZHOU_GRAPH = "https://w3id.org/plankg/graph/xiu-zhou-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua"


def mini_dataset() -> Dataset:
    dataset = Dataset()
    dataset.parse(MINI, format="trig")
    return dataset


def quad_count(dataset: Dataset) -> int:
    return sum(1 for _ in dataset.quads((None, None, None, None)))


def graph_names(opened: pyoxigraph.Store) -> set[str]:
    return {g.value for g in opened.named_graphs()}


@pytest.fixture(scope="module")
def mini_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "store"
    store.write_store(mini_dataset(), path)
    return path


def test_default_store_dir_is_under_the_working_dir_unless_the_env_says(monkeypatch):
    monkeypatch.delenv(store.ENV_VAR, raising=False)
    assert store.default_store_dir() == Path(".plankg") / "store"
    monkeypatch.setenv(store.ENV_VAR, "/srv/plankg/store")
    assert store.default_store_dir() == Path("/srv/plankg/store")


def test_written_store_holds_every_quad_in_its_graph(mini_store):
    opened = store.open_store(mini_store)
    assert len(opened) == quad_count(mini_dataset())
    assert graph_names(opened) == {WUXING_GRAPH, XIUZHOU_GRAPH, str(ONTOLOGY_GRAPH)}
    # nothing in the default graph: the model keeps all data in named graphs
    assert not list(opened.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph()))


def test_store_is_shared_by_several_read_only_readers(mini_store):
    first = store.open_store(mini_store)
    second = store.open_store(mini_store)
    assert len(first) == len(second) > 0


def test_store_round_trips_to_an_rdflib_dataset(mini_store):
    dataset = store.store_to_dataset(store.open_store(mini_store))
    assert quad_count(dataset) == quad_count(mini_dataset())
    title = dataset.graph(URIRef(XIUZHOU_GRAPH)).value(
        URIRef("https://w3id.org/plankg/id/plan/xiu-zhou-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua"),
        URIRef("http://purl.org/dc/terms/title"),
    )
    assert title == Literal("秀洲区人才发展“十四五”规划", lang="zh")


def test_write_store_replaces_the_previous_content(tmp_path):
    path = tmp_path / "store"
    store.write_store(mini_dataset(), path)
    smaller = Dataset()
    target = smaller.graph(URIRef(XIUZHOU_GRAPH))
    for triple in mini_dataset().graph(URIRef(XIUZHOU_GRAPH)):
        target.add(triple)
    store.write_store(smaller, path)
    opened = store.open_store(path)
    assert graph_names(opened) == {XIUZHOU_GRAPH}
    assert len(opened) == quad_count(smaller)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]  # no temp dirs left


def test_failed_build_leaves_the_previous_store_intact(tmp_path):
    path = tmp_path / "store"
    store.write_store(mini_dataset(), path)
    broken = Dataset()
    # rdflib accepts this IRI, N-Quads cannot carry it: building the new store fails
    broken.graph(URIRef(XIUZHOU_GRAPH)).add(
        (URIRef("https://w3id.org/plankg/id/a b"), URIRef("http://example.org/p"), Literal("x"))
    )
    with pytest.raises(Exception, match="a b"):
        store.write_store(broken, path)
    opened = store.open_store(path)
    assert len(opened) == quad_count(mini_dataset())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_write_store_refuses_to_replace_a_directory_that_is_not_a_store(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "thesis.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(store.StoreError, match="not a graph store"):
        store.write_store(mini_dataset(), tmp_path / "notes")
    assert (tmp_path / "notes" / "thesis.txt").read_text(encoding="utf-8") == "keep me"


def test_open_store_names_the_missing_directory(tmp_path):
    with pytest.raises(store.StoreError) as err:
        store.open_store(tmp_path / "nowhere")
    message = str(err.value)
    assert str(tmp_path / "nowhere") in message and "plankg build" in message
    assert "\n" not in message


def test_default_store_comes_from_the_environment(mini_store, monkeypatch):
    monkeypatch.setenv(store.ENV_VAR, str(mini_store))
    rows = open_source().select("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert rows[0]["n"] == 3


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".jsonld"])
def test_export_keeps_the_named_graphs(mini_store, tmp_path, suffix):
    out = tmp_path / f"graph{suffix}"
    result = CliRunner().invoke(export_command, ["-o", str(out), "--store", str(mini_store)])
    assert result.exit_code == 0, result.output
    reread = load_file(out).oxigraph()
    assert graph_names(reread) == {WUXING_GRAPH, XIUZHOU_GRAPH, str(ONTOLOGY_GRAPH)}
    assert len(reread) == len(store.open_store(mini_store))


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_export_to_a_triples_format_writes_the_union_once(mini_store, tmp_path, fmt):
    out = tmp_path / "graph.out"
    result = CliRunner().invoke(
        export_command, ["-f", fmt, "-o", str(out), "--store", str(mini_store)]
    )
    assert result.exit_code == 0, result.output
    union = {(s, p, o) for s, p, o, _ in mini_dataset().quads((None, None, None, None))}
    reread = pyoxigraph.Store()
    reread.load(path=str(out), format=export.FORMATS[fmt])
    assert len(reread) == len(union)
    # a shared program is typed in both plan graphs and written once
    kunpeng = pyoxigraph.NamedNode("https://w3id.org/plankg/id/program/kun-peng-xing-dong-ji-hua")
    rdf_type = pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    assert len(list(reread.quads_for_pattern(kunpeng, rdf_type, None))) == 1


def test_jsonld_export_uses_the_project_context(mini_store, tmp_path):
    out = tmp_path / "graph.jsonld"
    CliRunner().invoke(export_command, ["-o", str(out), "--store", str(mini_store)])
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["@context"]["pk"] == "https://w3id.org/plankg/ontology#"


def test_export_from_a_graph_file_to_an_unknown_suffix_needs_a_format(tmp_path):
    result = CliRunner().invoke(
        export_command, ["-o", str(tmp_path / "g.xyz"), "--graph", str(MINI)]
    )
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {tmp_path / 'g.xyz'}: cannot tell the format from the name; give -f"
    ]
    assert not (tmp_path / "g.xyz").exists()


def test_export_into_a_missing_directory_fails_without_a_file(tmp_path):
    out = tmp_path / "missing" / "g.trig"
    result = CliRunner().invoke(export_command, ["-o", str(out), "--graph", str(MINI)])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert str(out) in result.output
    assert not out.parent.exists()


def test_export_of_a_broken_graph_file_names_the_file(tmp_path):
    bad = tmp_path / "bad.trig"
    bad.write_text("<https://w3id.org/plankg/graph/x> { <a> <b> ", encoding="utf-8")
    result = CliRunner().invoke(
        export_command, ["-o", str(tmp_path / "out.nq"), "--graph", str(bad)]
    )
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}: not valid trig")
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out.nq").exists()


def test_write_atomically_leaves_no_temp_file(tmp_path):
    target = tmp_path / "out.txt"
    export.write_atomically(target, "规划".encode())
    assert target.read_text(encoding="utf-8") == "规划"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    with pytest.raises(InputError):
        export.write_atomically(tmp_path / "no" / "out.txt", b"x")


def test_sorted_export_is_the_sorted_set_of_lines_graph_by_graph(tmp_path):
    # 300 graphs: more runs than one merge takes at once; triples shared by graphs, a literal
    # with a tab and one that is a prefix of another, one triple in the default graph
    ox = pyoxigraph
    data = ox.Store()
    title = ox.NamedNode("http://purl.org/dc/terms/title")
    for i in range(300):
        graph = ox.NamedNode(f"https://w3id.org/plankg/graph/p{i:03d}")
        plan = ox.NamedNode(f"https://w3id.org/plankg/id/plan/p{i % 7}")
        data.add(ox.Quad(plan, title, ox.Literal(f"规划{i % 11}", language="zh"), graph))
        data.add(ox.Quad(plan, title, ox.Literal(f"规划{i % 11}\t甲"), graph))
        data.add(ox.Quad(plan, title, ox.Literal("规划"), graph))
    data.add(ox.Quad(ox.NamedNode("https://w3id.org/plankg/id/x"), title, ox.Literal("默认")))
    for fmt in ("nq", "nt"):
        whole = export.serialize(data, fmt).split(b"\n")
        expected = b"".join(line + b"\n" for line in sorted(set(whole) - {b""}))
        target = tmp_path / f"out.{fmt}"
        size = export.write_export(target, data, fmt, sort=True)
        assert target.read_bytes() == expected
        assert size == len(expected)
    # N-Triples: each triple once, however many graphs assert it
    lines = (tmp_path / "out.nt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == 77 + 77 + 7 + 1  # (plan, title) pairs i % 7, i % 11
    assert sum('"规划"' in line for line in lines) == 7



def test_streamed_turtle_and_trig_hold_what_the_store_holds(tmp_path):
    # written without a whole copy in memory (write_stream); the same statements as the
    # in-memory serialisation, Turtle the union with each triple once and byte-stable
    ox = pyoxigraph
    data = ox.Store()
    title = ox.NamedNode("http://purl.org/dc/terms/title")
    part = ox.NamedNode("http://purl.org/dc/terms/isPartOf")
    for i in range(40):
        graph = ox.NamedNode(f"https://w3id.org/plankg/graph/p{i:02d}")
        plan = ox.NamedNode(f"https://w3id.org/plankg/id/plan/p{i % 6}")
        data.add(ox.Quad(plan, title, ox.Literal(f"规划{i % 5}", language="zh"), graph))
        data.add(ox.Quad(plan, part, ox.NamedNode("https://w3id.org/plankg/id/region/r"), graph))
    for fmt, rdf_format in (("ttl", ox.RdfFormat.TURTLE), ("trig", ox.RdfFormat.TRIG)):
        target = tmp_path / f"out.{fmt}"
        export.write_export(target, data, fmt)
        streamed = set(ox.parse(path=str(target), format=rdf_format))
        assert streamed == set(ox.parse(export.serialize(data, fmt), format=rdf_format))
        if fmt == "ttl":
            # (plan, title) pairs: p{i % 6} with 规划{i % 5} -> 30, and one isPartOf per plan
            assert len(streamed) == 30 + 6
            again = tmp_path / "again.ttl"
            export.write_export(again, data, fmt)
            assert again.read_bytes() == target.read_bytes()
            assert target.read_text(encoding="utf-8").startswith("@prefix")
        else:
            assert len(streamed) == len(data) == 80
            assert {q.graph_name for q in streamed} == set(data.named_graphs())


def test_doctests_of_the_store_modules():
    from plankg.queries import export as export_module
    from plankg.queries import rows
    from plankg.queries import store as store_module

    for module in (store_module, rows, export_module):
        failures, tried = doctest.testmod(module)
        assert tried > 0 and failures == 0, module.__name__
