"""Every command of ``plankg`` through CliRunner: its happy path on the bundled corpus, and bad
input — a missing path, an empty, binary or non-policy file, an unknown output extension — gives
a one-line ``Error: …`` naming the file, a non-zero exit, no traceback, and leaves any existing
output untouched."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from corpus_paths import WUXING
from oxigraph_server import oxigraph_server
from rich.cells import cell_len

from plankg.cli import main

HERE = Path(__file__).parent
GOLD = HERE / "data" / "gold" / "huzhou-wuxing-talent-plan-2021-2025.json"
WUXING_TITLE = "吴兴区人才发展“十四五”规划"
XIUZHOU_TITLE = "秀洲区人才发展“十四五”规划"
SENTINEL = b"existing output, must survive a failed command\n"
ALL_COMMANDS = {"build", "validate", "stats", "run", "query", "queries", "export", "push",
                "serve", "viz", "evaluate"}


@dataclass(frozen=True)
class Built:
    graph: Path
    store: Path
    output: str


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], terminal_width=80)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    folder = tmp_path_factory.mktemp("built")
    graph, store = folder / "g.trig", folder / "store"
    result = invoke("build", "-o", graph, "--store", store)
    assert result.exit_code == 0, result.output
    return Built(graph, store, result.output)


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory) -> dict[str, Path]:
    """Inputs that are not what a command reads, each under several extensions."""
    folder = tmp_path_factory.mktemp("bad")
    contents = {
        "empty": b"",
        "binary": bytes(range(256)) * 8,
        "english": b"Minutes of the budget meeting.\nNo decisions were taken.\n" * 10,
    }
    files = {}
    for kind, data in contents.items():
        for suffix in (".txt", ".trig", ".ttl", ".json"):
            path = folder / f"{kind}{suffix}"
            path.write_bytes(data)
            files[f"{kind}{suffix}"] = path
    files["missing.txt"] = folder / "missing.txt"
    files["missing.trig"] = folder / "missing.trig"
    files["missing.json"] = folder / "missing.json"
    return files


def assert_one_line_error(result: Result, names: str) -> str:
    """Non-zero exit, no traceback, one ``Error:`` line that names ``names``; returns it."""
    assert result.exit_code != 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception)
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.output
    assert names in errors[0], errors[0]
    return errors[0]


def test_every_command_is_covered_here() -> None:
    assert set(main.commands) == ALL_COMMANDS


# --- happy paths -------------------------------------------------------------------------------


def test_build_prints_a_summary_that_fits_80_columns(built) -> None:
    assert WUXING_TITLE in built.output and XIUZHOU_TITLE in built.output
    assert f"wrote {built.graph}" in built.output
    lines = built.output.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    rows = {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
            for line in lines if line.count("│") == 4}
    assert rows["sections"] == ["64", "70"]
    assert rows["goals"] == ["4", "6"]
    assert {"tasks", "programs", "platforms", "industries", "indicators", "triples"} <= set(rows)
    assert built.graph.stat().st_size > 100_000 and built.store.is_dir()


def test_build_to_every_format_and_no_store(tmp_path) -> None:
    for suffix in (".nt", ".jsonld"):
        out = tmp_path / f"g{suffix}"
        result = invoke("build", WUXING, "-o", out, "--no-store")
        assert result.exit_code == 0, result.output
        assert WUXING_TITLE.encode() in out.read_bytes() or suffix == ".jsonld"
    assert not (tmp_path / ".plankg").exists()
    data = json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"))
    assert WUXING_TITLE in json.dumps(data, ensure_ascii=False)


def test_validate(built) -> None:
    result = invoke("validate", "--graph", built.graph)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Conforms:")


def test_validate_rejects_a_broken_graph(built, tmp_path) -> None:
    broken = tmp_path / "broken.nq"
    lines = built.graph.with_suffix(".nq")
    result = invoke("export", "-o", lines, "--graph", built.graph)
    assert result.exit_code == 0, result.output
    kept = [line for line in lines.read_text(encoding="utf-8").splitlines()
            if "<http://purl.org/dc/terms/title>" not in line or "/section/" in line]
    broken.write_text("\n".join(kept) + "\n", encoding="utf-8")
    result = invoke("validate", "--graph", broken)
    assert result.exit_code == 1
    assert "Does not conform" in result.output and "dcterms:title" in result.output


def test_stats(built) -> None:
    result = invoke("stats", "--store", built.store)
    assert result.exit_code == 0, result.output
    rows = {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
            for line in result.output.splitlines() if line.count("│") == 4}
    assert rows["Section"] == ["64", "70"]
    assert rows["Plan"] == ["1", "1"]
    assert rows["Goal"] == ["4", "6"]


def test_queries_and_query(built, tmp_path) -> None:
    listed = invoke("queries", "-f", "json")
    assert listed.exit_code == 0, listed.output
    names = {q["name"] for q in json.loads(listed.output)}
    assert {"plans", "programs", "indicators", "program-industries"} <= names
    result = invoke("query", "plans", "--store", built.store, "-f", "csv")
    assert result.exit_code == 0, result.output
    assert WUXING_TITLE in result.output and XIUZHOU_TITLE in result.output
    out = tmp_path / "plans.json"
    result = invoke("query", "-e", "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?p a "
                    "<https://w3id.org/plankg/ontology#Plan> } }", "--graph", built.graph,
                    "-f", "json", "-o", out)
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8")) == [{"n": 2}]


def test_export(built, tmp_path) -> None:
    out = tmp_path / "all.nq"
    result = invoke("export", "-o", out, "--store", built.store)
    assert result.exit_code == 0, result.output
    graphs = {line.rsplit(" ", 2)[-2] for line in out.read_text(encoding="utf-8").splitlines()}
    assert len(graphs) == 3  # two plans and the ontology


@pytest.mark.server
def test_push_to_a_real_server(built, tmp_path) -> None:
    location = tmp_path / "server"
    location.mkdir()
    with oxigraph_server(location) as server:
        result = invoke("push", "--endpoint", server.query_url, "--store", built.store)
    assert result.exit_code == 0, result.output
    assert len([line for line in result.output.splitlines() if line.startswith("PUT ")]) == 3
    assert "pushed 3 graphs" in result.output


def test_serve_help_and_bad_port() -> None:
    result = invoke("serve", "--help")
    assert result.exit_code == 0 and "--port" in result.output
    result = invoke("serve", "--port", "70000")
    assert result.exit_code == 2
    assert "70000" in assert_one_line_error(result, "--port")


def test_viz(built, tmp_path) -> None:
    out = tmp_path / "plans.html"
    result = invoke("viz", "--graph", built.graph, "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert WUXING_TITLE in page and "<html" in page.lower()


def test_evaluate(built) -> None:
    for extra in ((), ("--graph", built.graph)):
        result = invoke("evaluate", GOLD, *extra)
        assert result.exit_code == 0, result.output
        assert "program" in result.output and "F1" in result.output


def test_run(tmp_path) -> None:
    out = tmp_path / "new" / "out"
    result = invoke("run", "--out", out, "--store", tmp_path / "store")
    assert result.exit_code == 0, result.output
    assert {"plans.trig", "plans.html", "plans.csv", "programs.csv"} <= {
        p.name for p in out.iterdir()}
    assert WUXING_TITLE in (out / "plans.csv").read_text(encoding="utf-8")


# --- bad input ---------------------------------------------------------------------------------

PLAN_INPUTS = ["missing.txt", "empty.txt", "binary.txt", "english.txt"]
GRAPH_INPUTS = ["missing.trig", "empty.trig", "binary.trig", "english.trig", "english.ttl",
                "english.txt"]


@pytest.mark.parametrize("bad", PLAN_INPUTS)
def test_build_bad_input_writes_nothing(bad_files, tmp_path, bad) -> None:
    path = bad_files[bad]
    out = tmp_path / "g.trig"
    out.write_bytes(SENTINEL)
    store = tmp_path / "store"
    result = invoke("build", path, "-o", out, "--store", store)
    assert_one_line_error(result, str(path))
    assert out.read_bytes() == SENTINEL
    assert not store.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["g.trig"]  # no temporary file left


@pytest.mark.parametrize("bad", ["empty.txt", "binary.txt", "english.txt"])
def test_build_skips_a_bad_file_and_builds_the_others(bad_files, tmp_path, bad) -> None:
    path = bad_files[bad]
    out = tmp_path / "g.trig"
    result = invoke("build", WUXING, path, "-o", out, "--store", tmp_path / "store")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 1 and str(path) in skipped[0], result.output
    assert "1 built, 1 skipped" in result.output
    assert WUXING_TITLE in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", PLAN_INPUTS)
def test_run_bad_input_writes_nothing(bad_files, tmp_path, bad) -> None:
    path = bad_files[bad]
    result = invoke("run", path, "--out", tmp_path / "out", "--store", tmp_path / "store")
    assert_one_line_error(result, str(path))
    assert list(tmp_path.iterdir()) == []
    existing = tmp_path / "kept"
    existing.mkdir()
    (existing / "plans.trig").write_bytes(SENTINEL)
    result = invoke("run", path, "--out", existing, "--store", tmp_path / "store")
    assert_one_line_error(result, str(path))
    assert [p.name for p in existing.iterdir()] == ["plans.trig"]
    assert (existing / "plans.trig").read_bytes() == SENTINEL


def test_build_unknown_output_extension(tmp_path) -> None:
    out = tmp_path / "graph.xml"
    out.write_bytes(SENTINEL)
    result = invoke("build", WUXING, "-o", out, "--store", tmp_path / "store")
    assert_one_line_error(result, str(out))
    assert out.read_bytes() == SENTINEL and not (tmp_path / "store").exists()


def test_build_folder_without_plans(tmp_path) -> None:
    (tmp_path / "notes.md").write_text("# 说明\n", encoding="utf-8")
    result = invoke("build", tmp_path, "--no-store")
    assert_one_line_error(result, str(tmp_path))


def graph_cases() -> list:
    commands = {
        "validate": lambda g, out: ["validate", "--graph", g],
        "stats": lambda g, out: ["stats", "--graph", g],
        "query": lambda g, out: ["query", "plans", "--graph", g, "-o", out],
        "export": lambda g, out: ["export", "--graph", g, "-o", out],
        "push": lambda g, out: ["push", "--endpoint", "http://127.0.0.1:9/query", "--graph", g],
        "viz": lambda g, out: ["viz", "--graph", g, "-o", out],
        "evaluate": lambda g, out: ["evaluate", str(GOLD), "--graph", g],
    }
    cases = []
    for name, args in commands.items():
        for bad in GRAPH_INPUTS:
            cases.append(pytest.param(args, bad, id=f"{name}-{bad}"))
    return cases


@pytest.mark.parametrize(("args", "bad"), graph_cases())
def test_graph_commands_reject_bad_graph_files(bad_files, tmp_path, args, bad) -> None:
    path = bad_files[bad]
    out = tmp_path / "existing.ttl"
    out.write_bytes(SENTINEL)
    result = invoke(*args(str(path), str(out)))
    assert_one_line_error(result, path.name)
    assert out.read_bytes() == SENTINEL
    assert [p.name for p in tmp_path.iterdir()] == ["existing.ttl"]


def test_export_unknown_output_extension(built, tmp_path) -> None:
    out = tmp_path / "graph.xml"
    out.write_bytes(SENTINEL)
    result = invoke("export", "--graph", built.graph, "-o", out)
    assert_one_line_error(result, str(out))
    assert out.read_bytes() == SENTINEL


@pytest.mark.parametrize("bad", ["missing.json", "empty.json", "binary.json", "english.json"])
def test_evaluate_bad_gold_file(bad_files, bad) -> None:
    path = bad_files[bad]
    assert_one_line_error(invoke("evaluate", path), str(path))


def test_queries_and_query_bad_arguments(built) -> None:
    result = invoke("queries", "-f", "xml")
    assert result.exit_code == 2 and "Traceback" not in result.output
    result = invoke("query", "no-such-query", "--store", built.store)
    assert_one_line_error(result, "no-such-query")
    result = invoke("query", "-e", "SELECT WHERE {", "--store", built.store)
    assert_one_line_error(result, "")
