"""Quantitative targets stated in the prose (their pk:Target nodes: plankg.graph.rdf.targets).

"到2025年，引进省级以上人才200名以上，落户省领军型创新创业团队5个" holds two targets. A figure
is a number with a unit or a qualifier after it ("200名以上", "5个", "3000左右"); its measure is
the text of its clause before it (and the noun after it: "培育30名左右浙江工匠" → 培育浙江工匠);
its year the last "到2025年" / "2025年前" / "“十四五”期间" before it in its sentence or, failing
that, earlier in its paragraph; its program the one named before it in its sentence, else the one
its section (or an enclosing section) heads.

Figures are read only where a plan plans: not in its background chapter (发展基础, 发展背景 …),
not in clauses about the past (截至2020年底, “十三五”, 比2015年), not in tables (text/tables.py
reads those), and not where a number is part of a name (“311”, 5G, G60, 第62次).

>>> for t in read_targets("到2025年，引进省级以上人才200名以上，落户省领军型创新创业团队5个。", 0):
...     print(t.measure, t.number, t.unit, t.qualifiers, t.year)
引进省级以上人才 200 名 ('以上',) 2025
落户省领军型创新创业团队 5 个 () 2025
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from plankg.graph.extract.facts import PROGRAM, Mention, QuantTarget
from plankg.graph.extract.phrases import skip_numbering
from plankg.graph.extract.relations import BACKGROUND, SectionTree
from plankg.graph.text.document import Document, Section, Sentence
from plankg.graph.text.numerals import chinese_number, five_year_end, plan_period

# --- the conventions, as data ------------------------------------------------------------------

UNITS = (
    "个百分点", "人年/万人", "人年／万人", "名/万人", "名／万人", "人/万人", "人／万人",
    "万元/人", "万元／人", "万人次", "万平方米", "人次", "万人", "万名", "人年", "万元", "亿元",
    "万个", "万套", "万户", "万吨", "平方米", "公里", "%", "％", "‰", "元", "件", "项", "家",
    "个", "人", "名", "所", "座", "台", "次", "场", "期", "队", "支", "批", "篇", "套", "户",
    "条", "处", "种", "位", "倍", "亩", "吨",
)
SUFFIX_QUALIFIERS = ("以上", "以下", "左右", "以内", "上下")
ABOUT = ("余", "多")  # "900余次": between the number and its unit
# Words just before a figure that qualify it ("比重超过85%"); 累计 may stand anywhere before it.
PREFIX_QUALIFIERS = ("不少于", "不低于", "不超过", "不高于", "超过", "突破", "约")
CUMULATIVE = "累计"
# 力争 / 争取 qualify every figure after them in their sentence (or ；-separated part).
SCOPE_QUALIFIERS = ("力争", "争取")
# Verbs between a measure and its figure, dropped from the measure.
LINKING_VERBS = (
    "分别达到", "分别为", "分别", "提高到", "提升到", "增加到", "增长到", "提高至", "提升至",
    "达到", "增至", "达至", "保持在", "控制在", "达", "为",
)
LEADING_WORDS = ("其中", "并且", "并", "同时", "以及", "和", "及")
# "截至2020年底" makes the rest of its sentence (or ；-part) about the past, until a year to come;
# "比2015年" only its own clause.
PAST = re.compile(r"截至|截止|“十三五”|十三五|以来")
COMPARED = re.compile(r"(?:比|较|与)(?:19|20)\d\d年")

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_FIGURE = re.compile(
    rf"(?<![\d.A-Za-z“\"‘'第+\-－/／])(?P<num>{_NUMBER})(?![\d.])"
    "(?P<about>" + "|".join(ABOUT) + ")?"
    "(?P<unit>" + "|".join(map(re.escape, UNITS)) + ")?"
    "(?P<post>" + "|".join(SUFFIX_QUALIFIERS) + ")?"
)
# a year a target is set for, not one it is compared with (比2015年, 截至2020年底)
# (a start year, 2015年起, is not the target's year either)
_YEAR = re.compile(r"(?<!截至)(?<!截止)(?<![比较与自从])(?:19|20)\d\d(?=\s*年)"
                   r"(?!\s*年\s*(?:起|以来|开始))")
# "自2015年起5年内" ends in 2019; a bare "5年内" counts from the plan's first year
_SPAN = r"(\d{1,2}|[一二两三四五六七八九十])\s*年(?:内|之内|时间)"
_FROM_YEAR = re.compile(r"(?:自|从)?((?:19|20)\d\d)\s*年\s*(?:起|开始)[，,]?\s*(?:用)?" + _SPAN)
_WITHIN = re.compile(r"(?<![起始\d])(?<!开始)" + _SPAN)
ANNUAL = "每年"  # an annual figure: "每年新引进大学生3000名以上"
_AFTER_YEAR = re.compile(r"\s*年\s*(?:底|末)?\s*(?:前|以前)?")
_FIVE_YEAR = re.compile(r"“?(十[一二三四五六七八九])五”?(?:期间|时期|期末|末|规划期)")
_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")


@dataclass(frozen=True)
class ReadTarget:
    """A figure read from a sentence, before it is placed in a plan."""

    measure: str
    number: str
    printed: str  # the figure as printed: "200名以上"
    unit: str
    qualifiers: tuple[str, ...]
    year: int | None
    start: int  # the figure with its measure where they are contiguous
    end: int
    figure_start: int


def read_targets(
    text: str, start: int, end: int | None = None, *, year: int | None = None,
    first_year: int | None = None, span_from: int | None = None,
) -> list[ReadTarget]:
    """The figures of the sentence ``text[start:end]``.

    ``year`` is the year in force before the sentence; figures for a year before ``first_year``
    (the plan period's first year) are baselines, not targets, and are left out. ``span_from`` is
    the year a bare "5年内" counts from (the plan's first year, else its year of issue).
    """
    end = len(text) if end is None else end
    found: list[ReadTarget] = []
    scope: list[str] = []
    past = False
    for clause_start, clause_end in _clauses(text, start, end):
        clause = text[clause_start:clause_end]
        if text[clause_start - 1 : clause_start] in "；;":
            scope, past = [], False
        coming = _year_before(text, clause_start, clause_end, None, span_from)
        if coming and (first_year is None or coming >= first_year):
            past = False
        past = past or bool(PAST.search(clause))
        if past or COMPARED.search(clause):
            continue
        scope += [w for w in SCOPE_QUALIFIERS if w in clause and w not in scope]
        left = clause_start
        for figure in _FIGURE.finditer(text, clause_start, clause_end):
            if not (figure.group("unit") or figure.group("post") or figure.group("about")):
                continue
            figure_year = _year_before(text, start, figure.start(), year, span_from)
            if not (first_year and figure_year and figure_year < first_year):
                read = _read(text, left, figure, clause_end, figure_year, scope, found)
                if read:
                    found.append(read)
            left = figure.end()
    return found


def _clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    clause_start = start
    for brk in _CLAUSE_BREAK.finditer(text, start, end):
        yield clause_start, brk.start()
        clause_start = brk.end()
    if clause_start < end:
        yield clause_start, end


def _years(count: str) -> int:
    return int(count) if count.isdigit() else (chinese_number(count.replace("两", "二")) or 1)


def _year_before(text: str, start: int, at: int, year: int | None,
                 first_year: int | None = None) -> int | None:
    """The last year named in ``text[start:at]``, else ``year``.

    A year, the end of a five-year period ("“十四五”期间" → 2025), the last year of a span from a
    start year ("自2015年起5年内" → 2019), or of a span from ``first_year`` (the plan's first year:
    "5年内" in a plan from 2022 → 2026).
    """
    marks = [(m.start(), int(m.group())) for m in _YEAR.finditer(text, start, at)]
    marks += [
        (m.start(), five_year_end(chinese_number(m.group(1)) or 0))
        for m in _FIVE_YEAR.finditer(text, start, at)
    ]
    marks += [(m.start(), int(m.group(1)) + _years(m.group(2)) - 1)
              for m in _FROM_YEAR.finditer(text, start, at)]
    if first_year is not None:
        marks += [(m.start(), first_year + _years(m.group(1)) - 1)
                  for m in _WITHIN.finditer(text, start, at)]
    return max(marks)[1] if marks else year


def _read(
    text: str, left: int, figure: re.Match[str], clause_end: int, year: int | None,
    scope: Sequence[str], earlier: Sequence[ReadTarget],
) -> ReadTarget | None:
    before_start, before, qualifiers = _measure_before(text, left, figure.start())
    qualifiers = [*scope, *qualifiers]
    qualifiers += [figure.group(g) for g in ("about", "post") if figure.group(g)]
    after_end = figure.end()
    while after_end < clause_end and text[after_end] != "、":
        after_end += 1
    after = text[figure.end() : after_end]
    measure = re.sub(r"\s+", "", before + after)  # a line break inside a wrapped sentence
    if not measure and earlier:
        measure = earlier[-1].measure  # "分别达到2人、391人、2053人"
    if not measure:
        return None
    return ReadTarget(
        measure=measure,
        number=figure.group("num"),
        printed=figure.group(),
        unit=figure.group("unit") or "",
        qualifiers=tuple(qualifiers),
        year=year,
        start=before_start if before else figure.start(),
        end=after_end if after else figure.end(),
        figure_start=figure.start(),
    )


def _measure_before(text: str, left: int, at: int) -> tuple[int, str, list[str]]:
    """Start and text of the measure between ``left`` and the figure at ``at``, its qualifiers."""
    start = left
    if start == 0 or text[start - 1] == "\n":
        start = skip_numbering(text, start, at)  # "9.3年内…": the item's number is no measure
    for year in _YEAR.finditer(text, left, at):  # "到2025年累计培育…": start after the year
        start = _AFTER_YEAR.match(text, year.end()).end()
    while start < at and text[start] in "、 \t\u3000":
        start += 1
    measure = text[start:at].rstrip()
    qualifiers = [CUMULATIVE] if CUMULATIVE in measure else []
    if ANNUAL in measure:
        qualifiers.append(ANNUAL)
    trailing: list[str] = []
    changed = True
    while changed:
        changed = False
        for word in (*LEADING_WORDS, *SCOPE_QUALIFIERS):
            if measure.startswith(word) and len(measure) > len(word):
                measure, start, changed = measure[len(word) :], start + len(word), True
        for word in (*LINKING_VERBS, *PREFIX_QUALIFIERS, *SCOPE_QUALIFIERS):
            if measure.endswith(word):
                measure, changed = measure[: -len(word)], True
                if word in PREFIX_QUALIFIERS:
                    trailing.insert(0, word)
    return start, measure, qualifiers + trailing


# --- extraction --------------------------------------------------------------------------------


def extract_targets(doc: Document, mentions: Iterable[Mention]) -> list[QuantTarget]:
    """The quantitative targets of one plan, each with its section, sentence and program."""
    programs = sorted((m for m in mentions if m.kind == PROGRAM), key=lambda m: m.start)
    starts = [m.start for m in programs]  # bisected per figure: a scan made long plans quadratic
    period = plan_period(doc.title)
    first_year = period[0] if period else None
    issued = doc.metadata.issued_date or doc.metadata.written_date
    # the header keeps a date field as printed when it is no date (成文日期:一、总体…)
    issued_year = re.match(r"\d{4}", issued) if issued else None
    span_from = first_year or (int(issued_year[0]) if issued_year else None)
    tree = SectionTree(doc)
    targets: list[QuantTarget] = []
    for section, paragraph in doc.paragraphs():
        if section is None or section.style.startswith("表") \
                or BACKGROUND.search(tree.chapter(section).title):
            continue
        year = None
        for sentence in paragraph.sentences:
            if "|" in sentence.text:
                continue
            reads = read_targets(
                doc.text, sentence.start, sentence.end, year=year, first_year=first_year,
                span_from=span_from,
            )
            for read in reads:
                others = [r for r in reads if r is not read]
                program = _program(read, sentence, section, programs, tree, others,
                                       starts)
                targets.append(QuantTarget(
                    measure=read.measure, value=Decimal(read.number.replace(",", "")),
                    printed=read.printed, unit=read.unit,
                    qualifier=" ".join(read.qualifiers) or None, year=read.year,
                    start=read.start, end=read.end, sentence=sentence, section=section,
                    program=program,
                ))
            year = _year_before(doc.text, sentence.start, sentence.end, year, span_from)
    return targets


def _program(
    read: ReadTarget, sentence: Sentence, section: Section, programs: Sequence[Mention],
    tree: SectionTree, others: Sequence[ReadTarget], starts: Sequence[int],
) -> str | None:
    """The program named before the figure in its clause or the clause before, else the one a
    section heads.

    "实施硕博倍增计划，力争新引进博士、硕士青年人才2500名以上" is the 硕博倍增计划's; a program
    named in another figure's measure is that figure's ("累计招引“南太湖精英计划”高层次人才项目
    达到400个以上，新招引大学生…15万人以上": the students are no program's).
    """
    spans = list(_clauses(sentence.text, 0, len(sentence.text)))
    here = next(i for i, (s, e) in enumerate(spans) if s <= read.figure_start - sentence.start <= e)
    floor = sentence.start + spans[max(0, here - 1)][0]
    if here > 0 and any(floor <= o.figure_start < sentence.start + spans[here][0] for o in others):
        floor = sentence.start + spans[here][0]  # the clause before has a figure of its own
    window = programs[bisect.bisect_left(starts, floor):
                      bisect.bisect_right(starts, read.figure_start)]
    before = [
        m for m in window
        if floor <= m.start and m.end <= read.figure_start
        and not any(o.start <= m.start and m.end <= o.end for o in others)
    ]
    if before:
        return before[-1].name
    for node in tree.chain(section):
        heading = programs[bisect.bisect_left(starts, node.heading_start):
                           bisect.bisect_right(starts, node.heading_end)]
        for mention in heading:
            if node.heading_start <= mention.start and mention.end <= node.heading_end:
                return mention.name
    return None
