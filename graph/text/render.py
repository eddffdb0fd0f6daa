"""Paragraphs and tables read from a structured file → the text of a ``Document`` and its tables.

The HTML, Word and PDF readers hand over blocks in reading order: a paragraph (a string) or a
``TableBlock`` (rows of cells with their spans, as the source printed them). Each paragraph
becomes one line; each table becomes the ``pipe`` layout the table reader knows
(``graph/text/tables.py``): its caption line as the source printed it, one header line, then one
line per row with cells between `` | ``:

- the header rows (the rows marked as header, else the first row and the rows its vertical spans
  cover) are joined into one line, each column's texts top to bottom with a space, as the table
  reader joins a two-line header ("2025年" over "目标值" → "2025年 目标值");
- a first-column cell spanning rows is a row-group label: printed on its first row only;
- any other spanned cell is repeated in every row and column it covers.

>>> text, tables = render(["表1：指标", TableBlock([
...     [SourceCell("类别"), SourceCell("指标"), SourceCell("2025年")],
...     [SourceCell("规模", rowspan=2), SourceCell("人才总量"), SourceCell("12")],
...     [SourceCell("高技能人才"), SourceCell("3")]])])
>>> print(text, end="")
表1：指标
类别 | 指标 | 2025年 |
规模 | 人才总量 | 12 |
高技能人才 | 3 |
>>> [(c.row, c.col, c.rowspan, text[c.start:c.end]) for c in tables[0].cells][3:5]
[(1, 0, 2, '规模'), (1, 1, 1, '人才总量')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from plankg.graph.text.document import Cell, Table

_CJK = "\u2014\u2018-\u201d\u2026\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
# a run of white space that holds a line break: source wrapping, not a printed space
_WRAP = re.compile(r"[ \t\u00a0]*[\r\n][\s\u00a0]*")
_SPACES = re.compile(r"[\t\u00a0\u2002\u2003\u2009]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\ufeff\u00ad]")
_STRIP = " \t\r\n\f\v\u00a0\u3000"
SEPARATOR = " | "


@dataclass
class SourceCell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False


@dataclass
class TableBlock:
    """A table as the source printed it: each row lists the cells that start in it."""

    rows: list[list[SourceCell]]
    caption: str | None = None
    header_rows: int | None = None  # None: from the cells' ``header`` flags and the spans
    extra: dict[str, object] = field(default_factory=dict)  # reader's own bookkeeping


Block = str | TableBlock


def is_frame(cells_per_row: Iterable[int]) -> bool:
    """Whether a table with these numbers of cells in its rows is a frame: one cell in every
    row, a box (专栏) drawn as a bordered table, whose paragraphs are prose, not cells."""
    counts = list(cells_per_row)
    return bool(counts) and all(n == 1 for n in counts)


def clean_text(text: str) -> str:
    """One paragraph's text: a line break in the source is wrapping (dropped between Chinese
    characters, a space between others); printed spaces are kept, as the header parser needs two
    spaces between issuers; invisible characters go."""
    text = _INVISIBLE.sub("", text)

    def unwrap(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        cjk = re.match(f"[{_CJK}]", before) and re.match(f"[{_CJK}]", after)
        return "" if cjk or not before or not after else " "

    text = _WRAP.sub(unwrap, text)
    return _SPACES.sub(" ", text).strip(_STRIP)


def join_lines(lines: Iterable[str]) -> str:
    """Lines of one cell or paragraph as one: no space between Chinese characters.

    >>> join_lines(["每万名从业人员中", "研发人员", "R&D"])
    '每万名从业人员中研发人员 R&D'
    """
    out = ""
    for line in lines:
        if not line:
            continue
        if out and not (re.match(f"[{_CJK}]", out[-1]) and re.match(f"[{_CJK}]", line[0])):
            out += " "
        out += line
    return out


def _cell_text(text: str) -> str:
    return re.sub(r"\s+", " ", clean_text(text)).replace("|", "｜")


def _grid(rows: list[list[SourceCell]]) -> tuple[dict[tuple[int, int], tuple[int, int]],
                                                  list[tuple[int, int, SourceCell]], int]:
    """The HTML table model: every grid slot → the (row, col) of the cell covering it."""
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    placed: list[tuple[int, int, SourceCell]] = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in covered:
                c += 1
            for dr in range(max(cell.rowspan, 1)):
                for dc in range(max(cell.colspan, 1)):
                    covered[(r + dr, c + dc)] = (r, c)
            placed.append((r, c, cell))
            c += max(cell.colspan, 1)
    cols = max((c + 1 for _, c in covered), default=0)
    return covered, placed, cols


def _header_band(block: TableBlock, placed: list[tuple[int, int, SourceCell]]) -> int:
    if block.header_rows is not None:
        band = block.header_rows
    else:
        flagged = 0
        for row in block.rows:
            if not row or not all(cell.header for cell in row):
                break
            flagged += 1
        band = max(flagged, 1)
    grown = True
    while grown:  # a header cell spanning rows takes those rows into the header
        grown = False
        for r, _, cell in placed:
            if r < band and r + cell.rowspan > band:
                band, grown = r + cell.rowspan, True
    return min(band, len(block.rows))


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def line(self, text: str) -> int:
        start = self.pos
        self.parts.append(text + "\n")
        self.pos += len(text) + 1
        return start

    def table(self, block: TableBlock) -> Table | None:
        rows = block.rows
        covered, placed, cols = _grid(rows)
        if not placed or cols == 0:
            return None
        nrows = max(r for r, _ in covered) + 1
        texts = {(r, c): _cell_text(cell.text) for r, c, cell in placed}
        band = _header_band(block, placed)
        caption = clean_text(block.caption) if block.caption else None
        if caption:
            self.line(caption)
        offsets: dict[tuple[int, int], tuple[int, int]] = {}
        lines: list[tuple[list[str], list[tuple[int, int] | None]]] = []
        header_parts, header_origins = [], []
        for c in range(cols):
            seen: list[tuple[int, int]] = []
            for r in range(band):
                origin = covered.get((r, c))
                if origin is not None and origin not in seen and texts[origin]:
                    seen.append(origin)
            header_parts.append(" ".join(texts[o] for o in seen))
            header_origins.append(seen)
        if band:
            lines.append((header_parts, [None] * cols))
        for r in range(band, nrows):
            parts: list[str] = []
            origins: list[tuple[int, int] | None] = []
            for c in range(cols):
                origin = covered.get((r, c))
                if origin is None:
                    parts.append("")
                    origins.append(None)
                elif origin[0] != r and c == 0:
                    continue  # a row-group label: printed on its group's first row only
                else:
                    parts.append(texts[origin])
                    origins.append(origin)
            if any(parts):
                lines.append((parts, origins))
        start = self.pos
        for i, (parts, origins) in enumerate(lines):
            at = self.line(SEPARATOR.join(parts) + SEPARATOR.rstrip())
            column_at = at
            for c, part in enumerate(parts):
                if i == 0 and band:
                    within = 0
                    for origin in header_origins[c]:
                        found = part.find(texts[origin], within)
                        offsets.setdefault(origin, (column_at + found,
                                                    column_at + found + len(texts[origin])))
                        within = found + len(texts[origin])
                else:
                    origin = origins[c]
                    if origin is not None:
                        offsets.setdefault(origin, (column_at, column_at + len(part)))
                column_at += len(part) + len(SEPARATOR)
        end = self.pos - 1
        cells = []
        for r, c, cell in placed:
            at, to = offsets.get((r, c), (start, start))
            cells.append(Cell(row=r, col=c, text=texts[(r, c)], start=at, end=to,
                              rowspan=max(cell.rowspan, 1), colspan=max(cell.colspan, 1),
                              header=r < band))
        return Table(start=start, end=end, rows=nrows, cols=cols, cells=cells,
                     caption=caption, header_rows=band)


def render(blocks: Iterable[Block]) -> tuple[str, list[Table]]:
    """The document text (one line per paragraph, tables as pipe rows) and its tables."""
    writer = _Writer()
    tables: list[Table] = []
    for block in blocks:
        if isinstance(block, TableBlock):
            table = writer.table(block)
            if table is not None:
                tables.append(table)
            continue
        text = clean_text(block)  # one paragraph: a line break in it is source wrapping
        if text:
            writer.line(text)
    return "".join(writer.parts), tables
