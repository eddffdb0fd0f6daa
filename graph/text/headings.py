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
_NUM = "0-9０-９"
# (style, rank, pattern): rank orders the conventions from outermost to innermost. The pattern's
# group "n" is the numbering as printed, "t" the rest of the line.
_HEADINGS: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("第X编", 0, re.compile(rf"^(?P<n>第[{CN_DIGITS}]+[编篇部分]+)\s*(?P<t>.*)$")),
    ("第X章", 1, re.compile(rf"^(?P<n>第[{CN_DIGITS}]+章)\s*(?P<t>.*)$")),
    ("第X节", 2, re.compile(rf"^(?P<n>第[{CN_DIGITS}]+节)\s*(?P<t>.*)$")),
    ("一、", 3, re.compile(rf"^(?P<n>[{CN_DIGITS}]+[、．.])\s*(?P<t>\S.*)$")),
    ("（一）", 4, re.compile(rf"^(?P<n>[（(][{CN_DIGITS}]+[）)])\s*(?P<t>\S.*)$")),
    ("1.", 5, re.compile(rf"^(?P<n>[{_NUM}]{{1,2}}[.．、](?![{_NUM}]))\s*(?P<t>\S.*)$")),
    ("（1）", 6, re.compile(rf"^(?P<n>[（(][{_NUM}]{{1,2}}[）)])\s*(?P<t>\S.*)$")),
    ("①", 7, re.compile(r"^(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*(?P<t>\S.*)$")),
    ("——", 8, re.compile(r"^(?P<n>——|—{2,})\s*(?P<t>\S.*)$")),
)
TABLE = "表N："
TABLE_CAPTION = re.compile(rf"^(?P<n>[续]?表\s*(?:[{_NUM}]+|[{CN_DIGITS}]+)\s*[:：])\s*(?P<t>.*)$")
# Outer styles that reliably start a heading anywhere, used to bound a table's text.
_HARD_STYLES = {"第X编", "第X章", "第X节", "一、", "（一）"}


def find_numbering(content: str) -> tuple[str, int, re.Match[str]] | None:
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

