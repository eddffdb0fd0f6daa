"""Where the graph comes from: the store, a graph file, or a SPARQL endpoint; one way to query all.

Every source answers ``select(query, bindings=…)`` with :class:`~plankg.queries.rows.Rows` in the
same canonical form, and can hand its quads over as a pyoxigraph store (for export and push) or
an rdflib Dataset (for callers who want rdflib objects). The engine decides who evaluates
SPARQL for local data: ``oxigraph`` (the default, fast) or ``rdflib`` (its memory store, kept
for comparison). Parameters are always bound by the engine's own mechanism, never pasted into
the text: pyoxigraph ``substitutions``, rdflib ``initBindings``, a VALUES block for endpoints.

>>> from pathlib import Path
>>> source = open_source(graph=Path(__file__).parents[1] / "tests/data/queries/mini.trig")
>>> rows = source.select("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
>>> rows[0]["n"]
3
"""

from __future__ import annotations

import abc
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pyoxigraph

from plankg.errors import InputError
from plankg.queries.deadline import within
from plankg.queries.defaults import DEFAULT_TIMEOUT, ENGINES
from plankg.queries.querytext import (
    IRI,
    LangLiteral,
    QueryError,
    check_select,
    inject_values,
    syntax_error_message,
    with_projected,
)
from plankg.queries.rows import Rows, cell
from plankg.queries.store import dataset_to_store, default_store_dir, open_store, store_to_dataset

if TYPE_CHECKING:  # rdflib is imported only where rdflib is the engine or the caller's choice
    from rdflib import Dataset
    from rdflib.term import Node

    from plankg.queries import remote  # imported where an endpoint is opened or asked

    # a tuple binds the variable to each of its values (one VALUES block, several rows)
    Binding = str | LangLiteral | IRI | Node | tuple[str | LangLiteral | IRI | Node, ...]

Engine = Literal["oxigraph", "rdflib"]

# file suffix → (pyoxigraph format, rdflib format name, holds named graphs)
FILE_FORMATS: dict[str, tuple[pyoxigraph.RdfFormat, str, bool]] = {
    ".trig": (pyoxigraph.RdfFormat.TRIG, "trig", True),
    ".nq": (pyoxigraph.RdfFormat.N_QUADS, "nquads", True),
    ".jsonld": (pyoxigraph.RdfFormat.JSON_LD, "json-ld", True),
    ".json": (pyoxigraph.RdfFormat.JSON_LD, "json-ld", True),
    ".ttl": (pyoxigraph.RdfFormat.TURTLE, "turtle", False),
    ".nt": (pyoxigraph.RdfFormat.N_TRIPLES, "nt", False),
    ".n3": (pyoxigraph.RdfFormat.N3, "n3", False),
    ".rdf": (pyoxigraph.RdfFormat.RDF_XML, "xml", False),
    ".owl": (pyoxigraph.RdfFormat.RDF_XML, "xml", False),
}


class Source(abc.ABC):
    """A graph to query; ``name`` says which one in messages."""

    name: str

    @abc.abstractmethod
    def select(self, query: str, *, bindings: Mapping[str, Binding] | None = None) -> Rows:
        """Run a SELECT query; ``bindings`` map variable names to values (str → plain literal)."""

    @abc.abstractmethod
    def oxigraph(self) -> pyoxigraph.Store:
        """The quads as a pyoxigraph store (the store itself, or a copy in memory)."""

    def dataset(self) -> Dataset:
        """The quads as a new rdflib Dataset."""
        return store_to_dataset(self.oxigraph())

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


def _is_rdflib_term(value: object) -> bool:
    # a caller can only hand over an rdflib term once rdflib is imported: asking first keeps
    # the pyoxigraph path from importing it
    if "rdflib" not in sys.modules:
        return False
    from rdflib.term import Node

    return isinstance(value, Node)


def _rdflib_term(value: Binding) -> Node:
    from rdflib import Literal as RdfLiteral
    from rdflib import URIRef

    if isinstance(value, IRI):
        return URIRef(value.value)
    if isinstance(value, LangLiteral):
        return RdfLiteral(value.text, lang=value.lang)
    # URIRef and Literal are str subclasses: only a plain str becomes a literal
    return value if _is_rdflib_term(value) else RdfLiteral(value)


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _n3(value: Binding) -> str:
    """``value`` written as a SPARQL term, quotes, backslashes and newlines escaped."""
    if isinstance(value, tuple):
        return " ".join(_n3(v) for v in value)
    if isinstance(value, IRI):
        return f"<{value.value}>"  # checked by pyoxigraph.NamedNode when it was made
    if isinstance(value, LangLiteral):
        return '"' + value.text.translate(_ESCAPES) + '"@' + value.lang
    if not _is_rdflib_term(value):
        return '"' + str(value).translate(_ESCAPES) + '"'  # what rdflib's Literal.n3() writes
    return _rdflib_term(value).n3()


def _n3_terms(bindings: Mapping[str, Binding]) -> dict[str, str]:
    return {k: _n3(v) for k, v in bindings.items()}


def _split(bindings: Mapping[str, Binding] | None) -> tuple[dict[str, Binding], dict[str, str]]:
    """Single values (bound by the engine) and several values (a VALUES block in the text)."""
    single = {k: v for k, v in (bindings or {}).items() if not isinstance(v, tuple)}
    several = {k: _n3(v) for k, v in (bindings or {}).items() if isinstance(v, tuple)}
    return single, several


def _oxigraph_term(value: Binding) -> Any:
    if isinstance(value, IRI):
        return pyoxigraph.NamedNode(value.value)
    if isinstance(value, LangLiteral):
        return pyoxigraph.Literal(value.text, language=value.lang)
    if not _is_rdflib_term(value):
        return pyoxigraph.Literal(str(value))
    from rdflib import BNode, URIRef
    from rdflib import Literal as RdfLiteral

    term = _rdflib_term(value)
    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(str(term))
    if isinstance(term, RdfLiteral):
        if term.language:
            return pyoxigraph.Literal(str(term), language=term.language)
        if term.datatype:
            return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))
        return pyoxigraph.Literal(str(term))
    raise InputError(f"cannot bind {value!r}: not an IRI or a literal")


def _oxigraph_cell(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return cell("iri", term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return cell("bnode", term.value)
    if isinstance(term, pyoxigraph.Literal):
        return cell("literal", term.value, term.datatype.value)
    return str(term)  # an RDF 1.2 triple term


def _rdflib_cell(term: Node | None) -> Any:
    from rdflib import BNode, URIRef
    from rdflib import Literal as RdfLiteral

    if term is None:
        return None
    if isinstance(term, URIRef):
        return cell("iri", str(term))
    if isinstance(term, BNode):
        return cell("bnode", str(term))
    if isinstance(term, RdfLiteral):
        return cell("literal", str(term), str(term.datatype) if term.datatype else None)
    return str(term)


class OxigraphSource(Source):
    """Local quads evaluated by pyoxigraph: the on-disk store, or a file loaded into memory."""

    def __init__(self, store: pyoxigraph.Store, name: str, *, timeout: float | None = None) -> None:
        self._store = store
        self.name = name
        self.timeout = timeout  # seconds a query may take (queries/deadline.py); None: no bound

    def select(self, query: str, *, bindings: Mapping[str, Binding] | None = None) -> Rows:
        return within(self.timeout, self.name, self._select, query, bindings)

    def _select(self, query: str, bindings: Mapping[str, Binding] | None) -> Rows:
        # pyoxigraph's query() runs queries only, never updates, so the text needs no check
        # beforehand: rdflib's grammar (check_select) is asked only to explain a refusal. It
        # would cost more than most queries themselves (20-100 ms for a named query).
        single, several = _split(bindings)
        query = inject_values(query, several)
        substitutions = {pyoxigraph.Variable(k): _oxigraph_term(v) for k, v in single.items()}
        added: list[str] = []
        try:
            try:
                solutions = self._store.query(query, substitutions=substitutions or None)
            except RuntimeError as err:
                # pyoxigraph substitutes only variables the query projects: project a bound
                # IRI (a plan's graph) for the query and drop it from the rows; any other
                # parameter outside the projection is bound by a VALUES block, as for endpoints
                if "projection" not in str(err):
                    raise
                iris = [k for k, v in single.items() if isinstance(v, IRI)]
                projected = with_projected(query, iris) if iris else None
                if projected is not None:
                    added = iris
                    solutions = self._store.query(projected, substitutions=substitutions)
                else:
                    solutions = self._store.query(inject_values(query, _n3_terms(single)))
        except SyntaxError as err:
            check_select(query)  # an update, or a syntax error that rdflib sees too
            raise QueryError(f"query: {syntax_error_message(query)}") from err
        except OSError as err:
            raise InputError(f"{self.name}: {err}") from err
        if not isinstance(solutions, pyoxigraph.QuerySolutions):
            check_select(query)  # says which form the query has
            raise QueryError("query: only SELECT queries give rows")
        columns = [v.value for v in solutions.variables if v.value not in added]
        return Rows(columns, ({c: _oxigraph_cell(s[c]) for c in columns} for s in solutions))

    def oxigraph(self) -> pyoxigraph.Store:
        return self._store


class RdflibSource(Source):
    """Local quads in rdflib's memory store, evaluated by rdflib's SPARQL engine."""

    def __init__(self, dataset: Dataset, name: str, *, timeout: float | None = None) -> None:
        self._dataset = dataset
        self.name = name
        self.timeout = timeout  # seconds a query may take (queries/deadline.py); None: no bound

    def select(self, query: str, *, bindings: Mapping[str, Binding] | None = None) -> Rows:
        return within(self.timeout, self.name, self._select, query, bindings)

    def _select(self, query: str, bindings: Mapping[str, Binding] | None) -> Rows:
        from rdflib import Variable

        check_select(query)
        single, several = _split(bindings)
        query = inject_values(query, several)
        init = {Variable(k): _rdflib_term(v) for k, v in single.items()}
        try:
            result = self._dataset.query(query, initBindings=init)
            columns = [str(v) for v in result.vars or ()]
            rows = [{c: _rdflib_cell(row[c]) for c in columns} for row in result]
        except Exception as err:
            # rdflib raises many types during evaluation (unknown prefix, type errors …)
            message = " ".join(str(err).split())
            raise QueryError(f"query: rdflib could not run it: {message[:160]}") from err
        return Rows(columns, rows)

    def oxigraph(self) -> pyoxigraph.Store:
        return dataset_to_store(self._dataset)

    def dataset(self) -> Dataset:
        return self._dataset


class EndpointSource(Source):
    """A remote SPARQL 1.1 endpoint, evaluated there."""

    def __init__(self, endpoint: remote.Endpoint) -> None:
        self.endpoint = endpoint
        self.name = endpoint.url

    def select(self, query: str, *, bindings: Mapping[str, Binding] | None = None) -> Rows:
        from plankg.queries import remote  # the endpoint client: only for an endpoint

        check_select(query)
        return remote.select(self.endpoint, inject_values(query, _n3_terms(bindings or {})))

    def oxigraph(self) -> pyoxigraph.Store:
        from plankg.queries import remote

        store = pyoxigraph.Store()
        store.extend(remote.quads(self.endpoint))
        return store


def load_file(path: Path, *, engine: Engine = "oxigraph") -> Source:
    """A graph file in any of the build formats, parsed into memory for ``engine``.

    Triples of a format without graphs (Turtle, N-Triples …) go into one named graph named by
    the file's URI: the queries read named graphs only.
    """
    path = Path(path)
    fmt = FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FILE_FORMATS))
        raise InputError(f"{path}: unknown graph file type (known: {known})")
    if not path.is_file():
        raise InputError(f"{path}: no such graph file")
    ox_format, rdflib_format, has_graphs = fmt
    graph_name = path.resolve().as_uri()
    try:
        if engine == "rdflib":
            from rdflib import Dataset, URIRef

            dataset = Dataset()
            target = dataset if has_graphs else dataset.graph(URIRef(graph_name))
            target.parse(str(path), format=rdflib_format)
            if next(iter(dataset.quads((None, None, None, None))), None) is None:
                raise InputError(f"{path}: no triples in this graph file")
            return RdflibSource(dataset, str(path))
        store = pyoxigraph.Store()
        to_graph = None if has_graphs else pyoxigraph.NamedNode(graph_name)
        store.load(path=str(path), format=ox_format, to_graph=to_graph)
        if len(store) == 0:
            raise InputError(f"{path}: no triples in this graph file")
        return OxigraphSource(store, str(path))
    except InputError:
        raise
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err}") from err
    except Exception as err:
        # pyoxigraph raises SyntaxError or ValueError; rdflib's parsers their own types
        first = next((s for s in str(err).splitlines() if s.strip()), type(err).__name__)
        raise InputError(f"{path}: not valid {rdflib_format}: {first[:160]}") from err


def open_source(
    *,
    store: Path | str | None = None,
    graph: Path | str | None = None,
    endpoint: str | None = None,
    engine: Engine = "oxigraph",
    timeout: float | None = None,
    user: str | None = None,
    password: str | None = None,
) -> Source:
    """Open one source: a store directory, a graph file or an endpoint (default: the store).

    ``timeout`` bounds every query, in seconds: an endpoint's answer (default
    ``defaults.DEFAULT_TIMEOUT``) and a local query on either engine (default: no bound).
    """
    chosen = [n for n, v in (("store", store), ("graph", graph), ("endpoint", endpoint)) if v]
    if len(chosen) > 1:
        raise InputError(f"give only one of --store, --graph, --endpoint (got {', '.join(chosen)})")
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")
    if endpoint:
        if engine != "oxigraph":
            raise InputError("--engine applies to --store and --graph; an endpoint runs its own")
        from plankg.queries import remote  # http.client, SPARQLWrapper: only for an endpoint

        wait = DEFAULT_TIMEOUT if timeout is None else timeout
        return EndpointSource(remote.Endpoint(endpoint, wait, user, password))
    local: OxigraphSource | RdflibSource
    if graph:
        local = load_file(Path(graph), engine=engine)  # type: ignore[assignment]
    else:
        path = Path(store) if store else default_store_dir()
        opened = open_store(path)
        if engine == "rdflib":
            local = RdflibSource(store_to_dataset(opened), str(path))
        else:
            local = OxigraphSource(opened, str(path))
    local.timeout = timeout
    return local
