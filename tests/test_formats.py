"""Plans as published: one fixture plan as .txt, an HTML page, a Word file and a PDF give the
same graph facts (issue 13).

The fixture is tests/data/formats/xilan-talent-plan-2021-2025.txt; tests/formats_fixture.py
writes it out as a gov page (site chrome, metadata block), a .docx with merged Word table cells,
and a PDF that headless Chromium prints from the page. The .txt build is the reference; a few
values typed from the fixture text are checked as well. The bad-input tests check that every
unreadable file is one line naming the file.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import formats_fixture
import pytest
from browser import chromium_executable
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS

from plankg.cli import main
from plankg.errors import InputError
from plankg.graph.rdf.build import build_dataset
from plankg.graph.rdf.vocab import PK
from plankg.graph.text.sniff import DOCX, HTML, PDF, TEXT, sniff
from plankg.graph.text.structure import read_document
from plankg.graph.text.tables import parse_tables

FIXTURE = formats_fixture.FIXTURE
ENTITIES = """
PREFIX pk: <https://w3id.org/plankg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?kind ?label WHERE { GRAPH ?g { ?s a ?kind ; rdfs:label ?label .
  VALUES ?kind { pk:Program pk:Platform pk:Industry pk:Department } FILTER(lang(?label) = "zh") } }
"""
RELATIONS = """
PREFIX pk: <https://w3id.org/plankg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?a ?p ?b WHERE { GRAPH ?g { ?s ?p ?o . ?s rdfs:label ?a . ?o rdfs:label ?b .
  VALUES ?p { pk:targetsIndustry pk:usesPlatform pk:leadDepartment pk:supportDepartment
              pk:partOfProgram }
  FILTER(lang(?a) = "zh" && lang(?b) = "zh") } }
"""
OBSERVATIONS = """
PREFIX pk: <https://w3id.org/plankg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?indicator ?category ?year ?role ?value ?printed ?qualifier ?unit WHERE { GRAPH ?g {
  ?o pk:indicator ?i ; pk:value ?value ; pk:printedValue ?printed ; pk:role ?role .
  ?i rdfs:label ?indicator .
  OPTIONAL { ?i pk:category ?category } OPTIONAL { ?o pk:year ?year }
  OPTIONAL { ?o pk:qualifier ?qualifier } OPTIONAL { ?o pk:unit ?unit } } }
"""
SELECTORS = """
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?exact ?start ?end WHERE { GRAPH ?g { ?e oa:hasSelector ?q, ?p .
  ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end } }
"""


@dataclass
class Built:
    """What a researcher asks of a plan's graph, as plain values, for comparing two builds."""

    path: Path
    counts: dict[str, int]
    entities: set[tuple[str, str]]
    relations: set[tuple[str, str, str]]
    observations: set[tuple[str, ...]]
    plan: dict[str, set[str]]
    selectors: list[tuple[str, int, int]]


def build(path: Path) -> Built:
    result = build_dataset([path])
    (summary,) = result.plans
    dataset = result.dataset
    graph = dataset.graph(summary.graph)
    plan = {str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1]: set() for p in (
        PK.sha256, PK.encoding, PK.sourceText, DCTERMS.format, DCTERMS.identifier)}
    for p in (PK.sha256, PK.encoding, PK.sourceText, DCTERMS.format, DCTERMS.identifier):
        plan[str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1]] = {
            str(o) for o in graph.objects(summary.iri, p)}

    def local(term: object) -> str:
        return str(term).rsplit("#", 1)[-1] if isinstance(term, URIRef) else str(term)

    return Built(
        path=path,
        counts={k: v for k, v in summary.counts.items() if k != "triples"},
        entities={(local(k), str(label)) for k, label in dataset.query(ENTITIES)},
        relations={(str(a), local(p), str(b)) for a, p, b in dataset.query(RELATIONS)},
        observations={tuple("" if v is None else str(v) for v in row)
                      for row in dataset.query(OBSERVATIONS)},
        plan=plan,
        selectors=[(str(x), int(s), int(e)) for x, s, e in dataset.query(SELECTORS)],
    )


def assert_same_facts(built: Built, reference: Built) -> None:
    assert built.counts == reference.counts
    for kind in ("Program", "Platform", "Industry", "Department"):
        assert {n for k, n in built.entities if k == kind} == \
            {n for k, n in reference.entities if k == kind}, kind
    assert built.relations == reference.relations
    assert built.observations == reference.observations


def assert_quotes_check(built: Built) -> None:
    """Every evidence quote is the stored text at its offsets."""
    (text,) = built.plan["sourceText"]
    assert built.selectors
    for exact, start, end in built.selectors:
        assert text[start:end] == exact


@pytest.fixture(scope="module")
def reference() -> Built:
    return build(FIXTURE)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("published")
    return {
        "html": formats_fixture.write_html(out / "plan.html"),
        "gb2312": formats_fixture.write_html(out / "plan-gb2312.htm", charset="gb2312"),
        "docx": formats_fixture.write_docx(out / "plan.docx"),
    }


@pytest.fixture(scope="module")
def printed(published: dict[str, Path]) -> Path:
    if chromium_executable() is None:
        pytest.skip("no Chromium: `apt-get install chromium` (tests/run.sh does)")
    return formats_fixture.print_pdf(published["html"], published["html"].with_suffix(".pdf"))


# --- the reference: the .txt build, with values typed from the fixture -----------------------


def test_the_text_build_reads_the_fixture(reference: Built) -> None:
    names = {n for _, n in reference.entities}
    assert {"溪岚英才工程", "鲲鹏行动计划", "梧桐引凤计划"} <= names
    assert {"溪岚实验室", "青梧大学溪岚研究院", "溪岚高新区", "岚山数字文旅小镇"} <= names
    assert {"智能制造", "新型材料", "数字文旅", "生命健康"} <= names
    assert {"溪岚县委组织部", "溪岚县科学技术局", "溪岚县人力资源和社会保障局"} <= names
    values = {(o[0], o[2], o[3].rsplit("#", 1)[-1], o[5]) for o in reference.observations}
    assert ("人才资源总量", "2025", "target", "15") in values
    assert ("新引进大学生", "2025", "target", "4以上") in values
    assert ("人才企业销售收入", "2025", "target", ">150") in values
    assert ("智能制造企业研发人员", "2025", "growth", "9.3") in values
    assert ("医药研发人员", "2020", "baseline", "520") in values
    assert not any(v[0] == "人才公寓" and v[1] == "2020" for v in values)  # printed "—"
    # 18 + 6 rows; 表1 has 2 values a row, 表2 three, 人才公寓 lacks its 2020 value (the prose's
    # headline figures add the 2020 actuals of 人才资源总量 and 研发人员)
    tables = [o for o in reference.observations if not o[3].endswith("#actual")]
    assert len(tables) == 18 * 2 - 1 + 6 * 3
    categories = {o[0]: o[1] for o in reference.observations}
    assert categories["农村实用人才"] == "人才结构" and categories["高级技师"] == "新型材料"


# --- HTML ------------------------------------------------------------------------------------


def test_html_page_gives_the_same_facts(published: dict[str, Path], reference: Built) -> None:
    built = build(published["html"])
    assert_same_facts(built, reference)
    assert_quotes_check(built)
    assert built.plan["format"] == {HTML}
    assert built.plan["encoding"] == {"utf-8"}
    assert built.plan["sha256"] == {hashlib.sha256(published["html"].read_bytes()).hexdigest()}
    assert built.plan["identifier"] == reference.plan["identifier"] == {
        "331128/2022-00217", "溪政办发〔2022〕15号"}


def test_html_keeps_the_article_and_drops_the_site(published: dict[str, Path]) -> None:
    doc = read_document(published["html"])
    for chrome in ("当前位置", "政务服务", "分享到", "打印本页", "相关文章", "ICP备",
                   "大数据发展中心", "统计代码", "搜索"):
        assert chrome not in doc.text, chrome
    assert doc.title == "溪岚县人才发展“十四五”规划"
    assert doc.metadata.publisher == "溪岚县人民政府办公室"
    assert doc.metadata.written_date == "2022-05-20"
    assert doc.text.rstrip().endswith("确保本规划各项目标任务落到实处。")


def test_gb2312_page(published: dict[str, Path], reference: Built) -> None:
    data = published["gb2312"].read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    built = build(published["gb2312"])
    assert built.plan["encoding"] == {"gb18030"}  # GB2312 and GBK read as their superset
    assert_same_facts(built, reference)
    assert_quotes_check(built)


def test_html_tables_keep_their_spans(published: dict[str, Path]) -> None:
    doc = read_document(published["html"])
    first, second = doc.tables
    assert (first.rows, first.cols, second.rows, second.cols) == (19, 6, 8, 6)
    group = next(c for c in first.cells if c.text == "人才规模")
    assert (group.row, group.col, group.rowspan) == (1, 0, 4)
    target = next(c for c in second.cells if c.text == "2025年")
    assert (target.colspan, target.header) == (2, True)
    for table in doc.tables:
        for cell in table.cells:
            assert doc.text[cell.start:cell.end] == cell.text


def test_the_table_reader_reads_every_row_and_value(published: dict[str, Path]) -> None:
    """The rendered pipe rows are read by graph/text/tables.py like the .txt's."""
    expected = parse_tables(read_document(FIXTURE))
    got = parse_tables(read_document(published["html"]))
    assert [len(t.rows) for t in got.tables] == [len(t.rows) for t in expected.tables] == [18, 6]
    assert not got.warnings
    for ours, theirs in zip(got.rows, expected.rows, strict=True):
        assert (ours.name, ours.unit, ours.category, ours.nature) == \
            (theirs.name, theirs.unit, theirs.category, theirs.nature)
        assert [(v.year, v.role, v.value, v.qualifier, v.printed) for v in ours.values] == \
            [(v.year, v.role, v.value, v.qualifier, v.printed) for v in theirs.values]
    growth = next(r for r in got.rows if r.name == "产业工程师").values[-1]
    assert (growth.role, growth.value, growth.unit) == ("growth", Decimal("12.2"), "%")


def test_a_page_without_an_article(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text("<!doctype html><html><head><meta charset='utf-8'><title>溪岚县人民政府"
                    "</title></head><body>" + formats_fixture.CHROME_TOP + formats_fixture.SIDEBAR
                    + formats_fixture.FOOTER + "</body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no article found") as err:
        read_document(page)
    assert str(err.value).startswith(f"{page}: ") and "\n" not in str(err.value)


# --- Word ------------------------------------------------------------------------------------


def test_docx_gives_the_same_facts(published: dict[str, Path], reference: Built) -> None:
    built = build(published["docx"])
    assert_same_facts(built, reference)
    assert_quotes_check(built)
    assert built.plan["format"] == {DOCX}


def test_docx_merged_cells(published: dict[str, Path]) -> None:
    doc = read_document(published["docx"])
    first, second = doc.tables
    group = next(c for c in first.cells if c.text == "人才投入")
    assert (group.rowspan, group.colspan) == (3, 1)
    assert [(c.text, c.rowspan, c.colspan) for c in second.cells if c.header] == [
        ("产业领域", 2, 1), ("指标", 2, 1), ("单位", 2, 1), ("2020年", 2, 1), ("2025年", 1, 2),
        ("目标值", 1, 1), ("年均增长（%）", 1, 1)]


def _docx_with_box_note_and_numbered_heading(path: Path) -> Path:
    """A Word file with what python-docx cannot write directly: a text box, a footnote, and
    headings Word numbers itself (their text carries no number)."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    document.add_paragraph("溪岚县人才发展“十四五”规划", style="Title")
    for title in ("发展基础", "主要任务"):
        heading = document.add_paragraph(title, style="Heading 1")
        heading._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
        document.add_paragraph("围绕智能制造产业，建设溪岚实验室，引进领军人才。" * 3)
    anchor = document.add_paragraph("人才工作成效明显。")
    anchor._p.append(parse_xml(
        f'<w:r {w}><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
        f'<w:txbxContent><w:p><w:r><w:t>专栏：溪岚英才工程入选人才26名</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    anchor._p.append(parse_xml(
        f'<w:r {w}><w:footnoteReference w:id="1"/></w:r>'))
    notes = (f'<w:footnotes {w}><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
             '<w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r>'
             '<w:t>数据来源：溪岚县统计局。</w:t></w:r></w:p></w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                notes.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    document.save(str(path))
    return path


def test_docx_text_boxes_footnotes_and_numbered_headings(tmp_path: Path) -> None:
    doc = read_document(_docx_with_box_note_and_numbered_heading(tmp_path / "boxes.docx"))
    assert [s.label for s in doc.sections] == ["一、发展基础", "二、主要任务"]
    assert "专栏：溪岚英才工程入选人才26名" in doc.text
    assert "注1：数据来源：溪岚县统计局。" in doc.text
    box = doc.text.index("专栏")
    assert doc.text.index("人才工作成效明显。") < box < doc.text.index("注1：")


def test_corrupt_docx(published: dict[str, Path], tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    data = published["docx"].read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(broken)
    with pytest.raises(InputError, match=r"not a readable Word \.docx file") as err:
        read_document(broken)
    assert str(err.value).startswith(f"{broken}: ") and "\n" not in str(err.value)


# --- PDF -------------------------------------------------------------------------------------


@pytest.mark.browser
def test_pdf_gives_the_same_facts(printed: Path, reference: Built) -> None:
    built = build(printed)
    assert_same_facts(built, reference)
    assert_quotes_check(built)
    assert built.plan["format"] == {PDF}
    assert built.plan["encoding"] == set()  # a PDF's text has no byte encoding


@pytest.mark.browser
def test_pdf_table_over_a_page_break_is_one_table(printed: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(printed)) as pdf:
        pages_with_table_one = [page.page_number for page in pdf.pages
                                if any("人才规模" in (page.crop(t.bbox).extract_text() or "")
                                       or "人才生态" in (page.crop(t.bbox).extract_text() or "")
                                       for t in page.find_tables())]
        running = pdf.pages[0].extract_text_lines()[-1]["text"]
    assert len(pages_with_table_one) == 2  # 人才规模 on one page, 人才生态 on the next
    assert pages_with_table_one[1] == pages_with_table_one[0] + 1
    doc = read_document(printed)
    assert [(t.rows, t.cols) for t in doc.tables] == [(19, 6), (8, 6)]  # header not repeated
    assert doc.text.count("类别 | 指标") == 1
    # Chromium's running header (date, page title) and footer (file URL, page x/y) are gone
    assert "file://" in running and "file://" not in doc.text
    assert "_溪岚县人民政府" not in doc.text
    rows = parse_tables(doc).tables[0].rows
    assert [r.name for r in rows][-2:] == ["人才公寓", "人才服务满意度"]
    assert rows[-1].category == "人才生态"


def test_scanned_pdf(tmp_path: Path) -> None:
    scan = formats_fixture.write_scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(InputError, match="no text layer") as err:
        read_document(scan)
    assert str(err.value).startswith(f"{scan}: ") and "\n" not in str(err.value)
    assert "OCR" in str(err.value)


def test_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=formats_fixture.write_scanned_pdf(tmp_path / "scan.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    writer.write(str(locked))
    with pytest.raises(InputError, match="encrypted PDF") as err:
        read_document(locked)
    assert str(err.value).startswith(f"{locked}: ") and "\n" not in str(err.value)


@pytest.mark.browser
def test_a_pdf_locked_only_against_editing_is_read(printed: Path, reference: Built,
                                                    tmp_path: Path) -> None:
    """An owner password alone (no password to open) is how gov PDFs forbid copying: read it."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(printed))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    writer.write(str(locked))
    assert_same_facts(build(locked), reference)


@pytest.mark.browser
def test_a_pdf_named_txt_is_read_as_a_pdf(printed: Path, reference: Built,
                                          tmp_path: Path) -> None:
    renamed = tmp_path / "plan.txt"
    shutil.copy(printed, renamed)
    built = build(renamed)
    assert built.plan["format"] == {PDF}
    assert_same_facts(built, reference)


def test_a_scanned_pdf_named_txt_is_a_pdf_error(tmp_path: Path) -> None:
    renamed = tmp_path / "scan.txt"
    formats_fixture.write_scanned_pdf(tmp_path / "scan.pdf").rename(renamed)
    with pytest.raises(InputError, match=r"scan\.txt: PDF has no text layer"):
        read_document(renamed)


def test_a_text_file_named_pdf_is_read_as_text(tmp_path: Path, reference: Built) -> None:
    renamed = tmp_path / "plan.pdf"
    shutil.copy(FIXTURE, renamed)
    built = build(renamed)
    assert built.plan["format"] == set()  # plain text: no dcterms:format, no stored text
    assert built.counts == reference.counts


# --- sniffing, the CLI, lazy imports ---------------------------------------------------------


def test_sniff_by_content() -> None:
    assert sniff(b"%PDF-1.4\n%\xe2\xe3") == PDF
    assert sniff(b"\xef\xbb\xbf<!DOCTYPE html>\n<html>") == HTML
    assert sniff(b"  <!-- saved page -->\n<html lang='zh'>") == HTML
    assert sniff("<meta charset=gbk>索引号".encode("gbk")) == HTML
    assert sniff("一、总体要求\n表1：指标 | <b> |".encode()) == TEXT
    assert sniff(FIXTURE.read_bytes()[:4096]) == TEXT


def test_folder_of_formats_builds(published: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(published["docx"], folder / "a.docx")
    shutil.copy(published["html"], folder / "b.HTML")
    (folder / "notes.md").write_text("not a plan", encoding="utf-8")
    out = tmp_path / "g.nq"
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "--no-store"],
                                terminal_width=80)
    assert result.exit_code == 0, result.output
    formats = {line.split(" ", 2)[2] for line in out.read_text(encoding="utf-8").splitlines()
               if "/terms/format>" in line}
    assert len(formats) == 2  # one plan graph per file, each with its media type
    assert any(DOCX in f for f in formats) and any(HTML in f for f in formats)


def test_bad_file_is_one_line_and_nothing_written(published: dict[str, Path],
                                                  tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(published["docx"].read_bytes()[:3000])
    scan = formats_fixture.write_scanned_pdf(tmp_path / "scan.pdf")
    for bad, reason in ((broken, "not a readable Word .docx file"), (scan, "no text layer")):
        # alone, a bad file is one line and nothing is written
        out, store = tmp_path / "g.trig", tmp_path / "store"
        result = CliRunner().invoke(main, ["build", str(bad), "-o", str(out), "--store",
                                           str(store)], terminal_width=200)
        assert result.exit_code != 0
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and str(bad) in lines[0] and reason in lines[0], result.output
        assert "Traceback" not in result.output
        assert not out.exists() and not store.exists()
        # beside a good file, it is skipped in one line and the good plan is built
        result = CliRunner().invoke(main, ["build", str(published["html"]), str(bad), "-o",
                                           str(out), "--store", str(store), "--rebuild"],
                                    terminal_width=200)
        assert result.exit_code == 0, result.output
        skipped = [line for line in result.output.splitlines() if line.startswith("skipped")]
        assert len(skipped) == 1 and str(bad) in skipped[0] and reason in skipped[0]
        assert "1 built, 1 skipped" in result.output and "Traceback" not in result.output
        assert out.stat().st_size > 10_000 and store.is_dir()
        # --strict makes it fatal: one line, and the previous output and store stay
        before = out.read_bytes()
        result = CliRunner().invoke(main, ["build", str(published["html"]), str(bad), "-o",
                                           str(out), "--store", str(store), "--strict"],
                                    terminal_width=200)
        assert result.exit_code == 1
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and str(bad) in lines[0] and reason in lines[0], result.output
        assert out.read_bytes() == before and store.is_dir()
        out.unlink()
        shutil.rmtree(store)


def test_readers_are_loaded_only_when_needed() -> None:
    code = ("import sys, plankg, plankg.cli; from click.testing import CliRunner; "
            "CliRunner().invoke(plankg.cli.main, ['--help']); "
            "from plankg.graph.text.structure import read_document; "
            f"read_document({str(FIXTURE)!r}); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('docx', 'pdfplumber', 'pdfminer', 'lxml', 'PIL')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_plan_literal_is_the_text_of_the_document(published: dict[str, Path]) -> None:
    doc = read_document(published["docx"])
    graph = build_dataset([published["docx"]]).dataset
    stored = {o for _, _, o, _ in graph.quads((None, PK.sourceText, None, None))}
    assert stored == {Literal(doc.text)}


def test_doctests_of_the_readers() -> None:
    import doctest

    from plankg.graph.text import render
    from plankg.graph.text import sniff as sniff_module

    for module in (render, sniff_module):
        failures, tried = doctest.testmod(module)
        assert failures == 0 and tried > 0, module.__name__
