"""jieba's dictionary from plankg's cache file (graph/extract/jiebadict.py): the same words and
tags as jieba.posseg itself, and a cache that is missing, stale, cut short, garbage or cannot be
written is made again or done without — never a crash, never other cuts.

The reference is jieba.posseg, run here (``cut(text, HMM=False)``, what segment.tagged asked
jieba for before the cache), on every line of the bundled plans and the fixture plans.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_paths import TESTS

from plankg.graph.extract import jiebadict
from plankg.graph.extract.segment import cut

ROOT = TESTS.parent
ODD = [
    "",
    " ",
    "AI+制造、5G基站建设，增长3.5%以上",
    "C++ & C# 和 .NET 开发者\r\n  第二行\t制表",
    "１２３ＡＢＣ全角字母",
    "2021—2025年",
    "e-商务 x.y a1b2 Z",
    "选择鹊山经济开发区",
    "扶持柳滩人才市场",
]


def _lines() -> list[str]:
    files = [*sorted((ROOT / "corpus").glob("*.txt")),
             *sorted((TESTS / "data" / "plans").glob("*.txt"))]
    lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 1000
    return lines + ODD


LINES = _lines()
SAMPLE = LINES[::20] + ODD


def jieba_cuts(texts: list[str]) -> list[list[tuple[str, str]]]:
    import jieba.posseg

    return [[(p.word, p.flag) for p in jieba.posseg.dt.cut(t, HMM=False)] for t in texts]


def our_cuts(texts: list[str], table: jiebadict.Table) -> list[list[tuple[str, str]]]:
    return [list(cut(t, table)) for t in texts]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder with the dictionary file written into it (once for this module)."""
    folder = tmp_path_factory.mktemp("cache")
    assert jiebadict.open_table(folder).source == "built"
    (found,) = folder.iterdir()
    assert found.name.startswith("jieba-") and found.stat().st_size > 1_000_000
    return folder


def _copy(made: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "cache"
    shutil.copytree(made, folder)
    return folder


def _file(folder: Path) -> Path:
    (found,) = folder.glob("jieba-*.words")
    return found


def test_cuts_are_jieba_posseg_ones(made: Path) -> None:
    expected = jieba_cuts(LINES)
    table = jiebadict.open_table(made)
    assert table.source == "file"
    assert our_cuts(LINES, table) == expected
    # looked up again, from the buckets already read
    assert our_cuts(LINES[:300], table) == expected[:300]


def test_a_few_cuts_typed_by_hand(made: Path) -> None:
    table = jiebadict.open_table(made)
    assert list(cut("选择鹊山经济开发区", table)) == [
        ("选择", "v"),
        ("鹊山", "ns"),
        ("经济", "n"),
        ("开发区", "n"),
    ]
    # runs of one-character letters join as one "eng" word; digits alone are "m", spaces "x"
    assert list(cut("a b", table)) == [("a", "eng"), (" ", "x"), ("b", "eng")]


def test_the_cache_is_read_not_written_again(made: Path) -> None:
    path = _file(made)
    before = path.stat().st_mtime_ns, path.stat().st_ino
    assert jiebadict.open_table(made).source == "file"
    assert (path.stat().st_mtime_ns, path.stat().st_ino) == before


@pytest.mark.parametrize("keep", [0, 300_000, -1])
def test_a_cut_short_cache_is_made_again(made: Path, tmp_path: Path, keep: int) -> None:
    folder = _copy(made, tmp_path)
    path = _file(folder)
    data = path.read_bytes()
    path.write_bytes(data[:keep])
    table = jiebadict.open_table(folder)
    assert table.source == "built"
    assert our_cuts(SAMPLE, table) == jieba_cuts(SAMPLE)
    again = jiebadict.open_table(folder)
    assert again.source == "file"
    assert path.stat().st_size == len(data)
    assert our_cuts(SAMPLE, again) == jieba_cuts(SAMPLE)


def test_a_garbage_cache_is_made_again(made: Path, tmp_path: Path) -> None:
    folder = _copy(made, tmp_path)
    path = _file(folder)
    size = path.stat().st_size
    path.write_bytes((b"\x00\xffgarbage" * (size // 9 + 1))[:size])
    assert jiebadict.open_table(folder).source == "built"
    table = jiebadict.open_table(folder)
    assert table.source == "file"
    assert our_cuts(SAMPLE, table) == jieba_cuts(SAMPLE)


def test_one_changed_byte_in_a_bucket_is_seen(made: Path, tmp_path: Path) -> None:
    folder = _copy(made, tmp_path)
    path = _file(folder)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    assert jiebadict.open_table(folder).source == "built"
    assert jiebadict.open_table(folder).source == "file"


def test_a_cache_of_another_dictionary_or_jieba_is_stale(made: Path, tmp_path: Path) -> None:
    source = jiebadict.jieba_source()
    for field in ("dictionary", "version"):
        folder = _copy(made, tmp_path / field)
        path = _file(folder)
        data = bytearray(path.read_bytes())
        if field == "dictionary":
            # another dict.txt: its SHA-256 and its size differ from those in the header
            data[32:64] = bytes(32)
            data[64:72] = (1).to_bytes(8, "little")
        else:
            data[16:32] = b"0.0.1".ljust(16, b"\0")
        path.write_bytes(bytes(data))
        assert jiebadict.open_table(folder, source).source == "built", field
        table = jiebadict.open_table(folder, source)
        assert table.source == "file"
        assert our_cuts(SAMPLE, table) == jieba_cuts(SAMPLE)


def test_a_touched_dictionary_with_the_same_bytes_keeps_the_cache(
    made: Path, tmp_path: Path
) -> None:
    folder = _copy(made, tmp_path)
    path = _file(folder)
    data = bytearray(path.read_bytes())
    data[72:80] = (12345).to_bytes(8, "little")  # another mtime of dict.txt, same SHA-256
    path.write_bytes(bytes(data))
    assert jiebadict.open_table(folder).source == "file"


def test_an_unwritable_cache_folder_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    folder = blocker / "cache"  # cannot be made: its parent is a file (root ignores modes)
    table = jiebadict.open_table(folder)
    assert table.source == "memory"
    assert our_cuts(SAMPLE, table) == jieba_cuts(SAMPLE)
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_build_with_an_unwritable_cache_folder_writes_the_same_graph(tmp_path: Path) -> None:
    plan = TESTS / "data" / "plans" / "chenglan-talent-plan-2021-2025.txt"
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    outputs = {}
    for name, folder in (("fresh", tmp_path / "fresh"), ("unwritable", blocker / "cache")):
        out = tmp_path / f"{name}.nq"
        done = subprocess.run(
            [sys.executable, "-m", "plankg", "build", str(plan), "--no-store", "-o", str(out)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PLANKG_CACHE_DIR": str(folder)},
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        outputs[name] = out.read_bytes()
    assert outputs["fresh"] == outputs["unwritable"]
    assert len(outputs["fresh"]) > 10_000
    assert list((tmp_path / "fresh").glob("jieba-*.words"))


def test_the_header_names_what_the_file_is_of(made: Path) -> None:
    source = jiebadict.jieba_source()
    data = _file(made).read_bytes()
    assert data.startswith(b"plankg-jieba-1.")
    assert data[16:32].rstrip(b"\0").decode() == source.version
    assert data[32:64] == source.sha256()


def test_a_long_version_string_is_not_rebuilt_on_every_open(made: Path, tmp_path: Path) -> None:
    real = jiebadict.jieba_source()
    source = jiebadict.Source(real.dictionary, "0.42.1.post20260101+local")  # over 16 bytes
    folder = tmp_path / "cache"
    assert jiebadict.open_table(folder, source).source == "built"
    assert jiebadict.open_table(folder, source).source == "file"
    assert jiebadict.open_table(folder, real).source == "built"  # another version: its own file
