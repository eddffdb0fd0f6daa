"""Scoring a held-out fixture plan against its gold, for the tests that keep floors on it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from corpus_paths import GOLD, TESTS

from plankg.graph.extract.evaluate import Score, read_gold, score
from plankg.graph.rdf.build import build_dataset
from plankg.queries.sources import open_source


def scores_of(tmp_path: Path, gold_file: str) -> dict[str, Score]:
    """The scores by type of the plan ``gold_file`` names, built to TriG and read back."""
    gold = read_gold(GOLD / gold_file)
    out = tmp_path / "g.trig"
    plan = TESTS / "data" / "plans" / gold.document
    out.write_text(build_dataset([plan]).dataset.serialize(format="trig"), encoding="utf-8")
    return {s.type: s for s in score(gold, open_source(graph=out))}


def assert_floors(by_type: Mapping[str, Score], floors: Mapping[str, tuple[float, float]]) -> None:
    """Every type at or above its (precision, recall) floor; the misses shown when not."""
    for kind, (p, r) in floors.items():
        assert by_type[kind].precision >= p and by_type[kind].recall >= r, (
            kind,
            by_type[kind].missed,
            by_type[kind].spurious,
        )
