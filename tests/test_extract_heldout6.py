"""The sixth held-out fixture (赣湄市数字经济发展“十四五”规划, decision 051), written blind and
scored once before any rule was changed for it (docs/heldout/ganmei-first-run.txt); floors 0.05
under the figures after round twelve (docs/extraction.md), default lexicon."""

from __future__ import annotations

from heldout import assert_floors, scores_of

FLOORS = {  # after round twelve, default lexicon, minus 0.05 (first run in the comments)
    "program": (0.95, 0.95),  # first run 0.75 / 1.00
    "platform": (0.90, 0.95),  # 0.78 / 0.74
    "industry": (0.83, 0.91),  # 0.70 / 0.90
    "department": (0.95, 0.95),  # 0.89 / 0.94
    "program-industry": (0.86, 0.89),  # 0.66 / 0.94
    "platform-industry": (0.82, 0.93),  # 0.69 / 0.69
    "program-platform": (0.73, 0.95),  # 0.83 / 0.71
    "program-parent": (0.95, 0.95),  # 0.47 / 1.00
    "lead-department": (0.95, 0.93),  # 0.98 / 0.96
    "support-department": (0.95, 0.95),  # 0.94 / 0.94
    "indicator-target": (0.95, 0.95),  # 1.00 / 1.00
}


def test_held_out_digital_economy_fixture(tmp_path) -> None:
    by_type = scores_of(tmp_path, "ganmei-digital-economy-plan-2021-2025.json")
    assert by_type["region"].correct == 1  # 赣湄市
    assert_floors(by_type, FLOORS)
    # 表1 (blank line between cells, 16 period targets, one cell with two scoped values) and
    # 表2 (one plain cell a line: 计划任务 is the period's target, the 2021 column is not)
    assert by_type["indicator-target"].correct == 22
