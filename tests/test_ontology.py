"""ontology/: vocabulary, shapes and JSON-LD context are well-formed, complete, in step with PK."""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pyshacl
import pytest
from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, SH, SKOS

from plankg.graph.rdf.ontology import (
    ONTOLOGY_IRI,
    SHAPES_IRI,
    load_context,
    load_ontology,
    load_shapes,
)
from plankg.graph.rdf.vocab import OA, ORG, PK, PK_IRI, QB, SCHEMA

HERE = Path(__file__).parent
GOOD = HERE / "data" / "shapes" / "good.trig"

PK_NAMES = {name for name in PK.__annotations__ if not name.startswith("_")}
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
CORE_CLASSES = {
    "Plan",
    "Section",
    "Goal",
    "Indicator",
    "Task",
    "Program",
    "Platform",
    "Industry",
    "Department",
    "Region",
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def pk_name(node: object) -> str | None:
    if isinstance(node, URIRef) and node.startswith(PK_IRI):
        return node[len(PK_IRI) :]
    return None


def test_pk_lists_the_terms_of_the_model() -> None:
    # a guard that the comparison below compares something
    assert {"Plan", "Region", "Statement", "inPlan", "evidence", "provincial", "growth"} <= PK_NAMES
    assert len(PK_NAMES) == 80


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    titles = {t.language: str(t) for t in ontology.objects(ONTOLOGY_IRI, DCTERMS.title)}
    assert titles["en"] == "plankg ontology"
    assert titles["zh"] == "plankg 规划知识图谱本体"
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef("https://spdx.org/licenses/MIT")
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.description) is not None


def test_declared_terms_are_exactly_those_of_pk(ontology: Graph) -> None:
    declared = {
        pk_name(s) for t in TERM_TYPES for s in ontology.subjects(RDF.type, t) if pk_name(s)
    }
    assert declared == PK_NAMES


def test_every_pk_iri_in_the_file_is_a_pk_term(ontology: Graph) -> None:
    used = {pk_name(node) for triple in ontology for node in triple} - {None}
    assert used <= PK_NAMES


def test_each_term_has_one_kind(ontology: Graph) -> None:
    for name in PK_NAMES:
        kinds = [t for t in TERM_TYPES if (PK[name], RDF.type, t) in ontology]
        assert len(kinds) == 1 or kinds == [OWL.NamedIndividual], (name, kinds)


@pytest.mark.parametrize("name", sorted(PK_NAMES))
def test_term_has_zh_and_en_labels_and_one_english_comment(ontology: Graph, name: str) -> None:
    term = PK[name]
    labels = Counter(label.language for label in ontology.objects(term, RDFS.label))
    assert labels == {"zh": 1, "en": 1}
    comments = list(ontology.objects(term, RDFS.comment))
    assert len(comments) == 1
    assert comments[0].language == "en"
    assert "\n" not in comments[0]
    assert str(comments[0]).endswith(".")


def test_labels_tell_terms_apart(ontology: Graph) -> None:
    labels = Counter(
        (str(label), label.language)
        for name in PK_NAMES
        for label in ontology.objects(PK[name], RDFS.label)
    )
    assert [label for label, n in labels.items() if n > 1] == []


def test_some_labels(ontology: Graph) -> None:
    def label(name: str, lang: str) -> str:
        return next(str(x) for x in ontology.objects(PK[name], RDFS.label) if x.language == lang)

    assert label("Plan", "zh") == "规划"
    assert label("leadDepartment", "zh") == "牵头单位"
    assert label("supportDepartment", "zh") == "配合单位"
    assert label("writtenDate", "zh") == "成文日期"
    assert label("provincial", "en") == "provincial"


@pytest.mark.parametrize(
    ("name", "parent"),
    [
        ("Plan", PROV.Entity),
        ("Industry", SKOS.Concept),
        ("Department", ORG.Organization),
        ("Department", SCHEMA.GovernmentOrganization),
        ("Region", DCTERMS.Location),
        ("Evidence", OA.SpecificResource),
        ("Target", QB.Observation),
        ("Table", QB.DataSet),
        ("Statement", RDF.Statement),
    ],
)
def test_classes_reuse_standard_vocabularies(ontology: Graph, name: str, parent: URIRef) -> None:
    assert (PK[name], RDFS.subClassOf, parent) in ontology


@pytest.mark.parametrize(
    ("cls", "members"),
    [
        ("AdministrativeLevel", {"national", "provincial", "city", "district"}),
        ("ObservationRole", {"baseline", "target", "actual", "planned", "growth"}),
    ],
)
def test_individuals(ontology: Graph, cls: str, members: set[str]) -> None:
    found = {pk_name(s) for s in ontology.subjects(RDF.type, PK[cls])}
    assert found == members
    for name in members:
        assert (PK[name], RDF.type, OWL.NamedIndividual) in ontology


def test_object_properties_point_to_classes_and_datatype_properties_to_literals(
    ontology: Graph,
) -> None:
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        for rng in ontology.objects(prop, RDFS.range):
            assert not str(rng).startswith(str(XSD)), prop
    for prop in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        for rng in ontology.objects(prop, RDFS.range):
            assert str(rng).startswith(str(XSD)) or rng == RDFS.Literal, prop


@pytest.mark.parametrize(
    ("name", "rng"),
    [
        ("value", XSD.decimal),
        ("year", XSD.gYear),
        ("periodStart", XSD.gYear),
        ("writtenDate", XSD.date),
        ("headingLevel", XSD.integer),
        ("inPlan", PK.Plan),
        ("evidence", PK.Evidence),
        ("role", PK.ObservationRole),
        ("programLevel", PK.AdministrativeLevel),
        ("targetsIndustry", PK.Industry),
        ("leadDepartment", PK.Department),
    ],
)
def test_ranges(ontology: Graph, name: str, rng: URIRef) -> None:
    assert list(ontology.objects(PK[name], RDFS.range)) == [rng]


def test_properties_used_by_several_classes_have_a_union_domain(ontology: Graph) -> None:
    domain = ontology.value(PK.targetsIndustry, RDFS.domain)
    members = set(ontology.items(ontology.value(domain, OWL.unionOf)))
    assert members == {PK.Program, PK.Platform, PK.Task, PK.Section}
    # used on any node: no domain at all rather than a wrong one
    assert ontology.value(PK.inPlan, RDFS.domain) is None
    assert ontology.value(PK.evidence, RDFS.domain) is None


# --- shapes -----------------------------------------------------------------------------------


def test_shapes_are_valid_shacl(shapes: Graph) -> None:
    assert (SHAPES_IRI, RDF.type, OWL.Ontology) in shapes
    # meta_shacl checks the shapes graph against the SHACL-for-SHACL shapes first; it raises if
    # the shapes are malformed
    conforms, _, text = pyshacl.validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_shapes_use_only_pk_terms(shapes: Graph) -> None:
    used = {pk_name(node) for triple in shapes for node in triple} - {None}
    assert used
    assert used <= PK_NAMES


def test_every_core_class_needs_a_chinese_label_and_evidence(shapes: Graph) -> None:
    core = URIRef("https://w3id.org/plankg/shapes#CoreNode")
    targets = {pk_name(c) for c in shapes.objects(core, SH.targetClass)}
    assert targets == CORE_CLASSES
    paths = {shapes.value(p, SH.path) for p in shapes.objects(core, SH.property)}
    assert paths == {RDFS.label, PK.evidence}


def test_every_core_class_but_plan_needs_a_plan(shapes: Graph) -> None:
    member = URIRef("https://w3id.org/plankg/shapes#PlanMember")
    targets = {pk_name(c) for c in shapes.objects(member, SH.targetClass)}
    assert targets == CORE_CLASSES - {"Plan"} | {"Evidence", "Statement", "Target"}


def test_every_shape_reads_well_in_a_report(shapes: Graph) -> None:
    # results name the shape they come from: a targeted shape, or one of its property shapes
    targeted = {
        shape
        for target in (SH.targetClass, SH.targetSubjectsOf, SH.targetNode, SH.targetObjectsOf)
        for shape in shapes.subjects(target, None)
    }
    assert len(targeted) >= 25
    reported = 0
    for shape in targeted:
        assert shapes.value(shape, SH.name) is not None, shape
        for prop in shapes.objects(shape, SH.property):
            reported += 1
            assert shapes.value(prop, SH.name) is not None, prop
            assert shapes.value(prop, SH.message) is not None, prop
        if (shape, SH["or"], None) in shapes:
            assert shapes.value(shape, SH.message) is not None, shape
        for constraint in shapes.objects(shape, SH.sparql):
            assert shapes.value(constraint, SH.message) is not None, shape
    assert reported >= 40


# --- JSON-LD context ----------------------------------------------------------------------------


def test_context_is_json_ld_1_1_with_a_term_for_every_pk_name() -> None:
    context = load_context()["@context"]
    assert context["@version"] == 1.1
    assert context["pk"] == PK_IRI
    for name in PK_NAMES:
        term = context[name]
        iri = term if isinstance(term, str) else term["@id"]
        assert iri == f"pk:{name}"


def test_context_expands_a_document_to_pk_iris() -> None:
    program = "https://w3id.org/plankg/id/program/nan-tai-hu-jing-ying-ji-hua"
    observation = "https://w3id.org/plankg/id/plan/p/observation/1"
    doc = {
        "@context": load_context()["@context"],
        "@graph": [
            {
                "id": program,
                "type": "Program",
                "label": {"zh": "南太湖精英计划"},
                "programLevel": "city",
                "inPlan": "https://w3id.org/plankg/id/plan/p",
            },
            {
                "id": observation,
                "type": "Observation",
                "value": "9.2",
                "year": "2015",
                "role": "baseline",
            },
        ],
    }
    g = Graph().parse(data=json.dumps(doc, ensure_ascii=False), format="json-ld")
    prog, obs = URIRef(program), URIRef(observation)
    assert (prog, RDF.type, PK.Program) in g
    assert (prog, RDFS.label, Literal("南太湖精英计划", lang="zh")) in g
    assert (prog, PK.programLevel, PK.city) in g
    assert (prog, PK.inPlan, URIRef("https://w3id.org/plankg/id/plan/p")) in g
    assert (obs, RDF.type, QB.Observation) in g
    assert g.value(obs, PK.value) == Literal(Decimal("9.2"))
    assert g.value(obs, PK.value).datatype == XSD.decimal
    assert g.value(obs, PK.year) == Literal("2015", datatype=XSD.gYear)
    assert (obs, PK.role, PK.baseline) in g
    assert len(g) == 8


def test_graph_survives_a_json_ld_round_trip_with_the_context() -> None:
    data = Dataset().parse(GOOD, format="trig")
    graph = Graph()
    for g in data.graphs():
        graph += g
    assert len(graph) > 100
    text = graph.serialize(format="json-ld", context=load_context()["@context"])
    nodes = json.loads(text)["@graph"]
    program = next(n for n in nodes if n["id"].endswith("/program/nan-tai-hu-jing-ying-ji-hua"))
    # the context makes the output readable: short keys, language maps, level as a term
    assert program["type"] == "Program"
    assert program["label"] == {"zh": "南太湖精英计划"}
    assert program["programLevel"] == "city"
    assert isomorphic(Graph().parse(data=text, format="json-ld"), graph)
