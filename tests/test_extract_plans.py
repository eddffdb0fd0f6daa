"""Whole plans: evidence offsets, the RDF mapping, shared nodes, and the scores against the gold.

Reads the two bundled plans (corpus/) and the fixture plan tests/data/plans/chenglan-…txt; the
gold files are tests/data/gold/*.json. Expected names and relations are typed from the texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_paths import GOLD, WUXING, XIUZHOU
from rdflib import RDF, RDFS, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from plankg.cli.evaluate import evaluate
from plankg.graph.extract.evaluate import read_gold, score
from plankg.graph.extract.extractor import Facts, extract_facts
from plankg.graph.extract.lexicon import Lexicon, load_lexicon
from plankg.graph.rdf.facts import add_facts
from plankg.graph.rdf.identifiers import Minter, plan_graph_iri, plan_iri, slug
from plankg.graph.rdf.vocab import OA, PK
from plankg.graph.text.document import Document
from plankg.queries.sources import RdflibSource

ID = "https://w3id.org/plankg/id/"

# rdflib 7's Dataset warns about its own internal use of deprecated names
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.*deprecated:DeprecationWarning")


@pytest.fixture(scope="module")
def facts(docs: dict[str, Document], lexicon: Lexicon) -> dict[str, Facts]:
    return {name: extract_facts(doc, lexicon=lexicon) for name, doc in docs.items()}


@pytest.fixture(scope="module")
def dataset(docs: dict[str, Document], facts: dict[str, Facts], lexicon: Lexicon) -> Dataset:
    """The two bundled plans in one dataset, one named graph each, as a build makes them."""
    data = Dataset(default_union=True)
    minter = Minter()
    for path in (WUXING, XIUZHOU):
        doc = docs[path.name]
        plan = plan_iri(slug(doc.title))
        graph = data.graph(plan_graph_iri(slug(doc.title)))
        graph.add((plan, RDF.type, PK.Plan))
        graph.add((plan, DCTERMS.source, Literal(path.name)))
        add_facts(graph, doc, plan, facts[path.name], minter=minter, lexicon=lexicon)
    return data


# --- evidence ---------------------------------------------------------------------------------


def test_every_offset_slices_the_source_to_its_quote(docs: dict[str, Document],
                                                     facts: dict[str, Facts]) -> None:
    checked = 0
    for name, doc in docs.items():
        for mention in facts[name].mentions:
            assert doc.text[mention.start:mention.end] == mention.surface
            sentence = mention.sentence
            assert doc.text[sentence.start:sentence.end] == sentence.text
            assert sentence.start <= mention.start < mention.end <= sentence.end
            checked += 1
        for relation in facts[name].relations:
            sentence = relation.sentence
            assert doc.text[sentence.start:sentence.end] == sentence.text
            checked += 1
    assert checked > 1000


def test_evidence_quotes_in_the_graph_are_the_source(dataset: Dataset,
                                                     docs: dict[str, Document]) -> None:
    texts = {plan_iri(slug(d.title)): d.text for d in docs.values()}
    checked = 0
    for evidence in set(dataset.subjects(RDF.type, PK.Evidence)):
        plan = dataset.value(evidence, PK.inPlan)
        quote = URIRef(f"{evidence}#quote")
        position = URIRef(f"{evidence}#position")
        start = dataset.value(position, OA.start).toPython()
        end = dataset.value(position, OA.end).toPython()
        assert texts[plan][start:end] == str(dataset.value(quote, OA.exact))
        checked += 1
    assert checked > 150


# --- the RDF mapping ----------------------------------------------------------------------------


def node(kind: str, name: str) -> URIRef:
    return Minter().shared(kind, name)


def test_shared_nodes_are_linked_from_both_plans(dataset: Dataset) -> None:
    wuxing = plan_iri(slug("吴兴区人才发展“十四五”规划"))
    xiuzhou = plan_iri(slug("秀洲区人才发展“十四五”规划"))
    for kind, name in (("program", "鲲鹏行动计划"), ("program", "金蓝领职业技能提升行动"),
                       ("industry", "新能源"), ("industry", "新材料")):
        assert set(dataset.objects(node(kind, name), PK.inPlan)) == {wuxing, xiuzhou}, name
    # 院士专家工作站 as a kind: one concept that sections of both plans mention
    kind = URIRef(ID + "platform-kind/academician-workstation")
    plans = {dataset.value(s, PK.inPlan) for s in dataset.subjects(RDF.object, kind)}
    assert plans == {wuxing, xiuzhou}


def test_program_labels_levels_and_variants(dataset: Dataset) -> None:
    kunpeng = node("program", "鲲鹏行动计划")
    assert (kunpeng, RDF.type, PK.Program) in dataset
    assert (kunpeng, RDFS.label, Literal("鲲鹏行动计划", lang="zh")) in dataset
    assert (kunpeng, RDFS.label, Literal("Kunpeng Action Plan", lang="en")) in dataset
    assert (kunpeng, PK.programLevel, PK.provincial) in dataset
    variants = {str(o) for o in dataset.objects(kunpeng, SKOS.altLabel)}
    assert {"“鲲鹏计划”", "“鲲鹏行动”计划", "省“鲲鹏行动”计划"} <= variants
    assert (node("program", "五谷丰登计划"), PK.programLevel, PK.city) in dataset
    assert (node("program", "南太湖精英计划"), PK.programLevel, PK.city) in dataset


def test_platform_kinds(dataset: Dataset) -> None:
    kind = URIRef(ID + "platform-kind/")
    assert dataset.value(node("platform", "太湖实验室"), PK.platformKind) == kind + "laboratory"
    assert dataset.value(node("platform", "浙富西溪堂杭州人才飞地"), PK.platformKind) == (
        kind + "talent-enclave"
    )
    assert dataset.value(node("platform", "秀水新区上海创新中心"), PK.platformKind) == (
        kind + "talent-enclave"
    )
    assert dataset.value(node("platform", "西塞科学谷"), PK.platformKind) == kind + "valley"


def test_industries_are_concepts_of_one_scheme(dataset: Dataset) -> None:
    metal = node("industry", "金属新材料")
    assert (metal, RDF.type, SKOS.Concept) in dataset
    assert (metal, SKOS.inScheme, URIRef(ID + "scheme/industry")) in dataset
    assert (metal, SKOS.broader, node("industry", "新材料")) in dataset
    assert (metal, SKOS.altLabel, Literal("金属新材", lang="zh")) in dataset
    assert (metal, SKOS.prefLabel, Literal("new metal materials", lang="en")) in dataset


def test_every_entity_has_label_evidence_and_plan(dataset: Dataset) -> None:
    entities = {s for cls in (PK.Program, PK.Platform, PK.Industry)
                for s in dataset.subjects(RDF.type, cls)}
    assert len(entities) > 150
    for entity in entities:
        assert any(o.language == "zh" for o in dataset.objects(entity, RDFS.label)), entity
        assert dataset.value(entity, PK.evidence) is not None, entity
        assert dataset.value(entity, PK.inPlan) is not None, entity


def relation_names(dataset: Dataset, predicate: URIRef) -> set[tuple[str, str]]:
    found = set()
    for statement in dataset.subjects(RDF.predicate, predicate):
        subject = dataset.value(statement, RDF.subject)
        obj = dataset.value(statement, RDF.object)
        found.add((str(dataset.value(subject, RDFS.label)), str(dataset.value(obj, RDFS.label))))
        assert dataset.value(statement, PK.evidence) is not None
    return found


def test_relations_are_reified_with_their_sentence(dataset: Dataset) -> None:
    targets = relation_names(dataset, PK.targetsIndustry)
    assert ("秀水精英工程", "低碳经济") in targets
    assert ("太湖实验室", "新能源") in targets
    assert ("秀洲生物医药工程师协同创新中心", "生物医药") in targets
    assert ("深根计划", "浙江清华长三角研究院") in relation_names(dataset, PK.usesPlatform)
    parents = relation_names(dataset, PK.partOfProgram)
    assert ("学校名师名家培育工程", "教体人才队伍提升计划") in parents
    assert ("教体人才队伍提升计划", "秀水能人工程") in parents
    assert ("新时代工匠培育工程", "技能人才锤炼行动") in parents


def test_sections_mention_and_tasks_target(dataset: Dataset) -> None:
    mentions = list(dataset.subjects(RDF.predicate, PK.mentions))
    assert len(mentions) > 200
    for statement in mentions[:50]:
        assert "/section/" in str(dataset.value(statement, RDF.subject))
    tasks = {str(dataset.value(st, RDF.subject)) for st in dataset.subjects(RDF.predicate,
                                                                           PK.targetsIndustry)}
    assert any("/task/" in s for s in tasks)


# --- scores -------------------------------------------------------------------------------------


def scores(gold_name: str, source: RdflibSource) -> dict[str, tuple[float, float]]:
    return {s.type: (s.precision, s.recall) for s in score(read_gold(GOLD / gold_name), source)}


@pytest.mark.parametrize("plan", [WUXING, XIUZHOU])
def test_targets_met_on_the_bundled_plans(plan: Path, dataset: Dataset) -> None:
    found = scores(plan.with_suffix(".json").name, RdflibSource(dataset, "test"))
    for kind in ("program", "platform", "industry"):
        precision, recall = found[kind]
        assert precision >= 0.9 and recall >= 0.9, (kind, found[kind])
    for kind in ("program-industry", "platform-industry"):
        precision, recall = found[kind]
        assert precision >= 0.8 and recall >= 0.8, (kind, found[kind])


@pytest.mark.parametrize("plan", [WUXING, XIUZHOU])
def test_most_are_found_with_the_lexicon_emptied(plan: Path, docs: dict[str, Document]) -> None:
    empty = load_lexicon(empty=True)
    doc = docs[plan.name]
    data = Dataset(default_union=True)
    iri = plan_iri(slug(doc.title))
    graph = data.graph(plan_graph_iri(slug(doc.title)))
    graph.add((iri, RDF.type, PK.Plan))
    graph.add((iri, DCTERMS.source, Literal(plan.name)))
    add_facts(graph, doc, iri, extract_facts(doc, lexicon=empty), minter=Minter(), lexicon=empty)
    found = scores(plan.with_suffix(".json").name, RdflibSource(data, "test"))
    for kind in ("program", "platform", "industry"):
        assert found[kind][1] >= 0.75, (kind, found[kind])


# --- the command --------------------------------------------------------------------------------


def test_evaluate_command_prints_the_table() -> None:
    result = CliRunner().invoke(evaluate, [str(GOLD / "jiaxing-xiuzhou-talent-plan-2021-2025.json"),
                                           "--text", str(XIUZHOU)])
    assert result.exit_code == 0, result.output
    for word in ("program", "platform-industry", "program-parent", "precision", "recall"):
        assert word in result.output


def test_evaluate_command_reads_a_graph_file(tmp_path: Path, dataset: Dataset) -> None:
    path = tmp_path / "plans.trig"
    dataset.serialize(path, format="trig")
    result = CliRunner().invoke(evaluate, [str(GOLD / "huzhou-wuxing-talent-plan-2021-2025.json"),
                                           "--graph", str(path), "--errors"])
    assert result.exit_code == 0, result.output
    assert "huzhou-wuxing-talent-plan-2021-2025.txt" in result.output


def test_evaluate_command_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "gold.json"
    bad.write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(evaluate, [str(bad), "--text", str(XIUZHOU)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and str(bad) in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    result = CliRunner().invoke(evaluate, [str(GOLD / "huzhou-wuxing-talent-plan-2021-2025.json"),
                                           "--graph", str(tmp_path / "x.trig"), "--empty-lexicon"])
    assert result.exit_code == 2
