"""Start-up: what a fresh ``plankg`` process imports (asserted in real subprocesses, never timed).

``plankg --help`` lists every command without importing a command module, so none of the heavy
libraries is loaded; ``plankg query NAME`` on the store loads pyoxigraph but not rdflib.
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

from plankg.cli import LAZY_COMMANDS, main

HEAVY = ("rdflib", "networkx", "pyshacl", "pyoxigraph", "pypinyin", "pyvis", "scipy", "numpy",
         "SPARQLWrapper", "pyparsing")

PROBE = """
import contextlib, io, json, sys
from plankg.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        main(sys.argv[1:], prog_name="plankg")
    except SystemExit as exit:
        code = exit.code
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print(json.dumps({{"code": code, "heavy": heavy, "out": out.getvalue()}}))
"""


def _imports(*args: str, cwd: Path | None = None) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
                          capture_output=True, text=True, check=True, cwd=cwd)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_bare_help_imports_no_heavy_module() -> None:
    result = _imports("--help")
    assert result["code"] == 0
    assert result["heavy"] == []
    for name in LAZY_COMMANDS:
        assert f"  {name} " in result["out"]


def test_import_plankg_imports_no_heavy_module() -> None:
    code = f"import sys, plankg, plankg.cli; print([m for m in {HEAVY!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


def test_a_query_on_the_store_loads_pyoxigraph_but_not_rdflib(tmp_path: Path) -> None:
    from plankg.queries.store import write_store

    mini = Path(__file__).parent / "data" / "queries" / "mini.trig"
    import pyoxigraph

    source = pyoxigraph.Store()
    source.load(path=str(mini), format=pyoxigraph.RdfFormat.TRIG)
    write_store(source, tmp_path / "store")
    result = _imports("query", "program-industries", "--store", str(tmp_path / "store"),
                      "-f", "csv")
    assert result["code"] in (0, None), result
    assert "program" in result["out"].splitlines()[0]
    assert "pyoxigraph" in result["heavy"]
    assert "rdflib" not in result["heavy"]
    assert "networkx" not in result["heavy"] and "pyshacl" not in result["heavy"]
    # the endpoint client is for --endpoint and push only
    assert "SPARQLWrapper" not in result["heavy"]


@pytest.mark.parametrize("name", sorted(LAZY_COMMANDS))
def test_the_listed_help_is_the_commands_own(name: str) -> None:
    command = main.commands[name]
    assert isinstance(command, click.Command)
    assert command.name == name
    own = inspect.cleandoc(command.help or "").split("\n\n")[0].replace("\n", " ")
    assert LAZY_COMMANDS[name][2] == own


def test_export_prefixes_are_rdflibs_and_the_vocabularys_namespaces() -> None:
    from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

    from plankg.graph.rdf.vocab import OA, ORG, QB, SCHEMA
    from plankg.queries.export import PREFIXES

    expected = {"rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "dcterms": DCTERMS,
                "skos": SKOS, "org": ORG, "qb": QB, "prov": PROV, "oa": OA, "schema": SCHEMA}
    for prefix, namespace in expected.items():
        assert PREFIXES[prefix] == str(namespace), prefix
