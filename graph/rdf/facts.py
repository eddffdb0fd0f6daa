"""Facts → RDF, as docs/model.md "Programs, platforms, industries, departments" describes.

Programs, platforms, industries and departments are shared nodes (``Minter.shared(kind, name)``):
the same name in two plans is one IRI, described in each plan's graph by what that plan says:
its label, the variants printed as skos:altLabel, pk:inPlan, one pk:evidence per sentence that
names it. Relations are asserted and reified with their sentence (graph/rdf/evidence.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from plankg.graph.extract.departments import PLAN
from plankg.graph.extract.extractor import Facts
from plankg.graph.extract.facts import (
    DEPARTMENT,
    INDUSTRY,
    PLATFORM,
    PROGRAM,
    TASK,
    Mention,
    NodeRef,
)
from plankg.graph.extract.lexicon import INDUSTRY_SCHEME, Lexicon
from plankg.graph.extract.lexicon import LEVELS as LEVEL_NAMES
from plankg.graph.extract.platforms import PLATFORM_KIND
from plankg.graph.extract.relations import SECTION
from plankg.graph.rdf.evidence import add_evidence, add_statement, section_iri
from plankg.graph.rdf.identifiers import Minter, in_plan
from plankg.graph.rdf.quads import add_nt, literal
from plankg.graph.rdf.targets import add_targets
from plankg.graph.rdf.vocab import ORG, PK, SCHEMA
from plankg.graph.text.document import Document

TYPES = {
    PROGRAM: (PK.Program,),
    PLATFORM: (PK.Platform,),
    INDUSTRY: (PK.Industry, SKOS.Concept),
    DEPARTMENT: (PK.Department, ORG.Organization, SCHEMA.GovernmentOrganization),
}
LEVELS = {name: level for level, name in LEVEL_NAMES.items()}  # "provincial" → pk:provincial
# the terms every node is described with, in N-Triples syntax once (graph/rdf/quads.py)
_TYPE, _LABEL, _IN_PLAN, _HAS_EVIDENCE, _DEFINED_IN = (
    f"<{t}>" for t in (RDF.type, RDFS.label, PK.inPlan, PK.evidence, PK.definedIn))
_IN_SCHEME, _PREF_LABEL, _ALT_LABEL, _BROADER = (
    f"<{t}>" for t in (SKOS.inScheme, SKOS.prefLabel, SKOS.altLabel, SKOS.broader))


def _node(kind: str, name: str, plan: URIRef, minter: Minter, lexicon: Lexicon) -> URIRef:
    if kind in TYPES:
        return minter.shared(kind, name)
    if kind == PLATFORM_KIND:
        found = lexicon.kind_named(name)
        if found is None:
            raise ValueError(f"no platform kind {name!r} in the lexicon")
        return found.iri
    if kind == TASK:
        return in_plan(plan, "task", name)
    if kind == SECTION:
        return in_plan(plan, "section", name)
    if kind == PLAN:
        return plan
    raise ValueError(f"no IRI for a node of kind {kind!r}")


def add_facts(graph: Graph, doc: Document, plan: URIRef, facts: Facts, *, minter: Minter,
              lexicon: Lexicon) -> None:
    """Add the facts of one plan to ``graph`` (that plan's named graph)."""
    text = doc.text
    by_node: dict[NodeRef, list[Mention]] = {}
    for mention in facts.mentions:
        by_node.setdefault((mention.kind, mention.name), []).append(mention)
    for (kind, name), mentions in sorted(by_node.items()):
        if kind in TYPES:
            _add_node(graph, text, plan, kind, name, mentions, minter=minter, lexicon=lexicon)
    for relation in facts.relations:
        subject = _node(*relation.subject, plan, minter, lexicon)
        obj = _node(*relation.object, plan, minter, lexicon)
        evidence = add_evidence(graph, text=text, plan=plan, start=relation.sentence.start,
                                end=relation.sentence.end, section=relation.section)
        add_statement(graph, plan=plan, subject=subject, predicate=PK[relation.predicate],
                      obj=obj, evidence=evidence)
    add_targets(graph, doc, plan, facts.targets, minter=minter)


def _add_node(graph: Graph, text: str, plan: URIRef, kind: str, name: str,
              mentions: Iterable[Mention], *, minter: Minter, lexicon: Lexicon) -> URIRef:
    node = minter.shared(kind, name)
    entry = lexicon.find(kind, name)
    here, plan_term = f"<{node}>", f"<{plan}>"
    for rdf_type in TYPES[kind]:
        add_nt(graph, here, _TYPE, f"<{rdf_type}>")
    add_nt(graph, here, _LABEL, literal(name, lang="zh"))
    if entry is not None and entry.en:
        add_nt(graph, here, _LABEL, literal(entry.en, lang="en"))
    add_nt(graph, here, _IN_PLAN, plan_term)
    if kind == INDUSTRY:
        add_nt(graph, here, _IN_SCHEME, f"<{INDUSTRY_SCHEME}>")
        add_nt(graph, here, _PREF_LABEL, literal(name, lang="zh"))
        if entry is not None:
            if entry.en:
                add_nt(graph, here, _PREF_LABEL, literal(entry.en, lang="en"))
            for broader in entry.broader:
                wider = lexicon.entry(broader)
                if wider is not None:
                    add_nt(graph, here, _BROADER, f"<{minter.shared(INDUSTRY, wider.name)}>")
    levels: list[str] = []
    kinds: list[str] = []
    for mention in mentions:
        printed = mention.surface
        if printed != name:
            add_nt(graph, here, _ALT_LABEL, literal(printed, lang="zh"))
        evidence = add_evidence(graph, text=text, plan=plan, start=mention.sentence.start,
                                end=mention.sentence.end, section=mention.section)
        add_nt(graph, here, _HAS_EVIDENCE, f"<{evidence}>")
        heading = mention.section
        if heading is not None and heading.heading_start <= mention.start \
                and mention.end <= heading.heading_end:
            # a heading that names the thing sets it out: （一）实施科创英才领航行动
            add_nt(graph, here, _DEFINED_IN, f"<{section_iri(plan, heading)}>")
        attributes = dict(mention.attributes)
        if "level" in attributes:
            levels.append(attributes["level"])
        if "platform_kind" in attributes:
            kinds.append(attributes["platform_kind"])
    # the level the text states wins over the lexicon's; one level per program
    level = levels[0] if levels else (entry.level if entry is not None else None)
    if kind == PROGRAM and level in LEVELS:
        graph.add((node, PK.programLevel, LEVELS[level]))
    if kind == PLATFORM:
        platform_kind = None
        if entry is not None and entry.platform_kind is not None:
            platform_kind = entry.platform_kind
        elif kinds:
            found = lexicon.kind_named(Counter(kinds).most_common(1)[0][0])
            platform_kind = found.iri if found else None
        if platform_kind is not None:
            graph.add((node, PK.platformKind, platform_kind))
    return node
