"""Building many plans: a process pool gives the same quads as one process, in the same order,
and a bad file is reported in one line while the others are built (real plan texts, real
processes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_paths import CHENGLAN, WUXING, XIUZHOU

from plankg.errors import InputError
from plankg.graph.rdf.build import PARALLEL_FROM, build_dataset


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> list[Path]:
    """Four plan files, two with one title: the second of them gets a key of its own."""
    folder = tmp_path_factory.mktemp("plans")
    paths = []
    for source in (WUXING, XIUZHOU, CHENGLAN):
        target = folder / source.name
        target.write_bytes(source.read_bytes())
        paths.append(target)
    twin = folder / "wuxing-copy.txt"
    twin.write_bytes(WUXING.read_bytes() + "\n（完）\n".encode())
    paths.append(twin)
    assert len(paths) >= PARALLEL_FROM
    return paths


def test_a_pool_builds_the_same_quads_as_one_process(plans) -> None:
    serial = build_dataset(plans, jobs=1)
    pooled = build_dataset(plans, jobs=2)
    assert pooled.nquads == serial.nquads
    assert [p.title for p in pooled.plans] == [p.title for p in serial.plans]
    assert [str(p.graph) for p in pooled.plans] == [str(p.graph) for p in serial.plans]
    graphs = [str(p.graph) for p in pooled.plans]
    assert len(set(graphs)) == len(plans)  # the two plans of one title have a graph each


def test_the_order_of_the_files_does_not_matter(plans) -> None:
    assert build_dataset(list(reversed(plans)), jobs=2).nquads == build_dataset(plans,
                                                                               jobs=2).nquads


def test_a_bad_file_is_skipped_and_the_others_built(plans, tmp_path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    build = build_dataset([*plans, bad], jobs=2, skip_bad=True)
    assert len(build.plans) == len(plans)
    assert len(build.skipped) == 1
    assert str(bad) in build.skipped[0] and "\n" not in build.skipped[0]
    with pytest.raises(InputError, match="binary file"):
        build_dataset([*plans, bad], jobs=2)
    with pytest.raises(InputError, match="binary file"):
        build_dataset([bad], skip_bad=True)  # nothing left to build
