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


# --- homophones: IRIs keep their labels for the life of the store (decision 036) ---------------

HOMOPHONES = Path(__file__).resolve().parent / "data" / "homophones"
# 桐溪县 and 彤溪县 (both tong-xi-xian): their titles, regions, departments, one program each
# (青腾英才计划 / 青藤英才计划) and one platform each (芸溪实验室 / 云溪实验室) share their pinyin;
# both name 星火引才行动 and 智能制造. 彤 sorts before 桐, so a fresh build of both gives 彤溪县's
# names the plain IRIs.
PAULOWNIA = HOMOPHONES / "tongxi-paulownia-talent-plan-2021-2025.txt"  # 桐溪县
VERMILION = HOMOPHONES / "tongxi-vermilion-talent-plan-2021-2025.txt"  # 彤溪县
PAULOWNIA_TITLE = "桐溪县人才发展“十四五”规划"
VERMILION_TITLE = "彤溪县人才发展“十四五”规划"
ID = "https://w3id.org/plankg/id/"
GRAPH = "https://w3id.org/plankg/graph/"
PLAN_KEY = "tong-xi-xian-ren-cai-fa-zhan-shi-si-wu-gui-hua"
PER_PLAN_QUERIES = ("programs", "platforms", "departments", "program-industries", "targets")
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
IN_PLAN = "<https://w3id.org/plankg/ontology#inPlan>"


def graph_quads(store: Path, graph: str) -> list[str]:
    return [q for q in quads(store) if q.endswith(f"<{graph}> .")]


def rows(store: Path, name: str) -> set[tuple[str, ...]]:
    import csv
    import io

    result = invoke("query", name, "--store", store, "-f", "csv")
    assert result.exit_code == 0, result.output
    return {tuple(row) for row in list(csv.reader(io.StringIO(result.output)))[1:]}


def labelled(store: Path, iri: str) -> set[str]:
    return {
        q.split(" ", 2)[2].rsplit(" <", 1)[0]
        for q in quads(store)
        if q.startswith(f"<{iri}> {LABEL} ")
    }


def plans_folder(tmp_path: Path, *sources: Path) -> Path:
    """A folder ``plans`` of ``tmp_path`` holding copies of ``sources``."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for source in sources:
        (folder / source.name).write_bytes(source.read_bytes())
    return folder


def test_a_homophone_plan_is_added_in_place_and_the_kept_plan_keeps_its_iris(tmp_path) -> None:
    from plankg.graph.rdf.identifiers import short_hash

    folder = plans_folder(tmp_path, PAULOWNIA)
    store = tmp_path / "store"
    assert invoke("build", folder, "--store", store).exit_code == 0
    kept_graph = graph_quads(store, GRAPH + PLAN_KEY)
    assert kept_graph
    before = {name: rows(store, name) for name in PER_PLAN_QUERIES}

    (folder / VERMILION.name).write_bytes(VERMILION.read_bytes())
    result = invoke("build", folder, "--store", store)
    assert result.exit_code == 0, result.output
    assert "1 built, 1 unchanged, 0 removed, 0 skipped" in result.output  # not a full build
    # the kept plan's graph, every IRI in it included, is as it was
    assert graph_quads(store, GRAPH + PLAN_KEY) == kept_graph
    # its names keep the plain IRIs; the newcomer's homophones take the hashed forms
    assert labelled(store, ID + "program/qing-teng-ying-cai-ji-hua") == {'"青腾英才计划"@zh'}
    assert labelled(
        store, ID + "program/qing-teng-ying-cai-ji-hua-" + short_hash("青藤英才计划")
    ) == {'"青藤英才计划"@zh'}
    assert labelled(store, ID + "platform/yun-xi-shi-yan-shi") == {'"芸溪实验室"@zh'}
    assert labelled(store, ID + "platform/yun-xi-shi-yan-shi-" + short_hash("云溪实验室")) == {
        '"云溪实验室"@zh'
    }
    assert '"桐溪县"@zh' in labelled(store, ID + "region/tong-xi-xian")
    assert '"彤溪县"@zh' in labelled(store, ID + "region/tong-xi-xian-" + short_hash("彤溪县"))
    record = read_build_record(store)
    assert record is not None
    keys = {plan["title"]: plan["key"] for plan in record["plans"]}
    assert keys[PAULOWNIA_TITLE] == PLAN_KEY
    assert keys[VERMILION_TITLE].startswith(PLAN_KEY + "-")
    new_graph = GRAPH + keys[VERMILION_TITLE]
    # shared nodes: one IRI each, described in both plans' graphs
    for shared in ("program/xing-huo-yin-cai-xing-dong", "industry/zhi-neng-zhi-zao"):
        plans = {q.split(" ")[2] for q in quads(store) if q.startswith(f"<{ID}{shared}> {IN_PLAN}")}
        assert plans == {f"<{ID}plan/{PLAN_KEY}>", f"<{ID}plan/{keys[VERMILION_TITLE]}>"}
    # the store answers what it answered before, plus the new plan's rows
    for name in PER_PLAN_QUERIES:
        after = rows(store, name)
        added = after - before[name]
        assert before[name] <= after, name
        assert added and {row[0] for row in added} == {VERMILION_TITLE}, name
    programs = {row[:2] for row in rows(store, "programs")}
    assert (VERMILION_TITLE, "青藤英才计划") in programs
    assert (PAULOWNIA_TITLE, "青腾英才计划") in programs

    # --rebuild re-extracts both and keeps the store's names; a new store names by title order
    added_graph = graph_quads(store, new_graph)
    assert invoke("build", folder, "--store", store, "--rebuild").exit_code == 0
    assert graph_quads(store, GRAPH + PLAN_KEY) == kept_graph
    assert graph_quads(store, new_graph) == added_graph
    other = tmp_path / "fresh"
    assert invoke("build", folder, "--store", other).exit_code == 0
    assert labelled(other, ID + "program/qing-teng-ying-cai-ji-hua") == {'"青藤英才计划"@zh'}

    # the owner goes: the newcomer keeps its hashed IRIs (no full build), and the plain ones
    # stay reserved for their labels: the owner comes back to the same graph
    (folder / PAULOWNIA.name).unlink()
    result = invoke("build", folder, "--store", store)
    assert result.exit_code == 0, result.output
    assert "0 built, 1 unchanged, 1 removed, 0 skipped" in result.output
    assert graph_quads(store, new_graph) == added_graph
    assert graph_quads(store, GRAPH + PLAN_KEY) == []
    (folder / PAULOWNIA.name).write_bytes(PAULOWNIA.read_bytes())
    result = invoke("build", folder, "--store", store)
    assert "1 built, 1 unchanged, 0 removed, 0 skipped" in result.output
    assert graph_quads(store, GRAPH + PLAN_KEY) == kept_graph
    assert graph_quads(store, new_graph) == added_graph


def test_a_changed_plan_keeps_its_hashed_key(tmp_path) -> None:
    """A plan whose key was hashed behind another plan's keeps that key when its text changes
    (the hash is of the file as first built, not of each new version)."""
    folder = plans_folder(tmp_path, PAULOWNIA, VERMILION)
    store = tmp_path / "store"
    assert invoke("build", folder, "--store", store).exit_code == 0
    record = read_build_record(store)
    assert record is not None
    keys = {plan["title"]: plan["key"] for plan in record["plans"]}
    assert keys[VERMILION_TITLE] == PLAN_KEY  # fresh: 彤 sorts first
    hashed = keys[PAULOWNIA_TITLE]
    assert hashed.startswith(PLAN_KEY + "-")
    changed = folder / PAULOWNIA.name
    changed.write_text(changed.read_text(encoding="utf-8") + "（完）\n", encoding="utf-8")
    result = invoke("build", folder, "--store", store)
    assert "1 built, 1 unchanged, 0 removed, 0 skipped" in result.output
    record = read_build_record(store)
    assert record is not None
    assert {plan["title"]: plan["key"] for plan in record["plans"]} == keys
    assert graph_quads(store, GRAPH + hashed)


def test_size_and_mtime_stand_for_the_hash_and_nothing_changed_writes_nothing(tmp_path) -> None:
    """A file written well before the build is recorded with its size and mtime; a later
    build that finds both unchanged does not read it, and with nothing changed the store is
    not written (decision 037). A touched file is hashed, kept, and its new mtime recorded."""
    import os
    import time

    folder = tmp_path / "plans"
    folder.mkdir()
    old = time.time() - 3600
    for source in (PAULOWNIA, VERMILION):
        target = folder / source.name
        target.write_bytes(source.read_bytes())
        os.utime(target, (old, old))
    store = tmp_path / "store"
    assert invoke("build", folder, "--store", store).exit_code == 0
    record = read_build_record(store)
    assert record is not None
    stats = {Path(p["path"]).name: (p["size"], p["mtime_ns"]) for p in record["plans"]}
    for name, stat in stats.items():
        assert stat == ((folder / name).stat().st_size, (folder / name).stat().st_mtime_ns)
    files = {entry.name: entry.stat().st_mtime_ns for entry in store.iterdir()}

    result = invoke("build", folder, "--store", store)
    assert "0 built, 2 unchanged, 0 removed, 0 skipped" in result.output
    assert {entry.name: entry.stat().st_mtime_ns for entry in store.iterdir()} == files

    touched = folder / PAULOWNIA.name
    os.utime(touched, (old + 60, old + 60))  # touched, same bytes
    result = invoke("build", folder, "--store", store)
    assert "0 built, 2 unchanged, 0 removed, 0 skipped" in result.output
    record = read_build_record(store)
    assert record is not None
    entry = next(p for p in record["plans"] if p["path"] == str(touched.resolve()))
    assert entry["mtime_ns"] == touched.stat().st_mtime_ns

    # the same size, other bytes (梧岭科创园 → 桐岭科创园), an old mtime: built again
    text = touched.read_text(encoding="utf-8").replace("梧岭科创园", "桐岭科创园")
    assert len(text.encode("utf-8")) == touched.stat().st_size
    touched.write_text(text, encoding="utf-8")
    os.utime(touched, (old + 120, old + 120))
    result = invoke("build", folder, "--store", store)
    assert "1 built, 1 unchanged, 0 removed, 0 skipped" in result.output
    assert "tong-ling-ke-chuang-yuan" in " ".join(quads(store))


def test_a_rebuild_keeps_each_files_plan_key(tmp_path) -> None:
    """A second file of one title, new in a --rebuild and sorting first, does not take the
    key the store's first file of that title has."""
    import hashlib

    folder = plans_folder(tmp_path, PAULOWNIA)
    store = tmp_path / "store"
    assert invoke("build", folder, "--store", store).exit_code == 0
    first = graph_quads(store, GRAPH + PLAN_KEY)
    assert first
    original = hashlib.sha256(PAULOWNIA.read_bytes()).hexdigest()
    # the same plan with a closing line: a variant whose hash sorts before the original's
    variant = next(
        data
        for n in range(1, 200)
        if hashlib.sha256(data := PAULOWNIA.read_bytes() + f"（完）{n}\n".encode()).hexdigest()
        < original
    )
    (folder / "tongxi-paulownia-copy.txt").write_bytes(variant)
    result = invoke("build", folder, "--store", store, "--rebuild")
    assert result.exit_code == 0, result.output
    assert graph_quads(store, GRAPH + PLAN_KEY) == first
    record = read_build_record(store)
    assert record is not None
    keys = {Path(plan["path"]).name: plan["key"] for plan in record["plans"]}
    assert keys[PAULOWNIA.name] == PLAN_KEY
    assert keys["tongxi-paulownia-copy.txt"].startswith(PLAN_KEY + "-")
