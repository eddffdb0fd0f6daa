"""The wheel holds everything the package reads at run time: vocabulary, shapes, queries, the
regions table and lexicon, the viewer template and the bundled corpus."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# top-level folder → where setuptools puts it inside the wheel (pyproject.toml package-dir)
PACKAGES = {"plankg": "plankg", "plankg/cli": "plankg/cli", "ontology": "plankg/ontology",
            "graph": "plankg/graph", "graph/text": "plankg/graph/text",
            "graph/extract": "plankg/graph/extract", "graph/rdf": "plankg/graph/rdf",
            "queries": "plankg/queries", "viz": "plankg/viz", "corpus": "plankg/corpus"}
DATA_SUFFIXES = (".ttl", ".rq", ".tsv", ".html", ".jsonld", ".txt")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    """A wheel built from a copy of the source tree (so no build/ folder lands in the checkout)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for folder in {folder.split("/")[0] for folder in PACKAGES}:
        shutil.copytree(ROOT / folder, source / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = work / "dist"
    logs = []
    # build with the setuptools and wheel the test extra installed; else let build fetch them
    for isolation in (["--no-isolation", "--skip-dependency-check"], []):
        result = subprocess.run(
            [sys.executable, "-m", "build", "--wheel", *isolation, "--outdir", str(dist),
             str(source)],
            capture_output=True, text=True, timeout=300, check=False,
        )
        logs.append(result.stdout[-1500:] + result.stderr[-1500:])
        if result.returncode == 0:
            break
    assert result.returncode == 0, "\n".join(logs)
    wheels = list(dist.glob("plankg-*.whl"))
    assert len(wheels) == 1
    return zipfile.ZipFile(wheels[0])


def expected_data_files() -> dict[str, Path]:
    found = {}
    for folder, inside in PACKAGES.items():
        for path in (ROOT / folder).iterdir():
            if path.is_file() and path.suffix in DATA_SUFFIXES:
                found[f"{inside}/{path.name}"] = path
    return found


def test_the_source_tree_has_the_data_files() -> None:
    names = set(expected_data_files())
    # the files the package cannot work without, named so a missing glob cannot pass silently
    assert {
        "plankg/ontology/plankg.ttl", "plankg/ontology/shapes.ttl",
        "plankg/ontology/context.jsonld", "plankg/graph/extract/regions.tsv",
        "plankg/graph/extract/lexicon.ttl",
        "plankg/viz/template.html", "plankg/queries/plans.rq", "plankg/queries/programs.rq",
        "plankg/corpus/huzhou-wuxing-talent-plan-2021-2025.txt",
        "plankg/corpus/jiaxing-xiuzhou-talent-plan-2021-2025.txt",
    } <= names
    assert len([n for n in names if n.endswith(".rq")]) >= 10


def test_wheel_holds_every_data_file_unchanged(wheel) -> None:
    names = set(wheel.namelist())
    expected = expected_data_files()
    missing = sorted(set(expected) - names)
    assert not missing
    for inside, path in expected.items():
        assert wheel.read(inside) == path.read_bytes(), inside


def test_wheel_holds_every_module_and_the_console_script(wheel) -> None:
    names = set(wheel.namelist())
    for folder, inside in PACKAGES.items():
        modules = [p.name for p in (ROOT / folder).glob("*.py")]
        assert "__init__.py" in modules
        assert {f"{inside}/{m}" for m in modules} <= names
    assert not any("/tests/" in n or n.startswith("tests/") for n in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "plankg = plankg.cli:main" in wheel.read(entry_points).decode("utf-8")


def test_installed_package_finds_its_files_through_importlib_resources() -> None:
    from importlib.resources import files

    assert files("plankg.ontology").joinpath("plankg.ttl").is_file()
    assert files("plankg.queries").joinpath("plans.rq").is_file()
    assert files("plankg.graph.extract").joinpath("regions.tsv").is_file()
    assert files("plankg.viz").joinpath("template.html").is_file()
    corpus = [p.name for p in files("plankg.corpus").iterdir() if p.name.endswith(".txt")]
    assert sorted(corpus) == ["huzhou-wuxing-talent-plan-2021-2025.txt",
                              "jiaxing-xiuzhou-talent-plan-2021-2025.txt"]
