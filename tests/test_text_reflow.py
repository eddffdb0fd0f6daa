"""graph/text/reflow.py: prose a PDF's text layer wrapped at a fixed width joined back into its
paragraphs at read time (decision 046), on invented texts of a 霁川市 plan (no fixture's names).

Every case is printed after a filler of wrapped prose, so that the text is wrapped at ``WIDTH``
(the filler alone decides the width); the case's lines are read back after the filler's."""

from __future__ import annotations

from pathlib import Path

from plankg.graph.text.reflow import reflow, wrap_width
from plankg.graph.text.structure import read_document

WIDTH = 30
FILLER = (
    "霁川市加快构建现代物流体系，完善城乡配送网络，推动桐坪县建设县级物流配送中心和乡镇快递服务站，"
    "支持冷链物流企业扩大规模，提升农产品上行效率，降低社会物流成本。"
)
FILLER_PARAGRAPHS = 16


def wrap(paragraph: str, width: int = WIDTH) -> list[str]:
    """``paragraph`` printed in lines of ``width`` characters, as a PDF's text layer gives it."""
    return [paragraph[i : i + width] for i in range(0, len(paragraph), width)]


def filler() -> list[str]:
    return [line for _ in range(FILLER_PARAGRAPHS) for line in wrap(FILLER)]


def reflowed(case: list[str]) -> list[str]:
    """The lines of ``case`` after reflow, printed after the wrapped filler."""
    text = "\n".join([*filler(), *case])
    assert wrap_width(text.split("\n")) == WIDTH
    lines = reflow(text).split("\n")
    assert lines[:FILLER_PARAGRAPHS] == [FILLER] * FILLER_PARAGRAPHS
    return lines[FILLER_PARAGRAPHS:]


PROSE = (
    "桐坪县推进乡镇快递服务站建设，完善农村寄递网络，"
    "提升末端配送能力和服务水平，打造覆盖全域的三级物流体系。"
)


def test_prose_wrapped_at_the_width_is_joined_into_its_paragraph() -> None:
    assert len(wrap(PROSE)) == 2
    assert reflowed([*wrap(PROSE), *wrap(PROSE)]) == [PROSE, PROSE]
    # a name broken by the line end is one again
    lines = reflowed(["支持霁川市物流企业做大做强，由霁川市发展和改革委员会、市发", "改委牵头。"])
    assert lines == ["支持霁川市物流企业做大做强，由霁川市发展和改革委员会、市发改委牵头。"]


def test_a_narrower_line_stopped_mid_sentence_is_joined_a_short_one_is_not() -> None:
    # a box printed narrower (24 of 30 characters, over NARROW) still wraps mid-sentence
    assert len("霁川公铁港二期工程：建设多式联运中心、铁路货场、") == 24
    assert reflowed(
        ["霁川公铁港二期工程：建设多式联运中心、铁路货场、", "保税仓库和冷链集散中心。"]
    ) == ["霁川公铁港二期工程：建设多式联运中心、铁路货场、保税仓库和冷链集散中心。"]
    # a short line that stops without a stop (a title, a signature) ends its paragraph
    assert reflowed(["霁川市人民政府办公室", "桐坪县交通运输局"]) == [
        "霁川市人民政府办公室",
        "桐坪县交通运输局",
    ]


def test_a_full_width_line_is_not_joined_to_a_heading_after_it() -> None:
    full = "支持桐坪县建设农产品果蔬集配中心，完善县乡三级物流配送体系。"
    assert len(full) == WIDTH and full.endswith("。")
    case = [full, "（二）培育物流市场主体", full, "2.发展冷链物流。", full, "第四章 保障措施"]
    case += [
        full,
        "专栏2 霁川市物流重点项目",
        full,
        "12（三）强化要素保障",
    ]  # a page number glued on
    assert reflowed(case) == case


def test_a_heading_stopped_without_a_stop_is_not_run_on_into_the_next_heading() -> None:
    # headings and list items of most of the width printed without a stop (the bug fixed with
    # this test: a line stopped "mid-sentence" was joined to any line after it, a heading too)
    case = [
        "（一）建设霁川市区域性现代物流枢纽和多式联运中心城市",
        "1.完善桐坪县农村寄递网络和末端配送能力建设",
        "2.发展冷链物流。",
    ]
    assert reflowed(case) == case


def test_list_items_each_keep_their_line() -> None:
    items = [
        "1.完善配送网络。推进乡镇快递服务站建设，完善农村寄递网络。",
        "2.发展冷链物流。支持冷链物流企业扩大规模，提升上行效率。",
        "（1）桐坪县农产品果蔬集配中心，建设冷库和分拣中心。",
    ]
    assert reflowed(items) == items
    # an item wrapped over its line end is one line again, the next item apart
    item = "3.培育物流主体。支持霁川市物流企业做大做强，培育一批骨干企业和示范物流园区。"
    assert reflowed([*wrap(item), items[1]]) == [item, items[1]]


def test_table_lines_captions_and_blank_lines_are_left_alone() -> None:
    full = "霁川市物流业增加值年均增长百分之八以上，社会物流总额稳步增长"
    assert len(full) == WIDTH
    case = [
        full,
        "表1 霁川市现代物流发展主要指标",
        "指标名称  2020年  2025年",
        full,
        "社会物流总额（亿元）  120  180",
        full,
        "",
        "物流企业数量持续增长。",
    ]
    assert reflowed(case) == case


def test_page_numbers_alone_are_not_joined() -> None:
    case = [*wrap(PROSE), "— 12 —", "第 3 页", "（二）培育物流市场主体"]
    assert reflowed(case) == [PROSE, "— 12 —", "第 3 页", "（二）培育物流市场主体"]
    # a line stopped mid-sentence before a page number and a heading: nothing to join over
    full = "支持桐坪县建设农产品果蔬集配中心，完善县乡村三级物流配送网络"
    assert len(full) == WIDTH
    for page in ("— 12 —", "—12—", "第3页"):
        case = [full, page, "（二）培育物流市场主体"]
        assert reflowed(case) == case


def test_a_full_width_line_ending_in_a_closing_mark_runs_on() -> None:
    # a closing quote or bracket ends no sentence: a line of the full width goes on
    full = "霁川市加快打造区域公用农产品品牌，积极培育和推广“桐坪优品”"
    assert len(full) == WIDTH
    assert reflowed([full, "区域公用品牌。"]) == [full + "区域公用品牌。"]


def test_a_sentence_a_page_number_breaks_is_joined_over_it_the_number_printed_after() -> None:
    first = (
        "支持霁川市物流企业做大做强，培育一批示范物流园区和骨干企业，"
        "推动仓储配送一体化发展，建成区域性现代物流枢纽和"
    )
    case = [*wrap(first), "— 13 —", "物流中心城市。", "（三）强化要素保障"]
    assert reflowed(case) == [first + "物流中心城市。", "— 13 —", "（三）强化要素保障"]
    # an annotation a page break splits is one annotation
    item = (
        "4.畅通城乡配送。推进县乡村三级物流体系建设，完善农村寄递网络和配送中心建设，"
        "提升末端配送服务能力。（牵头"
    )
    case = [*wrap(item), "— 14 —", "单位：霁川市交通运输局）"]
    assert reflowed(case) == [item + "单位：霁川市交通运输局）", "— 14 —"]


def test_a_page_number_after_a_full_sentence_stays_where_it_is() -> None:
    done = "霁川市物流业增加值年均增长百分之八，物流总额稳步增长。"
    case = [done, "— 15 —", "桐坪县物流企业数量持续增长。"]
    assert reflowed(case) == case


def test_the_indent_of_a_joined_line_is_taken_out() -> None:
    lines = wrap(PROSE)
    assert reflowed(["\u3000\u3000" + lines[0][2:], "\u3000\u3000" + lines[1]]) == [
        "\u3000\u3000" + PROSE[2:]
    ]


def test_a_text_not_wrapped_is_returned_unchanged() -> None:
    # one paragraph a line (a Word or HTML text)
    one_line = "\n".join(FILLER * (1 + k % 3) for k in range(40)) + "\n"
    assert reflow(one_line) == one_line
    # too few lines at one width: a short note wrapped is left as it is
    short = "\n".join(wrap(FILLER) * 5)
    assert wrap_width(short.split("\n")) is None
    assert reflow(short) == short
    # a text keeping many paragraphs on one line among wrapped ones (over MAX_LONG_SHARE)
    mixed = "\n".join([*filler(), *[FILLER] * 10])
    assert reflow(mixed) == mixed


def test_read_document_reads_a_wrapped_file_joined(tmp_path: Path) -> None:
    body = "\n".join(["霁川市现代物流业发展规划", "一、重点任务", *filler(), *wrap(PROSE)])
    path = tmp_path / "jichuan.txt"
    path.write_text(body + "\n", encoding="utf-8")
    doc = read_document(path)
    assert PROSE in doc.text.split("\n")
    assert "一、重点任务" in doc.text.split("\n")


# --- a wrapped box in a text whose prose keeps one paragraph a line (round eleven) -----------

BOX_WIDTH = 24


def box_text(entries: list[str]) -> str:
    """A text of unwrapped paragraphs with a 专栏 box whose entries are wrapped at BOX_WIDTH."""
    prose = ("霁川市坚持创新驱动发展，统筹推进科技创新平台、创新主体和创新生态建设，"
             "全面提升区域创新能力。")
    box = [line for entry in entries for line in wrap(entry, BOX_WIDTH)]
    return "\n".join(["一、空间布局", prose, "专栏2  霁川高新区功能布局", *box,
                      "（二）建设创新载体", prose])


def test_a_wrapped_box_in_an_unwrapped_text_is_joined_entry_by_entry() -> None:
    entries = [
        "桐坪科创园：重点发展研发设计、技术转移、科技咨询等科技服务业，布局科技企业加速器。",
        "霁北新材料科技园：重点发展分离膜材料、电子化学品、先进高分子材料。",
    ]
    lines = reflow(box_text(entries)).split("\n")
    assert lines[3:5] == entries
    assert lines[5] == "（二）建设创新载体"  # the heading after the box is not run into


def test_a_box_of_names_one_a_line_is_left_alone() -> None:
    names = ["霁川实验室", "桐坪科创园", "霁北新材料科技园", "霁川市智能制造研究院"]
    text = "\n".join(["一、空间布局", "专栏3  重大创新平台", *names, "二、主要任务"])
    assert reflow(text) == text
