"""Incremental builds on real plan texts and a real store: only new or changed files are
extracted, their named graphs replaced in place, plans whose files are gone removed; the store
afterwards holds exactly what a fresh full build of the same files holds (shared nodes included).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
from click.testing import CliRunner, Result
from corpus_paths import CHENGLAN, WUXING, XIUZHOU

from plankg.cli import main
from plankg.queries.store import BUILD_RECORD, read_build_record


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], terminal_width=100)


def quads(store: Path) -> list[str]:
    data = pyoxigraph.Store.read_only(str(store)).dump(format=pyoxigraph.RdfFormat.N_QUADS)
    return sorted(data.decode("utf-8").splitlines())


def fresh(folder: Path, tmp_path: Path, name: str) -> list[str]:
    store = tmp_path / name
    result = invoke("build", folder, "--store", store, "--rebuild")
    assert result.exit_code == 0, result.output
    return quads(store)


def test_changed_added_and_removed_plans(tmp_path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for source in (WUXING, XIUZHOU, CHENGLAN):
        (folder / source.name).write_bytes(source.read_bytes())
    store = tmp_path / "store"
    first = invoke("build", folder, "--store", store)
    assert first.exit_code == 0, first.output
    assert "3 built, 0 skipped" in first.output
    record = read_build_record(store)
    assert record is not None and len(record["plans"]) == 3
    assert (store / BUILD_RECORD).is_file()

    again = invoke("build", folder, "--store", store)
    assert again.exit_code == 0, again.output
    assert "0 built, 3 unchanged, 0 removed" in again.output

    # one plan changes: its last fifth is cut (fewer programs, industries, departments)
    changed = folder / CHENGLAN.name
    lines = changed.read_text(encoding="utf-8").splitlines(keepends=True)
    changed.write_text("".join(lines[: len(lines) * 4 // 5]), encoding="utf-8")
    result = invoke("build", folder, "--store", store)
    assert result.exit_code == 0, result.output
    assert "1 built, 2 unchanged, 0 removed" in result.output
    assert quads(store) == fresh(folder, tmp_path, "fresh-1")

    # one plan's file is gone: its graph goes, the shared nodes the others name stay
    (folder / XIUZHOU.name).unlink()
    result = invoke("build", folder, "--store", store)
    assert result.exit_code == 0, result.output
    assert "removed" in result.output and XIUZHOU.name in result.output
    assert "0 built, 2 unchanged, 1 removed" in result.output
    assert quads(store) == fresh(folder, tmp_path, "fresh-2")

    # and it comes back
    (folder / XIUZHOU.name).write_bytes(XIUZHOU.read_bytes())
    result = invoke("build", folder, "--store", store)
    assert "1 built, 2 unchanged, 0 removed" in result.output
    assert quads(store) == fresh(folder, tmp_path, "fresh-3")


def test_rebuild_extracts_all_and_a_bad_change_leaves_the_store(tmp_path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for source in (WUXING, XIUZHOU):
        (folder / source.name).write_bytes(source.read_bytes())
    store = tmp_path / "store"
    assert invoke("build", folder, "--store", store).exit_code == 0
    before = quads(store)
    result = invoke("build", folder, "--store", store, "--rebuild")
    assert "2 built, 0 skipped" in result.output
    assert quads(store) == before
    (folder / WUXING.name).write_bytes(b"")  # a changed file that cannot be built
    result = invoke("build", folder / WUXING.name, folder / XIUZHOU.name, "--store", store)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert quads(store) == before
