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


# Four plans of one district; three name a department "区…创局" whose names sound alike
# (青创局, 清创局, 轻创局: all qing-chuang-ju). Sorted by title, 产业发展 comes first and owns the
# plain slug; 人才发展 and 教育发展 must be minted again with a suffix, 科技创新 (the same
# name as the owner) keeps it.
HOMOPHONE_PLANS = {"产业发展": "青创局", "人才发展": "清创局", "教育发展": "轻创局",
                   "科技创新": "青创局"}
QING_CHUANG = "https://w3id.org/plankg/id/department/jia-xi-qu-qing-chuang-ju"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def _homophone_plan(topic: str, department: str) -> str:
    return (f"甲溪区{topic}“十四五”规划\n\n一、主要任务\n"
            f"（一）引进高层次人才。实施“甲溪{topic}计划”，每年引进高层次人才50名。"
            f"（牵头单位：区{department}；配合单位：区人力社保局）\n"
            f"（二）培育技能人才。建设甲溪{topic}实训基地。（牵头单位：区{department}）\n")


def test_plans_minted_again_are_built_in_the_pool_as_one_process_would(tmp_path) -> None:
    paths = []
    for i, (topic, department) in enumerate(HOMOPHONE_PLANS.items()):
        path = tmp_path / f"plan-{i}.txt"
        path.write_text(_homophone_plan(topic, department), encoding="utf-8")
        paths.append(path)
    pooled = build_dataset(paths, jobs=2)
    assert [p.title[3:7] for p in pooled.plans] == ["产业发展", "人才发展", "教育发展", "科技创新"]
    # the two plans minted again lead with the hashed department, the other two with the owner
    leads: dict[str, set[str]] = {}
    for line in pooled.nquads.splitlines():
        if line.split()[1].endswith("#leadDepartment>"):
            leads.setdefault(line.split()[-2].strip("<>"), set()).add(line.split()[2].strip("<>"))
    by_plan = [leads[str(plan.graph)] for plan in pooled.plans]
    assert [all(iri == QING_CHUANG for iri in lead) for lead in by_plan] == [True, False, False,
                                                                              True]
    # what was built again is spilled like the rest, not held in memory
    assert all(isinstance(chunk, Path) for chunk in pooled.chunks[:-1])
    departments: dict[str, set[str]] = {}
    for line in pooled.nquads.splitlines():
        if line.startswith(f"<{QING_CHUANG}") and f"<{RDFS_LABEL}>" in line:
            departments.setdefault(line.split()[0].strip("<>"), set()).add(line.split('"')[1])
    assert departments[QING_CHUANG] == {"甲溪区青创局"}
    others = {iri: labels for iri, labels in departments.items() if iri != QING_CHUANG}
    assert sorted(labels for labels in map(frozenset, others.values())) == sorted(
        [frozenset({"甲溪区清创局"}), frozenset({"甲溪区轻创局"})])
    assert all(iri.startswith(f"{QING_CHUANG}-") for iri in others)
    # one process, one minter for all plans in title order: the same quads
    assert build_dataset(paths, jobs=1).nquads == pooled.nquads
    assert build_dataset(list(reversed(paths)), jobs=2).nquads == pooled.nquads
