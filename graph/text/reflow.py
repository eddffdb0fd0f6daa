"""Prose wrapped at a fixed width, as text extracted from a PDF without layout prints it, joined
back into its paragraphs.

A PDF's text layer gives one printed line per line: a sentence (and a name, `市发改` / `委`) runs
on over the line break. A text is **wrapped** when most of its prose lines have one length (the
page's width in characters, ``width``): at least ``MIN_WRAPPED_SHARE`` of its lines of
``MIN_PROSE`` characters or more are within one character of the commonest length, which lies
between ``MIN_WIDTH`` and ``MAX_WIDTH``, and hardly any line is much longer (a text keeping one
paragraph a line is never wrapped). Only then are lines joined, the line break (and blanks
around it) taken out, where

- the line stops mid-sentence (it does not end in 。！？；：or a closing mark) and is at least
  ``NARROW`` of the width (a box or a table cell printed narrower wraps too), or
- the line runs to the full width (a paragraph's last line is shorter);

and never where the next line opens a heading (`1.` `（二）` `第三章` `专栏2`, a page number glued
before one: `9第四章…`; a heading or a box item of most of the width printed without a stop,
`（一）建设…中心城市` / `1.完善…`, is not run on into the next), where either line holds a
blank inside (table rows, `表1 …`, `第一节 发展基础`) or where the next line is blank. A
sentence that a page number alone (`— 12 —`) breaks mid-sentence is joined over it, and the
page number is printed after the paragraph (`（牵头` / `— 12 —` / `单位：…）` is one
annotation; in a text that is not wrapped the parts stay apart, decision 019). Every offset of
the document indexes the joined text (graph/text/reading.py); a text that is not wrapped is
returned unchanged (decision 046), but for its ``专栏`` boxes: a box printed at a fixed width
in a text whose paragraphs are one a line has its entries joined (``_join_box_lines``).

>>> line = "临川市加快发展现代物流，完善城乡配送网络，建设县级物流配送"
>>> wrapped = "\\n".join([line + "中心和乡", "镇快递服务站。"] * 30)
>>> reflow(wrapped).splitlines()[0]
'临川市加快发展现代物流，完善城乡配送网络，建设县级物流配送中心和乡镇快递服务站。'
>>> reflow("一、总体要求\\n（一）目标\\n") == "一、总体要求\\n（一）目标\\n"
True
"""

from __future__ import annotations

import re
from collections import Counter

from plankg.graph.text.headings import find_numbering

MIN_PROSE = 15  # characters: shorter lines are headings, cells, signatures
MIN_LINES = 30  # a wrapped text has at least this many lines at its width
MIN_WRAPPED_SHARE = 0.3
MIN_WIDTH, MAX_WIDTH = 20, 80
MAX_LONG_SHARE = 0.05  # lines over twice the width: a text keeping paragraphs on one line
NARROW = 0.75
_ENDS = tuple("。！？；：!?;:”’」』）)】")
_BLANK_INSIDE = re.compile(r"\S[ \t\u3000]+\S")
_PAGE_ALONE = re.compile(r"^[-—–－]+\s*\d{1,4}\s*[-—–－]+$|^第\s*\d{1,4}\s*页")
_GLUED_PAGE = re.compile(r"^\d{1,3}(?=\D)")
_BOX_CAPTION = re.compile(r"^专栏\s*[0-9０-９一二三四五六七八九十]+")
# the head of a box's entry: a name and a colon ("白鹭湖科创园：重点发展…")
_ENTRY_HEAD = re.compile(r"^[^，。；：:、]{2,24}[：:]")
MIN_BOX_WIDTH = 20  # characters: a box narrower than this prints names, not wrapped prose


def wrap_width(lines: list[str]) -> int | None:
    """The width the text's prose is wrapped at, or None when it is not wrapped."""
    prose = [len(line) for line in lines if len(line) >= MIN_PROSE]
    if len(prose) < MIN_LINES:
        return None
    width, _ = Counter(prose).most_common(1)[0]
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    at_width = sum(1 for n in prose if abs(n - width) <= 1)
    too_long = sum(1 for n in prose if n > 2 * width)
    if at_width < MIN_LINES or at_width < MIN_WRAPPED_SHARE * len(prose) \
            or too_long > MAX_LONG_SHARE * len(prose):
        return None
    return width


def _opens_heading(line: str) -> bool:
    if find_numbering(line) is not None:
        return True
    glued = _GLUED_PAGE.match(line)
    return glued is not None and find_numbering(line[glued.end():]) is not None


def _mid_sentence(line: str, width: int) -> bool:
    return not line.endswith(_ENDS) and len(line) >= NARROW * width \
        and not _BLANK_INSIDE.search(line)


def _joins(line: str, following: str, width: int) -> bool:
    if not line or not following or _PAGE_ALONE.match(following) or _PAGE_ALONE.match(line):
        return False
    if _BLANK_INSIDE.search(line) or _BLANK_INSIDE.search(following) or _opens_heading(following):
        return False
    return _mid_sentence(line, width) or len(line) >= width - 1


def reflow(text: str) -> str:
    """``text`` with its wrapped prose lines joined; unchanged when it is not wrapped."""
    lines = text.split("\n")
    stripped = [line.strip(" \t\u3000") for line in lines]
    width = wrap_width(stripped)
    if width is None:
        return _join_box_lines(lines, stripped)
    out = [lines[0]]
    pending: list[str] = []  # page numbers a joined sentence ran over: printed after it
    last = stripped[0]  # the physical line ``out[-1]`` ends with
    i = 1
    while i < len(lines):
        over_page = (i + 1 < len(lines) and _PAGE_ALONE.match(stripped[i]) is not None
                     and _mid_sentence(last, width) and _joins(last, stripped[i + 1], width))
        if over_page:
            pending.append(lines[i])
            i += 1
        if _joins(last, stripped[i], width):
            out[-1] = out[-1].rstrip(" \t\u3000") + lines[i].lstrip(" \t\u3000")
        else:
            out.extend(pending)
            pending = []
            out.append(lines[i])
        last = stripped[i]
        i += 1
    out.extend(pending)
    return "\n".join(out)


def _join_box_lines(lines: list[str], stripped: list[str]) -> str:
    """In a text whose prose is not wrapped, the lines of a ``专栏`` box that is: a box printed
    at a fixed width (two lines or more at its longest length, of ``MIN_BOX_WIDTH`` characters
    or more) runs an entry on over the line break ("…重点发展…等科技服务" / "业，布局…").
    A line at the box's width that stops mid-sentence is joined to the next, unless the next
    opens an entry (`名称：`) or a heading, or either holds a blank inside; a box ends at a blank
    line or a heading. Unchanged when no box is wrapped."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        out.append(lines[i])
        if not _BOX_CAPTION.match(stripped[i]):
            i += 1
            continue
        end = i + 1
        while end < len(lines) and stripped[end] and not _opens_heading(stripped[end]):
            end += 1
        body = [k for k in range(i + 1, end) if not _PAGE_ALONE.match(stripped[k])]
        lengths = Counter(len(stripped[k]) for k in body)
        width = max(lengths, default=0)
        wrapped = width >= MIN_BOX_WIDTH and lengths[width] + lengths[width - 1] >= 2
        last = ""
        for k in range(i + 1, end):
            line = stripped[k]
            if wrapped and last and len(last) >= width - 1 and not last.endswith(_ENDS) \
                    and not _PAGE_ALONE.match(line) and not _ENTRY_HEAD.match(line) \
                    and not _BLANK_INSIDE.search(last) and not _BLANK_INSIDE.search(line):
                out[-1] = out[-1].rstrip(" \t\u3000") + lines[k].lstrip(" \t\u3000")
                last = line  # a line joined: its end is what the next may run on from
                continue
            out.append(lines[k])
            last = "" if _PAGE_ALONE.match(line) else line
        i = end
    return "\n".join(out)
