"""Tables printed with no caption line (issue 12, conventions 7 and 8): known by their header
cells alone — a year, 现状 / 目标 / 属性 … under 序号 / 指标 — right under a heading or after
prose, in a .txt (pipe, one cell a line, PDF-flattened) and in the Documents of the HTML and Word
readers when the source table has no caption. Expected values are typed from the fixtures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import formats_fixture
import pytest
from browser import chromium_executable

from plankg.graph.text.structure import parse_document, read_document
from plankg.graph.text.tables import IndicatorRow, ParsedTable, parse_tables

DATA = Path(__file__).resolve().parent / "data" / "tables"
PLAN = DATA / "uncaptioned-tables-plan.txt"


def rows(table: ParsedTable) -> list[tuple]:
    return [
        (
            r.name,
            r.unit,
            r.category,
            r.nature,
            [(v.year, v.role, v.value, v.qualifier, v.scope) for v in r.values],
        )
        for r in table.rows
    ]


def values(row: IndicatorRow) -> list[tuple]:
    return [(v.year, v.role, v.value, v.qualifier, v.scope, v.printed) for v in row.values]


@pytest.fixture(scope="module")
def tables() -> list[ParsedTable]:
    return parse_tables(read_document(PLAN)).tables


def test_tables_without_a_caption_are_sections_of_their_heading() -> None:
    doc = read_document(PLAN)
    assert [(s.path, s.style, s.title) for s in doc.walk()] == [
        ((1,), "一、", "发展目标"),
        ((1, 1), "（一）", "主要指标"),
        ((1, 1, 1), "表N：", "序号 | 指标 | 单位 | 2020年 | 2025年 | 属性 |"),
        ((1, 2), "（一）", "分项指标"),
        ((1, 2, 1), "表N：", "序号"),
        ((1, 3), "（一）", "重大项目"),
        ((1, 3, 1), "表N：", "序号 | 项目名称 | 建设性质 | 建设内容与规模 | 总投资 |"),
        ((2,), "一、", "主要任务"),  # "…围绕序号靠前的片区展开，2025年目标…" is prose
        ((2, 1), "（一）", "推进老旧小区改造"),
    ]
    table = next(s for s in doc.walk() if s.uncaptioned and s.title == "序号")
    assert doc.text[table.heading_start : table.heading_end] == "序号"


def test_pipe_table_right_under_a_heading(tables: list[ParsedTable]) -> None:
    table = tables[0]
    assert (table.layout, table.kind, table.caption, table.caption_start) == (
        "pipe",
        "indicators",
        "",
        None,
    )
    assert rows(table) == [
        (
            "旧改完成率",
            "%",
            None,
            "约束性",
            [
                (2020, "baseline", Decimal("62"), None, None),
                (2025, "target", Decimal("90"), None, None),
            ],
        ),
        (
            "城镇燃气普及率",
            "%",
            None,
            "预期性",
            [
                (2020, "baseline", Decimal("96.5"), None, None),
                (2025, "target", Decimal("99"), "以上", None),
            ],
        ),
    ]


def test_one_cell_a_line_after_prose_five_rows(tables: list[ParsedTable]) -> None:
    table = tables[1]
    assert (table.layout, table.kind, table.warnings) == ("plain", "indicators", [])
    assert rows(table) == [
        (
            "危房处置率",
            "%",
            "综合治理",
            "约束性",
            [
                (2020, "baseline", Decimal("70"), None, None),
                (2025, "target", Decimal("100"), None, None),
            ],
        ),
        (
            "老旧小区改造完成率",
            "%",
            "综合治理",
            "约束性",
            [(2025, "target", Decimal("85"), None, None)],
        ),  # "——": no 2020 value
        (
            "社区养老服务设施覆盖率",
            "%",
            "设施配套",
            "预期性",
            [
                (2020, "baseline", Decimal("80"), None, None),
                (2025, "target", Decimal("95"), "≥", "重点区"),
                (2025, "target", Decimal("90"), "≥", "一般区"),
            ],
        ),
        (
            "新增公共停车泊位",
            "个",
            "设施配套",
            "预期性",
            [
                (2020, "baseline", Decimal("1200"), None, None),
                (2025, "target", Decimal("5000"), None, None),
            ],
        ),
        (
            "口袋公园数量",
            "个",
            "设施配套",
            "预期性",
            [
                (2020, "baseline", Decimal("12"), None, None),
                (2025, "target", Decimal("30"), None, None),
            ],
        ),
    ]


def test_project_list_without_a_caption_is_a_table_of_no_indicators(
    tables: list[ParsedTable],
) -> None:
    assert len(tables) == 3
    assert (tables[2].kind, tables[2].rows, tables[2].warnings) == ("other", [], [])


def test_pdf_flattened_table_under_a_heading() -> None:
    doc = parse_document(
        "某市纲要\n一、主要指标\n序号 指标 单位 2020年 2025年 属性\n"
        "1 地区生产总值 亿元 1200 1800 预期性\n"
        "2 研发经费投入强度 % 2.1 2.8 约束性\n二、任务\n推进。\n"
    )
    (table,) = parse_tables(doc).tables
    assert table.layout == "flat"
    assert [(r.name, r.unit, r.nature, [str(v.value) for v in r.values]) for r in table.rows] == [
        ("地区生产总值", "亿元", "预期性", ["1200", "1800"]),
        ("研发经费投入强度", "%", "约束性", ["2.1", "2.8"]),
    ]


def test_header_words_in_prose_or_headings_make_no_table() -> None:
    doc = parse_document(
        "某区规划\n一、重点项目\n（一）建设计划\n1.实施临江项目。建成园区2个。\n"
        "序号靠前的项目优先安排，2025年目标如下。\n指标分解到各街道。\n"
    )
    assert parse_tables(doc).tables == []
    assert [s.label for s in doc.walk()] == ["一、重点项目", "（一）建设计划", "1.实施临江项目"]


def test_tab_indented_tables_read_the_same_without_their_captions() -> None:
    """cell-per-line-tabbed.txt with its two 表N caption lines taken out."""
    path = DATA / "cell-per-line-tabbed.txt"
    text = path.read_text(encoding="utf-8")
    bare = "".join(ln for ln in text.splitlines(keepends=True) if not ln.startswith("表"))
    assert bare.count("\n") < text.count("\n")
    captioned, uncaptioned = parse_tables(read_document(path)), parse_tables(parse_document(bare))
    assert [len(t.rows) for t in uncaptioned.tables] == [len(t.rows) for t in captioned.tables]
    assert [len(t.rows) for t in uncaptioned.tables] == [5, 3]
    assert [(r.name, r.category, r.nature, *values(r)) for r in uncaptioned.rows] == [
        (r.name, r.category, r.nature, *values(r)) for r in captioned.rows
    ]
    assert uncaptioned.warnings == []


# --- HTML, Word and PDF tables without a caption -----------------------------------------------


@pytest.fixture(scope="module")
def uncaptioned(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("uncaptioned")
    return {
        "html": formats_fixture.write_html(out / "plan.html", captions=False),
        "docx": formats_fixture.write_docx(out / "plan.docx", captions=False),
    }


@pytest.fixture(scope="module")
def uncaptioned_pdf(uncaptioned: dict[str, Path]) -> Path:
    if chromium_executable() is None:
        pytest.skip("no Chromium: `apt-get install chromium` (tests/run.sh does)")
    html = uncaptioned["html"]
    return formats_fixture.print_pdf(html, html.with_suffix(".pdf"))


@pytest.mark.parametrize("kind", ["html", "docx", "pdf"])
def test_html_word_and_pdf_tables_without_caption_are_indicators(
    uncaptioned: dict[str, Path], kind: str, request: pytest.FixtureRequest
) -> None:
    path = request.getfixturevalue("uncaptioned_pdf") if kind == "pdf" else uncaptioned[kind]
    doc = read_document(path)
    assert "表1：" not in doc.text and "表2：" not in doc.text
    # in the PDF, the page break cuts 表1's row 人才投入 | 人才发展专项资金 (its group goes on
    # on the next page): still one table of 19 rows
    assert [(t.rows, t.cols) for t in doc.tables] == [(19, 6), (8, 6)]
    parse = parse_tables(doc)
    assert [(t.kind, len(t.rows)) for t in parse.tables] == [("indicators", 18), ("indicators", 6)]
    assert parse.warnings == []
    first = parse.tables[0].rows[0]  # 人才规模 | 人才资源总量 | 万人 | 12.4 | 15 | 预期性
    assert (first.name, first.unit, first.category, first.nature) == (
        "人才资源总量",
        "万人",
        "人才规模",
        "预期性",
    )
    assert [(v.year, v.role, v.value) for v in first.values] == [
        (2020, "baseline", Decimal("12.4")),
        (2025, "target", Decimal("15")),
    ]
    funds = [(r.name, r.category) for r in parse.tables[0].rows][13:16]
    assert funds == [
        ("人才发展专项资金", "人才投入"),
        ("全社会研发经费支出占生产总值比重", "人才投入"),
        ("人才企业销售收入", "人才投入"),
    ]
    engineers = next(r for r in parse.tables[1].rows if r.name == "产业工程师")
    assert [(v.year, v.role, v.value) for v in engineers.values] == [
        (2020, "baseline", Decimal("450")),
        (2025, "target", Decimal("800")),
        (2025, "growth", Decimal("12.2")),
    ]
