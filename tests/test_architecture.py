"""The layout of the pipeline (docs/architecture.md), checked on the source itself.

Every ``import`` of every module of ``plankg`` is read with ``ast`` — top-level, inside
functions and under ``if TYPE_CHECKING`` alike — so a loop hidden in a deferred import is found
as surely as one at the top of a file.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# import name → source folder, as pyproject.toml's package-dir maps them
FOLDERS = {"plankg": "plankg", "plankg.ontology": "ontology", "plankg.graph": "graph",
           "plankg.queries": "queries", "plankg.viz": "viz", "plankg.corpus": "corpus"}
# the pipeline's order: a module may import modules of its own stage or an earlier one
STAGES = (
    ("base", ("plankg", "plankg.errors", "plankg.ontology", "plankg.corpus", "plankg.graph")),
    ("text", ("plankg.graph.text",)),
    ("extract", ("plankg.graph.extract",)),
    ("rdf", ("plankg.graph.rdf",)),
    ("queries", ("plankg.queries",)),
    ("viz", ("plankg.viz",)),
    ("interface", ("plankg.api", "plankg.cli", "plankg.__main__")),
)


def modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package, folder in FOLDERS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            name = ".".join((package, *parts))
            if package == "plankg" and parts and f"plankg.{parts[0]}" in FOLDERS:
                continue  # a folder of the plankg/ tree that another folder provides
            found[name] = path
    return found


def imports(path: Path, known: set[str]) -> set[str]:
    """The plankg modules ``path`` imports anywhere in its body."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # "from plankg.queries import named": a submodule when one has that name
            names = [f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in known
                     else node.module for alias in node.names]
        else:
            continue
        found.update(name for name in names if name in known)
    return found


def stage(module: str) -> int:
    best = None
    for rank, (_, prefixes) in enumerate(STAGES):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and (
                    best is None or len(prefix) > best[1]):
                best = (rank, len(prefix))
    assert best is not None, f"{module} belongs to no stage: add it to STAGES"
    return best[0]


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    found = modules()
    assert len(found) > 40 and "plankg.graph.text.structure" in found, sorted(found)
    return {name: imports(path, set(found)) - {name} for name, path in found.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_not_even_deferred_ones(graph) -> None:
    assert cycles(graph) == []


def test_the_import_reader_sees_function_level_imports(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from plankg.queries import store\n    import plankg.errors\n",
                      encoding="utf-8")
    known = {"plankg.queries", "plankg.queries.store", "plankg.errors"}
    assert imports(source, known) == {"plankg.queries.store", "plankg.errors"}


def test_a_stage_never_imports_a_later_stage(graph) -> None:
    wrong = sorted(f"{module} ({STAGES[stage(module)][0]}) imports {target} "
                   f"({STAGES[stage(target)][0]})"
                   for module, targets in graph.items() for target in targets
                   if stage(target) > stage(module))
    assert wrong == []


def test_the_query_layer_and_the_viewer_never_reach_into_extraction(graph) -> None:
    """queries/ takes a dataset and viz/ takes rows or a graph: neither reads plan texts."""
    wrong = sorted(f"{module} imports {target}" for module, targets in graph.items()
                   for target in targets
                   if module.startswith(("plankg.queries", "plankg.viz"))
                   and target.startswith(("plankg.graph.extract", "plankg.graph.text")))
    assert wrong == []


def test_graph_holds_only_the_three_stages() -> None:
    entries = sorted(p.name for p in (ROOT / "graph").iterdir() if p.name != "__pycache__")
    assert entries == ["__init__.py", "extract", "rdf", "text"]
    for folder in ("text", "extract", "rdf"):
        doc = ast.get_docstring(ast.parse((ROOT / "graph" / folder / "__init__.py").read_text(
            encoding="utf-8")))
        assert doc and " in, " in doc.splitlines()[0], folder  # says what enters and leaves


def test_importing_plankg_loads_nothing_heavy() -> None:
    heavy = ["rdflib", "networkx", "pyshacl", "pyoxigraph", "pypinyin", "pyvis", "click"]
    code = ("import sys, plankg, plankg.errors, plankg.ontology\n"
            f"print([m for m in {heavy!r} if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"
