"""Coverage of one plan: what the build found in its text and what it could use.

A researcher's first own plan is written by someone else; when its conventions were not
understood, the graph is quietly thin. So a build counts, per plan, the responsibility
annotations printed (``（牵头单位：…，配合单位：…）``, with the labels of
graph/extract/tasks.py ``ROLE_LABELS``) and those that gave a lead/support relation, the
tables found (read as indicator tables, other tables such as project lists, and tables that
could not be read), the rows of indicator tables (read or unreadable), the numbered items and
the sections. Whatever was found and not used is a warning with its line number. The counts go
on the plan node (``pk:annotationsFound`` …) and, with ``plankg build --report FILE.json``, into
a report file; a plan where fewer than 90 % of the annotations or of the indicator rows were used
gets one clear line saying so.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from rdflib import Graph, Literal, URIRef

from plankg.graph.extract.departments import annotations
from plankg.graph.extract.extractor import Facts
from plankg.graph.extract.facts import DEPARTMENT
from plankg.graph.extract.tasks import ANNOTATION_START, LEAD, SUPPORT
from plankg.graph.rdf.vocab import PK
from plankg.graph.text.document import Document
from plankg.graph.text.tables import TableParse

LOW = 0.9  # below this share of annotations or indicator rows used, a plan is flagged
ITEM_STYLES = frozenset({"1.", "（1）", "①"})
_ROLES = (LEAD, SUPPORT)


@dataclass
class Unused:
    line: int
    message: str


@dataclass
class Coverage:
    file: str
    title: str
    annotations_found: int = 0
    annotations_attached: int = 0
    tables_found: int = 0
    indicator_tables: int = 0
    other_tables: int = 0
    unread_tables: int = 0
    rows_read: int = 0
    rows_unreadable: int = 0
    numbered_items: int = 0
    sections: int = 0
    unused: list[Unused] = field(default_factory=list)

    @property
    def low(self) -> str | None:
        """One line saying what was not understood, when less than 90 % of it was used."""
        parts = []
        if self.annotations_found and self.annotations_attached < LOW * self.annotations_found:
            parts.append(f"{self.annotations_attached} of {self.annotations_found} "
                         "responsibility annotations")
        rows = self.rows_read + self.rows_unreadable
        if rows and self.rows_read < LOW * rows:
            parts.append(f"{self.rows_read} of {rows} indicator-table rows")
        if not parts:
            return None
        return (f"{self.file}: only {' and '.join(parts)} were used; this plan's conventions "
                "were probably not understood (see the warnings above)")

    def located(self, warnings: list[str]) -> list[str]:
        """``warnings`` with the line each is about, and then the unused things no warning
        named yet (annotations, tables without a row)."""
        lines: dict[str, list[int]] = {}
        for unused in self.unused:
            lines.setdefault(unused.message, []).append(unused.line)
        out = []
        for warning in warnings:
            found = lines.get(warning)
            if found:
                out.append(f"line {found.pop(0)}: {warning}")
            else:
                out.append(warning)
        out += [f"line {line}: {message}" for message, left in lines.items() for line in left]
        return out

    def as_json(self) -> dict:
        data = asdict(self)
        unused = data.pop("unused")
        return {
            "file": data["file"], "title": data["title"],
            "annotations": {"found": self.annotations_found,
                            "attached": self.annotations_attached},
            "tables": {"found": self.tables_found, "indicators": self.indicator_tables,
                       "other": self.other_tables, "unread": self.unread_tables},
            "table_rows": {"read": self.rows_read, "unreadable": self.rows_unreadable},
            "numbered_items": self.numbered_items,
            "sections": self.sections,
            "warnings": unused,
            "low_coverage": self.low,
        }


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def plan_coverage(doc: Document, facts: Facts, tables: TableParse) -> Coverage:
    """What ``doc`` holds and what of it the facts and tables used."""
    text = doc.text
    cover = Coverage(doc.path.name, doc.title)
    # annotations: every opening printed; attached when a lead/support relation names a body
    # listed inside it
    spans = {start: end for start, end, _ in annotations(text)}
    departments = [m for m in facts.mentions if m.kind == DEPARTMENT]
    related = [(r.sentence.start, r.sentence.end, r.object[1]) for r in facts.relations
               if r.predicate in _ROLES]
    for found in ANNOTATION_START.finditer(text):
        cover.annotations_found += 1
        start = found.start()
        end = spans.get(start)
        names = {m.name for m in departments if end is not None and start <= m.start < end}
        if any(s <= start < e and name in names for s, e, name in related):
            cover.annotations_attached += 1
            continue
        line_end = text.find("\n", start)
        shown = text[start: line_end if line_end >= 0 else len(text)][:40]
        why = "not closed on its line" if end is None else "gave no lead or support relation"
        cover.unused.append(Unused(line_of(text, start),
                                   f"responsibility annotation {shown!r} {why}"))
    # tables and their rows
    for table in tables.tables:
        cover.tables_found += 1
        where = table.caption_start if table.caption_start is not None else table.start
        if table.kind == "other":
            cover.other_tables += 1
            continue
        if table.rows:
            cover.indicator_tables += 1
        else:
            cover.unread_tables += 1
            cover.unused.append(Unused(line_of(text, where), f"表{table.number} "
                                       f"{table.caption!r}: no row could be read"))
        cover.rows_read += len(table.rows)
        read = {row.index for row in table.rows}
        unreadable = {}
        for warning in table.warnings:
            if warning.row is not None and warning.row not in read:
                unreadable.setdefault(warning.row, warning)
            elif warning.row is None or warning.row in read:
                cover.unused.append(Unused(line_of(text, warning.start), str(warning)))
        cover.rows_unreadable += len(unreadable)
        for warning in unreadable.values():
            cover.unused.append(Unused(line_of(text, warning.start), str(warning)))
    sections = list(doc.walk())
    cover.sections = len(sections)
    cover.numbered_items = sum(1 for s in sections if s.style in ITEM_STYLES)
    cover.unused.sort(key=lambda u: u.line)
    return cover


def add_coverage(graph: Graph, plan: URIRef, cover: Coverage) -> None:
    """The counts on the plan node."""
    for term, value in (
        (PK.annotationsFound, cover.annotations_found),
        (PK.annotationsAttached, cover.annotations_attached),
        (PK.tablesFound, cover.tables_found),
        (PK.indicatorTables, cover.indicator_tables),
        (PK.otherTables, cover.other_tables),
        (PK.tableRowsRead, cover.rows_read),
        (PK.tableRowsUnreadable, cover.rows_unreadable),
        (PK.numberedItems, cover.numbered_items),
        (PK.sectionCount, cover.sections),
    ):
        graph.add((plan, term, Literal(value)))
