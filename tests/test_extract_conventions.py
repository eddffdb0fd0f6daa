"""Conventions of plans by other authors (issue 12: 1, 2, 3, 4 and 9), on a text in their shapes.

tests/data/conventions/qiaoxi-talent-projects-opinion.txt is an invented 若干意见 written in the
shapes issue 12 quotes (items numbered across groups and closed by annotations, an item that
names a platform, 领域 lists that are no industries, platforms named by an industry, other
wordings of a target year). Expected values are read from that text by hand.
"""

from __future__ import annotations

import pytest
from corpus_paths import TESTS
from rdflib import RDF, RDFS, Dataset

from plankg.graph.extract.extractor import Facts, extract_facts
from plankg.graph.extract.lexicon import Lexicon
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
