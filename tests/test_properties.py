"""Property-based tests: random and mutated plan text never breaks the reader, the heading tree,
the table reader or the extractors, and every offset they record slices the text to its quote.

Texts are drawn from the pieces plans are made of (headings in every numbering style, table
lines in the three flattened layouts, responsibility annotations, 、-lists, program and platform
suffixes) mixed with arbitrary characters, and from a bundled plan with characters inserted,
deleted and replaced. Each example must finish within the deadline below.
"""

from __future__ import annotations

import functools
from datetime import timedelta
from pathlib import Path

import pytest
from corpus_paths import WUXING
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from plankg.errors import InputError
from plankg.graph.extract import segment
from plankg.graph.extract.extractor import extract_facts
from plankg.graph.extract.lexicon import Lexicon, load_lexicon
from plankg.graph.text.document import Document
from plankg.graph.text.reading import read_source
from plankg.graph.text.structure import parse_document
from plankg.graph.text.tables import parse_tables

PIECES = (
    "一、总体要求", "（一）发展目标", "(二)主要任务", "1.人才规模扩大。", "1．", "2、", "（1）",
    "①", "第一章 发展基础", "第二节 重点工程", "——党政人才队伍提升计划。", "3.1 ", "3.1.1 ",
    "专栏1  重大工程", "表1：主要指标", "表2  “十四五”主要指标", "续表1：", "— 31 —", "15三、",
    "II", "指标 | 单位 | 2020年 | 2025年 |", "人才资源总量 | 万人 | 9.6 | 11.5 |", " | | |",
    "\t序号", "\t2020年现状", "\t90", "\t——", "\t约束性", "\t", "重点区≥30",
    "1 全区生产总值年均增长率 % 预期性 - 6左右", "万元/", "[15]", "[累计达到800]", ">60",
    "<5.5", "（牵头单位：区委组织部；配合单位：区科技局、区财政局）",
    "(牵头单位:县科技局,配合单位:县发改局)", "（责任单位：各镇、街道）", "实施“青梧英才”计划",
    "建设岚湖实验室", "智能制造、新型材料、数字文旅三大产业", "等领域",
    "到2025年，引进人才200名以上", "自2015年起5年内", "“十四五”期间", "每年", "研究院",
    "产业园", "高新区", "工程", "行动", "项目", "。", "，", "、", "；", "：", "“", "”", "《",
    "》", "（", "）", "\n", "\n", "\n", "\r\n", " ", "\u3000",
)
text_pieces = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), min_size=1, max_size=120
).map("".join)


@functools.cache
def bundled() -> str:
    return WUXING.read_text(encoding="utf-8")[:6000]


@st.composite
def mutated_plan(draw: st.DrawFn) -> str:
    text = bundled()
    for _ in range(draw(st.integers(1, 12))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(("insert", "delete", "replace")))
        piece = draw(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)))
        span = draw(st.integers(0, 40))
        if action == "insert":
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + span:]
        else:
            text = text[:at] + piece + text[at + span:]
    return text


plan_texts = st.one_of(text_pieces, mutated_plan())
SETTINGS = settings(max_examples=100, deadline=timedelta(seconds=5),
                    suppress_health_check=[HealthCheck.too_slow])


@functools.cache
def lexicon() -> Lexicon:
    # jieba reads its dictionary on first use (5-10 s on a loaded machine): done here, once,
    # so that the first example's deadline measures the extractors, not that load
    segment.tagged("人才发展规划")
    return load_lexicon()


@pytest.fixture(scope="module", autouse=True)
def _warm_extractors() -> None:
    lexicon()


def check_document(doc: Document) -> None:
    text = doc.text
    assert 0 <= doc.title_start <= doc.title_end <= len(text)
    for section in doc.walk():
        assert 0 <= section.start <= section.heading_start <= section.heading_end <= section.end
        assert section.end <= len(text)
        printed = text[section.heading_start:section.heading_end]
        assert section.numbering_inferred or printed.startswith(section.numbering), section
        assert section.title in printed
    for _, sentence in doc.sentences():
        assert text[sentence.start:sentence.end] == sentence.text


@SETTINGS
@given(plan_texts)
def test_heading_tree_never_raises_and_its_offsets_hold(text: str) -> None:
    check_document(parse_document(text))


@SETTINGS
@given(plan_texts)
def test_table_reader_never_raises_and_every_value_is_where_it_was_printed(text: str) -> None:
    doc = parse_document(text)
    for table in parse_tables(doc).tables:
        assert 0 <= table.start <= table.end <= len(text)
        for row in table.rows:
            assert row.start <= row.end
            for value in row.values:
                assert text[value.start:value.end] == value.printed
        for warning in table.warnings:
            assert 0 <= warning.start <= warning.end <= len(text)


@SETTINGS
@given(plan_texts)
@example("一、总体要求\n到2025年，人才资源总量达到10万人。")  # a target with its measure
@example("一、总体要求一、总体要求1 全区生产总值年均增长率 % 预期性 - 6左右")  # found by a run
def test_extractors_never_raise_and_every_mention_is_its_quote(text: str) -> None:
    doc = parse_document(text)
    facts = extract_facts(doc, lexicon=lexicon())
    for mention in facts.mentions:
        assert text[mention.start:mention.end] == mention.surface
        assert text[mention.sentence.start:mention.sentence.end] == mention.sentence.text
        assert mention.sentence.start <= mention.start <= mention.end <= mention.sentence.end
        assert mention.name.strip()
    for relation in facts.relations:
        assert text[relation.sentence.start:relation.sentence.end] == relation.sentence.text
    for target in facts.targets:
        # a target's span is its statement, the measure and the figure ("人才资源总量达到10万人"
        # for the figure 10万人), inside its sentence
        assert target.printed in text[target.start:target.end]
        assert target.sentence.start <= target.start <= target.end <= target.sentence.end


@settings(max_examples=80, deadline=timedelta(seconds=5))
@given(st.binary(max_size=400) | plan_texts.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_the_reader_reads_or_says_why_in_one_line(tmp_path_factory, data: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("read")) / "plan.txt"
    path.write_bytes(data)
    try:
        source = read_source(path)
    except InputError as err:
        message = str(err)
        assert message.startswith(f"{path}: ") and "\n" not in message
    else:
        assert source.text.encode(source.encoding.removesuffix("-sig"), "strict")
        check_document(parse_document(source.text, path=path))
