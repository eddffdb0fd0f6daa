"""The front matter of a published plan: metadata table, 印发…的通知, signature block and title.

Government sites print a metadata header (索引号, 成文日期, 发布机构 …) either as a table flattened
to ``label: | value |`` cells or as ``label：value`` lines; a plan issued with a notice carries the
notice title, its recipients, body, the issuing bodies and a date before the plan's own title.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from plankg.graph.text.document import Metadata
from plankg.graph.text.lines import Line

# label as printed (spaces inside allowed: "索 引 号") → Metadata field
_FIELDS = {
    "索引号": "index_number",
    "成文日期": "written_date",
    "发布日期": "written_date",
    "发布机构": "publisher",
    "发文机关": "publisher",
    "文件编号": "document_number",
    "发文字号": "document_number",
    "文号": "document_number",
}
_KNOWN_LABELS = {*_FIELDS, "公开方式", "公开时限", "主题分类", "组配分类", "体裁分类", "有效性"}
_LABEL_CELL = re.compile(r"^([\u4e00-\u9fff\s]{2,12}?)\s*[:：]\s*(.*)$")
_DATE = re.compile(r"^(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?$")
_DOC_TYPES = (
    "实施意见", "若干意见", "指导意见", "行动计划", "实施方案", "工作方案", "发展纲要", "纲要",
    "规划", "意见", "计划", "方案", "办法", "措施", "决定", "条例", "细则",
)
_SENTENCE_END = re.compile(r"[。！？；;]")
_ISSUER_GAP = re.compile(r"[ \t\u3000]{2,}")
_QUOTED_TITLE = re.compile(r"《([^》]+)》")
MAX_TITLE = 60
MAX_SIGNATURE_LINES = 4  # issuing bodies printed one per line above the date
_SIGNATURE_PUNCT = re.compile(r"[。！？；：，,;:!?、]")
# What a PDF's page furniture leaves glued to the front of a title line: a roman page number
# ("II浙江省…"), an arabic one ("14上海市…", not "2021年…"), or a "— 31 —" footer.
PAGE_ARTEFACT = re.compile(
    r"^(?:[—–－-]+\s*\d{1,4}\s*[—–－-]+\s*|[IVXLⅠ-Ⅻⅰ-ⅻ]{1,6}(?=[\u4e00-\u9fff“《])"
    r"|\d{1,3}(?=[\u4e00-\u9fff“《])(?![\d年月日个项号期版]))"
)


@dataclass
class Header:
    metadata: Metadata
    title: str | None = None
    title_line: Line | None = None
    consumed: set[int] = field(default_factory=set)  # line numbers that are front matter


def parse_date(text: str) -> str | None:
    """ISO date of "2021年12月31日" or "2022-04-14"; None when it is not a date.

    >>> parse_date("2021年12月31日"), parse_date("2022-04-14"), parse_date("十四五")
    ('2021-12-31', '2022-04-14', None)
    """
    match = _DATE.match(text.strip())
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def document_type(title: str) -> str:
    """The kind of document a title names, by its final word.

    >>> document_type("吴兴区人才发展“十四五”规划"), document_type("关于加快人才集聚的若干意见")
    ('规划', '若干意见')
    """
    for kind in _DOC_TYPES:
        if title.endswith(kind):
            return kind
    for kind in _DOC_TYPES:
        if kind in title:
            return kind
    return "文件"


def _metadata_cells(line: Line) -> list[tuple[str, str]] | None:
    """``label: | value | label: | …`` or ``label：value`` → pairs; None if not a metadata line."""
    cells = [c.strip() for c in line.content.split("|")] if "|" in line.content else [line.content]
    pairs: list[tuple[str, str]] = []
    pending: str | None = None
    for cell in cells:
        match = _LABEL_CELL.match(cell)
        label = re.sub(r"\s", "", match.group(1)) if match else None
        if label in _KNOWN_LABELS:
            if pending:
                pairs.append((pending, ""))
            value = match.group(2).strip() if match else ""
            if value:
                pairs.append((label, value))
                pending = None
            else:
                pending = label
        elif pending is not None:
            pairs.append((pending, cell))
            pending = None
    if pending:
        pairs.append((pending, ""))
    return pairs or None


def _is_title(content: str) -> bool:
    return (
        len(content) <= MAX_TITLE
        and not _SENTENCE_END.search(content)
        and not content.endswith("通知")
        and any(kind in content for kind in _DOC_TYPES)
    )


def parse_header(lines: list[Line]) -> Header:
    """Read the front matter from ``lines``, the lines before the first heading."""
    meta = Metadata()
    header = Header(meta)
    notice_at: int | None = None
    for i, line in enumerate(lines):
        if line.blank:
            continue
        pairs = _metadata_cells(line)
        if pairs:
            header.consumed.add(line.number)
            for label, value in pairs:
                name = _FIELDS.get(label)
                if name and value and getattr(meta, name) is None:
                    setattr(meta, name, (parse_date(value) or value) if name == "written_date"
                            else value)
            continue
        if notice_at is None and content_is_notice(line.content):
            meta.notice_title = line.content
            notice_at = i
            header.consumed.add(line.number)
            continue
        if notice_at is not None and meta.recipients is None and line.content[-1] in "：:" \
                and i - notice_at <= 3:
            meta.recipients = line.content[:-1]
            header.consumed.add(line.number)
            continue
        date = parse_date(line.content)
        if date and meta.issued_date is None:
            meta.issued_date = date
            header.consumed.add(line.number)
            previous = next((p for p in reversed(lines[:i]) if not p.blank), None)
            if previous and not _SENTENCE_END.search(previous.content) \
                    and previous.number not in header.consumed:
                meta.issuers = [p for p in _ISSUER_GAP.split(previous.content) if p]
                header.consumed.add(previous.number)
    for line in lines:
        if line.number not in header.consumed and not line.blank and _is_title(line.content):
            line = strip_page_artefact(line)
            header.title, header.title_line = line.content, line
            header.consumed.add(line.number)
            break
    if header.title is None and meta.notice_title:
        quoted = _QUOTED_TITLE.search(meta.notice_title)
        if quoted:
            header.title = quoted.group(1)
    return header


def strip_page_artefact(line: Line) -> Line:
    """``line`` without the page number or footer a PDF glued before its text.

    >>> from plankg.graph.text.lines import split_lines
    >>> text = "II青梧省规划\\n14临江区纲要\\n2021年工作要点\\n"
    >>> [strip_page_artefact(ln).content for ln in split_lines(text)]
    ['青梧省规划', '临江区纲要', '2021年工作要点']
    """
    found = PAGE_ARTEFACT.match(line.content)
    if found is None or found.end() == len(line.content):
        return line
    cut = found.end()
    return dataclasses.replace(line, start=line.start + cut, content=line.content[cut:])


def parse_signature(lines: list[Line]) -> tuple[list[str], str, set[int]] | None:
    """The closing signature block of ``lines`` (the document's last lines): issuing bodies on
    short lines without punctuation, then a date on the last line. Returns (issuers, ISO date,
    line numbers of the block), or None when the document does not end with one.

    >>> from plankg.graph.text.lines import split_lines
    >>> lines = split_lines("……落地见效。\\n\\n青梧市人民政府办公室\\n2023年3月15日\\n")
    >>> issuers, date, _ = parse_signature(lines)
    >>> issuers, date
    (['青梧市人民政府办公室'], '2023-03-15')
    """
    printed = [line for line in lines if not line.blank]
    if len(printed) < 3:
        return None
    date = parse_date(printed[-1].content)
    if date is None:
        return None
    names: list[Line] = []
    for line in reversed(printed[:-1]):
        if len(names) == MAX_SIGNATURE_LINES or len(line.content) > MAX_TITLE \
                or _SIGNATURE_PUNCT.search(line.content) or parse_date(line.content):
            break
        names.insert(0, line)
    if not names or len(names) == len(printed) - 1:
        return None
    issuers = [name for line in names for name in _ISSUER_GAP.split(line.content) if name]
    return issuers, date, {printed[-1].number, *(line.number for line in names)}


def content_is_notice(content: str) -> bool:
    """A 印发/转发…的通知 line that introduces the document."""
    return content.endswith("通知") and len(content) <= 2 * MAX_TITLE and (
        "《" in content or "印发" in content or "转发" in content
    )
