"""The Python API: run the named queries or any SELECT, open the store, load the graph.

``source`` is where the graph comes from: ``None`` (the default store), a store directory or a
graph file path, an ``http(s)://`` endpoint URL, a pyoxigraph ``Store``, an rdflib ``Dataset``,
or a :class:`~plankg.queries.sources.Source`. Parameters of a query are keyword arguments.

>>> from pathlib import Path
>>> mini = Path(__file__).parents[1] / "tests/data/queries/mini.trig"
>>> rows = query("entity", source=mini, label="太湖实验室")
>>> rows.columns
['subject', 'predicate', 'object', 'evidence']
>>> sorted({row["object"] for row in rows})
['新材料', '新能源', '智能装备']
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph

from plankg.errors import InputError
from plankg.queries import named
from plankg.queries import store as stores
from plankg.queries.planfilter import plan_graphs
from plankg.queries.rows import Rows
from plankg.queries.sources import (
    Engine,
    OxigraphSource,
    RdflibSource,
    Source,
    load_file,
    open_source,
)

if TYPE_CHECKING:  # rdflib is imported only when rdflib objects are handed over or asked for
    from rdflib import Dataset, Graph

    SourceLike = Source | pyoxigraph.Store | Dataset | Graph | Path | str | None

__all__ = ["Rows", "load_graph", "open_store", "query", "source_of", "sparql"]


def source_of(source: SourceLike = None, *, engine: Engine = "oxigraph") -> Source:
    """Whatever names a graph, as a :class:`Source`."""
    if isinstance(source, Source):
        return source
    if isinstance(source, pyoxigraph.Store):
        return OxigraphSource(source, "store")
    if _is_rdflib_graph(source):  # a Dataset is a Graph too
        from rdflib import Dataset

        dataset = source if isinstance(source, Dataset) else _as_dataset(source)
        return RdflibSource(dataset, "dataset")
    if isinstance(source, str) and source.startswith(("http://", "https://")):
        return open_source(endpoint=source)
    if source is None:
        return open_source(engine=engine)
    path = Path(source)
    if path.is_dir():
        return open_source(store=path, engine=engine)
    return load_file(path, engine=engine)


def _is_rdflib_graph(value: object) -> bool:
    # only a caller that imported rdflib can hand over an rdflib graph
    if "rdflib" not in sys.modules:
        return False
    from rdflib import Graph

    return isinstance(value, Graph)


def _as_dataset(graph: Graph) -> Dataset:
    from rdflib import Dataset

    dataset = Dataset()
    target = dataset.graph(graph.identifier) if graph.identifier else dataset.default_graph
    for triple in graph:
        target.add(triple)
    return dataset


def run(
    named_query: named.Query,
    source: Source,
    params: Mapping[str, str],
    *,
    strict: bool = True,
    limit: int | None = None,
) -> Rows:
    """Run a loaded query: parameters bound, list cells put in order, at most ``limit`` rows.

    ``strict`` (or a query whose header declares parameters) requires exactly the declared
    parameters; otherwise any variable may be bound. A query with a ``# plan:`` header takes
    an optional ``plan`` (title, file name or key) and reads only that plan's graph.
    """
    if strict or named_query.params:
        named_query.check_params(params)
    named_query.check_values(params)
    bindings = named_query.bindings(params)
    if named_query.plan_graph and named.PLAN_PARAM in params:
        graphs = plan_graphs(source.select, params[named.PLAN_PARAM])
        bindings[named_query.plan_graph] = graphs[0] if len(graphs) == 1 else graphs
    text, pushed = named_query.limited(limit)
    rows = named_query.finish(source.select(text, bindings=bindings))
    if limit is not None and not pushed and len(rows) > limit:
        rows = Rows(rows.columns, rows[:limit])
    return rows


def query(name: str, /, *, source: SourceLike = None, **params: str) -> Rows:
    """Run the named query ``name`` (see ``plankg queries``) and return its rows."""
    return run(named.load(name), source_of(source), params)


def sparql(text: str, /, *, source: SourceLike = None, **params: str) -> Rows:
    """Run any SELECT query; keyword arguments bind variables of the same name."""
    return run(named.from_text(text), source_of(source), params, strict=False)


def open_store(path: Path | str | None = None) -> pyoxigraph.Store:
    """The on-disk store (default: ``$PLANKG_STORE`` or ``.plankg/store``), read-only."""
    return stores.open_store(path)


def load_graph(path: Path | str | None = None, *, store: Path | str | None = None) -> Dataset:
    """The graph as an rdflib Dataset: from a graph file if ``path`` is given, else the store."""
    if path is not None and store is not None:
        raise InputError("give a graph file or a store, not both")
    if path is not None:
        return load_file(Path(path), engine="rdflib").dataset()
    return stores.store_to_dataset(stores.open_store(store))


def params_from(pairs: Any) -> dict[str, str]:
    """``["label=鲲鹏行动计划"]`` → ``{"label": "鲲鹏行动计划"}`` (the CLI's ``-p``)."""
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = str(pair).partition("=")
        if not sep or not key.strip():
            raise InputError(f"parameter {pair!r} is not key=value")
        params[key.strip()] = value
    return params
