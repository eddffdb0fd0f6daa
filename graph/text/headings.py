"""Heading numbering: the conventions Chinese policy documents number their headings with.

One line is read on its own: ``find_numbering`` names the convention (its style and rank, from
outermost to innermost) and splits the numbering from the title. The heading tree
(``structure``) and the table reader (``tables``, to know where a table's text ends) both read
lines through this module.

>>> find_numbering("（二）构建开放灵活的人才招引机制")[:2]
('（一）', 4)
>>> opens_section("一、总体要求"), opens_section("1.规模扩大")
(True, False)
"""

from __future__ import annotations

import re

CN_DIGITS = "一二三四五六七八九十百零〇"
BOX = "专栏N"
_NUM = "0-9０-９"
# (style, rank, pattern): rank orders the conventions from outermost to innermost. The pattern's
# group "n" is the numbering as printed, "t" the rest of the line.
# Outline numbering (3.1 / 3.1.1) ranks between （一） and 1.: its number is followed by a blank
# or by a word, never by a unit or figure ("2.5万人" starts a sentence, not a heading).
_OUTLINE_NEXT = (r"(?=[ \t\u3000]|[\u4e00-\u9fff“《]"
                 r"(?<![万亿千百个倍年月日元人名项家件左以上下内%％]))")
_HEADINGS: tuple[tuple[str, float, re.Pattern[str]], ...] = (
    ("第X编", 0, re.compile(rf"^(?P<n>第[{CN_DIGITS}]+[编篇部分]+)\s*(?P<t>.*)$")),
    ("第X章", 1, re.compile(rf"^(?P<n>第[{CN_DIGITS}]+章)\s*(?P<t>.*)$")),
    ("第X节", 2, re.compile(rf"^(?P<n>第[{CN_DIGITS}]+节)\s*(?P<t>.*)$")),
    ("一、", 3, re.compile(rf"^(?P<n>[{CN_DIGITS}]+[、．.])\s*(?P<t>\S.*)$")),
    ("（一）", 4, re.compile(rf"^(?P<n>[（(][{CN_DIGITS}]+[）)])\s*(?P<t>\S.*)$")),
    ("1.1.1", 4.2, re.compile(rf"^(?P<n>[{_NUM}]{{1,2}}\.[{_NUM}]{{1,2}}\.[{_NUM}]{{1,2}})"
                              rf"(?![{_NUM}.．]){_OUTLINE_NEXT}\s*(?P<t>\S.*)$")),
    ("1.1", 4.1, re.compile(rf"^(?P<n>[{_NUM}]{{1,2}}\.[{_NUM}]{{1,2}})(?![{_NUM}.．])"
                            rf"{_OUTLINE_NEXT}\s*(?P<t>\S.*)$")),
    ("1.", 5, re.compile(rf"^(?P<n>[{_NUM}]{{1,2}}[.．、](?![{_NUM}]))\s*(?P<t>\S.*)$")),
    ("（1）", 6, re.compile(rf"^(?P<n>[（(][{_NUM}]{{1,2}}[）)])\s*(?P<t>\S.*)$")),
    ("①", 7, re.compile(r"^(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*(?P<t>\S.*)$")),
    ("——", 8, re.compile(r"^(?P<n>——|—{2,})\s*(?P<t>\S.*)$")),
    # a box printed in a chapter: "专栏3  重大人才工程"; its lines are its text (structure.py)
    (BOX, 9, re.compile(rf"^(?P<n>专栏\s*(?:[{_NUM}]+|[{CN_DIGITS}]+))(?![{_NUM}])[:：\s]*"
                        r"(?P<t>\S.*)$")),
)
TABLE = "表N："
# "表1：…", or "表3  …" with blanks instead of the colon
TABLE_CAPTION = re.compile(rf"^(?P<n>[续]?表\s*(?:[{_NUM}]+|[{CN_DIGITS}]+)"
                           r"(?:\s*[:：]|(?=[ \t\u3000]+\S)))\s*(?P<t>.*)$")
# Outer styles that reliably start a heading anywhere, used to bound a table's text.
_HARD_STYLES = {"第X编", "第X章", "第X节", "一、", "（一）", "1.1", "1.1.1", BOX}


def find_numbering(content: str) -> tuple[str, float, re.Match[str]] | None:
    """The convention, rank and match of the numbering ``content`` starts with."""
    match = TABLE_CAPTION.match(content)
    if match:
        return TABLE, -1, match
    for style, rank, pattern in _HEADINGS:
        match = pattern.match(content)
        if match:
            return style, rank, match
    return None


def split_numbering(content: str) -> tuple[str, str]:
    """``content`` as (numbering, the rest); the numbering is "" when there is none.

    >>> split_numbering("（二）构建开放灵活的人才招引机制"), split_numbering("人才招引")
    (('（二）', '构建开放灵活的人才招引机制'), ('', '人才招引'))
    """
    found = find_numbering(content)
    if found is None:
        return "", content
    match = found[2]
    return match.group("n"), match.group("t")


def opens_section(content: str) -> bool:
    """Whether a line starts an outer heading (一、, （一）, 第X章 …) or a 表N： caption: what ends
    the text of a table."""
    found = find_numbering(content)
    return found is not None and (found[0] in _HARD_STYLES or found[0] == TABLE)

