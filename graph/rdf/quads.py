"""A light graph sink for the build: what the RDF writers ``add`` goes into an ordered set of
triples, written once as N-Quads text for pyoxigraph, never into rdflib's Memory store.

The writer modules (``facts``, ``targets``, ``indicators``, ``evidence``, ``build``) keep their
rdflib calling convention, ``graph.add((s, p, o))`` with rdflib terms, and ask a graph nothing but
``(s, p, o) in graph``, ``graph.subjects(p, o)``, ``len(graph)`` and ``graph.identifier``. Adding
a tuple to a dict costs a small fraction of rdflib's Memory store, whose indexes the build never
reads (issue 14: building the rdflib Dataset was ~35 % of a build, serialising it ~30 %).

>>> from rdflib import RDF, Literal, URIRef
>>> g = PlanGraph(URIRef("urn:g"))
>>> g.add((URIRef("urn:p"), RDF.type, URIRef("urn:Plan")))
>>> g.add((URIRef("urn:p"), URIRef("urn:title"), Literal('规"划\\n', lang="zh")))
>>> len(g), (URIRef("urn:p"), RDF.type, URIRef("urn:Plan")) in g
(2, True)
>>> print(g.nquads(), end="")
<urn:p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:Plan> <urn:g> .
<urn:p> <urn:title> "规\\"划\\n"@zh <urn:g> .
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

Triple = tuple[Any, Any, Any]

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_XSD_STRING = str(XSD.string)


def nt_term(term: Any) -> str:
    """One rdflib term in N-Triples / N-Quads syntax."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        text = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return f"{text}^^<{term.datatype}>"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


class PlanGraph:
    """The triples of one named graph, each once."""

    def __init__(self, identifier: URIRef) -> None:
        self.identifier = identifier
        self._triples: dict[Triple, None] = {}

    def add(self, triple: Triple) -> None:
        self._triples[triple] = None

    def __contains__(self, triple: object) -> bool:
        return triple in self._triples

    def __len__(self) -> int:
        return len(self._triples)

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def subjects(self, predicate: Any = None, obj: Any = None) -> Iterator[Any]:
        """Subjects of the triples with this predicate and object (``None`` matches any)."""
        for s, p, o in self._triples:
            if (predicate is None or p == predicate) and (obj is None or o == obj):
                yield s

    def nquads(self) -> str:
        """The triples as N-Quads lines in this graph, sorted: the text of a plan does not
        depend on the order its writers added triples in (nor on which process built it)."""
        cache: dict[Any, str] = {}

        def text(term: Any) -> str:
            found = cache.get(term)
            if found is None:
                found = cache[term] = nt_term(term)
            return found

        graph = f" <{self.identifier}> .\n"
        return "".join(sorted(f"{text(s)} {text(p)} {text(o)}{graph}"
                              for s, p, o in self._triples))
