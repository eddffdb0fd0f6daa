"""A light graph sink for the build: what the RDF writers ``add`` goes into an ordered set of
triples, held as N-Triples term text and written once as N-Quads for pyoxigraph, never into
rdflib's Memory store.

The writer modules (``facts``, ``targets``, ``indicators``, ``evidence``, ``build``) add rdflib
terms, ``graph.add((s, p, o))``, or, in the hot paths (evidence, statements, sections, the
nodes of facts), terms already in N-Triples syntax with :func:`add_nt` (``<iri>``,
``"text"@zh``, :func:`iri` and :func:`literal` make them), which skips making rdflib terms at
all. Both end up as the same text, so a triple added both ways is one triple. They ask a graph
nothing but ``(s, p, o) in graph``, ``graph.subjects(p, o)``, ``len(graph)`` and
``graph.identifier``. Adding a tuple to a dict costs a small fraction of rdflib's Memory store,
whose indexes the build never reads (issue 14: building the rdflib Dataset was ~35 % of a
build, serialising it ~30 %). :func:`add_nt` also writes into an rdflib graph (the tests hand
the writers one), parsing the terms back.

>>> from rdflib import RDF, Literal, URIRef
>>> g = PlanGraph(URIRef("urn:g"))
>>> g.add((URIRef("urn:p"), RDF.type, URIRef("urn:Plan")))
>>> g.add((URIRef("urn:p"), URIRef("urn:title"), Literal('规"划\\n', lang="zh")))
>>> add_nt(g, "<urn:p>", "<urn:title>", literal('规"划\\n', lang="zh"))
>>> len(g), (URIRef("urn:p"), RDF.type, URIRef("urn:Plan")) in g
(2, True)
>>> print(g.nquads(), end="")
<urn:p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:Plan> <urn:g> .
<urn:p> <urn:title> "规\\"划\\n"@zh <urn:g> .
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

Triple = tuple[Any, Any, Any]

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_UNESCAPES = {"\\\\": "\\", '\\"': '"', "\\n": "\n", "\\r": "\r"}
_ESCAPED = re.compile(r'\\[\\"nr]')
_XSD_STRING = str(XSD.string)


def nt_term(term: Any) -> str:
    """One rdflib term in N-Triples / N-Quads syntax."""
    if type(term) is URIRef or isinstance(term, URIRef):
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


def iri(value: str) -> str:
    """An IRI in N-Triples syntax."""
    return f"<{value}>"


def literal(text: str, *, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal in N-Triples syntax, as :func:`nt_term` writes ``Literal(text, …)`` whose
    lexical form is ``text`` (a string, or an int's decimal digits)."""
    quoted = '"' + text.translate(_ESCAPES) + '"'
    if lang:
        return f"{quoted}@{lang}"
    if datatype is not None and datatype != _XSD_STRING:
        return f"{quoted}^^<{datatype}>"
    return quoted


def from_nt(term: str) -> Any:
    """The rdflib term of one N-Triples term (the inverse of :func:`nt_term`)."""
    if term.startswith("<"):
        return URIRef(term[1:-1])
    if term.startswith("_:"):
        return BNode(term[2:])
    close = term.rindex('"')
    text = _ESCAPED.sub(lambda m: _UNESCAPES[m.group()], term[1:close])
    rest = term[close + 1:]
    if rest.startswith("@"):
        return Literal(text, lang=rest[1:])
    if rest.startswith("^^<"):
        return Literal(text, datatype=URIRef(rest[3:-1]))
    return Literal(text)


def add_nt(graph: Any, s: str, p: str, o: str) -> None:
    """Add one triple given in N-Triples terms to a :class:`PlanGraph` or an rdflib graph."""
    if type(graph) is PlanGraph:
        graph._triples[(s, p, o)] = None
    else:
        graph.add((from_nt(s), from_nt(p), from_nt(o)))


def has_nt(graph: Any, s: str, p: str, o: str) -> bool:
    """Whether a :class:`PlanGraph` or an rdflib graph holds the triple (N-Triples terms)."""
    if type(graph) is PlanGraph:
        return (s, p, o) in graph._triples
    return (from_nt(s), from_nt(p), from_nt(o)) in graph


class PlanGraph:
    """The triples of one named graph, each once, as N-Triples term text."""

    def __init__(self, identifier: URIRef) -> None:
        self.identifier = identifier
        self._triples: dict[tuple[str, str, str], None] = {}

    def add(self, triple: Triple) -> None:
        s, p, o = triple
        self._triples[(nt_term(s), nt_term(p), nt_term(o))] = None

    def __contains__(self, triple: object) -> bool:
        s, p, o = triple  # type: ignore[misc]
        return (nt_term(s), nt_term(p), nt_term(o)) in self._triples

    def __len__(self) -> int:
        return len(self._triples)

    def __iter__(self) -> Iterator[Triple]:
        for s, p, o in self._triples:
            yield from_nt(s), from_nt(p), from_nt(o)

    def subjects(self, predicate: Any = None, obj: Any = None) -> Iterator[Any]:
        """Subjects of the triples with this predicate and object (``None`` matches any)."""
        p_text = nt_term(predicate) if predicate is not None else None
        o_text = nt_term(obj) if obj is not None else None
        for s, p, o in self._triples:
            if (p_text is None or p == p_text) and (o_text is None or o == o_text):
                yield from_nt(s)

    def nquads(self) -> str:
        """The triples as N-Quads lines in this graph, sorted: the text of a plan does not
        depend on the order its writers added triples in (nor on which process built it)."""
        graph = f" <{self.identifier}> .\n"
        return "".join(sorted([f"{s} {p} {o}{graph}" for s, p, o in self._triples]))
