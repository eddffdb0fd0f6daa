"""Quantitative targets in the prose, and their pk:Target nodes, on real sentences.

The sentences quoted here are copied from the two bundled plans (corpus/) and from the fixture plan
tests/data/plans/chenglan-talent-plan-2021-2025.txt; expected values are typed from those texts.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from corpus_paths import CHENGLAN, WUXING, XIUZHOU
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import XSD

from plankg.graph.extract.facts import PROGRAM, Mention, QuantTarget
from plankg.graph.extract.targets import extract_targets, read_targets
from plankg.graph.rdf.identifiers import Minter
from plankg.graph.rdf.targets import add_targets
from plankg.graph.rdf.vocab import OA, PK, QB
from plankg.graph.text.document import Document, Sentence

PLAN = URIRef("https://w3id.org/plankg/id/plan/test")


def figures(sentence: str) -> list[tuple[str, str, str, str | None, int | None]]:
    return [
        (t.measure, t.number, t.unit, " ".join(t.qualifiers) or None, t.year)
        for t in read_targets(sentence, 0)
    ]


# --- sentences ---------------------------------------------------------------------------------


def test_one_target_per_figure() -> None:
    # 吴兴's text prints half-width commas
    assert figures(
        "到2025年,引进省级以上人才200名以上,落户省领军型创新创业团队5个,"
        "新遴选“南太湖精英计划”人才项目80个以上。"
    ) == [
        ("引进省级以上人才", "200", "名", "以上", 2025),
        ("落户省领军型创新创业团队", "5", "个", None, 2025),
        ("新遴选“南太湖精英计划”人才项目", "80", "个", "以上", 2025),
    ]


def test_measure_after_the_figure_and_cumulative() -> None:
    assert figures(
        "到2025年,重点培育30名左右浙江工匠,50名左右湖州工匠,累计培育青年技能人才1000名。"
    ) == [
        ("重点培育浙江工匠", "30", "名", "左右", 2025),
        ("湖州工匠", "50", "名", "左右", 2025),
        ("累计培育青年技能人才", "1000", "名", "累计", 2025),
    ]


def test_qualifiers_before_the_figure() -> None:
    assert figures("在2025年,全区社会工作人才总量力争达0.72万人,社会工作专业岗位300个。") == [
        ("全区社会工作人才总量", "0.72", "万人", "力争", 2025),
        ("社会工作专业岗位", "300", "个", "力争", 2025),
    ]
    assert figures(
        "到2025年,每万人发明专利拥有量达到45件,高新技术产业增加值占规上工业比重超过85%,"
        "全员劳动生产率年均增长6%以上"
    ) == [
        ("每万人发明专利拥有量", "45", "件", None, 2025),
        ("高新技术产业增加值占规上工业比重", "85", "%", "超过", 2025),
        ("全员劳动生产率年均增长", "6", "%", "以上", 2025),
    ]
    assert figures("到2025年,新引育医疗卫生优秀人才450名,其中博士不少于3名") == [
        ("新引育医疗卫生优秀人才", "450", "名", None, 2025),
        ("博士", "3", "名", "不少于", 2025),
    ]


def test_a_qualifier_without_unit() -> None:
    assert figures(
        "力争到2025年,重点培育3000左右党政骨干人才,培养1000名左右优秀年轻党政储备人才。"
    ) == [
        ("重点培育党政骨干人才", "3000", "", "力争 左右", 2025),
        ("培养优秀年轻党政储备人才", "1000", "名", "力争 左右", 2025),
    ]


def test_compound_units() -> None:
    assert figures(
        "到2025年，全区每千常住人口拥有执业（助理）医师数达到3.23人，护士数达到5人，"
        "全科医生达5名/万人，疾病预防控制机构编制配备达到1.75名/万人。"
    ) == [
        ("全区每千常住人口拥有执业（助理）医师数", "3.23", "人", None, 2025),
        ("护士数", "5", "人", None, 2025),
        ("全科医生", "5", "名/万人", None, 2025),
        ("疾病预防控制机构编制配备", "1.75", "名/万人", None, 2025),
    ]
    assert figures("每万名从业人员中R&D人员达到200人年")[0][1:3] == ("200", "人年")


def test_figures_listed_with_dun_and_respectively() -> None:
    assert figures("力争2025年底，新增国际人才社区1个、高端人才公寓600套。") == [
        ("新增国际人才社区", "1", "个", "力争", 2025),
        ("高端人才公寓", "600", "套", "力争", 2025),
    ]
    respectively = figures(
        "到2025年，全区持高级、中级、初级社会工作者证分别达到2人、391人、2053人。"
    )
    assert [f[1] for f in respectively] == ["2", "391", "2053"]
    assert {f[0] for f in respectively} == {"全区持高级、中级、初级社会工作者证"}


def test_years() -> None:
    # "2025年前" and "“十四五”期末" set the year; a sentence without one has none
    assert figures("设立人才发展专项资金，2025年前专项资金规模达到1.5亿元左右。") == [
        ("专项资金规模", "1.5", "亿元", "左右", 2025),
    ]
    assert figures(
        "到“十四五”期末，人才发展专项资金规模达到1.5亿元左右，人才对经济社会发展的贡献率明显提高"
    ) == [
        ("人才发展专项资金规模", "1.5", "亿元", "左右", 2025),
    ]
    assert figures("开展首席技师评选，建设技能大师工作室15家，每年评选“岚湖工匠”30名。") == [
        ("建设技能大师工作室", "15", "家", None, None),
        ("每年评选“岚湖工匠”", "30", "名", "每年", None),  # annual (issue 12)
    ]
    # a figure for a year before the plan period is a baseline
    assert read_targets("全区人才资源总量由2020年的12.21万人", 0, first_year=2021) == []


@pytest.mark.parametrize("sentence", [
    "截至2020年底，全区人才资源总量达到12.21万人，比2015年净增3.3万人、增长36.6%",
    "物色一批35岁左右、本科以上学历、思想素质好、有发展潜力的优秀青年企业家进行重点培养",
    "深入实施硕博倍增计划、大学生“550”引才计划",
    "高质量打造G60科创走廊秀洲节点",
    "《秀洲区人才发展“十四五”规划》已经九届区政府第62次常务会议审议通过",
    "以“1+7+N”人才集聚平台和科技创新平台为抓手",
    "以5G、大数据、云计算、人工智能等技术创新为代表的新一轮科技革命正席卷全球",
    "“秀湖双百计划2.0版”",
])
def test_numbers_that_are_no_targets(sentence: str) -> None:
    assert read_targets(sentence, 0) == []


# --- whole plans -------------------------------------------------------------------------------


def program(doc: Document, surface: str, name: str, occurrence: int = 0) -> Mention:
    """A program mention placed by hand where ``surface`` is printed (a sentence or a heading)."""
    at = -1
    for _ in range(occurrence + 1):
        at = doc.text.index(surface, at + 1)
    end = at + len(surface)
    for section, sentence in doc.sentences():
        if sentence.start <= at and end <= sentence.end:
            return Mention(PROGRAM, name, surface, at, end, sentence, section)
    heading = next(s for s in doc.walk() if s.heading_start <= at and end <= s.heading_end)
    text = doc.text[heading.heading_start : heading.heading_end]
    sentence = Sentence(heading.heading_start, heading.heading_end, text)
    return Mention(PROGRAM, name, surface, at, end, sentence, heading)


def find(targets: list[QuantTarget], printed_with_measure: str) -> QuantTarget:
    return next(t for t in targets if f"{t.measure} {t.printed}" == printed_with_measure)


def test_fixture_targets(docs: dict[str, Document]) -> None:
    doc = docs[CHENGLAN.name]
    targets = extract_targets(doc, [])
    # typed from the fixture: 8 in 发展目标, 14 in 主要任务, 1 in 组织保障; none from 发展基础
    # (9.6万人, 31.5%, 7家, 4家, 26名, 112家, 860人, 12.4%) nor from 表1
    assert len(targets) == 23
    assert {str(t.value) for t in targets}.isdisjoint({"9.6", "31.5", "112", "860", "12.4", "88"})
    talent = find(targets, "全县人才资源总量 11.5万人")
    assert (talent.value, talent.unit, talent.year) == (Decimal("11.5"), "万人", 2025)
    assert talent.section is not None and talent.section.title == "发展目标"
    money = find(targets, "县财政每年安排人才发展专项资金 3000万元")
    assert (money.qualifier, money.year) == ("每年 不少于", None)  # an annual sum (issue 12)


def test_program_of_a_target(docs: dict[str, Document]) -> None:
    doc = docs[XIUZHOU.name]
    mentions = [
        program(doc, "“秀水领英”工程", "秀水领英工程"),
        program(doc, "“鲲鹏行动”计划", "鲲鹏行动计划", occurrence=0),
        program(doc, "省“鲲鹏行动”计划", "鲲鹏行动计划"),
        program(doc, "硕博倍增计划", "硕博倍增计划"),
    ]
    targets = extract_targets(doc, mentions)
    # "（一）聚焦顶尖人才，实施“秀水领英”工程 … 到2025年，力争全职引进顶尖人才（团队）10个以上，
    # 入选省“鲲鹏行动”计划1个以上。"
    assert find(targets, "全职引进顶尖人才（团队） 10个以上").program == "秀水领英工程"
    assert find(targets, "入选省“鲲鹏行动”计划 1个以上").program == "鲲鹏行动计划"
    # "实施硕博倍增计划，力争新引进博士、硕士青年人才2500名以上"
    assert find(targets, "新引进博士、硕士青年人才 2500名以上").program == "硕博倍增计划"
    # the goals chapter names no program
    assert find(targets, "全区人才资源总量 14.71万人").program is None


def test_a_program_in_another_figures_measure(docs: dict[str, Document]) -> None:
    doc = docs[WUXING.name]
    # "到2025年,全区累计招引“南太湖精英计划”高层次人才项目达到400个以上,
    # 新招引大学生和其他各类人才15万人以上。"
    mentions = [program(doc, "“南太湖精英计划”", "南太湖精英计划", occurrence=3)]
    targets = extract_targets(doc, mentions)
    assert find(targets, "全区累计招引“南太湖精英计划”高层次人才项目 400个以上").program == (
        "南太湖精英计划"
    )
    assert find(targets, "新招引大学生和其他各类人才 15万人以上").program is None


def test_background_chapters_hold_no_targets(docs: dict[str, Document]) -> None:
    for path in (WUXING, XIUZHOU):
        doc = docs[path.name]
        targets = extract_targets(doc, [])
        first_chapter = doc.sections[0]
        assert targets
        assert all(not (first_chapter.start <= t.start < first_chapter.end) for t in targets)


@pytest.mark.parametrize("path", [WUXING, XIUZHOU, CHENGLAN])
def test_every_offset_slices_the_source(path: Path, docs: dict[str, Document]) -> None:
    doc = docs[path.name]
    text = path.read_text(encoding="utf-8")
    for target in extract_targets(doc, []):
        span = text[target.start : target.end]
        assert target.printed in span
        assert text[target.sentence.start : target.sentence.end] == target.sentence.text
        assert target.sentence.start <= target.start and target.end <= target.sentence.end


# --- RDF -----------------------------------------------------------------------------------------


def test_target_nodes(docs: dict[str, Document]) -> None:
    doc = docs[WUXING.name]
    mentions = [program(doc, "“南太湖精英计划”", "南太湖精英计划", occurrence=6)]
    targets = extract_targets(doc, mentions)
    graph = Graph()
    minter = Minter()
    add_targets(graph, doc, PLAN, targets, minter=minter)
    talent = find(targets, "引进省级以上人才 200名以上")
    node = URIRef(f"{PLAN}/target/{talent.start}-{talent.end}")
    assert doc.text[talent.start : talent.end] == "引进省级以上人才200名以上"
    assert (node, RDF.type, PK.Target) in graph
    assert (node, RDF.type, QB.Observation) in graph
    assert graph.value(node, RDFS.label) == Literal("引进省级以上人才 200名以上", lang="zh")
    assert graph.value(node, PK.measure) == Literal("引进省级以上人才", lang="zh")
    assert graph.value(node, PK.value) == Literal(Decimal("200"), datatype=XSD.decimal)
    assert graph.value(node, PK.printedValue) == Literal("200名以上")
    assert graph.value(node, PK.unit) == Literal("名")
    assert graph.value(node, PK.qualifier) == Literal("以上")
    assert graph.value(node, PK.year) == Literal("2025", datatype=XSD.gYear)
    assert graph.value(node, PK.inPlan) == PLAN
    evidence = graph.value(node, PK.evidence)
    quote = URIRef(f"{evidence}#quote")
    assert str(graph.value(quote, OA.exact)).startswith("到2025年,引进省级以上人才200名以上")
    # "新遴选“南太湖精英计划”人才项目80个以上" belongs to the program named before it
    selected = find(targets, "新遴选“南太湖精英计划”人才项目 80个以上")
    node = URIRef(f"{PLAN}/target/{selected.start}-{selected.end}")
    assert graph.value(node, PK.forProgram) == minter.shared("program", "南太湖精英计划")
    # several qualifiers are several literals
    cadres = find(targets, "重点培育党政骨干人才 3000左右")
    node = URIRef(f"{PLAN}/target/{cadres.start}-{cadres.end}")
    assert set(graph.objects(node, PK.qualifier)) == {Literal("力争"), Literal("左右")}
    assert graph.value(node, PK.unit) is None


def test_every_evidence_quote_is_the_source_text(docs: dict[str, Document]) -> None:
    doc = docs[CHENGLAN.name]
    graph = Graph()
    add_targets(graph, doc, PLAN, extract_targets(doc, []), minter=Minter())
    positions = list(graph.subjects(RDF.type, OA.TextPositionSelector))
    assert positions
    for position in positions:
        start, end = (int(graph.value(position, p)) for p in (OA.start, OA.end))
        quote = URIRef(str(position).replace("#position", "#quote"))
        assert str(graph.value(quote, OA.exact)) == doc.text[start:end]


def test_a_date_field_that_is_no_date_does_not_stop_the_targets(tmp_path: Path) -> None:
    """A scraped header whose 成文日期 holds text (hypothesis found 成文日期:一、总体要求) is kept
    as printed by the header reader; the targets take the plan's span from the title instead
    of reading a year out of it."""
    from plankg.graph.text.structure import read_document

    plan = tmp_path / "plan.txt"
    plan.write_text(
        "索 引 号: | 330599/2022-00001 | 成文日期:一、总体要求 | 2022-04-14 |\n"
        "棠梨区人才发展规划\n"
        "一、主要任务\n"
        "（一）引才育才\n"
        "坚持人才引领发展，深化人才发展体制机制改革，完善人才政策体系，优化人才发展环境，"
        "加快建设高水平人才队伍，为全区经济社会发展提供坚强的人才支撑和智力保障。\n"
        "5年内新引进大学生2万人。\n",
        encoding="utf-8",
    )
    doc = read_document(plan)
    found = [(t.value, t.unit, t.year) for t in extract_targets(doc, [])]
    assert found == [(Decimal(2), "万人", None)]
