"""Headings and tables in the shapes of issue 12's convention 8: outline numbering 3.1 / 3.1.1,
专栏 boxes, page numbers standing alone or glued to a heading or the title, and project lists
that are tables, not sections. Expected trees are typed from the fixture text."""

from __future__ import annotations

from pathlib import Path

from plankg.graph.text.structure import parse_document, read_document
from plankg.graph.text.tables import parse_tables

OUTLINE = Path(__file__).resolve().parent / "data" / "conventions" / "outline-boxes-projects.txt"


def test_outline_numbering_boxes_and_page_numbers() -> None:
    doc = read_document(OUTLINE)
    assert doc.title == "青梧市综合交通运输发展“十四五”规划"  # "II" is the page number
    assert doc.text[doc.title_start:doc.title_end] == doc.title
    tree = [(s.path, s.numbering, s.title) for s in doc.walk()]
    assert tree == [
        ((1,), "第一章", "发展基础"),
        ((1, 1), "1.1", "“十三五”主要成就"),
        ((1, 2), "1.2", "面临形势"),
        ((2,), "第二章", "重点任务"),
        ((2, 1), "2.1", "完善综合交通网络"),
        ((2, 1, 1), "2.1.1", "建设快速路网"),
        ((2, 1, 2), "2.1.2", "优化公交网络"),  # after the box, 2.1 goes on
        ((2, 2), "专栏1", "交通重点工程"),  # a section of its chapter, with its own items
        ((2, 2, 1), "1.", "梧江大道快速化改造工程"),
        ((2, 2, 2), "2.", "澄湖隧道工程"),
        # 2. is a paragraph-heading, and the deeper item after it is its own
        ((2, 2, 2, 1), "（1）", "隧道主体工程"),
        ((2, 3), "2.2", "推进重大项目建设"),
        ((2, 3, 1), "", "“十四五”重大项目表"),  # the project list, its group rows inside it
        ((3,), "第三章", "保障措施"),  # "15" glued before it is the page number
        ((3, 1), "3.1", "加强资金保障"),
    ]
    box = next(s for s in doc.walk() if s.numbering == "专栏1")
    assert doc.text[box.start:box.end].endswith("（1）隧道主体工程")
    assert all("— 31 —" not in doc.text[p.start:p.end] for _, p in doc.paragraphs())


def test_project_list_is_a_table_of_no_indicators() -> None:
    doc = read_document(OUTLINE)
    (table,) = parse_tables(doc).tables
    assert (table.kind, table.rows) == ("other", [])
    assert doc.text[table.end - 2:table.end] == "20"  # the list runs to its last row


def test_a_figure_at_a_line_start_is_no_outline_heading() -> None:
    doc = parse_document("某市规划\n一、目标\n人才总量达到\n2.5万人以上，增长明显。\n")
    assert [s.label for s in doc.walk()] == ["一、目标"]


# --- page numbers of a PDF-flattened text (issue 12, convention 8) -----------------------------

PAGE_BREAKS = OUTLINE.parent / "pdf-page-breaks-plan.txt"


def test_page_numbers_are_the_increasing_sequence_of_the_text() -> None:
    doc = read_document(PAGE_BREAKS)
    pages = [(p.number, doc.text[p.start : p.end], p.alone) for p in doc.page_numbers]
    assert pages == [
        (1, "— 1 —", True),
        (2, "2", False),  # "2同时也要看到…": a new paragraph on page 3
        (3, "— 3 —", True),
        (4, "4", False),  # "4三、主要任务"
        (5, "5", False),  # "5资助，…": the sentence of the page before goes on
        (6, "— 6 —", True),
        (7, "7", False),  # "7（二）建强人才平台"
    ]


def test_glued_page_numbers_leave_headings_and_sentences() -> None:
    doc = read_document(PAGE_BREAKS)
    assert [(s.path, s.label) for s in doc.walk()] == [
        ((1,), "一、发展基础"),
        ((2,), "二、总体目标"),
        ((3,), "三、主要任务"),
        ((3, 1), "（一）集聚产业领军人才"),
        ((3, 1, 1), "1.实施“枫溪英才”引育计划"),
        ((3, 1, 2), "2.实施青年人才倍增计划"),
        ((3, 2), "（二）建强人才平台"),
        ((3, 2, 1), "3.建设枫溪智能装备研究院"),
    ]
    sentences = [s.text for _, s in doc.sentences()]
    assert all(doc.text[s.start : s.end] == s.text for _, s in doc.sentences())
    starts = [s.replace("\n", "")[:8] for s in sentences]
    assert "同时也要看到，全" in starts  # not "2同时…"
    # the sentence broken by page 5 is read as its two parts, neither holding the number
    assert "资助，并在住房、" in starts
    assert any(s.endswith("给予最高500万元项目") for s in sentences)
    assert not any("— " in s for s in sentences)


def test_real_leading_numbers_are_kept() -> None:
    doc = read_document(PAGE_BREAKS)
    starts = [s.text[:6] for _, s in doc.sentences()]
    assert "16个重点项" in starts  # a figure, not page 16
    assert "2025年前" in starts
    assert "3家，高技能" in starts  # after the page line "— 3 —", a figure of the sentence
    text = " ".join(s.text for _, s in doc.sentences())
    assert "\n10大产业人才集聚区" in text  # 10 fits no page sequence: text


def test_a_lone_glued_number_is_no_page_number() -> None:
    doc = parse_document("某县规划\n一、目标\n" + "甲" * 60 + "\n12大产业集群加快形成。\n")
    assert doc.page_numbers == []
    assert [s.text for _, s in doc.sentences()][-1].endswith("甲\n12大产业集群加快形成。")


# --- inline group headings own the items under them (issue 12, convention 1) ------------------


GROUPS = (
    "临江区关于实施人才行动计划的意见\n"
    "一、总体目标\n"
    "1.主要目标。到2025年，全区人才资源总量达到20万人。\n"
    "各镇、街道要对照全区目标，研究确定本地区具体目标。\n"
    "二、实施五大人才行动计划\n"
    "（一）制造强区人才行动计划。围绕高端装备、新材料等产业，实施如下重点项目：\n"
    "2.临江工匠培育项目。5年内培育临江工匠100名，给予补助。（牵头单位：区人力资源和社会保障局，"
    "配合单位：区教育局、区财政局，各镇、街道）\n"
    "3.青年英才储备项目。每年储备青年英才50名。（牵头单位：区委组织部）\n"
    "（二）服务强区人才行动计划。面向现代服务业，实施如下重点项目：\n"
    "4.服务业领军人才项目。每年遴选领军人才10名。（牵头单位：区商务局）\n"
    "各牵头单位每年年初制定项目推进方案。\n"
    "三、组织实施\n"
    "加强组织领导。\n"
)


def test_items_nest_under_their_inline_group_heading() -> None:
    doc = parse_document(GROUPS)
    assert [(s.path, s.label) for s in doc.walk()] == [
        ((1,), "一、总体目标"),
        ((1, 1), "1.主要目标"),
        ((2,), "二、实施五大人才行动计划"),
        ((2, 1), "（一）制造强区人才行动计划"),
        ((2, 1, 1), "2.临江工匠培育项目"),  # numbered across the text, first of its group
        ((2, 1, 2), "3.青年英才储备项目"),
        ((2, 2), "（二）服务强区人才行动计划"),
        ((2, 2, 1), "4.服务业领军人才项目"),
        ((3,), "三、组织实施"),
    ]
    group = next(s for s in doc.walk() if s.numbering == "（一）")
    assert doc.text[group.start : group.end].endswith("（牵头单位：区委组织部）")
    # prose after a group's items is the group's; prose after a childless item is not the item's
    second = next(s for s in doc.walk() if s.numbering == "（二）")
    assert doc.text[second.start : second.end].endswith("各牵头单位每年年初制定项目推进方案。")
    top = doc.sections[0]
    assert [doc.text[p.start : p.end][:6] for p in top.paragraphs] == ["各镇、街道要"]
