"""A plan as a Word file (.docx) → blocks (paragraphs and tables) in the order Word prints them.

Read with python-docx, walking the body's XML so that nothing is skipped:

- paragraphs in order, also inside content controls (``w:sdt``); a line break (``w:br``) inside
  a paragraph starts a new line;
- headings by style ("Heading 1" / "标题 1" / an outline level): a heading Word numbers itself
  (the number is not in the text) gets the number printed the conventional way for its level
  (一、 / （一） / 1. / （1）), so the heading tree sees it as a reader of the page does;
- tables as tables: ``gridSpan`` is a colspan, ``vMerge`` a rowspan; rows marked "repeat as
  header row" (``tblHeader``) are the header, else the first row and the rows it spans; a
  table with one cell in every row is a frame (a 专栏 box drawn as a table), read as paragraphs;
- text boxes (``w:txbxContent``, the drawing and not its VML fallback copy) after the paragraph
  that anchors them; footnotes and endnotes as "注N：…" lines after the paragraph citing them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from plankg.errors import InputError
from plankg.graph.text.headings import find_numbering
from plankg.graph.text.numerals import chinese_numeral
from plankg.graph.text.render import Block, SourceCell, TableBlock, is_frame, join_lines

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
# what a heading Word numbers itself is printed as, by level
_NUMBERING = {1: "{cn}、", 2: "（{cn}）", 3: "{n}.", 4: "（{n}）"}


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def read_docx(path: Path) -> list[Block]:
    """The blocks of a Word file; InputError when it is not one python-docx can open."""
    import docx  # loaded only when a Word file is read
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as err:
        raise InputError(f"{path}: not a readable Word .docx file ({_reason(err)})") from None
    except Exception as err:  # zipfile.BadZipFile, lxml's XMLSyntaxError: a corrupt package
        raise InputError(f"{path}: not a readable Word .docx file ({_reason(err)})") from None
    reader = _Reader(document)
    reader.container(document.element.body)
    return reader.blocks


def _reason(err: Exception) -> str:
    text = str(err).splitlines()[0] if str(err) else type(err).__name__
    return f"{type(err).__name__}: {text}" if type(err).__name__ not in text else text


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.blocks: list[Block] = []
        self.counters: dict[int, int] = {}
        self.notes = _notes(document)
        self.styles = {s.style_id: s for s in document.styles}

    def container(self, element: Any) -> None:
        for child in element.iterchildren():
            if child.tag == _w("p"):
                self.paragraph(child)
            elif child.tag == _w("tbl") and is_frame(
                    len(_row_cells(tr)) for tr in child.iterchildren(_w("tr"))):
                for tr in child.iterchildren(_w("tr")):  # a box drawn as a one-column table
                    for tc in _row_cells(tr):
                        self.container(tc)
            elif child.tag == _w("tbl"):
                self.blocks.append(self.table(child))
            elif child.tag == _w("sdt"):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    self.container(content)

    def paragraph(self, p: Any) -> None:
        lines = _paragraph_lines(p)
        level = self._heading_level(p)
        if level is not None and lines and lines[0] and find_numbering(lines[0]) is None \
                and self._numbered(p):
            lines[0] = self._number(level) + lines[0]
        elif level is not None:
            self._number(level)  # keep the count in step with printed numbers
        self.blocks.extend(lines)
        for box in p.iter(_w("txbxContent")):
            if any(a.tag == f"{{{MC}}}Fallback" for a in box.iterancestors()):
                continue  # the VML copy of a text box the drawing already holds
            self.container(box)
        for kind in ("footnoteReference", "endnoteReference"):
            for ref in p.iter(_w(kind)):
                note = self.notes.get((kind, ref.get(_w("id"))))
                if note:
                    self.blocks.append(f"注{ref.get(_w('id'))}：{note}")

    def _style(self, p: Any) -> Any:
        ppr = p.find(_w("pPr"))
        style = ppr.find(_w("pStyle")) if ppr is not None else None
        return self.styles.get(style.get(_w("val"))) if style is not None else None

    def _heading_level(self, p: Any) -> int | None:
        style = self._style(p)
        while style is not None:
            match = _HEADING_STYLE.match(style.name or "")
            if match:
                return int(match.group(1))
            style = style.base_style
        ppr = p.find(_w("pPr"))
        outline = ppr.find(_w("outlineLvl")) if ppr is not None else None
        if outline is not None and (outline.get(_w("val")) or "").isdigit():
            level = int(outline.get(_w("val"))) + 1
            return level if level <= 9 else None
        return None

    def _numbered(self, p: Any) -> bool:
        """Word numbers the paragraph itself: numbering on it or on its style."""
        if p.find(f"{_w('pPr')}/{_w('numPr')}") is not None:
            return True
        style = self._style(p)
        while style is not None:
            if style.element.find(f"{_w('pPr')}/{_w('numPr')}") is not None:
                return True
            style = style.base_style
        return False

    def _number(self, level: int) -> str:
        self.counters[level] = self.counters.get(level, 0) + 1
        for deeper in [k for k in self.counters if k > level]:
            del self.counters[deeper]
        n = self.counters[level]
        pattern = _NUMBERING.get(level, "{n}.")
        return pattern.format(cn=chinese_numeral(n), n=n)

    def table(self, tbl: Any) -> TableBlock:
        rows: list[list[SourceCell]] = []
        origin: dict[int, SourceCell] = {}  # grid column → the cell a vMerge continues
        header_rows = 0
        for r, tr in enumerate(tbl.iterchildren(_w("tr"))):
            trpr = tr.find(_w("trPr"))
            if trpr is not None and trpr.find(_w("tblHeader")) is not None and header_rows == r:
                header_rows += 1
            row: list[SourceCell] = []
            col = 0
            for tc in _row_cells(tr):
                tcpr = tc.find(_w("tcPr"))
                span = tcpr.find(_w("gridSpan")) if tcpr is not None else None
                colspan = int(span.get(_w("val"), "1")) if span is not None else 1
                merge = tcpr.find(_w("vMerge")) if tcpr is not None else None
                if merge is not None and merge.get(_w("val"), "continue") == "continue" \
                        and col in origin:
                    origin[col].rowspan += 1
                else:
                    cell = SourceCell(_cell_text(self, tc), colspan=colspan)
                    row.append(cell)
                    origin[col] = cell
                col += colspan
            rows.append(row)
        return TableBlock(rows, header_rows=header_rows or None)


def _row_cells(tr: Any) -> list[Any]:
    cells = []
    for child in tr.iterchildren():
        if child.tag == _w("tc"):
            cells.append(child)
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                cells.extend(content.iterchildren(_w("tc")))
    return cells


def _cell_text(reader: _Reader, tc: Any) -> str:
    inner = _Reader.__new__(_Reader)
    inner.document, inner.blocks, inner.counters = reader.document, [], {}
    inner.notes, inner.styles = reader.notes, reader.styles
    inner.container(tc)
    return join_lines(b for b in inner.blocks if isinstance(b, str))


def _paragraph_lines(p: Any) -> list[str]:
    """The paragraph's text, split at its line breaks (text boxes are read on their own)."""
    lines = [""]
    for node in p.iter(_w("t"), _w("tab"), _w("br"), _w("cr"), _w("txbxContent")):
        if any(a.tag == _w("txbxContent") for a in _ancestors_within(node, p)):
            continue  # a text box anchored here: read after the paragraph
        if node.tag == _w("t"):
            lines[-1] += node.text or ""
        elif node.tag == _w("tab"):
            lines[-1] += "\t"
        elif node.tag in (_w("br"), _w("cr")) and node.get(_w("type")) in (None, "textWrapping"):
            lines.append("")
    return [line for line in lines if line.strip()]


def _ancestors_within(node: Any, top: Any) -> list[Any]:
    found = []
    for ancestor in node.iterancestors():
        if ancestor is top:
            break
        found.append(ancestor)
    return found


def _notes(document: Any) -> dict[tuple[str, str], str]:
    """Footnote and endnote texts by (reference kind, id), from the package's note parts."""
    from lxml import etree

    found: dict[tuple[str, str], str] = {}
    for rel in document.part.rels.values():
        for kind, part_name in (("footnoteReference", "footnotes"),
                                ("endnoteReference", "endnotes")):
            if not rel.reltype.endswith("/" + part_name) or rel.is_external:
                continue
            root = etree.fromstring(rel.target_part.blob)
            for note in root.iterchildren(_w(part_name[:-1])):
                if note.get(_w("type")) in ("separator", "continuationSeparator",
                                            "continuationNotice"):
                    continue
                text = join_lines(line for p in note.iter(_w("p"))
                                  for line in _paragraph_lines(p))
                if text.strip():
                    found[(kind, note.get(_w("id")))] = text.strip()
    return found
