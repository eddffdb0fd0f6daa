"""The fixture plan of tests/data/formats/ written out as published: an HTML page with site
chrome, a Word file with real tables and a PDF printed from the page by headless Chromium.

The .txt is the one source: its lines are read back into metadata, title, paragraphs and tables
(pipe rows; a row with one cell fewer continues the row group above it, a second header line with
fewer cells sits under the last cell of the first), and every format is written from that.
"""

from __future__ import annotations

import html
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from browser import CHROMIUM_ARGS, chromium_executable

FIXTURE = Path(__file__).parent / "data" / "formats" / "xilan-talent-plan-2021-2025.txt"
_META = re.compile(r"^(索引号|发布机构|成文日期|文号)：(.+)$")
_CAPTION = re.compile(r"^表\d+：")
_LEVEL1 = re.compile(r"^[一二三四五六七八九十]+、")
_LEVEL2 = re.compile(r"^（[一二三四五六七八九十]+）")


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class FixtureTable:
    caption: str
    header: list[list[Cell]]
    body: list[list[Cell]]
    width: int


@dataclass
class Fixture:
    metadata: list[tuple[str, str]]
    title: str
    blocks: list[str | FixtureTable] = field(default_factory=list)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.rstrip().rstrip("|").split("|")]


def _table(caption: str, lines: list[str]) -> FixtureTable:
    top = _cells(lines[0])
    second = _cells(lines[1]) if len(lines) > 1 else []
    two_line = bool(second) and len(second) < len(top) and not any(
        re.match(r"^[\d.<>—]", c) for c in second)
    rows = [_cells(line) for line in lines[(2 if two_line else 1):]]
    width = max(len(r) for r in rows)
    if two_line:
        spanning = width - len(second)
        header = [[Cell(t, rowspan=2) for t in top[:spanning]]
                  + [Cell(t, colspan=len(second)) for t in top[spanning:]],
                  [Cell(t) for t in second]]
    else:
        header = [[Cell(t) for t in top]]
    body: list[list[Cell]] = []
    group: Cell | None = None
    for cells in rows:
        if len(cells) == width:
            group = Cell(cells[0])
            body.append([group, *(Cell(t) for t in cells[1:])])
        else:
            assert group is not None and len(cells) == width - 1, cells
            group.rowspan += 1
            body.append([Cell(t) for t in cells])
    return FixtureTable(caption, header, body, width)


def load(path: Path = FIXTURE) -> Fixture:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    metadata = []
    while _META.match(lines[0]):
        label, value = _META.match(lines.pop(0)).groups()
        metadata.append((label, value))
    fixture = Fixture(metadata, lines.pop(0))
    i = 0
    while i < len(lines):
        if _CAPTION.match(lines[i]):
            j = i + 1
            while j < len(lines) and "|" in lines[j]:
                j += 1
            fixture.blocks.append(_table(lines[i], lines[i + 1 : j]))
            i = j
        else:
            fixture.blocks.append(lines[i])
            i += 1
    return fixture


# --- HTML ------------------------------------------------------------------------------------

CHROME_TOP = """<header class="site-header"><div class="logo">溪岚县人民政府</div>
<div class="site-search"><form><input name="q"><button>搜索</button></form></div></header>
<nav class="main-nav"><ul><li><a href="#">首页</a></li><li><a href="#">政务公开</a></li>
<li><a href="#">政务服务</a></li><li><a href="#">互动交流</a></li><li><a href="#">走进溪岚</a></li>
</ul></nav>
<div class="breadcrumb">当前位置：<a href="#">首页</a> &gt; <a href="#">政务公开</a> &gt;
<a href="#">规划计划</a> &gt; 正文</div>"""
SIDEBAR = """<div class="sidebar"><h3>相关文章</h3><ul>
<li><a href="#">关于印发溪岚县科技创新发展“十四五”规划的通知</a></li>
<li><a href="#">溪岚县教育事业发展“十四五”规划</a></li>
<li><a href="#">溪岚县人力社保局2021年工作总结</a></li></ul></div>"""
SHARE = """<div class="share-bar">分享到：<a href="#">微信</a> <a href="#">微博</a>
<a href="#">QQ空间</a> <a href="#" onclick="window.print()">【打印本页】</a>
<a href="#">【关闭窗口】</a></div>"""
FOOTER = """<footer class="site-footer">
<p>主办：溪岚县人民政府办公室　承办：溪岚县大数据发展中心</p>
<p>地址：溪岚县岚山路1号　联系电话：0570-1234567</p>
<p>浙ICP备12345678号　政府网站标识码：3311280001</p></footer>"""
STYLE = """<style>
body { font-family: "WenQuanYi Micro Hei", sans-serif; font-size: 15px; }
table { border-collapse: collapse; margin: 8px 0; }
td, th { border: 1px solid #000; padding: 3px 6px; }
.xxgk-table td { border: none; }
table.long tr { height: 44px; }
@media print {
  .site-header, .main-nav, .breadcrumb, .sidebar, .share-bar, .site-footer { display: none; }
}
</style>"""


def _html_table(table: FixtureTable, *, long: bool) -> str:
    def row(cells: list[Cell], tag: str) -> str:
        out = []
        for cell in cells:
            spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
                f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
            out.append(f"<{tag}{spans}>{html.escape(cell.text)}</{tag}>")
        return "<tr>" + "".join(out) + "</tr>"

    head = "".join(row(r, "th") for r in table.header)
    body = "\n".join(row(r, "td") for r in table.body)
    css = ' class="long"' if long else ""
    return f"<table{css}>\n<thead>{head}</thead>\n<tbody>\n{body}\n</tbody></table>"


def write_html(out: Path, fixture: Fixture | None = None, *, charset: str = "utf-8",
               long_table: int | None = 1, captions: bool = True) -> Path:
    """The gov page: chrome, the metadata block, the title and the article; with
    ``captions=False`` the tables stand without their caption paragraphs.

    A page declared ``gb2312`` is written in GBK, as such sites do: GB2312 itself lacks
    characters plans print (〇 of 二〇三五年).
    """
    fixture = fixture or load()
    meta_cells = "".join(f"<tr><td>{label}：</td><td>{html.escape(value)}</td></tr>"
                         for label, value in fixture.metadata)
    parts = []
    number = 0
    for block in fixture.blocks:
        if isinstance(block, FixtureTable):
            number += 1
            if captions:
                parts.append(f'<p style="text-align:center">{html.escape(block.caption)}</p>')
            parts.append(_html_table(block, long=number == long_table))
        elif _LEVEL1.match(block):
            parts.append(f"<h2>{html.escape(block)}</h2>")
        elif _LEVEL2.match(block):
            parts.append(f"<p><strong>{html.escape(block)}</strong></p>")
        else:
            parts.append(f"<p>　　{html.escape(block)}</p>")
    declaration = (f'<meta charset="{charset}">' if charset == "utf-8" else
                   f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">')
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head>{declaration}
<title>{html.escape(fixture.title)}_溪岚县人民政府</title>{STYLE}
<script>var _hmt = _hmt || []; // 统计代码：溪岚县人民政府网站访问统计</script></head>
<body>{CHROME_TOP}
<div class="wrapper"><div class="main-col">
<div class="xxgk-info"><table class="xxgk-table">{meta_cells}</table></div>
<h1 class="article-title">{html.escape(fixture.title)}</h1>
<div id="zoom" class="article-content">
{chr(10).join(parts)}
</div>
{SHARE}
</div>{SIDEBAR}</div>
{FOOTER}
</body></html>
"""
    out.write_bytes(page.encode("gbk" if charset == "gb2312" else charset))
    return out


# --- Word ------------------------------------------------------------------------------------


def write_docx(out: Path, fixture: Fixture | None = None, *, captions: bool = True) -> Path:
    """A Word file: headings by style, the tables as Word tables with merged cells (with
    ``captions=False`` without the caption paragraph above each)."""
    import docx

    fixture = fixture or load()
    document = docx.Document()
    for label, value in fixture.metadata:
        document.add_paragraph(f"{label}：{value}")
    document.add_paragraph(fixture.title, style="Title")
    for block in fixture.blocks:
        if isinstance(block, FixtureTable):
            if captions:
                document.add_paragraph(block.caption)
            rows = block.header + block.body
            table = document.add_table(rows=len(rows), cols=block.width)
            table.style = "Table Grid"
            taken: set[tuple[int, int]] = set()
            for r, cells in enumerate(rows):
                c = 0
                for cell in cells:
                    while (r, c) in taken:
                        c += 1
                    target = table.cell(r, c)
                    target.text = cell.text
                    if cell.rowspan > 1 or cell.colspan > 1:
                        target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
                    for dr in range(cell.rowspan):
                        for dc in range(cell.colspan):
                            taken.add((r + dr, c + dc))
                    c += cell.colspan
        elif _LEVEL1.match(block):
            document.add_paragraph(block, style="Heading 1")
        elif _LEVEL2.match(block):
            document.add_paragraph(block, style="Heading 2")
        else:
            document.add_paragraph(block)
    document.save(str(out))
    return out


# --- PDF -------------------------------------------------------------------------------------


def print_pdf(page: Path, out: Path) -> Path:
    """``page`` printed to ``out`` by headless Chromium (the print stylesheet hides the chrome)."""
    executable = chromium_executable()
    assert executable is not None
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([executable, "--headless", *CHROMIUM_ARGS, f"--user-data-dir={profile}",
                        f"--print-to-pdf={out}", page.resolve().as_uri()],
                       check=True, capture_output=True, timeout=120)
    assert out.exists() and out.stat().st_size > 0
    return out


def write_scanned_pdf(out: Path) -> Path:
    """An image-only PDF, as a scanner makes: a page of "text" with no text layer."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(image)
    for i in range(40):
        draw.rectangle((120, 150 + 36 * i, 1120 - (i % 3) * 200, 170 + 36 * i), fill="black")
    image.save(out, "PDF", resolution=150)
    return out
