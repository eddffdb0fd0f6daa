"""An encoding variant of a bundled plan gives the graph of the UTF-8 original.

The bundled 秀洲 plan is written as GB18030, UTF-8 with a byte-order mark and UTF-16 with one,
each under the same file name in its own folder, and built for real. The graphs must be the
same quads apart from what describes the file itself: its SHA-256 and the encoding it was
decoded with.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_paths import XIUZHOU

from plankg.graph.rdf.build import build_dataset

FILE_FACTS = ("<https://w3id.org/plankg/ontology#sha256>",
              "<https://w3id.org/plankg/ontology#encoding>")


def quads_of(path: Path) -> list[str]:
    build = build_dataset([path])
    return sorted(line for line in build.nquads.splitlines()
                  if not any(fact in line for fact in FILE_FACTS))


@pytest.fixture(scope="module")
def original() -> list[str]:
    return quads_of(XIUZHOU)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16"])
def test_a_variant_gives_the_same_graph(tmp_path: Path, original: list[str],
                                        encoding: str) -> None:
    variant = tmp_path / XIUZHOU.name
    variant.write_bytes(XIUZHOU.read_text(encoding="utf-8").encode(encoding))
    assert variant.read_bytes() != XIUZHOU.read_bytes()
    assert len(original) > 5000
    assert quads_of(variant) == original
