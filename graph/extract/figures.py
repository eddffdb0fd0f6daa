"""Headline figures: the levels a plan's prose states about the past, matched to its tables.

"截至2020年底，全区人才资源总量达到23.2万人" restates a row of the plan's indicator table (its 2020
value). Names that differ only in spelling (:func:`match_key`: 规上 / 规模以上, a unit in brackets,
full / half width) are one indicator. A prose figure joins the table indicator whose name it
repeats, compared the same way; a figure that repeats no table name is kept only when the
sentence states it as a level ("…达到/为 N 单位"). Figures of flows over a period (新增, 引进,
累计 …) are not levels and are left alone. ``plankg.graph.rdf.indicators`` writes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from plankg.graph.text.document import Document, Section, Sentence
from plankg.graph.text.numerals import chinese_number, five_year_end, plan_period
from plankg.graph.text.tables import UNITS, TableParse, split_unit

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
