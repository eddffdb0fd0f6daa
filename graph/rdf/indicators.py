"""Indicators and their observations as RDF (docs/model.md "Indicators"), from the tables of a
plan and from the headline figures its prose states about the past
(``plankg.graph.extract.figures``).

Rows of a plan's tables whose names differ only in spelling are one indicator
(:func:`~plankg.graph.extract.figures.match_key`), labelled with the first name printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import XSD

from plankg.graph.extract.figures import HeadlineFigure, match_key, read_headline_figures
from plankg.graph.rdf.evidence import add_evidence
from plankg.graph.rdf.identifiers import in_plan, short_hash, slug
from plankg.graph.rdf.vocab import PK, QB
from plankg.graph.text.document import Document, Section
from plankg.graph.text.tables import IndicatorRow, ParsedTable, TableParse

ROLES = {
    "baseline": PK.baseline,
    "target": PK.target,
    "actual": PK.actual,
    "planned": PK.planned,
    "growth": PK.growth,
}
ROLE_LABELS = {"baseline": "基数", "target": "目标", "actual": "实际", "planned": "规划目标",
               "growth": "增长"}


@dataclass
class IndicatorReport:
    indicators: int = 0
    observations: int = 0
    figures: int = 0  # headline figures from the prose
    warnings: list[str] = field(default_factory=list)  # table rows not read, conflicting values


# --- RDF -------------------------------------------------------------------------------------


class _Writer:
    """Adds the indicator nodes of one plan, keeping their IRIs unique and their values single."""

    def __init__(self, graph: Graph, doc: Document, plan: URIRef) -> None:
        self.graph, self.doc, self.plan = graph, doc, plan
        self.slugs: dict[str, str] = {}  # slug → name that owns it
        self.indicators: dict[str, URIRef] = {}
        self.observations: dict[URIRef, tuple[Decimal, str | None]] = {}
        self.report = IndicatorReport()

    def indicator(self, name: str) -> URIRef:
        """The indicator named ``name`` or a spelling variant of it (:func:`match_key`)."""
        spelling = match_key(name)
        if spelling in self.indicators:
            return self.indicators[spelling]
        key = slug(name)
        if self.slugs.setdefault(key, name) != name:
            key = f"{key}-{short_hash(name)}"  # a homophone of another indicator's name
        node = in_plan(self.plan, "indicator", key)
        self.indicators[spelling] = node
        g = self.graph
        g.add((node, RDF.type, PK.Indicator))
        g.add((node, RDFS.label, Literal(name, lang="zh")))
        g.add((node, PK.inPlan, self.plan))
        g.add((self.plan, PK.hasIndicator, node))
        self.report.indicators += 1
        return node

    def table(self, table: ParsedTable) -> URIRef:
        node = in_plan(self.plan, "table", str(table.number))
        g = self.graph
        g.add((node, RDF.type, PK.Table))
        g.add((node, RDF.type, QB.DataSet))
        g.add((node, PK.tableNumber, Literal(table.number)))
        g.add((node, PK.inPlan, self.plan))
        if table.caption_start is not None and table.caption_end is not None:
            label = self.doc.text[table.caption_start : table.caption_end]
            g.add((node, PK.evidence, self.evidence(table.caption_start, table.caption_end,
                                                    table.section)))
        else:
            label = f"表{table.number}：{table.caption}"
        g.add((node, RDFS.label, Literal(label.strip(), lang="zh")))
        return node

    def evidence(self, start: int, end: int, section: Section | None) -> URIRef:
        if section is None:
            section = self.doc.section_at(start)
        return add_evidence(self.graph, text=self.doc.text, plan=self.plan, start=start, end=end,
                            section=section)

    def observation(self, indicator: URIRef, *, year: int | None, role: str, value: Decimal,
                    printed: str, qualifier: str | None, unit: str | None, evidence: URIRef,
                    dataset: URIRef | None, label: str, where: str,
                    scope: str | None = None) -> None:
        local = str(indicator).rsplit("/", 1)[1]
        key = "-".join(p for p in (local, str(year) if year else "", role,
                                   slug(scope) if scope else "") if p)
        node = in_plan(self.plan, "observation", key)
        seen = self.observations.get(node)
        if seen is not None and seen != (value, unit):
            # one indicator, year and role printed with two values: keep both, say so
            self.report.warnings.append(
                f"{where}: {label} {year} {role} is {printed} here but {seen[0]} {seen[1] or ''} "
                f"elsewhere in the plan; both kept".rstrip())
            node = in_plan(self.plan, "observation", f"{key}-{short_hash(str(evidence))}")
            seen = None
        g = self.graph
        g.add((node, PK.evidence, evidence))
        if seen is not None:
            return  # the same value read again (a table and the prose): one more evidence
        self.observations[node] = (value, unit)
        g.add((node, RDF.type, QB.Observation))
        g.add((node, PK.indicator, indicator))
        g.add((node, PK.inPlan, self.plan))
        g.add((node, PK.role, ROLES[role]))
        g.add((node, PK.value, Literal(value, datatype=XSD.decimal)))
        g.add((node, PK.printedValue, Literal(printed)))
        if year is not None:
            g.add((node, PK.year, Literal(f"{year:04d}", datatype=XSD.gYear)))
        if unit:
            g.add((node, PK.unit, Literal(unit)))
        if qualifier:
            g.add((node, PK.qualifier, Literal(qualifier)))
        if dataset is not None:
            g.add((node, QB.dataSet, dataset))
        if scope:
            g.add((node, PK.scope, Literal(scope, lang="zh")))
        year_text = f"{year}年" if year else ""
        if scope:
            label = f"{label}（{scope}）"
        g.add((node, RDFS.label,
               Literal(f"{label} {year_text}{ROLE_LABELS[role]} {printed}", lang="zh")))
        self.report.observations += 1

    def row(self, table: ParsedTable, dataset: URIRef, row: IndicatorRow) -> None:
        node = self.indicator(row.name)
        evidence = self.evidence(row.start, row.end, table.section)
        g = self.graph
        g.add((node, PK.printedName, Literal(row.printed_name)))
        g.add((node, PK.inTable, dataset))
        g.add((node, PK.evidence, evidence))
        if row.unit:
            g.add((node, PK.unit, Literal(row.unit)))
        if row.category:
            g.add((node, PK.category, Literal(row.category, lang="zh")))
        if row.nature:
            g.add((node, PK.nature, Literal(row.nature, lang="zh")))
        for v in row.values:
            self.observation(node, year=v.year, role=v.role, value=v.value, printed=v.printed,
                             qualifier=v.qualifier, unit=v.unit, evidence=evidence,
                             dataset=dataset, label=row.name,
                             where=f"表{table.number} row {row.index}", scope=v.scope)

    def figure(self, fig: HeadlineFigure) -> None:
        node = self.indicator(fig.name)
        evidence = self.evidence(fig.sentence.start, fig.sentence.end, fig.section)
        self.graph.add((node, PK.evidence, evidence))
        if not fig.matched:
            self.graph.add((node, PK.printedName, Literal(fig.subject)))
            self.graph.add((node, PK.unit, Literal(fig.unit)))
        self.observation(node, year=fig.year, role=fig.role, value=fig.value,
                         printed=fig.printed, qualifier=fig.qualifier, unit=fig.unit,
                         evidence=evidence, dataset=None, label=fig.name,
                         where=f"text {fig.start}-{fig.end}")
        self.report.figures += 1


def add_indicators(graph: Graph, doc: Document, plan: URIRef, parse: TableParse, *,
                   headlines: bool = True) -> IndicatorReport:
    """Add the tables, indicators and observations of ``doc`` to ``graph`` (the plan's graph).

    Returns counts and every warning a build should print: table rows that could not be read
    (from ``parse``) and values printed twice for one indicator, year and role.
    """
    writer = _Writer(graph, doc, plan)
    writer.report.warnings += [str(w) for w in parse.warnings]
    for table in parse.tables:
        if table.kind != "indicators":
            continue
        dataset = writer.table(table)
        for row in table.rows:
            writer.row(table, dataset, row)
    if headlines:
        for fig in read_headline_figures(doc, parse):
            writer.figure(fig)
    return writer.report
