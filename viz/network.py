"""A plan graph (RDF, docs/model.md) as a networkx graph, the model the viewer and GraphML share.

Nodes are the instances of the core classes that a plan names (they carry ``pk:inPlan``), keyed
by IRI, with their labels, plans, other facts and every evidence sentence. Edges are the
relations between them, keyed by the relation's short name, with the evidence of its reified
``pk:Statement``.

>>> from pathlib import Path
>>> from rdflib import Dataset
>>> ds = Dataset().parse(Path(__file__).parents[1] / "tests/data/viz/small.trig", format="trig")
>>> g = plan_network(ds, view="program-industry")
>>> sorted(g.nodes[n]["label"] for n in g if g.nodes[n]["cls"] == "Industry")
['健康经济', '数字经济']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx
from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from plankg.errors import InputError
from plankg.graph.rdf.vocab import OA, ORG, PK, PK_IRI, QB, SCHEMA

# Order matters: a node typed with two of these (rare) shows as the first.
NODE_CLASSES: tuple[str, ...] = (
    "Plan",
    "Program",
    "Platform",
    "Industry",
    "Department",
    "Region",
    "Task",
    "Goal",
    "Indicator",
    "Section",
)
# Sections outnumber everything else and mostly link through pk:mentions: off unless asked for.
DEFAULT_CLASSES: tuple[str, ...] = NODE_CLASSES[:-1]
_RANK = {c: i for i, c in enumerate(NODE_CLASSES)}
VIEWS: tuple[str, ...] = ("full", "program-industry", "platform-industry")
_BIPARTITE: dict[str, tuple[str, str]] = {
    "program-industry": ("Program", "Industry"),
    "platform-industry": ("Platform", "Industry"),
}

_PREFIXES: tuple[tuple[str, str], ...] = (
    (PK_IRI, ""),
    (str(DCTERMS), "dcterms:"),
    (str(SKOS), "skos:"),
    (str(RDFS), "rdfs:"),
    (str(ORG), "org:"),
    (str(SCHEMA), "schema:"),
    (str(OA), "oa:"),
    (str(QB), "qb:"),
)
_LABELS = (RDFS.label, SKOS.prefLabel, DCTERMS.title)
# Properties shown elsewhere in the viewer (labels, plans, evidence) or only useful to machines.
_NOT_FACTS = frozenset(
    {
        RDF.type,
        RDFS.label,
        SKOS.prefLabel,
        SKOS.altLabel,
        SKOS.inScheme,
        PK.inPlan,
        PK.evidence,
        PK.sha256,
        PK.textStart,
        PK.textEnd,
        PK.order,
        DCTERMS.hasPart,
    }
)


def relation_name(predicate: Node) -> str:
    """Short name of a predicate: ``targetsIndustry`` for pk: terms, ``dcterms:spatial`` else.

    >>> relation_name(PK.usesPlatform), relation_name(DCTERMS.publisher)
    ('usesPlatform', 'dcterms:publisher')
    """
    iri = str(predicate)
    for base, prefix in _PREFIXES:
        if iri.startswith(base):
            return prefix + iri[len(base) :]
    return iri


@dataclass(frozen=True)
class Quote:
    """One evidence span, ready to show and cite."""

    exact: str
    plan: str
    section: str
    start: int | None
    end: int | None

    def as_dict(self) -> dict[str, object]:
        return {
            "exact": self.exact,
            "plan": self.plan,
            "section": self.section,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class _Index:
    """The union graph, the classes and plans of its nodes, and evidence read once and kept."""

    graph: Graph
    cls: dict[Node, str] = field(default_factory=dict)
    plans: dict[Node, set[Node]] = field(default_factory=lambda: defaultdict(set))
    quotes: dict[Node, Quote | None] = field(default_factory=dict)

    def text(self, node: Node, predicates: Iterable[URIRef] = _LABELS, lang: str = "zh") -> str:
        """The node's label in ``lang``, else an untagged one, else any; "" when it has none."""
        best: tuple[int, int, str] | None = None
        for order, predicate in enumerate(predicates):
            for value in self.graph.objects(node, predicate):
                if not isinstance(value, Literal):
                    continue
                tag = (value.language or "").lower()
                rank = 0 if tag.split("-")[0] == lang else 1 if not tag else 2
                candidate = (rank, order, str(value))
                if best is None or candidate < best:
                    best = candidate
        return best[2] if best else ""

    def english(self, node: Node) -> str:
        for predicate in _LABELS:
            for value in sorted(self.graph.objects(node, predicate)):
                if isinstance(value, Literal) and (value.language or "").lower().startswith("en"):
                    return str(value)
        return ""

    def title(self, node: Node) -> str:
        return self.text(node, (DCTERMS.title, RDFS.label, SKOS.prefLabel)) or _tail(node)

    def quote(self, evidence: Node) -> Quote | None:
        if evidence not in self.quotes:
            self.quotes[evidence] = self._read_quote(evidence)
        return self.quotes[evidence]

    def _read_quote(self, evidence: Node) -> Quote | None:
        exact, start, end = None, None, None
        for selector in self.graph.objects(evidence, OA.hasSelector):
            exact = exact or self.graph.value(selector, OA.exact)
            start = start if start is not None else self.graph.value(selector, OA.start)
            end = end if end is not None else self.graph.value(selector, OA.end)
        if exact is None:
            return None
        section = self.graph.value(evidence, PK.inSection)
        plan = self.graph.value(evidence, PK.inPlan) or self.graph.value(evidence, OA.hasSource)
        return Quote(
            exact=str(exact),
            plan=self.title(plan) if plan is not None else "",
            section=self.text(section, (RDFS.label, DCTERMS.title)) if section is not None else "",
            start=_int(start),
            end=_int(end),
        )


def union_graph(source: Graph) -> Graph:
    """One graph holding the triples of every named graph (queries must not trust the default)."""
    if not isinstance(source, Dataset):
        return source
    union = Graph()
    for s, p, o, _ in source.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def plan_network(
    source: Graph,
    *,
    view: str = "full",
    classes: Iterable[str] | None = None,
    plans: Iterable[str] | None = None,
    focus: str | None = None,
    depth: int = 1,
) -> nx.MultiDiGraph:
    """Build the viewer's graph from an rdflib Dataset (all named graphs) or Graph.

    ``view`` is one of :data:`VIEWS`; ``classes`` (full view only) picks node classes by local
    name (default :data:`DEFAULT_CLASSES`); ``plans`` keeps what the given plans name (a title,
    part of a title or the plan's IRI slug); ``focus`` keeps the nodes within ``depth`` relations
    of the nodes labelled so (rdfs:label, English label or skos:altLabel). Bad values raise
    :class:`InputError`.
    """
    if view not in VIEWS:
        raise InputError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    if view != "full" and classes is not None:
        raise InputError(f"--types applies to the full view; the {view} view has its own")
    wanted = _wanted_classes(view, classes)
    if depth < 0:
        raise InputError(f"--depth must be 0 or more, not {depth}")

    index = _Index(union_graph(source))
    _read_classes(index, wanted)
    all_plans = sorted(set(index.graph.subjects(RDF.type, PK.Plan)), key=str)
    plans = list(plans or ())
    chosen = _choose_plans(index, all_plans, plans) if plans else set(all_plans)

    network = nx.MultiDiGraph(view=view)
    for node, cls in sorted(index.cls.items(), key=lambda item: (_RANK[item[1]], str(item[0]))):
        node_plans = index.plans.get(node, set())
        if cls == "Plan":
            node_plans = node_plans | {node}
        if not node_plans & chosen:
            continue
        network.add_node(str(node), **_node_attributes(index, node, cls, node_plans))

    _add_edges(index, network, view)
    if view in _BIPARTITE:
        network.remove_nodes_from([n for n in list(network) if network.degree(n) == 0])
    if focus is not None:
        network = _neighbourhood(network, focus, depth)
    # the plans shown: a node shared with a plan left out still lists that plan among its own
    titles = {index.title(p) for p in chosen}
    network.graph["plans"] = sorted(
        {p for n in network for p in network.nodes[n]["plans"]} & titles
    )
    return network


def _wanted_classes(view: str, classes: Iterable[str] | None) -> tuple[str, ...]:
    if view in _BIPARTITE:
        return _BIPARTITE[view]
    if classes is None:
        return DEFAULT_CLASSES
    by_lower = {c.lower(): c for c in NODE_CLASSES}
    picked = []
    for name in classes:
        cls = by_lower.get(name.strip().lower())
        if cls is None:
            raise InputError(f"unknown type {name!r}; choose from {','.join(NODE_CLASSES)}")
        picked.append(cls)
    if not picked:
        raise InputError("--types names no type")
    return tuple(c for c in NODE_CLASSES if c in picked)


def _read_classes(index: _Index, wanted: tuple[str, ...]) -> None:
    rank = {PK[c]: i for i, c in enumerate(NODE_CLASSES) if c in wanted}
    best: dict[Node, int] = {}
    for node, _, cls in index.graph.triples((None, RDF.type, None)):
        r = rank.get(cls)
        if r is not None and r < best.get(node, len(NODE_CLASSES)):
            best[node] = r
    for node, plan in index.graph.subject_objects(PK.inPlan):
        index.plans[node].add(plan)
    for node, r in best.items():
        # a node no plan names (a lexicon entry, a region above the plans') is not shown
        if NODE_CLASSES[r] == "Plan" or node in index.plans:
            index.cls[node] = NODE_CLASSES[r]


def _choose_plans(index: _Index, all_plans: list[Node], wanted: Iterable[str]) -> set[Node]:
    chosen: set[Node] = set()
    titles = {plan: index.title(plan) for plan in all_plans}
    for text in wanted:
        key = text.strip()
        exact = {p for p, t in titles.items() if key in (t, _tail(p), str(p))}
        found = exact or {p for p, t in titles.items() if key and key in t}
        if not found:
            known = "; ".join(sorted(titles.values())[:10]) or "none"
            raise InputError(f"no plan titled {text!r}; plans in the graph: {known}")
        chosen |= found
    return chosen


def _node_attributes(index: _Index, node: Node, cls: str, plans: set[Node]) -> dict[str, object]:
    label = index.title(node) if cls == "Plan" else index.text(node) or _tail(node)
    alt = sorted({str(a) for a in index.graph.objects(node, SKOS.altLabel)} - {label})
    quotes = [q for ev in index.graph.objects(node, PK.evidence) if (q := index.quote(ev))]
    return {
        "iri": str(node),
        "cls": cls,
        "label": label,
        "label_en": index.english(node),
        "alt_labels": alt,
        "plans": sorted(index.title(p) for p in plans),
        "facts": _facts(index, node),
        "evidence": [q.as_dict() for q in sorted(quotes, key=_quote_order)],
    }


def _facts(index: _Index, node: Node) -> list[list[str]]:
    """Properties that are not relations to other shown nodes: level, kind, unit, dates …"""
    facts = []
    for predicate, value in index.graph.predicate_objects(node):
        if predicate in _NOT_FACTS or value in index.cls:
            continue
        if isinstance(value, Literal):
            if predicate == DCTERMS.title and str(value) == index.title(node):
                continue
            text = str(value)
        else:
            text = index.text(value) or _tail(value)
        facts.append([relation_name(predicate), text])
    return sorted(facts)


def _add_edges(index: _Index, network: nx.MultiDiGraph, view: str) -> None:
    evidence: dict[tuple[Node, Node, Node], list[Node]] = defaultdict(list)
    for stmt in index.graph.subjects(RDF.type, PK.Statement):
        s = index.graph.value(stmt, RDF.subject)
        p = index.graph.value(stmt, RDF.predicate)
        o = index.graph.value(stmt, RDF.object)
        if s is not None and p is not None and o is not None:
            evidence[(s, p, o)].extend(index.graph.objects(stmt, PK.evidence))

    shown = {URIRef(n) for n in network}
    found = []
    for s, p, o in index.graph:
        if p == RDF.type or s == o or s not in shown or o not in shown:
            continue
        name = relation_name(p)
        if view in _BIPARTITE and name != "targetsIndustry":
            continue
        found.append((str(s), str(o), name, p))
    for s, o, name, p in sorted(found):
        quotes = [
            q for ev in set(evidence.get((URIRef(s), p, URIRef(o)), ())) if (q := index.quote(ev))
        ]
        network.add_edge(
            s,
            o,
            key=name,
            relation=name,
            evidence=[q.as_dict() for q in sorted(quotes, key=_quote_order)],
        )


def _neighbourhood(network: nx.MultiDiGraph, focus: str, depth: int) -> nx.MultiDiGraph:
    centres = find_nodes(network, focus)
    if not centres:
        near = [
            network.nodes[n]["label"] for n in network if focus.strip() in network.nodes[n]["label"]
        ]
        hint = f"; did you mean {', '.join(sorted(near)[:5])}?" if near else ""
        raise InputError(f"no node labelled {focus!r} in this view{hint}")
    walk = network.to_undirected(as_view=True)
    keep = set(centres)
    frontier = list(centres)
    for _ in range(depth):
        step = []
        for node in frontier:
            # A plan is reached but not walked through: every node of a plan is one step from
            # it, so going on from there would return the whole plan.
            if network.nodes[node]["cls"] == "Plan" and node not in centres:
                continue
            for other in walk.neighbors(node):
                if other not in keep:
                    keep.add(other)
                    step.append(other)
        frontier = step
    sub = network.subgraph(keep).copy()
    sub.graph["focus"] = centres
    return sub


def find_nodes(network: nx.MultiDiGraph, label: str) -> list[str]:
    """Nodes whose Chinese, English or alternative label is ``label`` (case-insensitive)."""
    key = label.strip().casefold()
    found = []
    for node, data in network.nodes(data=True):
        names = [data["label"], data["label_en"], *data["alt_labels"]]
        if any(name.casefold() == key for name in names if name):
            found.append(node)
    return sorted(found)


def _quote_order(quote: Quote) -> tuple[str, int, str]:
    return (quote.plan, quote.start if quote.start is not None else -1, quote.exact)


def _tail(node: Node) -> str:
    return re.split(r"[/#]", str(node).rstrip("/#"))[-1]


def _int(value: Node | None) -> int | None:
    if isinstance(value, Literal):
        try:
            return int(value)
        except (TypeError, ValueError):
            return None
    return None
