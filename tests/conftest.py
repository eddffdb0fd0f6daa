"""Fixtures several test modules share: the lexicon, the three annotated plans, the mini store."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_paths import CHENGLAN, TESTS, WUXING, XIUZHOU
from rdflib import Dataset

from plankg.graph.extract.lexicon import Lexicon, load_lexicon
from plankg.graph.text.document import Document
from plankg.graph.text.structure import read_document
from plankg.queries import store

# the two bundled plans and the fixture plan written for the gold annotations
PLANS = (WUXING, XIUZHOU, CHENGLAN)
MINI = TESTS / "data" / "queries" / "mini.trig"


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    """The default lexicon (tests must not change it)."""
    return load_lexicon()


@pytest.fixture(scope="session")
def docs() -> dict[str, Document]:
    """The three annotated plans, read once, by file name."""
    return {p.name: read_document(p) for p in PLANS}


@pytest.fixture(scope="session")
def mini_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding tests/data/queries/mini.trig (three small named graphs)."""
    dataset = Dataset()
    dataset.parse(MINI, format="trig")
    path = tmp_path_factory.mktemp("mini") / "store"
    store.write_store(dataset, path)
    return path
