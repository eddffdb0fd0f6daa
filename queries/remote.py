"""Remote SPARQL 1.1 endpoints: queries through SPARQLWrapper, uploads by the Graph Store Protocol.

Queries go by POST (named queries are long, and GET URLs have limits), ask for JSON results,
send a ``plankg/<version>`` User-Agent, honour a timeout and optional HTTP basic auth. Every
failure becomes one :class:`RemoteError` whose message is a single line naming the endpoint.
"""

from __future__ import annotations

import ast
import base64
import http.client
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from typing import Any

import pyoxigraph
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
)

from plankg.errors import InputError
from plankg.queries.defaults import DEFAULT_TIMEOUT
from plankg.queries.rows import Rows, cell


def _version() -> str:
    # the installed distribution's version: importing plankg itself is not needed for this
    try:
        return metadata.version("plankg")
    except metadata.PackageNotFoundError:
        return "0"


USER_AGENT = f"plankg/{_version()}"
MAX_DETAIL = 120


class RemoteError(InputError):
    """An endpoint could not be reached or refused the request."""


@dataclass(frozen=True)
class Endpoint:
    """A SPARQL query endpoint and how to talk to it."""

    url: str
    timeout: float = DEFAULT_TIMEOUT
    user: str | None = None
    password: str | None = None

    def __post_init__(self) -> None:
        scheme = urllib.parse.urlsplit(self.url).scheme
        if scheme not in ("http", "https"):
            raise RemoteError(f"{self.url}: not an http(s) URL")
        if self.timeout <= 0:
            raise RemoteError(f"{self.url}: timeout must be positive, not {self.timeout}")


def post_query(endpoint: Endpoint, text: str) -> dict[str, Any]:
    """Run a SELECT or ASK query and return the parsed SPARQL JSON results."""
    client = SPARQLWrapper(endpoint.url, agent=USER_AGENT)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    # setTimeout() truncates to whole seconds (0.5 → no timeout at all); the attribute is used as is
    client.timeout = endpoint.timeout  # type: ignore[assignment]
    if endpoint.user is not None:
        client.setCredentials(endpoint.user, endpoint.password or "")
    client.setQuery(text)
    try:
        response = client.query()
        body = response.response.read()
    except Unauthorized as err:
        hint = _credentials_hint(endpoint.user)
        raise RemoteError(f"{endpoint.url}: HTTP 401 unauthorized{hint}") from err
    except QueryBadFormed as err:
        raise RemoteError(f"{endpoint.url}: HTTP 400 bad query{_detail(err)}") from err
    except EndPointNotFound as err:
        raise RemoteError(f"{endpoint.url}: HTTP 404 no SPARQL endpoint here") from err
    except EndPointInternalError as err:
        raise RemoteError(f"{endpoint.url}: HTTP 500 server error{_detail(err)}") from err
    except SPARQLWrapperException as err:
        raise RemoteError(f"{endpoint.url}: {_first_line(str(err))}") from err
    except Exception as err:
        raise _transport_error(endpoint.url, endpoint.timeout, err) from err
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise RemoteError(f"{endpoint.url}: the answer is not SPARQL JSON results") from err


def select(endpoint: Endpoint, text: str) -> Rows:
    """Run a SELECT query remotely; rows in the canonical form of :mod:`plankg.queries.rows`."""
    columns, bindings = _select_results(endpoint, text)
    return Rows(columns, ({c: _json_cell(b.get(c)) for c in columns} for b in bindings))


def quads(endpoint: Endpoint) -> Iterator[pyoxigraph.Quad]:
    """Every quad of every named graph of the endpoint (what ``export`` and ``push`` copy)."""
    _, bindings = _select_results(endpoint, "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    for binding in bindings:
        try:
            yield pyoxigraph.Quad(*(_json_term(binding[v]) for v in ("s", "p", "o", "g")))
        except (KeyError, TypeError, ValueError) as err:
            raise RemoteError(f"{endpoint.url}: the answer holds a quad that is not RDF") from err


def _select_results(endpoint: Endpoint, text: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The variables and the bindings of a SELECT query's JSON results."""
    results = post_query(endpoint, text)
    try:
        return results["head"]["vars"], results["results"]["bindings"]
    except (KeyError, TypeError) as err:
        raise RemoteError(f"{endpoint.url}: the answer holds no SELECT results") from err


def _json_cell(term: dict[str, str] | None) -> Any:
    if term is None:
        return None
    kind = {"uri": "iri", "bnode": "bnode"}.get(term["type"], "literal")
    return cell(kind, term["value"], term.get("datatype"))


def _json_term(term: dict[str, str]) -> Any:
    kind, value = term["type"], term["value"]
    if kind == "uri":
        return pyoxigraph.NamedNode(value)
    if kind == "bnode":
        return pyoxigraph.BlankNode(value)
    if "xml:lang" in term:
        return pyoxigraph.Literal(value, language=term["xml:lang"])
    if "datatype" in term:
        return pyoxigraph.Literal(value, datatype=pyoxigraph.NamedNode(term["datatype"]))
    return pyoxigraph.Literal(value)


# --- Graph Store Protocol ------------------------------------------------------------------


def graph_store_url(query_url: str) -> str:
    """The Graph Store Protocol URL next to a query endpoint, Oxigraph's layout.

    Oxigraph serves queries at ``…/query`` and graphs at ``…/store``; Fuseki uses ``…/data``
    and others differ again, which is why ``push`` takes ``--graph-store``.

    >>> graph_store_url("http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/store'
    """
    parts = urllib.parse.urlsplit(query_url)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    if last not in ("query", "sparql"):
        raise RemoteError(
            f"{query_url}: cannot guess the Graph Store Protocol URL; pass --graph-store"
        )
    return urllib.parse.urlunsplit(parts._replace(path=f"{head}/store", query=""))


def put_graph(
    store_url: str,
    graph: str,
    data: bytes,
    *,
    content_type: str = "application/n-triples",
    timeout: float = DEFAULT_TIMEOUT,
    user: str | None = None,
    password: str | None = None,
) -> int:
    """Replace the named graph ``graph`` at ``store_url`` with ``data`` by HTTP PUT.

    Returns the HTTP status (201 created, 204 replaced on Oxigraph).
    """
    separator = "&" if urllib.parse.urlsplit(store_url).query else "?"
    url = f"{store_url}{separator}{urllib.parse.urlencode({'graph': graph})}"
    request = urllib.request.Request(url, data=data, method="PUT")
    request.add_header("Content-Type", f"{content_type}; charset=utf-8")
    request.add_header("User-Agent", USER_AGENT)
    if user is not None:
        token = base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as err:
        detail = _detail(err.read())
        if err.code == 401:
            hint = _credentials_hint(user)
            raise RemoteError(f"{store_url}: HTTP 401 unauthorized{hint}") from err
        if 300 <= err.code < 400:  # urllib does not follow a redirected PUT, and should not
            where = err.headers.get("Location", "elsewhere")
            raise RemoteError(f"{store_url}: HTTP {err.code}: redirected to {where}; give the "
                              "graph store's own URL") from err
        raise RemoteError(f"{store_url}: HTTP {err.code} {err.reason}{detail}") from err
    except Exception as err:
        raise _transport_error(store_url, timeout, err) from err


# --- error messages ------------------------------------------------------------------------


def _transport_error(url: str, timeout: float, err: Exception) -> RemoteError:
    if isinstance(err, urllib.error.HTTPError):  # a status SPARQLWrapper has no class for
        if 300 <= err.code < 400:  # urllib gives up on a redirect loop with the last 3xx
            return RemoteError(f"{url}: HTTP {err.code}: redirected in a loop, no answer")
        return RemoteError(f"{url}: HTTP {err.code} {err.reason}")
    reason = err.reason if isinstance(err, urllib.error.URLError) else err
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return RemoteError(f"{url}: no answer within {timeout:g} s (timeout)")
    if isinstance(reason, ConnectionRefusedError):
        return RemoteError(f"{url}: connection refused (is the server running?)")
    if isinstance(reason, socket.gaierror):
        return RemoteError(f"{url}: unknown host")
    if isinstance(reason, (OSError, http.client.HTTPException)):
        return RemoteError(f"{url}: cannot reach the endpoint: {_first_line(str(reason))}")
    return RemoteError(f"{url}: {type(err).__name__}: {_first_line(str(err))}")


def _credentials_hint(user: str | None) -> str:
    return " (check --user/--password)" if user is None else " (wrong user or password?)"


def _detail(err: Exception | bytes) -> str:
    """The first line of the server's answer, which usually says what went wrong."""
    if isinstance(err, bytes):
        body = err.decode("utf-8", "replace")
    else:
        # SPARQLWrapper keeps the body only inside its message, as the repr of the bytes
        _, found, tail = str(err).partition("Response:\n")
        if not found:
            return ""
        try:
            raw = ast.literal_eval(tail.strip())
            body = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        except (ValueError, SyntaxError):
            body = tail
    line = _first_line(body)
    return f": {line}" if line else ""


def _first_line(text: str) -> str:
    line = next((s.strip() for s in text.splitlines() if s.strip()), "")
    return line if len(line) <= MAX_DETAIL else line[: MAX_DETAIL - 1] + "…"


def push(
    store: pyoxigraph.Store,
    store_url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    user: str | None = None,
    password: str | None = None,
) -> list[tuple[str, int]]:
    """PUT every named graph of ``store`` to a Graph Store Protocol service.

    One request per graph, each replacing that graph whole: pushing twice leaves the server as
    pushing once did, and graphs on the server that ``store`` does not hold are never touched
    (no DROP, no CLEAR, no PUT to the default graph). Returns (graph IRI, triples sent) in the
    order sent. Triples in the default graph are not sent (the model puts none there).

    A push that fails half-way raises one line naming the graphs already sent, so a researcher
    knows which plans the server holds in the new version; pushing again sends all.
    """
    pushed: list[tuple[str, int]] = []
    graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, pyoxigraph.NamedNode))
    for graph in graphs:
        name = pyoxigraph.NamedNode(graph)
        data = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=name)
        count = sum(1 for _ in store.quads_for_pattern(None, None, None, name))
        try:
            put_graph(store_url, graph, data, timeout=timeout, user=user, password=password)
        except RemoteError as err:
            if not pushed:
                raise
            sent = " ".join(iri for iri, _ in pushed)
            unsent = " ".join(graphs[len(pushed):])
            raise RemoteError(f"{err} — {len(pushed)} of {len(graphs)} graphs were sent before "
                              f"the failure: {sent}; not sent: {unsent} (push again to send "
                              "all)") from err
        pushed.append((graph, count))
    return pushed
