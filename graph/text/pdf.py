"""A plan as a PDF file → blocks (paragraphs and tables) in reading order, read with pdfplumber.

- **text**: each page's text lines top to bottom (one column), the characters inside a table
  left out; lines are joined into paragraphs unless a gap wider than a line, an indent, a short
  line before, or a heading number at the start says a new paragraph begins (a paragraph goes
  on across a page break when the page's last line runs to the right margin).
- **running headers and footers**: lines in the top or bottom ``MARGIN`` of a page that repeat
  (digits aside) on at least half the pages, and page numbers there ("— 3 —", "第3页", "3/12"),
  are dropped.
- **tables**: pdfplumber's ruled tables; a cell's span is read from its box against the table's
  column and row edges. A table ending a page whose next page starts with a table of the same
  columns is one table: a header the printer repeated on the new page is dropped, and a row
  group cut by the page break goes on (a row the break cuts, drawn without its bottom border,
  is closed at its side borders' end so that it stays the table's).
- **no text layer** (a scanned PDF) and **encrypted** files are an InputError: OCR and
  passwords are out of scope.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plankg.errors import InputError
from plankg.graph.text.headings import find_numbering
from plankg.graph.text.render import Block, SourceCell, TableBlock, join_lines

MARGIN = 0.08  # share of the page height at top and bottom where running lines are printed
MIN_TEXT_CHARS = 20
EDGE_TOLERANCE = 1.5  # points
SHORT_LINE = 2.5  # a line ending this many characters before the right edge ends its paragraph
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_PAGE_NUMBER = re.compile(r"^[-—–－\s]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*"
                          r"(?:[/／]\s*\d{1,4}|共\s*\d+\s*页)?[-—–－\s]*$"
                          r"|^(?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?$", re.IGNORECASE)


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int


def read_pdf(path: Path) -> list[Block]:
    """The blocks of a PDF; InputError when it is encrypted, has no text layer or is broken."""
    import logging

    import pdfplumber  # loaded only when a PDF is read

    # pdfminer logs every font it cannot measure; a plan's PDF is read all the same
    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    try:
        with pdfplumber.open(str(path)) as pdf:
            pages = [_page_items(page, i) for i, page in enumerate(pdf.pages)]
    except InputError:
        raise
    except Exception as err:  # pdfminer's exceptions share no base class worth naming
        detail = f"{type(err).__name__} {err!r}".lower()
        if "password" in detail or "encrypt" in detail:
            raise InputError(f"{path}: encrypted PDF: decrypt it first (passwords are not "
                             "supported)") from None
        raise InputError(f"{path}: not a readable PDF ({type(err).__name__})") from None
    chars = sum(len(re.sub(r"\s", "", item.text)) for items in pages for _, item in items
                if isinstance(item, _Line))
    if chars < MIN_TEXT_CHARS and not any(isinstance(item, TableBlock)
                                          for items in pages for _, item in items):
        raise InputError(f"{path}: PDF has no text layer (a scanned document?): OCR is not "
                         "supported, use a text, HTML or Word version of the plan")
    _drop_running_lines(pages)
    return _assemble(pages)


def _page_items(page: Any, number: int) -> list[tuple[float, _Line | TableBlock]]:
    tables = [t for t in page.find_tables() if len(t.rows) >= 2 and len(t.columns) >= 2]
    cut = _cut_row_bottom(page, tables)
    if cut is not None:  # close the row the page break cut, so that it is the table's
        tables = [t for t in page.find_tables({"explicit_horizontal_lines": [cut]})
                  if len(t.rows) >= 2 and len(t.columns) >= 2]
    boxes = [t.bbox for t in tables]

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    items: list[tuple[float, _Line | TableBlock]] = []
    for line in page.filter(outside).extract_text_lines(strip=True, return_chars=False):
        if line["text"].strip():
            items.append((line["top"], _Line(line["text"].strip(), line["x0"], line["x1"],
                                             line["top"], line["bottom"], number)))
    for table in tables:
        block = _table(table, page)
        if block is not None:
            items.append((table.bbox[1], block))
    items.sort(key=lambda item: item[0])
    return [(top / page.height, item) for top, item in items] if page.height else items


def _cut_row_bottom(page: Any, tables: list[Any]) -> float | None:
    """Where a row cut by the page break ends: a table's last row on a page has its side
    borders drawn down to the page's end but no bottom border (the row goes on on the next
    page), so pdfplumber leaves it out of the table; its borders' lowest end closes it."""
    if not tables:
        return None
    last = max(tables, key=lambda t: t.bbox[3])
    x0, _, x1, bottom = last.bbox
    ends = [e["bottom"] for e in page.edges if e["orientation"] == "v"
            and abs(e["top"] - bottom) <= EDGE_TOLERANCE and e["bottom"] > bottom + EDGE_TOLERANCE
            and x0 - EDGE_TOLERANCE <= e["x0"] <= x1 + EDGE_TOLERANCE]
    return max(ends) if len(ends) >= 2 else None


def _edges(values: list[float]) -> list[float]:
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > EDGE_TOLERANCE:
            edges.append(value)
    return edges


def _index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _table(table: Any, page: Any) -> TableBlock | None:
    xs = _edges([c[0] for c in table.cells] + [c[2] for c in table.cells])
    ys = _edges([c[1] for c in table.cells] + [c[3] for c in table.cells])
    rows: dict[int, list[tuple[int, SourceCell]]] = {}
    for row, texts in zip(table.rows, table.extract(), strict=True):
        for box, text in zip(row.cells, texts, strict=True):
            if box is None:
                continue  # a slot a spanning cell covers
            c0, c1 = _index(xs, box[0]), _index(xs, box[2])
            r0, r1 = _index(ys, box[1]), _index(ys, box[3])
            cell = SourceCell(join_lines(part.strip() for part in (text or "").split("\n")),
                              rowspan=max(r1 - r0, 1), colspan=max(c1 - c0, 1))
            rows.setdefault(r0, []).append((c0, cell))
    if not rows:
        return None
    ordered = [[cell for _, cell in sorted(rows[r], key=lambda pair: pair[0])]
               for r in sorted(rows)]
    first_cols = [min(c for c, _ in rows[r]) for r in sorted(rows)]
    return TableBlock(ordered, extra={"xs": xs, "first_cols": first_cols,
                                      "page": page.page_number})


# --- running headers, footers, page numbers --------------------------------------------------


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s", "", text))


def _drop_running_lines(pages: list[list[tuple[float, _Line | TableBlock]]]) -> None:
    in_margin = [[item for top, item in items if isinstance(item, _Line)
                  and (top < MARGIN or top > 1 - MARGIN - 0.02)] for items in pages]
    counts: dict[str, int] = {}
    for lines in in_margin:
        for key in {_running_key(line.text) for line in lines}:
            counts[key] = counts.get(key, 0) + 1
    repeated = {key for key, n in counts.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2)}
    for i, lines in enumerate(in_margin):
        drop = {id(line) for line in lines
                if _running_key(line.text) in repeated or _PAGE_NUMBER.match(line.text)}
        pages[i] = [(top, item) for top, item in pages[i] if id(item) not in drop]


# --- paragraphs and page-spanning tables -----------------------------------------------------


def _assemble(pages: list[list[tuple[float, _Line | TableBlock]]]) -> list[Block]:
    lines = [item for items in pages for _, item in items if isinstance(item, _Line)]
    if lines:
        size = statistics.median(line.bottom - line.top for line in lines)
        left = statistics.median(line.x0 for line in lines)
        # the text column's right edge: most full lines reach it (a few run past: a hanging
        # punctuation mark, a wide metadata line)
        ends = sorted(line.x1 for line in lines)
        right = ends[int(0.9 * (len(ends) - 1))]
    else:
        size, left, right = 10.0, 0.0, 0.0
    blocks: list[Block] = []
    paragraph: list[str] = []
    previous: _Line | None = None

    def flush() -> None:
        if paragraph:
            blocks.append(join_lines(paragraph))
            paragraph.clear()

    for items in pages:
        for _, item in items:
            if isinstance(item, TableBlock):
                flush()
                previous = None
                last = blocks[-1] if blocks else None
                if isinstance(last, TableBlock) and _continues(last, item):
                    _append_rows(last, item)
                else:
                    blocks.append(item)
                continue
            if previous is not None and not _starts_paragraph(item, previous, size, left, right):
                paragraph.append(item.text)
            else:
                flush()
                paragraph.append(item.text)
            previous = item
    flush()
    return blocks


def _starts_paragraph(line: _Line, previous: _Line, size: float, left: float,
                      right: float) -> bool:
    if find_numbering(line.text) is not None:
        return True
    # the line before stopped short (more than line breaking's one or two characters of slack,
    # kept so that no line starts with a closing mark or ends with an opening one)
    if previous.x1 < right - SHORT_LINE * size:
        return True
    if line.x0 > left + size:  # an indented first line
        return True
    return line.page == previous.page and line.top - previous.bottom > 0.6 * size


def _continues(first: TableBlock, then: TableBlock) -> bool:
    """``then`` goes on with ``first`` on the next page: same columns, nothing in between."""
    xs, ys = first.extra.get("xs"), then.extra.get("xs")
    if not isinstance(xs, list) or not isinstance(ys, list) or len(xs) != len(ys):
        return False
    if then.extra.get("page") != first.extra.get("last_page", first.extra.get("page")) + 1:
        return False
    return all(abs(a - b) <= 2 * EDGE_TOLERANCE for a, b in zip(xs, ys, strict=True))


def _texts(row: list[SourceCell]) -> list[tuple[str, int, int]]:
    return [(c.text, c.rowspan, c.colspan) for c in row]


def _append_rows(first: TableBlock, then: TableBlock) -> None:
    rows = list(then.rows)
    firsts = list(then.extra.get("first_cols", [0] * len(rows)))
    # the printer repeated the header rows on the new page
    band = 0
    while band < len(rows) and band < len(first.rows) and \
            _texts(rows[band]) == _texts(first.rows[band]):
        band += 1
    rows, firsts = rows[band:], firsts[band:]
    # a row group cut by the page break: its label cell goes on, empty, on the new page
    if rows and firsts and firsts[0] == 0 and rows[0] and not rows[0][0].text:
        group = _open_group(first)
        if group is not None:
            group.rowspan += rows[0][0].rowspan
            rows[0] = rows[0][1:]
    first.rows.extend(rows)
    first.extra["first_cols"] = [*first.extra.get("first_cols", []), *firsts]
    first.extra["last_page"] = then.extra.get("page")


def _open_group(table: TableBlock) -> SourceCell | None:
    """The first-column cell whose span reaches the table's last row, if any."""
    firsts = table.extra.get("first_cols", [])
    for r in range(len(table.rows) - 1, -1, -1):
        if r < len(firsts) and firsts[r] == 0 and table.rows[r]:
            cell = table.rows[r][0]
            return cell if r + cell.rowspan >= len(table.rows) and cell.rowspan > 1 else None
    return None
