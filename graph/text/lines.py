"""Lines of a text with their offsets, the unit the header and heading parsers work on.

>>> [(l.start, l.end, l.content, l.indented) for l in split_lines("ab\\n\\n\\t c \\n")]
[(0, 2, 'ab', False), (3, 3, '', False), (6, 7, 'c', True)]

A plan saved without line breaks (a scraped page flattened to one line) still has its
headings: a line longer than ``LONG_LINE`` is cut, without changing the text, before each
heading number that starts a sentence (``一、`` ``（一）`` ``第一章`` ``1.`` after ``。；：``),
before a ``（一）`` that follows a short ``一、`` heading, and, at its head, after the notice's
title, its recipients, the date closing it and the plan's title. Each piece is a line of its
own (its own number), with offsets into the same text.

>>> text = "青梧区人才规划" * 150 + "。一、总体要求（一）指导思想坚持人才引领。（二）目标。"
>>> [l.content[:8] for l in split_lines(text)][1:]
['一、总体要求', '（一）指导思想坚', '（二）目标。']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
# ASCII and ideographic spaces and tabs; the content of a line is what lies between them.
_BLANK = " \t\u3000\u00a0\ufeff"

LONG_LINE = 1000  # characters: longer than any heading or paragraph line of a printed plan
HEAD_ZONE = 2000  # characters at the head of a long line where a notice's date can close it
_NUMBER = "[一二三四五六七八九十]{1,3}"
_CHAPTER = "第[一二三四五六七八九十百]{1,4}[章节部分篇]"
_CJK_HEADING = rf"(?:{_NUMBER}、|（{_NUMBER}）|\({_NUMBER}\)|{_CHAPTER})"
# a heading number right after the end of a sentence (spaces between allowed); a Chinese
# numeral also after a digit, the last cell of a table flattened into the line
_AFTER_SENTENCE = re.compile(
    rf"(?:(?<=[。；！？：!?;:])[ \t\u3000]*(?={_CJK_HEADING}|\d{{1,2}}[.．、](?![\d.．]))"
    rf"|(?<=[0-9])(?={_NUMBER}、[^\d]))"
)
# ``一、发展基础（一）…``: the first sub-heading right behind a short top-level heading
_TOP = re.compile(rf"(?:{_NUMBER}、|{_CHAPTER})[^。；，,（(]{{1,30}}?(?=（{_NUMBER}）)")
# the head of a flattened plan: ``……的通知`` | recipients ``：`` | notice | issuers | the date
# (``2021年12月31日``) | the title, up to its document word and any ``（2021—2025年）``
_HEAD_CUTS = re.compile(
    r"(?<=的通知)|(?<=[：:])|(?<=[。 \u3000])(?=(?:19|20)\d\d年\d{1,2}月\d{1,2}日)"
)
_CLOSING_DATE = re.compile(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日(?=[ \u3000]*[\u4e00-\u9fff《“])")
_TITLE_END = re.compile(r"(?:规划|计划|方案|意见|纲要|办法|通知)(?:[（(][^）)]{1,20}[）)])?")
MAX_TITLE = 80


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    start: int  # offset of the first non-blank character (line start when blank)
    end: int  # offset after the last non-blank character
    content: str
    indented: bool  # begins with a tab or spaces

    @property
    def blank(self) -> bool:
        return not self.content


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    for match in _LINE.finditer(text):
        if not match.group():
            break
        end = match.start() + len(match.group().rstrip("\r\n"))
        for start, stop in _pieces(text, match.start(), end):
            raw = text[start:stop]
            lead = len(raw) - len(raw.lstrip(_BLANK))
            content = raw.strip(_BLANK)
            first = start + (lead if content else 0)
            lines.append(Line(len(lines) + 1, first, first + len(content), content,
                              lead > 0 and bool(content)))
    return lines


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The line ``text[start:end]``, cut where a long line holds several (linear: each pattern
    is one forward scan of the line, its lookbehinds and lookaheads of fixed small width)."""
    if end - start <= LONG_LINE:
        yield start, end
        return
    cuts = {m.start() for m in _AFTER_SENTENCE.finditer(text, start, end)}
    cuts.update(m.end() for m in _TOP.finditer(text, start, end))
    head = min(end, start + HEAD_ZONE)
    first_heading = min((c for c in cuts if c > start), default=end)
    cuts.update(m.start() for m in _HEAD_CUTS.finditer(text, start, min(head, first_heading)))
    date = _CLOSING_DATE.search(text, start, min(head, first_heading))
    if date is not None:  # the title follows the date closing the notice
        cuts.add(date.end())
        title = _TITLE_END.search(text, date.end(), min(first_heading, date.end() + MAX_TITLE))
        if title is not None:
            cuts.add(title.end())
    at = start
    for cut in sorted(c for c in cuts if start < c < end):
        yield at, cut
        at = cut
    yield at, end
