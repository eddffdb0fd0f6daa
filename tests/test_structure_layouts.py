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
