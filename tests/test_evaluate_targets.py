"""`plankg evaluate` scores indicator targets and the plan's region (gold keys "indicator-target"
and "region", docs/extraction.md "Gold annotations").

The gold files under tests/data/tables/gold/ were typed from the fixture texts, one entry per
target value of a table row.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plankg.errors import InputError
from plankg.graph.extract.evaluate import read_gold, score
from plankg.graph.rdf.build import build_dataset
from plankg.queries.sources import open_source

DATA = Path(__file__).resolve().parent / "data" / "tables"


def scores(name: str, tmp_path: Path) -> dict[str, tuple[int, int, int]]:
    gold = read_gold(DATA / "gold" / f"{name}.json")
    out = tmp_path / "g.trig"
    build = build_dataset([DATA / gold.document])
    out.write_text(build.dataset.serialize(format="trig"), encoding="utf-8")
    source = open_source(graph=out)
    return {s.type: (s.gold, s.predicted, s.correct) for s in score(gold, source)}


@pytest.mark.parametrize("name", ["pdf-flat-main-indicators", "cell-per-line-plain"])
def test_indicator_targets_and_region_are_scored(name: str, tmp_path: Path) -> None:
    found = scores(name, tmp_path)
    assert found["region"] == (1, 1, 1)
    gold, predicted, correct = found["indicator-target"]
    assert gold == correct == predicted  # every target value of every row, nothing else


def test_a_wrong_target_counts_as_missed_and_spurious(tmp_path: Path) -> None:
    data = json.loads((DATA / "gold" / "cell-per-line-plain.json").read_text(encoding="utf-8"))
    data["indicator-target"][0][3] = "91"  # 旧改完成率 is 90 in the text
    data["region"] = "澄江市"
    gold_file = tmp_path / "gold.json"
    gold_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    build = build_dataset([DATA / "cell-per-line-plain.txt"])
    out = tmp_path / "g.trig"
    out.write_text(build.dataset.serialize(format="trig"), encoding="utf-8")
    by_type = {s.type: s for s in score(read_gold(gold_file), open_source(graph=out))}
    target = by_type["indicator-target"]
    assert (target.gold, target.correct) == (8, 7)
    assert target.missed == ["旧改完成率 % 2025 91"]
    assert target.spurious == ["旧改完成率 % 2025 90"]
    assert by_type["region"].correct == 0 and by_type["region"].spurious == ["青梧市"]


def test_a_malformed_target_entry_is_an_input_error(tmp_path: Path) -> None:
    gold_file = tmp_path / "gold.json"
    gold_file.write_text(json.dumps({"document": "x.txt", "indicator-target": [["a", "%"]]}),
                         encoding="utf-8")
    with pytest.raises(InputError, match="indicator-target must be a list"):
        read_gold(gold_file)
