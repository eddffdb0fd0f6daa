"""Word-exported pages and Word files as county sites publish them (issue 12, the seventh held-out
fixture's shapes): a 专栏 box drawn as a one-cell table is prose, a superscript footnote mark is
no part of an indicator's name, a growth column under a "“十四五”目标" group header is a growth
column, and a cell printing a value per part of the region on lines of its own is read as one
value per part. Every page and file here is written by the test, with invented names."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from plankg.graph.text.structure import read_document
from plankg.graph.text.tables import parse_tables

BOX_LINES = ("专栏1　各乡镇发展重点\n溪口镇：重点发展茶文化旅游和民宿经济。\n"
             "龙潭镇：重点发展研学旅行。\n")
CELL = '<td style="border:solid windowtext 1.0pt">{}</td>'
ROWS = [
    ("1", "游客接待人次<span style=\"vertical-align:super\">1</span>", "万人次", "900", "1600",
     "12左右"),
    ("2", "文化产业增加值", "亿元", "9.6", "18", "[40]"),
    ("3", "公共文化设施覆盖率", "%", "城区90<br>乡村72", "城区≥95<br>乡村≥80", "—"),
]


def _page(path: Path) -> Path:
    rows = "".join(
        "<tr>" + "".join(CELL.format(c) for c in row) + "</tr>" for row in ROWS)
    body = f"""
<p class="MsoNormal"><b><span>第一章　发展目标</span></b></p>
<p class="MsoNormal" style="text-indent:32.0pt"><span>到</span><span lang="EN-US">2025</span>
<span>年，全县文化和旅游综合实力明显增强。</span></p>
<p class="MsoNormal" align="center"><span>表1　桐溪县文化和旅游发展主要指标</span></p>
<table border="1"><tr><td rowspan="2">序号</td><td rowspan="2">指标名称</td>
<td rowspan="2">单位</td><td rowspan="2">2020年</td><td colspan="2">“十四五”目标</td></tr>
<tr><td>2025年</td><td>年均增长/累计</td></tr>{rows}</table>
<p class="MsoNormal"><span>注：[ ]内为“十四五”期间累计数。</span></p>
<p class="MsoNormal"><span lang="EN-US">1 </span><span>指全县旅游接待点接待的游客人次。</span></p>
<table border="1"><tr><td>
<p class="MsoNormal" align="center"><b><span>专栏1</span><span>　各乡镇发展重点</span></b></p>
<p class="MsoNormal"><span>溪口镇：重点发展茶文</span><span>化旅游和民宿经济。</span><br>
<span>龙潭镇：重点发展研学旅行。</span></p>
</td></tr></table>
<p class="MsoNormal"><b><span>第二章　主要任务</span></b></p>
<p class="MsoNormal"><span>1.壮大文旅产业。重点发展乡村旅游和康养旅游。</span></p>"""
    page = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
            "<title>桐溪县文化和旅游发展规划</title></head><body><div id=\"zoom\">"
            "<h1>桐溪县文化和旅游发展“十四五”规划</h1>" + body + "</div></body></html>")
    path.write_bytes(page.encode("gb18030"))
    return path


def test_a_box_drawn_as_a_one_cell_table_is_prose(tmp_path: Path) -> None:
    doc = read_document(_page(tmp_path / "plan.html"))
    assert BOX_LINES in doc.text
    boxes = [s for s in doc.walk() if s.numbering == "专栏1"]
    assert [b.title for b in boxes] == ["各乡镇发展重点"]
    assert len(parse_tables(doc).tables) == 1  # the indicator table only


def test_a_superscript_mark_a_growth_column_and_scoped_lines(tmp_path: Path) -> None:
    doc = read_document(_page(tmp_path / "plan.html"))
    rows = {row.name: row for row in parse_tables(doc).rows}
    assert set(rows) == {"游客接待人次", "文化产业增加值", "公共文化设施覆盖率"}
    visitors = {(v.role, v.year, v.value, v.unit, v.qualifier) for v in rows["游客接待人次"].values}
    assert ("target", 2025, Decimal("1600"), "万人次", None) in visitors
    # under the "“十四五”目标" group, 年均增长 is the period's growth: a percentage, 年均
    assert ("growth", 2025, Decimal("12"), "%", "年均 左右") in visitors
    added = {(v.role, v.value, v.qualifier) for v in rows["文化产业增加值"].values}
    assert ("growth", Decimal("40"), "累计") in added
    cover = {(v.role, v.scope, v.value) for v in rows["公共文化设施覆盖率"].values}
    assert {("target", "城区", Decimal("95")), ("target", "乡村", Decimal("80")),
            ("baseline", "城区", Decimal("90")), ("baseline", "乡村", Decimal("72"))} <= cover


def test_a_word_box_drawn_as_a_one_cell_table_is_prose(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("桐溪县文化和旅游发展“十四五”规划", style="Title")
    document.add_paragraph("一、主要任务")
    document.add_paragraph("1.壮大文旅产业。重点发展乡村旅游和康养旅游。")
    box = document.add_table(rows=1, cols=1).cell(0, 0)
    box.paragraphs[0].text = "专栏1　各乡镇发展重点"
    box.add_paragraph("溪口镇：重点发展茶文化旅游和民宿经济。")
    box.add_paragraph("龙潭镇：重点发展研学旅行。")
    grid = document.add_table(rows=2, cols=2)
    for r, row in enumerate((("指标", "2025年"), ("游客接待人次", "1600"))):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text
    path = tmp_path / "plan.docx"
    document.save(str(path))
    doc = read_document(path)
    assert BOX_LINES in doc.text
    assert [s.title for s in doc.walk() if s.numbering == "专栏1"] == ["各乡镇发展重点"]
    assert "指标 | 2025年 |" in doc.text  # a table of two columns stays a table
