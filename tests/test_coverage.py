"""Coverage: `plankg build` says per plan what it found and what it could use (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from corpus_paths import CHENGLAN
from rdflib import Literal

from plankg.cli import main
from plankg.graph.rdf.build import build_dataset
from plankg.graph.rdf.vocab import PK

DATA = Path(__file__).resolve().parent / "data"
UNUSED = DATA / "conventions" / "unused-annotations-plan.txt"
BROKEN = DATA / "tables" / "broken-row-plan.txt"
FLAT = DATA / "tables" / "pdf-flat-main-indicators.txt"


def test_annotations_found_and_attached_with_the_unused_ones_on_their_lines() -> None:
    (plan,) = build_dataset([UNUSED]).plans
    cover = plan.coverage
    assert cover is not None
    assert (cover.annotations_found, cover.annotations_attached) == (4, 2)
    assert [u.line for u in cover.unused] == [4, 5]  # items 2 and 3
    assert cover.numbered_items == 4
    assert cover.low is not None and "2 of 4 responsibility annotations" in cover.low


def test_the_plan_node_records_the_counts() -> None:
    build = build_dataset([CHENGLAN])
    (plan,) = build.plans
    graph = build.dataset.graph(plan.graph)
    counts = {p: graph.value(plan.iri, p) for p in (
        PK.annotationsFound, PK.annotationsAttached, PK.tablesFound, PK.indicatorTables,
        PK.otherTables, PK.tableRowsRead, PK.tableRowsUnreadable, PK.numberedItems,
        PK.sectionCount)}
    # 澄岚: an annotation after every one of its 12 tasks, 表1 of 7 indicators, 表2 of duties
    assert counts[PK.annotationsFound] == Literal(12)
    assert counts[PK.annotationsAttached] == Literal(12)
    assert (counts[PK.tablesFound], counts[PK.indicatorTables], counts[PK.otherTables]) == (
        Literal(2), Literal(1), Literal(1))
    assert (counts[PK.tableRowsRead], counts[PK.tableRowsUnreadable]) == (Literal(7), Literal(0))
    assert counts[PK.sectionCount] == Literal(plan.counts["sections"])
    assert plan.coverage is not None and plan.coverage.low is None


def test_build_report_file_and_the_low_coverage_line(tmp_path: Path) -> None:
    report = tmp_path / "coverage.json"
    result = CliRunner().invoke(main, ["build", str(BROKEN), str(FLAT), str(UNUSED),
                                       "--no-store", "--report", str(report)],
                                env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    by_file = {p["file"]: p for p in data["plans"]}
    assert set(by_file) == {BROKEN.name, FLAT.name, UNUSED.name}
    assert by_file[BROKEN.name]["table_rows"] == {"read": 3, "unreadable": 1}
    assert by_file[FLAT.name]["table_rows"] == {"read": 9, "unreadable": 0}
    assert by_file[FLAT.name]["tables"] == {"found": 1, "indicators": 1, "other": 0, "unread": 0}
    assert by_file[UNUSED.name]["annotations"] == {"found": 4, "attached": 2}
    assert [w["line"] for w in by_file[UNUSED.name]["warnings"]] == [4, 5]
    low = [line for line in result.output.splitlines() if line.startswith("low coverage: ")]
    assert sorted(low) == [
        f"low coverage: {BROKEN.name}: only 3 of 4 indicator-table rows were used; this plan's "
        "conventions were probably not understood (see the warnings above)",
        f"low coverage: {UNUSED.name}: only 2 of 4 responsibility annotations were used; this "
        "plan's conventions were probably not understood (see the warnings above)",
    ]
    assert by_file[FLAT.name]["low_coverage"] is None
