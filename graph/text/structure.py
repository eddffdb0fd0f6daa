"""The heading tree of a plan text: sections, paragraphs and sentences with character offsets.

Chinese policy documents number their headings in a fixed family of conventions (第一章 /
一、 / （一） / 1. / （1） / ① / —— lead-ins) and print tables under 表N： captions. Each line is
classified on its own; a stack of open sections places it in the tree. Four habits of real
plans need care:

- **paragraph-headings**: "1.人才规模逐步壮大。到2025年…" is a heading (the lead phrase up to the
  first 。) and its own paragraph at once. The deeper numbered items after it are its children
  (``（一）制造强区人才行动计划。围绕……，实施如下重点项目：`` over ``2.临江工匠培育项目。…``,
  items numbered across the whole text); until one nests in it, it is a leaf: the next heading
  of another style, a table or an unnumbered paragraph belongs to the section above it.
- **tables**: a 表N： caption opens a table section that ends where the table parser says the last
  row ends; prose printed after the table is a paragraph of the enclosing section again.
- **unnumbered headings**: a plan sometimes prints a heading without its number (秀洲 prints its
  fifth task heading bare). A short line without punctuation, followed by body text, at a point
  where a numbered sibling list is open, becomes the next sibling with ``numbering_inferred``.
- **closing signature**: an 实施意见 or 通知 often ends with the issuing bodies and a date; those
  lines go into ``Metadata.issuers``/``issued_date`` (when the front matter had none), not into
  the last section.

>>> doc = parse_document("某区人才发展规划\\n一、总体要求\\n（一）目标\\n"
...                      "1.规模扩大。到2025年达到10万人。\\n")
>>> [(s.label, s.level, s.path) for s in doc.walk()]
[('一、总体要求', 1, (1,)), ('（一）目标', 2, (1, 1)), ('1.规模扩大', 3, (1, 1, 1))]
>>> [s.text for _, s in doc.sentences()]
['1.规模扩大。', '到2025年达到10万人。']
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from plankg.graph.text.document import Document, PageNumber, Paragraph, Section, Sentence
from plankg.graph.text.header import (
    PAGE_ARTEFACT,
    Header,
    document_type,
    parse_header,
    parse_signature,
    strip_page_artefact,
)
from plankg.graph.text.headings import (
    BOX,
    CN_DIGITS,
    TABLE,
    TABLE_CAPTION,
    find_numbering,
    opens_section,
)
from plankg.graph.text.inputs import read_input
from plankg.graph.text.lines import Line, split_lines
from plankg.graph.text.numerals import chinese_number, chinese_numeral
from plankg.graph.text.pages import find_page_numbers
from plankg.graph.text.tables import (
    FIRST_HEADER_CELLS,
    HEADER_WORDS,
    PAGE_NUMBER,
    header_lines,
    header_over_rows,
    parse_table,
)

_LEAD_END = re.compile(r"[。！？]")
_LEAD_CUT = re.compile(r"[，,：:；;]")  # where an over-long lead phrase is cut
# A sentence ends at 。！？ plus any closing quotes or brackets; ；does not end one (in these texts
# it joins the clauses of one sentence).
_SENTENCE = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”’」』）)]*|$)")
_CLAUSE_PUNCT = re.compile(r"[。，；：,;:！？、]")
_ENDS_SENTENCE = tuple("。！？；：!?;:”’」』）)")
MAX_LEAD = 60  # a lead phrase longer than this is not a heading title: cut at the first ，
MAX_UNNUMBERED = 30
MAX_FRONT = 12  # lines read as front matter when the text has no heading at all
MAX_HEADER_LINE = 300  # a header row rendered from HTML / Word: its cells on one line
MAX_CAPTION = 50  # a table caption printed without 表N (a PDF's "14临江区…主要指标") is short
# styles a page number glued to the line's front can hide ("15三、强化…")
# a paragraph that a responsibility annotation closes ("…。（牵头单位：市发改委，配合单位：…）"),
# with text of its own before the annotation
_ANNOTATED = re.compile(
    r"[^\s（(][（(]\s*[\u4e00-\u9fff]{2,6}(?:单位|部门)\s*[：:][^\n]*[）)][。.]?$"
)
MAX_ITEM_LINES = 40  # lines looked ahead for the annotation that closes an item
_GLUED_STYLES = {"第X编", "第X章", "第X节", "一、", "（一）", "1.1", "1.1.1", BOX}
_ITEM_STYLE, _ITEM_RANK = "1.", 5  # the numbered items of headings.py


@dataclass
class _Heading:
    style: str
    rank: float
    numbering: str
    title: str
    heading_start: int
    heading_end: int
    inline: bool  # the line goes on after the heading: a paragraph-heading
    inferred: bool = False  # printed without its number; ``numbering`` is the sibling's next
    uncaptioned: bool = False  # a table known by its header alone: the heading is its first line


def read_document(path: Path | str) -> Document:
    """Read and structure one plan file (raises InputError for input that is not plan text)."""
    source = read_input(Path(path))  # the reader is chosen by the file's content
    doc = parse_document(source.text, path=source.path, encoding=source.encoding,
                         sha256=source.sha256)
    doc.tables, doc.media_type = source.tables, source.media_type
    return doc


def parse_document(text: str, *, path: Path | str = "<text>", encoding: str = "utf-8",
                   sha256: str | None = None) -> Document:
    """Structure already decoded ``text``; offsets in the result index ``text``."""
    lines = split_lines(text)
    first = _first_heading(lines)
    front = lines[:first] if first is not None else lines[:MAX_FRONT]
    header = parse_header(front)
    body_from = first if first is not None else len(front)
    table = _table_in_front(front, header.title_line)
    if table is not None:  # a table printed before the first heading starts the body
        front, body_from = lines[:table], table
        header = parse_header(front)
    title, title_start, title_end = _title(text, header, Path(path))
    pages = find_page_numbers(lines)
    builder = _TreeBuilder(text, pages)
    for line in front:
        if line.number not in header.consumed and not line.blank:
            builder.preamble_line(line)
    body = [_unglued(line, builder.glued) for line in lines[body_from:]]
    signature = parse_signature(body)
    if signature is not None and not header.metadata.issuers \
            and header.metadata.issued_date is None:
        header.metadata.issuers, header.metadata.issued_date, closing = signature
        body = [line for line in body if line.number not in closing]
    builder.run(body)
    return Document(
        path=Path(path),
        text=text,
        encoding=encoding,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=title,
        title_start=title_start,
        title_end=title_end,
        doc_type=document_type(title),
        metadata=header.metadata,
        sections=builder.roots,
        preamble=builder.preamble,
        page_numbers=pages,
    )


def _unglued(line: Line, glued: dict[int, PageNumber]) -> Line:
    """``line`` without the page number glued before its first word ("16资金…" → "资金…")."""
    page = glued.get(line.start)
    if page is None:
        return line
    content = line.content[page.end - page.start :].lstrip(" \t\u3000")
    return dataclasses.replace(line, start=line.end - len(content), content=content)


def _first_heading(lines: list[Line]) -> int | None:
    """Index of the first line of the body: the first outermost-style heading, else any heading."""
    found: dict[int, int] = {}
    for i, line in enumerate(lines):
        heading = classify(line)
        if heading is not None and heading.style != TABLE:
            found.setdefault(heading.rank, i)
    if not found:
        return None
    return found[min(found)]


def _table_in_front(front: list[Line], title_line: Line | None) -> int | None:
    """Index of a 表N： caption after the title in the front matter, if one is printed there."""
    after = title_line.number if title_line is not None else 0
    for i, line in enumerate(front):
        if line.number > after and TABLE_CAPTION.match(line.content):
            return i
    return None


def _title(text: str, header: Header, path: Path) -> tuple[str, int, int]:
    if header.title_line is not None:
        return header.title, header.title_line.start, header.title_line.end
    if header.title:
        at = text.find(header.title)
        return header.title, at, at + len(header.title)
    return path.stem, 0, 0



def classify(line: Line) -> _Heading | None:
    """The heading a line starts with, or None for body text."""
    found = find_numbering(line.content) if line.content else None
    if found is None and PAGE_ARTEFACT.match(line.content):
        bare = strip_page_artefact(line)  # a PDF's page number glued to a heading
        found = find_numbering(bare.content)
        if found is None or found[0] not in _GLUED_STYLES:
            return None
        line = bare
    if found is None:
        return None
    style, rank, match = found
    return _heading(line, style, rank, match, inline=False if style == TABLE else None)


def _heading(line: Line, style: str, rank: float, match: re.Match[str], *,
             inline: bool | None = None) -> _Heading:
    numbering, rest = match.group("n"), match.group("t")
    rest_at = line.start + match.start("t")
    if inline is None:
        end = _LEAD_END.search(rest)
        inline = end is not None and end.end() < len(rest.rstrip())
        lead = rest[: end.start()] if end is not None else rest
        if len(lead) > MAX_LEAD:
            comma = _LEAD_CUT.search(lead)
            lead = lead[: comma.start()] if comma else lead[:MAX_LEAD]
            inline = True
        title = lead
    else:
        title = rest
    title = title.rstrip(" \t\u3000")
    return _Heading(style, rank, numbering, title, line.start, rest_at + len(title), inline)


class _TreeBuilder:
    def __init__(self, text: str, pages: list[PageNumber] = ()) -> None:
        self.text = text
        # a sentence broken by a page number is read as its two parts (docs/decisions/019)
        self.cuts = sorted((p.start, p.end) for p in pages)
        self.glued = {p.start: p for p in pages if not p.alone}
        self.roots: list[Section] = []
        self.preamble: list[Paragraph] = []
        self.stack: list[tuple[Section, _Heading]] = []
        self.paragraph: Paragraph | None = None  # the open paragraph a wrapped line continues
        self.skip_until = -1  # lines inside a table are the table's
        self.box_until = -1  # where the open 专栏 box ends
        self.resume: list[tuple[Section, _Heading]] | None = None  # the stack around a box
        self.floor = 0  # inside a box, the sections up to it stay open: its items nest in it
        self.last_item: str | None = None  # the numbering of the last "1." item opened

    # -- lines -----------------------------------------------------------------------------

    def preamble_line(self, line: Line) -> None:
        self._paragraph_line(line, self.preamble)

    def run(self, lines: list[Line]) -> None:
        for i, line in enumerate(lines):
            if line.blank or line.start < self.skip_until or PAGE_NUMBER.match(line.content):
                continue  # "— 31 —": a page number standing alone is no text
            if self.resume is not None and line.start >= self.box_until:
                self.stack, self.resume, self.floor = self.resume, None, 0
                self.paragraph = None
            caption = _caption_of_table(lines, i)
            if caption is not None:
                self._table(caption, lines, i)
                continue
            heading = classify(line)
            if heading is None:
                heading = self._next_item(line)
            if heading is None:
                heading = _header_of_table(lines, i)
            if heading is None and line.start >= self.box_until \
                    and self._is_unnumbered_heading(lines, i):
                heading = self._unnumbered(line)
            if heading is None and self._item_goes_on(lines, i):
                self._item_paragraph(line)
            elif heading is None:
                self._body_line(line)
            elif heading.style == TABLE:
                self._table(heading, lines, i)
            else:
                self._open(heading, line)
                if heading.style == BOX:
                    self._box(lines, i)
        self._finish()

    def _body_line(self, line: Line) -> None:
        if self.paragraph is not None and self._continues(line):
            self._extend(line.end)
            return
        self._close_leaves()
        self._paragraph_line(line, self.stack[-1][0].paragraphs if self.stack else self.preamble)

    def _item_goes_on(self, lines: list[Line], i: int) -> bool:
        """Whether an unnumbered paragraph starting at ``lines[i]`` goes on the item above it: the
        open section is a paragraph-heading item no annotation has closed yet, and a paragraph
        before the next heading ends in one ("1.提升现代物流发展能级。…" / "着力降低物流成本，…。
        （牵头单位：市发改委，…）": the annotation closes the item, issue 12 convention 1)."""
        if not self.stack or (self.paragraph is not None and self._continues(lines[i])):
            return False
        section, heading = self.stack[-1]
        if not heading.inline or not _is_leaf(section, heading) \
                or _ANNOTATED.search(self.text[section.start : section.end].rstrip()):
            return False
        for k in range(i, min(len(lines), i + MAX_ITEM_LINES)):
            line = lines[k]
            if line.blank or PAGE_NUMBER.match(line.content):
                continue
            if line.start >= self.box_until > lines[i].start or classify(line) is not None \
                    or _caption_of_table(lines, k) is not None:
                return False
            if _ANNOTATED.search(line.content):
                return True
        return False

    def _item_paragraph(self, line: Line) -> None:
        if self.paragraph is not None and self._continues(line):
            self._extend(line.end)
            return
        self._paragraph_line(line, self.stack[-1][0].paragraphs)

    def _continues(self, line: Line) -> bool:
        """A line continues the open paragraph when that paragraph stopped mid-sentence."""
        assert self.paragraph is not None
        last = self.text[self.paragraph.start : self.paragraph.end].rstrip()
        return bool(last) and not last.endswith(_ENDS_SENTENCE) and len(last) > MAX_UNNUMBERED

    def _paragraph_line(self, line: Line, into: list[Paragraph]) -> None:
        self.paragraph = Paragraph(line.start, line.end)
        into.append(self.paragraph)
        self._touch(line.end)

    def _extend(self, end: int) -> None:
        assert self.paragraph is not None
        self.paragraph.end = end
        self._touch(end)

    def _touch(self, end: int) -> None:
        for section, _ in self.stack:
            section.end = max(section.end, end)

    # -- headings --------------------------------------------------------------------------

    def _next_item(self, line: Line) -> _Heading | None:
        """An item number glued to a number-with-unit ("9.3年内县级财政…"), read as an item when
        it is the one after the last item ("8."): the sequence decides, not the characters (a
        "9.3" after no item 8 is a decimal)."""
        expected = _next_numbering(self.last_item) if self.last_item else None
        if expected is None or not line.content.startswith(expected):
            return None
        match = re.match(rf"^(?P<n>{re.escape(expected)})(?P<t>[0-9０-９].*)$", line.content)
        return _heading(line, _ITEM_STYLE, _ITEM_RANK, match) if match else None

    def _open(self, heading: _Heading, line: Line) -> None:
        if heading.style == _ITEM_STYLE:
            self.last_item = heading.numbering
        self._pop_for(heading)
        if heading.style == BOX:
            # a 专栏 box is a section of the chapter it stands in; after it, the sections that
            # were open go on
            self.resume = list(self.stack)
            del self.stack[1:]
        section = self._push(heading)
        if heading.inline:
            self._paragraph_line(line, section.paragraphs)
        else:
            self.paragraph = None
            self._touch(heading.heading_end)

    def _pop_for(self, heading: _Heading) -> None:
        styles = [h.style for _, h in self.stack]
        if heading.style in styles[self.floor:]:
            del self.stack[self.floor + styles[self.floor:].index(heading.style):]
            return
        # a paragraph-heading takes the deeper numbered items after it: "（一）制造强区人才行动
        # 计划。围绕……，实施如下重点项目：" over "2.临江工匠培育项目。…"
        while len(self.stack) > self.floor and (
                (top := self.stack[-1][1]).style == TABLE or top.rank >= heading.rank):
            self.stack.pop()

    def _close_leaves(self) -> None:
        """Close the open paragraph-headings and tables: what follows them is not theirs."""
        while self.stack and _is_leaf(*self.stack[-1]):
            self.stack.pop()

    def _push(self, heading: _Heading) -> Section:
        siblings = self.stack[-1][0].children if self.stack else self.roots
        parent_path = self.stack[-1][0].path if self.stack else ()
        order = len(siblings) + 1
        section = Section(
            numbering=heading.numbering, title=heading.title, level=len(self.stack) + 1,
            order=order, path=(*parent_path, order), style=heading.style,
            heading_start=heading.heading_start, heading_end=heading.heading_end,
            start=heading.heading_start, end=heading.heading_end,
            numbering_inferred=heading.inferred,
            uncaptioned=heading.uncaptioned,
        )
        siblings.append(section)
        self.stack.append((section, heading))
        return section

    def _table(self, heading: _Heading, lines: list[Line], i: int) -> None:

        self._close_leaves()
        section = self._push(heading)
        self.paragraph = None
        bound = next((lines[k].start for k in range(i + 1, len(lines))
                      if opens_section(lines[k].content)
                      and not _group_row(lines, k)), len(self.text))
        start = heading.heading_start if heading.uncaptioned else heading.heading_end
        table = parse_table(self.text, start, bound, number=0, caption=heading.title)
        end = table.end if table.end > heading.heading_end else heading.heading_end
        section.end = end
        self._touch(end)
        self.skip_until = end

    def _box(self, lines: list[Line], i: int) -> None:
        """A 专栏 box: its lines up to the next outer heading, box or table are its text, its
        numbered items (1.城市有机更新工程) its sections. An item that goes on with the numbers
        of the items before the box ("1.提升…能级。" / 专栏1 / "2.建设…产业园。") is outside it,
        unless the box has started items of its own (its "1.")."""
        self.floor = len(self.stack)
        outer = _next_numbering(self.last_item) if self.last_item else None
        own = False
        for k in range(i + 1, len(lines)):
            content = lines[k].content
            if opens_section(content) or _caption_of_table(lines, k) is not None:
                self.box_until = lines[k].start
                return
            item = classify(lines[k])
            if item is None or item.style != _ITEM_STYLE:
                continue
            if outer is not None and not own and item.numbering == outer:
                self.box_until = lines[k].start
                return
            own = own or bool(re.match(r"[1１]\D", item.numbering))
        self.box_until = len(self.text)

    # -- unnumbered headings ---------------------------------------------------------------

    def _is_unnumbered_heading(self, lines: list[Line], i: int) -> bool:
        line = lines[i]
        if len(line.content) > MAX_UNNUMBERED or _CLAUSE_PUNCT.search(line.content):
            return False
        if self.paragraph is not None and self._continues(line):
            return False
        following = next((ln for ln in lines[i + 1 :] if not ln.blank), None)
        if following is None or classify(following) is not None \
                or len(following.content) <= len(line.content):
            return False
        return self._sibling_for_unnumbered() is not None

    def _sibling_for_unnumbered(self) -> tuple[int, Section, _Heading] | None:
        """The open section an unnumbered heading would follow: the deepest non-inline numbered
        section below the top level whose numbering can be counted on."""
        for depth in range(len(self.stack) - 1, 0, -1):
            section, heading = self.stack[depth]
            if _is_leaf(section, heading):
                continue
            if _next_numbering(section.numbering) is not None:
                return depth, section, heading
            return None
        return None

    def _unnumbered(self, line: Line) -> _Heading:
        found = self._sibling_for_unnumbered()
        assert found is not None
        _, section, heading = found
        numbering = _next_numbering(section.numbering)
        assert numbering is not None
        return _Heading(heading.style, heading.rank, numbering, line.content, line.start,
                        line.end, inline=False, inferred=True)

    # -- end -------------------------------------------------------------------------------

    def _sentences(self, paragraph: Paragraph) -> list[Sentence]:
        """The sentences of a paragraph, page numbers inside it left out."""
        sentences: list[Sentence] = []
        pos = paragraph.start
        first = bisect.bisect_left(self.cuts, (paragraph.start, paragraph.start))
        for cut_start, cut_end in self.cuts[first:]:
            if cut_start >= paragraph.end:
                break
            sentences += split_sentences(self.text, pos, cut_start)
            pos = max(pos, cut_end)
        return sentences + split_sentences(self.text, pos, paragraph.end)

    def _finish(self) -> None:
        for paragraph in self.preamble:
            paragraph.sentences = self._sentences(paragraph)
        for root in self.roots:
            for section in root.walk():
                for paragraph in section.paragraphs:
                    paragraph.sentences = self._sentences(paragraph)
            _close_extents(root)


def _caption_of_table(lines: list[Line], i: int) -> _Heading | None:
    """A table printed without a 表N： caption, known by its header cells (a year, 现状, 基期,
    目标, 计划, 属性 … under 序号 / 指标): the short line above the header is its caption."""
    line = lines[i]
    if len(line.content) > MAX_CAPTION or _LEAD_END.search(line.content) \
            or "；" in line.content:
        return None
    following = [ln.content for ln in lines[i + 1 : i + 12] if not ln.blank
                 and not PAGE_NUMBER.match(ln.content)]
    if not following or header_lines(following) == 0:
        return None
    if line.content.startswith(FIRST_HEADER_CELLS):
        return None  # the header's own first line ("序号"): a table with no caption
    found = classify(line)
    if found is not None and found.style != TABLE:
        return None  # a heading over a table is a heading; the table has no caption
    caption = strip_page_artefact(line)
    if found is not None:  # 表3  … over a header: the caption as classify read it
        return found
    return _Heading(TABLE, -1, "", caption.content, caption.start, caption.end, inline=False)


def _header_of_table(lines: list[Line], i: int) -> _Heading | None:
    """A table printed with no caption line at all (right under a heading or after prose, as
    an HTML or Word table without a caption renders), known by its header cells over a first
    row: its first header line is its heading."""
    line = lines[i]
    if len(line.content) > MAX_HEADER_LINE or not any(w in line.content for w in HEADER_WORDS):
        return None  # cheap test first: most lines are prose
    ahead = [ln for ln in lines[i : i + 24] if not ln.blank and not PAGE_NUMBER.match(ln.content)]
    count = header_over_rows([ln.content for ln in ahead])
    if count == 0 or any(classify(ln) is not None for ln in ahead[:count]):
        return None
    return _Heading(TABLE, -1, "", line.content, line.start, line.end, inline=False,
                    uncaptioned=True)


def _group_row(lines: list[Line], k: int) -> bool:
    """A heading-like line inside a table, directly over numbered rows ("一、交通" / "1 临江…"):
    a group row of the table, which the table reader reads, not a heading."""
    after = next((ln for ln in lines[k + 1 :] if not ln.blank), None)
    return after is not None and re.match(r"^\d{1,3}[ \t\u3000]+\S", after.content) is not None


def _is_leaf(section: Section, heading: _Heading) -> bool:
    """A table, or a paragraph-heading no numbered item has nested in yet: what follows it
    (an unnumbered paragraph, a table) is not its own."""
    return heading.style == TABLE or (heading.inline and not section.children)


def _close_extents(section: Section) -> int:
    for child in section.children:
        section.end = max(section.end, _close_extents(child))
    return section.end


def _next_numbering(numbering: str) -> str | None:
    """The numbering after ``numbering`` in the same convention: （四） → （五）, 3. → 4.

    >>> [_next_numbering(n) for n in ("（四）", "(九)", "3.", "——")]
    ['（五）', '(十)', '4.', None]
    """
    match = re.match(rf"^(\D*?)([{CN_DIGITS}]+|[0-9]+)(\D*)$", numbering)
    if not match or numbering.startswith("第"):
        return None
    before, number, after = match.groups()
    if number.isdigit():
        return f"{before}{int(number) + 1}{after}"
    value = chinese_number(number)
    if value is None or value >= 99:
        return None
    return f"{before}{chinese_numeral(value + 1)}{after}"


def split_sentences(text: str, start: int, end: int) -> list[Sentence]:
    """The sentences of ``text[start:end]``: ending at 。！？ with any closing quotes, or at the
    end of the span; surrounding blanks (and line breaks of wrapped lines) are outside them."""
    sentences: list[Sentence] = []
    for match in _SENTENCE.finditer(text, start, end):
        s, e = match.start(), match.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            sentences.append(Sentence(s, e, text[s:e]))
    return sentences
