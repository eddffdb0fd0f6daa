"""Indicator tables: every row of every table of both bundled plans, and the PDF-layout fixture.

Expected values are typed from the plan texts (corpus/*.txt) and the fixture, row by row.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_paths import WUXING, XIUZHOU

from plankg.api import query
from plankg.cli import main
from plankg.graph.text.structure import read_document
from plankg.graph.text.tables import ParsedTable, parse_table, parse_tables

DATA = Path(__file__).resolve().parent / "data" / "tables"
SHANGHAI = DATA / "shanghai-style-main-indicators.txt"

def table_in(path: Path, number: int) -> tuple[str, ParsedTable]:
    """Table N of a plan, read through the structure reader as the build reads it."""
    doc = read_document(path)
    (table,) = [t for t in parse_tables(doc).tables if t.number == number]
    assert table.section is not None and table.section.style == "表N："
    return doc.text, table


def D(text: str) -> Decimal:
    return Decimal(text)


def observations(table: ParsedTable, index: int) -> list[tuple]:
    row = table.rows[index - 1]
    return [(v.year, v.role, v.value, v.qualifier, v.unit) for v in row.values]


def assert_spans(text: str, table: ParsedTable) -> None:
    """Every row's and every value's offsets slice back to what is printed."""
    for row in table.rows:
        row_text = text[row.start : row.end]
        first = re.split(r"\||\t|\s{2,}", row_text)[0].strip()
        assert first in (row.category, row.number, row.printed_name), (row.index, row_text)
        # the span runs from the row's first printed cell to its last, and holds all of them
        assert row_text == row_text.strip(" \t\n|"), (row.index, row_text)
        compact = re.sub(r"[\s|]", "", row_text)
        unit = row.unit if any(c.kind == "unit" for c in table.columns) else None
        for cell in (row.number, unit, *(text for _, text in row.notes)):
            assert cell is None or re.sub(r"\s", "", cell) in compact, (row.index, cell)
        for value in row.values:
            assert text[value.start : value.end] == value.printed
            assert row.start <= value.start < value.end <= row.end
        name_text = text[row.name_start : row.name_end]
        if "\n" in name_text and table.layout == "spaced":
            # a wrapped name's span runs from its first part to its last, over the cells between
            first_line, *_, last_line = name_text.split("\n")
            assert row.printed_name.startswith(first_line.split()[0])
            assert row.printed_name.endswith(last_line.strip())
        else:
            assert re.sub(r"\s+", "", name_text) == row.printed_name


# --- 吴兴 表1: pipe layout, header over two lines, unit inside the name ------------------------

# name as printed, normalised name, unit, 2015年, 规划目标 2020年, 完成情况 2020年, 完成度
WUXING_1 = [
    ("人才资源总量(万人)", "人才资源总量", "万人", "9.2", "10", "23.2", "完成"),
    ("党政人才(万人)", "党政人才", "万人", "0.15", None, "0.65", "——"),
    ("经营管理人才(万人)", "经营管理人才", "万人", "1.4", "2", "5.02", "完成"),
    ("专业技术人才(万人)", "专业技术人才", "万人", "2.2", "3", "9.31", "完成"),
    ("高技能人才(万人)", "高技能人才", "万人", "2.7", "4", "6.11", "完成"),
    ("农村实用人才(万人)", "农村实用人才", "万人", "1.4", None, "1.5", "——"),
    ("社会工作专业人才(万人)", "社会工作专业人才", "万人", "0.16", None, "0.62", "——"),
    ("每万名劳动力中R&D人员(人年)", "每万名劳动力中R&D人员", "人年", "56", "75", "96.82", "完成"),
    ("高技能人才占技能劳动者比例(%)", "高技能人才占技能劳动者比例", "%", "29.6", "30", "31.5",
     "完成"),
]


def test_wuxing_table_1_every_row() -> None:
    text, table = table_in(WUXING, 1)
    assert table.layout == "pipe"
    assert table.caption == "“十三五”全区人才发展主要指标完成情况"
    assert [c.header for c in table.columns] == [
        "指标名称", "2015年", "规划目标 2020年", "完成情况 2020年", "完成情况 完成度"]
    assert len(table.rows) == 9
    assert table.warnings == []
    for index, (printed, name, unit, base, planned, actual, done) in enumerate(WUXING_1, 1):
        row = table.rows[index - 1]
        assert (row.printed_name, row.name, row.unit, row.category) == (printed, name, unit, None)
        expected = [(2015, "baseline", D(base), None, unit)]
        if planned is not None:
            expected.append((2020, "planned", D(planned), None, unit))
        expected.append((2020, "actual", D(actual), None, unit))
        assert observations(table, index) == expected
        assert row.notes == (("完成情况 完成度", done),)
    assert_spans(text, table)
    # prose follows the table inside its section; the table ends before it
    assert text[table.end :].lstrip().startswith("在总结成绩的同时")


# --- 吴兴 表2: pipe layout, group label only on a group's first row ----------------------------

# group, 序号, name, unit, 2020年 情况, 2025年 目标
WUXING_2 = [
    ("人才资源总量", "1", "人才资源总量", "万人", "23.2", "26.4"),
    ("人才资源总量", "2", "党政人才", "万人", "0.65", "0.75"),
    ("人才资源总量", "3", "经营管理人才", "万人", "5.02", "6"),
    ("人才资源总量", "4", "专业技术人才", "万人", "9.31", "10.22"),
    ("人才资源总量", "5", "高技能人才", "万人", "6.11", "6.91"),
    ("人才资源总量", "6", "农村实用人才", "万人", "1.5", "1.8"),
    ("人才资源总量", "7", "社会工作专业人才", "万人", "0.62", "0.72"),
    ("人才结构", "8", "万名劳动力中研发人员数量", "人年", "96.82", "120"),
    ("人才结构", "9", "专业技术人才高级职称比例", "%", "31.5", "35"),
    ("人才结构", "10", "高技能人才占技能劳动者比例", "%", "31.5", "35"),
    ("人才效能", "11", "每万人发明专利拥有量", "件", "43.38", "45"),
    ("人才效能", "12", "PCT专利新增申请量", "件", "35", "100"),
    ("人才效能", "13", "高新技术产业增加值占规上工业比重", "%", "79.87", "85"),
    ("人才效能", "14", "全员劳动生产率年均增长率", "%", "5.5", "6"),
    ("人才环境", "15", "高等教育毛入学率", "%", "63.63", "71"),
    ("人才环境", "16", "常住人口每千人执业(助理)医师数量", "人", "3.19", "4"),
]


def test_wuxing_table_2_every_row() -> None:
    text, table = table_in(WUXING, 2)
    assert table.layout == "pipe"
    assert [c.kind for c in table.columns] == ["group", "number", "name", "unit", "value",
                                               "value"]
    assert len(table.rows) == 16
    assert table.warnings == []
    for index, (group, number, name, unit, base, target) in enumerate(WUXING_2, 1):
        row = table.rows[index - 1]
        assert (row.category, row.number, row.printed_name, row.name, row.unit) == (
            group, number, name, name, unit)
        assert observations(table, index) == [
            (2020, "baseline", D(base), None, unit), (2025, "target", D(target), None, unit)]
    assert_spans(text, table)


# --- 秀洲 表1: one cell per line, split header and name cells, growth column ------------------

# group, 序号, name as printed, unit, 2015年底基数, 2020年底总量, 增长率(%) (value[, own unit])
XIUZHOU_1 = [
    ("人才规模", "1", "人才资源总量", "万人", "8.94", "12.21", "36.6"),
    ("人才规模", "2", "党政人才", "万人", "0.15", "0.17", "13.3"),
    ("人才规模", "3", "经营管理人才", "万人", "1.44", "3.14", "118.1"),
    ("人才规模", "4", "专业技术人才", "万人", "1.91", "4.04", "111.5"),
    ("人才规模", "5", "高技能人才", "万人", "2.16", "3.53", "63.4"),
    ("人才规模", "6", "农村实用人才", "万人", "1.05", "1.23", "17.1"),
    ("人才规模", "7", "社会工作（专业）人才", "人", "256", "1000", "290.6"),
    ("人才素质", "8", "每万名从业人员人才资源数", "人", "2741", "3752", "36.9"),
    ("人才素质", "9", "博士", "人", "78", "222", "184.6"),
    ("人才素质", "10", "硕士", "人", "793", "2001", "152.3"),
    ("人才素质", "11", "本科", "人", "13445", "28337", "110.8"),
    ("人才素质", "12", "高级职称", "人", "1800", "2515", "39.7"),
    ("人才素质", "13", "高技能人才占技能劳动者比例", "%", "26.0", "35.4", ("9.4", "个百分点")),
    ("人才平台", "14", "院士专家工作站", "家", "3", "13", "333.3"),
    ("人才平台", "15", "博士后工作站", "家", "2", "8", "300.0"),
    ("人才平台", "16", "技能大师工作室", "家", "5", "15", "200.0"),
    ("人才平台", "17", "众创空间", "个", "2", "7", "250.0"),
    ("人才平台", "18", "企业研发中心", "家", "296", "557", "88.2"),
    ("人才平台", "19", "科技企业孵化器", "家", "5", "15", "200.0"),
    ("人才服务及投入", "20", "人力资源服务中介机构", "家", "20", "63", "215.0"),
    ("人才服务及投入", "21", "人才安居房", "套", "892", "2475", "177.5"),
    ("人才服务及投入", "22", "财政人才专项投入占地方公共财政收入比例", "%", "2.0", "3.3",
     ("1.3", "个百分点")),
    ("人才服务及投入", "23", "财政人才发展专项资金", "万元", "3294", "9066", "175.2"),
    ("人才效能", "24", "全员劳动生产率", "万元/人", "9.1", "15.5", "70.4"),
    ("人才效能", "25", "高新技术产业增加值占规上工业增加值的比重", "%", "43.7", "68.0",
     ("24.3", "个百分点")),
    ("人才效能", "26", "发明专利授权量", "项", "465", "2447", "426.2"),
    ("人才效能", "27", "新产品产值率", "%", "43.7", "52.0", ("8.3", "个百分点")),
]


def test_xiuzhou_table_1_every_row() -> None:
    text, table = table_in(XIUZHOU, 1)
    assert table.layout == "cell-per-line"
    assert [c.header for c in table.columns] == [
        "一级指标", "序号", "二级指标", "计量单位", "2015年底基数", "2020年底总量", "增长率(%)"]
    assert len(table.rows) == 27
    assert table.warnings == []
    for index, (group, number, name, unit, base, total, growth) in enumerate(XIUZHOU_1, 1):
        row = table.rows[index - 1]
        assert (row.category, row.number, row.printed_name, row.unit) == (group, number, name,
                                                                           unit)
        growth_value, growth_unit = growth if isinstance(growth, tuple) else (growth, "%")
        assert observations(table, index) == [
            (2015, "baseline", D(base), None, unit),
            (2020, "actual", D(total), None, unit),
            (2020, "growth", D(growth_value), None, growth_unit),
        ]
    assert table.rows[6].name == "社会工作(专业)人才"
    assert_spans(text, table)
    # a name wrapped over two lines (with a blank line between) is one cell
    row_22 = table.rows[21]
    assert "\n" in text[row_22.name_start : row_22.name_end]
    # the "2.0" and "68.0" printed with a trailing zero keep it
    assert str(table.rows[21].values[0].value) == "2.0"
    assert str(table.rows[24].values[1].value) == "68.0"
    assert text[table.end :].lstrip().startswith("在取得成绩的同时")


# --- 秀洲 表2: one cell per line, "一级" / "指标" header, "-" and "7以上" -------------------

XIUZHOU_2 = [
    ("人才投入", "1", "人才资源总量", "万人", "12.21", "14.71"),
    ("人才投入", "2", "区人才发展专项资金", "万元", "9066", "10510"),
    ("人才投入", "3", "全社会R&D经费支出占GDP比重", "%", "3.15", "3.75"),
    ("人才素质", "4", "博士、硕士人才", "人", "2223", "4750"),
    ("人才素质", "5", "每万名从业人员中R&D人员", "人年／万人", "158.8", "200"),
    ("人才素质", "6", "每万名从业人员中高技能人才数", "人", "1052", "1240"),
    ("载体环境", "7", "规模以上工业企业中有研发活动企业数占比", "%", "86.3", "95"),
    ("载体环境", "8", "省级（重点）企业研究院", "家", "27", "40"),
    ("载体环境", "9", "院士专家工作站", "家", "13", "18"),
    ("载体环境", "10", "博士后工作（流动）站", "家", "8", "16"),
    ("绩效产出", "11", "全员劳动生产率年均增长", "%", None, ("7", "以上")),
    ("绩效产出", "12", "高新技术产业增加值占规模以上工业增加值比重（%）", "%", "68", "75"),
    ("绩效产出", "13", "每万人高价值发明专利拥有量", "项", "10.3", "18.0"),
    ("绩效产出", "14", "PCT国际专利申请量", "项", "120", "192"),
    ("绩效产出", "15", "人才企业上市（挂牌）数量", "家", "4", "9"),
]


def test_xiuzhou_table_2_every_row() -> None:
    text, table = table_in(XIUZHOU, 2)
    assert table.layout == "cell-per-line"
    assert [c.header for c in table.columns] == [
        "一级指标", "序号", "二级指标", "计量单位", "2020年基数", "2025年目标"]
    assert len(table.rows) == 15
    assert table.warnings == []
    for index, (group, number, name, unit, base, target) in enumerate(XIUZHOU_2, 1):
        row = table.rows[index - 1]
        assert (row.category, row.number, row.printed_name, row.unit) == (group, number, name,
                                                                           unit)
        expected = []
        if base is not None:
            expected.append((2020, "baseline", D(base), None, unit))
        target_value, qualifier = target if isinstance(target, tuple) else (target, None)
        expected.append((2025, "target", D(target_value), qualifier, unit))
        assert observations(table, index) == expected
    assert table.rows[10].values[0].printed == "7以上"
    assert table.rows[11].name == "高新技术产业增加值占规模以上工业增加值比重"
    assert str(table.rows[12].values[1].value) == "18.0"
    assert_spans(text, table)


# --- the tables in the heading tree of the real structure reader --------------------------------


@pytest.mark.parametrize(("path", "number", "prose"), [
    (WUXING, 1, "在总结成绩的同时也要清醒看到"),
    (XIUZHOU, 1, "在取得成绩的同时也要清醒地认识到"),
])
def test_prose_after_a_table_is_a_paragraph_of_the_section_around_it(
        path: Path, number: int, prose: str) -> None:
    doc = read_document(path)
    (table,) = [t for t in parse_tables(doc).tables if t.number == number]
    assert table.section is not None and table.section.end == table.end
    assert table.section.paragraphs == []
    section, paragraph = next((s, p) for s, p in doc.paragraphs()
                              if doc.text[p.start : p.end].startswith(prose))
    assert section is not None and section.path == table.section.path[:-1]
    assert paragraph.start > table.end


# --- the Shanghai-style 主要指标 table in PDF-extracted layout ---------------------------------

# 序号, name, unit, 属性, category, [(year, role, value, qualifier, unit)]
SHANGHAI_ROWS = [
    ("1", "地区生产总值", "亿元", "预期性", "经济发展",
     [(2025, "target", "2600", "左右", "亿元"), (2025, "growth", "6", "年均 左右", "%")]),
    ("2", "全社会研发经费支出相当于地区生产总值的比例", "%", "预期性", "经济发展",
     [(2025, "target", "4.5", "左右", "%")]),
    ("3", "战略性新兴产业增加值占地区生产总值比重", "%", "预期性", "经济发展",
     [(2025, "target", "20", ">", "%")]),
    ("4", "每万人口高价值发明专利拥有量", "件", "预期性", "经济发展",
     [(2025, "target", "30", None, "件")]),
    ("5", "城镇调查失业率", "%", "预期性", "民生福祉", [(2025, "target", "5.5", "<", "%")]),
    ("6", "新增就业岗位", "万个", "预期性", "民生福祉",
     [(2025, "growth", "20", "累计", "万个")]),
    ("7", "居民人均可支配收入增长", "%", "预期性", "民生福祉", []),
    ("8", "人均预期寿命", "岁", "预期性", "民生福祉", [(2025, "target", "84", "以上", "岁")]),
    ("9", "单位地区生产总值能源消耗降低", "%", "约束性", "绿色生态",
     [(2025, "growth", "15", "累计", "%")]),
    ("10", "森林覆盖率", "%", "约束性", "绿色生态", [(2025, "target", "60", ">", "%")]),
    ("11", "细颗粒物（PM2.5）年均浓度", "微克/立方米", "约束性", "绿色生态",
     [(2025, "target", "35", "≤", "微克/立方米")]),
    ("12", "生活垃圾回收利用率", "%", "预期性", "绿色生态", [(2025, "target", "45", ">", "%")]),
]


def shanghai_table() -> tuple[str, ParsedTable]:
    text, table = table_in(SHANGHAI, 1)
    assert table.caption == "临江区“十四五”时期经济社会发展主要指标"
    # the note under the table and the next heading are not part of it
    assert text[table.end :].lstrip().startswith("注：[ ]内为五年累计数。")
    return text, table


def test_shanghai_style_pdf_layout_every_row() -> None:
    text, table = shanghai_table()
    assert table.layout == "spaced"
    assert [c.header for c in table.columns] == ["序号", "指标", "单位", "属性", "2025年",
                                                 "年均[累计]"]
    assert len(table.rows) == 12  # the page number and the repeated header are not rows
    for row, (number, name, unit, nature, category, values) in zip(
            table.rows, SHANGHAI_ROWS, strict=True):
        assert (row.number, row.printed_name, row.unit, row.nature, row.category) == (
            number, name, unit, nature, category)
        assert [(v.year, v.role, v.value, v.qualifier, v.unit) for v in row.values] == [
            (y, r, D(v), q, u) for y, r, v, q, u in values]
    assert table.rows[10].name == "细颗粒物(PM2.5)年均浓度"
    assert table.rows[11].values[0].printed == "＞45"
    assert_spans(text, table)
    # the wrapped name's span runs over both lines
    wrapped = text[table.rows[1].name_start : table.rows[1].name_end]
    assert wrapped.startswith("全社会研发经费支出相当于地区生 ")
    assert wrapped.endswith("\n      产总值的比例")


def test_shanghai_style_words_instead_of_numbers_are_warned_not_dropped() -> None:
    _, table = shanghai_table()
    assert [str(w) for w in table.warnings] == [
        "表1 row 7: '与经济增长同步' in column '年均[累计]' is not a number",
        "表1 row 9: '完成市下达目标' in column '2025年' is not a number",
    ]
    # the rows are still there, with the words kept as notes
    assert table.rows[6].notes == (("年均[累计]", "与经济增长同步"),)
    assert table.rows[8].notes == (("2025年", "完成市下达目标"),)


# --- values as printed -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "value", "qualifier", "unit"),
    [
        ("7以上", "7", "以上", "人"),
        ("4.5左右", "4.5", "左右", "人"),
        (">60", "60", ">", "人"),
        ("＞60", "60", ">", "人"),
        ("≥95", "95", "≥", "人"),
        ("<5", "5", "<", "人"),
        ("[20]", "20", "累计", "人"),
        ("［20］", "20", "累计", "人"),
        ("9.4个百分点", "9.4", None, "个百分点"),
        ("35%", "35", None, "%"),
        ("18.0", "18.0", None, "人"),
        ("1,200", "1200", None, "人"),
        ("超过85", "85", "超过", "人"),
    ],
)
def test_printed_values(cell: str, value: str, qualifier: str | None, unit: str) -> None:
    text = f"指标 | 单位 | 2025年 |\n人才数 | 人 | {cell} |\n"
    table = parse_table(text, 0, len(text), number=3, caption="t")
    (v,) = table.rows[0].values
    assert (str(v.value), v.qualifier, v.unit, v.printed) == (value, qualifier, unit, cell)


@pytest.mark.parametrize("cell", ["——", "-", "—", "－", "/", ""])
def test_dashes_are_no_value(cell: str) -> None:
    text = f"指标 | 单位 | 2020年 | 2025年 |\n人才数 | 人 | {cell} | 5 |\n"
    table = parse_table(text, 0, len(text), number=3, caption="t")
    assert [(v.year, v.value) for v in table.rows[0].values] == [(2025, D("5"))]
    assert table.warnings == []


def test_row_that_does_not_line_up_is_a_warning_naming_table_and_row() -> None:
    text = ("指标 | 单位 | 2020年 | 2025年 |\n"
            "人才数 | 人 | 3 | 5 |\n"
            "专利数 | 件 | 1 | 2 | 3 | 4 |\n"
            "平台数 | 家 | 7 | 9 |\n")
    table = parse_table(text, 0, len(text), number=4, caption="t")
    assert [r.name for r in table.rows] == ["人才数", "平台数"]
    (warning,) = table.warnings
    assert str(warning) == "表4 row 2: 6 cells where the header has 4"
    assert text[warning.start : warning.end] == "专利数 | 件 | 1 | 2 | 3 | 4"


def test_label_row_names_the_group_of_the_rows_below() -> None:
    text = ("序号 | 指标 | 单位 | 2020年 | 2025年 |\n"
            "创新驱动 | | | | |\n"
            "1 | 研发投入强度 | % | 2.5 | 3.0 |\n"
            "民生福祉 |\n"
            "2 | 人均预期寿命 | 岁 | 80 | 81左右 |\n")
    table = parse_table(text, 0, len(text), number=5, caption="t")
    assert [(r.number, r.name, r.category) for r in table.rows] == [
        ("1", "研发投入强度", "创新驱动"), ("2", "人均预期寿命", "民生福祉")]
    assert table.warnings == []


def test_unrecognised_layout_is_a_warning() -> None:
    text = "这里只有一段文字，没有表格。\n"
    table = parse_table(text, 0, len(text), number=6, caption="t")
    assert table.rows == []
    assert [str(w) for w in table.warnings] == ["表6: table layout not recognised"]


def test_table_without_numbers_is_not_an_indicator_table() -> None:
    text = ("任务 | 牵头单位 | 配合单位 |\n"
            "“英才”工程 | 县委组织部 | 县科技局、县人力社保局 |\n"
            "“工匠”培育工程 | 县人力社保局 | 县教育局、县总工会 |\n")
    table = parse_table(text, 0, len(text), number=2, caption="重点人才工程责任分工")
    assert (table.kind, table.rows, table.warnings) == ("other", [], [])


# --- `plankg build` reports rows it cannot read ------------------------------------------------

BROKEN = DATA / "broken-row-plan.txt"


def test_build_command_warns_of_rows_it_cannot_read(tmp_path: Path) -> None:
    out = tmp_path / "broken.trig"
    result = CliRunner().invoke(main, ["build", str(BROKEN), "--no-store", "-o", str(out)],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning: ")]
    assert warnings == [
        # 高技能人才 | 万人 | 0.8 | 1.1 | 1.3 | 1.5 | has two cells more than the header
        "warning: broken-row-plan.txt: line 9: 表1 row 2: 6 cells where the header has 4",
        # the 2025 target of 每万人发明专利拥有量 is printed in words
        "warning: broken-row-plan.txt: line 10: 表1 row 3: '力争实现翻番' in column "
        "'2025年目标' is not a number",
    ]
    # the other rows, and row 3's baseline, are in the graph written
    rows = query("observations", source=out).tuples()
    title = "临溪县人才发展“十四五”规划"
    assert rows == [
        (title, "人才资源总量", "万人", 2020, "baseline", D("3.6"), None),
        (title, "人才资源总量", "万人", 2025, "target", D("4.5"), None),
        (title, "每万人发明专利拥有量", "件", 2020, "baseline", D("12.5"), None),
        (title, "博士后工作站", "家", 2020, "baseline", D("2"), None),
        (title, "博士后工作站", "家", 2025, "target", D("5"), None),
    ]
