"""Indicator tables of a plan: every row and every printed value, with its character offsets.

Plan texts reach us as tables flattened in one of three ways, each read into the same rows:

- ``pipe``: one row per line, cells between ``|`` (government sites' HTML tables saved as text);
  a header may span two lines, trailing cells are empty, a row-group label is printed only on the
  first row of its group (the row then has one cell fewer).
- ``cell-per-line``: every cell on its own tab-indented line, rows separated by blank lines; a cell
  wrapped over two lines continues on a line that is not indented; an empty cell is a line
  holding only the tab.
- ``spaced``: PDF-extracted text, one row per line with columns separated by runs of spaces;
  wrapped cells continue on the next line in the same column, a line holding one cell that lines
  up with no column is a row-group label, page numbers ("— 12 —") are skipped.
- ``flat``: PDF text extracted without layout: one row per line starting with its 序号, cells
  separated by single spaces, the header spread over several lines ("序 “十四五”目标" / "指 标 单位
  属性" / "号" / "2025年 年均[累计]"); a wrapped name or unit prints one part on a line above the
  row and one below ("万元/" … "人"); a footnote digit is glued to a name ("拥有量1") and the
  footnotes after the rows ("1 指每万人口…") are no rows.
- ``plain``: one cell a line without indentation (a web table copied as text), blank lines or
  none between them; rows are told apart by their 序号, a 类别 cell spanning rows is printed on
  the first and may itself be split over lines ("综合" / "治理"), header cells too ("指标" /
  "属性"), a target may hold several values with their scopes ("重点区≥30" / "一般区≥15").

Tables are found by their 表N： caption or, without one, by their header cells
(``header_lines``: a year, 现状, 基期, 目标, 计划, 属性 … under 序号 / 指标), never by a caption
word.

>>> text = "表1：指标\\n指标 | 单位 | 2020年 | 2025年 |\\n人才总量 | 万人 | 1.5 | 2以上 |\\n"
>>> t = parse_table(text, 6, len(text), number=1, caption="指标")
>>> row = t.rows[0]
>>> row.name, row.unit, [(v.year, v.role, str(v.value), v.qualifier) for v in row.values]
('人才总量', '万人', [(2020, 'baseline', '1.5', None), (2025, 'target', '2', '以上')])
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from plankg.graph.text.document import Document, Section
from plankg.graph.text.headings import opens_section
from plankg.graph.text.numerals import chinese_number, plan_period

# --- lexicon: the conventions of Chinese indicator tables, as data ----------------------------

# Units a value or a bracketed name suffix may carry, compared after NFKC (so "／" is "/").
UNITS = (
    "个百分点", "百分点", "人年/万人", "万元/人", "元/人", "万人次", "人次", "万人", "人年",
    "万元", "亿元", "元", "万个", "万平方米", "平方米", "平方公里",
    "万吨", "吨", "千瓦", "万户", "户", "公里", "万亩", "万头", "万只",
    "%", "‰",
    "件", "项", "家", "个", "人", "名", "套", "所", "座", "岁", "亩", "台", "辆", "次", "天", "倍",
)
# the mark of a row that is a part of the row above
_PART_OF_ABOVE = re.compile(r"^其中[:：]")
# the spans of time a unit may be counted per (亿元/年)
_PER_TIME = ("年", "月", "日", "天", "小时")
# A cell printing one of these has no value (a dash, not a zero).
NO_VALUE = frozenset({"", "—", "——", "———", "-", "--", "/", "…", "……", "－", "–", "无"})
PREFIX_QUALIFIERS = (
    ">=", "<=", "≥", "≤", ">", "<", "超过", "大于", "小于", "高于", "低于", "不低于", "不少于",
    "不超过", "不高于", "力争", "约",
)
SUFFIX_QUALIFIERS = ("以上", "以下", "左右", "以内", "上下", "内")
# "[20]" in a 年均[累计] column is the cumulative figure for the whole period.
CUMULATIVE_BRACKETS = {"[": "]", "【": "】", "〔": "〕"}
CUMULATIVE = "累计"

# Header keywords → column kind, tried in order: "一级指标" and "指标属性" are not names.
COLUMN_KINDS = (
    ("number", ("序号", "编号")),
    ("group", ("一级指标", "类别", "领域", "分类", "方面", "维度")),
    ("unit", ("单位",)),
    ("nature", ("属性", "性质")),
    ("text", ("完成度", "备注", "说明", "责任单位", "牵头单位")),
    ("name", ("指标", "名称")),
)
# Header keywords → observation role, tried in order ("完成情况" is actual, not "情况" baseline).
ROLE_WORDS = (
    ("actual", ("完成", "实际", "实现")),
    ("target", ("目标", "规划", "预期值", "预计", "计划", "年任务")),
    ("baseline", ("基数", "基期", "基准", "基础", "现状", "情况")),
    ("growth", ("增长", "增幅", "增速", "年均", "累计", "提高")),
)
ANNUAL_AVERAGE = "年均"
NATURES = ("预期性", "约束性")

# --- patterns --------------------------------------------------------------------------------

_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_NUMBER = r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?"
_VALUE = re.compile(
    "^(?P<pre>" + "|".join(map(re.escape, PREFIX_QUALIFIERS)) + ")?"
    f"(?P<num>{_NUMBER})"
    "(?P<unit>" + "|".join(map(re.escape, sorted(UNITS, key=len, reverse=True))) + ")?"
    "(?P<post>" + "|".join(map(re.escape, SUFFIX_QUALIFIERS)) + ")?$"
)
_INTEGER = re.compile(r"^\d{1,3}$")
_TRAILING_BRACKET = re.compile(r"[（(]([^（）()]+)[）)]\s*$")
_ANY_BRACKET = re.compile(r"[（(]([^（）()]+)[）)]")
_CAPTION = re.compile(r"^表\s*([0-9０-９]+|[一二三四五六七八九十]+)\s*[：:]?\s*(.*)$")
_PAGE_NUMBER = re.compile(r"^[-—–－]+\s*\d{1,4}\s*[-—–－]+$|^第\s*\d+\s*页")
PAGE_NUMBER = _PAGE_NUMBER
_NOTE = re.compile(r"^(?:注|说明|备注|资料来源|数据来源)\s*\d*\s*[：:]")
_SPACED_GAP = re.compile(r"(?:[ \u3000\u00a0]{2,}|\t+)")
_BLANKS = " \t\u3000\u00a0\ufeff"
_LINE_BREAKS = "\r\n\f\v\x1c\x1d\x1e\x85\u2028\u2029"  # str.splitlines: \f ends a PDF page
MAX_CELL_CHARS = 40  # a longer line in a table region is prose that follows the table
MAX_PROJECT_CELL_CHARS = 120  # …but a project list's 建设内容 runs longer
ALIGN_TOLERANCE = 2  # columns of slack when lining up PDF-extracted cells


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CellValue:
    """One printed value: ``text[start:end] == printed``."""

    column: str  # the column's header as printed, header lines joined by a space
    year: int | None
    role: str  # baseline | target | actual | planned | growth
    value: Decimal
    printed: str
    qualifier: str | None  # 以上, 左右, >, <, 累计, 年均 …; several are joined by a space
    unit: str | None
    start: int
    end: int
    scope: str | None = None  # "重点区" of "重点区≥30": the part of the region a value is for


@dataclass(frozen=True)
class IndicatorRow:
    """One row of a table: an indicator and the values printed for it.

    ``start:end`` covers the row from its first to its last printed cell (across lines in the
    cell-per-line and spaced layouts). ``printed_name`` joins a name wrapped over lines without
    the line break, so it is ``text[name_start:name_end]`` only when the name is on one line.
    """

    table: int
    index: int  # 1-based position among the table's rows
    number: str | None  # 序号 as printed
    printed_name: str
    name: str  # normalised: unit suffix "(万人)" dropped, NFKC, no spaces
    unit: str | None
    category: str | None  # row-group label (一级指标)
    nature: str | None  # 预期性 / 约束性
    start: int
    end: int
    name_start: int
    name_end: int
    values: tuple[CellValue, ...] = ()
    # (column header, text) of text columns (完成度) and of value cells printed in words
    notes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class TableWarning:
    """A row (or a whole table when ``row`` is None) that could not be read completely."""

    table: int
    row: int | None
    reason: str
    start: int
    end: int

    def __str__(self) -> str:
        where = f"表{self.table}" + (f" row {self.row}" if self.row is not None else "")
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Column:
    header: str
    kind: str  # number | group | name | unit | nature | value | text
    year: int | None = None
    role: str | None = None
    unit: str | None = None
    qualifier: str | None = None


@dataclass
class ParsedTable:
    number: int
    caption: str
    layout: str  # pipe | cell-per-line | spaced | unknown
    start: int  # first header cell
    end: int  # end of the last row: text after it (up to the next heading) is prose
    columns: tuple[Column, ...] = ()
    rows: list[IndicatorRow] = field(default_factory=list)
    warnings: list[TableWarning] = field(default_factory=list)
    caption_start: int | None = None
    caption_end: int | None = None
    section: Section | None = None
    # "other" for a table with no number in it at all: a responsibility table (任务 | 牵头单位 |
    # 配合单位) is not an indicator table with rows missing, so it has no rows and no warnings
    kind: str = "indicators"


@dataclass
class TableParse:
    tables: list[ParsedTable] = field(default_factory=list)

    @property
    def warnings(self) -> list[TableWarning]:
        return [w for table in self.tables for w in table.warnings]

    @property
    def rows(self) -> Iterator[IndicatorRow]:
        for table in self.tables:
            yield from table.rows



# --- entry points ----------------------------------------------------------------------------


def parse_tables(doc: Document) -> TableParse:
    """Every table of ``doc``: the sections whose heading style is "表N："."""
    parse = TableParse()
    period = plan_period(doc.title)
    for section in doc.walk():
        if section.style != "表N：":
            continue
        if section.uncaptioned:  # known by its header alone: the table starts at its heading
            number, caption, start = len(parse.tables) + 1, "", section.heading_start
        else:
            caption_line = doc.text[section.heading_start : section.heading_end]
            number, caption = _caption(caption_line, fallback=len(parse.tables) + 1)
            start = section.heading_end
        table = parse_table(doc.text, start, section.end, number=number, caption=caption,
                            period_end=period[1] if period else None)
        if not section.uncaptioned:
            table.caption_start, table.caption_end = section.heading_start, section.heading_end
        table.section = section
        parse.tables.append(table)
    return parse


def parse_table(text: str, start: int, end: int, *, number: int, caption: str,
                period_end: int | None = None) -> ParsedTable:
    """Read the table printed in ``text[start:end]`` (the lines after its caption).

    ``period_end`` is the last year of the plan's period: the year of a target column whose
    header names none (计划任务).
    """
    lines = _table_lines(text, start, end)
    layout = _layout(lines)
    table = ParsedTable(number=number, caption=caption, layout=layout, start=start, end=start)
    if layout == "pipe":
        header, raw_rows = _pipe_rows(table, lines)
    elif layout == "cell-per-line":
        header, raw_rows = _cell_per_line_rows(table, lines)
        if len(header) < 3 or len(raw_rows) <= 1:
            # no blank lines between the rows, or one between every two cells: one cell a line
            table.layout = "plain"
            header, raw_rows = _plain_rows(table, lines)
    elif layout == "spaced":
        header, raw_rows = _spaced_rows(table, lines)
    elif layout == "plain":
        header, raw_rows = _plain_rows(table, lines)
    elif layout == "flat":
        header, raw_rows = _flat_rows(table, lines)
    else:
        first = next((ln for ln in lines if ln.content), None)
        if first is not None:
            table.warnings.append(TableWarning(number, None, "table layout not recognised",
                                               first.start, first.end))
        return table
    table.columns = _classify(header, caption, period_end)
    # a project list is no indicator table, whatever year its investment columns print
    # (2023年计划投资): rows of projects hold no indicators
    valued = "value" in {c.kind for c in table.columns} or any(
        _is_value_like(c.text) for raw in raw_rows for c in raw.cells if c is not None)
    if lists_projects(table.columns) or not valued:
        table.kind = "other"
        table.warnings.clear()
        return table
    _check_columns(table)
    for index, raw in enumerate(raw_rows, start=1):
        if raw.problem is not None:
            table.warnings.append(TableWarning(number, index, raw.problem, raw.start, raw.end))
            continue
        row = _read_row(table, raw, index)
        if row is not None:
            table.rows.append(row)
    return table


# --- lines -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the first character of the content (line start when blank)
    end: int
    line_start: int
    content: str
    raw: str  # the line without its line break

    @property
    def indented(self) -> bool:
        return self.raw[:1] in ("\t", " ", "\u3000")

    @property
    def empty_cell(self) -> bool:
        """A line holding only a tab: an empty cell of the cell-per-line layout."""
        return not self.content and "\t" in self.raw


def _table_lines(text: str, start: int, end: int) -> list[_Line]:
    lines = []
    pos = start
    for raw_line in text[start:end].splitlines(keepends=True):
        raw = raw_line.rstrip(_LINE_BREAKS)
        lead = len(raw) - len(raw.lstrip(_BLANKS))
        content = raw.strip(_BLANKS)
        begin = pos + lead if content else pos
        lines.append(_Line(begin, begin + len(content), pos, content, raw))
        pos += len(raw_line)
    return lines


def _layout(lines: list[_Line]) -> str:
    first = [ln for ln in lines if ln.content or ln.empty_cell][:3]
    if not first:
        return "unknown"
    if any("|" in ln.content for ln in first):
        return "pipe"
    if first[0].raw.startswith("\t") and len(_spaced_cells(first[0])) == 1:
        return "cell-per-line"
    if len(_spaced_cells(first[0])) >= 3:
        return "spaced"
    printed = [ln for ln in lines if ln.content and not _PAGE_NUMBER.match(ln.content)][:4]
    if len(printed) >= 3 and all(len(ln.content.split()) == 1 for ln in printed[:3]):
        return "plain"
    if any(len(ln.content.split()) >= 2 for ln in printed):
        return "flat"
    return "unknown"


def _ends_table(line: _Line) -> bool:
    c = line.content
    return opens_section(c) or bool(_NOTE.match(c)) or "。" in c


# --- cells and raw rows ----------------------------------------------------------------------


@dataclass
class _Cell:
    text: str
    start: int
    end: int
    column: int = 0  # position in its line (spaced layout)
    parts: list[_Cell] | None = None  # the values of a cell holding several, each with a scope


@dataclass
class _RawRow:
    """A body row: its cells one per column, or, when they could not be lined up, ``problem``."""

    cells: list[_Cell | None]
    category: str | None = None  # from a row-group label line above it
    problem: str | None = None

    def _printed(self) -> list[_Cell]:
        cells = [c for c in self.cells if c is not None]
        return [c for c in cells if c.text] or cells

    @property
    def start(self) -> int:
        return min(c.start for c in self._printed())

    @property
    def end(self) -> int:
        return max(c.end for c in self._printed())


def _pipe_cells(line: _Line) -> list[_Cell]:
    cells = []
    pos = line.start
    parts = line.content.split("|")
    for i, part in enumerate(parts):
        lead = len(part) - len(part.lstrip(_BLANKS))
        body = part.strip(_BLANKS)
        if not (i == 0 and not body and line.content.startswith("|")):
            begin = pos + lead if body else pos
            cells.append(_scoped_parts(_Cell(body, begin, begin + len(body))))
        pos += len(part) + 1
    while cells and not cells[-1].text:
        cells.pop()
    return cells


def _scoped_parts(cell: _Cell) -> _Cell:
    """A cell of a source table that prints a value for each part of the region on lines of its
    own ("城区≥95" / "乡村≥80", read as "城区≥95 乡村≥80"): one cell with those parts."""
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", cell.text)]
    if len(tokens) < 2 or any(_split_scope(token)[0] is None for _, token in tokens):
        return cell
    parts = [_Cell(token, cell.start + at, cell.start + at + len(token)) for at, token in tokens]
    return _Cell(cell.text, cell.start, cell.end, parts=parts)


def _spaced_cells(line: _Line) -> list[_Cell]:
    cells = []
    offset = line.start - line.line_start
    pos = 0
    for gap in [*_SPACED_GAP.finditer(line.content), None]:
        stop = gap.start() if gap else len(line.content)
        body = line.content[pos:stop]
        if body:
            begin = line.start + pos
            cells.append(_Cell(body, begin, begin + len(body), column=offset + pos))
        if gap:
            pos = gap.end()
    return cells


def _is_value_like(text: str) -> bool:
    return _parse_value(text) is not None


def _is_label(cells: list[_Cell], kinds: list[str]) -> bool:
    """A line holding one label and nothing else names the group of the rows below it."""
    filled = [c for c in cells if c.text]
    return ("group" not in kinds and len(filled) == 1 and len(cells) < len(kinds)
            and not _is_value_like(filled[0].text))


def _body_rows(groups: list[list[_Cell]], kinds: list[str]) -> list[_RawRow]:
    """Line up the cells of each body row of the pipe and cell-per-line layouts."""
    rows: list[_RawRow] = []
    category = None
    n = len(kinds)
    for cells in groups:
        if _is_label(cells, kinds):
            category = next(c.text for c in cells if c.text)
            continue
        if len(cells) == n:
            rows.append(_RawRow(list(cells), category))
        elif (len(cells) == n - 1 and kinds[:1] == ["group"]
              and (kinds[1:2] != ["number"] or _INTEGER.match(_nfkc(cells[0].text)))):
            # the row-group label is printed only on its group's first row
            rows.append(_RawRow([None, *cells], category))
        else:
            filled = [c for c in cells if c.text] or cells
            rows.append(_RawRow(list(filled), category,
                                problem=f"{len(cells)} cells where the header has {n}"))
    return rows


def _pipe_rows(table: ParsedTable, lines: list[_Line]) -> tuple[list[str], list[_RawRow]]:
    groups: list[list[_Cell]] = []
    for line in lines:
        if not line.content:
            continue
        if "|" not in line.content:
            break  # prose after the table
        cells = _pipe_cells(line)
        if cells:
            groups.append(cells)
            table.end = line.end
    if not groups:
        return [], []
    header_rows: list[list[_Cell]] = []
    for cells in groups:
        if header_rows and (any(_is_value_like(c.text) for c in cells)
                            or sum(1 for c in cells if c.text) < 2):
            break  # a data row, or a row-group label
        header_rows.append(cells)
    data = groups[len(header_rows):]
    table.start = groups[0][0].start
    lengths = Counter(len(cells) for cells in data)
    width = max(len(header_rows[0]), lengths.most_common(1)[0][0] if lengths else 0)
    header = _merge_header_rows(table, header_rows, width)
    return header, _body_rows(data, [_column_kind(h) for h in header])


def _merge_header_rows(table: ParsedTable, header_rows: list[list[_Cell]], width: int) -> list[str]:
    """Column headers from one or two header lines.

    With two lines and fewer cells than columns in each, the first line's leading cells span
    both lines (rowspan) and its other cells are group headers over the second line's cells,
    one each from the left, the last taking the rest (colspan).
    """
    top = [c.text for c in header_rows[0]]
    if len(header_rows) == 1:
        return top + [""] * (width - len(top))
    bottom = [c.text for c in header_rows[1]]
    if len(header_rows) > 2:
        table.warnings.append(TableWarning(table.number, None,
                                           f"{len(header_rows)} header lines, read the first two",
                                           header_rows[2][0].start, header_rows[2][-1].end))
    if len(top) == width and len(bottom) == width:
        return [f"{a} {b}".strip() for a, b in zip(top, bottom, strict=True)]
    spanning = width - len(bottom)
    parents = top[spanning:] if spanning >= 0 else []
    if not parents:
        table.warnings.append(TableWarning(table.number, None, "header lines do not line up",
                                           header_rows[1][0].start, header_rows[1][-1].end))
        return top + [""] * (width - len(top))
    merged = top[:spanning]
    for i, child in enumerate(bottom):
        merged.append(f"{parents[min(i, len(parents) - 1)]} {child}")
    return merged


def _cell_per_line_rows(table: ParsedTable, lines: list[_Line]) -> tuple[list[str],
                                                                         list[_RawRow]]:
    groups: list[list[_Cell]] = []
    current: list[_Cell] = []
    blanks = 0
    for line in lines:
        if line.empty_cell or (line.content and line.indented):
            if blanks and current:
                groups.append(current)
                current = []
            current.append(_Cell(line.content, line.start, line.end))
            blanks = 0
        elif not line.content:
            blanks += 1
        elif _ends_table(line) or len(line.content) > MAX_CELL_CHARS or not current:
            break
        else:
            # a cell wrapped onto a line of its own: "计量" / "单位"
            cell = current[-1]
            if cell.text:
                cell.text += line.content
                cell.end = line.end
            else:
                current[-1] = _Cell(line.content, line.start, line.end)
            blanks = 0
    if current:
        groups.append(current)
    if not groups:
        return [], []
    table.start = groups[0][0].start
    table.end = _RawRow(list(groups[-1])).end
    header = [c.text for c in groups[0]]
    return header, _body_rows(groups[1:], [_column_kind(h) for h in header])


def _spaced_rows(table: ParsedTable, lines: list[_Line]) -> tuple[list[str], list[_RawRow]]:
    header: list[_Cell] = []
    first_header: list[str] = []
    kinds: list[str] = []
    rows: list[_RawRow] = []
    category: str | None = None
    above: _RawRow | None = None  # the row a wrapped line continues
    in_header = False
    for line in lines:
        if not line.content or _PAGE_NUMBER.match(line.content):
            continue
        if _ends_table(line):
            break
        cells = _spaced_cells(line)
        if not header:
            header, first_header, in_header = cells, [c.text for c in cells], True
            table.start = line.start
            kinds = [_column_kind(c.text) for c in header]
            continue
        if [c.text for c in cells] == first_header:
            in_header = True  # the header printed again at the top of the next page
            continue
        if in_header and not _is_data_line(cells, kinds):
            targets = _wrap_targets(header, None, cells)
            if targets is not None:
                if not rows:  # a header cell wrapped onto a second line: "年均" / "[累计]"
                    _join(targets, cells)
                    kinds = [_column_kind(c.text) for c in header]
                continue
        in_header = False
        targets = _wrap_targets(above.cells, kinds, cells) if above is not None else None
        if targets is not None:
            _join(targets, cells)
            table.end = max(table.end, line.end)
            continue
        if len(cells) == 1 and not _is_data_line(cells, kinds):
            category = cells[0].text  # a row-group label spanning the table
            above = None
            continue
        row = _place(cells, header, category)
        rows.append(row)
        above = row if row.problem is None else None
        table.end = line.end
    return [c.text for c in header], rows


def _is_data_line(cells: list[_Cell], kinds: list[str]) -> bool:
    if "number" in kinds:
        return bool(_INTEGER.match(_nfkc(cells[0].text)))
    return len(cells) >= 2 and any(_is_value_like(c.text) or _no_value(c.text) for c in cells)


def _wrap_targets(above: list[_Cell | None], kinds: list[str] | None,
                  cells: list[_Cell]) -> list[_Cell] | None:
    """The cells above that the cells of a line continue (same column), or None.

    A 序号 is never wrapped, so a label printed at the table's left edge is not taken for one.
    """
    filled = [(i, c) for i, c in enumerate(above) if c is not None and c.text]
    if len(cells) >= len(filled) > 1:
        return None  # a full line of its own
    targets = []
    for cell in cells:
        match = [(i, c) for i, c in filled if abs(c.column - cell.column) <= ALIGN_TOLERANCE]
        if len(match) != 1 or (kinds is not None and kinds[match[0][0]] == "number"):
            return None
        targets.append(match[0][1])
    return targets


def _join(targets: list[_Cell], cells: list[_Cell]) -> None:
    """Join wrapped text without the line break; the span then runs over both lines."""
    for target, cell in zip(targets, cells, strict=True):
        target.text += cell.text
        target.end = cell.end


def _place(cells: list[_Cell], header: list[_Cell], category: str | None) -> _RawRow:
    if len(cells) == len(header):
        return _RawRow(list(cells), category)
    placed: list[_Cell | None] = [None] * len(header)
    for cell in cells:
        nearest = min(range(len(header)), key=lambda i: abs(header[i].column - cell.column))
        if placed[nearest] is not None:
            return _RawRow(cells, category, problem=f"cells {placed[nearest].text!r} and "
                           f"{cell.text!r} fall under the same column {header[nearest].text!r}")
        placed[nearest] = cell
    return _RawRow(placed, category)


# --- tables known by their header cells: the flat (PDF) and plain (one cell a line) layouts ---

# The words a header cell is made of. A table is known by them, not by its caption: it names
# what its rows are (序号, 指标, 名称, 项目) and at least one column of values or properties.
HEADER_WORDS = (
    "序号", "序", "号", "编号", "指标", "指", "标", "名称", "单位", "属性", "性质", "类别", "领域",
    "分类", "项目", "建设", "内容", "规模", "总投资", "投资", "年限", "起止", "现状", "基期",
    "基数",
    "目标", "计划", "任务", "年均", "累计", "其中", "备注", "完成", "预期", "规划", "增长", "地点",
)
_ROW_WORDS = ("序号", "指标", "名称", "项目")
_COLUMN_WORDS = ("现状", "基期", "基数", "目标", "计划", "属性", "单位", "投资")
_BARE_YEAR = re.compile(r"^(?:19|20)\d\d年?")
# two header cells printed on two lines that are one header ("指标" / "属性")
_HEADER_JOINS = ("指标属性", "指标性质", "计量单位", "指标名称", "序号")
_ROW_NUMBER = re.compile(r"^(\d{1,3})(?:[ \t\u3000]+(\S.*))?$")
# a row of a PDF-flattened table with its 类别 cell printed before its number ("创新 12 公民…")
_LABELLED_ROW = re.compile(r"^([\u4e00-\u9fff]{1,6})[ \t\u3000]+(\d{1,3})[ \t\u3000]+\S")
# "重点区≥30": a value for a part of the region; the part is named before a figure or a sign
_SCOPED = re.compile(r"^(?P<scope>[\u4e00-\u9fff]{1,10}?)(?P<value>(?:[><≥≤＞＜]=?)?\d.*)$")
_NOT_SCOPES = ("达到", "达", "累计", "力争", "约", "超过", "不低于", "不少于", "不超过", "年均",
               "提高到", "控制在", "保持")
# units that are no value's unit in UNITS (a value "5年" is a duration, not a figure) but print
# alone in a 单位 column
_UNIT_CELLS = ("年", "年/人")
_PROSE_PUNCT = re.compile(r"[。，；！？,;!?]")  # a header cell is a name, never a clause
# the first cell of a header names what the rows are: a line starting so is no caption
FIRST_HEADER_CELLS = ("序号", "序", "编号", "指标", "名称", "类别", "项目", "领域", "分类")
_FOOTNOTE_MARK = re.compile(r"(?<=[\u4e00-\u9fff）)])(\d{1,2})$")


def _header_token(token: str) -> bool:
    text = _nfkc(token).strip("“”\"'[]【】（）()：:")
    if not text or len(text) > 16 or _ROW_NUMBER.match(text) or _PROSE_PUNCT.search(text):
        return False
    return bool(_BARE_YEAR.match(text) or _YEAR.search(text)) or any(
        w in text for w in HEADER_WORDS)


def _tokens(content: str) -> list[str]:
    if "|" in content:
        return [c.strip(_BLANKS) for c in content.strip("|").split("|") if c.strip(_BLANKS)]
    return content.split()


def header_lines(contents: list[str]) -> int:
    """How many of ``contents`` (the lines after a caption) make a table's header: lines of
    header cells only, naming what the rows are (序号, 指标, 名称, 项目) and at least one column
    of values or properties (a year, 现状, 基期, 目标, 计划, 属性, 单位, 投资); 0 when they make
    none.

    >>> header_lines(["序 “十四五”目标", "指 标 单位 属性", "号", "2025年 年均[累计]", "1 全区…"])
    4
    >>> header_lines(["序号", "类别", "主要指标", "2020年现状", "2025年目标", "1"])
    5
    >>> header_lines(["到2025年，人才总量达到10万人。"])
    0
    """
    count, cells, joined = 0, 0, ""
    for content in contents:
        tokens = _tokens(content)
        if not tokens or not all(_header_token(t) for t in tokens):
            break
        count += 1
        cells += len(tokens)
        joined += "".join(tokens)
    joined = re.sub(r"\s", "", _nfkc(joined))
    names_rows = any(w in joined for w in _ROW_WORDS) or ("序" in joined and "号" in joined) \
        or ("指" in joined and "标" in joined)
    has_columns = bool(_YEAR.search(joined)) or any(w in joined for w in _COLUMN_WORDS)
    return count if names_rows and has_columns and cells >= 3 else 0


def header_over_rows(contents: list[str]) -> int:
    """How many of ``contents`` make a table's header when the table starts right there,
    with no caption line above it: header lines (``header_lines``) followed by a first row,
    a line starting with its 序号 or holding a value (one cell a line: a value among the next
    lines, one for each header cell); 0 otherwise.

    >>> header_over_rows(["序号 | 指标 | 单位 | 2025年 |", "1 | 人才总量 | 万人 | 10 |"])
    1
    >>> header_over_rows(["指标", "单位", "2025年目标", "人才总量", "万人", "10"])
    3
    >>> header_over_rows(["序号", "指标名称", "2025年目标", "下一步工作要点如下。"])
    0
    """
    count = header_lines(contents)
    if count == 0 or count >= len(contents):
        return 0
    first = contents[count]
    tokens = _tokens(first)
    if _ROW_NUMBER.match(first) or (tokens and _INTEGER.match(_nfkc(tokens[0]))):
        return count
    if len(tokens) > 1:
        return count if any(_is_value_like(t) or _no_value(t) for t in tokens) else 0
    header_cells = sum(len(_tokens(c)) for c in contents[:count])
    following = contents[count : count + header_cells]
    return count if any(_is_value_like(c) for c in following) else 0


def lists_projects(columns: tuple[Column, ...]) -> bool:
    """A project list (序号 | 项目名称 | 建设性质 | … | 总投资): a table, but of no indicators."""
    headers = "".join(c.header for c in columns)
    return "项目" in headers and "指标" not in headers


def _split_scope(text: str) -> tuple[str | None, str]:
    """("重点区", "≥30") of "重点区≥30"; (None, text) when the text names no scope."""
    match = _SCOPED.match(_nfkc(text).strip())
    if match is None or match["scope"] in _NOT_SCOPES or _parse_value(match["value"]) is None \
            or any(match["scope"].startswith(w) for w in _NOT_SCOPES):
        return None, text
    return match["scope"], match["value"]


def _joined(cells: list[_Cell]) -> _Cell:
    return _Cell("".join(c.text for c in cells), cells[0].start, cells[-1].end)


def _merge_header_cells(cells: list[_Cell]) -> list[_Cell]:
    merged: list[_Cell] = []
    for cell in cells:
        if merged and (merged[-1].text + cell.text in _HEADER_JOINS
                       or merged[-1].text.endswith(("：", ":"))):
            merged[-1] = _joined([merged[-1], cell])
        else:
            merged.append(cell)
    return merged


def _group_scoped(cells: list[_Cell]) -> list[_Cell]:
    """Consecutive scoped values ("重点区≥30", "一般区≥15") are the parts of one cell."""
    out: list[_Cell] = []
    for cell in cells:
        scoped = _split_scope(cell.text)[0] is not None
        if scoped and out and out[-1].parts is not None:
            out[-1].parts.append(cell)
            out[-1].end = cell.end
            out[-1].text += " " + cell.text
        elif scoped:
            out.append(_Cell(cell.text, cell.start, cell.end, parts=[cell]))
        else:
            out.append(cell)
    return out


def _fit_row(number: _Cell | None, cells: list[_Cell], kinds: list[str],
             category: str | None) -> _RawRow:
    """Line up the cells of one numbered row: the columns right of the name from the right,
    what is left is the name (its last cell) and, with a 类别 column, the group (the rest)."""
    rest = kinds[1:] if number is not None else kinds
    if "name" not in rest:
        return _RawRow([c for c in [number, *cells] if c is not None], category,
                       problem="no indicator-name column")
    at = rest.index("name")
    left, right = rest[:at], rest[at + 1 :]
    cells = _group_scoped(cells)
    if len(cells) < len(right) + 1:
        return _RawRow([c for c in [number, *cells] if c is not None], category,
                       problem=f"{len(cells) + (number is not None)} cells where the header has "
                               f"{len(kinds)}")
    tail = cells[len(cells) - len(right):] if right else []
    middle = cells[: len(cells) - len(right)]
    lead: list[_Cell | None] = [None] * len(left)
    if left and len(middle) > 1:
        if len(left) == 1:
            lead = [_joined(middle[:-1])]
        elif len(middle) == len(left) + 1:
            lead = list(middle[:-1])
        else:
            return _RawRow([c for c in [number, *cells] if c is not None], category,
                           problem=f"{len(middle)} cells for the name and {len(left)} columns "
                                   "before it")
        name = middle[-1]
    else:
        name = _joined(middle)
    placed: list[_Cell | None] = [*lead, name, *tail]
    return _RawRow([number, *placed] if number is not None else placed, category)


def _plain_rows(table: ParsedTable, lines: list[_Line]) -> tuple[list[str], list[_RawRow]]:
    """One cell a line, with or without indentation and blank lines between cells."""
    cells: list[_Cell] = []
    for line in lines:
        if not line.content or _PAGE_NUMBER.match(line.content):
            continue
        if _ends_table(line) or len(line.content) > MAX_PROJECT_CELL_CHARS:
            break
        cells.append(_Cell(line.content, line.start, line.end))
    k = 0
    while k < len(cells) and _header_token(cells[k].text):
        k += 1
    headers = "".join(c.text for c in cells[:k])
    # a project list's 建设内容 cell is a long phrase (no 。); elsewhere a long line is prose
    limit = MAX_PROJECT_CELL_CHARS if "项目" in headers and "指标" not in headers \
        else MAX_CELL_CHARS
    cells = list(itertools.takewhile(lambda c: len(c.text) <= limit, cells))
    header = _merge_header_cells(cells[:k])
    if not header:
        return [], []
    table.start = header[0].start
    table.end = header[-1].end
    kinds = [_column_kind(c.text) for c in header]
    body = cells[k:]
    rows: list[_RawRow] = []
    if kinds[0] != "number":
        for i in range(0, len(body) - len(kinds) + 1, len(kinds)):
            rows.append(_RawRow(list(body[i : i + len(kinds)])))
            table.end = body[i + len(kinds) - 1].end
        return [c.text for c in header], rows
    expected = 1
    current: list[_Cell] = []
    number: _Cell | None = None
    done = False  # the open row has its last cell: a cell that is not the next 序号 ends the table
    ends_with_nature = kinds[-1] == "nature"
    shortest = len(kinds) - 1 - ("group" in kinds)  # a 类别 is printed on its group's first row
    for cell in body:
        if _nfkc(cell.text) == str(expected) and (number is None or done or (
                not ends_with_nature and len(current) >= shortest)):
            if number is not None:
                rows.append(_fit_row(number, current, kinds, None))
            number, current, done = cell, [], False
            expected += 1
            table.end = cell.end
            continue
        if number is None or done:
            break
        current.append(cell)
        table.end = cell.end
        done = (ends_with_nature and _nfkc(cell.text) in NATURES) or (
            not ends_with_nature and len(current) >= len(kinds) - 1
            and not any(c.parts for c in _group_scoped(current)))
    if number is not None:
        rows.append(_fit_row(number, current, kinds, None))
    return [c.text for c in header], rows


def _unit_like(text: str) -> bool:
    t = _nfkc(text)
    return t in UNITS or t in _UNIT_CELLS or (len(t) <= 6 and ("/" in t or "%" in t)) or (
        len(t) <= 3 and any(t.startswith(u) or t.endswith(u) for u in UNITS if len(u) > 1))


def _unit_cell(before: list[_Cell], *, category: bool) -> bool:
    """Whether the last of a flattened row's cells before its values is its unit though no
    known unit (万标箱): a name holds no blank, so of two cells the second is the unit column's
    when it is a short word (no number) after a longer one, the name (a 类别 and a name are a
    short word before a longer one); of three, in a table with a 类别, the third."""
    last = _nfkc(before[-1].text) if before else ""
    if not 1 <= len(last) <= 4 or re.search(r"\d", last) or _PROSE_PUNCT.search(last):
        return False
    if len(before) == 2:
        return len(_nfkc(before[0].text)) > len(last)
    return category and len(before) == 3


@dataclass
class _FlatRow:
    number: _Cell
    name: list[_Cell] = field(default_factory=list)
    unit: list[_Cell] = field(default_factory=list)
    nature: _Cell | None = None
    values: list[_Cell] = field(default_factory=list)
    name_above: bool = False
    unit_above: bool = False
    category: str | None = None
    unit_column: bool = True
    labelled: bool = False  # its 类别 printed on its own line, before its number

    def lacks_name(self) -> bool:
        return not self.name

    def lacks_unit(self) -> bool:
        return self.unit_column and (not self.unit or self.unit[-1].text.endswith("/"))


def _line_cells(line: _Line) -> list[_Cell]:
    cells = []
    for match in re.finditer(r"\S+", line.content):
        cells.append(_Cell(match.group(), line.start + match.start(), line.start + match.end()))
    return cells


def _flat_rows(table: ParsedTable, lines: list[_Line]) -> tuple[list[str], list[_RawRow]]:
    """PDF text without layout: a header over several lines, then one row a line."""
    printed = [ln for ln in lines if ln.content and not _PAGE_NUMBER.match(ln.content)]
    count = header_lines([ln.content for ln in printed])
    if count == 0:
        return [], []
    header_text = [ln.content for ln in printed[:count]]
    tokens = [t for ln in printed[:count] for t in ln.content.split()]
    joined = _nfkc("".join(tokens))
    table.start = printed[0].start
    table.end = printed[count - 1].end
    values = [t for t in tokens if _column_kind(t) == "value"]
    # a group header over the value columns ("“十四五”目标" over "2025年" and "年均[累计]")
    dated = [t for t in values if _YEAR.search(_nfkc(t)) or _role_word(_nfkc(t)) == "growth"]
    if len(dated) >= 2:
        values = [t for t in values if t in dated]
    values = _stacked_growth(values)
    fixed: list[str] = []
    if "序" in joined:
        fixed.append("序号")
    if any(w in joined for w in ("类别", "领域", "分类")):
        fixed.append("类别")
    fixed.append("指标")
    if "单位" in joined:
        fixed.append("单位")
    nature = "属性" in joined or "性质" in joined
    items: list[_FlatRow | list[_Cell]] = []  # rows and the fragment lines between them
    expected = 1
    category: str | None = None
    body = printed[count:]
    for k, line in enumerate(body):
        if line.content in header_text:
            continue  # the header printed again after a page break
        if _ends_table(line):
            after = body[k + 1] if k + 1 < len(body) else None
            if opens_section(line.content) and after is not None \
                    and _ROW_NUMBER.match(after.content):
                # a group row of the table ("一、交通基础设施" over its projects), no heading
                category = line.content
                expected = 1 if _ROW_NUMBER.match(after.content).group(1) == "1" else expected
                table.end = line.end
                continue
            break
        row = _ROW_NUMBER.match(line.content)
        cells = _line_cells(line)
        labelled = _LABELLED_ROW.match(line.content) if "类别" in fixed and not row else None
        if labelled and int(labelled.group(2)) == expected:
            # the 类别 cell printed on the row's line before its number ("创新 12 公民…")
            category, cells = labelled.group(1), cells[1:]
            row = _ROW_NUMBER.match(line.content[cells[0].start - line.start :])
        if row and int(row.group(1)) == expected:
            flat = _FlatRow(cells[0], category=category, unit_column="单位" in fixed,
                            labelled=labelled is not None)
            rest = cells[1:]
            at = next((i for i, c in enumerate(rest) if _nfkc(c.text) in NATURES), None)
            if nature and at is not None:
                flat.nature = rest[at]
                after, before = rest[at + 1 :], rest[:at]
                if len(after) >= len(values):
                    flat.values = after[: len(values)]
                else:  # the values stand before the 属性
                    flat.values, before = before[len(before) - len(values):], \
                        before[: len(before) - len(values)]
            else:
                flat.values = rest[len(rest) - len(values):] if values else []
                before = rest[: len(rest) - len(values)] if values else rest
            if "单位" in fixed and before and (
                    (_unit_like(before[-1].text)
                     and (len(before) > 1 or len(_nfkc(before[-1].text)) <= 3))
                    or _unit_cell(before, category="类别" in fixed)):
                flat.unit = [before[-1]]
                before = before[:-1]
            if "类别" in fixed and len(before) >= 2:
                # a 类别 printed on the row: its first cell (names hold no blanks)
                category = before[0].text
                flat.category, before = category, before[1:]
            flat.name = before
            items.append(flat)
            expected += 1
            table.end = line.end
            continue
        if row or len(line.content) > MAX_CELL_CHARS or "。" in line.content:
            break  # a footnote ("1 指每万人口…") or prose: the rows are over
        items.append(_line_cells(line))
    if "项目" in joined and "指标" not in joined:
        return tokens, []  # a project list: its extent is all that matters (lists_projects)
    for used in _place_fragments(items):
        table.end = max(table.end, items[used][-1].end)  # a wrapped part below the last row
    rows: list[_RawRow] = []
    kinds_header = [*fixed, *(["属性"] if nature else []), *values]
    for item in items:
        if not isinstance(item, _FlatRow):
            continue
        name = _joined(item.name) if item.name else _Cell("", item.number.end, item.number.end)
        mark = _FOOTNOTE_MARK.search(name.text)
        if mark:  # a footnote digit glued to the name: "拥有量1"
            name = _Cell(name.text[: mark.start()], name.start, name.end)
        by_kind: dict[str, _Cell | None] = {
            "序号": item.number, "类别": None, "指标": name,
            "单位": _joined(item.unit) if item.unit else None, "属性": item.nature}
        cells: list[_Cell | None] = [by_kind[h] for h in kinds_header[: len(kinds_header)
                                                                        - len(values)]]
        if len(item.values) != len(values):
            rows.append(_RawRow([c for c in [item.number, *item.name, *item.values] if c],
                                problem=f"{len(item.values)} values where the header has "
                                        f"{len(values)} value columns"))
            continue
        rows.append(_RawRow([*cells, *item.values], item.category))
    return kinds_header, rows


def _stacked_growth(values: list[str]) -> list[str]:
    """The value columns' names with a bracketed 累计 printed under a growth column's name on
    a line of its own ("年均增长" over "[累计]") joined to it: one column, 年均增长[累计], as a
    header on one line prints it (年均[累计])."""
    out: list[str] = []
    for token in values:
        compact = _nfkc(token)
        if out and compact[:1] in "[【〔（(" and CUMULATIVE in compact \
                and _role_word(_nfkc(out[-1])) == "growth" and CUMULATIVE not in out[-1]:
            out[-1] += token
        else:
            out.append(token)
    return out


def _place_fragments(items: list[_FlatRow | list[_Cell]]) -> set[int]:
    """Give the lines between rows to the row they belong to, by position: a wrapped name or unit
    prints one part on the line right above its row's line and one on the line right below
    (``万元/`` … ``人``, ``次/百万`` … ``车公里``). A line no row takes is a row-group label
    ("经济发展", "创新驱动"): the category of the rows after it. Returns the lines taken."""
    used: set[int] = set()
    for i, item in enumerate(items):
        if not isinstance(item, _FlatRow) or not (item.lacks_name() or item.lacks_unit()):
            continue
        before = items[i - 1] if i > 0 and isinstance(items[i - 1], list) \
            and i - 1 not in used else None
        after = items[i + 1] if i + 1 < len(items) and isinstance(items[i + 1], list) else None
        took = False
        if before is not None and _take(item, before, above=True):
            used.add(i - 1)
            took = True
        following = items[i + 2] if i + 2 < len(items) else None
        next_needs = isinstance(following, _FlatRow) and following.lacks_name()
        if after is not None and (took or not next_needs or item.lacks_unit()) \
                and _take(item, after, above=False):
            used.add(i + 1)
        elif after is not None and item.unit_above and not item.name_above \
                and len(after) == 1 and len(after[0].text) <= 4 and not next_needs:
            # a unit whose first part stood above its row ("次/百万") ends on the line below
            item.unit.append(after[0])
            used.add(i + 1)
    label: str | None = None
    for i, item in enumerate(items):
        if isinstance(item, list):
            if i not in used and len(item) == 1 and not _unit_like(item[0].text):
                label = item[0].text
        elif item.labelled:
            label = None  # its own line names its 类别; the lines after it name the next
        elif label is not None:
            item.category = label
    return used


def _take(row: _FlatRow, cells: list[_Cell], *, above: bool) -> bool:
    """Give ``row`` the cells of a neighbouring line it lacks; False when it needs none of them."""
    wanted = []
    for cell in cells:
        if _unit_like(cell.text) and row.lacks_unit():
            wanted.append(("unit", cell))
        elif row.lacks_name() or (not above and row.name_above):
            wanted.append(("name", cell))
        else:
            return False
    for kind, cell in wanted:
        parts = row.unit if kind == "unit" else row.name
        if above:
            parts.insert(0, cell)
        else:
            parts.append(cell)
    if above:
        row.name_above = row.name_above or any(k == "name" for k, _ in wanted)
        row.unit_above = row.unit_above or any(k == "unit" for k, _ in wanted)
    return bool(wanted)


# --- columns ---------------------------------------------------------------------------------


def _column_kind(header: str) -> str:
    compact = re.sub(r"\s+", "", header)
    for kind, words in COLUMN_KINDS:
        if any(w in compact for w in words):
            return kind
    if _YEAR.search(compact) or _role_word(compact):
        return "value"
    return "text"


def _role_word(header: str) -> str | None:
    for role, words in ROLE_WORDS:
        if any(w in header for w in words):
            return role
    return None


def _classify(headers: list[str], caption: str,
              period_end: int | None = None) -> tuple[Column, ...]:
    columns = []
    for header in headers:
        compact = re.sub(r"\s+", "", header)
        kind = _column_kind(header)
        if kind != "value":
            columns.append(Column(header, kind))
            continue
        year = _YEAR.search(compact)
        unit = next((_nfkc(m.group(1)) for m in _ANY_BRACKET.finditer(compact)
                     if _is_unit(m.group(1))), None)
        # the column's own header decides over a group header above it: "“十四五”目标 年均增长"
        # is a growth column of the period's targets
        role = _role_word(header.split()[-1]) or _role_word(compact)
        qualifier = ANNUAL_AVERAGE if role == "growth" and ANNUAL_AVERAGE in compact else None
        columns.append(Column(header, kind, int(year.group(1)) if year else None, role, unit,
                              qualifier))
    years = [c.year for c in columns if c.year is not None]
    latest = max(years) if years else None
    # A table reporting what was achieved (完成情况) holds the previous plan's targets: planned.
    completion = "完成" in caption or any(c.role == "actual" for c in columns)
    resolved = []
    for col in columns:
        if col.kind == "value":
            role, year = col.role, col.year
            if role is None:
                role = ("actual" if completion else "target") if year == latest else "baseline"
            elif role == "target" and completion:
                role = "planned"
            if role == "growth" and year is None:
                year = latest
            elif role == "target" and year is None and period_end is not None:
                year = period_end  # 计划任务: the target for the plan's period
            col = dataclasses.replace(col, role=role, year=year)
        resolved.append(col)
    return tuple(resolved)


def _check_columns(table: ParsedTable) -> None:
    kinds = [c.kind for c in table.columns]
    if "name" not in kinds:
        table.warnings.append(TableWarning(table.number, None, "no indicator-name column in "
                                           f"header {[c.header for c in table.columns]}",
                                           table.start, table.end))
    elif "value" not in kinds:
        table.warnings.append(TableWarning(table.number, None, "no value column in header "
                                           f"{[c.header for c in table.columns]}",
                                           table.start, table.end))


# --- rows and values -------------------------------------------------------------------------


def _read_row(table: ParsedTable, raw: _RawRow, index: int) -> IndicatorRow | None:
    cells = {col.kind: cell for col, cell in zip(table.columns, raw.cells, strict=True)
             if cell is not None and cell.text and col.kind not in ("value", "text")}
    name_cell = cells.get("name")
    if name_cell is None:
        table.warnings.append(TableWarning(table.number, index, "row without an indicator name",
                                           raw.start, raw.end))
        return None
    previous = table.rows[-1] if table.rows else None
    if "group" in cells:
        category: str | None = cells["group"].text
    elif raw.category is not None:
        category = raw.category
    else:
        category = previous.category if previous is not None else None
    printed_name = name_cell.text
    name, name_unit = split_unit(printed_name)
    unit = cells["unit"].text if "unit" in cells else name_unit
    if unit is not None and _no_value(unit):
        unit = None  # a dash in the unit column: the indicator has no unit (综合交通智慧化水平)
    nature = cells["nature"].text if "nature" in cells else None
    values: list[CellValue] = []
    notes: list[tuple[str, str]] = []
    for col, cell in zip(table.columns, raw.cells, strict=True):
        if cell is None:
            continue
        if col.kind == "text":
            if cell.text:
                notes.append((col.header, cell.text))
        elif col.kind == "value":
            for part in cell.parts or [cell]:
                scope, printed = _split_scope(part.text) if cell.parts else (None, part.text)
                value = _cell_value(table, index, col, part, unit, printed=printed)
                if value is not None:
                    values.append(dataclasses.replace(value, scope=scope) if scope else value)
                elif not _no_value(part.text):
                    notes.append((col.header, part.text))  # a target in words: 完成市下达目标
    if name_unit and unit and _nfkc(name_unit) != _nfkc(unit):
        table.warnings.append(TableWarning(table.number, index, f"unit {unit!r} differs from "
                                           f"{name_unit!r} in the name", raw.start, raw.end))
    if nature is not None and nature not in NATURES:
        table.warnings.append(TableWarning(table.number, index, f"属性 {nature!r} is neither "
                                           + " nor ".join(NATURES), raw.start, raw.end))
    return IndicatorRow(
        table=table.number, index=index,
        number=cells["number"].text if "number" in cells else None,
        printed_name=printed_name, name=name, unit=unit, category=category, nature=nature,
        start=raw.start, end=raw.end, name_start=name_cell.start, name_end=name_cell.end,
        values=tuple(values), notes=tuple(notes),
    )


def _cell_value(table: ParsedTable, index: int, col: Column, cell: _Cell,
                row_unit: str | None, *, printed: str | None = None) -> CellValue | None:
    """The value of ``cell`` (``printed``: its text without a scope)."""
    if _no_value(cell.text):
        return None
    parsed = _parse_value(printed if printed is not None else cell.text)
    if parsed is None:
        table.warnings.append(TableWarning(table.number, index, f"{cell.text!r} in column "
                                           f"{col.header!r} is not a number", cell.start,
                                           cell.end))
        return None
    value, qualifier, own_unit = parsed
    if own_unit is not None:
        unit: str | None = own_unit
    elif col.unit is not None:
        unit = col.unit
    elif col.role == "growth" and qualifier != CUMULATIVE:
        unit = "%"  # an annual growth rate of an amount is a percentage, whatever the amount
    else:
        unit = row_unit
    if col.qualifier and qualifier != CUMULATIVE:
        qualifier = f"{col.qualifier} {qualifier}" if qualifier else col.qualifier
    assert col.role is not None
    return CellValue(col.header, col.year, col.role, value, cell.text, qualifier, unit,
                     cell.start, cell.end)


def _no_value(printed: str) -> bool:
    return normalise_name(printed) in NO_VALUE


def _parse_value(printed: str) -> tuple[Decimal, str | None, str | None] | None:
    """(value, qualifier, unit) of a printed cell, or None when it is no number."""
    text = normalise_name(printed)
    qualifiers = []
    if text[:1] in CUMULATIVE_BRACKETS and text.endswith(CUMULATIVE_BRACKETS[text[0]]):
        text = text[1:-1]
        qualifiers.append(CUMULATIVE)
        # "[累计达到800]": the bracket already says 累计; the words before the figure say it again
        text = re.sub(r"^(?:累计)?(?:达到|达|为)?(?=[\d><≥≤])", "", text)
    elif text.startswith(CUMULATIVE) and len(text) > len(CUMULATIVE):
        # "累计120": the period's cumulative figure, printed without brackets
        text = re.sub(r"^累计(?:达到|达)?(?=[\d><≥≤])", "", text)
        if text[:1].isdigit() or text[:1] in "><≥≤":
            qualifiers.append(CUMULATIVE)
    match = _VALUE.match(text)
    if match is None:
        return None
    try:
        value = Decimal(match["num"].replace(",", ""))
    except InvalidOperation:
        return None
    qualifiers += [q for q in (match["pre"], match["post"]) if q]
    unit = _printed_unit(printed, match["unit"]) if match["unit"] else None
    return value, " ".join(qualifiers) or None, unit


def _printed_unit(printed: str, unit: str) -> str:
    """The unit as printed in the cell (full-width forms kept), found through its NFKC form."""
    for size in range(len(unit), len(unit) + 3):
        for i in range(len(printed) - size + 1):
            if _nfkc(printed[i : i + size]) == unit:
                return printed[i : i + size]
    return unit


def _is_unit(text: str) -> bool:
    """A unit, a ratio of two ("公里/平方公里") or a unit per span of time ("亿元/年")."""
    unit = _nfkc(text).strip()
    if unit in UNITS:
        return True
    if unit.count("/") != 1:
        return False
    top, per = unit.split("/")
    return top in UNITS and (per in UNITS or per in _PER_TIME)


def split_unit(printed_name: str) -> tuple[str, str | None]:
    """(normalised name, unit printed in brackets at its end or None).

    >>> split_unit("人才资源总量(万人)")
    ('人才资源总量', '万人')
    >>> split_unit("社会工作（专业）人才")
    ('社会工作(专业)人才', None)
    """
    unit = None
    name = printed_name
    match = _TRAILING_BRACKET.search(printed_name)
    if match and _is_unit(match.group(1)):
        unit = match.group(1).strip()
        name = printed_name[: match.start()]
    return normalise_name(name), unit


def normalise_name(name: str) -> str:
    """The name without blanks, NFKC, and without the 其中： that marks a row as a part of the
    row above (其中：高速铁路营业里程 is 高速铁路营业里程, its printed name keeps the mark)."""
    return _PART_OF_ABOVE.sub("", re.sub(r"\s+", "", _nfkc(name)))


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _caption(line: str, *, fallback: int) -> tuple[int, str]:
    match = _CAPTION.match(line.strip(_BLANKS))
    if match is None:
        return fallback, line.strip(_BLANKS)
    digits = _nfkc(match.group(1))
    number = int(digits) if digits.isdigit() else chinese_number(digits)
    return number if number is not None else fallback, match.group(2).strip()
