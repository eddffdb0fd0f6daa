"""Quantitative targets read from the prose (``plankg.graph.extract.targets``) as pk:Target nodes.

Each target is a qb:Observation of its measure, with its value, unit, qualifiers, year, the
program it belongs to and its evidence sentence (docs/model.md).
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import XSD

from plankg.graph.extract.facts import PROGRAM, QuantTarget
from plankg.graph.rdf.evidence import add_evidence
from plankg.graph.rdf.identifiers import Minter, in_plan
from plankg.graph.rdf.vocab import PK, QB
from plankg.graph.text.document import Document


def add_targets(
    graph: Graph, doc: Document, plan: URIRef, targets: Iterable[QuantTarget], *, minter: Minter
) -> None:
    """One pk:Target per figure (see docs/model.md), with its evidence sentence."""
    for target in targets:
        node = in_plan(plan, "target", f"{target.start}-{target.end}")
        graph.add((node, RDF.type, PK.Target))
        graph.add((node, RDF.type, QB.Observation))
        graph.add((node, RDFS.label, Literal(f"{target.measure} {target.printed}", lang="zh")))
        graph.add((node, PK.measure, Literal(target.measure, lang="zh")))
        graph.add((node, PK.value, Literal(target.value, datatype=XSD.decimal)))
        graph.add((node, PK.printedValue, Literal(target.printed)))
        if target.unit:
            graph.add((node, PK.unit, Literal(target.unit)))
        for qualifier in (target.qualifier or "").split():
            graph.add((node, PK.qualifier, Literal(qualifier)))
        if target.year is not None:
            graph.add((node, PK.year, Literal(str(target.year), datatype=XSD.gYear)))
        if target.program:
            graph.add((node, PK.forProgram, minter.shared(PROGRAM, target.program)))
        graph.add((node, PK.inPlan, plan))
        evidence = add_evidence(
            graph, text=doc.text, plan=plan, start=target.sentence.start,
            end=target.sentence.end, section=target.section,
        )
        graph.add((node, PK.evidence, evidence))
