"""GraphML for Gephi, Cytoscape and yEd: the viewer's networkx graph with flat attributes.

GraphML attributes are typed scalars, so lists become text: labels and plans joined with
"; ", evidence one quote per line followed by where it was printed. XML 1.0 cannot hold most
control characters (a plan text may: a bell, a form feed from a PDF copy), so each becomes
U+FFFD in attribute text: the file stays well-formed and the place of the lost character shows.

>>> xml_text("铃\x07声\x0c")
'铃\ufffd声\ufffd'
"""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx

from plankg.queries.export import write_atomically

LIST_SEPARATOR = "; "
# characters outside XML 1.0's Char production (tab, newline and carriage return are allowed)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def graphml_graph(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``network`` whose attributes are all str, int or bool."""
    flat = nx.MultiDiGraph()
    flat.graph["view"] = str(network.graph.get("view", "full"))
    flat.graph["plans"] = xml_text(LIST_SEPARATOR.join(network.graph.get("plans", [])))
    for node, data in network.nodes(data=True):
        flat.add_node(
            node,
            iri=data["iri"],
            type=data["cls"],
            label=xml_text(data["label"]),
            label_en=xml_text(data["label_en"]),
            alt_labels=xml_text(LIST_SEPARATOR.join(data["alt_labels"])),
            plans=xml_text(LIST_SEPARATOR.join(data["plans"])),
            facts=xml_text(LIST_SEPARATOR.join(f"{name}: {value}"
                                               for name, value in data["facts"])),
            evidence=_evidence_text(data["evidence"]),
            evidence_count=len(data["evidence"]),
        )
    for i, (source, target, key, data) in enumerate(network.edges(keys=True, data=True)):
        flat.add_edge(
            source,
            target,
            key=key,
            edge_id=f"e{i}",
            relation=data["relation"],
            evidence=_evidence_text(data["evidence"]),
            evidence_count=len(data["evidence"]),
        )
    return flat


def to_graphml(network: nx.MultiDiGraph, path: Path) -> None:
    """Write ``network`` (from :func:`plankg.viz.network.plan_network`) as GraphML, atomically."""
    flat = graphml_graph(network)
    # edge keys repeat (two targetsIndustry edges); GraphML ids must not
    lines = nx.generate_graphml(flat, encoding="utf-8", edge_id_from_attribute="edge_id")
    text = "\n".join(["<?xml version='1.0' encoding='utf-8'?>", *lines]) + "\n"
    write_atomically(Path(path), text.encode("utf-8"))


def _evidence_text(quotes: list[dict]) -> str:
    lines = []
    for q in quotes:
        where = [q["plan"], q["section"]]
        if q["start"] is not None and q["end"] is not None:
            where.append(f"{q['start']}-{q['end']}")
        lines.append(f"{q['exact']} [{' · '.join(w for w in where if w)}]")
    return xml_text("\n".join(lines))
