"""Evidence nodes and reified statements: what makes every fact in the graph citable.

>>> from rdflib import Graph
>>> g = Graph()
>>> plan = URIRef("https://w3id.org/plankg/id/plan/p")
>>> ev = add_evidence(g, text="甲乙丙。丁戊。", plan=plan, start=4, end=7, section=None)
>>> str(ev)
'https://w3id.org/plankg/id/plan/p/evidence/4-7'
>>> str(g.value(URIRef(str(ev) + "#quote"), OA.exact))
'丁戊。'
"""

from __future__ import annotations

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import XSD

from plankg.graph.rdf.identifiers import in_plan, short_hash
from plankg.graph.rdf.vocab import OA, PK
from plankg.graph.text.document import Section

CONTEXT_CHARS = 16


def section_iri(plan: URIRef, section: Section) -> URIRef:
    return in_plan(plan, "section", section.key)


def add_evidence(
    graph: Graph,
    *,
    text: str,
    plan: URIRef,
    start: int,
    end: int,
    section: Section | URIRef | None,
) -> URIRef:
    """Add (idempotently) the Evidence node for ``text[start:end]`` and return its IRI."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"evidence span {start}:{end} outside the text (length {len(text)})")
    ev = in_plan(plan, "evidence", f"{start}-{end}")
    if (ev, RDF.type, PK.Evidence) in graph:
        return ev
    quote = URIRef(f"{ev}#quote")
    position = URIRef(f"{ev}#position")
    graph.add((ev, RDF.type, PK.Evidence))
    graph.add((ev, RDF.type, OA.SpecificResource))
    graph.add((ev, OA.hasSource, plan))
    graph.add((ev, PK.inPlan, plan))
    if isinstance(section, Section):
        section = section_iri(plan, section)
    if section is not None:
        graph.add((ev, PK.inSection, section))
    graph.add((ev, OA.hasSelector, quote))
    graph.add((ev, OA.hasSelector, position))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(text[start:end])))
    graph.add((quote, OA.prefix, Literal(text[max(0, start - CONTEXT_CHARS) : start])))
    graph.add((quote, OA.suffix, Literal(text[end : end + CONTEXT_CHARS])))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)))
    return ev


def add_statement(
    graph: Graph,
    *,
    plan: URIRef,
    subject: URIRef,
    predicate: URIRef,
    obj: URIRef,
    evidence: URIRef,
) -> URIRef:
    """Assert ``subject predicate obj`` and reify it with its evidence (see docs/model.md)."""
    graph.add((subject, predicate, obj))
    key = short_hash(f"{subject} {predicate} {obj} {evidence}", 12)
    stmt = in_plan(plan, "statement", key)
    graph.add((stmt, RDF.type, PK.Statement))
    graph.add((stmt, RDF.type, RDF.Statement))
    graph.add((stmt, RDF.subject, subject))
    graph.add((stmt, RDF.predicate, predicate))
    graph.add((stmt, RDF.object, obj))
    graph.add((stmt, PK.inPlan, plan))
    graph.add((stmt, PK.evidence, evidence))
    return stmt
