"""Indicator tables in the layouts of issue 12: PDF text without layout (one row a line, single
spaces, wrapped names and units) and one cell a line with other headers (现状 / 目标 / 指标属性,
计划任务), with and without tabs and blank lines; tables known by their header cells.

Expected values are typed from the fixtures (tests/data/tables/*.txt), row by row.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from plankg.graph.text.structure import parse_document, read_document
from plankg.graph.text.tables import ParsedTable, header_lines, parse_table, parse_tables

DATA = Path(__file__).resolve().parent / "data" / "tables"
FLAT = DATA / "pdf-flat-main-indicators.txt"
PLAIN = DATA / "cell-per-line-plain.txt"
TABBED = DATA / "cell-per-line-tabbed.txt"


def tables(path: Path) -> list[ParsedTable]:
    found = parse_tables(read_document(path)).tables
    assert found, f"no table read in {path.name}"
    return found


def values(table: ParsedTable, index: int) -> list[tuple]:
    row = table.rows[index - 1]
    return [(v.year, v.role, v.value, v.qualifier, v.unit, v.scope) for v in row.values]


# --- the PDF-flattened 主要指标 table ------------------------------------------------------------


def test_flat_table_is_found_by_its_header_with_the_page_number_off_its_caption() -> None:
    (table,) = tables(FLAT)
    assert table.layout == "flat"
    assert table.caption == "临江区“十四五”规划《纲要》主要指标"
    assert table.section is not None and table.section.title == table.caption
    assert [c.kind for c in table.columns] == ["number", "name", "unit", "nature", "value",
                                                "value"]


def test_flat_table_rows_names_units_and_natures() -> None:
    (table,) = tables(FLAT)
    assert [(r.number, r.name, r.unit, r.nature) for r in table.rows] == [
        ("1", "全区生产总值年均增长率", "%", "预期性"),
        ("2", "全员劳动生产率", "万元/人", "预期性"),  # unit wrapped: 万元/ above, 人 below
        ("3", "单位建设用地生产总值提升", "%", "预期性"),
        ("4", "全社会研发经费支出相当于全区生产总值比例", "%", "预期性"),  # name above and below
        ("5", "每万人口高价值发明专利拥有量", "件", "预期性"),  # footnote digit 1 not in the name
        ("6", "城镇调查失业率", "%", "预期性"),
        ("7", "居民人均可支配收入增长", "%", "预期性"),
        ("8", "新增城镇就业人数", "万人", "预期性"),
        ("9", "森林覆盖率", "%", "约束性"),
    ]


def test_flat_table_values_with_their_qualifiers() -> None:
    (table,) = tables(FLAT)
    D = Decimal
    assert values(table, 1) == [(2025, "growth", D("6"), "年均 左右", "%", None)]
    assert values(table, 2) == [(2025, "target", D("30"), "左右", "万元/人", None)]
    assert values(table, 3) == [(2025, "growth", D("15"), "累计", "%", None)]
    assert values(table, 4) == [(2025, "target", D("3.8"), "左右", "%", None)]
    assert values(table, 6) == [(2025, "growth", D("5.5"), "年均 <", "%", None)]
    assert values(table, 8) == [(2025, "growth", D("800"), "累计", "万人", None)]
    assert values(table, 9) == [(2025, "target", D("60"), ">", "%", None)]
    # a target in words is a note and a warning, not a number
    assert values(table, 7) == []
    assert table.rows[6].notes == (("年均[累计]", "与经济增长基本同步"),)
    assert [str(w) for w in table.warnings] == [
        "表1 row 7: '与经济增长基本同步' in column '年均[累计]' is not a number"]


def test_flat_table_footnote_is_no_row_and_the_chapter_after_it_is_read() -> None:
    doc = read_document(FLAT)
    (table,) = tables(FLAT)
    assert len(table.rows) == 9  # "1 指每万人口…" is a footnote
    assert [s.label for s in doc.sections] == ["一、发展环境", "二、主要目标", "三、主要任务"]
    assert "1 指每万人口" not in doc.text[table.start:table.end]


# --- cell-per-line tables with other headers -----------------------------------------------------


@pytest.mark.parametrize("path", [PLAIN, TABBED], ids=["plain", "tabbed"])
def test_cell_per_line_with_category_split_and_scoped_targets(path: Path) -> None:
    first, second = tables(path)
    assert (first.number, first.caption) == (3, "“十四五”全区城市更新主要指标")
    assert [c.header for c in first.columns] == [
        "序号", "类别", "主要指标", "2020年现状", "2025年目标", "指标属性"]
    assert [(r.name, r.unit, r.category, r.nature) for r in first.rows] == [
        ("旧改完成率", "%", "综合治理", "约束性"),
        ("危房处置率", "%", "综合治理", "约束性"),
        ("绿地率", "%", "生态修复", "约束性"),
        ("城市公园数量", "个", "生态修复", "预期性"),
        ("口袋公园数量", "个", "生态修复", "预期性"),
    ]
    D = Decimal
    assert values(first, 1) == [(2025, "target", D("90"), None, "%", None)]  # —— is no value
    assert values(first, 3) == [
        (2020, "baseline", D("35"), None, "%", None),
        (2025, "target", D("30"), "≥", "%", "重点区"),
        (2025, "target", D("15"), "≥", "%", "一般区"),
    ]
    assert values(first, 5) == [(2020, "baseline", D("40"), None, "个", None)]
    assert first.warnings == []
    # 计划任务 is the target for the plan's period (the title's 十四五: 2025)
    assert [c.header for c in second.columns][3:5] == ["计划任务", "其中：2021年任务"]
    assert [(r.name, r.unit, *((v.year, v.value) for v in r.values))
            for r in second.rows] == [
        ("棚户区改造", "万户", (2025, D("3.2")), (2021, D("0.8"))),
        ("老旧小区改造", "个", (2025, D("150")), (2021, D("40"))),
        ("新建停车位", "万个", (2025, D("2")), (2021, D("0.5"))),
    ]


def test_five_plain_rows_are_five_rows() -> None:
    text = "\n".join(["序号", "指标", "单位", "2020年", "2025年",
                      *[c for i in range(1, 6) for c in (str(i), f"指标{'甲乙丙丁戊'[i - 1]}",
                                                         "%", str(i), str(i + 1))]]) + "\n"
    table = parse_table(text, 0, len(text), number=1, caption="t")
    assert table.layout == "plain"
    assert [r.name for r in table.rows] == ["指标甲", "指标乙", "指标丙", "指标丁", "指标戊"]


def test_header_cells_not_a_caption_word_make_a_table() -> None:
    assert header_lines(["序号", "指标", "2025年目标"]) == 3
    assert header_lines(["主要指标", "人才总量达到十万人"]) == 0  # prose is no header
    doc = parse_document("某市某规划\n一、目标\n今后五年的指标如下\n序号\n指标\n单位\n2025年\n"
                         "1\n人才总量\n万人\n10\n二、任务\n推进。\n")
    (table,) = parse_tables(doc).tables
    assert table.caption == "今后五年的指标如下"
    assert [(r.name, r.unit, [str(v.value) for v in r.values]) for r in table.rows] == [
        ("人才总量", "万人", ["10"])]


def test_project_list_is_a_table_of_no_indicators() -> None:
    text = ("序号 | 项目名称 | 建设性质 | 建设内容与规模 | 总投资 |\n"
            "1 | 临江大道改造工程 | 续建 | 改造道路12公里 | 18.5 |\n")
    table = parse_table(text, 0, len(text), number=5, caption="重大项目")
    assert (table.kind, table.rows, table.warnings) == ("other", [], [])


def test_flat_table_with_a_category_and_the_values_before_the_nature() -> None:
    text = ("序号 类别 指标 单位 2020年 2025年 属性\n"
            "1 经济发展 地区生产总值 亿元 1200 1800 预期性\n"
            "2 人均地区生产总值 万元 9.5 12 预期性\n"
            "3 创新驱动 研发经费投入强度 % 2.1 2.8 约束性\n")
    table = parse_table(text, 0, len(text), number=1, caption="t")
    assert table.layout == "flat" and table.warnings == []
    assert [(r.name, r.unit, r.category, r.nature, [(v.year, v.role, str(v.value))
                                                    for v in r.values]) for r in table.rows] == [
        ("地区生产总值", "亿元", "经济发展", "预期性", [(2020, "baseline", "1200"),
                                                (2025, "target", "1800")]),
        ("人均地区生产总值", "万元", "经济发展", "预期性", [(2020, "baseline", "9.5"),
                                                  (2025, "target", "12")]),
        ("研发经费投入强度", "%", "创新驱动", "约束性", [(2020, "baseline", "2.1"),
                                                (2025, "target", "2.8")]),
    ]


# --- a PDF-flattened table with a 类别 column and the growth column's name on two lines -----

CATEGORY = DATA / "pdf-flat-category-column.txt"


def test_flat_table_with_a_category_column_reads_every_row() -> None:
    (table,) = tables(CATEGORY)
    assert table.layout == "flat"
    # 年均增长 over [累计] is one column, not two
    assert [c.header for c in table.columns if c.kind == "value"] == [
        "2020年", "2025年", "年均增长[累计]"]
    assert [(r.number, r.name, r.unit) for r in table.rows] == [
        ("1", "公路通车里程", "公里"),
        ("2", "一级公路里程", "公里"),  # 其中： marks a part of the row above
        ("3", "港口集装箱吞吐量", "万标箱"),  # a unit no list knows, in the unit column
        ("4", "重点营运车辆事故率", "次/百万车公里"),  # unit wrapped above and below its row
        ("5", "货运量", "万吨"),  # its 类别 printed before its number
        ("6", "智慧物流水平", None),  # a dash in the unit column
        ("7", "全县快递物流总费用占地区生产总值比重", "%"),  # wrapped, footnote digit glued
    ]
    assert table.rows[1].printed_name == "其中：一级公路里程"
    assert table.rows[4].category == "运输"


def test_flat_table_with_a_category_column_values() -> None:
    (table,) = tables(CATEGORY)
    D = Decimal
    assert values(table, 3) == [(2020, "baseline", D("6.5"), None, "万标箱", None),
                                (2025, "target", D("12"), None, "万标箱", None),
                                (2025, "growth", D("13"), "年均 左右", "%", None)]
    assert values(table, 4)[1] == (2025, "target", D("3.5"), "<", "次/百万车公里", None)
    assert values(table, 5)[2] == (2025, "growth", D("700"), "累计", "万吨", None)
    assert len(table.rows[6].values) == 2  # its dash is no value
    # the wrapped part below the last row is the table's, not the chapter's
    doc = read_document(CATEGORY)
    assert doc.text[table.end - len("生产总值比重1") : table.end] == "生产总值比重1"


def test_a_unit_per_span_of_time_is_split_off_the_name() -> None:
    from plankg.graph.text.tables import split_unit

    assert split_unit("人才发展专项资金（亿元/年）") == ("人才发展专项资金", "亿元/年")
    assert split_unit("对口支援（县/区）") == ("对口支援(县/区)", None)
