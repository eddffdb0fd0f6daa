"""A folder as scraped: one plan saved twice under two names, a file nobody may read, links in a
loop and links to nothing. Each problem is one line; the rest is built (real files, real
``chmod`` and ``symlink``, the real CLI)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from corpus_paths import WUXING, XIUZHOU

from plankg.cli import main
from plankg.queries.store import open_store

WUXING_TITLE = "吴兴区人才发展“十四五”规划"
XIUZHOU_TITLE = "秀洲区人才发展“十四五”规划"
PLAN_QUERY = "SELECT ?g WHERE { GRAPH ?g { ?p a <https://w3id.org/plankg/ontology#Plan> } }"


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], terminal_width=200)


def plans_in(store: Path) -> int:
    return len(list(open_store(store).query(PLAN_QUERY)))


def test_the_same_plan_under_two_names_is_one_plan_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(WUXING, folder / "a-wuxing.txt")
    shutil.copy(WUXING, folder / "b-wuxing-copy.txt")
    shutil.copy(XIUZHOU, folder / "c-xiuzhou.txt")
    result = invoke("build", folder, "--store", tmp_path / "store")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning")]
    assert warnings == [
        f"warning: {folder / 'b-wuxing-copy.txt'}: the same file as "
        f"{folder / 'a-wuxing.txt'} (identical bytes); built once"
    ]
    assert "2 built, 0 skipped" in result.output
    assert plans_in(tmp_path / "store") == 2
    again = invoke("build", folder, "--store", tmp_path / "store")  # incremental: still one
    assert again.exit_code == 0, again.output
    assert "0 built, 2 unchanged, 0 removed, 0 skipped" in again.output
    assert plans_in(tmp_path / "store") == 2


def test_links_in_a_loop_and_to_nothing_are_one_line_each(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(WUXING, folder / "wuxing.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("itself.txt", folder / "itself.txt")
    os.symlink("gone.txt", folder / "dead.txt")
    os.symlink(folder, folder / "again")  # a folder linked into itself: not followed
    result = invoke("build", folder, "--store", tmp_path / "store")
    assert result.exit_code == 0, result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped")]
    assert skipped == [
        f"skipped: {folder / 'dead.txt'}: a symbolic link to nothing (gone.txt); not read",
        f"skipped: {folder / 'itself.txt'}: a symbolic link in a loop; not read",
        f"skipped: {folder / 'loop-a.txt'}: a symbolic link in a loop; not read",
        f"skipped: {folder / 'loop-b.txt'}: a symbolic link in a loop; not read",
    ]
    assert "1 built, 4 skipped" in result.output
    assert plans_in(tmp_path / "store") == 1


def test_a_folder_of_dead_links_only_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    os.symlink("itself.txt", folder / "itself.txt")
    result = invoke("build", folder, "--store", tmp_path / "store")
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        f"Error: {folder / 'itself.txt'}: a symbolic link in a loop; not read"
    )
    assert not (tmp_path / "store").exists()


def test_strict_makes_a_dead_link_fatal(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(WUXING, folder / "wuxing.txt")
    os.symlink("gone.txt", folder / "dead.txt")
    result = invoke("build", folder, "--store", tmp_path / "store", "--strict")
    assert result.exit_code == 1
    assert "dead.txt: a symbolic link to nothing" in result.output
    assert not (tmp_path / "store").exists()


def test_an_unreadable_file_is_one_line_and_the_rest_is_built(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(WUXING, folder / "wuxing.txt")
    locked = folder / "locked.txt"
    shutil.copy(XIUZHOU, locked)
    locked.chmod(0)
    try:
        try:
            locked.read_bytes()
        except PermissionError:
            pass
        else:
            pytest.skip("this user (root) can read a file of mode 000: nothing to test")
        result = invoke("build", folder, "--store", tmp_path / "store")
    finally:
        locked.chmod(0o644)
    assert result.exit_code == 0, result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped")]
    assert skipped == [f"skipped: {locked}: cannot read (Permission denied)"]
    assert "1 built, 1 skipped" in result.output
