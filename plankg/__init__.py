"""plankg: a knowledge graph of Chinese government plan documents.

The Python API is small: :func:`query` (a named query), :func:`sparql` (any SELECT),
:func:`load_graph` (the graph as an rdflib Dataset), :func:`open_store` (the pyoxigraph store),
:func:`build_dataset` (plan texts → Dataset). They are imported on first use, so
``import plankg`` stays quick.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["build_dataset", "load_graph", "open_store", "query", "sparql"]

_WHERE = {
    "query": "plankg.api",
    "sparql": "plankg.api",
    "load_graph": "plankg.api",
    "open_store": "plankg.api",
    "build_dataset": "plankg.graph.rdf.build",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'plankg' has no attribute {name!r}")
