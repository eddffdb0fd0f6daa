"""Conventions of plans by other authors (issue 12: 1, 2, 3, 4 and 9), on a text in their shapes.

tests/data/conventions/qiaoxi-talent-projects-opinion.txt is an invented 若干意见 written in the
shapes issue 12 quotes (items numbered across groups and closed by annotations, an item that
names a platform, 领域 lists that are no industries, platforms named by an industry, other
wordings of a target year). Expected values are read from that text by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpus_paths import TESTS
from rdflib import RDF, RDFS, Dataset

from plankg.graph.extract.extractor import Facts, extract_facts
from plankg.graph.extract.industries import fragment_ok
from plankg.graph.extract.lexicon import Lexicon
from plankg.graph.extract.platforms import PlatformFinder
from plankg.graph.extract.segment import leading_cut
from plankg.graph.extract.tasks import task_sections
from plankg.graph.rdf.build import build_dataset
from plankg.graph.rdf.vocab import PK
from plankg.graph.text.document import Document
from plankg.graph.text.structure import read_document

QIAOXI = TESTS / "data" / "conventions" / "qiaoxi-talent-projects-opinion.txt"


@pytest.fixture(scope="module")
def qiaoxi() -> Document:
    return read_document(QIAOXI)


@pytest.fixture(scope="module")
def qiaoxi_facts(qiaoxi: Document, lexicon: Lexicon) -> Facts:
    return extract_facts(qiaoxi, lexicon=lexicon)


@pytest.fixture(scope="module")
def qiaoxi_graph() -> Dataset:
    return build_dataset([QIAOXI]).dataset


def _responsibilities(facts: Facts, doc: Document) -> set[tuple[str, str, str]]:
    titles = {s.key: s.title for s in doc.walk()}
    found = set()
    for r in facts.relations:
        if r.predicate in ("leadDepartment", "supportDepartment"):
            kind, name = r.subject
            found.add((titles[name] if kind == "task" else name, r.predicate, r.object[1]))
    return found


# --- 1. numbered items with a responsibility annotation, in chapters not called 任务 -------------


def test_annotated_items_and_their_list_are_tasks(qiaoxi: Document) -> None:
    titles = [s.title for s in task_sections(qiaoxi)]
    # items 1-5 of the 行动计划 chapter (5 carries no annotation, its list does), and item 6 of
    # the 保障措施 chapter; not the （一）（二） groups, not the chapters
    assert titles == ["桥溪工匠培育项目", "青年英才储备项目", "“英才计划”桥溪创业服务中心",
                      "光电科技园扩容项目", "智能家居城建设项目", "加大财政投入"]


def test_each_annotation_attaches_to_the_item_it_closes(qiaoxi: Document,
                                                        qiaoxi_facts: Facts) -> None:
    found = _responsibilities(qiaoxi_facts, qiaoxi)
    lead, support = "leadDepartment", "supportDepartment"
    assert ("桥溪工匠培育项目", lead, "桥溪区人力资源和社会保障局") in found
    assert ("桥溪工匠培育项目", support, "桥溪区财政局") in found
    assert ("青年英才储备项目", lead, "桥溪区委组织部") in found  # 牵头单位 only
    assert not any(s == "青年英才储备项目" and p == support for s, p, _ in found)
    assert ("“英才计划”桥溪创业服务中心", lead, "桥溪区科学技术局") in found
    assert ("光电科技园扩容项目", lead, "桥溪区经济和信息化局") in found  # half-width
    assert ("加大财政投入", lead, "桥溪区财政局") in found
    assert not any(s == "智能家居城建设项目" for s, _, _ in found)  # item 5 has no annotation


def test_the_program_an_item_is_gets_its_departments(qiaoxi_facts: Facts) -> None:
    programs = {(r.subject[1], r.predicate, r.object[1]) for r in qiaoxi_facts.relations
                if r.subject[0] == "program" and r.predicate.endswith("Department")}
    assert ("桥溪工匠培育项目", "leadDepartment", "桥溪区人力资源和社会保障局") in programs
    assert ("桥溪工匠培育项目", "supportDepartment", "桥溪区教育局") in programs
    assert ("青年英才储备项目", "leadDepartment", "桥溪区委组织部") in programs


def test_every_responsibility_subject_is_a_task_or_program_node(qiaoxi_graph: Dataset) -> None:
    subjects = {s for s, p, _, _ in qiaoxi_graph.quads((None, None, None, None))
                if p in (PK.leadDepartment, PK.supportDepartment)}
    assert len(subjects) >= 8
    for subject in subjects:
        types = {o for _, _, o, _ in qiaoxi_graph.quads((subject, RDF.type, None, None))}
        assert types & {PK.Task, PK.Program}, subject
        assert any(True for _ in qiaoxi_graph.quads((subject, RDFS.label, None, None))), subject


# --- 2. an item's name is its first clause without its number; no label starts with numbering --

NUMBERED = re.compile(r"^\s*(?:\d{1,3}\s*[.．、]"
                      r"|[（(]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[）)]"
                      r"|[一二三四五六七八九十]{1,3}、)")


def test_an_item_names_the_platform_without_its_number(qiaoxi_facts: Facts) -> None:
    assert "英才计划桥溪创业服务中心" in qiaoxi_facts.names("platform")
    assert not any(n[0].isdigit() for n in qiaoxi_facts.names("platform"))


def _plans() -> list[Path]:
    plans = sorted((TESTS / "data" / "plans").glob("*.txt"))
    assert len(plans) >= 5  # 澄岚 and the four fixtures of issue 12
    return [*sorted((TESTS.parent / "corpus").glob("*.txt")), *plans, QIAOXI]


@pytest.mark.parametrize("plan", _plans(), ids=lambda p: p.stem)
def test_no_label_starts_with_numbering(plan: Path) -> None:
    # section labels are numbering + title by design (docs/model.md); every other label,
    # tasks, programs, platforms, industries, departments, targets, is a name
    dataset = build_dataset([plan]).dataset
    sections = {s for s, _, _, _ in dataset.quads((None, RDF.type, PK.Section, None))}
    labels = [(s, str(o)) for s, _, o, _ in dataset.quads((None, RDFS.label, None, None))
              if s not in sections]
    assert len(labels) > 20
    numbered = [label for _, label in labels if NUMBERED.match(label)]
    assert numbered == []


# --- 3. industries are industries -------------------------------------------------------------


def test_policy_and_research_fields_are_no_industries(qiaoxi_facts: Facts) -> None:
    industries = set(qiaoxi_facts.names("industry"))
    # 市场准入、审批服务和综合监管等领域; 疾病筛查、临床研究等领域
    assert industries.isdisjoint({"市场准入", "审批服务", "综合监管", "疾病筛查", "临床研究"})
    assert {"光电信息", "智能家居", "生物医药"} <= industries


@pytest.mark.parametrize("fragment", ["3年内县", "支持产业", "组建产业", "战略性新兴",
                                      "沿海地区产业", "避免产业"])
def test_fragments_are_no_industries(fragment: str) -> None:
    assert not fragment_ok(fragment)


@pytest.mark.parametrize("sector", ["5G通信制造", "休闲旅游", "节能环保", "数字经济", "智能制造"])
def test_sectors_that_open_with_a_verb_stay(sector: str) -> None:
    assert fragment_ok(sector)


def test_a_park_named_by_an_industry_carries_it(qiaoxi_facts: Facts) -> None:
    pairs = {(r.subject[1], r.object[1]) for r in qiaoxi_facts.relations
             if r.subject[0] == "platform" and r.predicate == "targetsIndustry"}
    assert {("智能家居城", "智能家居"), ("生物医药产业园", "生物医药")} <= pairs
    # the naming sentences are the evidence: the item's body, and its title, which names the
    # platform inside the project's name (5.智能家居城建设项目。)
    evidence = {r.sentence.text for r in qiaoxi_facts.relations
                if r.subject == ("platform", "智能家居城") and r.object[1] == "智能家居"}
    assert any("建设桥溪智能家居城" in sentence for sentence in evidence), evidence


# --- 4. a name never starts with a verb or preposition ----------------------------------------


def test_platform_names_do_not_start_with_a_verb(qiaoxi_facts: Facts) -> None:
    platforms = set(qiaoxi_facts.names("platform"))
    assert "桥溪经济开发区" in platforms  # 选择桥溪经济开发区开展人才管理改革试点
    assert not any(n.startswith(("选择", "扶持", "依托", "以", "对")) for n in platforms)


@pytest.mark.parametrize(("text", "name"), [
    ("选择鹊山经济开发区", "鹊山经济开发区"),
    ("以青堰科技园", "青堰科技园"),
    ("联创谷产业园", "联创谷产业园"),  # jieba calls 联创 a verb; the residue guard keeps it
])
def test_leading_cut(text: str, name: str, lexicon: Lexicon) -> None:
    finder = PlatformFinder(lexicon)
    suffix = next(s for s, _ in finder.suffixes if text.endswith(s))
    cut = leading_cut(text, 0, len(text), keep=len(suffix),
                      accept=lambda s: len(finder.residue(text[s:], suffix)) >= 2)
    assert text[cut:] == name


# --- 9. target years from other wordings --------------------------------------------------------


def _targets(facts: Facts) -> dict[str, tuple[int | None, str | None]]:
    return {f"{t.measure} {t.printed}": (t.year, t.qualifier) for t in facts.targets}


def test_target_years_from_spans_and_periods(qiaoxi_facts: Facts) -> None:
    targets = _targets(qiaoxi_facts)
    assert targets["全区人才资源总量 18万人"][0] == 2025  # 自2021年起5年内
    assert targets["“十四五”期间新引进高层次人才 500名以上"][0] == 2025
    assert targets["区财政安排人才专项资金累计 5亿元"][0] == 2019  # 自2015年起5年内, not 2015
    assert "每年" in (targets["每年新引进大学生 3000名以上"][1] or "")


def test_a_bare_span_counts_from_the_year_of_issue(lexicon: Lexicon) -> None:
    # the 遂宁 fixture names no period in its title and is signed 2022年6月20日
    doc = read_document(TESTS / "data" / "plans" / "suining-talent-projects-opinion.txt")
    targets = _targets(extract_facts(doc, lexicon=lexicon))
    assert targets["5年内引进培育顶尖人才团队 10个以上"][0] == 2026
    assert targets["全市人才资源总量 62万人"][0] == 2026  # 自2022年起5年内
