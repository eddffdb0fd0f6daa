"""The RDF build (plankg.graph.rdf.build): plans, section trees, goals, tasks and regions of the two
bundled plans; SHACL; round trips through every format; byte-stable output; other documents."""

from __future__ import annotations

import doctest
import hashlib
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, SKOS

from plankg.cli.build import dataset_bytes
from plankg.errors import InputError
from plankg.graph.rdf import build as build_module
from plankg.graph.rdf.build import Build, build_dataset
from plankg.graph.rdf.validate import validate
from plankg.graph.rdf.vocab import OA, ONTOLOGY_GRAPH, PK
from plankg.graph.text.numerals import plan_period

HERE = Path(__file__).parent
CORPUS = HERE.parent / "corpus"
WUXING_FILE = "huzhou-wuxing-talent-plan-2021-2025.txt"
XIUZHOU_FILE = "jiaxing-xiuzhou-talent-plan-2021-2025.txt"
FIXTURES = HERE / "data" / "structure"
ID = "https://w3id.org/plankg/id/"


@pytest.fixture(scope="module")
def build() -> Build:
    return build_dataset()


def plan_graph(build: Build, source: str) -> tuple[URIRef, Graph]:
    plan = next(p for p in build.plans if p.path.name == source)
    return plan.iri, build.dataset.graph(plan.graph)


def label(graph: Graph, node) -> str:
    return str(next(o for o in graph.objects(node, RDFS.label) if o.language == "zh"))


def children(graph: Graph, parent) -> list[URIRef]:
    parts = [s for s in graph.subjects(DCTERMS.isPartOf, parent)
             if (s, RDF.type, PK.Section) in graph]
    return sorted(parts, key=lambda s: graph.value(s, PK.order).toPython())


# --- plans ------------------------------------------------------------------------------------


def test_two_plans_with_their_metadata(build) -> None:
    plans = {s for s, _, _, _ in build.dataset.quads((None, RDF.type, PK.Plan, None))}
    assert plans == {p.iri for p in build.plans} and len(plans) == 2
    wuxing, g = plan_graph(build, WUXING_FILE)
    assert g.value(wuxing, DCTERMS.title) == Literal("吴兴区人才发展“十四五”规划", lang="zh")
    assert g.value(wuxing, DCTERMS.issued) == Literal("2022-04-14", datatype=XSD.date)
    assert Literal("330502/2022-02091") in set(g.objects(wuxing, DCTERMS.identifier))
    assert g.value(wuxing, DCTERMS.source) == Literal(WUXING_FILE)
    digest = hashlib.sha256((CORPUS / WUXING_FILE).read_bytes()).hexdigest()
    assert g.value(wuxing, PK.sha256) == Literal(digest)
    assert g.value(wuxing, DCTERMS.temporal) == Literal("2021/2025")
    assert g.value(wuxing, PK.periodEnd) == Literal("2025", datatype=XSD.gYear)

    xiuzhou, g = plan_graph(build, XIUZHOU_FILE)
    assert g.value(xiuzhou, DCTERMS.title) == Literal("秀洲区人才发展“十四五”规划", lang="zh")
    assert g.value(xiuzhou, DCTERMS.issued) == Literal("2021-12-31", datatype=XSD.date)
    # the issuers as signed; their nodes carry the printed name as an alternative label
    printed = {str(name) for p in g.objects(xiuzhou, DCTERMS.publisher)
               for name in g.objects(p, SKOS.altLabel)}
    assert printed == {"嘉兴市秀洲区发展和改革局", "中共嘉兴市秀洲区委组织部"}


def test_every_plan_graph_is_named_by_its_plan(build) -> None:
    names = {str(g.identifier) for g in build.dataset.graphs() if len(g)}
    assert names == {str(p.graph) for p in build.plans} | {str(ONTOLOGY_GRAPH)}
    for plan in build.plans:
        assert (plan.iri, RDF.type, PK.Plan) in build.dataset.graph(plan.graph)


# --- section trees ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "chapters", "total"),
    [
        (WUXING_FILE, ["一、发展背景", "二、指导思想、基本原则和主要目标", "三、主要任务",
                       "四、围绕重点领域建设高素质人才队伍", "五、围绕科创高地打造平台集群",
                       "六、围绕新发展格局重塑人才发展体制机制", "七、围绕人才需求涵养优质生态",
                       "八、组织保障"], 64),
        (XIUZHOU_FILE, ["一、发展基础和面临形势", "二、指导思想、基本原则、发展目标",
                        "三、重点工程", "四、重要任务", "五、组织实施"], 70),
    ],
)
def test_section_tree_in_rdf(build, source, chapters, total) -> None:
    plan, g = plan_graph(build, source)
    sections = set(g.subjects(RDF.type, PK.Section))
    assert len(sections) == total
    top = children(g, plan)
    assert [label(g, s) for s in top] == chapters
    assert set(g.objects(plan, DCTERMS.hasPart)) == set(top)
    text = (CORPUS / source).read_text(encoding="utf-8")
    for section in sections:
        parent = g.value(section, DCTERMS.isPartOf)
        assert (parent, DCTERMS.hasPart, section) in g
        assert g.value(section, PK.inPlan) == plan
        start = g.value(section, PK.textStart).toPython()
        end = g.value(section, PK.textEnd).toPython()
        if parent != plan:
            assert g.value(parent, PK.textStart).toPython() <= start
            assert end <= g.value(parent, PK.textEnd).toPython()
        printed = label(g, section)
        numbering = str(g.value(section, PK.numbering))
        if (section, PK.numberingInferred, Literal(True)) in g:
            printed = printed[len(numbering):]
        assert text[start : start + len(printed)] == printed


def test_heading_evidence_quotes_the_heading(build) -> None:
    _, g = plan_graph(build, XIUZHOU_FILE)
    text = (CORPUS / XIUZHOU_FILE).read_text(encoding="utf-8")
    checked = 0
    for section in g.subjects(RDF.type, PK.Section):
        evidence = g.value(section, PK.evidence)
        quote = next(s for s in g.objects(evidence, OA.hasSelector)
                     if (s, RDF.type, OA.TextQuoteSelector) in g)
        position = next(s for s in g.objects(evidence, OA.hasSelector)
                        if (s, RDF.type, OA.TextPositionSelector) in g)
        start, end = g.value(position, OA.start).toPython(), g.value(position, OA.end).toPython()
        assert text[start:end] == str(g.value(quote, OA.exact))
        checked += 1
    assert checked == 70


# --- goals, tasks, regions ---------------------------------------------------------------------


def test_goals(build) -> None:
    plan, g = plan_graph(build, WUXING_FILE)
    goals = set(g.objects(plan, PK.hasGoal))
    assert {label(g, goal) for goal in goals} == {
        "人才规模逐步壮大", "人才结构持续优化", "人才效能稳步提升", "人才生态不断改善"}
    for goal in goals:
        section = g.value(goal, PK.definedIn)
        assert label(g, g.value(section, DCTERMS.isPartOf)) == "(三)主要目标"
    plan, g = plan_graph(build, XIUZHOU_FILE)
    goals = set(g.objects(plan, PK.hasGoal))
    assert {label(g, goal) for goal in goals} == {
        "人才队伍提质扩容", "人才平台提档升级", "人才一体发展加速", "人才环境优化提升",
        "人才制度创新完善", "人才管理系统高效"}
    parents = {label(g, g.value(g.value(goal, PK.definedIn), DCTERMS.isPartOf)) for goal in goals}
    assert parents == {"（三）发展目标"}


def test_tasks(build) -> None:
    plan, g = plan_graph(build, WUXING_FILE)
    tasks = {label(g, t) for t in g.objects(plan, PK.hasTask)}
    assert tasks == {"以全球视野加快建设高素质强大人才队伍", "以前列意识深化高水平人才发展体制机制",
                     "以科学规划着力锻造高能级人才发展平台", "以需求导向持续强化高品质人才服务供给"}
    plan, g = plan_graph(build, XIUZHOU_FILE)
    tasks = list(g.objects(plan, PK.hasTask))
    # 三、重点工程: (一)–(五) and the eight 计划 of (五); 四、重要任务: (一)–(五) and 17 lead-ins
    assert len(tasks) == 5 + 8 + 5 + 17
    names = {label(g, t) for t in tasks}
    assert {"聚焦顶尖人才，实施“秀水领英”工程", "高标准打造人才管理改革示范地", "坚持数字赋能",
            "法治人才队伍提升计划"} <= names
    assert not names & {"加强组织领导", "发展基础"}


def test_regions_are_shared_nodes(build) -> None:
    union = Graph()
    for plan in build.plans:
        union += build.dataset.graph(plan.graph)
    regions = {label(union, r): r for r in union.subjects(RDF.type, PK.Region)}
    assert set(regions) == {"吴兴区", "湖州市", "秀洲区", "嘉兴市", "浙江省"}
    named = list(union.subjects(RDFS.label, Literal("浙江省", lang="zh")))
    assert named == [regions["浙江省"]]
    for district, city in (("吴兴区", "湖州市"), ("秀洲区", "嘉兴市")):
        assert union.value(regions[district], DCTERMS.isPartOf) == regions[city]
        assert union.value(regions[city], DCTERMS.isPartOf) == regions["浙江省"]
    assert union.value(regions["浙江省"], DCTERMS.isPartOf) is None
    for source, district in ((WUXING_FILE, "吴兴区"), (XIUZHOU_FILE, "秀洲区")):
        plan, g = plan_graph(build, source)
        assert g.value(plan, DCTERMS.spatial) == regions[district]
        assert (regions["浙江省"], PK.inPlan, plan) in g  # asserted in each plan's own graph
    assert union.value(regions["吴兴区"], DCTERMS.identifier) == Literal("330502")
    assert union.value(regions["秀洲区"], DCTERMS.identifier) == Literal("330411")


# --- SHACL -------------------------------------------------------------------------------------


def test_built_graph_conforms(build) -> None:
    result = validate(build.dataset)
    assert result.conforms, result.report()
    assert result.nodes > 500


def test_section_without_numbering_is_rejected(build) -> None:
    plan, g = plan_graph(build, WUXING_FILE)
    data = Graph() + g
    section = children(g, plan)[0]
    data.remove((section, PK.numbering, None))
    result = validate(data)
    assert not result.conforms
    assert {v.focus for v in result.violations} == {section}
    assert {v.path for v in result.violations} == {PK.numbering}


def test_plan_without_title_is_rejected(build) -> None:
    plan, g = plan_graph(build, XIUZHOU_FILE)
    data = Graph() + g
    data.remove((plan, DCTERMS.title, None))
    result = validate(data)
    assert not result.conforms
    assert {(v.focus, v.path) for v in result.violations} == {(plan, DCTERMS.title)}


# --- serialisations ---------------------------------------------------------------------------


def named_graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


@pytest.mark.parametrize(("fmt", "parser"), [("trig", "trig"), ("nq", "nquads"),
                                             ("jsonld", "json-ld")])
def test_round_trip_keeps_every_named_graph(build, fmt, parser) -> None:
    # the build hands back literals as the store keeps them ("52.0"^^xsd:decimal is "52"), so the
    # file holds exactly the built graph
    parsed = Dataset()
    parsed.parse(data=dataset_bytes(build, fmt), format=parser)
    got, want = named_graphs(parsed), named_graphs(build.dataset)
    assert set(got) == set(want)
    for name, graph in want.items():
        assert isomorphic(got[name], graph), name


def test_round_trip_of_the_union_in_turtle(build) -> None:
    union = Graph()
    for graph in build.dataset.graphs():
        union += graph
    parsed = Graph().parse(data=dataset_bytes(build, "ttl"), format="turtle")
    assert len(parsed) == len(union)
    assert isomorphic(parsed, union)


def test_building_twice_gives_the_same_bytes(build) -> None:
    first = dataset_bytes(build, "nq")
    again = dataset_bytes(build_dataset(), "nq")
    assert first == again
    lines = first.decode("utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) > 15000


def test_iris_are_ascii_and_no_blank_nodes(build) -> None:
    terms = set()
    for s, p, o, g in build.dataset.quads((None, None, None, None)):
        terms.update((s, p, o, g))
    iris = {t for t in terms if isinstance(t, URIRef)}
    assert len(iris) > 2000
    assert all(str(iri).isascii() for iri in iris)
    assert not any(isinstance(t, BNode) for t in terms)
    plans = {str(p.iri) for p in build.plans}
    assert plans == {f"{ID}plan/wu-xing-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua",
                     f"{ID}plan/xiu-zhou-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua"}
    assert URIRef(f"{ID}region/zhe-jiang-sheng") in iris


# --- other documents and bad input -------------------------------------------------------------


def test_other_document_types_are_built_like_plans() -> None:
    built = build_dataset([FIXTURES])
    by_file = {p.path.name: p for p in built.plans}
    assert set(by_file) == {"qingwu-digital-talent-action-plan.txt",
                            "qingwu-youth-talent-opinions.gbk.txt"}
    action = by_file["qingwu-digital-talent-action-plan.txt"]
    g = built.dataset.graph(action.graph)
    assert g.value(action.iri, PK.documentType) == Literal("行动计划", lang="zh")
    assert g.value(action.iri, DCTERMS.temporal) == Literal("2023/2025")
    assert action.counts["sections"] == 19
    assert [label(g, s) for s in children(g, action.iri)] == [
        "第一章总体要求", "第二章重点行动", "第三章保障措施"]
    opinions = by_file["qingwu-youth-talent-opinions.gbk.txt"]
    g = built.dataset.graph(opinions.graph)
    assert g.value(opinions.iri, PK.documentType) == Literal("实施意见", lang="zh")
    assert g.value(opinions.iri, PK.encoding) == Literal("gb18030")
    assert g.value(opinions.iri, DCTERMS.issued) == Literal("2023-03-15", datatype=XSD.date)
    assert opinions.counts["sections"] == 9
    # its title names no region: the issuer under the closing signature does
    region = g.value(opinions.iri, DCTERMS.spatial)
    assert g.value(region, RDFS.label) == Literal("青梧市", lang="zh")
    publisher = g.value(opinions.iri, DCTERMS.publisher)
    assert g.value(publisher, RDFS.label) == Literal("青梧市人民政府办公室", lang="zh")
    assert validate(built.dataset).conforms


def test_one_bad_file_stops_the_build_before_any_work(tmp_path) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes((CORPUS / WUXING_FILE).read_bytes())
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    with pytest.raises(InputError, match=f"{bad}: binary file"):
        build_dataset([good, bad])
    with pytest.raises(InputError, match="no plan texts"):
        build_dataset([tmp_path / "sub"] if (tmp_path / "sub").mkdir() is None else [])


@pytest.mark.parametrize(("source", "program", "heading"), [
    ("huzhou-wuxing-talent-plan-2021-2025.txt", "科创英才领航行动", "(一)实施科创英才领航行动"),
    ("jiaxing-xiuzhou-talent-plan-2021-2025.txt", "秀水能人工程",
     "（五）聚焦专项人才，实施“秀水能人”工程"),
    ("jiaxing-xiuzhou-talent-plan-2021-2025.txt", "医卫人才队伍提升计划", "——医卫人才队伍提升计划"),
])
def test_a_program_a_heading_names_is_defined_in_that_section(build, source, program,
                                                              heading) -> None:
    _, g = plan_graph(build, source)
    (node,) = [s for s in g.subjects(RDF.type, PK.Program) if label(g, s) == program]
    assert [label(g, s) for s in g.objects(node, PK.definedIn)] == [heading]


def test_a_program_only_mentioned_is_defined_nowhere(build) -> None:
    _, g = plan_graph(build, "huzhou-wuxing-talent-plan-2021-2025.txt")
    (node,) = [s for s in g.subjects(RDF.type, PK.Program) if label(g, s) == "鲲鹏行动计划"]
    assert list(g.objects(node, PK.definedIn)) == []


@pytest.mark.parametrize(("title", "period"), [
    ("临溪县人才发展“十四五”规划", (2021, 2025)),
    ("临溪县国民经济和社会发展第十三个五年规划", None),  # no "十三五" printed
    ("临溪县“十三五”人才规划", (2016, 2020)),
    ("临溪县数字人才行动计划（2023—2027年）", (2023, 2027)),
    ("临溪县人才工作意见", None),
])
def test_plan_period_from_the_title(title, period) -> None:
    assert plan_period(title) == period


def test_doctests_of_the_build() -> None:
    failures, tried = doctest.testmod(build_module)
    assert tried > 0 and failures == 0
