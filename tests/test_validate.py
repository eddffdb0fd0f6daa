"""plankg.graph.rdf.validate: a hand-written plan graph conforms; each kind of damage is
reported."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pyshacl
import pytest
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SH, SKOS

from plankg.graph.rdf.ontology import load_ontology, load_shapes
from plankg.graph.rdf.validate import Violation, validate
from plankg.graph.rdf.vocab import OA, ONTOLOGY_GRAPH, PK, QB

HERE = Path(__file__).parent
GOOD = HERE / "data" / "shapes" / "good.trig"
CORPUS = HERE.parent / "corpus"

PLAN = URIRef("https://w3id.org/plankg/id/plan/wu-xing-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua")
PLAN_GRAPH = URIRef("https://w3id.org/plankg/graph/wu-xing-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua")
PROGRAM = URIRef("https://w3id.org/plankg/id/program/nan-tai-hu-jing-ying-ji-hua")
WUXING = URIRef("https://w3id.org/plankg/id/region/wu-xing-qu")
SECTION_1 = URIRef(f"{PLAN}/section/1")
SECTION_1_1 = URIRef(f"{PLAN}/section/1-1")
HEADING = URIRef(f"{PLAN}/evidence/356-362")
STATEMENT = URIRef(f"{PLAN}/statement/cfd7f06bd3f0")
BASELINE = URIRef(f"{PLAN}/observation/ren-cai-zi-yuan-zong-liang-2015-baseline")
TARGET = URIRef(f"{PLAN}/target/6609-6749-1")


def good() -> Graph:
    """The fixture's plan graph, a fresh copy for each test to damage."""
    data = Dataset().parse(GOOD, format="trig")
    graph = Graph()
    graph += data.graph(PLAN_GRAPH)
    assert len(graph) > 150
    return graph


def failures(graph: Graph) -> set[tuple[str, URIRef]]:
    result = validate(graph)
    assert not result.conforms
    return {(v.shape, v.focus) for v in result.violations}


# --- the fixture ------------------------------------------------------------------------------


def test_fixture_quotes_and_offsets_are_those_of_the_plan() -> None:
    graph = good()
    source = graph.value(PLAN, DCTERMS.source)
    path = CORPUS / str(source)
    text = path.read_text(encoding="utf-8")
    assert graph.value(PLAN, PK.sha256) == Literal(hashlib.sha256(path.read_bytes()).hexdigest())
    evidence = list(graph.subjects(RDF.type, PK.Evidence))
    assert len(evidence) == 6
    for ev in evidence:
        selectors = list(graph.objects(ev, OA.hasSelector))
        quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in graph)
        position = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in graph)
        start = graph.value(position, OA.start).toPython()
        end = graph.value(position, OA.end).toPython()
        assert text[start:end] == str(graph.value(quote, OA.exact))
        assert text[start - 16 : start] == str(graph.value(quote, OA.prefix))
        assert text[end : end + 16] == str(graph.value(quote, OA.suffix))
        assert str(ev).endswith(f"/evidence/{start}-{end}")
    assert text[356:362] == "一、发展背景"


# --- conforming data ------------------------------------------------------------------------


def test_good_plan_conforms() -> None:
    result = validate(Dataset().parse(GOOD, format="trig"))
    assert result.violations == []
    assert result.conforms
    # plan, 2 regions, 2 sections, program, statement, table, indicator, 2 observations,
    # target, 6 evidence nodes with 2 selectors each
    assert result.nodes == 30
    assert result.triples == len(good())
    assert result.report() == f"Conforms: 30 nodes, {result.triples} triples, no violations."


def test_a_graph_and_a_dataset_give_the_same_result() -> None:
    graph = good()
    graph.remove((PROGRAM, RDFS.label, None))
    data = Dataset()
    plan_graph = data.graph(PLAN_GRAPH)
    plan_graph += graph
    assert validate(data).violations == validate(graph).violations


def test_union_of_named_graphs_is_checked() -> None:
    # the program's label lives in another plan's graph: together the graphs conform
    graph = good()
    label = (PROGRAM, RDFS.label, Literal("南太湖精英计划", lang="zh"))
    graph.remove(label)
    data = Dataset()
    plan_graph = data.graph(PLAN_GRAPH)
    plan_graph += graph
    data.graph(URIRef("https://w3id.org/plankg/graph/other")).add(label)
    assert validate(data).conforms


def test_ontology_graph_is_reference_data_not_checked() -> None:
    lexicon_industry = URIRef("https://w3id.org/plankg/id/industry/xin-cai-liao")
    data = Dataset()
    plan_graph = data.graph(PLAN_GRAPH)
    plan_graph += good()
    ontology = data.graph(ONTOLOGY_GRAPH)
    ontology.add((lexicon_industry, RDF.type, PK.Industry))
    ontology.add((lexicon_industry, SKOS.prefLabel, Literal("新材料", lang="zh")))
    assert validate(data).conforms
    # the same node in a plan's graph must carry a label, a plan and evidence
    data.graph(PLAN_GRAPH).add((lexicon_industry, RDF.type, PK.Industry))
    found = {(v.shape, v.focus) for v in validate(data).violations}
    assert found == {
        ("Chinese label", lexicon_industry),
        ("evidence", lexicon_industry),
        ("in plan", lexicon_industry),
    }


def test_subclasses_come_from_the_ontology() -> None:
    # pk:Target is checked as a qb:Observation only because the ontology says it is one
    graph = good()
    graph.remove((TARGET, PK.value, None))
    graph.remove((TARGET, PK.printedValue, None))
    assert failures(graph) == {("observation", TARGET)}


# --- what each kind of damage reports -----------------------------------------------------


def drop(subject: URIRef, predicate: URIRef, obj: URIRef | None = None) -> Callable[[Graph], None]:
    def edit(graph: Graph) -> None:
        assert (subject, predicate, obj) in graph
        graph.remove((subject, predicate, obj))

    return edit


def put(subject: URIRef, predicate: URIRef, value: object) -> Callable[[Graph], None]:
    def edit(graph: Graph) -> None:
        graph.set((subject, predicate, value))

    return edit


BROKEN = {
    "program without a label": (
        drop(PROGRAM, RDFS.label),
        {("Chinese label", PROGRAM)},
    ),
    "program with an English label only": (
        put(PROGRAM, RDFS.label, Literal("Nantaihu Elite Program", lang="en")),
        {("Chinese label", PROGRAM)},
    ),
    "evidence without selectors": (
        drop(HEADING, OA.hasSelector),
        {("evidence quote", HEADING), ("evidence position", HEADING)},
    ),
    "plan without sha256": (
        drop(PLAN, PK.sha256),
        {("plan sha256", PLAN)},
    ),
    "plan with an upper-case digest": (
        put(
            PLAN,
            PK.sha256,
            Literal("3B588AAAD08B489BA60BBBFD1601F945533371874658B4CB569B27C4C19EA42B"),
        ),
        {("plan sha256", PLAN)},
    ),
    "plan with a second title": (
        lambda g: g.add((PLAN, DCTERMS.title, Literal("另一个标题", lang="zh"))),
        {("plan title", PLAN)},
    ),
    "plan without a region": (
        drop(PLAN, DCTERMS.spatial),
        {("plan region", PLAN)},
    ),
    "section with a Chinese numeral as level": (
        put(SECTION_1_1, PK.headingLevel, Literal("二")),
        {("section heading level", SECTION_1_1)},
    ),
    "section with a decimal level": (
        put(SECTION_1_1, PK.headingLevel, Literal("2.0", datatype=XSD.decimal)),
        {("section heading level", SECTION_1_1)},
    ),
    "section with level 0": (
        put(SECTION_1, PK.headingLevel, Literal(0)),
        {("section heading level", SECTION_1)},
    ),
    "section ending before it starts": (
        put(SECTION_1, PK.textEnd, Literal(300)),
        {("section start", SECTION_1)},
    ),
    "section part of a region": (
        put(SECTION_1, DCTERMS.isPartOf, WUXING),
        {("section parent", SECTION_1)},
    ),
    "statement without evidence": (
        drop(STATEMENT, PK.evidence),
        {("evidence", STATEMENT)},
    ),
    "statement whose relation is not asserted": (
        drop(SECTION_1_1, PK.mentions, PROGRAM),
        {("statement asserted", STATEMENT)},
    ),
    "region without a plan": (
        drop(WUXING, PK.inPlan),
        {("in plan", WUXING)},
    ),
    "evidence citing a plan other than its own": (
        put(HEADING, OA.hasSource, URIRef("https://w3id.org/plankg/id/plan/other")),
        {("evidence source", HEADING)},
    ),
    "table value without a role": (
        drop(BASELINE, PK.role),
        {("table observation", BASELINE)},
    ),
    "table value as an integer": (
        put(BASELINE, PK.value, Literal(9)),
        {("observation value", BASELINE)},
    ),
    "role that is not an observation role": (
        put(BASELINE, PK.role, PK.city),
        {("pk:role range", BASELINE)},
    ),
    "program level as a string": (
        put(PROGRAM, PK.programLevel, Literal("市级")),
        {("pk:programLevel range", PROGRAM)},
    ),
    "target without a measure": (
        drop(TARGET, PK.measure),
        {("target measure", TARGET)},
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_damage_is_reported_on_the_damaged_node(case: str) -> None:
    edit, expected = BROKEN[case]
    graph = good()
    edit(graph)
    assert failures(graph) == expected


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (drop(PROGRAM, RDFS.label), "needs at least one rdfs:label in Chinese (@zh)"),
        (
            drop(HEADING, OA.hasSelector),
            "evidence needs exactly one oa:hasSelector that is an oa:TextQuoteSelector",
        ),
        (drop(PLAN, PK.sha256), "a plan needs exactly one pk:sha256 of 64 lower-case hex digits"),
        (
            put(SECTION_1_1, PK.headingLevel, Literal("二")),
            "a section needs exactly one pk:headingLevel, an integer of at least 1",
        ),
        (drop(STATEMENT, PK.evidence), "needs at least one pk:evidence, the text it was read from"),
    ],
)
def test_messages_say_what_is_missing(edit: Callable[[Graph], None], message: str) -> None:
    graph = good()
    edit(graph)
    assert message in {v.message for v in validate(graph).violations}


def test_violation_names_path_and_value() -> None:
    graph = good()
    graph.set((SECTION_1_1, PK.headingLevel, Literal("二")))
    (violation,) = validate(graph).violations
    assert violation == Violation(
        focus=SECTION_1_1,
        path=PK.headingLevel,
        message="a section needs exactly one pk:headingLevel, an integer of at least 1",
        severity="Violation",
        shape="section heading level",
        value=Literal("二"),
    )


def test_report_groups_by_shape_with_counts_and_examples() -> None:
    graph = good()
    evidence = sorted(graph.subjects(RDF.type, PK.Evidence))
    for ev in evidence:
        graph.remove((ev, PK.inPlan, None))
    graph.set((SECTION_1_1, PK.headingLevel, Literal("二")))
    result = validate(graph)
    text = result.report(examples=2)
    lines = text.splitlines()
    assert lines[0].startswith("Does not conform: 13 violations in 3 groups (30 nodes, ")
    # biggest groups first, each with its count, shape name and message
    assert "Violation ×6  [evidence source] evidence needs exactly one oa:hasSource" in text
    assert "Violation ×6  [in plan] needs pk:inPlan, the plan it was read from" in lines
    assert (
        "Violation ×1  [section heading level] a section needs exactly one pk:headingLevel, "
        "an integer of at least 1" in lines
    )
    assert lines.count("    … and 4 more") == 2
    # nodes are shown short: id: for data, pk: for terms
    section = "id:plan/wu-xing-qu-ren-cai-fa-zhan-shi-si-wu-gui-hua/section/1-1"
    assert f'    {section}  pk:headingLevel = "二"' in lines
    assert text.index("×6") < text.index("×1")


# --- bad input ---------------------------------------------------------------------------------


def test_data_without_a_plan_is_an_error() -> None:
    graph = Graph()
    graph.add((PROGRAM, RDF.type, PK.Program))
    with pytest.raises(ValueError, match="no pk:Plan"):
        validate(graph)
    with pytest.raises(ValueError, match="no pk:Plan"):
        validate(Dataset())


def test_unreadable_shapes_file_is_an_error_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "shapes.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(ValueError, match=r"shapes\.ttl: cannot read the shapes"):
        validate(good(), shapes=bad)
    with pytest.raises(ValueError, match=r"missing\.ttl"):
        validate(good(), shapes=tmp_path / "missing.ttl")
    # RDF/XML: rdflib's parser raises an XML error, not a ValueError, for a tag left open
    broken = tmp_path / "shapes.rdf"
    broken.write_text('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><oops',
                      encoding="utf-8")
    with pytest.raises(ValueError, match=r"shapes\.rdf: cannot read the shapes: .*unclosed"):
        validate(good(), shapes=broken)


# --- other shapes ------------------------------------------------------------------------------


def test_own_shapes_file(tmp_path: Path) -> None:
    shapes = tmp_path / "mine.ttl"
    shapes.write_text(
        """
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix pk: <https://w3id.org/plankg/ontology#> .
        <urn:x:ProgramAlias> a sh:NodeShape ;
            sh:targetClass pk:Program ;
            sh:property [
                sh:path skos:altLabel ; sh:minCount 1 ; sh:severity sh:Warning ;
                sh:name "alias" ; sh:message "a program should list its printed variants" ] .
        """,
        encoding="utf-8",
    )
    result = validate(good(), shapes=shapes)
    # a warning is reported but does not make the data fail
    assert result.conforms
    assert [(v.severity, v.shape, v.focus) for v in result.violations] == [
        ("Warning", "alias", PROGRAM)
    ]
    assert "Warning ×1  [alias] a program should list its printed variants" in result.report()


def test_sparql_constraints_find_what_pyshacl_finds() -> None:
    # validate() runs the shapes' SPARQL constraints itself, parsed once; pyshacl on its own
    # must flag the same nodes
    graph = good()
    graph.remove((SECTION_1_1, PK.mentions, PROGRAM))
    other = URIRef(f"{PLAN}/statement/second")
    for p, o in (
        (RDF.type, PK.Statement),
        (RDF.subject, PROGRAM),
        (RDF.predicate, PK.programLevel),
        (RDF.object, PK.provincial),
        (PK.inPlan, PLAN),
        (PK.evidence, HEADING),
    ):
        graph.add((other, p, o))
    ours = {v.focus for v in validate(graph).violations if v.shape == "statement asserted"}
    assert ours == {STATEMENT, other}

    data = Graph()
    data += graph
    data += load_ontology()
    _, results, _ = pyshacl.validate(data, shacl_graph=load_shapes(), inference="none")
    theirs = {
        results.value(r, SH.focusNode)
        for r in results.subjects(RDF.type, SH.ValidationResult)
        if results.value(r, SH.sourceConstraint) is not None
    }
    assert theirs == ours


def test_tables_are_data_sets_through_the_ontology() -> None:
    graph = good()
    table = URIRef(f"{PLAN}/table/1")
    assert (table, RDF.type, QB.DataSet) not in graph
    graph.set((BASELINE, QB.dataSet, PROGRAM))
    assert failures(graph) == {("observation data set", BASELINE)}
