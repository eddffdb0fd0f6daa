"""The facts of invented sentences under an invented plan title, for the tests of single rules."""

from __future__ import annotations

from plankg.graph.extract.extractor import Facts, extract_facts
from plankg.graph.extract.lexicon import load_lexicon
from plankg.graph.text.structure import parse_document


def extract_under(title: str, body: str, *, empty: bool) -> Facts:
    """The facts of ``body`` printed under the plan title ``title`` (one line), with the default
    lexicon or, when ``empty``, none."""
    return extract_facts(parse_document(title + body), lexicon=load_lexicon(empty=empty))


def relations(facts: Facts, predicate: str) -> set[tuple[str, str]]:
    """The (subject name, object name) pairs of ``predicate``."""
    return {(r.subject[1], r.object[1]) for r in facts.relations if r.predicate == predicate}
