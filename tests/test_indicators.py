"""Indicators as RDF, prose headline figures, and the indicators / observations queries.

Expected values are typed from the plan texts (corpus/*.txt). The queries run on the graph the build
makes of the bundled corpus, in an Oxigraph store and in an rdflib Dataset, and both must give the
expected rows.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from corpus_paths import WUXING, XIUZHOU
from rdflib import RDF, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from plankg.api import query
from plankg.cli import main
from plankg.cli.build import dataset_bytes
from plankg.graph.extract.figures import match_key, read_headline_figures
from plankg.graph.rdf.build import Build, build_dataset
from plankg.graph.rdf.identifiers import plan_graph_iri, plan_iri, slug
from plankg.graph.rdf.indicators import IndicatorReport, add_indicators
from plankg.graph.rdf.vocab import OA, PK, QB
from plankg.graph.text.document import Document
from plankg.graph.text.structure import read_document
from plankg.graph.text.tables import parse_tables

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
WUXING_TITLE = "吴兴区人才发展“十四五”规划"
XIUZHOU_TITLE = "秀洲区人才发展“十四五”规划"

def build(path: Path) -> tuple[Document, Dataset, URIRef, IndicatorReport]:
    doc = read_document(path)
    plan_slug = slug(doc.title)
    plan = plan_iri(plan_slug)
    dataset = Dataset()
    graph = dataset.graph(plan_graph_iri(plan_slug))
    graph.add((plan, DCTERMS.title, Literal(doc.title, lang="zh")))  # as the build writes it
    report = add_indicators(graph, doc, plan, parse_tables(doc))
    return doc, dataset, plan, report


@pytest.fixture(scope="module")
def wuxing() -> tuple[Document, Dataset, URIRef, IndicatorReport]:
    return build(WUXING)


@pytest.fixture(scope="module")
def xiuzhou() -> tuple[Document, Dataset, URIRef, IndicatorReport]:
    return build(XIUZHOU)


# --- the graph ---------------------------------------------------------------------------------


def test_counts(wuxing, xiuzhou) -> None:
    # 吴兴: 9 + 16 table rows naming 17 indicators (8 in both tables); 24 + 32 table values
    # (three 规划目标 cells print "——"); 4 prose figures, 3 of them new indicators and values
    _, _, _, report = wuxing
    assert (report.indicators, report.observations, report.figures) == (20, 59, 4)
    assert report.warnings == []
    # 秀洲: 27 + 15 rows naming 39 indicators (three in both tables); 81 + 29 table values
    # ("-" in row 11); 11 prose figures, 8 repeating a table value, 2 new indicators
    _, _, _, report = xiuzhou
    assert (report.indicators, report.observations, report.figures) == (41, 113, 11)
    assert report.warnings == []


def test_every_observation_is_complete_and_cites_its_row(wuxing, xiuzhou) -> None:
    for doc, dataset, plan, _ in (wuxing, xiuzhou):
        graph = dataset.graph(plan_graph_iri(slug(doc.title)))
        observations = set(graph.subjects(RDF.type, QB.Observation))
        assert observations
        for obs in observations:
            (value,) = graph.objects(obs, PK.value)
            assert value.datatype == XSD.decimal
            (year,) = graph.objects(obs, PK.year)
            assert year.datatype == XSD.gYear
            (role,) = graph.objects(obs, PK.role)
            assert role in {PK.baseline, PK.target, PK.actual, PK.planned, PK.growth}
            (indicator,) = graph.objects(obs, PK.indicator)
            assert (plan, PK.hasIndicator, indicator) in graph
            (printed,) = graph.objects(obs, PK.printedValue)
            for evidence in graph.objects(obs, PK.evidence):
                exact = graph.value(URIRef(f"{evidence}#quote"), OA.exact)
                start = graph.value(URIRef(f"{evidence}#position"), OA.start).toPython()
                end = graph.value(URIRef(f"{evidence}#position"), OA.end).toPython()
                assert doc.text[start:end] == str(exact)
                assert str(printed) in str(exact)


def test_indicator_in_both_tables_and_the_prose(wuxing) -> None:
    doc, dataset, plan, _ = wuxing
    graph = dataset.graph(plan_graph_iri(slug(doc.title)))
    node = URIRef(f"{plan}/indicator/ren-cai-zi-yuan-zong-liang")
    assert (node, RDF.type, PK.Indicator) in graph
    assert set(map(str, graph.objects(node, PK.printedName))) == {"人才资源总量(万人)",
                                                                  "人才资源总量"}
    assert set(graph.objects(node, PK.inTable)) == {URIRef(f"{plan}/table/1"),
                                                    URIRef(f"{plan}/table/2")}
    assert list(map(str, graph.objects(node, PK.unit))) == ["万人"]
    assert list(map(str, graph.objects(node, PK.category))) == ["人才资源总量"]
    # 表1 says 23.2 for 2020 and so does the prose: one observation citing both
    obs = URIRef(f"{plan}/observation/ren-cai-zi-yuan-zong-liang-2020-actual")
    assert graph.value(obs, PK.value) == Literal(Decimal("23.2"), datatype=XSD.decimal)
    assert (obs, QB.dataSet, URIRef(f"{plan}/table/1")) in graph
    quotes = {str(graph.value(URIRef(f"{ev}#quote"), OA.exact))
              for ev in graph.objects(obs, PK.evidence)}
    assert len(quotes) == 2
    assert "人才资源总量(万人) | 9.2 | 10 | 23.2 | 完成" in quotes
    assert any(q.startswith("截至2020年底,全区人才资源总量达到23.2万人,") for q in quotes)
    baseline_2020 = URIRef(f"{plan}/observation/ren-cai-zi-yuan-zong-liang-2020-baseline")
    assert graph.value(baseline_2020, PK.value) == Literal(Decimal("23.2"), datatype=XSD.decimal)
    assert (baseline_2020, QB.dataSet, URIRef(f"{plan}/table/2")) in graph


def test_table_nodes_and_evidence_sections(xiuzhou) -> None:
    doc, dataset, plan, _ = xiuzhou
    graph = dataset.graph(plan_graph_iri(slug(doc.title)))
    table = URIRef(f"{plan}/table/2")
    assert (table, RDF.type, PK.Table) in graph
    assert (table, RDF.type, QB.DataSet) in graph
    assert graph.value(table, PK.tableNumber).toPython() == 2
    assert str(graph.value(table, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))) == (
        "表2：秀洲区“十四五”时期人才发展主要指标")
    # 表2 follows the six "——" lead-ins of 二、(三) (人才队伍提质扩容 … 人才管理系统高效), so it
    # is the section's seventh child: …/section/2-3-7
    (caption_evidence,) = graph.objects(table, PK.evidence)
    assert graph.value(caption_evidence, PK.inSection) == URIRef(f"{plan}/section/2-3-7")
    row_11 = URIRef(f"{plan}/observation/quan-yuan-lao-dong-sheng-chan-lv-nian-jun-zeng-zhang"
                    "-2025-target")
    assert str(graph.value(row_11, PK.printedValue)) == "7以上"
    assert str(graph.value(row_11, PK.qualifier)) == "以上"
    assert graph.value(row_11, PK.value) == Literal(Decimal("7"), datatype=XSD.decimal)
    assert (URIRef(f"{plan}/observation/quan-yuan-lao-dong-sheng-chan-lv-nian-jun-zeng-zhang"
                   "-2020-baseline"), None, None) not in graph  # "-" is no value, not a zero
    # "18.0" keeps its trailing zero in the graph
    patent = URIRef(f"{plan}/observation/mei-wan-ren-gao-jia-zhi-fa-ming-zhuan-li-yong-you-liang"
                    "-2025-target")
    assert graph.value(patent, PK.value).n3() == (
        '"18.0"^^<http://www.w3.org/2001/XMLSchema#decimal>')
    for evidence in graph.objects(row_11, PK.evidence):
        assert graph.value(evidence, PK.inSection) == URIRef(f"{plan}/section/2-3-7")


# --- prose headline figures --------------------------------------------------------------------


def test_headline_figures_wuxing() -> None:
    doc = read_document(WUXING)
    figures = read_headline_figures(doc, parse_tables(doc))
    assert [(f.name, f.value, f.unit, f.year, f.role, f.matched) for f in figures] == [
        ("人才资源总量", Decimal("23.2"), "万人", 2020, "actual", True),
        ("每万名就业人员中研发人员数量", Decimal("96.82"), "人", 2020, "actual", False),
        ("高技能人才占技能人才比例", Decimal("31.5"), "%", 2020, "actual", False),
        ("主要劳动年龄人口中受过高等教育的比例", Decimal("19.8"), "%", 2020, "actual", False),
    ]
    for f in figures:
        assert doc.text[f.start : f.end] == f.printed
        assert f.sentence.start <= f.start < f.end <= f.sentence.end


def test_headline_figures_xiuzhou() -> None:
    doc = read_document(XIUZHOU)
    figures = read_headline_figures(doc, parse_tables(doc))
    assert [(f.name, f.printed, f.matched) for f in figures] == [
        ("财政人才专项投入占地方公共财政收入比例", "3.3%", True),
        ("财政人才发展专项资金", "9066万元", True),
        ("人才资源总量", "12.21万人", True),
        ("每万名从业人员人才资源数", "3752人", True),  # printed 全区每万从业人员人才资源数
        ("高级职称人才", "2515人", False),
        ("每万名从业人员中R&D人员", "158.75人年", True),
        ("高技能人才占技能劳动者比例", "35.4%", True),
        ("全员劳动生产率", "15.5万元/人", True),
        ("高新技术产业增加值占规上工业增加值的比重", "68.0%", True),
        ("规模以上工业新产品产值率", "52.0%", False),
        ("院士专家工作站", "13家", True),
    ]
    assert {f.year for f in figures} == {2020}
    # flows over the period are not levels: 新增…硕士1208名 is not the 硕士 indicator
    assert "硕士" not in {f.name for f in figures}


def test_match_key() -> None:
    assert match_key("高新技术产业增加值占规上工业增加值的比重") == match_key(
        "高新技术产业增加值占规模以上工业增加值比重（%）")
    assert match_key("人才资源总量(万人)") == match_key("人才资源总量")
    assert match_key("社会工作（专业）人才") == "社会工作(专业)人才"  # not a unit: kept


def test_conflicting_values_are_both_kept_and_warned(tmp_path: Path) -> None:
    plan_text = (
        "临川县人才发展“十四五”规划\n"
        "一、发展基础\n"
        "截至2020年底，全县人才资源总量达到5.2万人。\n"
        "表1：主要指标\n"
        "指标 | 单位 | 2020年 实际 | 2025年 目标 |\n"
        "人才资源总量 | 万人 | 5.1 | 6以上 |\n"
        "二、主要任务\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(plan_text, encoding="utf-8")
    doc, dataset, _, report = build(path)
    assert (report.observations, report.figures) == (3, 1)
    (warning,) = report.warnings
    assert warning.startswith("text ")
    assert "人才资源总量 2020 actual is 5.2万人 here but 5.1 万人 elsewhere" in warning
    graph = dataset.graph(plan_graph_iri(slug(doc.title)))
    values = sorted(graph.value(o, PK.value).toPython()
                    for o in graph.subjects(PK.role, PK.actual))
    assert values == [Decimal("5.1"), Decimal("5.2")]


# --- the queries, on the built graph of the corpus, with Oxigraph and with rdflib ----------------


@pytest.fixture(scope="module")
def corpus_build() -> Build:
    """The graph ``plankg build`` makes of the bundled corpus: every extractor, both plans."""
    return build_dataset()


def run_both(build: Build, name: str) -> list[tuple]:
    """The named query on the built dataset (rdflib) and on its TriG export loaded in Oxigraph."""
    store = ox.Store()
    store.load(dataset_bytes(build, "trig"), format=ox.RdfFormat.TRIG)
    ox_rows = query(name, source=store)
    rdf_rows = query(name, source=build.dataset)
    assert ox_rows.columns == rdf_rows.columns
    assert ox_rows.tuples() == rdf_rows.tuples()
    return ox_rows.tuples()


def test_query_files_have_title_and_description() -> None:
    for name in ("indicators", "observations"):
        lines = (QUERIES / f"{name}.rq").read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("# title: ")
        assert lines[1].startswith("# description: ")


W, X = WUXING_TITLE, XIUZHOU_TITLE
# plan, indicator, unit, baseline, baseline year, target, target year, qualifier
INDICATOR_ROWS = [
    (W, "人才资源总量", "万人", "23.2", 2020, "26.4", 2025, None),
    (W, "党政人才", "万人", "0.65", 2020, "0.75", 2025, None),
    (W, "经营管理人才", "万人", "5.02", 2020, "6", 2025, None),
    (W, "专业技术人才", "万人", "9.31", 2020, "10.22", 2025, None),
    (W, "高技能人才", "万人", "6.11", 2020, "6.91", 2025, None),
    (W, "农村实用人才", "万人", "1.5", 2020, "1.8", 2025, None),
    (W, "社会工作专业人才", "万人", "0.62", 2020, "0.72", 2025, None),
    (W, "万名劳动力中研发人员数量", "人年", "96.82", 2020, "120", 2025, None),
    (W, "专业技术人才高级职称比例", "%", "31.5", 2020, "35", 2025, None),
    (W, "高技能人才占技能劳动者比例", "%", "31.5", 2020, "35", 2025, None),
    (W, "每万人发明专利拥有量", "件", "43.38", 2020, "45", 2025, None),
    (W, "PCT专利新增申请量", "件", "35", 2020, "100", 2025, None),
    (W, "高新技术产业增加值占规上工业比重", "%", "79.87", 2020, "85", 2025, None),
    (W, "全员劳动生产率年均增长率", "%", "5.5", 2020, "6", 2025, None),
    (W, "高等教育毛入学率", "%", "63.63", 2020, "71", 2025, None),
    (W, "常住人口每千人执业(助理)医师数量", "人", "3.19", 2020, "4", 2025, None),
    (X, "人才资源总量", "万人", "12.21", 2020, "14.71", 2025, None),
    (X, "区人才发展专项资金", "万元", "9066", 2020, "10510", 2025, None),
    (X, "全社会R&D经费支出占GDP比重", "%", "3.15", 2020, "3.75", 2025, None),
    (X, "博士、硕士人才", "人", "2223", 2020, "4750", 2025, None),
    (X, "每万名从业人员中R&D人员", "人年／万人", "158.8", 2020, "200", 2025, None),
    (X, "每万名从业人员中高技能人才数", "人", "1052", 2020, "1240", 2025, None),
    (X, "规模以上工业企业中有研发活动企业数占比", "%", "86.3", 2020, "95", 2025, None),
    (X, "省级(重点)企业研究院", "家", "27", 2020, "40", 2025, None),
    (X, "院士专家工作站", "家", "13", 2020, "18", 2025, None),
    (X, "博士后工作(流动)站", "家", "8", 2020, "16", 2025, None),
    (X, "全员劳动生产率年均增长", "%", None, None, "7", 2025, "以上"),
    # 表2's 高新技术产业增加值占规模以上工业增加值比重（%） is 表1's indicator of that name
    (X, "高新技术产业增加值占规上工业增加值的比重", "%", "68", 2020, "75", 2025, None),
    (X, "每万人高价值发明专利拥有量", "项", "10.3", 2020, "18.0", 2025, None),
    (X, "PCT国际专利申请量", "项", "120", 2020, "192", 2025, None),
    (X, "人才企业上市(挂牌)数量", "家", "4", 2020, "9", 2025, None),
]


def test_indicators_query(corpus_build) -> None:
    rows = run_both(corpus_build, "indicators")
    expected = [
        (plan, name, unit, None if base is None else Decimal(base), base_year, Decimal(target),
         target_year, qualifier)
        for plan, name, unit, base, base_year, target, target_year, qualifier in INDICATOR_ROWS
    ]
    assert rows == expected


def test_observations_query(corpus_build) -> None:
    rows = run_both(corpus_build, "observations")
    assert sum(1 for r in rows if r[0] == W) == 59
    assert sum(1 for r in rows if r[0] == X) == 113
    # in text order: 吴兴 states four figures in one sentence (listed by indicator name) before
    # 表1; its 2020 人才资源总量 is listed there, where the plan first prints it
    assert rows[:6] == [
        (W, "主要劳动年龄人口中受过高等教育的比例", "%", 2020, "actual", Decimal("19.8"), None),
        (W, "人才资源总量", "万人", 2020, "actual", Decimal("23.2"), None),
        (W, "每万名就业人员中研发人员数量", "人", 2020, "actual", Decimal("96.82"), None),
        (W, "高技能人才占技能人才比例", "%", 2020, "actual", Decimal("31.5"), None),
        (W, "人才资源总量", "万人", 2015, "baseline", Decimal("9.2"), None),
        (W, "人才资源总量", "万人", 2020, "planned", Decimal("10"), None),
    ]
    for row in [
        (W, "党政人才", "万人", 2015, "baseline", Decimal("0.15"), None),
        (W, "主要劳动年龄人口中受过高等教育的比例", "%", 2020, "actual", Decimal("19.8"), None),
        (X, "高技能人才占技能劳动者比例", "个百分点", 2020, "growth", Decimal("9.4"), None),
        (X, "人才资源总量", "%", 2020, "growth", Decimal("36.6"), None),
        (X, "全员劳动生产率年均增长", "%", 2025, "target", Decimal("7"), "以上"),
        (X, "每万名从业人员中R&D人员", "人年", 2020, "actual", Decimal("158.75"), None),
        (X, "每万名从业人员中R&D人员", "人年／万人", 2020, "baseline", Decimal("158.8"), None),
        (X, "高级职称人才", "人", 2020, "actual", Decimal("2515"), None),
    ]:
        assert row in rows
    assert (W, "党政人才", "万人", 2020, "planned") not in {r[:5] for r in rows}  # "——"


def test_query_commands_answer_from_the_graph_file_build_writes(tmp_path: Path) -> None:
    graph = tmp_path / "plans.trig"
    runner = CliRunner()
    built = runner.invoke(main, ["build", "--no-store", "-o", str(graph)])
    assert built.exit_code == 0, built.output
    for engine in ("oxigraph", "rdflib"):
        result = runner.invoke(main, ["query", "indicators", "--graph", str(graph), "-f", "csv",
                                      "--engine", engine])
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
        assert lines[0] == "plan,indicator,unit,baseline,baseline_year,target,target_year,qualifier"
        assert len(lines) == 1 + 16 + 15
        assert f"{W},人才资源总量,万人,23.2,2020,26.4,2025," in lines
        assert f"{X},全员劳动生产率年均增长,%,,,7,2025,以上" in lines
        assert f"{X},每万名从业人员中R&D人员,人年／万人,158.8,2020,200,2025," in lines
        result = runner.invoke(main, ["query", "observations", "--graph", str(graph), "-f", "csv",
                                      "--engine", engine])
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
        assert len(lines) == 1 + 59 + 113
        assert f"{W},人才资源总量,万人,2020,actual,23.2," in lines
        assert f"{X},高技能人才占技能劳动者比例,个百分点,2020,growth,9.4," in lines
        assert f"{X},硕士,人,2020,actual,2001," in lines
