"""Candidate mentions: what the program, platform and industry finders return before merging.

A candidate is a Mention in the making: besides the span and name it remembers how it was found
(``via``) and, for an item of a list, the list's head, which the relation rules read. Overlapping
candidates are resolved here: the longer span wins, so 天鹅湖未来科学城菁英计划 is one program,
not a program around a platform.
"""

from __future__ import annotations

from bisect import bisect_left
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
    # named inside the name of a program or platform (沧渚总部商务区 in 沧渚总部商务区项目): a
    # mention, but no actor of the sentence or the section it is named in
    nested: bool = False

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
    empty = any(c.end <= c.start for c in ranked)  # then no bisection: scan as overlaps() says
    kept: list[Candidate] = []
    by_span: dict[tuple[int, int, str], Candidate] = {}
    # the kept spans never overlap one another: sorted by start, a new span overlaps a kept one
    # only if it overlaps its neighbour on either side (bisection instead of a scan of all)
    starts: list[int] = []
    ends: list[int] = []
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
        if empty:
            if any(overlaps(cand, k) for k in kept):
                continue
        else:
            at = bisect_left(starts, cand.start)
            if (at < len(starts) and starts[at] < cand.end) or (at > 0
                                                                and ends[at - 1] > cand.start):
                continue
            starts.insert(at, cand.start)
            ends.insert(at, cand.end)
        kept.append(cand)
        by_span[(cand.start, cand.end, cand.kind)] = cand
    return sorted(kept, key=lambda c: (c.start, c.end))


class Spans:
    """A fixed set of spans, asked many times whether one overlaps a given span: bisection on
    the starts and the running maximum of the ends instead of a scan of all.

    >>> spans = Spans([(2, 5), (8, 9)])
    >>> [spans.overlap(s, e) for s, e in [(0, 2), (4, 6), (5, 8), (8, 12)]]
    [False, True, False, True]
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.max_end: list[int] = []
        for _, e in ordered:
            self.max_end.append(max(e, self.max_end[-1]) if self.max_end else e)

    def overlap(self, start: int, end: int) -> bool:
        """Whether some span ``(s, e)`` has ``s < end and start < e``."""
        before = bisect_left(self.starts, end)  # the spans with s < end
        return before > 0 and self.max_end[before - 1] > start
