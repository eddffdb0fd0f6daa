"""Indicators and their observations as RDF (docs/model.md "Indicators"), from the tables of a
plan and from the headline figures its prose states about the past ("截至2020年底，全区人才资源总量
达到23.2万人").

Rows of a plan's tables whose names differ only in spelling (:func:`match_key`: 规上 / 规模以上, a
unit in brackets, full / half width) are one indicator, labelled with the first name printed.
A prose figure joins the table indicator whose name it repeats, compared the same way; a
figure that repeats no table name becomes an indicator of its own only when the sentence states it
as a level ("…达到/为 N 单位"). Figures of flows over a period (新增, 引进, 累计 …) are not levels
and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import XSD

from plankg.graph.document import Document, Section, Sentence
from plankg.graph.evidence import add_evidence
from plankg.graph.identifiers import in_plan, short_hash, slug
from plankg.graph.numerals import chinese_number, five_year_end, plan_period
from plankg.graph.tables import UNITS, IndicatorRow, ParsedTable, TableParse, split_unit
from plankg.graph.vocab import PK, QB

ROLES = {
    "baseline": PK.baseline,
    "target": PK.target,
    "actual": PK.actual,
    "planned": PK.planned,
    "growth": PK.growth,
}
ROLE_LABELS = {"baseline": "基数", "target": "目标", "actual": "实际", "planned": "规划目标",
               "growth": "增长"}

# Spelling variants that name the same indicator, applied to both sides before comparing names.
NAME_VARIANTS = (("规模以上", "规上"), ("万名", "万"), ("千名", "千"), ("的", ""))
# Prose before a name that says where, not what: 全区人才资源总量 is 人才资源总量.
PLACE_PREFIX = re.compile(r"^(?:全|我|本)[区市县省镇]")
# A clause opening with one of these counts a flow over the period, not a level at its end.
FLOW_WORDS = ("新增", "净增", "新引进", "引进", "引育", "培育", "累计", "入选", "比", "较", "增长",
              "提高", "其中", "占", "共")
# "截至2020年底，全区拥有/建成…N家" states a stock: the verb is not part of the name
STOCK_VERBS = ("拥有", "建成", "共有", "现有")
LEVEL_VERBS = ("达到", "突破", "超过", "提高到", "增加到", "增至", "为", "达")
BOUND_VERBS = {"突破": "突破", "超过": "超过"}  # verbs that make the figure a lower bound
MAX_SUBJECT = 30

# prose is matched as printed (offsets must hold), so units are matched in both widths
_UNIT = "|".join(re.escape(u).replace("/", "[/／]").replace("%", "[%％]")
                 for u in sorted(UNITS, key=len, reverse=True))
_FIGURE = re.compile(
    "(?P<verb>" + "|".join(LEVEL_VERBS) + ")?"
    r"(?P<num>\d+(?:\.\d+)?)"
    f"(?P<unit>{_UNIT})"
    "(?P<post>以上|左右)?"
)
_CLAUSE_END = re.compile(r"[，,；;：:。！？]")
_POINT_ANCHOR = re.compile(
    r"^(?P<prefix>截至|截止|至)?(?:(?P<year>(?:19|20)\d\d)\s*年(?:底|末)?|"
    r"[“\"]十(?P<fyp>[一二三四五六七八九])五[”\"]\s*(?:末|期末))"
)
_PERIOD_ANCHOR = re.compile(
    r"^(?:到|至|截至|在)?(?:(?:19|20)\d\d\s*年|[“\"]十[一二三四五六七八九]五[”\"])(?:期间|以来|前|内)?"
)
_PERIOD_WORDS = re.compile(r"期间|以来|[到至](?:19|20)\d\d")
_REGION = re.compile(r"^(\S{1,8}?[省市区县旗])")
_DIGIT = re.compile(r"\d")


def match_key(name: str) -> str:
    """The form two printings of one indicator's name share.

    >>> match_key("高新技术产业增加值占规模以上工业增加值比重（%）")
    '高新技术产业增加值占规上工业增加值比重'
    >>> match_key("每万名从业人员人才资源数") == match_key("每万从业人员人才资源数")
    True
    """
    key, _ = split_unit(name)
    for variant, canonical in NAME_VARIANTS:
        key = key.replace(variant, canonical)
    return key


@dataclass(frozen=True)
class HeadlineFigure:
    """A level the prose states for a past year: ``text[start:end]`` is the number and unit."""

    name: str  # normalised indicator name: a table indicator's when matched
    subject: str  # what the prose says is measured, as printed
    value: Decimal
    printed: str
    qualifier: str | None
    unit: str
    year: int
    start: int
    end: int
    sentence: Sentence
    section: Section | None
    matched: bool  # repeats the name of a table indicator
    role: str = "actual"


@dataclass
class IndicatorReport:
    indicators: int = 0
    observations: int = 0
    figures: int = 0  # headline figures from the prose
    warnings: list[str] = field(default_factory=list)  # table rows not read, conflicting values


# --- headline figures ------------------------------------------------------------------------


def read_headline_figures(doc: Document, parse: TableParse) -> list[HeadlineFigure]:
    """Levels the prose states for a year before the plan period, in text order.

    A point in time ("截至2020年底", "2020年，", "截至“十三五”末") holds for the rest of its
    paragraph, until a period ("“十三五”期间", "到2025年") or another point replaces it.
    """
    period = plan_period(doc.title)
    start_year = period[0] if period else None
    names = {}
    for row in parse.rows:
        names.setdefault(match_key(row.name), row.name)
    region = _REGION.match(doc.title)
    figures = []
    for section, paragraph in doc.paragraphs():
        year: int | None = None
        for sentence in paragraph.sentences:
            for clause_start, clause in _clauses(sentence.text):
                clause, skipped, year = _anchor(clause, year, start_year)
                if year is None or not clause:
                    continue
                base = sentence.start + clause_start + skipped
                figures += _clause_figures(clause, base, year, names, region, sentence, section)
    return figures


def _clauses(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for end in [*(m.end() for m in _CLAUSE_END.finditer(text)), len(text)]:
        if end > pos:
            yield pos, text[pos:end]
        pos = end


def _anchor(clause: str, year: int | None, start_year: int | None) -> tuple[str, int, int | None]:
    """(clause after any time phrase, characters skipped, the year that now holds)."""
    lead = len(clause) - len(clause.lstrip("—- \u3000"))
    body = clause[lead:]
    point = _POINT_ANCHOR.match(body)
    if point and not _PERIOD_WORDS.match(body[point.end():]):
        if point["fyp"]:
            found = five_year_end(_fyp_number(point["fyp"])) if point["prefix"] else None
        else:
            found = int(point["year"])
        # before the plan period; with no period known, only "截至…" marks the past for sure
        if found is not None and ((start_year is not None and found < start_year)
                                  or (start_year is None and point["prefix"])):
            rest = body[point.end():]
            skip = len(rest) - len(rest.lstrip("，, "))
            return rest[skip:], lead + point.end() + skip, found
        return "", 0, None
    period = _PERIOD_ANCHOR.match(body)
    if period and period.end() > 0 and _PERIOD_WORDS.search(body[: period.end() + 2]):
        return "", 0, None
    return clause, 0, year


def _clause_figures(clause: str, base: int, year: int, names: dict[str, str],
                    region: re.Match[str] | None, sentence: Sentence,
                    section: Section | None) -> list[HeadlineFigure]:
    if clause.startswith(FLOW_WORDS) or "分别" in clause:
        return []
    figures = []
    previous = 0
    for match in _FIGURE.finditer(clause):
        subject = clause[previous : match.start()].strip("、，,；; 和及")
        previous = match.end()
        name = _subject_name(subject, region)
        if name is None:
            continue
        key = match_key(name)
        matched = key in names
        if not matched and (match["verb"] not in LEVEL_VERBS or not 2 <= len(name) <= MAX_SUBJECT):
            continue
        number_start = match.start("num")
        qualifier = BOUND_VERBS.get(match["verb"] or "") or match["post"]
        figures.append(HeadlineFigure(
            name=names[key] if matched else name, subject=subject,
            value=Decimal(match["num"]), printed=clause[number_start : match.end()],
            qualifier=qualifier, unit=match["unit"], year=year,
            start=base + number_start, end=base + match.end(),
            sentence=sentence, section=section, matched=matched,
        ))
    return figures


def _subject_name(subject: str, region: re.Match[str] | None) -> str | None:
    if not subject or _DIGIT.search(subject) or subject.startswith(FLOW_WORDS):
        return None
    if region is not None and subject.startswith(region.group(1)):
        subject = subject[len(region.group(1)):]
    subject = PLACE_PREFIX.sub("", subject)
    for verb in STOCK_VERBS:
        subject = subject.removeprefix(verb)
    if subject.startswith(FLOW_WORDS):
        return None
    name, _ = split_unit(subject)
    return name or None


def _fyp_number(numeral: str) -> int:
    """The number of the five-year plan 十<numeral>五: 十四五 → 14."""
    number = chinese_number("十" + numeral)
    assert number is not None  # the patterns take one digit 一…九
    return number


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
                    dataset: URIRef | None, label: str, where: str) -> None:
        local = str(indicator).rsplit("/", 1)[1]
        key = "-".join(p for p in (local, str(year) if year else "", role) if p)
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
        year_text = f"{year}年" if year else ""
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
                             where=f"表{table.number} row {row.index}")

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
