"""``plankg evaluate`` end to end: on a graph file written by ``plankg build``, and on a plan text.

The commands run as a user runs them (``python -m plankg …`` in a subprocess, from the project
folder). The gold files are annotations typed from the plan texts (tests/data/README.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_paths import CHENGLAN, GOLD

ROOT = Path(__file__).resolve().parent.parent


def plankg(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "plankg", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def table(output: str) -> dict[str, tuple[int, int, int]]:
    """type → (gold, found, correct) from the table ``plankg evaluate`` prints."""
    rows = {}
    for line in output.splitlines():
        cells = [c.strip() for c in line.strip().strip("│").split("│")]
        if len(cells) == 7 and cells[1].isdigit():
            rows[cells[0]] = (int(cells[1]), int(cells[2]), int(cells[3]))
    return rows


@pytest.fixture(scope="module")
def corpus_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "g.trig"
    done = plankg("build", "corpus", "-o", str(out))
    assert done.returncode == 0, done.stderr
    return out


def test_evaluate_a_graph_written_by_build(corpus_graph: Path) -> None:
    done = plankg("evaluate", str(GOLD / "jiaxing-xiuzhou-talent-plan-2021-2025.json"),
                  "--graph", str(corpus_graph))
    assert done.returncode == 0, done.stderr
    rows = table(done.stdout)
    # the gold file's own counts: 30 programs, 39 platforms, 35 industries (光电 added for
    # issue 12: 光电科技园 carries it)
    assert {k: rows[k][0] for k in ("program", "platform", "industry")} == {
        "program": 30, "platform": 39, "industry": 35}
    for kind in ("program", "platform", "industry", "program-industry", "platform-industry"):
        gold, found, correct = rows[kind]
        assert correct / found >= 0.8 and correct / gold >= 0.8, (kind, rows[kind])


def test_department_relations_of_tasks_match_in_a_built_graph(corpus_graph: Path) -> None:
    # 秀洲 四、（四）“强化党管人才，升级人才支持政策”: 组织部门牵头抓总 …
    # 各部门、各乡镇（街道）密切配合
    done = plankg("evaluate",
                  str(GOLD / "jiaxing-xiuzhou-talent-plan-2021-2025.departments.json"),
                  "--graph", str(corpus_graph))
    assert done.returncode == 0, done.stderr
    rows = table(done.stdout)
    assert rows["lead-department"] == (3, 3, 3)
    assert rows["support-department"] == (3, 3, 3)


def test_a_gold_file_for_a_plan_not_in_the_graph(corpus_graph: Path) -> None:
    done = plankg("evaluate", str(GOLD / "chenglan-talent-plan-2021-2025.json"),
                  "--graph", str(corpus_graph))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith("Error: ") and "chenglan-talent-plan-2021-2025.txt" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_scoring_a_text_scores_what_build_writes(tmp_path: Path) -> None:
    # Scoring the plan text directly must see the Task nodes a build writes: the fixture plan's
    # responsibility annotations ("（牵头单位：县委组织部；配合单位：…）") hang on its tasks.
    gold = str(GOLD / "chenglan-talent-plan-2021-2025.json")
    direct = plankg("evaluate", gold)
    assert direct.returncode == 0, direct.stderr
    out = tmp_path / "chenglan.trig"
    assert plankg("build", str(CHENGLAN), "-o", str(out)).returncode == 0
    built = plankg("evaluate", gold, "--graph", str(out))
    assert built.returncode == 0, built.stderr
    assert table(direct.stdout) == table(built.stdout)
    gold_lead, _, correct_lead = table(direct.stdout)["lead-department"]
    assert gold_lead == 19 and correct_lead >= 17, table(direct.stdout)
    gold_support, _, correct_support = table(direct.stdout)["support-department"]
    assert gold_support == 36 and correct_support >= 32, table(direct.stdout)
