"""Document structure (plankg.graph.text.structure): the heading trees, metadata and offsets
of the two bundled plans, typed from their texts, and of other documents in other numbering
conventions."""

from __future__ import annotations

import doctest
import hashlib
import itertools
import re
from pathlib import Path

import pytest
from corpus_paths import WUXING, XIUZHOU

from plankg.errors import InputError
from plankg.graph.text.document import Document, Section
from plankg.graph.text.structure import TABLE, parse_document, read_document
from plankg.graph.text.tables import parse_tables

HERE = Path(__file__).parent
FIXTURES = HERE / "data" / "structure"
ACTION_PLAN = FIXTURES / "qingwu-digital-talent-action-plan.txt"
OPINIONS = FIXTURES / "qingwu-youth-talent-opinions.gbk.txt"

# Chapters as printed (吴兴 prints half-width brackets "(一)", 秀洲 full-width "（一）"), with the
# number of headings directly under each chapter (tables count, they are sections).
WUXING_CHAPTERS = [
    ("一、", "发展背景", 2),
    ("二、", "指导思想、基本原则和主要目标", 3),
    ("三、", "主要任务", 4),
    ("四、", "围绕重点领域建设高素质人才队伍", 7),
    ("五、", "围绕科创高地打造平台集群", 4),
    ("六、", "围绕新发展格局重塑人才发展体制机制", 6),
    ("七、", "围绕人才需求涵养优质生态", 6),
    ("八、", "组织保障", 4),
]
XIUZHOU_CHAPTERS = [
    ("一、", "发展基础和面临形势", 2),
    ("二、", "指导思想、基本原则、发展目标", 3),
    ("三、", "重点工程", 5),
    ("四、", "重要任务", 5),
    ("五、", "组织实施", 3),
]
# Headings below the second level: (chapter, section) → how many, counted in the text.
# 吴兴: 1.–5. and 表1, 1.–4., 1.–5., 1.–4. and 表2
WUXING_DEEPER = {(1, 1): 6, (1, 2): 4, (2, 2): 5, (2, 3): 5}
XIUZHOU_DEEPER = {
    (1, 1): 6,  # five —— lead-ins + 表1
    (1, 2): 5,
    (2, 2): 4,
    (2, 3): 7,  # six —— goals + 表2
    (3, 5): 8,  # eight 队伍提升计划
    (4, 1): 3,
    (4, 2): 3,
    (4, 3): 4,
    (4, 4): 4,
    (4, 5): 3,  # under the heading printed without its number
}


@pytest.fixture(scope="module")
def wuxing() -> Document:
    return read_document(WUXING)


@pytest.fixture(scope="module")
def xiuzhou() -> Document:
    return read_document(XIUZHOU)


def line_start(text: str, number: int) -> int:
    """Offset of the first character of 1-based line ``number``."""
    return sum(len(line) for line in text.splitlines(keepends=True)[: number - 1])


def line_text(text: str, number: int) -> str:
    return text.splitlines()[number - 1].strip(" \t\u3000")


def by_path(doc: Document, *path: int) -> Section:
    return next(s for s in doc.walk() if s.path == path)


def heading(doc: Document, section: Section) -> str:
    return doc.text[section.heading_start : section.heading_end]


# --- section trees ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "chapters", "deeper"),
    [("wuxing", WUXING_CHAPTERS, WUXING_DEEPER), ("xiuzhou", XIUZHOU_CHAPTERS, XIUZHOU_DEEPER)],
)
def test_chapters_and_child_counts(request, name, chapters, deeper) -> None:
    doc: Document = request.getfixturevalue(name)
    assert [(s.numbering, s.title, len(s.children)) for s in doc.sections] == chapters
    assert all(s.style == "一、" and s.level == 1 for s in doc.sections)
    for chapter in doc.sections:
        for section in chapter.children:
            assert len(section.children) == deeper.get(section.path, 0), section.label
    third = {s.path[:2] for s in doc.walk() if s.level == 3}
    assert third == set(deeper)
    assert max(s.level for s in doc.walk()) == 3


def test_section_totals(wuxing, xiuzhou) -> None:
    # chapters + their children + the deeper headings counted above
    assert len(list(wuxing.walk())) == 8 + 36 + 20
    assert len(list(xiuzhou.walk())) == 5 + 18 + 47


def test_second_level_titles(wuxing, xiuzhou) -> None:
    assert [s.label for s in wuxing.sections[2].children] == [
        "(一)以全球视野加快建设高素质强大人才队伍",
        "(二)以前列意识深化高水平人才发展体制机制",
        "(三)以科学规划着力锻造高能级人才发展平台",
        "(四)以需求导向持续强化高品质人才服务供给",
    ]
    assert [s.label for s in wuxing.sections[1].children[2].children[:4]] == [
        "1.人才规模逐步壮大", "2.人才结构持续优化", "3.人才效能稳步提升", "4.人才生态不断改善",
    ]
    assert [s.title for s in xiuzhou.sections[1].children[2].children[:6]] == [
        "人才队伍提质扩容", "人才平台提档升级", "人才一体发展加速", "人才环境优化提升",
        "人才制度创新完善", "人才管理系统高效",
    ]
    assert {s.style for s in xiuzhou.sections[1].children[2].children[:6]} == {"——"}
    assert xiuzhou.sections[2].children[0].label == "（一）聚焦顶尖人才，实施“秀水领英”工程"


def test_heading_printed_without_its_number_is_inferred(xiuzhou) -> None:
    fifth = xiuzhou.sections[3].children[4]
    assert (fifth.numbering, fifth.title, fifth.numbering_inferred) == (
        "（五）", "高标准打造人才管理改革示范地", True)
    assert fifth.heading_start == line_start(xiuzhou.text, 464)
    assert heading(xiuzhou, fifth) == "高标准打造人才管理改革示范地"
    assert [c.title for c in fifth.children] == ["坚持数字赋能", "坚持体系重塑", "坚持整体智治"]
    assert not any(s.numbering_inferred for s in xiuzhou.walk() if s is not fifth)


@pytest.mark.parametrize(
    ("name", "path", "numbering", "title", "caption_line", "last_row", "after_line"),
    [
        ("wuxing", (1, 1, 6), "表1:", "“十三五”全区人才发展主要指标完成情况", 14,
         "高技能人才占技能劳动者比例(%) | 29.6 | 30 | 31.5 | 完成 |", 26),
        ("wuxing", (2, 3, 5), "表2:", "“十四五”时期全区人才发展主要指标", 48,
         "16 | 常住人口每千人执业(助理)医师数量 | 人 | 3.19 | 4 |", None),
        ("xiuzhou", (1, 1, 6), "表1：", "秀洲区“十三五”期间人才发展主要指标完成情况", 23,
         "8.3个百分点", 253),
        ("xiuzhou", (2, 3, 7), "表2：", "秀洲区“十四五”时期人才发展主要指标", 290, "9", None),
    ],
)
def test_tables_are_sections(request, name, path, numbering, title, caption_line, last_row,
                             after_line) -> None:
    doc: Document = request.getfixturevalue(name)
    table = by_path(doc, *path)
    assert (table.style, table.numbering, table.title) == (TABLE, numbering, title)
    assert table.heading_start == line_start(doc.text, caption_line)
    assert not table.children and not table.paragraphs
    body = doc.text[table.start : table.end]
    assert body.rstrip().endswith(last_row)
    parent = by_path(doc, *path[:-1])
    if after_line is not None:  # the prose after the table is the parent's again
        prose = line_text(doc.text, after_line)
        assert prose not in body
        starts = [p.start for p in parent.paragraphs]
        assert line_start(doc.text, after_line) in starts
        assert parent.paragraphs[-1].start == line_start(doc.text, after_line)
        assert doc.text[parent.paragraphs[-1].start : parent.paragraphs[-1].end] == prose
        assert doc.section_at(parent.paragraphs[-1].start) is parent


def test_wuxing_prose_after_table_1(wuxing) -> None:
    parent = by_path(wuxing, 1, 1)
    texts = [wuxing.text[p.start : p.end] for p in parent.paragraphs]
    assert len(texts) == 2
    assert texts[0].startswith("“十三五”时期是吴兴区人才工作取得重要成就的五年")
    assert texts[1].startswith("在总结成绩的同时也要清醒看到")


def test_wrapped_line_is_one_paragraph(xiuzhou) -> None:
    section = by_path(xiuzhou, 3, 2)
    assert section.title == "聚焦科创人才，实施“秀水精英”工程"
    assert len(section.paragraphs) == 1
    para = section.paragraphs[0]
    assert para.start == line_start(xiuzhou.text, 414)
    assert xiuzhou.text[para.start : para.end].endswith("海外工程师50名以上。")
    assert para.end == line_start(xiuzhou.text, 415) + len(line_text(xiuzhou.text, 415))
    last = para.sentences[-1]
    assert "\n" in last.text and last.text.endswith("海外工程师50名以上。")


@pytest.mark.parametrize("name", ["wuxing", "xiuzhou"])
def test_headings_slice_back(request, name) -> None:
    doc: Document = request.getfixturevalue(name)
    for section in doc.walk():
        printed = heading(doc, section)
        expected = section.title if section.numbering_inferred else section.label
        assert printed == expected, section.path
        lines = doc.text[: section.heading_start].count("\n")
        assert doc.text.splitlines()[lines].strip(" \t\u3000").startswith(printed)


@pytest.mark.parametrize("name", ["wuxing", "xiuzhou"])
def test_tree_is_nested_and_ordered(request, name) -> None:
    doc: Document = request.getfixturevalue(name)

    def check(siblings: list[Section], parent: Section | None) -> None:
        for order, section in enumerate(siblings, start=1):
            assert section.order == order
            assert section.path == ((*parent.path, order) if parent else (order,))
            assert section.level == len(section.path)
            assert section.start == section.heading_start < section.heading_end <= section.end
            if parent is not None:
                assert parent.heading_end <= section.start and section.end <= parent.end
            for para in section.paragraphs:
                assert section.start <= para.start < para.end <= section.end
            check(section.children, section)
        for before, after in itertools.pairwise(siblings):
            assert before.end < after.start

    check(doc.sections, None)
    assert doc.sections[-1].end == len(doc.text.rstrip())


@pytest.mark.parametrize("name", ["wuxing", "xiuzhou"])
def test_sentences_slice_back(request, name) -> None:
    doc: Document = request.getfixturevalue(name)
    sentences = list(doc.sentences())
    assert len(sentences) > 200
    for section, sentence in sentences:
        assert doc.text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        if section is not None:
            assert section.start <= sentence.start and sentence.end <= section.end
    # every sentence of the bundled plans ends with its full stop (or the line's end)
    ended = [s for _, s in sentences if s.text[-1] in "。！？”"]
    assert len(ended) > 0.95 * len(sentences)


def test_lead_in_paragraph_heading_is_its_own_first_sentence(wuxing) -> None:
    first = by_path(wuxing, 1, 1, 1)
    assert first.label == "1.人才工作格局全面强化"
    assert first.paragraphs[0].sentences[0].text == "1.人才工作格局全面强化。"
    assert first.paragraphs[0].start == first.heading_start


# --- title and metadata -----------------------------------------------------------------------


def test_wuxing_metadata(wuxing) -> None:
    meta = wuxing.metadata
    assert meta.index_number == "330502/2022-02091"
    assert meta.written_date == "2022-04-14"
    assert meta.publisher == "局办公室"
    assert meta.document_number is None  # "文件编号:" is printed with an empty cell
    assert meta.notice_title is None and meta.issuers == []
    assert wuxing.title == "吴兴区人才发展“十四五”规划"
    assert wuxing.text[wuxing.title_start : wuxing.title_end] == wuxing.title
    assert wuxing.title_start == line_start(wuxing.text, 4)
    assert wuxing.doc_type == "规划"
    assert [wuxing.text[p.start : p.end] for p in wuxing.preamble] == [line_text(wuxing.text, 5)]


def test_xiuzhou_metadata(xiuzhou) -> None:
    meta = xiuzhou.metadata
    assert meta.issuers == ["嘉兴市秀洲区发展和改革局", "中共嘉兴市秀洲区委组织部"]
    assert meta.issued_date == "2021-12-31"
    assert meta.recipients == "各镇人民政府、街道办事处，秀洲国家高新区管委会，区级有关部门（单位）"
    assert meta.notice_title == "《秀洲区人才发展“十四五”规划》的通知"
    assert meta.index_number is None and meta.written_date is None
    assert xiuzhou.title == "秀洲区人才发展“十四五”规划"
    assert xiuzhou.title_start == line_start(xiuzhou.text, 10)
    assert xiuzhou.text[xiuzhou.title_start : xiuzhou.title_end] == xiuzhou.title
    preamble = [xiuzhou.text[p.start : p.end] for p in xiuzhou.preamble]
    assert preamble == [line_text(xiuzhou.text, 5), line_text(xiuzhou.text, 11)]


# --- encodings --------------------------------------------------------------------------------


def tree(doc: Document) -> list[tuple]:
    return [(s.path, s.numbering, s.title, s.style, s.heading_start, s.heading_end, s.start,
             s.end, [(p.start, p.end) for p in s.paragraphs]) for s in doc.walk()]


@pytest.mark.parametrize("source", [WUXING, XIUZHOU], ids=["wuxing", "xiuzhou"])
@pytest.mark.parametrize(("encoding", "reported"),
                         [("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("gbk", "gb18030")])
def test_same_tree_in_every_encoding(tmp_path, source, encoding, reported) -> None:
    original = read_document(source)
    copy = tmp_path / source.name
    data = original.text.encode(encoding)
    copy.write_bytes(data)
    if encoding == "utf-8-sig":
        assert data.startswith(b"\xef\xbb\xbf")
    doc = read_document(copy)
    assert doc.encoding == reported
    assert doc.text == original.text  # offsets index the decoded text, BOM not included
    assert tree(doc) == tree(original)
    assert doc.metadata == original.metadata
    assert (doc.title, doc.title_start, doc.title_end) == (
        original.title, original.title_start, original.title_end)
    assert doc.sha256 == hashlib.sha256(data).hexdigest() != original.sha256


def test_crlf_offsets_index_the_text_as_read(tmp_path) -> None:
    original = read_document(WUXING)
    copy = tmp_path / "crlf.txt"
    copy.write_bytes(original.text.replace("\n", "\r\n").encode("utf-8"))
    doc = read_document(copy)
    assert [(s.numbering, s.title) for s in doc.walk()] == [
        (s.numbering, s.title) for s in original.walk()]
    for section in doc.walk():
        assert doc.text[section.heading_start : section.heading_end] == section.label
    for _, sentence in doc.sentences():
        assert doc.text[sentence.start : sentence.end] == sentence.text


# --- other documents, other conventions --------------------------------------------------------


def test_action_plan_with_chapters_sections_and_circled_numbers() -> None:
    doc = read_document(ACTION_PLAN)
    assert doc.title == "青梧市数字人才集聚行动计划（2023—2025年）"
    assert doc.doc_type == "行动计划"
    outline = [("  " * (s.level - 1)) + s.numbering + "|" + s.title for s in doc.walk()]
    assert outline == [
        "第一章|总体要求",
        "  第一节|指导思想",
        "  第二节|行动目标",
        "    表 1：|数字人才集聚主要指标",
        "第二章|重点行动",
        "  第一节|引才行动",
        "    1、|实施数字英才引进计划",
        "      (1)|举办数字人才峰会",
        "      (2)|设立海外引才工作站",
        "    2、|建设数字人才公寓",
        "  第二节|育才行动",
        "    1、|开展数字技能提升行动",
        "      ①|人工智能训练师培训",
        "      ②|工业互联网运维培训",
        "      ③|数据标注员培训",
        "    2、|支持校企共建数字产业学院",
        "第三章|保障措施",
        "  第一节|加强组织领导",
        "  第二节|强化资金保障",
    ]
    for section in doc.walk():
        printed = heading(doc, section)
        # "第一章 总体要求": the number, blanks as printed, the title
        assert printed.startswith(section.numbering) and printed.endswith(section.title)
        assert not printed[len(section.numbering) : len(printed) - len(section.title)].strip()
    goals = by_path(doc, 1, 2)
    table = goals.children[0]
    assert table.style == TABLE
    assert doc.text[table.start : table.end].rstrip().endswith("10")
    starts = [doc.text[p.start : p.end][:7] for p in goals.paragraphs]
    assert starts == ["到2025年，", "上述指标由市人"]


def test_opinions_in_gbk_with_crlf_and_closing_signature() -> None:
    data = OPINIONS.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = read_document(OPINIONS)
    assert doc.encoding == "gb18030"
    assert doc.title == "关于加快青年人才集聚的实施意见"
    assert doc.doc_type == "实施意见"
    assert [(s.path, s.label) for s in doc.walk()] == [
        ((1,), "一、总体目标"),
        ((2,), "二、主要举措"),
        ((2, 1), "（一）拓宽青年人才来青渠道"),
        ((2, 1, 1), "1．开展“青梧青春行”引才活动"),
        ((2, 1, 2), "2．建设青年人才驿站"),
        ((2, 2), "（二）强化青年人才安居保障"),
        ((2, 2, 1), "——发放租房补贴"),
        ((2, 2, 2), "——提供购房优惠"),
        ((3,), "三、组织保障"),
    ]
    for section in doc.walk():
        assert heading(doc, section) == section.label
    # the closing signature is metadata, not prose of the last section
    assert doc.metadata.issuers == ["青梧市人民政府办公室"]
    assert doc.metadata.issued_date == "2023-03-15"
    last = doc.sections[-1]
    assert [doc.text[p.start : p.end] for p in last.paragraphs] == [
        "各地各部门要把青年人才工作纳入重要议事日程，明确责任分工，确保各项举措落地见效。"]
    assert "青梧市人民政府办公室" not in doc.text[last.start : last.end]
    assert [doc.text[p.start : p.end] for p in doc.preamble] == [
        "各县（市、区）人民政府，市政府各部门：",
        "为吸引更多青年人才来青梧就业创业，现提出如下实施意见。",
    ]


def test_closing_date_inside_prose_is_not_a_signature(tmp_path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("某县农村人才振兴工作方案\n一、工作目标\n到2025年，培育农村实用人才一万名，"
                    "全面提升乡村人才队伍建设水平和质量。\n二、工作步骤\n"
                    "各乡镇于年底前完成摸底工作，并报县委组织部备案。\n2024年6月30日\n",
                    encoding="utf-8")
    doc = read_document(path)
    # the date follows a sentence, not a body's name: it stays in the text
    assert doc.metadata.issued_date is None and doc.metadata.issuers == []
    assert [s.label for s in doc.walk()] == ["一、工作目标", "二、工作步骤"]


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (b"  \n\n\t\n", "file is empty"),
        (b"\x00\x01\x02PK\x03\x04" * 200, "binary file"),
        (b"This is an English memo about budgets.\n" * 20, "no Chinese policy text"),
        ("你好".encode() * 5 + b"\n", "no Chinese policy text"),
        (b"\xff\xfe\x00\xd8", "byte-order mark"),
    ],
    ids=["empty", "blank", "binary", "english", "short-chinese", "bad-bom"],
)
def test_not_a_plan_is_one_line_error_naming_the_file(tmp_path, content, message) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_document(path)
    text = str(caught.value)
    assert str(path) in text and message in text and "\n" not in text


def test_missing_file_and_folder(tmp_path) -> None:
    with pytest.raises(InputError, match=re.escape(f"{tmp_path / 'nope.txt'}: no such file")):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)


def test_a_table_printed_before_the_first_heading_is_a_table_section() -> None:
    text = ("临溪县人才发展规划\n为加快人才集聚，制定本规划。\n表1：主要指标\n"
            "指标 | 单位 | 2020年 | 2025年 |\n人才总量 | 万人 | 1.5 | 2以上 |\n"
            "一、总体要求\n到2025年人才总量达到2万人。\n")
    doc = parse_document(text)
    assert doc.title == "临溪县人才发展规划"
    assert [s.label for s in doc.sections] == ["表1：主要指标", "一、总体要求"]
    assert [text[p.start:p.end] for p in doc.preamble] == ["为加快人才集聚，制定本规划。"]
    (table,) = parse_tables(doc).tables
    assert [(r.name, str(r.values[-1].value)) for r in table.rows] == [("人才总量", "2")]


def test_sentence_at_finds_the_sentence_holding_an_offset() -> None:
    text = "临溪县人才发展规划\n一、总体要求\n到2025年人才总量达到2万人。人才结构不断优化。\n"
    doc = parse_document(text)
    found = doc.sentence_at(text.index("结构"))
    assert found is not None and found.text == "人才结构不断优化。"
    assert doc.sentence_at(text.index("总体")) is None  # a heading, not a paragraph


def test_doctests_of_the_text_stage() -> None:
    from plankg.graph.rdf import evidence, identifiers, regions
    from plankg.graph.text import document, header, headings, lines, numerals, structure

    for module in (structure, header, headings, lines, numerals, regions, identifiers, evidence,
                   document):
        failures, tried = doctest.testmod(module)
        assert failures == 0, module.__name__
        assert tried > 0 or module is document, module.__name__


def test_item_number_glued_to_a_count_follows_the_sequence() -> None:
    # issue 12 (雁溪 shape): "9.3年内…" after item 8 is item 9 whose text starts "3年内"
    text = ("关于支持鹭山园区发展的若干意见\n\n一、加大财政支持\n"
            "8.加强知识产权保护。对园区企业给予奖励。\n"
            "9.3年内县级财政安排专项资金不少于2亿元。（责任单位：县财政局）\n"
            "10.鼓励企业上市挂牌。\n\n二、其他\n"
            "1.加强组织领导。\n3.5万人以上的园区另行规定。\n")
    doc = parse_document(text)
    items = [(s.numbering, s.title) for s in doc.sections[0].children]
    assert items == [("8.", "加强知识产权保护"), ("9.", "3年内县级财政安排专项资金不少于2亿元"),
                     ("10.", "鼓励企业上市挂牌")]
    # a decimal that is not the next number (3. after 1.) is no item: 3.5万人 is body text
    assert [s.numbering for s in doc.sections[1].children] == ["1."]
