"""Page numbers a PDF's text extraction left in a plan's text: alone on a line ("— 31 —",
"第31页") or glued to the first line of the next page ("16资金安排…", "15三、强化…").

A number at a line start is a page number only when it belongs to the page-number sequence of
the document: numbers that increase through the text at plausible page intervals (so many
characters per page). A leading number that is text is never taken: ``16个重点项目``,
``2025年``, ``15家。`` (a figure wrapped onto a new line) are followed by a unit or measure word,
``16.`` and ``16 城镇调查失业率`` (a list item, a table row) are not glued to a word, and a lone
number that fits no sequence stays text.

>>> from plankg.graph.text.lines import split_lines
>>> body = "甲" * 900
>>> text = (f"{body}\\n— 14 —\\n{body}在用地、\\n15资金安排等方面给予支持。\\n"
...         f"{body}\\n16个重点项目\\n")
>>> [(p.number, text[p.start:p.end], p.alone) for p in find_page_numbers(split_lines(text))]
[(14, '— 14 —', True), (15, '15', False)]
"""

from __future__ import annotations

import re

from plankg.graph.text.document import PageNumber
from plankg.graph.text.lines import Line

_ALONE = re.compile(
    r"^(?:[-—–－]+\s*(\d{1,4})\s*[-—–－]+|第\s*(\d{1,4})\s*页(?:\s*共\s*\d+\s*页)?)$"
)
# After a glued page number comes a word, never a unit or measure word (16个, 15家, 2025年 …).
_MEASURE = "年月日时号期版届个项家名位件所座台辆套户条种类批次倍岁元万亿千百余多米吨亩天周%％"
_GLUED = re.compile(rf"^(\d{{1,3}})(?=[\u4e00-\u9fff“《（(])(?![{_MEASURE}])(?!人(?![才民]))")
# Characters of text per page: a page holding a full-page table or chart prints little text, a
# dense page some thousands of characters.
MIN_PAGE_CHARS = 40
MAX_PAGE_CHARS = 6000
_ALONE_WEIGHT = 2  # a number alone on its line is certain, a glued one only with support
MIN_CHAIN_WEIGHT = 3  # a glued number is a page number in a sequence of at least this weight
# A page follows one of the few candidates before it; bounding the look-back keeps a hostile
# text of thousands of "1甲…" lines linear.
LOOK_BACK = 32


def find_page_numbers(lines: list[Line]) -> list[PageNumber]:
    """The page numbers printed in ``lines``, in text order: every one alone on its line, and
    the glued ones that continue the document's page-number sequence."""
    candidates: list[PageNumber] = []
    for line in lines:
        alone = _ALONE.match(line.content)
        if alone:
            number = int(alone.group(1) or alone.group(2))
            candidates.append(PageNumber(number, line.start, line.end, alone=True))
            continue
        glued = _GLUED.match(line.content)
        if glued:
            candidates.append(
                PageNumber(int(glued.group(1)), line.start, line.start + glued.end(1), alone=False)
            )
    chain = _best_chain(candidates)
    weight = sum(_weight(p) for p in chain)
    taken = {id(p) for p in chain} if weight >= MIN_CHAIN_WEIGHT else set()
    return [p for p in candidates if p.alone or id(p) in taken]


def _weight(page: PageNumber) -> int:
    return _ALONE_WEIGHT if page.alone else 1


def _fits(before: PageNumber, after: PageNumber) -> bool:
    """Whether ``after`` can be a later page than ``before``: a higher number, at a plausible
    number of characters per page."""
    pages = after.number - before.number
    if pages <= 0:
        return False
    per_page = (after.start - before.start) / pages
    return MIN_PAGE_CHARS <= per_page <= MAX_PAGE_CHARS


def _best_chain(candidates: list[PageNumber]) -> list[PageNumber]:
    """The heaviest increasing sequence of candidates at plausible page intervals."""
    if not candidates:
        return []
    best: list[int] = []  # weight of the best chain ending at each candidate
    back: list[int | None] = []
    for j, page in enumerate(candidates):
        # the first page of a chain must not lie before the text its number implies
        first_ok = page.start >= (page.number - 1) * MIN_PAGE_CHARS
        score, link = (_weight(page), None) if first_ok else (0, None)
        for i in range(max(0, j - LOOK_BACK), j):
            if best[i] > 0 and best[i] + _weight(page) > score and _fits(candidates[i], page):
                score, link = best[i] + _weight(page), i
        best.append(score)
        back.append(link)
    end = max(range(len(candidates)), key=lambda k: best[k])
    chain: list[PageNumber] = []
    at: int | None = end if best[end] > 0 else None
    while at is not None:
        chain.append(candidates[at])
        at = back[at]
    return chain[::-1]
