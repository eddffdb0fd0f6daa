"""Candidate mentions: what the program, platform and industry finders return before merging.

A candidate is a Mention in the making: besides the span and name it remembers how it was found
(``via``) and, for an item of a list, the list's head, which the relation rules read. Overlapping
candidates are resolved here: the longer span wins, so 天鹅湖未来科学城菁英计划 is one program,
not a program around a platform.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from plankg.graph.extract.facts import Mention
from plankg.graph.text.document import Section, Sentence

# how a candidate was found, strongest first where two find the same span
VIA_ORDER = {"lexicon": 0, "heading": 1, "rule": 2, "list": 3}


@dataclass
class Candidate:
    kind: str
    name: str
    start: int
    end: int
    sentence: Sentence
    section: Section | None
    via: str = "rule"
    attributes: dict[str, str] = field(default_factory=dict)
    head: str | None = None  # for a list item: the head after the list ("等重点产业")
    head_class: str | None = None  # industry / technology / platform / program / other
    head_end: int | None = None
    in_heading: bool = False
    counted: bool = False  # a figure follows: "入选…计划1个以上" counts it, does not run it

    def surface(self, text: str) -> str:
        return text[self.start:self.end]

    def mention(self, text: str) -> Mention:
        return Mention(
            kind=self.kind, name=self.name, surface=text[self.start:self.end], start=self.start,
            end=self.end, sentence=self.sentence, section=self.section,
            attributes=tuple(sorted(self.attributes.items())),
        )


def overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def resolve(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep, among overlapping candidates, the longest span (then the strongest ``via``).

    Candidates with the same span and kind are one: their attributes are merged.
    """
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), VIA_ORDER.get(c.via, 9),
                                               c.start))
    kept: list[Candidate] = []
    # Kept spans never overlap, so sorted by (start, end) their ends rise too: the kept span
    # with the largest end among those starting before ``cand.end`` is the one just before
    # ``cand.end`` in that order. A bisection per candidate keeps this linear-logarithmic in a
    # document of any size (a scan of ``kept`` made a 5 MB one-line file quadratic).
    spans: list[tuple[int, int]] = []
    by_span: dict[tuple[int, int, str], Candidate] = {}
    for cand in ranked:
        same = by_span.get((cand.start, cand.end, cand.kind))
        if same is not None:
            for key, value in cand.attributes.items():
                same.attributes.setdefault(key, value)
            same.in_heading = same.in_heading or cand.in_heading
            same.counted = same.counted or cand.counted
            if same.via == "heading" and cand.via != "heading":
                same.sentence = cand.sentence  # cite the paragraph's sentence, not the bare heading
            if same.head is None and cand.head is not None:
                same.head, same.head_class = cand.head, cand.head_class
                same.head_end = cand.head_end
            continue
        before = bisect.bisect_left(spans, (cand.end, -1))  # the spans starting before cand.end
        if before and spans[before - 1][1] > cand.start:
            continue
        kept.append(cand)
        spans.insert(before, (cand.start, cand.end))
        by_span[(cand.start, cand.end, cand.kind)] = cand
    return sorted(kept, key=lambda c: (c.start, c.end))
