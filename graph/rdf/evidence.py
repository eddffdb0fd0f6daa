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

from typing import Any

from rdflib import RDF, URIRef
from rdflib.namespace import XSD

from plankg.graph.rdf.identifiers import in_plan, short_hash
from plankg.graph.rdf.quads import add_nt, has_nt, literal
from plankg.graph.rdf.vocab import OA, PK
from plankg.graph.text.document import Section

CONTEXT_CHARS = 16

# the terms every evidence node and statement uses, in N-Triples syntax once (graph/rdf/quads.py)
_TYPE = f"<{RDF.type}>"
_EVIDENCE = f"<{PK.Evidence}>"
_SPECIFIC = f"<{OA.SpecificResource}>"
_HAS_SOURCE = f"<{OA.hasSource}>"
_IN_PLAN = f"<{PK.inPlan}>"
_IN_SECTION = f"<{PK.inSection}>"
_HAS_SELECTOR = f"<{OA.hasSelector}>"
_QUOTE_SELECTOR = f"<{OA.TextQuoteSelector}>"
_EXACT = f"<{OA.exact}>"
_PREFIX = f"<{OA.prefix}>"
_SUFFIX = f"<{OA.suffix}>"
_POSITION_SELECTOR = f"<{OA.TextPositionSelector}>"
_START = f"<{OA.start}>"
_END = f"<{OA.end}>"
_NON_NEGATIVE = str(XSD.nonNegativeInteger)
_STATEMENT = f"<{PK.Statement}>"
_RDF_STATEMENT = f"<{RDF.Statement}>"
_SUBJECT = f"<{RDF.subject}>"
_PREDICATE = f"<{RDF.predicate}>"
_OBJECT = f"<{RDF.object}>"
_HAS_EVIDENCE = f"<{PK.evidence}>"


def section_iri(plan: URIRef, section: Section) -> URIRef:
    return in_plan(plan, "section", section.key)


def add_evidence(
    graph: Any,
    *,
    text: str,
    plan: URIRef,
    start: int,
    end: int,
    section: Section | URIRef | None,
) -> URIRef:
    """Add (idempotently) the Evidence node for ``text[start:end]`` and return its IRI.

    ``graph`` is the build's :class:`~plankg.graph.rdf.quads.PlanGraph` or an rdflib graph.
    """
    if not 0 <= start < end <= len(text):
        raise ValueError(f"evidence span {start}:{end} outside the text (length {len(text)})")
    ev_iri = f"{plan}/evidence/{start}-{end}"
    ev = f"<{ev_iri}>"
    if has_nt(graph, ev, _TYPE, _EVIDENCE):
        return URIRef(ev_iri)
    quote = f"<{ev_iri}#quote>"
    position = f"<{ev_iri}#position>"
    source = f"<{plan}>"
    add_nt(graph, ev, _TYPE, _EVIDENCE)
    add_nt(graph, ev, _TYPE, _SPECIFIC)
    add_nt(graph, ev, _HAS_SOURCE, source)
    add_nt(graph, ev, _IN_PLAN, source)
    if isinstance(section, Section):
        add_nt(graph, ev, _IN_SECTION, f"<{plan}/section/{section.key}>")
    elif section is not None:
        add_nt(graph, ev, _IN_SECTION, f"<{section}>")
    add_nt(graph, ev, _HAS_SELECTOR, quote)
    add_nt(graph, ev, _HAS_SELECTOR, position)
    add_nt(graph, quote, _TYPE, _QUOTE_SELECTOR)
    add_nt(graph, quote, _EXACT, literal(text[start:end]))
    add_nt(graph, quote, _PREFIX, literal(text[max(0, start - CONTEXT_CHARS) : start]))
    add_nt(graph, quote, _SUFFIX, literal(text[end : end + CONTEXT_CHARS]))
    add_nt(graph, position, _TYPE, _POSITION_SELECTOR)
    add_nt(graph, position, _START, literal(str(start), datatype=_NON_NEGATIVE))
    add_nt(graph, position, _END, literal(str(end), datatype=_NON_NEGATIVE))
    return URIRef(ev_iri)


def add_statement(
    graph: Any,
    *,
    plan: URIRef,
    subject: URIRef,
    predicate: URIRef,
    obj: URIRef,
    evidence: URIRef,
) -> URIRef:
    """Assert ``subject predicate obj`` and reify it with its evidence (see docs/model.md)."""
    s, p, o = f"<{subject}>", f"<{predicate}>", f"<{obj}>"
    add_nt(graph, s, p, o)
    key = short_hash(f"{subject} {predicate} {obj} {evidence}", 12)
    stmt_iri = f"{plan}/statement/{key}"
    stmt = f"<{stmt_iri}>"
    add_nt(graph, stmt, _TYPE, _STATEMENT)
    add_nt(graph, stmt, _TYPE, _RDF_STATEMENT)
    add_nt(graph, stmt, _SUBJECT, s)
    add_nt(graph, stmt, _PREDICATE, p)
    add_nt(graph, stmt, _OBJECT, o)
    add_nt(graph, stmt, _IN_PLAN, f"<{plan}>")
    add_nt(graph, stmt, _HAS_EVIDENCE, f"<{evidence}>")
    return URIRef(stmt_iri)
