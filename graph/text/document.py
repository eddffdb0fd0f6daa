"""Plain data handed from the text stage to the fact and RDF stages.

Every span is a pair of character offsets into ``Document.text``, the decoded source file exactly as
it was read (nothing normalised), so ``doc.text[s.start:s.end]`` is the printed text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PageNumber:
    """A page number a PDF's text extraction left in the text: ``text[start:end]`` is the
    number alone on its line ("— 31 —", ``alone``) or glued before the next page's first
    word ("16" of "16资金…"). Sentences and headings leave it out (graph/text/pages.py)."""

    number: int
    start: int
    end: int
    alone: bool


@dataclass
class Paragraph:
    start: int
    end: int
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Section:
    """One node of the heading tree.

    ``style`` names the numbering convention: "第X编", "第X章", "第X节", "一、", "（一）", "1.",
    "（1）", "①", "——" or "表N：" (a table). A heading printed without its number takes the style
    of the sibling before it, the number after that sibling's, and ``numbering_inferred``.
    ``heading_start:heading_end`` is the heading as printed (number and title); for a numbered or
    lead-in paragraph ("1.人才规模逐步壮大。到2025年…") it is the lead phrase up to the first 。.
    ``start:end`` covers the heading and everything under it.
    """

    numbering: str
    title: str
    level: int
    order: int
    path: tuple[int, ...]
    style: str
    heading_start: int
    heading_end: int
    start: int
    end: int
    numbering_inferred: bool = False
    # a table printed without a caption, known by its header: its heading is the header's first
    # line, where the table itself starts
    uncaptioned: bool = False
    children: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def key(self) -> str:
        """The section's path as its key in IRIs and fact names: "3-2-1"."""
        return "-".join(str(i) for i in self.path)

    @property
    def label(self) -> str:
        return f"{self.numbering}{self.title}"


@dataclass
class Metadata:
    """The header of a published plan, each field as printed or None when absent."""

    index_number: str | None = None  # 索引号
    written_date: str | None = None  # 成文日期, ISO yyyy-mm-dd
    publisher: str | None = None  # 发布机构
    document_number: str | None = None  # 文件编号 / 发文字号
    notice_title: str | None = None  # 关于印发《…》的通知
    recipients: str | None = None  # 主送: 各镇人民政府、…
    issuers: list[str] = field(default_factory=list)  # signature block, in printed order
    issued_date: str | None = None  # date under the signature, ISO yyyy-mm-dd


@dataclass(frozen=True)
class Cell:
    """One cell of a table read from a structured source (HTML, Word, PDF).

    ``row``/``col`` are 0-based grid positions of its top-left corner; ``text[start:end]`` of the
    document is the cell's text where it was rendered (a cell repeated under a span, or a header
    joined over two rows, points at its first rendering).
    """

    row: int
    col: int
    text: str
    start: int
    end: int
    rowspan: int = 1
    colspan: int = 1
    header: bool = False


@dataclass
class Table:
    """A table of a structured source, rendered into ``Document.text`` as ``pipe`` rows."""

    start: int  # the first rendered row (after any caption line)
    end: int  # end of the last rendered row
    rows: int
    cols: int
    cells: list[Cell] = field(default_factory=list)
    caption: str | None = None  # as printed in the source, None when it has none
    header_rows: int = 1


@dataclass
class Document:
    path: Path
    text: str
    encoding: str
    sha256: str
    title: str
    title_start: int
    title_end: int
    doc_type: str
    metadata: Metadata
    sections: list[Section]
    preamble: list[Paragraph] = field(default_factory=list)
    # tables as cells when the source had real tables (HTML, Word, PDF); empty for plain text
    tables: list[Table] = field(default_factory=list)
    media_type: str = "text/plain"
    # page numbers printed in the text (PDF-flattened plans), in text order
    page_numbers: list[PageNumber] = field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        for top in self.sections:
            yield from top.walk()

    def paragraphs(self) -> Iterator[tuple[Section | None, Paragraph]]:
        """Every paragraph with the innermost section it belongs to (None for the preamble)."""
        for para in self.preamble:
            yield None, para
        for section in self.walk():
            for para in section.paragraphs:
                yield section, para

    def sentences(self) -> Iterator[tuple[Section | None, Sentence]]:
        """Every sentence with the innermost section it belongs to (None for the preamble)."""
        for section, para in self.paragraphs():
            for sent in para.sentences:
                yield section, sent

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence of a paragraph that holds ``offset`` (None in headings and tables)."""
        index = self._index()
        if index.sentence_starts is None:  # sentences that overlap: the first that holds it
            for _, sentence in self.sentences():
                if sentence.start <= offset < sentence.end:
                    return sentence
            return None
        at = bisect_right(index.sentence_starts, offset) - 1
        if at >= 0 and offset < index.sentences[at].end:
            return index.sentences[at]
        return None

    def section_at(self, offset: int) -> Section | None:
        """The innermost section whose span holds ``offset``."""
        index = self._index()
        if index.section_starts is None:  # a tree whose spans do not nest: the last that holds it
            found = None
            for section in self.walk():
                if section.start <= offset < section.end:
                    found = section
            return found
        at = bisect_right(index.section_starts, offset) - 1
        while at >= 0:
            section = index.sections[at]
            if offset < section.end:
                return section
            at = index.parents[at]
        return None

    def _index(self) -> _Index:
        """Sentences and sections by start offset, made on first use: a document is built
        whole by graph/text/structure.py and not changed after, and the extractors ask where
        an offset lies thousands of times per plan."""
        index = self.__dict__.get("_offsets")
        if index is None:
            index = self.__dict__["_offsets"] = _Index.of(self)
        return index


@dataclass
class _Index:
    """What :meth:`Document.sentence_at` and :meth:`Document.section_at` search by bisection.

    ``sentence_starts`` is None when two sentences overlap, ``section_starts`` when the spans of
    the heading tree do not nest (a child outside its parent, siblings that overlap): then the
    first sentence / the last section in document order that holds an offset is not
    necessarily the one bisection finds, and the lookups scan instead.
    """

    sentences: list[Sentence]
    sentence_starts: list[int] | None
    sections: list[Section]
    parents: list[int]  # index of each section's parent in ``sections``, -1 for a top section
    section_starts: list[int] | None

    @classmethod
    def of(cls, doc: Document) -> _Index:
        sentences = sorted((s for _, s in doc.sentences()), key=lambda s: s.start)
        sentence_starts: list[int] | None = [s.start for s in sentences]
        if any(a.end > b.start for a, b in pairwise(sentences)):
            sentence_starts = None
        sections: list[Section] = []
        parents: list[int] = []
        nested = True

        def add(section: Section, parent: int) -> None:
            nonlocal nested
            here = len(sections)
            sections.append(section)
            parents.append(parent)
            previous: Section | None = None
            for child in section.children:
                if not (section.start < child.start and child.end <= section.end) or (
                        previous is not None and previous.end > child.start):
                    nested = False
                add(child, here)
                previous = child

        previous_top: Section | None = None
        for top in doc.sections:
            if previous_top is not None and previous_top.end > top.start:
                nested = False
            add(top, -1)
            previous_top = top
        starts = [s.start for s in sections]
        if any(s.start >= s.end for s in sections) or any(a >= b for a, b in pairwise(starts)):
            nested = False
        return cls(sentences, sentence_starts, sections, parents, starts if nested else None)
