"""The first view of a large graph: plans and what several of them share, with counts.

The full network of 1,000 plans holds some 100,000 nodes: no page draws that, and reading it
into rdflib to build it takes longer than the page may. The overview asks the source a few
SPARQL queries instead (whatever engine answers them) and shows one node per plan, every
industry the plans name, and the programs and platforms that more than one plan names, each
linked from the plans that name it. A plan's details give its counts (programs, platforms,
departments, industries) and the command that draws its own full network; a shared node's give
how many plans name it. The rule that picks this view is in docs/decisions/025-viz-overview.md.

Positions are computed here, cheaply and the same every time (no spring layout): the shared
nodes on a sunflower spiral in the middle, most-named first, the plans on rings around it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING

import networkx as nx
import pyoxigraph

from plankg.errors import InputError
from plankg.queries.sources import Source

if TYPE_CHECKING:
    from rdflib import Dataset

# More plans than this and no --plan, --focus, --types or --view: the overview is drawn.
OVERVIEW_FROM = 10
# Shared nodes a plan links to are shown; a plan's own programs and platforms are counted only.
_SHARED = ("Program", "Platform")
_COUNTED = ("Program", "Platform", "Department", "Industry")
_SPACING = 60.0
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))

_PLANS = """
PREFIX pk: <https://w3id.org/plankg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?p ?title WHERE { GRAPH ?g { ?p a pk:Plan . ?p dcterms:title ?title } }
"""
_PLAN_GRAPHS = """
PREFIX pk: <https://w3id.org/plankg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?g ?p ?title WHERE { GRAPH ?g { ?p a pk:Plan . ?p dcterms:title ?title } }
"""
# one query per class: a VALUES block of classes made pyoxigraph 3-4x slower here
_MEMBERS = """
PREFIX pk: <https://w3id.org/plankg/ontology#>
SELECT ?e ?p WHERE { GRAPH ?g { ?e a pk:%s . ?e pk:inPlan ?p } }
"""
# Above this many edges the nodes named by the most plans keep their plans in the details and
# the plan filter, not as drawn edges: the page stays small and opens at once.
MAX_EDGES = 4000
# the nodes shown are given in a VALUES block: their labels are looked up, not all labels read
_LABELS = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?e ?label WHERE {
  GRAPH ?g { VALUES ?e { %s } ?e rdfs:label ?label FILTER (lang(?label) = "zh") }
}
"""
_LABEL_BATCH = 500


def plan_count(source: Source) -> int:
    rows = source.select(
        "PREFIX pk: <https://w3id.org/plankg/ontology#>\n"
        "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?p a pk:Plan } }"
    )
    return int(rows[0]["n"] or 0) if rows else 0


def overview_network(source: Source) -> nx.MultiDiGraph:
    """The overview of every plan in ``source``, positions included (``graph["positions"]``)."""
    titles: dict[str, str] = {}
    for row in source.select(_PLANS):
        titles.setdefault(str(row["p"]), str(row["title"]))
    plans_of: dict[str, set[str]] = defaultdict(set)
    cls_of: dict[str, str] = {}
    counts: dict[str, dict[str, int]] = {p: dict.fromkeys(_COUNTED, 0) for p in titles}
    for cls in _COUNTED:
        for row in source.select(_MEMBERS % cls):
            node, plan = str(row["e"]), str(row["p"])
            if plan not in titles:
                continue
            cls_of.setdefault(node, cls)
            if plan not in plans_of[node]:
                plans_of[node].add(plan)
                counts[plan][cls] += 1
    shown = sorted(
        (
            n
            for n, c in cls_of.items()
            if c == "Industry" or (c in _SHARED and len(plans_of[n]) > 1)
        ),
        key=lambda n: (-len(plans_of[n]), cls_of[n], n),
    )
    labels = _labels(source, set(shown))

    network = nx.MultiDiGraph(view="overview")
    ordered_plans = sorted(titles, key=lambda p: (titles[p], p))
    for plan in ordered_plans:
        title = titles[plan]
        facts = [
            [f"{cls.lower()}s" if cls != "Industry" else "industries", str(n)]
            for cls, n in counts[plan].items()
        ]
        facts.append(["its full network", f'plankg viz --plan "{title}"'])
        network.add_node(plan, **_attributes(title, "Plan", [title], facts, plan))
    # edges of the most-named nodes go first when there are too many (shown is in that order)
    budget = sum(len(plans_of[n]) for n in shown)
    for node in shown:
        named_by = sorted(titles[p] for p in plans_of[node])
        facts = [["named by", f"{len(named_by)} plans"]]
        drawn = budget <= MAX_EDGES
        if not drawn:
            budget -= len(named_by)
            facts.append(["edges", "not drawn (named by many plans): see plans"])
        label = labels.get(node) or node.rsplit("/", 1)[-1]
        network.add_node(node, **_attributes(label, cls_of[node], named_by, facts, node))
        for plan in sorted(plans_of[node]) if drawn else ():
            network.add_edge(plan, node, key="names", evidence=[])
    network.graph["plans"] = sorted(titles.values())
    network.graph["positions"] = _positions(ordered_plans, shown)
    return network


def _labels(source: Source, nodes: set[str]) -> dict[str, str]:
    """One Chinese label per node (the smallest, so the choice is the same every run)."""
    labels: dict[str, str] = {}
    ordered = sorted(nodes)
    for start in range(0, len(ordered), _LABEL_BATCH):
        iris = " ".join(f"<{n}>" for n in ordered[start : start + _LABEL_BATCH] if ">" not in n)
        for row in source.select(_LABELS % iris):
            node, label = str(row["e"]), str(row["label"])
            if node not in labels or label < labels[node]:
                labels[node] = label
    return labels


def _attributes(label: str, cls: str, plans: list[str], facts: list[list[str]], iri: str) -> dict:
    return {
        "label": label,
        "label_en": "",
        "alt_labels": [],
        "cls": cls,
        "plans": plans,
        "facts": facts,
        "evidence": [],
        "iri": iri,
    }


def _positions(plans: list[str], shared: list[str]) -> dict[str, tuple[float, float]]:
    positions: dict[str, tuple[float, float]] = {}
    for i, node in enumerate(shared):  # most-named in the middle
        r = _SPACING * math.sqrt(i + 0.5)
        positions[node] = (r * math.cos(i * _GOLDEN_ANGLE), r * math.sin(i * _GOLDEN_ANGLE))
    inner = _SPACING * math.sqrt(len(shared) + 0.5) + 3 * _SPACING
    ring, placed, radius = 0, 0, inner
    while placed < len(plans):
        per_ring = max(1, int(2 * math.pi * radius / _SPACING))
        batch = plans[placed : placed + per_ring]
        for j, plan in enumerate(batch):
            angle = 2 * math.pi * j / len(batch) + ring * 0.5
            positions[plan] = (radius * math.cos(angle), radius * math.sin(angle))
        placed += len(batch)
        ring += 1
        radius += _SPACING
    return positions


def chosen_plans_dataset(source: Source, wanted: list[str]) -> Dataset:
    """The graphs of the plans ``wanted`` names (as ``--plan`` matches) and every graph that is
    no plan's (the ontology): for one plan of many, instead of the whole store in rdflib.

    Shared nodes then list only the chosen plans among their own.
    """
    from plankg.queries.store import store_to_dataset

    graph_of: dict[str, str] = {}
    titles: dict[str, str] = {}
    for row in source.select(_PLAN_GRAPHS):
        graph_of[str(row["p"])] = str(row["g"])
        titles.setdefault(str(row["p"]), str(row["title"]))
    chosen: set[str] = set()
    for text in wanted:
        key = text.strip()
        exact = {p for p, t in titles.items() if key in (t, p.rsplit("/", 1)[-1], p)}
        found = exact or {p for p, t in titles.items() if key and key in t}
        if not found:
            known = "; ".join(sorted(titles.values())[:10]) or "none"
            raise InputError(f"no plan titled {text!r}; plans in the graph: {known}")
        chosen |= found
    left_out = {graph_of[p] for p in titles if p not in chosen} - {graph_of[p] for p in chosen}
    store = source.oxigraph()
    part = pyoxigraph.Store()
    for graph in store.named_graphs():
        if graph.value not in left_out:
            part.extend(store.quads_for_pattern(None, None, None, graph))
    return store_to_dataset(part)
