"""The fourth held-out fixture (岚山市综合交通运输发展“十四五”规划, decision 045), written blind:
floors 0.05 under the first run (docs/heldout/lanshan-first-run.txt, default lexicon)."""

from __future__ import annotations

from heldout import assert_floors, scores_of

FLOORS = {  # first run, default lexicon, minus 0.05
    "program": (0.68, 0.95),
    "platform": (0.77, 0.62),
    "industry": (0.68, 0.69),
    "department": (0.74, 0.83),
    "program-industry": (0.57, 0.63),
    "platform-industry": (0.70, 0.46),
    "program-platform": (0.66, 0.45),
    "lead-department": (0.92, 0.92),
    "support-department": (0.84, 0.90),
    "indicator-target": (0.70, 0.70),
}


def test_held_out_transport_fixture(tmp_path) -> None:
    by_type = scores_of(tmp_path, "lanshan-transport-plan-2021-2025.json")
    assert by_type["region"].correct == 1  # 岚山市
    assert_floors(by_type, FLOORS)
    # 表1: 17 rows, 16 targets; 综合交通智慧化水平 (显著提升) is words and gives none
    assert by_type["indicator-target"].correct + len(by_type["indicator-target"].spurious) == 16
